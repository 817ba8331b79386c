"""The summary table (``signal_tally``): signals counted per month received, lead ministry, status,
deadline state and month answered, so counts over a million signals read a few thousand rows.

Deadlines fall at the end of a day (signals.deadlines.end_of_day), so the running clocks add
at most a row per ministry, status and day of deadline.

It stays in step in the same transaction as every change:

* ORM changes: ``before_flush`` reads the tally keys of the signals about to change (from the
  database, as they were), ``after_flush`` reads them again and applies the difference (one upsert
  per changed key, ``count = count + delta``, atomic on SQLite and PostgreSQL);
* writes that bypass the ORM call ``add_signals`` (the bulk importer) or ``rebuild`` (``bench.generate``,
  and ``flask --app app stats rebuild`` for an operator);
* a figure that depends on the clock (late now) is kept with its deadline (``due_at``), so it is a
  sum over ``due_at < now`` (signals.deadlines.tally_late_sql).

``tests/signals/test_tallies.py`` shows the tallies equal a live count after intake, routing,
answering, merging and an import.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import and_, delete, event, func, insert, inspect, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, aliased

from signals import deadlines
from signals.models import Signal, SignalMinistry, SignalTally

KEY = ("month", "ministry_code", "status", "lateness", "due_at", "very_late_day", "answered_month")
#: columns of a signal whose change can move it to another tally row
KEY_ATTRIBUTES = frozenset(
    {"status", "created_at", "due_at", "deadline_started_at", "needs_info_since", "answered_at", "closed_at",
     "ministry_links"}
)  # fmt: skip
_TABLE = SignalTally.__table__


def _month_sql(dialect: str, column=Signal.created_at):
    """YYYY-MM of ``column`` in UTC (as reports.aggregation.month_of); '' for NULL."""
    if dialect == "postgresql":
        return func.coalesce(func.to_char(func.timezone("UTC", column), "YYYY-MM"), "")
    return func.coalesce(func.strftime("%Y-%m", column), "")


def key_select(dialect: str):
    """SELECT of (signal id, *KEY) over every signal: the one definition of a signal's tally row."""
    lead = aliased(SignalMinistry, name="tally_lead")
    return (
        select(
            Signal.id,
            _month_sql(dialect).label("month"),
            func.coalesce(lead.ministry_code, "").label("ministry_code"),
            Signal.status,
            deadlines.tally_lateness_sql().label("lateness"),
            deadlines.tally_due_sql().label("due_at"),
            deadlines.tally_very_late_day_sql(dialect).label("very_late_day"),
            _month_sql(dialect, Signal.answered_at).label("answered_month"),
        )
        .select_from(Signal)
        .outerjoin(lead, and_(lead.signal_id == Signal.id, lead.is_lead.is_(True)))
    )


def _dialect(session_or_connection) -> str:
    bind = session_or_connection.get_bind() if isinstance(session_or_connection, Session) else session_or_connection
    return bind.dialect.name


def _keys(connection, ids: Iterable[int]) -> Counter:
    ids = sorted(set(i for i in ids if i is not None))
    keys: Counter = Counter()
    stmt = key_select(_dialect(connection))
    for start in range(0, len(ids), 500):
        for row in connection.execute(stmt.where(Signal.id.in_(ids[start : start + 500]))):
            keys[tuple(row[1:])] += 1
    return keys


def apply(connection, deltas: Counter) -> None:
    """Add ``deltas`` (key tuple -> change in count) to the table, in key order (no deadlocks between writers)."""
    rows = [dict(zip(KEY, key, strict=True), count=n) for key, n in sorted(deltas.items(), key=_order) if n]
    if not rows:
        return
    insert_ = pg_insert if _dialect(connection) == "postgresql" else sqlite_insert
    for start in range(0, len(rows), 500):
        stmt = insert_(_TABLE).values(rows[start : start + 500])
        stmt = stmt.on_conflict_do_update(
            index_elements=[_TABLE.c[name] for name in KEY], set_={"count": _TABLE.c.count + stmt.excluded.count}
        )
        connection.execute(stmt)


def _order(item):
    return tuple(str(part) for part in item[0])


def add_signals(session: Session, ids: Iterable[int]) -> None:
    """Count signals written without the ORM (bulk import), in the caller's transaction."""
    apply(session.connection(), _keys(session.connection(), ids))


