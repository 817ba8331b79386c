"""Counts for a period and scope, computed in the database (GROUP BY) and shaped with pandas."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd
from sqlalchemy import and_, case, exists, false, func, literal, or_, select, text, union_all
from sqlalchemy.orm import Session, aliased

from reports.periods import Period
from signals import deadlines, tallies
from signals.errors import N_, InvalidInput, Message
from signals.models import (
    Ministry,
    Regulation,
    Signal,
    SignalMinistry,
    SignalRegulation,
    SignalTallyDetail,
    SignalTallyRollup,
    SignalTallyTopic,
    utcnow,
)
from signals.vocabulary import OPEN_STATUSES, THEMES

#: the label of signals that have no lead ministry yet
NO_MINISTRY = N_("Niet doorgezet")
#: outcome label of signals that have no outcome yet
NO_OUTCOME = N_("Nog geen uitkomst")

#: time-to-answer buckets: (upper bound in days, label); the bounds are signals.tallies.ANSWER_DAY_LIMITS
ANSWER_BUCKETS = tuple(
    zip(
        (*tallies.ANSWER_DAY_LIMITS, None),
        (
            N_("binnen 1 week"),
            N_("1 tot 2 weken"),
            N_("2 tot 4 weken"),
            N_("4 tot 8 weken"),
            N_("8 tot 13 weken"),
            N_("meer dan 13 weken"),
        ),
        strict=True,
    )
)
#: the bucket index of "within 13 weeks" (91 days) and every bucket before it
WITHIN_13_WEEKS = tallies.ANSWER_DAY_LIMITS.index(91)
_DAY_MS = 86_400_000


@dataclass(frozen=True)
class Summary:
    """The signals received in whole UTC months of ``period`` in one ministry scope ('' for every
    signal, else a ministry as lead or co-responsible), with no other narrowing: the summary tables
    (signals/tallies.py) answer for them exactly what the live GROUP BYs would."""

    period: Period
    scope: str = ""
    #: instead of a ministry: the signals logged by these organisations (one and its offices,
    #: signals.access.organisation_codes); only signal_tally_rollup counts them
    organisations: tuple[str, ...] = ()

    def previous(self) -> Summary:
        return replace(self, period=self.period.previous())


def summary_for(period: Period | None, scope: str | None = "", organisations: tuple[str, ...] = ()) -> Summary | None:
    """The Summary of ``period`` and ``scope`` (None: the tables cannot answer)."""
    if period is None or scope is None:
        return None
    for moment in (period.start, period.end):
        if (moment.day, moment.hour, moment.minute, moment.second, moment.microsecond) != (1, 0, 0, 0, 0):
            return None
    return Summary(period, scope, tuple(organisations))


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
    """Signals where ``code`` is the lead or a co-responsible ministry.

    A correlated EXISTS (as signals.access.routed_to): the annex's first rows walk the created_at
    index and probe each signal's links; ``id IN (SELECT …)`` made SQLite collect and sort every
    signal of the ministry first (4 s for a ministry's letter at a million signals).
    """
    return exists().where(SignalMinistry.signal_id == Signal.id, SignalMinistry.ministry_code == code)


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
    return tallies.theme_match(code)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def month_of(session: Session, column):
    """YYYY-MM of a timestamp column, in UTC."""
    if _dialect(session) == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM")
    return func.strftime("%Y-%m", column)


def answer_ms(session: Session):
    """Milliseconds from receipt to answer (signals.tallies.answer_ms_sql): the one measure of answer time."""
    return tallies.answer_ms_sql(_dialect(session))


def answer_bucket(session: Session):
    """Index into ANSWER_BUCKETS of a signal's time to answer; -1 while not answered."""
    return tallies.answer_bucket_sql(_dialect(session))


def _avg_days(total_ms, answered) -> float | None:
    return round(int(total_ms) / answered / _DAY_MS, 1) if answered else None


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


def key_figures(
    session: Session, conditions: list, now: dt.datetime | None = None, summary: Summary | None = None
) -> dict[str, float | int | None]:
    """Totals for one set of signals, in one query (``summary``: from the summary table)."""
    now = now or utcnow()
    if summary is not None:
        row = _key_figures_summary(session, summary, now)
    else:
        answered = Signal.answered_at.is_not(None)
        bucket = answer_bucket(session)
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
                func.coalesce(func.sum(answer_ms(session)), 0),
                _count_if(and_(answered, bucket <= WITHIN_13_WEEKS)),
            ).where(*conditions)
        ).one()
    total, open_, answered_n, closed, merged, people, with_deadline, late, answer_total_ms, within_13w = row
    return {
        "total": int(total or 0),
        "open": int(open_ or 0),
        "answered": int(answered_n or 0),
        "closed": int(closed or 0),
        "merged": int(merged or 0),
        "people_affected": int(people or 0),
        "with_deadline": int(with_deadline or 0),
        "late": int(late or 0),
        "avg_days_to_answer": _avg_days(answer_total_ms or 0, int(answered_n or 0)),
        "answered_within_13_weeks": int(within_13w or 0),
    }


