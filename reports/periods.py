"""Reporting periods: a quarter (2026-Q3), a half-year (2026-H1) or a year (2026)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from signals.errors import N_, InvalidInput

_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?P<kind>[QqHh])(?P<number>\d))?$")

MONTH_NAMES = (
    N_("januari"), N_("februari"), N_("maart"), N_("april"), N_("mei"), N_("juni"),
    N_("juli"), N_("augustus"), N_("september"), N_("oktober"), N_("november"), N_("december"),
)  # fmt: skip

#: (kind, number) -> Dutch name of a half-year or quarter; a msgid, so the web layer can translate it
PERIOD_NAMES = {
    ("H", 1): N_("eerste halfjaar %(year)s"),
    ("H", 2): N_("tweede halfjaar %(year)s"),
    ("Q", 1): N_("eerste kwartaal %(year)s"),
    ("Q", 2): N_("tweede kwartaal %(year)s"),
    ("Q", 3): N_("derde kwartaal %(year)s"),
    ("Q", 4): N_("vierde kwartaal %(year)s"),
}

UTC = dt.UTC


@dataclass(frozen=True)
class Period:
    """A reporting period; ``start`` inclusive, ``end`` exclusive, both midnight UTC."""

    code: str
    year: int
    kind: str  # "Q", "H" or "Y"
    number: int  # quarter 1-4, half 1-2, or 1 for a year

    @property
    def months(self) -> int:
        return {"Q": 3, "H": 6, "Y": 12}[self.kind]

    @property
    def first_month(self) -> int:
        return (self.number - 1) * self.months + 1

    @property
    def start(self) -> dt.datetime:
        return dt.datetime(self.year, self.first_month, 1, tzinfo=UTC)

    @property
    def end(self) -> dt.datetime:
        month = self.first_month + self.months
        year = self.year + (month - 1) // 12
        return dt.datetime(year, (month - 1) % 12 + 1, 1, tzinfo=UTC)

    def month_keys(self) -> list[str]:
        """Every month of the period as YYYY-MM."""
        return [f"{self.year}-{m:02d}" for m in range(self.first_month, self.first_month + self.months)]

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        if self.kind == "Y":
            return make_period(self.year - 1, "Y", 1)
        count = 12 // self.months
        if self.number == 1:
            return make_period(self.year - 1, self.kind, count)
        return make_period(self.year, self.kind, self.number - 1)

    @property
    def label(self) -> str:
        """Dutch name, e.g. 'derde kwartaal 2026'."""
        if self.kind == "Y":
            return f"{self.year}"
        return PERIOD_NAMES[self.kind, self.number] % {"year": self.year}

    @property
    def span_label(self) -> str:
        """Dutch span, e.g. '1 juli tot en met 30 september 2026'."""
        last = self.end - dt.timedelta(days=1)
        return f"1 {MONTH_NAMES[self.first_month - 1]} tot en met {last.day} {MONTH_NAMES[last.month - 1]} {last.year}"


def make_period(year: int, kind: str, number: int) -> Period:
    """A period from its parts."""
    code = str(year) if kind == "Y" else f"{year}-{kind}{number}"
    return Period(code, year, kind, number)


def parse_period(text: str | None, field: str = "period") -> Period:
    """Parse ``2026-Q3``, ``2026-H1`` or ``2026``; InvalidInput naming ``field`` otherwise."""
    match = _PATTERN.match((text or "").strip())
    if not match:
        raise InvalidInput({field: [N_("Geef een periode als 2026-Q3 (kwartaal), 2026-H1 (halfjaar) of 2026 (jaar).")]})
    year = int(match["year"])
    if not 2000 <= year <= 2100:
        raise InvalidInput({field: [N_("Kies een jaar tussen 2000 en 2100.")]})
    if match["kind"] is None:
        return make_period(year, "Y", 1)
    kind, number = match["kind"].upper(), int(match["number"])
    if (kind == "Q" and not 1 <= number <= 4) or (kind == "H" and not 1 <= number <= 2):
        raise InvalidInput({field: [N_("Een kwartaal is Q1 tot en met Q4, een halfjaar H1 of H2.")]})
    return make_period(year, kind, number)


def recent_periods(today: dt.date, count: int = 8) -> list[Period]:
    """The current and previous quarters, halves and years, newest first, for pick lists."""
    quarter = make_period(today.year, "Q", (today.month - 1) // 3 + 1)
    half = make_period(today.year, "H", 1 if today.month <= 6 else 2)
    year = make_period(today.year, "Y", 1)
    result: list[Period] = []
    for start in (quarter, half, year):
        period = start
        for _ in range(count if start.kind == "Q" else max(2, count // 2)):
            result.append(period)
            period = period.previous()
    return result
