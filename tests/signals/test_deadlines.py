"""Working-day arithmetic and the deadline state of a signal."""

from __future__ import annotations

import datetime as dt

import pytest

from signals.deadlines import (
    LATE,
    ON_TIME,
    TZ,
    VERY_LATE,
    accept_deadline,
    add_working_days,
    answer_deadline,
    deadline_state,
    is_working_day,
    working_days_between,
)
from signals.models import Ministry, Signal

D = dt.date


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2026, 11, 23), 1, D(2026, 11, 24)),  # Monday -> Tuesday
        (D(2026, 11, 27), 1, D(2026, 11, 30)),  # Friday -> Monday
        (D(2026, 11, 28), 1, D(2026, 11, 30)),  # Saturday -> Monday
        (D(2026, 11, 23), 10, D(2026, 12, 7)),  # two weeks
        (D(2026, 4, 24), 1, D(2026, 4, 28)),  # Friday before Koningsdag (Mon 27 April) -> Tuesday
        (D(2026, 4, 26), 2, D(2026, 4, 29)),
        (D(2026, 4, 2), 1, D(2026, 4, 7)),  # Thursday before Good Friday, Easter Monday -> Tuesday
        (D(2026, 4, 2), 10, D(2026, 4, 20)),  # Easter and nothing else
        (D(2026, 12, 24), 1, D(2026, 12, 28)),  # Christmas Friday, Boxing Day Saturday
        (D(2027, 12, 23), 1, D(2027, 12, 24)),  # Friday 24 Dec is a working day
        (D(2027, 12, 24), 1, D(2027, 12, 27)),  # 25/26 fall on the weekend in 2027
        (D(2026, 12, 31), 1, D(2027, 1, 4)),  # New Year's Day Friday
        (D(2026, 5, 13), 1, D(2026, 5, 15)),  # Ascension Thursday
        (D(2026, 5, 22), 1, D(2026, 5, 26)),  # Whit Monday
        (D(2026, 11, 23), 0, D(2026, 11, 23)),
    ],
)
def test_add_working_days_skips_weekends_and_dutch_holidays(start, days, expected):
    assert add_working_days(start, days) == expected


@pytest.mark.parametrize(
    ("day", "working"),
    [(D(2026, 4, 27), False), (D(2026, 4, 6), False), (D(2026, 12, 25), False), (D(2026, 12, 28), True), (D(2026, 11, 29), False)],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


def test_working_days_between_counts_end_not_start():
    assert working_days_between(D(2026, 4, 24), D(2026, 4, 28)) == 1


def _ministry(accept=10, weeks=13):
    return Ministry(code="SZW", name="SZW", accept_within_working_days=accept, answer_within_weeks=weeks)


def test_accept_deadline_is_end_of_dutch_day():
    routed = dt.datetime(2026, 4, 24, 15, 0, tzinfo=dt.UTC)
    due = accept_deadline(_ministry(accept=1), routed)
    local = due.astimezone(TZ)
    assert (local.date(), local.hour, local.minute) == (D(2026, 4, 28), 23, 59)


def test_answer_deadline_in_weeks():
    accepted = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)
    assert answer_deadline(_ministry(weeks=13), accepted).astimezone(TZ).date() == D(2026, 4, 6)


@pytest.mark.parametrize(
    ("days_after_start", "status", "expected"),
    [(5, "routed", ON_TIME), (15, "routed", LATE), (41, "routed", VERY_LATE), (50, "merged", None), (50, "received", None)],
)
def test_deadline_state(days_after_start, status, expected):
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    signal = Signal(status=status, due_at=start + dt.timedelta(days=10), deadline_started_at=start)
    assert deadline_state(signal, start + dt.timedelta(days=days_after_start)) == expected


@pytest.mark.parametrize(("asked_after", "expected"), [(5, ON_TIME), (15, LATE), (41, VERY_LATE)])
def test_waiting_for_the_frontline_is_judged_when_the_question_was_asked(asked_after, expected):
    """The clock is paused while the frontline is asked: months of waiting do not make it late,
    but a signal already past its deadline when asking stays late."""
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    signal = Signal(
        status="needs_info",
        due_at=start + dt.timedelta(days=10),
        deadline_started_at=start,
        needs_info_since=start + dt.timedelta(days=asked_after),
    )
    assert deadline_state(signal, start + dt.timedelta(days=200)) == expected


def test_answered_signal_is_judged_on_its_answer_date():
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    signal = Signal(status="closed", due_at=start + dt.timedelta(days=10), deadline_started_at=start, answered_at=start + dt.timedelta(days=9))
    assert deadline_state(signal, start + dt.timedelta(days=400)) == ON_TIME


def test_routing_sets_due_date_from_ministry_setting(db, make_signal):
    signal = make_signal()
    assert signal.due_at is not None
    days = working_days_between(signal.routed_at.astimezone(TZ).date() if signal.routed_at.tzinfo else signal.routed_at.date(), signal.due_at.astimezone(TZ).date() if signal.due_at.tzinfo else signal.due_at.date())
    assert days == 10
