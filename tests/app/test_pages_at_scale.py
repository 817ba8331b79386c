"""Pages that stay the same for a user when there are a million signals behind them (issue 12).

Timings are printed by ``bench.run``; these tests pin what a user sees: counts that stop at
"more than 10,000" instead of counting everything, worklists that show the first few with a
link to the rest, and figures that still agree.
"""

from __future__ import annotations

from signals import access
from signals.access import list_signals_for
from signals.teamwork import queue_counts
from signals.worklist import answers_to_rate, count_waiting_for, open_questions_for
from tests.conftest import login


def test_a_list_with_more_signals_than_the_cap_says_so_and_still_pages_on(client, db, make_user, make_signal, monkeypatch):
    """Does the list say "Meer dan 2" with a next page, instead of counting every signal?"""
    for n in range(4):
        make_signal(title=f"Gift van familie leidt tot terugvordering {n}")
    user = make_user("coordinator", "BZK")
    page = list_signals_for(db.session, user, per_page=2, count_cap=2)
    assert (page.total, page.total_capped, page.has_next) == (2, True, True)
    last = list_signals_for(db.session, user, per_page=2, page=2, count_cap=2)
    assert last.has_prev and [s.id for s in last.items] != [s.id for s in page.items]
    exact = list_signals_for(db.session, user, per_page=2, count_cap=None)
    assert (exact.total, exact.total_capped, exact.pages) == (4, False, 2)

    monkeypatch.setattr(access, "COUNT_CAP", 2)
    login(client, user)
    html = client.get("/signalen/").get_data(as_text=True)
    assert "Meer dan 2 signalen gevonden." in html
    body = client.get("/api/v1/signals?per_page=1").get_json()
    assert body["total"] == 2 and body["total_capped"] is True


def test_the_triage_queue_under_the_cap_counts_exactly(client, db, make_user, make_signal):
    """Below the cap the queue says exactly how many signals wait, as before."""
    make_signal()
    make_signal(status="in_progress")
    login(client, make_user("triage", "SZW"))
    html = client.get("/behandelen/").get_data(as_text=True)
    assert "2 signalen in de werkvoorraad." in html and "Meer dan" not in html


def test_frontline_start_page_lists_the_first_answers_and_links_to_all(client, db, make_user, make_signal, monkeypatch):
    """With more answers to rate than the start page shows, does it show a few and link to all of them?"""
    import app.main.routes as start

    signals = [make_signal(status="answered", title=f"Gift van familie leidt tot terugvordering {n}") for n in range(3)]
    asked = [make_signal(status="needs_info", title=f"Toeslag stopt na verhuizing {n}") for n in range(2)]
    user = signals[0].submitter
    waiting = count_waiting_for(db.session, user)
    assert (waiting.questions, waiting.to_rate, waiting.total) == (2, 3, 5)
    assert len(answers_to_rate(db.session, user)) == 3 and len(open_questions_for(db.session, user)) == 2
    assert [q.question for _s, q in open_questions_for(db.session, user, limit=1)] == ["Welke maand?"]
    assert open_questions_for(db.session, user, limit=1)[0][0].id == asked[0].id

    monkeypatch.setattr(start, "WORKLIST_SHOWN", 1)
    login(client, user)
    html = client.get("/").get_data(as_text=True)
    assert "3 antwoorden om te beoordelen" in html and "Alle 3 antwoorden om te beoordelen" in html
    assert "2 vragen van ministeries" in html and "Alle 2 vragen" in html
    assert html.count('<li class="kp-worklist__item') == 2  # one question, one answer shown
    assert '<span class="kp-nav-count">5<' in html  # the menu counts all of them


def test_queue_counts_count_open_work_and_reopen_requests_only(db, make_user, make_signal):
    """The triage menu's counts: new, in progress, waiting, the user's own and reopen requests."""
    from signals.teamwork import assign_signal

    triage = make_user("triage", "SZW")
    make_signal()
    mine = make_signal(status="in_progress")
    make_signal(status="needs_info")
    make_signal(status="answered")
    make_signal(status="closed")
    assign_signal(db.session, mine, triage, triage)
    db.session.commit()
    counts = queue_counts(db.session, triage)
    assert (counts.new, counts.in_progress, counts.waiting, counts.mine, counts.reopen) == (1, 1, 1, 1, 0)


