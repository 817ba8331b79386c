"""Period parsing: every accepted form and every refusal."""

import datetime as dt

import pytest

from reports.periods import parse_period
from signals.errors import InvalidInput

UTC = dt.UTC


@pytest.mark.parametrize(
    ("text", "start", "end", "previous"),
    [
        ("2026-Q1", dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2026, 4, 1, tzinfo=UTC), "2025-Q4"),
        ("2026-Q3", dt.datetime(2026, 7, 1, tzinfo=UTC), dt.datetime(2026, 10, 1, tzinfo=UTC), "2026-Q2"),
        ("2026-q4", dt.datetime(2026, 10, 1, tzinfo=UTC), dt.datetime(2027, 1, 1, tzinfo=UTC), "2026-Q3"),
        ("2026-H1", dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2026, 7, 1, tzinfo=UTC), "2025-H2"),
        ("2026-H2", dt.datetime(2026, 7, 1, tzinfo=UTC), dt.datetime(2027, 1, 1, tzinfo=UTC), "2026-H1"),
        (" 2026 ", dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2027, 1, 1, tzinfo=UTC), "2025"),
    ],
)
def test_period_parses_to_its_bounds_and_previous(text, start, end, previous):
    period = parse_period(text)
    assert (period.start, period.end, period.previous().code) == (start, end, previous)


@pytest.mark.parametrize(
    "text", ["", None, "2026-Q5", "2026-Q0", "2026-H3", "26-Q1", "2026Q1", "Q3-2026", "1999", "2026-M1", "abc"]
)
def test_bad_period_is_refused_naming_the_field(text):
    with pytest.raises(InvalidInput) as error:
        parse_period(text)
    assert list(error.value.fields) == ["period"]


def test_period_labels_are_dutch():
    assert parse_period("2026-Q3").label == "derde kwartaal 2026"
    assert parse_period("2026-Q3").span_label == "1 juli tot en met 30 september 2026"
    assert parse_period("2026-H1").label == "eerste halfjaar 2026"
