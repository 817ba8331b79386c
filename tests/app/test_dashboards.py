"""Dashboards per role: scoping through signals.access, filters, aggregates only for liaisons."""

import re

from reports.aggregation import Filters
from reports.dashboard import build_dashboard
from reports.periods import parse_period
from tests.conftest import login
from tests.reports.factories import NOW, make_dataset

Q3 = parse_period("2026-Q3")


def _total(dashboard):
    return dashboard["values"]["total"]


def test_triage_of_fin_cannot_count_szw_only_signals(db, make_user, make_signal):
    signals = make_dataset(db, make_signal)
    fin = build_dashboard(db.session, make_user("triage", "FIN"), Q3, now=NOW)
    szw = build_dashboard(db.session, make_user("triage", "SZW"), Q3, now=NOW)
    in_q3 = [s for s in signals if s.created_at.month in (7, 8, 9)]
    assert _total(fin) == sum("FIN" in {m.ministry_code for m in s.ministry_links} for s in in_q3)
    assert _total(szw) == sum("SZW" in {m.ministry_code for m in s.ministry_links} for s in in_q3)
    assert _total(build_dashboard(db.session, make_user("coordinator", "BZK"), Q3, now=NOW)) == len(in_q3)
    assert _total(build_dashboard(db.session, make_user("liaison", "BZK"), Q3, now=NOW)) == len(in_q3)
    # a filter on another ministry never widens what triage counts
    assert _total(
        build_dashboard(db.session, make_user("triage", "FIN"), Q3, Filters(ministry="SZW"), now=NOW)
    ) <= _total(fin)


def test_frontline_counts_own_organisation_only(db, make_user, make_signal):
    make_dataset(db, make_signal)
    other = make_signal(org="UWV")
    other.created_at = Q3.start
    db.session.commit()
    gem = build_dashboard(db.session, make_user("frontline", "GEM"), Q3, now=NOW)
    assert _total(gem) == 6


def test_filters_channel_regulation_theme(db, make_user, make_signal):
    make_dataset(db, make_signal)
    coordinator = make_user("coordinator", "BZK")
    assert _total(build_dashboard(db.session, coordinator, Q3, Filters(channel="BD-LRH"), now=NOW)) == 2
    assert _total(build_dashboard(db.session, coordinator, Q3, Filters(regulation="BWBR0015703"), now=NOW)) == 3
    assert _total(build_dashboard(db.session, coordinator, Q3, Filters(theme="samenloop"), now=NOW)) == 2


def test_dashboard_pages_per_role_show_scoped_numbers(client, db, make_user, make_signal):
    make_dataset(db, make_signal)
    login(client, make_user("triage", "FIN"))
    page = client.get("/dashboard/", query_string={"period": "2026-Q3", "ministry": "SZW"}).get_data(as_text=True)
    total = re.search(r'data-figure="total">\s*<th[^>]*>[^<]*</th>\s*<td[^>]*>(\d+)</td>', page).group(1)
    assert int(total) == 4  # FIN's own signals in Q3; the SZW filter is not a valid choice and is dropped
    assert page.count("<h1") == 1 and "<caption" in page
    client.post("/auth/logout")
    login(client, make_user("liaison", "BZK"))
    page = client.get("/dashboard/", query_string={"period": "2026-Q3"}).get_data(as_text=True)
    assert "Terugvordering na gift" not in page  # aggregates only
    client.post("/auth/logout")
    login(client, make_user("frontline", "GEM"))
    assert client.get("/dashboard/").status_code == 200
    client.post("/auth/logout")
    login(client, make_user("admin", "BZK"))
    assert client.get("/dashboard/").status_code == 403
