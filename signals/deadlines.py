"""Deadlines of DESIGN §4: accept within N working days of routing, answer within M weeks.

Working days skip weekends and Dutch public holidays (the ``holidays`` package).
A deadline falls at the end of its day, Dutch time.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from signals.models import Ministry, Signal

TZ = ZoneInfo("Europe/Amsterdam")

ON_TIME, LATE, VERY_LATE = "on_time", "late", "very_late"
#: how far past its deadline a signal counts as very late: more than three times the allowed time
VERY_LATE_FACTOR = 3


@lru_cache(maxsize=64)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.Netherlands(years=year)


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


def _end_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=TZ).astimezone(dt.UTC)


def accept_deadline(ministry: Ministry, routed_at: dt.datetime) -> dt.datetime:
    """When a routed signal must be accepted."""
    local = routed_at.astimezone(TZ).date()
    return _end_of_day(add_working_days(local, ministry.accept_within_working_days))


def answer_deadline(ministry: Ministry, accepted_at: dt.datetime) -> dt.datetime:
    """When an accepted signal must be answered."""
    local = accepted_at.astimezone(TZ).date()
    return _end_of_day(local + dt.timedelta(weeks=ministry.answer_within_weeks))


def as_utc(value: dt.datetime) -> dt.datetime:
    """The datetime as timezone-aware UTC (SQLite hands back naive ones; all are stored in UTC)."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def is_very_late(started: dt.datetime, due: dt.datetime, moment: dt.datetime) -> bool:
    """Whether more than three times the allowed time (started → due) has passed at ``moment``."""
    return moment - started > (due - started) * VERY_LATE_FACTOR


def deadline_state(signal: Signal, now: dt.datetime) -> str | None:
    """on_time, late or very_late for the deadline now running (or missed); None without a deadline."""
    if signal.due_at is None or signal.deadline_started_at is None:
        return None
    due, started = as_utc(signal.due_at), as_utc(signal.deadline_started_at)
    if signal.status in ("answered", "closed"):
        moment = as_utc(signal.answered_at) if signal.answered_at else now
    elif signal.status in ("routed", "in_progress"):
        moment = now
    else:  # waiting for the frontline, merged or unrouted: the ministry's clock does not run
        return ON_TIME if signal.status == "needs_info" else None
    if moment <= due:
        return ON_TIME
    return VERY_LATE if is_very_late(started, due, moment) else LATE
