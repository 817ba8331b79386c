"""The letter carries a capped extract of its annex; CSV and XLSX stream every signal from the database."""

import csv
import io

import pytest
from openpyxl import load_workbook

from reports import letter as letter_module
from reports.letter import build_bottleneck_letter
from reports.periods import parse_period
from tests.conftest import login
from tests.reports.factories import cleanup_letters, make_dataset

API = "/api/v1/reports/bottleneck-letter"


@pytest.fixture(autouse=True)
def _clean_letters(db):
    yield
    cleanup_letters(db)


@pytest.fixture
def small_extract(monkeypatch):
    monkeypatch.setattr(letter_module, "ANNEX_EXTRACT", 2)


def _annex_references_in_csv(content: bytes) -> set[str]:
    rows = csv.reader(io.StringIO(content.decode("utf-8")))
    return {row[3] for row in rows if row[0] == "annex" and row[2] == "Kenmerk"}


def test_letter_data_holds_an_extract_and_the_full_count(db, make_signal, small_extract):
    make_dataset(db, make_signal)
    letter = build_bottleneck_letter(db.session, parse_period("2026-Q3"))
    annex = letter["tables"]["annex"]
    assert len(annex["rows"]) == 2
    assert annex["count"] == 6 and annex["complete"] is False


def test_csv_and_xlsx_downloads_list_every_signal(client, db, make_signal, make_user, small_extract):
    make_dataset(db, make_signal)
    login(client, make_user("coordinator", "BZK"))
    csv_response = client.get("/brieven/download", query_string={"period": "2026-Q3", "ministry": "ALL", "format": "csv"})
    assert csv_response.status_code == 200
    references = _annex_references_in_csv(csv_response.data)
    assert len(references) == 6
    xlsx_response = client.get("/brieven/download", query_string={"period": "2026-Q3", "ministry": "ALL", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx_response.data), read_only=True)["annex"]
    assert {row[0] for row in sheet.iter_rows(min_row=3, values_only=True)} == references


def test_html_preview_says_how_many_and_where_the_rest_is(client, db, make_signal, make_user, small_extract):
    make_dataset(db, make_signal)
    login(client, make_user("liaison", "BZK"))
    page = client.get("/brieven/voorbeeld", query_string={"period": "2026-Q3", "ministry": "ALL"}).get_data(as_text=True)
    assert "Alle 6 signalen" in page
    assert "toont de eerste 2 signalen" in page


def test_api_json_links_the_annex_and_gives_it_on_request(client, db, make_signal, make_user, make_token, small_extract):
    make_dataset(db, make_signal)
    headers = {"Authorization": f"Bearer {make_token(make_user('coordinator', 'BZK'))}"}
    body = client.get(API, query_string={"period": "2026-Q3"}, headers=headers).get_json()
    annex = body["tables"]["annex"]
    assert len(annex["rows"]) == 2 and annex["count"] == 6
    linked = client.get(annex["links"]["csv"], headers=headers)
    assert linked.status_code == 200 and len(_annex_references_in_csv(linked.data)) == 6
    full = client.get(API, query_string={"period": "2026-Q3", "annex": "1"}, headers=headers).get_json()
    assert len(full["tables"]["annex"]["rows"]) == 6 and full["tables"]["annex"]["complete"] is True
