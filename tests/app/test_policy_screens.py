"""Parliament and policy screens: the liaison's start page, the dossier per regulation (page and API),
the knelpunten list's filters, and dashboards where a chosen ministry shows only its rows."""

import csv
import datetime as dt
import io
import re

from reports.aggregation import Filters
from reports.dashboard import build_dashboard
from reports.periods import parse_period
from tests.conftest import login
from tests.reports.factories import AWIR, NOW, PARTICIPATIEWET, UTC, make_dataset, make_knelpunt

Q3 = parse_period("2026-Q3")


def test_liaison_start_page_names_ministries_and_links_every_figure(client, db, make_user, make_signal):
    make_dataset(db, make_signal)
    make_knelpunt(db, "Giften tellen als inkomen", "SZW", dt.datetime(2026, 8, 5, tzinfo=UTC), status="in_study")
    login(client, make_user("liaison", "BZK"))
    page = client.get("/").get_data(as_text=True)
    assert page.count("<h1") == 1
    assert "Ministerie van Sociale Zaken en Werkgelegenheid" in page and "Ministerie van Financiën" in page
    assert "/knelpunten/?ministry=SZW&amp;status=in_study" in page  # the knelpunten count links to the list
    assert "/dashboard/?ministry=SZW" in page  # open per ministry links to the dashboard
    assert "Er is nog geen brief gepubliceerd." in page and "/brieven/brief?period=" in page
    assert len(re.findall(r"<th class=\"utrecht-table__header-cell\" scope=\"row\">\d{4}-\d\d</th>", page)) == 12
    assert "Terugvordering na gift" not in page  # no single signal for a liaison