def test_knelpunten_list_is_paged_and_counts_all(client, db, make_user, make_signal):
    """Thousands of knelpunten: the list shows a page of them, says how many there are, and pages on."""
    from signals.knelpunt_search import KnelpuntFilters, search_knelpunten_page
    from signals.knelpunten import create_knelpunt

    coordinator = make_user("coordinator", "BZK")
    signal = make_signal()
    for n in range(3):
        create_knelpunt(db.session, coordinator, f"Terugvordering na gift van familie, geval {n}", "SZW", [signal.id])
    db.session.commit()
    first = search_knelpunten_page(db.session, coordinator, KnelpuntFilters(), per_page=2)
    second = search_knelpunten_page(db.session, coordinator, KnelpuntFilters(), page=2, per_page=2)
    assert (first.total, len(first.items), first.has_next, len(second.items), second.has_next) == (3, 2, True, 1, False)
    assert first.items[0].title.endswith("geval 2")  # newest first, as before
    login(client, coordinator)
    html = client.get("/knelpunten/").get_data(as_text=True)
    assert "3 knelpunten gevonden." in html


def test_a_signal_page_offers_the_open_knelpunten_its_reader_may_add_to(client, db, make_user, make_signal):
    """Does the signal's page list, newest first, the still open knelpunten the triage user may
    add signals to - its own ministry's, none without a solution yet closed, none of another ministry?"""
    from signals.knelpunten import create_knelpunt, transition_knelpunt

    coordinator = make_user("coordinator", "BZK")
    triage = make_user("triage", "SZW")
    linked = make_signal()
    signal = make_signal(status="in_progress")
    older = create_knelpunt(db.session, coordinator, "Terugvordering na gift van familie", "SZW", [linked.id])
    newer = create_knelpunt(db.session, coordinator, "Bijstand stopt na erfenis van een oom", "SZW", [linked.id])
    addressed = create_knelpunt(db.session, coordinator, "Kostendelersnorm raakt mantelzorgers", "SZW", [linked.id])
    transition_knelpunt(db.session, addressed, "in_study", coordinator)
    transition_knelpunt(db.session, addressed, "addressed", coordinator)
    other = create_knelpunt(db.session, coordinator, "Huurtoeslag stopt bij een euro te veel", "BZK", [linked.id])
    db.session.commit()

    login(client, triage)
    html = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    choices = html[html.index('id="knelpunt-choice"') : html.index("</select>", html.index('id="knelpunt-choice"'))]
    assert choices.index(newer.title) < choices.index(older.title)
    assert f'value="{newer.id}"' in choices and f"{older.reference} – {older.title}" in choices
    assert addressed.title not in choices and other.title not in choices


def test_postgresql_sessions_compile_no_query_just_in_time(db):
    """On PostgreSQL, does the app's session run without JIT? A page's lookup per row is estimated
    costly, and compiling it took 500 ms of a 20 ms query at a million signals."""
    import pytest
    from sqlalchemy import text

    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: SQLite compiles nothing")
    assert db.session.execute(text("SHOW jit")).scalar() == "off"


def test_the_unrouted_queue_suggests_for_a_page_at_once_what_it_suggests_for_each(client, db, make_user, make_signal):
    """Does the unrouted list, routing its page's texts in one go, show each signal the suggestions
    it gets on its own - stored at intake or, without them, worked out now?"""
    from signals.teamwork import suggestions_for, suggestions_for_many

    vague = "Mensen raken in de knel en niemand weet waarom."
    stored = make_signal(regulations=[], status="received", title="Vastgelopen", description=vague)
    # a title the lexicon suggests a regulation for, without a ministry sure enough to route ("na verhuizing"
    # is since the tenth round's model routed as address registration, BZK's)
    bare = make_signal(regulations=[], status="received", title="Onduidelijk na scheiding", description=vague)
    bare.routing_suggestions = []  # as a generated or imported signal: worked out on the page
    db.session.commit()
    signals = [stored, bare]
    each = [suggestions_for(db.session, signal) for signal in signals]
    assert suggestions_for_many(db.session, signals) == each
    assert any(found for found in each)
    login(client, make_user("coordinator", "BZK"))
    html = client.get("/coordinatie/").get_data(as_text=True)
    assert all(s.regulation_title in html for found in each for s in found if s.regulation_title)


