"""A channel's own reference (external_id): imports and API calls can be repeated without duplicates."""


from openpyxl import Workbook

from signals.models import Signal

CSV = (
    "channel,title,description,regulations,external_id\n"
    "GEM-BL,Gift,Bijstand teruggevorderd na een gift.,BWBR0015703,ZAAK-1\n"
    "GEM-BL,Huurtoeslag,Huurtoeslag teruggevorderd.,,ZAAK-2\n"
    "GEM-BL,Zonder eigen kenmerk,Kinderopvangtoeslag te laat.,,\n"
)


def _run_import(runner, path):
    return runner.invoke(args=["import-signals", str(path), "--as", "import@example.org"])


def test_importing_the_same_csv_twice_creates_nothing_new(runner, db, make_user, tmp_path):
    make_user("frontline", "GEM", email="import@example.org")
    path = tmp_path / "signalen.csv"
    path.write_text(CSV, encoding="utf-8")
    first = _run_import(runner, path)
    assert first.exit_code == 0, first.output
    assert db.session.query(Signal).filter(Signal.external_id.is_not(None)).count() == 2
    # the row without an external id cannot be recognised: only the two with one are skipped
    path.write_text(CSV.rsplit("\n", 2)[0] + "\n", encoding="utf-8")
    second = _run_import(runner, path)
    assert second.exit_code == 0, second.output
    assert "Geïmporteerd: 0;" in second.output and "niet opnieuw: 2." in second.output
    assert db.session.query(Signal).count() == 3


def test_a_repeated_id_within_one_file_and_another_channel(runner, db, make_user, tmp_path):
    make_user("frontline", "GEM", email="import@example.org")
    path = tmp_path / "signalen.csv"
    path.write_text(
        "channel,title,description,external_id\n"
        "GEM-BL,Eerste,Bijstand teruggevorderd.,ZAAK-9\n"
        "GEM-BL,Herhaling,Bijstand teruggevorderd.,ZAAK-9\n",
        encoding="utf-8",
    )
    result = _run_import(runner, path)
    assert result.exit_code == 0, result.output
    assert [s.title for s in db.session.query(Signal)] == ["Eerste"]


def test_import_reads_xlsx(runner, db, make_user, tmp_path):
    make_user("frontline", "GEM", email="import@example.org")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["channel", "title", "description", "people_affected", "external_id"])
    sheet.append(["GEM-BL", "Uit Excel", "Toeslag teruggevorderd na verhuizing.", 3, 4711])
    path = tmp_path / "signalen.xlsx"
    workbook.save(path)
    assert _run_import(runner, path).exit_code == 0
    assert _run_import(runner, path).exit_code == 0
    stored = db.session.query(Signal).one()
    assert (stored.title, stored.people_affected, stored.external_id) == ("Uit Excel", 3, "4711")


def test_api_repeat_of_an_external_id_returns_the_stored_signal(client, db, make_user, make_token):
    token = make_token(make_user("frontline", "GEM"))
    headers = {"Authorization": f"Bearer {token}"}
    body = {"channel": "GEM-BL", "title": "Gift", "description": "Bijstand teruggevorderd.", "external_id": "CRM-77"}
    first = client.post("/api/v1/signals", json=body, headers=headers)
    assert first.status_code == 201
    again = client.post("/api/v1/signals", json=body, headers=headers)
    assert again.status_code == 200
    assert again.get_json()["id"] == first.get_json()["id"] and again.get_json()["external_id"] == "CRM-77"
    other_channel = client.post("/api/v1/signals", json={**body, "channel": "IR-CC"}, headers=headers)
    assert other_channel.status_code == 201
    too_long = client.post("/api/v1/signals", json={**body, "external_id": "x" * 101}, headers=headers)
    assert too_long.status_code == 422 and "external_id" in too_long.get_json()["error"]["fields"]
    assert db.session.query(Signal).count() == 2
