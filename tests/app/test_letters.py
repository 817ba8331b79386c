"""The letters page, the bottleneck-letter API and the CLI: roles, scope, errors, formats, publication."""

import pytest

from tests.conftest import login
from tests.reports.factories import cleanup_letters, make_dataset

API = "/api/v1/reports/bottleneck-letter"


@pytest.fixture(autouse=True)
def _clean_letters(db):
    yield
    cleanup_letters(db)


def _get(client, token, **params):
    return client.get(API, query_string=params, headers={"Authorization": f"Bearer {token}"})


def test_api_letter_json_for_coordinator_counts_signals(client, db, make_user, make_token, make_signal):
    make_dataset(db, make_signal)
    token = make_token(make_user("coordinator", "BZK"))
    body = _get(client, token, period="2026-Q3").get_json()
    assert body["period"]["code"] == "2026-Q3" and body["scope"]["code"] == "ALL"
    assert body["summary"]["values"]["total"] == 6


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"period": "2026-Q9"}, "period"),
        ({"period": ""}, "period"),
        ({"period": "2026-Q3", "ministry": "NOPE"}, "ministry"),
        ({"period": "2026-Q3", "format": "odt"}, "format"),
    ],
)
def test_api_bad_input_is_422_naming_the_field(client, make_user, make_token, params, field):
    response = _get(client, make_token(make_user("liaison", "BZK")), **params)
    assert response.status_code == 422
    assert field in response.get_json()["error"]["fields"]


def test_api_triage_gets_own_ministry_only_and_frontline_nothing(client, db, make_user, make_token, make_signal):
    make_dataset(db, make_signal)
    fin = make_token(make_user("triage", "FIN"))
    assert _get(client, fin, period="2026-Q3", ministry="SZW").status_code == 403
    own = _get(client, fin, period="2026-Q3")
    assert own.status_code == 200 and own.get_json()["scope"]["code"] == "FIN"
    assert _get(client, make_token(make_user("frontline", "GEM")), period="2026-Q3").status_code == 403
    assert client.get(API, query_string={"period": "2026-Q3"}).status_code == 401


@pytest.mark.parametrize(
    ("fmt", "magic"),
    [("html", b"<!DOCTYPE html>"), ("csv", b"tabel,rij"), ("xlsx", b"PK"), ("docx", b"PK"), ("pdf", b"%PDF")],
)
def test_api_renders_every_format(client, make_user, make_token, fmt, magic):
    response = _get(client, make_token(make_user("coordinator", "BZK")), period="2026-Q3", ministry="SZW", format=fmt)
    assert response.status_code == 200
    assert response.data.startswith(magic)


def test_letters_page_publish_and_serve_stored_file(client, db, make_user, make_signal):
    make_dataset(db, make_signal)
    login(client, make_user("coordinator", "BZK"))
    page = client.get("/brieven/", query_string={"period": "2026-Q3", "ministry": "ALL"}).get_data(as_text=True)
    assert "Brief publiceren" in page and page.count("<h1") == 1
    preview = client.get("/brieven/voorbeeld", query_string={"period": "2026-Q3", "ministry": "SZW"})
    assert preview.status_code == 200 and b"/brieven/plotly.min.js" in preview.data
    assert client.get("/brieven/plotly.min.js").status_code == 200
    response = client.post("/brieven/publiceren", data={"period": "2026-Q3", "ministry": "ALL"})
    assert response.status_code == 302
    listing = client.get("/brieven/").get_data(as_text=True)
    assert "Knelpuntenbrief derde kwartaal 2026" in listing
    from signals.models import PublishedLetter

    letter = db.session.query(PublishedLetter).one()
    stored = {f.format: f.content for f in letter.files}
    make_signal()
    for fmt, content in stored.items():
        assert client.get(f"/brieven/gepubliceerd/{letter.id}/{fmt}").data == content
    assert client.get(f"/brieven/gepubliceerd/{letter.id}").status_code == 200


def test_letters_page_roles(client, make_user):
    login(client, make_user("frontline", "GEM"))
    assert client.get("/brieven/").status_code == 403
    client.post("/auth/logout")
    login(client, make_user("triage", "FIN"))
    assert client.get("/brieven/").status_code == 200
    assert client.get("/brieven/voorbeeld", query_string={"period": "2026-Q3", "ministry": "SZW"}).status_code == 403
    assert client.post("/brieven/publiceren", data={"period": "2026-Q3", "ministry": "FIN"}).status_code == 403


def test_cli_writes_letter_and_refuses_bad_period(runner, db, make_signal, tmp_path):
    make_dataset(db, make_signal)
    out = tmp_path / "brief.csv"
    result = runner.invoke(
        args=[
            "report",
            "bottleneck-letter",
            "--period",
            "2026-Q3",
            "--ministry",
            "SZW",
            "--format",
            "csv",
            "-o",
            str(out),
        ]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"tabel,rij")
    bad = runner.invoke(args=["report", "bottleneck-letter", "--period", "2026-Q7", "--format", "csv", "-o", str(out)])
    assert bad.exit_code == 2 and "period" in bad.output
