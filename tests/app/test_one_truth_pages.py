"""Issue 8: the overview's backlog and period figures, each linked to the signals behind it, agree with page and API."""

from __future__ import annotations

import datetime as dt
import re

from signals.intake import SignalDraft, submit_signal
from signals.models import utcnow
from signals.workflow import transition_signal
from tests.conftest import login


def _signal(db, frontline, triage, steps, created_at):
    draft = SignalDraft(channel="GEM-BL", title="Gift leidt tot terugvordering", description="Een gift van familie telt als inkomen.", regulations=["BWBR0015703"])
    signal, _ = submit_signal(db.session, frontline, draft, created_at=created_at)
    for to, kwargs, at in steps:
        transition_signal(db.session, signal, to, frontline if to == "in_progress" and signal.status == "needs_info" else triage, at=at, **kwargs)
    db.session.commit()
    return signal


def _count(html: str, ministry: str, key: str) -> tuple[int, str | None]:
    row = re.search(rf'<tr class="utrecht-table__row" data-ministry="{ministry}">(.*?)</tr>', html, re.S)
    cell = re.search(rf'data-count="{key}">(.*?)</td>', row.group(1), re.S).group(1)
    link = re.search(r'href="([^"]+)"', cell)
    return int(re.sub(r"\D", "", re.sub(r"<[^>]+>", "", cell)) or 0), (link.group(1).replace("&amp;", "&") if link else None)


def test_every_overview_count_links_to_exactly_its_signals(client, db, make_user, make_token):
    coordinator = make_user("coordinator", "BZK")
    frontline = make_user("frontline", "GEM")
    triage = make_user("triage", "SZW")
    now = utcnow()
    long_ago = now - dt.timedelta(days=200)
    late_open = _signal(db, frontline, triage, [], long_ago)  # never accepted: very late now
    asked_late = _signal(db, frontline, triage, [("in_progress", {}, long_ago + dt.timedelta(days=1)), ("needs_info", {"note": "Welke maand?"}, now - dt.timedelta(days=60))], long_ago)
    asked_in_time = _signal(db, frontline, triage, [("in_progress", {}, long_ago + dt.timedelta(days=1)), ("needs_info", {"note": "Welke maand?"}, long_ago + dt.timedelta(days=2))], long_ago)
    fresh = _signal(db, frontline, triage, [], now - dt.timedelta(hours=1))
    login(client, coordinator)
    html = client.get("/coordinatie/overzicht").get_data(as_text=True)
    assert "Achterstand nu" in html and "Resultaat over" in html
    open_count, open_link = _count(html, "SZW", "open")
    late_count, late_link = _count(html, "SZW", "late")
    very_count, very_link = _count(html, "SZW", "very_late")
    assert (open_count, late_count, very_count) == (4, 2, 1)
    for count, link in ((open_count, open_link), (late_count, late_link), (very_count, very_link)):
        listed = client.get(link).get_data(as_text=True)
        assert int(re.search(r"(\d+) signa(?:al|len) gevonden", listed).group(1)) == count, link
    late_page = client.get(late_link).get_data(as_text=True)
    assert late_open.reference in late_page and asked_late.reference in late_page
    assert asked_in_time.reference not in late_page and fresh.reference not in late_page
    # the signal page and the API say the same of each signal
    headers = {"Authorization": f"Bearer {make_token(coordinator)}"}
    expected = {late_open: "very_late", asked_late: "late", asked_in_time: "on_time", fresh: "on_time"}
    for signal, state in expected.items():
        assert client.get(f"/api/v1/signals/{signal.id}", headers=headers).get_json()["deadline"] == state
        page = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
        assert f'data-deadline-state="{state}"' in page


def test_bad_check_filter_is_a_clear_4xx(client, db, make_user):
    login(client, make_user("coordinator", "BZK"))
    response = client.get("/signalen/?deadline=soon")
    assert response.status_code == 422
    assert "Kies op tijd, te laat of ruim te laat" in response.get_data(as_text=True)
    assert client.get("/signalen/?ministry=XYZ").status_code == 422
    assert client.get("/coordinatie/overzicht?periode=2026-Q9").status_code == 422