D = SignalTallyDetail
P = SignalTallyTopic


def _detail_where(summary: Summary) -> list:
    if summary.organisations:
        raise ValueError("signal_tally_detail has no organisation scope; read signal_tally_rollup")
    return [D.scope_code == summary.scope, *_tally_months(D, summary.period)]


def _sum(column=None):
    """SUM(count) of detail rows (optionally only where ``column`` holds)."""
    return tallies.total(column, D)


def _key_figures_summary(session: Session, summary: Summary, now: dt.datetime):
    answered = D.answer_bucket >= 0
    return session.execute(
        select(
            _sum(),
            _sum(D.status.in_(OPEN_STATUSES)),
            _sum(answered),
            _sum(D.status == "closed"),
            _sum(D.status == "merged"),
            func.coalesce(func.sum(D.people), 0),
            _sum(D.lateness != deadlines.TALLY_NO_DEADLINE),
            _sum(deadlines.tally_late_sql(D, now)),
            func.coalesce(func.sum(D.answer_ms), 0),
            _sum(answered & (D.answer_bucket <= WITHIN_13_WEEKS)),
        ).where(*_detail_where(summary))
    ).one()


def _nulls_as_live(session: Session, column):
    """ORDER BY ``column`` where '' stands for NULL, as the live query sorts NULL (first on SQLite, last on PostgreSQL)."""
    if _dialect(session) == "postgresql":
        return [case((column == "", 1), else_=0), column]
    return [column]


def outcome_counts(session: Session, conditions: list, summary: Summary | None = None) -> pd.DataFrame:
    """Signals per outcome (answered ones) — columns outcome, count."""
    if summary is not None:
        rows = session.execute(
            select(D.outcome, _sum())
            .where(*_detail_where(summary), D.outcome != "")
            .group_by(D.outcome)
            .having(_sum() > 0)
            .order_by(D.outcome)
        ).all()
        return pd.DataFrame([(o, int(n)) for o, n in rows], columns=["outcome", "count"])
    rows = session.execute(
        select(Signal.outcome, func.count(Signal.id))
        .where(*conditions, Signal.outcome.is_not(None))
        .group_by(Signal.outcome)
        .order_by(Signal.outcome)
    ).all()
    return pd.DataFrame(rows, columns=["outcome", "count"])


def status_counts(session: Session, conditions: list, summary: Summary | None = None) -> pd.DataFrame:
    """Signals per status — columns status, count."""
    if summary is not None:
        rows = session.execute(
            select(D.status, _sum()).where(*_detail_where(summary)).group_by(D.status).having(_sum() > 0)
        ).all()
        return pd.DataFrame([(s, int(n)) for s, n in rows], columns=["status", "count"])
    rows = session.execute(
        select(Signal.status, func.count(Signal.id)).where(*conditions).group_by(Signal.status)
    ).all()
    return pd.DataFrame(rows, columns=["status", "count"])


