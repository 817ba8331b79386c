"""Counts for a period and scope, computed in the database (GROUP BY) and shaped with pandas."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import String, and_, case, cast, false, func, literal, select, text
from sqlalchemy.orm import Session, aliased

from reports.periods import Period
from signals import deadlines
from signals.errors import N_, InvalidInput, Message
from signals.models import Ministry, Regulation, Signal, SignalMinistry, SignalRegulation, utcnow
from signals.vocabulary import OPEN_STATUSES, THEMES

#: the label of signals that have no lead ministry yet
NO_MINISTRY = N_("Niet doorgezet")
#: outcome label of signals that have no outcome yet
NO_OUTCOME = N_("Nog geen uitkomst")

#: time-to-answer buckets: (upper bound in days, label)
ANSWER_BUCKETS = (
    (7, N_("binnen 1 week")),
    (14, N_("1 tot 2 weken")),
    (28, N_("2 tot 4 weken")),
    (56, N_("4 tot 8 weken")),
    (91, N_("8 tot 13 weken")),
    (None, N_("meer dan 13 weken")),
)


@dataclass(frozen=True)
class Filters:
    """Optional narrowing of the signals counted (dashboards)."""

    channel: str | None = None
    #: a regulation code (BWB id)
    regulation: str | None = None
    theme: str | None = None
    #: a ministry code: lead or co-responsible
    ministry: str | None = None


def validate_ministry(session: Session, code: str | None, field: str = "ministry") -> str | None:
    """The upper-case ministry code, None for all; InvalidInput naming ``field`` if unknown."""
    if code is None or not code.strip() or code.strip().upper() == "ALL":
        return None
    ministry = session.get(Ministry, code.strip().upper())
    if ministry is None:
        raise InvalidInput({field: [Message(N_("Onbekend ministerie: %(code)s"), code=code.strip()[:20])]})
    return ministry.code


def ministry_scope_condition(code: str):
    """Signals where ``code`` is the lead or a co-responsible ministry."""
    return Signal.id.in_(select(SignalMinistry.signal_id).where(SignalMinistry.ministry_code == code))


def signal_conditions(
    period: Period | None = None,
    ministry: str | None = None,
    filters: Filters | None = None,
    visible=None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
) -> list:
    """WHERE clauses on Signal for a period (by created_at), a ministry scope, filters and visibility.

    :param visible: a SELECT of the Signal ids the user may count (from signals.access), or None for all.
    """
    conditions = []
    start = start or (period.start if period else None)
    end = end or (period.end if period else None)
    if start is not None:
        conditions.append(Signal.created_at >= start)
    if end is not None:
        conditions.append(Signal.created_at < end)
    if ministry:
        conditions.append(ministry_scope_condition(ministry))
    filters = filters or Filters()
    if filters.ministry:
        conditions.append(ministry_scope_condition(filters.ministry))
    if filters.channel:
        conditions.append(Signal.channel_code == filters.channel)
    if filters.regulation:
        conditions.append(
            Signal.id.in_(
                select(SignalRegulation.signal_id)
                .join(Regulation, Regulation.id == SignalRegulation.regulation_id)
                .where(Regulation.code == filters.regulation)
            )
        )
    if filters.theme:
        conditions.append(theme_condition(filters.theme))
    if visible is not None:
        conditions.append(Signal.id.in_(visible))
    return conditions


def theme_condition(code: str):
    """Signals tagged with theme ``code``; a text match on the JSON list works on SQLite and PostgreSQL."""
    if code not in THEMES:
        return false()
    return cast(Signal.themes, String).like(f'%"{code}"%')


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def month_of(session: Session, column):
    """YYYY-MM of a timestamp column, in UTC."""
    if _dialect(session) == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM")
    return func.strftime("%Y-%m", column)


def days_between(session: Session, start, end):
    """Days (fractional) from ``start`` to ``end``."""
    if _dialect(session) == "postgresql":
        return func.extract("epoch", end - start) / 86400.0
    return func.julianday(end) - func.julianday(start)


def _lead():
    return aliased(SignalMinistry, name="lead")


def _base(lead, *columns):
    return (
        select(*columns).select_from(Signal).outerjoin(lead, and_(lead.signal_id == Signal.id, lead.is_lead.is_(True)))
    )


def late_condition(now: dt.datetime):
    """Late by the one rule of ``signals.deadlines`` (answered: at the answer; waiting for the
    frontline: when asked; otherwise: now). No deadline means not late."""
    return deadlines.late_condition(now)


def with_deadline_condition():
    """Signals that have a deadline state (routed or later, not merged)."""
    return deadlines.has_deadline_condition()


def _count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def key_figures(session: Session, conditions: list, now: dt.datetime | None = None) -> dict[str, float | int | None]:
    """Totals for one set of signals, in one query."""
    now = now or utcnow()
    answered = Signal.answered_at.is_not(None)
    days = days_between(session, Signal.created_at, Signal.answered_at)
    row = session.execute(
        select(
            func.count(Signal.id),
            _count_if(Signal.status.in_(OPEN_STATUSES)),
            _count_if(answered),
            _count_if(Signal.status == "closed"),
            _count_if(Signal.status == "merged"),
            func.coalesce(func.sum(Signal.people_affected), 0),
            _count_if(with_deadline_condition()),
            _count_if(late_condition(now)),
            func.avg(case((answered, days), else_=None)),
            _count_if(and_(answered, days <= 91)),
        ).where(*conditions)
    ).one()
    total, open_, answered_n, closed, merged, people, with_deadline, late, avg_days, within_13w = row
    return {
        "total": int(total or 0),
        "open": int(open_ or 0),
        "answered": int(answered_n or 0),
        "closed": int(closed or 0),
        "merged": int(merged or 0),
        "people_affected": int(people or 0),
        "with_deadline": int(with_deadline or 0),
        "late": int(late or 0),
        "avg_days_to_answer": round(float(avg_days), 1) if avg_days is not None else None,
        "answered_within_13_weeks": int(within_13w or 0),
    }


def outcome_counts(session: Session, conditions: list) -> pd.DataFrame:
    """Signals per outcome (answered ones) — columns outcome, count."""
    rows = session.execute(
        select(Signal.outcome, func.count(Signal.id))
        .where(*conditions, Signal.outcome.is_not(None))
        .group_by(Signal.outcome)
        .order_by(Signal.outcome)
    ).all()
    return pd.DataFrame(rows, columns=["outcome", "count"])


def status_counts(session: Session, conditions: list) -> pd.DataFrame:
    """Signals per status — columns status, count."""
    rows = session.execute(
        select(Signal.status, func.count(Signal.id)).where(*conditions).group_by(Signal.status)
    ).all()
    return pd.DataFrame(rows, columns=["status", "count"])


def per_month_by_ministry(session: Session, conditions: list, whole_period: Period | None = None) -> pd.DataFrame:
    """Signals per month (created_at, UTC) and lead ministry — columns month, ministry, count.

    ``whole_period``: ``conditions`` are just this period (no filter, no scope), so the summary
    table answers (signals/tallies.py).
    """
    if whole_period is not None:
        from signals import tallies

        tally = tallies.T
        rows = session.execute(
            select(tally.month, tally.ministry_code, tallies.total())
            .where(*_tally_months(tally, whole_period))
            .group_by(tally.month, tally.ministry_code)
            .having(tallies.total() > 0)
            .order_by(tally.month, tally.ministry_code)
        ).all()
        frame = pd.DataFrame([(m, code or None, int(n)) for m, code, n in rows], columns=["month", "ministry", "count"])
        frame["ministry"] = frame["ministry"].fillna(NO_MINISTRY)
        return frame
    lead = _lead()
    month = month_of(session, Signal.created_at).label("month")
    rows = session.execute(
        _base(lead, month, lead.ministry_code, func.count(Signal.id))
        .where(*conditions)
        .group_by(month, lead.ministry_code)
        .order_by(month, lead.ministry_code)
    ).all()
    frame = pd.DataFrame(rows, columns=["month", "ministry", "count"])
    frame["ministry"] = frame["ministry"].fillna(NO_MINISTRY)
    return frame


def flow(session: Session, conditions: list) -> pd.DataFrame:
    """Channel → lead ministry → outcome — columns channel, ministry, outcome, count."""
    lead = _lead()
    rows = session.execute(
        _base(lead, Signal.channel_code, lead.ministry_code, Signal.outcome, func.count(Signal.id))
        .where(*conditions)
        .group_by(Signal.channel_code, lead.ministry_code, Signal.outcome)
        .order_by(Signal.channel_code, lead.ministry_code, Signal.outcome)
    ).all()
    frame = pd.DataFrame(rows, columns=["channel", "ministry", "outcome", "count"])
    frame["ministry"] = frame["ministry"].fillna(NO_MINISTRY)
    frame["outcome"] = frame["outcome"].fillna("none")
    return frame


def per_channel(session: Session, conditions: list) -> pd.DataFrame:
    """Signals per channel — columns channel, count, open."""
    rows = session.execute(
        select(Signal.channel_code, func.count(Signal.id), _count_if(Signal.status.in_(OPEN_STATUSES)))
        .where(*conditions)
        .group_by(Signal.channel_code)
        .order_by(func.count(Signal.id).desc(), Signal.channel_code)
    ).all()
    return pd.DataFrame(rows, columns=["channel", "count", "open"])


def answer_time(session: Session, conditions: list) -> pd.DataFrame:
    """Answered signals per time-to-answer bucket — columns bucket, count (every bucket present)."""
    days = days_between(session, Signal.created_at, Signal.answered_at)
    whens = [(days <= limit, index) for index, (limit, _label) in enumerate(ANSWER_BUCKETS) if limit is not None]
    bucket = case(*whens, else_=len(ANSWER_BUCKETS) - 1).label("bucket")
    rows = dict(
        session.execute(
            select(bucket, func.count(Signal.id)).where(*conditions, Signal.answered_at.is_not(None)).group_by(bucket)
        ).all()
    )
    return pd.DataFrame(
        [(label, int(rows.get(index, 0))) for index, (_limit, label) in enumerate(ANSWER_BUCKETS)],
        columns=["bucket", "count"],
    )


def theme_counts(session: Session, conditions: list) -> pd.DataFrame:
    """Signals per theme (a signal can have several) — columns theme, count, in THEMES order."""
    columns = [_count_if(theme_condition(code)) for code in THEMES]
    row = session.execute(select(*columns).where(*conditions)).one()
    return pd.DataFrame(
        [(code, int(value or 0)) for code, value in zip(THEMES, row, strict=True)], columns=["theme", "count"]
    )


def top_regulations(session: Session, conditions: list, limit: int = 10) -> pd.DataFrame:
    """Regulations named most often — columns code, title, abbreviation, ministry, count."""
    count = func.count(func.distinct(SignalRegulation.signal_id))
    rows = session.execute(
        select(Regulation.code, Regulation.title, Regulation.abbreviation, Regulation.ministry_code, count)
        .select_from(SignalRegulation)
        .join(Regulation, Regulation.id == SignalRegulation.regulation_id)
        .join(Signal, Signal.id == SignalRegulation.signal_id)
        .where(*conditions)
        .group_by(Regulation.code, Regulation.title, Regulation.abbreviation, Regulation.ministry_code)
        .order_by(count.desc(), Regulation.code)
        .limit(limit)
    ).all()
    return pd.DataFrame(rows, columns=["code", "title", "abbreviation", "ministry", "count"])


def _tally_months(tally, period: Period) -> list:
    return [tally.month >= period.start.strftime("%Y-%m"), tally.month < period.end.strftime("%Y-%m")]


def punctuality(
    session: Session, conditions: list, now: dt.datetime | None = None, whole_period: Period | None = None
) -> pd.DataFrame:
    """Per lead ministry: signals, open, with a deadline, late, on time and % on time.

    ``whole_period``: as in ``per_month_by_ministry``, the summary table answers.
    """
    now = now or utcnow()
    if whole_period is not None:
        return _punctuality_tally(session, now, whole_period)
    lead = _lead()
    rows = session.execute(
        _base(
            lead,
            lead.ministry_code,
            func.count(Signal.id),
            _count_if(Signal.status.in_(OPEN_STATUSES)),
            _count_if(with_deadline_condition()),
            _count_if(late_condition(now)),
            _count_if(and_(Signal.status.in_(OPEN_STATUSES), late_condition(now))),
        )
        .where(*conditions)
        .group_by(lead.ministry_code)
        .order_by(lead.ministry_code)
    ).all()
    return _punctuality_frame(rows)


def _punctuality_frame(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["ministry", "count", "open", "with_deadline", "late", "open_late"])
    frame["ministry"] = frame["ministry"].fillna(NO_MINISTRY)
    for column in ("count", "open", "with_deadline", "late", "open_late"):
        frame[column] = frame[column].astype(int)
    frame["on_time"] = frame["with_deadline"] - frame["late"]
    # an object column keeps None as None (a float column would turn it into NaN, which is not JSON)
    frame["pct_on_time"] = pd.Series(
        [
            round(100.0 * on_time / with_deadline, 1) if with_deadline else None
            for on_time, with_deadline in zip(frame["on_time"], frame["with_deadline"], strict=True)
        ],
        index=frame.index,
        dtype=object,
    )
    return frame


def punctuality_all(session: Session, now: dt.datetime | None = None) -> pd.DataFrame:
    """``punctuality`` over every signal, read from the summary table (signals/tallies.py): the same
    columns and figures, without a pass over a million signals."""
    return _punctuality_tally(session, now or utcnow(), None)


def _punctuality_tally(session: Session, now: dt.datetime, period: Period | None) -> pd.DataFrame:
    from signals import tallies

    tally = tallies.T
    open_ = tally.status.in_(OPEN_STATUSES)
    late = deadlines.tally_late_sql(tally, now)
    rows = session.execute(
        select(
            tally.ministry_code,
            tallies.total(),
            tallies.total(open_),
            tallies.total(tally.lateness != deadlines.TALLY_NO_DEADLINE),
            tallies.total(late),
            tallies.total(open_ & late),
        )
        .where(*(_tally_months(tally, period) if period is not None else []))
        .group_by(tally.ministry_code)
        .having(tallies.total() > 0)
        .order_by(tally.ministry_code)
    ).all()
    return _punctuality_frame([(code or None, *figures) for code, *figures in rows])


def count_signals(session: Session, conditions: list) -> int:
    """How many signals meet ``conditions``."""
    return int(session.scalar(select(func.count(Signal.id)).where(*conditions)) or 0)


def annex_rows(session: Session, conditions: list, limit: int | None = None):
    """The annex: one tuple per signal, only the columns the letter may show.

    Yields (reference, created_at, channel, lead ministry, lead regulation, status, outcome, title).
    """
    lead = _lead()
    lead_regulation = aliased(SignalRegulation, name="lead_regulation")
    regulation_label = func.coalesce(func.nullif(Regulation.abbreviation, ""), Regulation.title)
    stmt = (
        _base(
            lead,
            Signal.reference,
            Signal.created_at,
            Signal.channel_code,
            lead.ministry_code,
            regulation_label,
            Signal.status,
            Signal.outcome,
            Signal.title,
        )
        .outerjoin(lead_regulation, and_(lead_regulation.signal_id == Signal.id, lead_regulation.position == 0))
        .outerjoin(Regulation, Regulation.id == lead_regulation.regulation_id)
        .where(*conditions)
        .order_by(Signal.created_at, Signal.id)
    )
    if limit is not None:
        yield from session.execute(stmt.limit(limit))
        return
    if _dialect(session) == "postgresql":
        # A server-side cursor keeps memory constant; without this PostgreSQL would plan it for the
        # first rows (nested loops), which is far slower for the whole annex.
        session.execute(text("SET LOCAL cursor_tuple_fraction = 1.0"))
        yield from session.execute(stmt.execution_options(yield_per=2000))
        return
    yield from session.execute(stmt)  # sqlite3 steps through its cursor row by row


def padded(codes_column):
    """' ' + codes + ' ', so a LIKE '% CODE %' finds one code in a space-separated list."""
    return literal(" ") + codes_column + literal(" ")


def backlog(session: Session, conditions: list, now: dt.datetime | None = None) -> pd.DataFrame:
    """The backlog now, whatever the period: per lead ministry the open signals and how many are
    late and very late now (``signals.deadlines``) — columns ministry, open, late, very_late."""
    now = now or utcnow()
    if not conditions:  # every signal: the summary table
        return _backlog_all(session, now)
    lead = _lead()
    rows = session.execute(
        _base(
            lead,
            lead.ministry_code,
            func.count(Signal.id),
            _count_if(deadlines.late_condition(now)),
            _count_if(deadlines.very_late_condition(now)),
        )
        .where(*conditions, Signal.status.in_(deadlines.BACKLOG_STATUSES), lead.ministry_code.is_not(None))
        .group_by(lead.ministry_code)
        .order_by(lead.ministry_code)
    ).all()
    return pd.DataFrame([(m, int(o), int(la), int(v)) for m, o, la, v in rows], columns=["ministry", "open", "late", "very_late"])


def _backlog_all(session: Session, now: dt.datetime) -> pd.DataFrame:
    """``backlog`` over every signal, from the summary table (signals/tallies.py)."""
    from signals import tallies

    tally = tallies.T
    backlog_ = tally.status.in_(deadlines.BACKLOG_STATUSES)
    rows = session.execute(
        select(
            tally.ministry_code,
            tallies.total(),
            tallies.total(deadlines.tally_late_sql(tally, now)),
            tallies.total(tally.lateness == deadlines.TALLY_VERY_LATE),
        )
        .where(backlog_, tally.ministry_code != "")
        .group_by(tally.ministry_code)
        .having(tallies.total() > 0)
        .order_by(tally.ministry_code)
    ).all()
    running = tallies.running_very_late_per_ministry(session, now, deadlines.BACKLOG_STATUSES)
    return pd.DataFrame(
        [(m, int(o), int(la), int(v) + running.get(m, 0)) for m, o, la, v in rows],
        columns=["ministry", "open", "late", "very_late"],
    )