def rebuild(session: Session) -> int:
    """Empty the table and count every signal again (in the caller's transaction); the number of rows."""
    connection = session.connection()
    connection.execute(delete(_TABLE))
    keys = key_select(_dialect(connection)).subquery()
    grouped = select(*(keys.c[name] for name in KEY), func.count()).group_by(*(keys.c[name] for name in KEY))
    connection.execute(insert(_TABLE).from_select([*KEY, "count"], grouped))
    return connection.execute(select(func.count()).select_from(_TABLE)).scalar_one()


# --- keeping step with the ORM -----------------------------------------------------------------


def _touched(session: Session) -> tuple[set[int], set[int]]:
    """(ids of stored signals whose tally row may change, ids of signals new in this flush)."""
    stored, new = set(), set()
    for obj in session.dirty:
        if isinstance(obj, Signal):
            state = inspect(obj)
            if any(state.attrs[name].history.has_changes() for name in KEY_ATTRIBUTES):
                stored.add(obj.id)
        elif isinstance(obj, SignalMinistry) and inspect(obj).attrs.is_lead.history.has_changes():
            stored.add(obj.signal_id)
    for obj in session.deleted:
        if isinstance(obj, Signal):
            stored.add(obj.id)
        elif isinstance(obj, SignalMinistry):
            stored.add(obj.signal_id)
    for obj in session.new:
        if isinstance(obj, Signal):
            new.add(obj.id)  # None until the flush unless allocated up front
        elif isinstance(obj, SignalMinistry):
            signal_id = obj.signal_id if obj.signal_id is not None else getattr(obj.signal, "id", None)
            (stored if signal_id is not None and not _is_new(session, obj) else new).add(signal_id)
    stored.discard(None)
    return stored, new


def _is_new(session: Session, link: SignalMinistry) -> bool:
    return link.signal is not None and link.signal in session.new


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context, _instances) -> None:
    stored, new_ = _touched(session)
    new_objects = [obj for obj in session.new if isinstance(obj, Signal)]
    if not stored and not new_objects and not new_:
        return
    old = _keys(session.connection(), stored) if stored else Counter()
    session.info["kp_tally_pending"] = (stored, new_objects, old, new_)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:
    pending = session.info.pop("kp_tally_pending", None)
    if pending is None:
        return
    stored, new_objects, old, new_ids = pending
    ids = set(stored) | {obj.id for obj in new_objects} | {i for i in new_ids if i is not None}
    now = _keys(session.connection(), ids)
    now.subtract(old)
    apply(session.connection(), now)


# --- reading -----------------------------------------------------------------------------------

T = SignalTally


def total(column=None):
    """SUM(count) over tally rows (optionally only where ``column`` holds): how many signals."""
    from sqlalchemy import case

    if column is None:
        return func.coalesce(func.sum(T.count), 0)
    return func.coalesce(func.sum(case((column, T.count), else_=0)), 0)


def status_counts_led_by(session: Session, ministry_code: str, statuses: Iterable[str]) -> dict[str, int]:
    """Signals led by ``ministry_code`` per status (of ``statuses``)."""
    rows = session.execute(
        select(T.status, total()).where(T.ministry_code == ministry_code, T.status.in_(list(statuses))).group_by(T.status)
    )
    return {status: int(n) for status, n in rows}


def running_very_late_per_ministry(session: Session, now, statuses: Iterable[str] | None = None) -> dict[str, int]:
    """Signals whose clock runs and that are very late at ``now``, per lead ministry.

    Clocks that became very late before today's UTC day are summed from the table; those that
    become very late today are judged one by one (``very_late_condition``), found by their
    deadlines (the status and due_at index).
    """
    today = deadlines.utc_day_number(now)
    running = (T.lateness == deadlines.TALLY_RUNNING) & (T.ministry_code != "")
    if statuses is not None:
        running &= T.status.in_(list(statuses))
    counts = {
        code: int(n)
        for code, n in session.execute(
            select(T.ministry_code, total()).where(running, T.very_late_day < today).group_by(T.ministry_code)
        )
    }
    due_today = [
        due for (due,) in session.execute(select(T.due_at).where(running, T.very_late_day == today).distinct())
    ]
    for start in range(0, len(due_today), 500):
        for code, n in session.execute(
            select(SignalMinistry.ministry_code, func.count())
            .join(Signal, Signal.id == SignalMinistry.signal_id)
            .where(
                SignalMinistry.is_lead.is_(True),
                deadlines.judged_now_condition(),
                *([Signal.status.in_(list(statuses))] if statuses is not None else []),
                Signal.due_at.in_(due_today[start : start + 500]),
                deadlines.very_late_condition(now),
            )
            .group_by(SignalMinistry.ministry_code)
        ):
            counts[code] = counts.get(code, 0) + int(n)
    return counts
