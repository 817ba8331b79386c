"""Deadlines of DESIGN §4: accept within N working days of routing, answer within M weeks.

Working days skip weekends and Dutch public holidays (the ``holidays`` package).
A deadline falls at the end of its day, Dutch time.

This module is the one definition of lateness (README "Te laat"): which statuses run
the ministry's clock, the moment at which a signal is judged, ``deadline_state`` for one
signal and ``late_condition`` / ``very_late_condition`` for many in SQL, built from the
same rule. Every screen, filter, count, API field and letter table uses them.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from holidays import HolidayBase
from holidays.countries.netherlands import Netherlands
from sqlalchemy import and_, bindparam, case, column, event, false, func, inspect, literal, or_, select, table, update
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import Float, Integer

from signals.models import Ministry, Signal, UTCDateTime

TZ = ZoneInfo("Europe/Amsterdam")

#: the two phases of the ministry's clock: routed (must accept) and in progress (must answer)
AWAITING_ACCEPTANCE, BEING_HANDLED = "routed", "in_progress"
#: statuses in which the ministry's clock runs: judged now
CLOCK_RUNNING_STATUSES = (AWAITING_ACCEPTANCE, BEING_HANDLED)
#: waiting for the frontline: the clock is paused, judged at the moment the question was asked
PAUSED_STATUS = "needs_info"
PAUSED_STATUSES = (PAUSED_STATUS,)
#: the ministry answered: judged at the moment of the answer
ANSWERED_STATUSES = ("answered", "closed")
#: statuses that have a deadline state at all (received: not routed yet; merged: follows another signal)
JUDGED_STATUSES = CLOCK_RUNNING_STATUSES + PAUSED_STATUSES + ANSWERED_STATUSES
#: open statuses that a ministry works on (the backlog)
BACKLOG_STATUSES = CLOCK_RUNNING_STATUSES + PAUSED_STATUSES

ON_TIME, LATE, VERY_LATE = "on_time", "late", "very_late"
#: how far past its deadline a signal counts as very late: more than three times the allowed time
VERY_LATE_FACTOR = 3


@lru_cache(maxsize=64)
def _holidays(year: int) -> HolidayBase:
    # the class imported with this module: ``holidays.Netherlands`` loads its country module at the
    # first call, a quarter to half a second inside the first request or import of every process
    return Netherlands(years=year)


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a Dutch public holiday."""
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (start itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end``."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def local_date(moment: dt.datetime) -> dt.date:
    """The calendar date of ``moment`` in the Netherlands (the one way to turn a moment into a local date)."""
    return as_utc(moment).astimezone(TZ).date()


def local_now_date(now: dt.datetime | None = None) -> dt.date:
    """Today's date in the Netherlands."""
    return local_date(now or dt.datetime.now(dt.UTC))


def format_local_date(moment: dt.datetime | None) -> str:
    """dd-mm-yyyy of ``moment`` in the Netherlands; empty for None (mail texts, CLI output)."""
    return local_date(moment).strftime("%d-%m-%Y") if moment is not None else ""


def end_of_day(day: dt.date) -> dt.datetime:
    """The last second of ``day`` in the Netherlands, as UTC."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=TZ).astimezone(dt.UTC)


_end_of_day = end_of_day


def accept_deadline(ministry: Ministry, routed_at: dt.datetime) -> dt.datetime:
    """When a routed signal must be accepted."""
    return end_of_day(add_working_days(local_date(routed_at), ministry.accept_within_working_days))


def answer_deadline(ministry: Ministry, accepted_at: dt.datetime) -> dt.datetime:
    """When an accepted signal must be answered."""
    return end_of_day(local_date(accepted_at) + dt.timedelta(weeks=ministry.answer_within_weeks))


def pause_working_days(asked_at: dt.datetime, answered_at: dt.datetime) -> int:
    """The pause while the frontline was asked, in working days: those after the day of asking up to and including the day of the answer."""
    return working_days_between(local_date(asked_at), local_date(answered_at))


def extend_by_pause(due: dt.datetime, asked_at: dt.datetime, answered_at: dt.datetime) -> dt.datetime:
    """The deadline moved on by exactly the pause, in working days, still at the end of a day."""
    days = pause_working_days(asked_at, answered_at)
    if days == 0:
        return as_utc(due)
    return end_of_day(add_working_days(local_date(due), days))


def as_utc(value: dt.datetime) -> dt.datetime:
    """The datetime as timezone-aware UTC (naive values are UTC by the storage convention)."""
    return value.astimezone(dt.UTC) if value.tzinfo else value.replace(tzinfo=dt.UTC)


def is_very_late(started: dt.datetime, due: dt.datetime, moment: dt.datetime) -> bool:
    """Whether more than three times the allowed time (started → due) has passed at ``moment``."""
    return moment - started > (due - started) * VERY_LATE_FACTOR


def _has_deadline_state(status: str | None, due_at: dt.datetime | None, started_at: dt.datetime | None) -> bool:
    return due_at is not None and started_at is not None and status in JUDGED_STATUSES


def _past_moment(
    status: str | None, needs_info_since: dt.datetime | None, answered_at: dt.datetime | None, closed_at: dt.datetime | None
) -> dt.datetime | None:
    """The past moment a signal in ``status`` is judged at - the question asked, the answer - or None
    when it is judged now (its clock runs, or that moment is missing)."""
    if status in PAUSED_STATUSES:
        return needs_info_since
    if status in ANSWERED_STATUSES:
        return answered_at or closed_at
    return None


def judged_at(signal: Signal, now: dt.datetime) -> dt.datetime | None:
    """The moment at which ``signal`` is judged against its deadline (None: it has no deadline state).

    Clock running (routed, in progress): now. Waiting for the frontline: the moment the
    question was asked (the clock is paused). Answered or closed: the moment of the answer.
    """
    if not _has_deadline_state(signal.status, signal.due_at, signal.deadline_started_at):
        return None
    return as_utc(_past_moment(signal.status, signal.needs_info_since, signal.answered_at, signal.closed_at) or now)


def _state_at(started: dt.datetime, due: dt.datetime, moment: dt.datetime) -> str:
    """on_time, late or very_late of a deadline (started → due) judged at ``moment`` (all UTC)."""
    if moment <= due:
        return ON_TIME
    return VERY_LATE if is_very_late(started, due, moment) else LATE


def deadline_state(signal: Signal, now: dt.datetime) -> str | None:
    """on_time, late or very_late of ``signal`` (see ``judged_at``); None without a deadline."""
    moment = judged_at(signal, now)
    if moment is None:
        return None
    return _state_at(as_utc(signal.deadline_started_at), as_utc(signal.due_at), moment)


#: ``Signal.late_from`` / ``very_late_from`` of a signal judged at a past moment at which it was
#: (very) late: before every now, so it is (very) late whenever it is asked
ALWAYS = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
#: the attributes a signal's deadline state is computed from (``late_moments``)
DEADLINE_ATTRIBUTES = ("status", "due_at", "deadline_started_at", "needs_info_since", "answered_at", "closed_at")


def late_moments(
    status: str | None,
    due_at: dt.datetime | None,
    deadline_started_at: dt.datetime | None,
    needs_info_since: dt.datetime | None = None,
    answered_at: dt.datetime | None = None,
    closed_at: dt.datetime | None = None,
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """(late_from, very_late_from): the signal is late at ``now`` exactly when ``late_from < now``, and
    very late when ``very_late_from < now`` (None: never) - ``deadline_state`` in two stored moments, so
    a list filtered on a deadline state compares two columns instead of judging the rule per signal.

    A running clock (judged now) becomes late after its deadline and very late after three times the
    allowed time; a signal judged at a past moment (answered, asked for information) keeps the state it
    had then (``ALWAYS`` or None).
    """
    if not _has_deadline_state(status, due_at, deadline_started_at):
        return None, None
    due, started = as_utc(due_at), as_utc(deadline_started_at)
    moment = _past_moment(status, needs_info_since, answered_at, closed_at)
    if moment is None:  # judged now (``judged_now_condition``)
        return due, max(due, started + (due - started) * VERY_LATE_FACTOR)
    state = _state_at(started, due, as_utc(moment))
    return (None if state == ON_TIME else ALWAYS), (ALWAYS if state == VERY_LATE else None)


def store_late_moments(signal: Signal) -> None:
    """Set ``signal.late_from`` and ``very_late_from`` from its deadline attributes (see ``late_moments``)."""
    late_from, very_late_from = late_moments(*(getattr(signal, name) for name in DEADLINE_ATTRIBUTES))
    if signal.late_from != late_from:
        signal.late_from = late_from
    if signal.very_late_from != very_late_from:
        signal.very_late_from = very_late_from


def with_late_moments(row: dict) -> dict:
    """``row`` (a new signal's column values, for a Core INSERT) with its late_from and very_late_from."""
    row["late_from"], row["very_late_from"] = late_moments(*(row.get(name) for name in DEADLINE_ATTRIBUTES))
    return row


def is_late(signal: Signal, now: dt.datetime) -> bool:
    """Late or very late."""
    return deadline_state(signal, now) in (LATE, VERY_LATE)


def refill_late_moments(connection, batch: int = 20_000) -> int:
    """Compute every signal's stored moments (``late_moments``) again and write those that differ: the
    migration that adds them, and rows written without the ORM or the importer (``bench.generate
    --upgrade-only``). In the caller's transaction; returns how many signals changed.

    Works on the table by name, not the model, so a migration that calls it keeps meaning what it did.
    """
    moments = [name for name in DEADLINE_ATTRIBUTES if name != "status"]
    signal = table(
        "signal", column("id"), column("status"), *(column(name, UTCDateTime()) for name in moments),
        column("late_from", UTCDateTime()), column("very_late_from", UTCDateTime()),
    )  # fmt: skip
    write = (
        update(signal)
        .where(signal.c.id == bindparam("b_id"))
        .values(late_from=bindparam("b_late", type_=UTCDateTime()), very_late_from=bindparam("b_very", type_=UTCDateTime()))
    )
    read = select(signal.c.id, *(signal.c[name] for name in DEADLINE_ATTRIBUTES), signal.c.late_from, signal.c.very_late_from)
    changed, last = 0, 0
    while rows := connection.execute(read.where(signal.c.id > last).order_by(signal.c.id).limit(batch)).all():
        last = rows[-1].id
        updates = []
        for row in rows:
            late_from, very_late_from = late_moments(*row[1 : 1 + len(DEADLINE_ATTRIBUTES)])
            if (late_from, very_late_from) != (row.late_from, row.very_late_from):
                updates.append({"b_id": row.id, "b_late": late_from, "b_very": very_late_from})
        if updates:
            connection.execute(write, updates)
            changed += len(updates)
    return changed


# --- the same rule in SQL -------------------------------------------------------------------


class epoch(FunctionElement):  # noqa: N801 - used like a SQL function
    """Seconds since 1970 of a timestamp, on SQLite and PostgreSQL."""

    type = Float()
    inherit_cache = True


@compiles(epoch)
def _epoch_default(element, compiler, **kw):
    return f"EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)})"


@compiles(epoch, "sqlite")
def _epoch_sqlite(element, compiler, **kw):
    return f"((julianday({compiler.process(element.clauses, **kw)}) - 2440587.5) * 86400.0)"


def judged_at_sql(now: dt.datetime):
    """SQL for ``judged_at``: the moment each signal is judged at, NULL when it has no deadline state."""
    at_now = literal(as_utc(now), UTCDateTime())
    return case(
        (Signal.status.in_(CLOCK_RUNNING_STATUSES), at_now),
        (Signal.status.in_(PAUSED_STATUSES), func.coalesce(Signal.needs_info_since, at_now)),
        (Signal.status.in_(ANSWERED_STATUSES), func.coalesce(Signal.answered_at, Signal.closed_at, at_now)),
        else_=None,
    )


def has_deadline_condition():
    """SQL: the signal has a deadline state (on time, late or very late)."""
    return _has_deadline()


def _has_deadline():
    return and_(Signal.due_at.is_not(None), Signal.deadline_started_at.is_not(None), Signal.status.in_(JUDGED_STATUSES))


def late_condition(now: dt.datetime):
    """SQL: late or very late at ``now`` (the rule of ``deadline_state``)."""
    return and_(_has_deadline(), epoch(judged_at_sql(now)) > epoch(Signal.due_at))


def very_late_condition(now: dt.datetime):
    """SQL: very late at ``now``: more than three times the allowed time passed."""
    moment, due, started = epoch(judged_at_sql(now)), epoch(Signal.due_at), epoch(Signal.deadline_started_at)
    return and_(_has_deadline(), moment > due, moment - started > (due - started) * VERY_LATE_FACTOR)


def on_time_condition(now: dt.datetime):
    """SQL: has a deadline state and is on time."""
    return and_(_has_deadline(), epoch(judged_at_sql(now)) <= epoch(Signal.due_at))


def state_condition(state: str | None, now: dt.datetime):
    """SQL for one deadline state: on_time, late (late or very late), only_late, very_late."""
    if state == ON_TIME:
        return on_time_condition(now)
    if state == LATE:
        return late_condition(now)
    if state == "only_late":
        return and_(late_condition(now), ~very_late_condition(now))
    if state == VERY_LATE:
        return very_late_condition(now)
    return false()


def stored_state_condition(state: str | None, now: dt.datetime):
    """SQL for one deadline state at ``now`` (as ``state_condition``) from the stored moments
    (``late_moments``): a comparison of two columns instead of the rule judged per signal (status,
    pause, julianday arithmetic), for a list read in its own order or counted."""
    at = literal(as_utc(now), UTCDateTime())
    if state == ON_TIME:
        return and_(_has_deadline(), or_(Signal.late_from.is_(None), Signal.late_from >= at))
    if state == LATE:
        return Signal.late_from < at
    if state == "only_late":
        return and_(Signal.late_from < at, or_(Signal.very_late_from.is_(None), Signal.very_late_from >= at))
    if state == VERY_LATE:
        return Signal.very_late_from < at
    return false()


# --- the deadline state as the summary table keeps it (signals/tallies.py) ------------------

#: a tally row's ``lateness``: no deadline state; the clock runs (judged now, by its due_at);
#: judged at a past moment (answered, or asked for information): on time, late, very late
TALLY_NO_DEADLINE, TALLY_RUNNING, TALLY_ON_TIME, TALLY_LATE, TALLY_VERY_LATE = 0, 1, 2, 3, 4
#: the ``due_at`` of tally rows whose deadline state does not depend on now
TALLY_NO_DUE = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def judged_now_condition():
    """SQL: the signal's deadline state depends on now (the clock runs, or the moment it is judged at is missing)."""
    return (
        Signal.status.in_(CLOCK_RUNNING_STATUSES)
        | (Signal.status.in_(PAUSED_STATUSES) & Signal.needs_info_since.is_(None))
        | (Signal.status.in_(ANSWERED_STATUSES) & Signal.answered_at.is_(None) & Signal.closed_at.is_(None))
    )


def tally_lateness_sql():
    """SQL: a signal's ``lateness`` in the summary table, by the one rule above (``late_condition``).

    Signals judged at a past moment keep their state until they change (and a change re-tallies
    them); those judged now are kept with their due_at, so "late now" is ``due_at < now``.
    """
    now = dt.datetime.now(dt.UTC)  # judged_at of the rows below never reads it
    return case(
        (~_has_deadline(), TALLY_NO_DEADLINE),
        (judged_now_condition(), TALLY_RUNNING),
        (very_late_condition(now), TALLY_VERY_LATE),
        (late_condition(now), TALLY_LATE),
        else_=TALLY_ON_TIME,
    )


def tally_due_sql():
    """SQL: the ``due_at`` a tally row keeps: the deadline while the clock runs, else TALLY_NO_DUE."""
    return case(
        (_has_deadline() & judged_now_condition(), Signal.due_at),
        else_=literal(TALLY_NO_DUE, UTCDateTime()),
    )


def tally_late_sql(tally, now: dt.datetime):
    """SQL on SignalTally rows: late or very late at ``now`` (the same rule as ``late_condition``)."""
    return tally.lateness.in_((TALLY_LATE, TALLY_VERY_LATE)) | (
        (tally.lateness == TALLY_RUNNING) & (tally.due_at < literal(as_utc(now), UTCDateTime()))
    )


def tally_on_time_sql(tally, now: dt.datetime):
    """SQL on SignalTally rows: has a deadline state and is on time at ``now`` (as ``on_time_condition``)."""
    return (tally.lateness == TALLY_ON_TIME) | (
        (tally.lateness == TALLY_RUNNING) & (tally.due_at >= literal(as_utc(now), UTCDateTime()))
    )


def _very_late_epoch():
    """Seconds since 1970 of the moment a running clock becomes very late (``very_late_condition``)."""
    due, started = epoch(Signal.due_at), epoch(Signal.deadline_started_at)
    after_thrice = started + (due - started) * VERY_LATE_FACTOR
    return case((after_thrice > due, after_thrice), else_=due)


def very_late_epoch_sql():
    """SQL: seconds since 1970 of the moment a running clock becomes very late (``very_late_condition``)."""
    return _very_late_epoch()


def tally_very_late_day_sql(dialect: str):
    """SQL: for a running clock, the UTC day number (days since 1970) on which it becomes very late; else -1.

    Rows of earlier days are very late now; of the current day, ``very_late_condition`` decides.
    """
    days = _very_late_epoch() / 86400.0
    day = func.cast(func.floor(days), Integer) if dialect == "postgresql" else func.cast(days, Integer)
    return case((_has_deadline() & judged_now_condition(), day), else_=-1)


def utc_day_number(now: dt.datetime) -> int:
    """The UTC day number (days since 1970) of ``now``."""
    return int(as_utc(now).timestamp() // 86400)


@event.listens_for(Session, "before_flush")
def _store_late_moments(session: Session, _context, _instances) -> None:
    """Keep every signal's stored deadline moments in step with what they are computed from, in the
    flush that changes it (the bulk importer sets them in its rows: ``with_late_moments``)."""
    for obj in session.new:
        if isinstance(obj, Signal):
            store_late_moments(obj)
    for obj in session.dirty:
        if isinstance(obj, Signal):
            state = inspect(obj)
            if any(state.attrs[name].history.has_changes() for name in DEADLINE_ATTRIBUTES):
                store_late_moments(obj)
