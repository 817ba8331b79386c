"""The deadline state stored as two moments (late_from, very_late_from) agrees with the rule itself.

Lists filter on a deadline state by the stored moments (two columns compared); the dashboards, the
letter and the signal page judge by the rule (``deadline_state``, ``state_condition``). These
tests walk signals through every way of being on time, late and very late, on the real database,
and ask all three at moments before, between and after their deadlines.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from signals import deadlines
from signals.access import list_signals_for
from signals.deadlines import LATE, ON_TIME, VERY_LATE, deadline_state
from signals.importer import import_signals
from signals.models import Signal
from signals.workflow import transition_signal

STATES = (ON_TIME, LATE, "only_late", VERY_LATE)


def _python_state(signal: Signal, now: dt.datetime) -> set[str]:
    state = deadline_state(signal, now)
    if state is None:
        return set()
    return {ON_TIME} if state == ON_TIME else {LATE, VERY_LATE} if state == VERY_LATE else {LATE, "only_late"}


def _signals_of_every_kind(db, make_signal, make_user) -> list[Signal]:
    """Signals on time, late and very late in each way a signal can be: running clocks, a pause, answers."""
    made = [make_signal(status=status) for status in ("routed", "in_progress", "needs_info", "answered", "closed")]
    made.append(make_signal(status="received", regulations=[], title="Iets", description="Onduidelijk."))
    for weeks_late in (0, 3, 60):  # answered on time, late, and very late (the answer deadline is 13 weeks)
        signal = make_signal(status="routed")
        triage = make_user("triage", signal.lead_ministry_code)
        routed = signal.routed_at
        transition_signal(db.session, signal, "in_progress", triage, at=routed + dt.timedelta(hours=1))
        answered = routed + dt.timedelta(weeks=13 + weeks_late, days=-2 if weeks_late == 0 else 1)
        transition_signal(db.session, signal, "answered", triage, at=answered, outcome="taken_up", response="Aangepast.")
        made.append(signal)
    # asked for information long after the answer deadline: late while it waits, judged at the question
    signal = make_signal(status="routed")
    triage = make_user("triage", signal.lead_ministry_code)
    transition_signal(db.session, signal, "in_progress", triage, at=signal.routed_at + dt.timedelta(hours=1))
    transition_signal(db.session, signal, "needs_info", triage, at=signal.routed_at + dt.timedelta(weeks=20), note="Welke maand?")
    made.append(signal)
    db.session.commit()
    return made


def _moments(signals: list[Signal]) -> list[dt.datetime]:
    """Just before and after each deadline and each very-late moment, and far in the future."""
    moments = []
    for signal in signals:
        if signal.due_at is None:
            continue
        due, started = signal.due_at, signal.deadline_started_at
        very = max(due, started + (due - started) * deadlines.VERY_LATE_FACTOR)
        for moment in (due, very):
            moments += [moment - dt.timedelta(seconds=1), moment + dt.timedelta(seconds=1)]
    return sorted(set(moments)) + [max(moments) + dt.timedelta(days=3000)]


def test_stored_moments_list_the_same_signals_as_the_rule_at_every_moment(db, make_signal, make_user):
    coordinator = make_user("coordinator", "BZK")
    signals = _signals_of_every_kind(db, make_signal, make_user)
    ids = [signal.id for signal in signals]
    seen = {state: 0 for state in STATES}
    for now in _moments(signals):
        for state in STATES:
            by_rule = set(db.session.scalars(select(Signal.id).where(Signal.id.in_(ids), deadlines.state_condition(state, now))))
            stored = set(db.session.scalars(select(Signal.id).where(Signal.id.in_(ids), deadlines.stored_state_condition(state, now))))
            in_python = {signal.id for signal in signals if state in _python_state(signal, now)}
            listed = {s.id for s in list_signals_for(db.session, coordinator, deadline=state, now=now, per_page=100).items}
            assert stored == by_rule == in_python == listed, (now, state)
            seen[state] += len(stored)
    assert all(seen.values()), seen  # every state was met, by running clocks, a pause and answers


def test_a_clock_that_runs_on_becomes_late_and_very_late_in_the_list(db, make_signal, make_user):
    coordinator = make_user("coordinator", "BZK")
    signal = make_signal(status="in_progress")
    due, started = signal.due_at, signal.deadline_started_at
    assert (signal.late_from, signal.very_late_from) == (due, started + (due - started) * 3)

    def listed(state, now):
        return [s.id for s in list_signals_for(db.session, coordinator, deadline=state, now=now).items]

    assert listed(ON_TIME, due - dt.timedelta(minutes=1)) == [signal.id]
    assert listed(LATE, due - dt.timedelta(minutes=1)) == []
    assert listed(LATE, due + dt.timedelta(minutes=1)) == [signal.id]
    assert listed(VERY_LATE, due + dt.timedelta(minutes=1)) == []
    assert listed(VERY_LATE, signal.very_late_from + dt.timedelta(minutes=1)) == [signal.id]
    # answering stops the clock: answered late, it stays late, however long after
    triage = make_user("triage", signal.lead_ministry_code)
    transition_signal(db.session, signal, "answered", triage, at=due + dt.timedelta(days=2), outcome="taken_up", response="Aangepast.")
    db.session.commit()
    assert (signal.late_from, signal.very_late_from) == (deadlines.ALWAYS, None)
    far = due + dt.timedelta(days=5000)
    assert listed(LATE, far) == [signal.id] and listed(VERY_LATE, far) == []


def test_refill_restores_moments_written_without_them(db, make_signal, make_user):
    signals = [make_signal(status="in_progress"), make_signal(status="routed")]
    db.session.execute(update(Signal).values(late_from=None, very_late_from=None))  # as a bulk load leaves them
    db.session.commit()
    assert deadlines.refill_late_moments(db.session.connection()) == 2
    db.session.commit()
    db.session.expire_all()
    for signal in signals:
        stored = db.session.get(Signal, signal.id)
        assert (stored.late_from, stored.very_late_from) == deadlines.late_moments(
            *(getattr(stored, name) for name in deadlines.DEADLINE_ATTRIBUTES)
        )
    assert deadlines.refill_late_moments(db.session.connection()) == 0  # nothing left to change


def test_imported_signals_carry_their_moments(db, make_user):
    # a batch goes in without the ORM (COPY / executemany): its rows hold the moments themselves
    make_user("triage", "SZW")
    importer = make_user("frontline", "GEM")
    lines = ["channel;title;description;regulations"] + [
        f"GEM-BL;Terugvordering na gift {n};Een gift van familie telt als inkomen in de bijstand.;BWBR0015703" for n in range(60)
    ]
    report = import_signals(db.session, importer, "\n".join(lines) + "\n", threshold=None)
    db.session.commit()
    assert report.errors == [] and len(report.imported) == 60
    imported = db.session.scalars(select(Signal).where(Signal.reference.in_(report.imported))).all()
    for signal in imported:
        assert signal.status == "routed"
        assert signal.late_from == signal.due_at
        assert signal.very_late_from == signal.deadline_started_at + (signal.due_at - signal.deadline_started_at) * 3