def per_month_by_ministry(
    session: Session, conditions: list, whole_period: Period | None = None, summary: Summary | None = None
) -> pd.DataFrame:
    """Signals per month (created_at, UTC) and lead ministry — columns month, ministry, count.

    ``whole_period``: ``conditions`` are just this period (no filter, no scope), so the summary
    table answers (signals/tallies.py); ``summary``: the same for a period and ministry scope.
    """
    if summary is not None and summary.scope:
        rows = session.execute(
            select(D.month, D.lead_code, _sum())
            .where(*_detail_where(summary))
            .group_by(D.month, D.lead_code)
            .having(_sum() > 0)
            .order_by(D.month, *_nulls_as_live(session, D.lead_code))
        ).all()
        frame = pd.DataFrame([(m, code or None, int(n)) for m, code, n in rows], columns=["month", "ministry", "count"])
        frame["ministry"] = frame["ministry"].fillna(NO_MINISTRY)
        return frame
    whole_period = summary.period if summary is not None else whole_period
    if whole_period is not None:
        from signals import tallies

        tally = tallies.T
        rows = session.execute(
            select(tally.month, tally.ministry_code, tallies.total())
            .where(*_tally_months(tally, whole_period))
            .group_by(tally.month, tally.ministry_code)
            .having(tallies.total() > 0)
            .order_by(tally.month, *_nulls_as_live(session, tally.ministry_code))
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


def flow(session: Session, conditions: list, summary: Summary | None = None) -> pd.DataFrame:
    """Channel → lead ministry → outcome — columns channel, ministry, outcome, count."""
    if summary is not None:
        rows = session.execute(
            select(D.channel_code, D.lead_code, D.outcome, _sum())
            .where(*_detail_where(summary))
            .group_by(D.channel_code, D.lead_code, D.outcome)
            .having(_sum() > 0)
            .order_by(D.channel_code, *_nulls_as_live(session, D.lead_code), *_nulls_as_live(session, D.outcome))
        ).all()
        rows = [(channel, lead or None, outcome or None, int(n)) for channel, lead, outcome, n in rows]
    else:
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


def per_channel(session: Session, conditions: list, summary: Summary | None = None) -> pd.DataFrame:
    """Signals per channel — columns channel, count, open."""
    if summary is not None:
        rows = session.execute(
            select(D.channel_code, _sum(), _sum(D.status.in_(OPEN_STATUSES)))
            .where(*_detail_where(summary))
            .group_by(D.channel_code)
            .having(_sum() > 0)
            .order_by(_sum().desc(), D.channel_code)
        ).all()
        return pd.DataFrame([(c, int(n), int(o)) for c, n, o in rows], columns=["channel", "count", "open"])
    rows = session.execute(
        select(Signal.channel_code, func.count(Signal.id), _count_if(Signal.status.in_(OPEN_STATUSES)))
        .where(*conditions)
        .group_by(Signal.channel_code)
        .order_by(func.count(Signal.id).desc(), Signal.channel_code)
    ).all()
    return pd.DataFrame(rows, columns=["channel", "count", "open"])


def answer_time(session: Session, conditions: list, summary: Summary | None = None) -> pd.DataFrame:
    """Answered signals per time-to-answer bucket — columns bucket, count (every bucket present)."""
    if summary is not None:
        stmt = select(D.answer_bucket, _sum()).where(*_detail_where(summary), D.answer_bucket >= 0).group_by(D.answer_bucket)
    else:
        bucket = answer_bucket(session).label("bucket")
        stmt = select(bucket, func.count(Signal.id)).where(*conditions, Signal.answered_at.is_not(None)).group_by(bucket)
    rows = {int(index): n for index, n in session.execute(stmt).all()}
    return pd.DataFrame(
        [(label, int(rows.get(index, 0))) for index, (_limit, label) in enumerate(ANSWER_BUCKETS)],
        columns=["bucket", "count"],
    )


def _topic_counts(session: Session, summary: Summary, kind: str) -> dict[str, int]:
    rows = session.execute(
        select(P.code, func.sum(P.count))
        .where(P.scope_code == summary.scope, *_tally_months(P, summary.period), P.kind == kind)
        .group_by(P.code)
    )
    return {code: int(n) for code, n in rows if n}


def theme_counts(session: Session, conditions: list, summary: Summary | None = None) -> pd.DataFrame:
    """Signals per theme (a signal can have several) — columns theme, count, in THEMES order."""
    if summary is not None:
        counts = _topic_counts(session, summary, "theme")
        row = [counts.get(code, 0) for code in THEMES]
    else:
        columns = [_count_if(theme_condition(code)) for code in THEMES]
        row = session.execute(select(*columns).where(*conditions)).one()
    return pd.DataFrame(
        [(code, int(value or 0)) for code, value in zip(THEMES, row, strict=True)], columns=["theme", "count"]
    )


def top_regulations(session: Session, conditions: list, limit: int = 10, summary: Summary | None = None) -> pd.DataFrame:
    """Regulations named most often — columns code, title, abbreviation, ministry, count."""
    columns = ["code", "title", "abbreviation", "ministry", "count"]
    if summary is not None:
        counts = {int(key): n for key, n in _topic_counts(session, summary, "regulation").items()}
        regulations = session.execute(
            select(Regulation.id, Regulation.code, Regulation.title, Regulation.abbreviation, Regulation.ministry_code)
            .where(Regulation.id.in_(list(counts)))
        ).all()
        rows = sorted(((*r[1:], counts[r[0]]) for r in regulations), key=lambda r: (-r[4], r[0]))[:limit]
        return pd.DataFrame(rows, columns=columns)
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
    return pd.DataFrame(rows, columns=columns)


def _tally_months(tally, period: Period) -> list:
    return [tally.month >= period.start.strftime("%Y-%m"), tally.month < period.end.strftime("%Y-%m")]


def punctuality(
    session: Session,
    conditions: list,
    now: dt.datetime | None = None,
    whole_period: Period | None = None,
    summary: Summary | None = None,
) -> pd.DataFrame:
    """Per lead ministry: signals, open, with a deadline, late, on time and % on time.

    ``whole_period``, ``summary``: as in ``per_month_by_ministry``, the summary tables answer.
    """
    now = now or utcnow()
    if summary is not None and summary.scope:
        open_, late = D.status.in_(OPEN_STATUSES), deadlines.tally_late_sql(D, now)
        rows = session.execute(
            select(
                D.lead_code,
                _sum(),
                _sum(open_),
                _sum(D.lateness != deadlines.TALLY_NO_DEADLINE),
                _sum(late),
                _sum(open_ & late),
            )
            .where(*_detail_where(summary))
            .group_by(D.lead_code)
            .having(_sum() > 0)
            .order_by(*_nulls_as_live(session, D.lead_code))
        ).all()
        return _punctuality_frame([(code or None, *figures) for code, *figures in rows])
    whole_period = summary.period if summary is not None else whole_period
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
        .order_by(*_nulls_as_live(session, tally.ministry_code))
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
        # without this PostgreSQL would plan the server-side cursor for the first rows (nested loops),
        # which is far slower for the whole annex
        session.execute(text("SET LOCAL cursor_tuple_fraction = 1.0"))
    # yield_per keeps memory constant on both: a server-side cursor on PostgreSQL, and on SQLite it
    # stops the session's result from fetching every row before the first is handed out (without it a
    # year's annex at a million signals, 330,000 rows, grew the process by 168 MB)
    yield from session.execute(stmt.execution_options(yield_per=2000))


def padded(codes_column):
    """' ' + codes + ' ', so a LIKE '% CODE %' finds one code in a space-separated list."""
    return literal(" ") + codes_column + literal(" ")


def backlog(
    session: Session, conditions: list, now: dt.datetime | None = None, routed_to: str | None = None
) -> pd.DataFrame:
    """The backlog now, whatever the period: per lead ministry the open signals and how many are
    late and very late now (``signals.deadlines``) — columns ministry, open, late, very_late.

    ``routed_to``: ``conditions`` are exactly "routed to this ministry" (ministry_scope_condition),
    counted as the signals it leads (summary table) plus those it is co-responsible for (few, live).
    """
    now = now or utcnow()
    if routed_to:
        return _backlog_routed_to(session, routed_to, now)
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


def _backlog_routed_to(session: Session, code: str, now: dt.datetime) -> pd.DataFrame:
    """``backlog`` of the signals routed to ministry ``code``: those it leads (from the summary table)
    and, disjoint from them, those it is only co-responsible for (an IN list of its few co-links)."""
    led = _backlog_all(session, now, ministry=code)
    shared = _backlog_co_responsible(session, code, now)
    frame = pd.concat([led, shared], ignore_index=True) if len(shared) else led
    return frame.sort_values("ministry", kind="stable").reset_index(drop=True)


def _backlog_co_responsible(session: Session, code: str, now: dt.datetime) -> pd.DataFrame:
    """``backlog`` of the signals ministry ``code`` is co-responsible for (not the lead): read from its
    co-links, each open signal's lead looked up on its own.

    They are few (3,600 co-links of SZW at a million signals, 800 of them open), but PostgreSQL
    guessed them from the two columns apart (ministry and lead: 27,000 to 62,000) and hash-joined
    them with a sequential scan of every lead link (240-470 ms); SQLite's statistics cannot tell either.
    """
    co = aliased(SignalMinistry, name="co")
    lead = aliased(SignalMinistry, name="lead")
    lead_code = (
        select(lead.ministry_code)
        .where(lead.signal_id == Signal.id, lead.is_lead.is_(True))
        .correlate(Signal)
        .scalar_subquery()
    )
    per_signal = (
        select(
            lead_code.label("ministry"),
            case((deadlines.late_condition(now), 1), else_=0).label("late"),
            case((deadlines.very_late_condition(now), 1), else_=0).label("very_late"),
        )
        .select_from(co)
        .join(Signal, Signal.id == co.signal_id)
        .where(co.ministry_code == code, co.is_lead.is_(False), Signal.status.in_(deadlines.BACKLOG_STATUSES))
        .subquery()
    )
    rows = session.execute(
        select(per_signal.c.ministry, func.count(), func.sum(per_signal.c.late), func.sum(per_signal.c.very_late))
        .where(per_signal.c.ministry.is_not(None))
        .group_by(per_signal.c.ministry)
        .order_by(per_signal.c.ministry)
    ).all()
    return pd.DataFrame(
        [(m, int(o), int(la), int(v)) for m, o, la, v in rows], columns=["ministry", "open", "late", "very_late"]
    )


def _backlog_all(session: Session, now: dt.datetime, ministry: str | None = None) -> pd.DataFrame:
    """``backlog`` over every signal, from the summary table (signals/tallies.py); ``ministry``: only
    the row of the signals it leads."""
    from signals import tallies

    tally = tallies.T
    backlog_ = tally.status.in_(deadlines.BACKLOG_STATUSES)
    if ministry:
        backlog_ &= tally.ministry_code == ministry
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
    running = tallies.running_very_late_per_ministry(session, now, deadlines.BACKLOG_STATUSES, ministry)
    return pd.DataFrame(
        [(m, int(o), int(la), int(v) + running.get(m, 0)) for m, o, la, v in rows],
        columns=["ministry", "open", "late", "very_late"],
    )


# --- the dashboards: one grouped read of signal_tally_rollup -----------------------------------


@dataclass(frozen=True)
class DashboardFigures:
    """What a dashboard counts over its period (and the key figures of the period before)."""

    figures: dict
    previous_figures: dict
    punctuality: pd.DataFrame
    per_channel: pd.DataFrame
    per_month: pd.DataFrame
    outcomes: pd.DataFrame
    statuses: pd.DataFrame
    themes: pd.DataFrame
    answer_time: pd.DataFrame


def dashboard_figures(
    session: Session, period: Period, in_scope: list, now: dt.datetime, summary: Summary | None = None
) -> DashboardFigures:
    """A dashboard's figures over the signals of ``in_scope`` received in ``period`` (key figures also
    in the period before); ``summary``: the same signals, read from signal_tally_rollup in one grouped read."""
    if summary is not None:
        return _dashboard_rollup(session, summary, in_scope, now)
    conditions = signal_conditions(period) + in_scope
    previous_conditions = signal_conditions(period.previous()) + in_scope
    return DashboardFigures(
        figures=key_figures(session, conditions, now),
        previous_figures=key_figures(session, previous_conditions, now),
        punctuality=punctuality(session, conditions, now),
        per_channel=per_channel(session, conditions),
        per_month=per_month_by_ministry(session, conditions),
        outcomes=outcome_counts(session, conditions),
        statuses=status_counts(session, conditions),
        themes=theme_counts(session, conditions),
        answer_time=answer_time(session, conditions),
    )


R = SignalTallyRollup


def _rollup_where(scope: str, organisations: tuple[str, ...] = ()) -> list:
    """signal_tally_rollup rows of a ministry scope ('' every signal) or of ``organisations``."""
    if organisations:
        return [R.scope_kind == "organisation", R.scope_code.in_(list(organisations))]
    if scope:
        return [R.scope_kind == "ministry", R.scope_code == scope]
    return [R.scope_kind == "all", R.scope_code == ""]


def _rollup_read(session: Session, summary: Summary):
    """The rollup rows a dashboard needs, grouped in the database, as one UNION ALL: per part
    ('signal': both periods, 'month', 'channel', 'theme': this period) the columns
    (part, this period, month, label, lead, status, outcome, lateness, due block, answer bucket,
    count, people, answer ms)."""
    where = _rollup_where(summary.scope, summary.organisations)
    this = and_(*_tally_months(R, summary.period))
    before = and_(*_tally_months(R, summary.period.previous()))
    in_this = case((this, 1), else_=0)
    blank, none = literal(""), literal(-1)
    n = func.sum(R.count)

    def part(name, facet, period, columns, group_by, sums=True):
        sums_ = [n, func.sum(R.people), func.sum(R.answer_ms)] if sums else [n, literal(0), literal(0)]
        return (
            select(literal(name).label("part"), *columns, *sums_)
            .where(*where, R.facet == facet, period)
            .group_by(*group_by)
        )

    signal = part(
        "signal", "signal", this | before,
        [in_this, blank, blank, R.lead_code, R.status, blank, R.lateness, R.due_block, R.answer_bucket],
        [in_this, R.lead_code, R.status, R.lateness, R.due_block, R.answer_bucket],
    )
    month = part(
        "month", "signal", this, [literal(1), R.month, blank, R.lead_code, blank, blank, none, none, none],
        [R.month, R.lead_code], sums=False,
    )
    channel = part(
        "channel", "channel", this, [literal(1), blank, R.label, blank, R.status, R.outcome, none, none, none],
        [R.label, R.status, R.outcome], sums=False,
    )
    theme = part(
        "theme", "theme", this, [literal(1), blank, R.label, blank, blank, blank, none, none, none], [R.label], sums=False
    )  # fmt: skip
    return session.execute(union_all(signal, month, channel, theme)).all()


def _running_late_live(
    session: Session, conditions: list, now: dt.datetime, periods: tuple[Period, ...] = ()
) -> dict[tuple[int, str], tuple[int, int]]:
    """Per (index into ``periods`` - whole months - the signal was received in, lead ('' none)) (late,
    open and late) of the running clocks whose deadline falls in the current block
    (signals.tallies.due_block_range) and has passed: the rollup keeps their block only. No
    ``periods``: index 0 for all.

    Found by their deadlines alone and sorted into the periods by month received here: with a
    condition on created_at PostgreSQL intersected the period's created_at index (70,000 entries a
    quarter) with the deadlines' (0.1-0.36 s at a million signals); the block's clocks are a few thousand.
    """
    _block, start = tallies.due_block_range(now)
    lead = _lead()
    month = month_of(session, Signal.created_at) if periods else literal("")
    # judged now is counted, not asked in WHERE: its OR of statuses let SQLite fetch every signal
    # without an answer date through that index (0.47 s) instead of the deadlines in the block
    running = deadlines.judged_now_condition()
    rows = session.execute(
        _base(lead, month, lead.ministry_code, _count_if(running), _count_if(running & Signal.status.in_(OPEN_STATUSES)))
        .where(*conditions, deadlines.has_deadline_condition(), Signal.due_at >= start, Signal.due_at < now)
        .group_by(month, lead.ministry_code)
    ).all()
    bounds = [(p.start.strftime("%Y-%m"), p.end.strftime("%Y-%m")) for p in periods]
    counts: dict[tuple[int, str], tuple[int, int]] = {}
    for received_month, code, late, open_late in rows:
        index = next((i for i, (first, end) in enumerate(bounds) if first <= received_month < end), None) if periods else 0
        if index is not None:
            key = (index, code or "")
            before = counts.get(key, (0, 0))
            counts[key] = (before[0] + int(late), before[1] + int(open_late))
    return counts


def _dashboard_rollup(session: Session, summary: Summary, in_scope: list, now: dt.datetime) -> DashboardFigures:
    now = deadlines.as_utc(now)
    block, _start = tallies.due_block_range(now)
    figures = [dict.fromkeys(_FIGURE_KEYS, 0) for _ in range(2)]  # [previous, this]
    leads: dict[str, list[int]] = {}  # lead -> [count, open, with deadline, late, open and late]
    statuses: dict[str, int] = {}
    buckets: dict[int, int] = {}
    months: dict[tuple[str, str], int] = {}
    channels: dict[str, list[int]] = {}
    outcomes: dict[str, int] = {}
    themes: dict[str, int] = {}
    for part, this, month, label, lead, status, outcome, lateness, due_block, bucket, n, people, ms in _rollup_read(session, summary):
        n = int(n or 0)
        if part == "signal":
            open_ = status in OPEN_STATUSES
            late = tallies.rollup_late(lateness, due_block, block)
            answered = bucket >= 0
            record = figures[this]
            record["total"] += n
            record["open"] += n * open_
            record["answered"] += n * answered
            record["closed"] += n * (status == "closed")
            record["merged"] += n * (status == "merged")
            record["people_affected"] += int(people or 0)
            record["with_deadline"] += n * (lateness != deadlines.TALLY_NO_DEADLINE)
            record["late"] += n * late
            record["answer_ms"] += int(ms or 0)
            record["answered_within_13_weeks"] += n * (answered and bucket <= WITHIN_13_WEEKS)
            if this:
                sums = leads.setdefault(lead, [0] * 5)
                for index, value in enumerate((1, open_, lateness != deadlines.TALLY_NO_DEADLINE, late, open_ and late)):
                    sums[index] += n * value
                statuses[status] = statuses.get(status, 0) + n
                if answered:
                    buckets[bucket] = buckets.get(bucket, 0) + n
        elif part == "month":
            months[(month, lead)] = months.get((month, lead), 0) + n
        elif part == "channel":
            sums = channels.setdefault(label, [0, 0])
            sums[0] += n
            sums[1] += n * (status in OPEN_STATUSES)
            if outcome:
                outcomes[outcome] = outcomes.get(outcome, 0) + n
        else:
            themes[label] = themes.get(label, 0) + n
    periods = (summary.period.previous(), summary.period)  # as ``figures``
    for (this, lead), (late, open_late) in _running_late_live(session, in_scope, now, periods).items():
        figures[this]["late"] += late
        if this:
            sums = leads.setdefault(lead, [0] * 5)
            sums[3] += late
            sums[4] += open_late
    none_last = _dialect(session) == "postgresql"  # as the live ORDER BY sorts NULL (no lead)

    def by_lead(code: str):
        return ((code == "") == none_last, code)

    punctual = [(code or None, *sums) for code, sums in sorted(leads.items(), key=lambda item: by_lead(item[0])) if sums[0]]
    per_month = pd.DataFrame(
        [
            (month, lead or None, n)
            for (month, lead), n in sorted(months.items(), key=lambda item: (item[0][0], *by_lead(item[0][1])))
            if n
        ],
        columns=["month", "ministry", "count"],
    )
    per_month["ministry"] = per_month["ministry"].fillna(NO_MINISTRY)
    return DashboardFigures(
        figures=_figures_dict(figures[1]),
        previous_figures=_figures_dict(figures[0]),
        punctuality=_punctuality_frame(punctual),
        per_channel=pd.DataFrame(
            [(c, n, o) for c, (n, o) in sorted(channels.items(), key=lambda item: (-item[1][0], item[0])) if n],
            columns=["channel", "count", "open"],
        ),
        per_month=per_month,
        outcomes=pd.DataFrame(sorted((o, n) for o, n in outcomes.items() if n), columns=["outcome", "count"]),
        statuses=pd.DataFrame([(s, n) for s, n in statuses.items() if n], columns=["status", "count"]),
        themes=pd.DataFrame([(code, themes.get(code, 0)) for code in THEMES], columns=["theme", "count"]),
        answer_time=pd.DataFrame(
            [(label, buckets.get(index, 0)) for index, (_limit, label) in enumerate(ANSWER_BUCKETS)],
            columns=["bucket", "count"],
        ),
    )


_FIGURE_KEYS = (
    "total", "open", "answered", "closed", "merged", "people_affected", "with_deadline", "late", "answer_ms",
    "answered_within_13_weeks",
)  # fmt: skip


def _figures_dict(record: dict) -> dict:
    """``key_figures``'s dict from summed rollup figures."""
    figures = {key: int(value) for key, value in record.items()}
    figures["avg_days_to_answer"] = _avg_days(figures.pop("answer_ms"), figures["answered"])
    return {key: figures[key] for key in _KEY_FIGURES}


#: the keys of ``key_figures``, in its order
_KEY_FIGURES = (
    "total", "open", "answered", "closed", "merged", "people_affected", "with_deadline", "late", "avg_days_to_answer",
    "answered_within_13_weeks",
)  # fmt: skip


def backlog_from_rollup(
    session: Session, scope: str, organisations: tuple[str, ...], conditions: list, now: dt.datetime | None = None
) -> pd.DataFrame:
    """``backlog`` of the signals routed to ministry ``scope`` or logged by ``organisations`` (exactly
    what ``conditions`` hold), from signal_tally_rollup: running clocks whose deadline (for late) or
    very-late moment (for very late) falls in an earlier block are summed, those of the current block
    are judged one by one."""
    now = deadlines.as_utc(now or utcnow())
    block, _start = tallies.due_block_range(now)
    rows = session.execute(
        select(R.lead_code, R.lateness, R.due_block, R.very_late_block, func.sum(R.count))
        .where(
            *_rollup_where(scope, organisations),
            R.facet == "signal",
            R.status.in_(deadlines.BACKLOG_STATUSES),
            R.lead_code != "",
        )
        .group_by(R.lead_code, R.lateness, R.due_block, R.very_late_block)
    ).all()
    counts: dict[str, list[int]] = {}  # lead -> [open, late, very late]
    due_blocks = set()  # of the clocks that become very late in the current block
    for lead, lateness, due_block, very_late_block, n in rows:
        sums = counts.setdefault(lead, [0, 0, 0])
        sums[0] += int(n)
        sums[1] += int(n) * tallies.rollup_late(lateness, due_block, block)
        sums[2] += int(n) * tallies.rollup_very_late(lateness, very_late_block, block)
        if lateness == deadlines.TALLY_RUNNING and very_late_block == block and n:
            due_blocks.add(due_block)
    in_backlog = [*conditions, Signal.status.in_(deadlines.BACKLOG_STATUSES)]
    for (_all, lead), (late, _open_late) in _running_late_live(session, in_backlog, now).items():
        if lead in counts:
            counts[lead][1] += late
    if due_blocks:
        lead = _lead()
        due_in = [and_(Signal.due_at >= start, Signal.due_at < end) for start, end in map(tallies.block_range, sorted(due_blocks))]
        dialect = _dialect(session)
        for code, n in session.execute(
            _base(lead, lead.ministry_code, func.count(Signal.id))
            .where(
                *in_backlog,
                lead.ministry_code.is_not(None),
                or_(*due_in),
                tallies.very_late_block_sql(dialect) == block,
                deadlines.very_late_condition(now),
            )
            .group_by(lead.ministry_code)
        ):
            counts[code][2] += int(n)
    return pd.DataFrame(
        [(code, *sums) for code, sums in sorted(counts.items()) if sums[0]], columns=["ministry", "open", "late", "very_late"]
    )
