"""The letter inside the app: a way back, a download button per format, the letterhead from the settings."""

import pytest

from tests.conftest import login
from tests.reports.factories import cleanup_letters, make_dataset


@pytest.fixture(autouse=True)
def _clean_letters(db):
    yield
    cleanup_letters(db)


def test_letter_page_shows_letter_inside_the_app_with_way_back_and_downloads(app, client, db, make_user, make_signal, monkeypatch):
    make_dataset(db, make_signal)
    monkeypatch.setitem(app.config, "LETTER_SENDER", "Ministerie van Voorbeeldzaken")
    monkeypatch.setitem(app.config, "LETTER_SIGNATORY_NAME", "A. Voorbeeld")
    login(client, make_user("liaison", "BZK"))
    page = client.get("/brieven/brief", query_string={"period": "2026-Q3", "ministry": "ALL"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert html.count("<h1") == 1 and "Knelpuntenbrief derde kwartaal 2026" in html
    assert "Hoofdmenu" in html  # inside the app's layout
    assert "Terug naar de knelpuntenbrieven" in html
    for fmt in ("pdf", "docx", "xlsx", "csv", "html"):
        assert f'data-format="{fmt}"' in html
    assert "Ministerie van Voorbeeldzaken" in html and "A. Voorbeeld" in html
    assert "<script>" not in html  # charts come as JSON for static/js/charts.js (no inline script)
    assert 'type="application/json"' in html
    css = client.get("/brieven/brief.css")
    assert css.status_code == 200 and css.mimetype == "text/css" and "--kp-ministry-colour" in css.get_data(as_text=True)


def test_letter_page_refuses_bad_period_and_other_roles(client, make_user):
    login(client, make_user("liaison", "BZK"))
    assert client.get("/brieven/brief", query_string={"period": "2026-Q9"}).status_code in (400, 422)
    client.post("/auth/logout")
    login(client, make_user("frontline", "GEM"))
    assert client.get("/brieven/brief", query_string={"period": "2026-Q3"}).status_code == 403


def test_published_letter_is_shown_in_the_app_from_its_frozen_data(client, db, make_user, make_signal, monkeypatch):
    from reports import render
    from tests.reports.test_kamerbrief import _png

    monkeypatch.setattr(render.chart_tools, "static_images", lambda figures: {k: _png() for k in figures})
    make_dataset(db, make_signal)
    login(client, make_user("liaison", "BZK"))
    response = client.post("/brieven/publiceren", data={"period": "2026-Q3", "ministry": "ALL"})
    assert response.status_code == 302
    index = client.get("/brieven/").get_data(as_text=True)
    import re

    letter_id = re.search(r"/brieven/gepubliceerd/(\d+)\"", index).group(1)
    page = client.get(f"/brieven/gepubliceerd/{letter_id}").get_data(as_text=True)
    assert "KNP-2026-Q3-ALL-v1" in page and "Terug naar de knelpuntenbrieven" in page
    assert f"/brieven/gepubliceerd/{letter_id}/pdf" in page
