"""Issue 8: lateness, the stored pause and routing each decided once, and every place agreeing."""

from __future__ import annotations

import datetime as dt

from reports import aggregation as agg
from signals import deadlines
from signals.access import list_signals_for
from signals.deadlines import LATE, ON_TIME, TZ, VERY_LATE, deadline_state
from signals.followup import split_signal
from signals.knelpunten import create_knelpunt
from signals.learning import collect_examples
from signals.models import AuditEvent, Ministry, Signal
from signals.stats import open_counts_per_ministry
from signals.workflow import transition_signal


def _at(y, m, d, hour=10):
    return dt.datetime(y, m, d, hour, tzinfo=TZ).astimezone(dt.UTC)


def _walk(db, signal, triage, steps):
    for to, kwargs, at in steps:
        transition_signal(db.session, signal, to, triage, at=at, **kwargs)
    db.session.commit()


def test_waiting_for_frontline_past_its_deadline_is_late_in_every_place(db, make_signal, make_user):
    coordinator = make_user("coordinator", "BZK")
    signal = make_signal(status="routed")
    triage = make_user("triage", signal.lead_ministry_code)
    routed = signal.routed_at
    # accepted at once, asked long after the answer deadline: it was late when asked
    _walk(
        db,
        signal,
        triage,
        [
            ("in_progress", {}, routed + dt.timedelta(hours=1)),
            ("needs_info", {"note": "Welke maand?"}, routed + dt.timedelta(weeks=20)),
        ],
    )
    now = routed + dt.timedelta(weeks=21)
    assert deadline_state(signal, now) == LATE
    late_ids = {s.id for s in list_signals_for(db.session, coordinator, deadline="late", now=now).items}
    assert signal.id in late_ids
    row = next(r for r in open_counts_per_ministry(db.session, now) if r.code == signal.lead_ministry_code)
    assert (row.needs_info, row.late) == (1, 1)
    figures = agg.key_figures(db.session, agg.signal_conditions(), now)
    assert figures["late"] == 1


def test_waiting_for_the_frontline_does_not_make_a_signal_late(db, make_signal, make_user):
    coordinator = make_user("coordinator", "BZK")
    signal = make_signal(status="needs_info")
    much_later = signal.due_at + dt.timedelta(days=400)
    assert deadline_state(signal, much_later) == ON_TIME
    assert list_signals_for(db.session, coordinator, deadline="late", now=much_later).total == 0
    assert agg.key_figures(db.session, agg.signal_conditions(), much_later)["late"] == 0
    row = next(r for r in open_counts_per_ministry(db.session, much_later) if r.code == signal.lead_ministry_code)
    assert row.late == 0 and row.open == 1


def test_pause_is_stored_and_other_writes_do_not_shorten_it(db, make_signal, make_user):
    signal = make_signal(status="routed")
    triage = make_user("triage", signal.lead_ministry_code)
    # accepted Monday 5 Jan 2026; asked Friday 9 Jan; answered Tuesday 13 Jan: pause = Mon 12 + Tue 13 = 2 working days
    _walk(db, signal, triage, [("in_progress", {}, _at(2026, 1, 5)), ("needs_info", {"note": "Welke maand?"}, _at(2026, 1, 9))])
    due_before = signal.due_at
    assert signal.needs_info_since == _at(2026, 1, 9)
    # linking it to a knelpunt while it waits writes to the signal, but does not move the moment of asking
    create_knelpunt(db.session, triage, "Giften tellen als inkomen", signal.lead_ministry_code, signal_ids=[signal.id])
    db.session.commit()
    assert signal.needs_info_since == _at(2026, 1, 9)
    frontline = signal.submitter
    transition_signal(db.session, signal, "in_progress", frontline, note="Maart 2025.", at=_at(2026, 1, 13, 15))
    db.session.commit()
    assert signal.needs_info_since is None
    expected_day = deadlines.add_working_days(due_before.astimezone(TZ).date(), 2)
    assert signal.due_at.astimezone(TZ).date() == expected_day
    assert signal.due_at.tzinfo is not None


def test_very_late_is_the_same_in_python_and_sql(db, make_signal, make_user):
    coordinator = make_user("coordinator", "BZK")
    signal = make_signal(status="routed")
    started, due = signal.deadline_started_at, signal.due_at
    for moment, expected in ((due - dt.timedelta(minutes=1), ON_TIME), (due + dt.timedelta(minutes=1), LATE), (started + (due - started) * 3 + dt.timedelta(minutes=1), VERY_LATE)):
        assert deadline_state(signal, moment) == expected
        for state in (ON_TIME, VERY_LATE):
            listed = list_signals_for(db.session, coordinator, deadline=state, now=moment).total
            assert listed == (1 if expected == state else 0), (moment, state)


def test_every_routing_event_says_how_it_was_decided_and_learning_takes_only_manual(db, make_signal, make_user):
    coordinator = make_user("coordinator", "BZK")
    signal = make_signal(status="in_progress")
    triage = make_user("triage", signal.lead_ministry_code)
    part = split_signal(db.session, signal, triage, "Tweede probleem met de kostendelersnorm", "De kostendelersnorm raakt mantelzorgers.")
    db.session.commit()
    events = db.session.query(AuditEvent).filter(AuditEvent.action.in_(("route", "reroute"))).all()
    assert events and all(e.data.get("method") for e in events)
    assert collect_examples(db.session) == []  # intake (regulation) and split (automatic) teach nothing
    transition_signal(db.session, part, "routed", coordinator, ministry="BZK", note="Hoort bij BZK.")
    db.session.commit()
    assert db.session.get(Signal, part.id).lead_ministry_code == "BZK"
    assert len(collect_examples(db.session)) == 1


def test_a_committed_reference_edit_is_rolled_back_after_the_test(db):
    """Part one: change reference data and commit (the next test sees the original)."""
    szw = db.session.get(Ministry, "SZW")
    szw.accept_within_working_days = 99
    db.session.commit()
    assert db.session.get(Ministry, "SZW").accept_within_working_days == 99


def test_each_test_starts_from_the_reference_data_alone(db):
    """Part two: the edit above and every signal of earlier tests are gone, with no table list kept by hand."""
    assert db.session.get(Ministry, "SZW").accept_within_working_days != 99
    assert db.session.query(Signal).count() == 0
    assert db.session.query(AuditEvent).count() == 0