def test_dossier_page_and_api_scope_signals_and_give_liaison_aggregates_only(client, db, make_user, make_signal, make_token):
    signals = make_dataset(db, make_signal)
    make_knelpunt(db, "Giften tellen als inkomen", "SZW", dt.datetime(2026, 8, 5, tzinfo=UTC), signals=signals[:2])
    about_pw = [s for s in signals if PARTICIPATIEWET in {r.code for r in s.regulations}]

    liaison = make_token(make_user("liaison", "BZK"))
    body = client.get(f"/api/v1/regulations/{PARTICIPATIEWET}/dossier", headers={"Authorization": f"Bearer {liaison}"}).get_json()
    assert body["regulation"]["url"] == f"https://wetten.overheid.nl/{PARTICIPATIEWET}"
    assert body["figures"]["signals"] == len(about_pw)
    assert body["signals"] is None
    assert [k["title"] for k in body["knelpunten"]] == ["Giften tellen als inkomen"]
    samenloop = {row[1]: row[3] for row in body["tables"]["samenloop"]["rows"]}
    assert samenloop == {AWIR: 1}  # one signal names both laws

    fin = make_token(make_user("triage", "FIN"))
    fin_body = client.get(f"/api/v1/regulations/{PARTICIPATIEWET}/dossier", headers={"Authorization": f"Bearer {fin}"}).get_json()
    assert fin_body["figures"]["signals"] == 1  # only the signal FIN is co-responsible for
    assert [s["id"] for s in fin_body["signals"]] == [s.id for s in about_pw if "FIN" in {m.ministry_code for m in s.ministry_links}]

    admin = make_token(make_user("admin", "BZK"))
    assert client.get(f"/api/v1/regulations/{PARTICIPATIEWET}/dossier", headers={"Authorization": f"Bearer {admin}"}).status_code == 403
    unknown = client.get("/api/v1/regulations/BWBR9999999/dossier", headers={"Authorization": f"Bearer {liaison}"})
    assert unknown.status_code == 404 and unknown.get_json()["error"]["message"]
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/regulations/{bwb_id}/dossier" in spec["paths"]

    login(client, make_user("liaison", "BZK"))
    page = client.get(f"/regelingen/{PARTICIPATIEWET}").get_data(as_text=True)
    assert "Participatiewet" in page and f"https://wetten.overheid.nl/{PARTICIPATIEWET}" in page
    assert "Terugvordering na gift" not in page
    assert client.get(f"/regelingen/{PARTICIPATIEWET}/export/signals.csv").status_code == 403
    export = client.get(f"/regelingen/{PARTICIPATIEWET}/export/trend.csv")
    rows = list(csv.reader(io.StringIO(export.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["Maand", "Signalen"] and sum(int(r[1]) for r in rows[1:]) == len(about_pw)
    client.post("/auth/logout")
    login(client, make_user("coordinator", "BZK"))
    page = client.get(f"/regelingen/{PARTICIPATIEWET}").get_data(as_text=True)
    assert "Terugvordering na gift" in page
    xlsx = client.get(f"/regelingen/{PARTICIPATIEWET}/export/signals.xlsx")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"


def test_knelpunten_list_filters_searches_and_sorts(client, db, make_user, make_signal):
    signals = make_dataset(db, make_signal)
    giften = make_knelpunt(db, "Giften tellen als inkomen", "SZW", dt.datetime(2026, 8, 5, tzinfo=UTC), signals=signals[:3])
    toeslag = make_knelpunt(db, "Toeslag terug na loonsverhoging", "FIN", dt.datetime(2026, 9, 5, tzinfo=UTC), status="in_study", regulation=AWIR)
    oud = make_knelpunt(db, "Kostendelersnorm", "SZW", dt.datetime(2025, 2, 1, tzinfo=UTC), status="addressed")
    login(client, make_user("liaison", "BZK"))

    def titles(**query):
        page = client.get("/knelpunten/", query_string=query).get_data(as_text=True)
        return [t for t in (giften.title, toeslag.title, oud.title) if t in page], page

    assert titles(ministry="SZW")[0] == [giften.title, oud.title]
    assert titles(status="in_study")[0] == [toeslag.title]
    assert titles(regulation=AWIR)[0] == [toeslag.title]
    assert titles(period="2026-Q3")[0] == [giften.title, toeslag.title]
    assert titles(q="loonsverhoging")[0] == [toeslag.title]
    found, page = titles(ministry="SZW", status="open")
    assert found == [giften.title] and "1 knelpunt gevonden." in page
    _found, page = titles(sort="signals")
    assert page.index(giften.title) < page.index(toeslag.title)
    _found, page = titles(sort="title")
    assert page.index(giften.title) < page.index(oud.title) < page.index(toeslag.title)
    assert client.get("/knelpunten/", query_string={"ministry": "<script>", "sort": "nope"}).status_code == 200


def test_dashboard_with_a_ministry_chosen_shows_only_its_rows(client, db, make_user, make_signal):
    make_dataset(db, make_signal)
    coordinator = make_user("coordinator", "BZK")
    dashboard = build_dashboard(db.session, coordinator, Q3, Filters(ministry="SZW"), now=NOW)
    for table_id in ("per_ministry", "punctuality", "per_month"):
        index = [c["key"] for c in dashboard["tables"][table_id]["columns"]].index("ministry")
        assert {row[index] for row in dashboard["tables"][table_id]["rows"]} == {"SZW"}, table_id
    login(client, coordinator)
    page = client.get("/dashboard/", query_string={"period": "2026-Q3", "ministry": "SZW"}).get_data(as_text=True)
    per_ministry = page.split('id="per-ministry"')[1].split('id="per-channel"')[0]
    assert "Ministerie van Sociale Zaken en Werkgelegenheid" in per_ministry and "Financiën" not in per_ministry
    assert "Participatiewet (Pw)" in page  # regulations by name in the filter
    assert "<script>" not in page.split("<main")[1]  # charts as JSON, no inline script
    export = client.get("/dashboard/export/per_ministry.csv", query_string={"period": "2026-Q3", "ministry": "SZW"})
    lines = export.get_data(as_text=True).lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Ministerie;") and len(lines) == 2 and "Sociale Zaken" in lines[1]
    assert client.get("/dashboard/export/nope.csv").status_code == 404