def test_a_signal_page_offers_the_fitting_knelpunten_first_and_says_how_many_there_are(client, db, make_user, make_signal, monkeypatch):
    """With more open knelpunten than the page lists, does it offer first those about one of the
    signal's regulations, then those of its lead ministry, then the newest, and say how many there
    are and where the others can be linked?"""
    from signals import worklist
    from signals.knelpunten import create_knelpunt

    coordinator = make_user("coordinator", "BZK")
    linked = make_signal()
    signal = make_signal(status="in_progress")  # about the Participatiewet, led by SZW
    about_its_law = create_knelpunt(
        db.session, coordinator, "Gift van familie telt als inkomen", "VWS", [linked.id], regulations=["BWBR0015703"]
    )
    its_ministry = create_knelpunt(db.session, coordinator, "Bijstand stopt na erfenis van een oom", "SZW", [linked.id])
    newest = [
        create_knelpunt(db.session, coordinator, f"Huurtoeslag stopt bij een euro te veel, geval {n}", "BZK", [linked.id])
        for n in range(2)
    ]
    db.session.commit()

    monkeypatch.setattr(worklist, "LINK_CHOICES", 3)
    login(client, coordinator)
    html = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    choices = html[html.index('id="knelpunt-choice"') : html.index("</select>", html.index('id="knelpunt-choice"'))]
    offered = [k for k in (about_its_law, its_ministry, *newest) if f'value="{k.id}"' in choices]
    assert offered == [about_its_law, its_ministry, newest[1]]
    assert choices.index(about_its_law.title) < choices.index(its_ministry.title) < choices.index(newest[1].title)
    assert "De 3 best passende van 4 lopende knelpunten" in html and signal.reference in html
    assert 'aria-describedby="knelpunt-choice-hint"' in html

    monkeypatch.setattr(worklist, "LINK_CHOICES", 50)
    html = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    assert "best passende" not in html and all(f'value="{k.id}"' in html for k in (about_its_law, its_ministry, *newest))


def test_sorted_and_filtered_lists_page_through_in_the_same_order(db, make_user, make_signal):
    """The list's ids come first, its rows after (and, at scale, from the order's own index): every
    sort order still pages through all signals in exactly that order, ties by id, no deadline last."""
    import datetime as dt

    titles = ["beta", "Alfa", "delta", "alfa", "Gamma", "epsilon"]
    signals = [make_signal(title=f"{t} gift leidt tot terugvordering") for t in titles]
    base = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    for n, signal in enumerate(signals):
        signal.due_at = None if n == 2 else base + dt.timedelta(days=(n * 7) % 5)
        signal.answered_at = base + dt.timedelta(days=40 * n)  # only the read-out matters here
    db.session.commit()
    user = make_user("coordinator", "BZK")

    def walk(order, **filters):
        found, page = [], 1
        while True:
            listed = list_signals_for(db.session, user, order=order, per_page=2, page=page, **filters)
            found += [s.id for s in listed.items]
            if not listed.has_next:
                return found
            page += 1

    by_title = sorted(signals, key=lambda s: (s.title.lower(), s.id))
    assert walk("title") == [s.id for s in by_title]
    assert walk("-title") == [s.id for s in sorted(signals, key=lambda s: (_desc(s.title.lower()), s.id))]
    with_due = sorted((s for s in signals if s.due_at), key=lambda s: (s.due_at, s.id))
    assert walk("due") == [s.id for s in with_due] + [signals[2].id]
    assert walk("newest") == [s.id for s in sorted(signals, key=lambda s: (s.created_at, s.id), reverse=True)]
    april, july = dt.datetime(2026, 4, 1, tzinfo=dt.UTC), dt.datetime(2026, 7, 1, tzinfo=dt.UTC)
    answered_then = [s.id for s in signals if april <= s.answered_at < july]
    assert answered_then and sorted(walk("newest", answered_from=april, answered_until=july)) == sorted(answered_then)


def _desc(text: str) -> tuple:
    """A sort key that orders ``text`` descending (for a tuple sorted ascending)."""
    return tuple(-ord(c) for c in text) + (1,)
