"""Issue 8, proof by property: random signal histories, and every place that shows lateness agrees.

Hypothesis generates batches of histories (routing, re-routing, accepting, asking and answering
for information across weekends and Dutch holidays, answering, closing, reopening, merging and
splitting, at random minutes). For every signal the test replays its history with its own
working-day arithmetic (below, independent of ``signals.deadlines`` and of the ``holidays``
package) and asserts that the stored deadline equals it and that the signal page, the API,
the signal list's lateness filter, the triage queue's late filter, the coordinator's overview,
the dashboard and the letter all tell the same story. The clock is frozen at 23:30 and 00:30
UTC, in winter and in summer time, so local-date mistakes show.

Size: ``KNELPUNT_PROPERTY_EXAMPLES`` examples (default 10) of ``KNELPUNT_PROPERTY_HISTORIES``
histories each (default 50): 500 histories per run.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from reports.dashboard import build_dashboard
from reports.letter import build_bottleneck_letter
from reports.periods import make_period
from signals.access import list_signals_for
from signals.deadlines import deadline_state
from signals.followup import split_signal
from signals.intake import SignalDraft, submit_signal
from signals.models import Ministry, Signal
from signals.workflow import transition_signal
from tests.conftest import login

EXAMPLES = int(os.environ.get("KNELPUNT_PROPERTY_EXAMPLES", "10"))
HISTORIES = int(os.environ.get("KNELPUNT_PROPERTY_HISTORIES", "50"))
#: histories run in this process, for the closing report (printed with -s)
RUN = {"histories": 0, "examples": 0}

AMS = ZoneInfo("Europe/Amsterdam")
MINISTRIES = ("SZW", "BZK", "VWS", "OCW")
#: frozen moments: 23:30 and 00:30 UTC, winter (CET) and summer (CEST)
NOWS = (
    dt.datetime(2026, 1, 15, 23, 30, tzinfo=dt.UTC),
    dt.datetime(2026, 1, 16, 0, 30, tzinfo=dt.UTC),
    dt.datetime(2026, 7, 15, 23, 30, tzinfo=dt.UTC),
    dt.datetime(2026, 7, 16, 0, 30, tzinfo=dt.UTC),
)


# --- an independent working-day calendar -----------------------------------------------------


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _dutch_holidays(year: int) -> set[dt.date]:
    easter = _easter(year)
    kings = dt.date(year, 4, 27)
    if kings.weekday() == 6:
        kings = dt.date(year, 4, 26)
    days = {
        dt.date(year, 1, 1),
        easter - dt.timedelta(days=2),  # Goede Vrijdag
        easter + dt.timedelta(days=1),  # Tweede Paasdag
        kings,
        easter + dt.timedelta(days=39),  # Hemelvaartsdag
        easter + dt.timedelta(days=50),  # Tweede Pinksterdag
        dt.date(year, 12, 25),
        dt.date(year, 12, 26),
    }
    if year % 5 == 0:
        days.add(dt.date(year, 5, 5))  # Bevrijdingsdag, a day off every five years
    return days


def _working(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _dutch_holidays(day.year)


def _plus_working_days(day: dt.date, n: int) -> dt.date:
    while n > 0:
        day += dt.timedelta(days=1)
        if _working(day):
            n -= 1
    return day


def _working_days_after_until(first: dt.date, last: dt.date) -> int:
    return sum(1 for k in range(1, (last - first).days + 1) if _working(first + dt.timedelta(days=k)))


def _day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(AMS).date()


def _end_of(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=AMS).astimezone(dt.UTC)


class Expected:
    """A signal's deadline as the README's rule says, replayed step by step."""

    def __init__(self, settings_of):
        self.settings_of = settings_of
        self.status = "received"
        self.lead = None
        self.due = self.started = self.asked = self.answered = None

    def route(self, ministry: str, at: dt.datetime) -> None:
        accept_days, _weeks = self.settings_of[ministry]
        self.status, self.lead, self.started = "routed", ministry, at
        self.due = _end_of(_plus_working_days(_day(at), accept_days))

    def start_answer_clock(self, at: dt.datetime) -> None:
        _days, weeks = self.settings_of[self.lead]
        self.status, self.started, self.answered = "in_progress", at, None
        self.due = _end_of(_day(at) + dt.timedelta(weeks=weeks))

    def ask(self, at: dt.datetime) -> None:
        self.status, self.asked = "needs_info", at

    def reply(self, at: dt.datetime) -> None:
        pause = _working_days_after_until(_day(self.asked), _day(at))
        if pause:
            moved = _end_of(_plus_working_days(_day(self.due), pause))
            self.started += moved - self.due
            self.due = moved
        self.status, self.asked = "in_progress", None

    def state(self, now: dt.datetime) -> str | None:
        if self.status in ("routed", "in_progress"):
            moment = now
        elif self.status == "needs_info":
            moment = self.asked
        elif self.status in ("answered", "closed"):
            moment = self.answered
        else:
            return None
        if moment <= self.due:
            return "on_time"
        return "very_late" if moment - self.started > 3 * (self.due - self.started) else "late"


# --- histories --------------------------------------------------------------------------------

gap = st.one_of(st.integers(1, 12 * 60), st.integers(12 * 60, 45 * 24 * 60))
step = st.tuples(st.integers(0, 11), gap)
history = st.tuples(st.integers(60, 420 * 24 * 60), st.lists(step, max_size=8))
batch = st.tuples(st.sampled_from(NOWS), st.lists(history, min_size=HISTORIES, max_size=HISTORIES))


def _count_text(html: str) -> int:
    found = re.search(r"(\d+) signa(?:al|len)", html)
    assert found, html[:2000]
    return int(found.group(1))


def _overview_counts(html: str, ministry: str) -> tuple[int, int]:
    row = re.search(rf'data-ministry="{ministry}">(.*?)</tr>', html, re.S).group(1)

    def cell(key):
        text = re.search(rf'data-count="{key}">(.*?)</td>', row, re.S).group(1)
        return int(re.sub(r"\D", "", re.sub(r"<[^>]+>", "", text)) or 0)

    return cell("late"), cell("very_late")


@pytest.fixture
def world(app, db, make_user):
    users = {"frontline": make_user("frontline", "GEM"), "coordinator": make_user("coordinator", "BZK")}
    for code in MINISTRIES:
        users[code] = make_user("triage", code)
    clients = {name: app.test_client() for name in (*MINISTRIES, "coordinator")}
    settings_of = {
        m.code: (m.accept_within_working_days, m.answer_within_weeks) for m in db.session.query(Ministry).all()
    }
    return users, clients, settings_of


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    # bounded in CI: no shrinking unless asked for (KNELPUNT_PROPERTY_SHRINK=1 when hunting a failure)
    phases=[Phase.explicit, Phase.reuse, Phase.generate] + ([Phase.shrink] if os.environ.get("KNELPUNT_PROPERTY_SHRINK") else []),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=batch)
def test_every_place_tells_the_same_story_about_every_signal(db, world, data):
    users, clients, settings_of = world
    now, histories = data
    session = db.session
    tracked: list[tuple[Signal, Expected]] = []
    with time_machine.travel(now, tick=False):
        for created_minutes, steps in histories:
            _play(session, users, settings_of, now, now - dt.timedelta(minutes=created_minutes), steps, tracked)
        session.commit()
        RUN["histories"] += len(histories)
        RUN["examples"] += 1
        for name, client in clients.items():  # logged in at the frozen moment, so the session is fresh then
            login(client, users[name])
        _check(session, users, clients, now, tracked)


def _play(session, users, settings_of, now, created, steps, tracked):
    draft = SignalDraft(channel="GEM-BL", title="Gift telt als inkomen", description="Een gift van familie leidt tot terugvordering.", regulations=["BWBR0015703"])
    signal, _ = submit_signal(session, users["frontline"], draft, created_at=created)
    expected = Expected(settings_of)
    expected.route(signal.lead_ministry_code, created)
    tracked.append((signal, expected))
    at = created
    for choice, minutes in steps:
        at = at + dt.timedelta(minutes=minutes)
        if at >= now:
            break
        lead = signal.lead_ministry_code
        triage = users.get(lead)
        options = {
            "routed": ["accept", "accept", "reroute", "merge"],
            "in_progress": ["ask", "ask", "answer", "answer", "merge", "split"],
            "needs_info": ["reply", "reply", "reply", "merge"],
            "answered": ["close", "reopen"],
        }.get(signal.status)
        if not options or triage is None:
            break
        action = options[choice % len(options)]
        if action == "accept":
            transition_signal(session, signal, "in_progress", triage, at=at)
            expected.start_answer_clock(at)
        elif action == "reroute":
            target = MINISTRIES[(MINISTRIES.index(lead) + 1 + choice) % len(MINISTRIES)]
            if target == lead:
                continue
            transition_signal(session, signal, "routed", users["coordinator"], ministry=target, note="Hoort elders.", at=at)
            expected.route(target, at)
        elif action == "ask":
            transition_signal(session, signal, "needs_info", triage, note="Welke maand?", at=at)
            expected.ask(at)
        elif action == "reply":
            transition_signal(session, signal, "in_progress", users["frontline"], note="Maart.", at=at)
            expected.reply(at)
        elif action == "answer":
            transition_signal(session, signal, "answered", triage, outcome="taken_up", response="We passen het aan.", at=at)
            expected.status, expected.answered = "answered", at
        elif action == "close":
            transition_signal(session, signal, "closed", users["frontline"], at=at)
            expected.status = "closed"
        elif action == "reopen":
            transition_signal(session, signal, "in_progress", users["frontline"], note="Niet opgelost.", at=at)
            expected.start_answer_clock(at)
        elif action == "merge":
            targets = [s for s, _e in tracked if s.id != signal.id and s.status != "merged"]
            if not targets:
                continue
            transition_signal(session, signal, "merged", users["coordinator"], target=targets[-1], at=at)
            expected.status = "merged"
        elif action == "split":
            part = split_signal(session, signal, triage, "Tweede probleem", "De kostendelersnorm raakt mantelzorgers.")
            part_expected = Expected(settings_of)
            part_expected.route(part.lead_ministry_code, now)  # a split happens now (frozen clock)
            tracked.append((part, part_expected))
            break  # the source's later steps would happen before the part: keep time moving forward


def _check(session, users, clients, now, tracked):
    # 1. every deadline and state equals the independent calculation
    for signal, expected in tracked:
        session.refresh(signal)
        assert signal.status == expected.status, signal.reference
        state = deadline_state(signal, now)
        assert state == expected.state(now), (signal.reference, signal.status, state)
        if state is not None:
            assert signal.due_at == expected.due, (signal.reference, signal.due_at, expected.due)
    # the truth over every signal in the database (earlier examples' too)
    signals = session.query(Signal).all()
    states = {s.id: deadline_state(s, now) for s in signals}
    late = {sid for sid, st_ in states.items() if st_ in ("late", "very_late")}
    very_late = {sid for sid, st_ in states.items() if st_ == "very_late"}
    on_time = {sid for sid, st_ in states.items() if st_ == "on_time"}
    by_id = {s.id: s for s in signals}

    coordinator = clients["coordinator"]
    # 2. signal page and API, for a few signals of this batch
    for signal, _expected in tracked[:3]:
        response = coordinator.get(f"/signalen/{signal.id}")
        page = response.get_data(as_text=True)
        assert response.status_code == 200, page[-3000:]
        shown = re.search(r'data-deadline-state="(\w+)"', page)
        assert (shown.group(1) if shown else None) == states[signal.id], signal.reference
        api = coordinator.get(f"/api/v1/signals/{signal.id}").get_json()
        assert api["deadline"] == states[signal.id], signal.reference
    # 3. the signal list's filters (page and domain) and the API list
    for name, expected_ids in (("on_time", on_time), ("late", late), ("very_late", very_late)):
        listed = list_signals_for(session, users["coordinator"], deadline=name, now=now, per_page=1000)
        assert {s.id for s in listed.items} == expected_ids, name
        assert _count_text(coordinator.get(f"/signalen/?deadline={name}").get_data(as_text=True)) == len(expected_ids)
        assert coordinator.get(f"/api/v1/signals?deadline={name}").get_json()["total"] == len(expected_ids)
    # 4. the triage queue's late filter, per ministry
    backlog = ("routed", "in_progress", "needs_info")
    for code in MINISTRIES:
        mine = {sid for sid in late if by_id[sid].lead_ministry_code == code and by_id[sid].status in backlog}
        html = clients[code].get("/behandelen/?late=y").get_data(as_text=True)
        assert _count_text(html) == len(mine), code
    # 5. the coordinator's overview: backlog now
    html = coordinator.get("/coordinatie/overzicht").get_data(as_text=True)
    for code in MINISTRIES:
        open_ids = {s.id for s in signals if s.lead_ministry_code == code and s.status in backlog}
        assert _overview_counts(html, code) == (len(open_ids & late), len(open_ids & very_late)), code
    # 6. dashboard (backlog now, and the period's record) and letter over the periods the histories fall in
    for year in {now.year - 1, now.year}:
        period = make_period(year, "Y", 1)
        received = {s.id for s in signals if period.start <= s.created_at < period.end}
        dashboard = build_dashboard(session, users["coordinator"], period, now=now)
        assert dashboard["values"]["late"] == len(received & late), year
        backlog_rows = {row[0]: row for row in dashboard["tables"]["backlog_now"]["rows"]}
        for code in MINISTRIES:
            open_ids = {s.id for s in signals if s.lead_ministry_code == code and s.status in backlog}
            shown = backlog_rows.get(code, [code, 0, 0, 0])
            assert (shown[1], shown[2], shown[3]) == (len(open_ids), len(open_ids & late), len(open_ids & very_late)), code
        letter = build_bottleneck_letter(session, period, now=now)
        rows = {row[0]: row for row in letter["tables"]["punctuality"]["rows"]}
        for code in MINISTRIES:
            expected_late = len({sid for sid in received & late if by_id[sid].lead_ministry_code == code})
            assert (rows[code][4] if code in rows else 0) == expected_late, (year, code)


def test_independent_calendar_matches_the_published_holidays():
    """The test's own calendar: Easter 2026 is 5 April, King's Day 2025 falls on Saturday 26 April."""
    assert _easter(2026) == dt.date(2026, 4, 5) and _easter(2027) == dt.date(2027, 3, 28)
    assert dt.date(2025, 4, 26) in _dutch_holidays(2025) and dt.date(2025, 5, 5) in _dutch_holidays(2025)
    assert dt.date(2026, 5, 5) not in _dutch_holidays(2026)
    assert _plus_working_days(dt.date(2026, 4, 2), 1) == dt.date(2026, 4, 7)  # over Good Friday and Easter Monday


def teardown_module(module):
    print(f"\nlateness property: {RUN['histories']} histories in {RUN['examples']} examples")
