"""The summary tables: signals counted so that counts over a million signals read a few thousand rows.

* ``signal_tally``: per month received, lead ministry, status, deadline state and month answered
  (the screens' counts, the per-month and punctuality tables);
* ``signal_tally_detail``: per month, ministry scope ('' for all, else each ministry a signal is
  routed to), lead ministry, channel, status, outcome, deadline state and time-to-answer bucket,
  with the sums of people affected and milliseconds to answer (the letter's and dashboards' key
  figures, outcomes, channels, flow, answer times, punctuality per scope);
* ``signal_tally_topic``: per month, ministry scope and theme or regulation named;
* ``signal_tally_rollup``: per scope (every signal, each ministry routed to, the organisation that
  logged it), month and facet (``signal``: lead, status, deadline state, answer bucket; ``channel``:
  channel, status, outcome; ``theme``), with running clocks kept per block of ``DUE_BLOCK_DAYS``
  days of their deadline and of their very-late moment instead of per deadline: the dashboards' one
  grouped read and the frontline's counts.

Deadlines fall at the end of a day (signals.deadlines.end_of_day), so the running clocks add
at most a row per ministry, status and day of deadline.

They stay in step in the same transaction as every change, by one mechanism (``Tally``):

* ORM changes: ``before_flush`` reads the tally keys of the signals about to change (from the
  database, as they were), ``after_flush`` reads them again and applies the difference (one upsert
  per changed key, ``count = count + delta``, atomic on SQLite and PostgreSQL);
* writes that bypass the ORM call ``add_signals`` (the bulk importer) or ``rebuild`` (``bench.generate``,
  and ``flask --app app stats rebuild`` for an operator);
* a figure that depends on the clock (late now) is kept with its deadline (``due_at``), so it is a
  sum over ``due_at < now`` (signals.deadlines.tally_late_sql).

``tests/signals/test_tallies.py`` shows the tallies equal a live count after intake, routing,
answering, merging and an import, and that the figures read from them equal the live figures.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    Integer,
    String,
    and_,
    bindparam,
    case,
    cast,
    delete,
    event,
    func,
    insert,
    inspect,
    literal,
    literal_column,
    select,
    text,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from signals import deadlines
from signals.models import (
    Signal,
    SignalMinistry,
    SignalRegulation,
    SignalTally,
    SignalTallyDetail,
    SignalTallyRollup,
    SignalTallyTopic,
)
from signals.vocabulary import THEMES

KEY = ("month", "ministry_code", "status", "lateness", "due_at", "very_late_day", "answered_month")
#: columns of a signal whose change can move it to another row of a summary table
KEY_ATTRIBUTES = frozenset(
    {"status", "created_at", "due_at", "deadline_started_at", "needs_info_since", "answered_at", "closed_at",
     "ministry_links", "channel_code", "outcome", "people_affected", "themes", "regulation_links",
     "organisation_code"}
)  # fmt: skip
_TABLE = SignalTally.__table__

#: upper bounds (days, inclusive) of the time-to-answer buckets (reports.aggregation.ANSWER_BUCKETS);
#: a last bucket holds the rest
ANSWER_DAY_LIMITS = (7, 14, 28, 56, 91)
_DAY_MS = 86_400_000


def _month_sql(dialect: str, column=Signal.created_at):
    """YYYY-MM of ``column`` in UTC (as reports.aggregation.month_of); '' for NULL."""
    if dialect == "postgresql":
        return func.coalesce(func.to_char(func.timezone("UTC", column), "YYYY-MM"), "")
    return func.coalesce(func.strftime("%Y-%m", column), "")


def answer_ms_sql(dialect: str):
    """SQL: milliseconds from receipt to answer (NULL while not answered) - the one measure behind the
    average time to answer and its buckets, so the live count and the summary table agree to the digit."""
    if dialect == "postgresql":
        return cast(func.round(func.extract("epoch", Signal.answered_at - Signal.created_at) * 1000), BigInteger)
    return cast(func.round((func.julianday(Signal.answered_at) - func.julianday(Signal.created_at)) * _DAY_MS), Integer)


def answer_bucket_sql(dialect: str):
    """SQL: the time-to-answer bucket (index into ANSWER_DAY_LIMITS, the last one beyond); -1 while not answered."""
    ms = answer_ms_sql(dialect)
    whens = [(ms <= limit * _DAY_MS, index) for index, limit in enumerate(ANSWER_DAY_LIMITS)]
    return case((Signal.answered_at.is_(None), -1), *whens, else_=len(ANSWER_DAY_LIMITS))


#: running clocks are counted per block of this many days in which their deadline falls, not per deadline
#: (signal_tally_rollup): "late now" is every earlier block, no later one, and the current block's
#: clocks judged one by one (``due_block_range``)
DUE_BLOCK_DAYS = 7
_BLOCK_SECONDS = DUE_BLOCK_DAYS * 86_400
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def due_block_sql(dialect: str):
    """SQL: the block (``DUE_BLOCK_DAYS`` days since 1970) of a running clock's deadline; -1 for the rest."""
    return _running_block(dialect, deadlines.epoch(Signal.due_at))


def very_late_block_sql(dialect: str):
    """SQL: the block in which a running clock becomes very late (``deadlines.very_late_condition``); -1 for the rest."""
    return _running_block(dialect, deadlines.very_late_epoch_sql())


def _running_block(dialect: str, seconds):
    blocks = seconds / float(_BLOCK_SECONDS)
    block = func.floor(blocks) if dialect == "postgresql" else blocks  # positive: CAST truncates down
    return case(
        (deadlines.has_deadline_condition() & deadlines.judged_now_condition(), cast(block, Integer)), else_=-1
    )


def block_range(block: int) -> tuple[dt.datetime, dt.datetime]:
    """The moments block ``block`` begins and ends."""
    return _EPOCH + dt.timedelta(seconds=block * _BLOCK_SECONDS), _EPOCH + dt.timedelta(seconds=(block + 1) * _BLOCK_SECONDS)


def due_block_range(now: dt.datetime) -> tuple[int, dt.datetime]:
    """The block ``now`` falls in and the moment it began."""
    block = int((deadlines.as_utc(now) - _EPOCH).total_seconds() // _BLOCK_SECONDS)
    return block, _EPOCH + dt.timedelta(seconds=block * _BLOCK_SECONDS)


def rollup_late(lateness: int, due_block: int, block: int) -> bool:
    """A signal_tally_rollup row's clocks are late or very late, as far as whole blocks tell, in block
    ``block`` (the rule of ``deadlines.tally_late_sql`` for rows kept per block; the current block's
    running clocks are judged one by one)."""
    running = lateness == deadlines.TALLY_RUNNING and due_block < block
    return lateness in (deadlines.TALLY_LATE, deadlines.TALLY_VERY_LATE) or running


def rollup_very_late(lateness: int, very_late_block: int, block: int) -> bool:
    """A signal_tally_rollup row's clocks are very late, as far as whole blocks tell, in block ``block``."""
    return lateness == deadlines.TALLY_VERY_LATE or (lateness == deadlines.TALLY_RUNNING and very_late_block < block)


def theme_match(code):
    """SQL: the signal is tagged with theme ``code`` (a string or a column): a text match on the JSON
    list, which works on SQLite and PostgreSQL."""
    if isinstance(code, str):
        return cast(Signal.themes, String).like(f'%"{code}"%')
    return cast(Signal.themes, String).like(literal('%"') + code + literal('"%'))


def key_select(dialect: str):
    """SELECT of (signal id, *KEY) over every signal: the one definition of a signal's tally row."""
    return _signal_rows(dialect, None)[0]


def _lead():
    return aliased(SignalMinistry, name="tally_lead")


def _signal_rows(dialect: str, ids) -> list:
    lead = _lead()
    stmt = (
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
    return [stmt if ids is None else stmt.where(Signal.id.in_(ids))]


def _scoped(dialect: str, ids, columns: Callable, joins: Callable = lambda stmt: stmt) -> list:
    """Two SELECTs of (signal id, scope_code, *columns(lead)): every signal once with scope '', and
    once per ministry it is routed to (reports.aggregation.ministry_scope_condition) with that code."""
    selects = []
    for routed in (False, True):
        lead, link = _lead(), aliased(SignalMinistry, name="tally_scope")
        scope = link.ministry_code if routed else literal("", String)
        stmt = select(Signal.id, scope.label("scope_code"), *columns(lead)).select_from(Signal)
        if routed:
            stmt = stmt.join(link, link.signal_id == Signal.id)
        stmt = joins(stmt.outerjoin(lead, and_(lead.signal_id == Signal.id, lead.is_lead.is_(True))))
        selects.append(stmt if ids is None else stmt.where(Signal.id.in_(ids)))
    return selects


def _detail_rows(dialect: str, ids) -> list:
    return _scoped(
        dialect,
        ids,
        lambda lead: [
            _month_sql(dialect).label("month"),
            func.coalesce(lead.ministry_code, "").label("lead_code"),
            Signal.channel_code,
            Signal.status,
            func.coalesce(Signal.outcome, "").label("outcome"),
            deadlines.tally_lateness_sql().label("lateness"),
            deadlines.tally_due_sql().label("due_at"),
            answer_bucket_sql(dialect).label("answer_bucket"),
            func.coalesce(Signal.people_affected, 0).label("people"),
            func.coalesce(answer_ms_sql(dialect), 0).label("answer_ms"),
        ],
    )


def _topic_rows(dialect: str, ids) -> list:
    themes = union_all(*(select(literal(code, String).label("code")) for code in THEMES)).subquery("tally_theme")
    by_theme = _scoped(
        dialect,
        ids,
        lambda _lead: [_month_sql(dialect).label("month"), literal("theme", String).label("kind"), themes.c.code],
        lambda stmt: stmt.join(themes, theme_match(themes.c.code)),
    )
    by_regulation = _scoped(
        dialect,
        ids,
        lambda _lead: [
            _month_sql(dialect).label("month"),
            literal("regulation", String).label("kind"),
            cast(SignalRegulation.regulation_id, String).label("code"),
        ],
        lambda stmt: stmt.join(SignalRegulation, SignalRegulation.signal_id == Signal.id),
    )
    return by_theme + by_regulation


#: the columns of signal_tally_rollup a facet sets (the rest of its key: '', TALLY_NO_DEADLINE or -1)
_ROLLUP_COLUMNS = (
    "label", "lead_code", "status", "outcome", "lateness", "due_block", "very_late_block", "answer_bucket", "people",
    "answer_ms",
)  # fmt: skip


def _rollup_scopes():
    """(kind, code, join) of each scope of signal_tally_rollup: every signal, each ministry it is
    routed to (reports.aggregation.ministry_scope_condition), the organisation that logged it."""
    link = aliased(SignalMinistry, name="tally_scope")
    return (
        ("all", literal("", String), lambda stmt: stmt),
        ("ministry", link.ministry_code, lambda stmt: stmt.join(link, link.signal_id == Signal.id)),
        ("organisation", Signal.organisation_code, lambda stmt: stmt.where(Signal.organisation_code.is_not(None))),
    )


def _rollup_facets(dialect: str):
    """(facet, {column: SQL}, join) of each facet of signal_tally_rollup."""
    lead = _lead()
    themes = union_all(*(select(literal(code, String).label("code")) for code in THEMES)).subquery("tally_theme")
    return (
        (
            "signal",
            {
                "lead_code": func.coalesce(lead.ministry_code, ""),
                "status": Signal.status,
                "lateness": deadlines.tally_lateness_sql(),
                "due_block": due_block_sql(dialect),
                "very_late_block": very_late_block_sql(dialect),
                "answer_bucket": answer_bucket_sql(dialect),
                "people": func.coalesce(Signal.people_affected, 0),
                "answer_ms": func.coalesce(answer_ms_sql(dialect), 0),
            },
            lambda stmt: stmt.outerjoin(lead, and_(lead.signal_id == Signal.id, lead.is_lead.is_(True))),
        ),
        (
            "channel",
            {"label": Signal.channel_code, "status": Signal.status, "outcome": func.coalesce(Signal.outcome, "")},
            lambda stmt: stmt,
        ),
        ("theme", {"label": themes.c.code}, lambda stmt: stmt.join(themes, theme_match(themes.c.code))),
    )


def _rollup_rows(dialect: str, ids) -> list:
    """(signal id, scope kind and code, facet, month, *_ROLLUP_COLUMNS) per scope and facet (SignalTallyRollup)."""
    unset = {
        "label": literal("", String), "lead_code": literal("", String), "status": literal("", String),
        "outcome": literal("", String), "lateness": literal(deadlines.TALLY_NO_DEADLINE, Integer),
        "due_block": literal(-1, Integer), "very_late_block": literal(-1, Integer), "answer_bucket": literal(-1, Integer),
        "people": literal(0, BigInteger), "answer_ms": literal(0, BigInteger),
    }  # fmt: skip
    selects = []
    for kind, code, scope_join in _rollup_scopes():
        for facet, columns, facet_join in _rollup_facets(dialect):
            stmt = select(
                Signal.id,
                literal(kind, String).label("scope_kind"),
                code.label("scope_code"),
                literal(facet, String).label("facet"),
                _month_sql(dialect).label("month"),
                *(columns.get(name, unset[name]).label(name) for name in _ROLLUP_COLUMNS),
            ).select_from(Signal)
            stmt = facet_join(scope_join(stmt))
            selects.append(stmt if ids is None else stmt.where(Signal.id.in_(ids)))
    return selects


@dataclass(frozen=True)
class Tally:
    """A summary table: signals counted per ``key``, with sums of ``measures``.

    ``rows(dialect, ids)`` gives SELECTs of (signal id, *key, *measures), one row per counted
    contribution of a signal (ids None: every signal) - the one definition both the flush hooks
    and ``rebuild`` use.
    """

    table: object
    key: tuple[str, ...]
    measures: tuple[str, ...]
    rows: Callable[[str, list | None], list]


TALLIES = (
    Tally(_TABLE, KEY, (), _signal_rows),
    Tally(
        SignalTallyDetail.__table__,
        ("scope_code", "month", "lead_code", "channel_code", "status", "outcome", "lateness", "due_at", "answer_bucket"),
        ("people", "answer_ms"),
        _detail_rows,
    ),
    Tally(SignalTallyTopic.__table__, ("scope_code", "month", "kind", "code"), (), _topic_rows),
    Tally(
        SignalTallyRollup.__table__,
        ("scope_kind", "scope_code", "facet", "month", "label", "lead_code", "status", "outcome", "lateness",
         "due_block", "very_late_block", "answer_bucket"),
        ("people", "answer_ms"),
        _rollup_rows,
    ),
)


def _dialect(session_or_connection) -> str:
    bind = session_or_connection.get_bind() if isinstance(session_or_connection, Session) else session_or_connection
    return bind.dialect.name


def _keys(connection, ids: Iterable[int], tally: Tally = TALLIES[0]) -> dict[tuple, list[int]]:
    """key -> [count, *measure sums] of the signals ``ids`` as the database holds them now."""
    ids = sorted(set(i for i in ids if i is not None))
    keys: dict[tuple, list[int]] = defaultdict(lambda: [0] * (1 + len(tally.measures)))
    width = len(tally.key)
    rendered = _rendered_rows(tally, connection.dialect)
    for start in range(0, len(ids), 500):
        for row in rendered.execute(connection, ids[start : start + 500]):
            sums = keys[tuple(row[1 : 1 + width])]
            sums[0] += 1
            for index, value in enumerate(row[1 + width :], start=1):
                sums[index] += int(value or 0)
    return keys


#: stands for the ids in ``tally.rows`` while the SQL is rendered (replaced by a parameter)
_IDS_MARK = "-424242"


class _RenderedRows:
    """``tally.rows`` for some ids as one SQL text, rendered once per table and dialect with its
    constants inline and the ids as one parameter (an array on PostgreSQL, a JSON list on SQLite).

    Every flush touching a signal and every new signal read these keys. Built per call, the SELECTs
    with their CASE expressions and cache keys were most of an API post's CPU; built once, they
    still carried some 75 parameters each (the deadline rules' status lists), which SQLAlchemy
    rendered again at every execution and psycopg parsed again (longer than its statement cache).
    The values come back through each column type's result processing, as from the statement itself.
    (The moment ``tally_lateness_sql`` binds is never read: see there.)
    """

    def __init__(self, tally: Tally, dialect):
        self.tally, self.dialect = tally, dialect
        selects = tally.rows(dialect.name, [literal_column(_IDS_MARK)])
        self.query = selects[0] if len(selects) == 1 else union_all(*selects)
        self.marks = len(selects)
        self.postgresql = dialect.name == "postgresql"
        self.processors = [
            column.type.dialect_impl(dialect).result_processor(dialect, None) for column in self.query.selected_columns
        ]

    # each rendered at its first use (a few tenths of a second each): an import or an API worker
    # counts new signals only, a flush that changes stored signals reads their keys
    @functools.cached_property
    def _select(self) -> str:
        return str(self.query.compile(dialect=self.dialect, compile_kwargs={"literal_binds": True}))

    @functools.cached_property
    def _insert(self) -> str:
        return _counted_in_sql(self.tally, self.query, self.dialect)

    @functools.cached_property
    def sql(self) -> str:
        """The SELECT of the signals' rows (``execute``)."""
        return self._with_ids(self._select)

    @functools.cached_property
    def sql_one(self) -> str:
        """``sql`` for a single signal (``id = …``; see ``statement``)."""
        return self._with_ids(self._select, one=True)

    @functools.cached_property
    def add_sql(self) -> str:
        """The INSERT counting the signals into the table (``add_signals``)."""
        return self._with_ids(self._insert)

    @functools.cached_property
    def add_sql_one(self) -> str:
        """``add_sql`` for a single signal (``id = …``; see ``statement``)."""
        return self._with_ids(self._insert, one=True)

    def _with_ids(self, sql: str, one: bool = False) -> str:
        marker = f"IN ({_IDS_MARK})"
        if sql.count(marker) != self.marks or _IDS_MARK in sql.replace(marker, ""):
            raise RuntimeError(f"summary table {self.tally.table.name}: the ids' place in its SQL is not clear")
        if one:
            return sql.replace(marker, "= %(tally_id)s" if self.postgresql else "= ?")
        return sql.replace(marker, "= ANY(%(tally_ids)s)" if self.postgresql else "IN (SELECT value FROM json_each(?))")

    def statement(self, ids: list[int], add: bool = False) -> tuple[str, dict | tuple]:
        """The SQL (``add``: the INSERT, else the SELECT) and its parameters for ``ids``.

        One signal (an API post, a form, a step on one signal) is asked by ``id = …``, not as an
        array of one: PostgreSQL plans a prepared statement with an array parameter anew at every
        execution (its generic plan guesses ten ids, so the one-id custom plan always looks cheaper),
        and planning these statements cost 1-3 ms each, most of the server's CPU per post; with
        one id the generic plan is as cheap, is kept after the fifth execution and no longer planned.
        """
        if len(ids) == 1:
            params = {"tally_id": ids[0]} if self.postgresql else (ids[0],) * self.marks
            return (self.add_sql_one if add else self.sql_one), params
        return (self.add_sql if add else self.sql), self.params(ids)

    def params(self, ids: list[int]):
        return {"tally_ids": list(ids)} if self.postgresql else (json.dumps(list(ids)),) * self.marks

    def execute(self, connection, ids: list[int]):
        rows = connection.exec_driver_sql(*self.statement(ids)).all()
        processors = self.processors
        return [tuple(p(v) if p is not None else v for p, v in zip(processors, row, strict=True)) for row in rows]


def _counted_in_sql(tally: Tally, query, dialect) -> str:
    """INSERT … SELECT of ``query``'s rows grouped by the table's key, added to the stored rows (ON CONFLICT):
    new signals counted in one statement per table, nothing read back. Rows go in key order
    (``_order``), as ``apply`` writes them, so two writers lock shared rows in the same order."""
    rows = query.subquery("tally_new")
    key = [rows.c[name] for name in tally.key]
    ordered = [
        column.collate("C") if dialect.name == "postgresql" and isinstance(tally.table.c[column.name].type, String) else column
        for column in key
    ]
    grouped = (
        select(*key, func.count(), *(func.coalesce(func.sum(rows.c[name]), 0) for name in tally.measures))
        .group_by(*key)
        .order_by(*ordered)
    )
    stmt = insert(tally.table).from_select([*tally.key, "count", *tally.measures], grouped)
    sql = str(stmt.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
    return sql + _on_conflict(tally)


_RENDERED: dict[tuple[str, str], _RenderedRows] = {}


def _rendered_rows(tally: Tally, dialect) -> _RenderedRows:
    key = (tally.table.name, dialect.name)
    rendered = _RENDERED.get(key)
    if rendered is None:
        rendered = _RENDERED[key] = _RenderedRows(tally, dialect)
    return rendered


def _all_keys(connection, ids) -> list[dict]:
    return [_keys(connection, ids, tally) for tally in TALLIES]


def _difference(now: dict, old: dict) -> dict:
    deltas = {key: list(sums) for key, sums in now.items()}
    for key, sums in old.items():
        current = deltas.setdefault(key, [0] * len(sums))
        for index, value in enumerate(sums):
            current[index] -= value
    return deltas


def apply(connection, deltas: dict, tally: Tally = TALLIES[0]) -> None:
    """Add ``deltas`` (key tuple -> change in [count, *measures]) to the table, in key order (no
    deadlocks between writers). A plain int is a change in count."""
    columns = ("count", *tally.measures)
    rows = []
    for key, sums in sorted(deltas.items(), key=_order):
        sums = [sums] if isinstance(sums, int) else sums
        if any(sums):
            rows.append(dict(zip(tally.key, key, strict=True)) | dict(zip(columns, sums, strict=True)))
    if not rows:
        return
    stmt = _upsert(tally)
    for start in range(0, len(rows), 500):
        connection.execute(stmt, rows[start : start + 500])


@functools.cache
def _upsert(tally: Tally):
    """INSERT … ON CONFLICT adding count and measures to the row of the same key (executemany), the
    same SQL on SQLite and PostgreSQL. Plain text: the dialects' ``on_conflict_do_update`` has no cache
    key, so it was compiled again at every flush and every post."""
    table = tally.table
    names = [*tally.key, "count", *tally.measures]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(':' + name for name in names)})" + _on_conflict(tally)
    return text(sql).bindparams(*(bindparam(name, type_=table.c[name].type) for name in names))


def _on_conflict(tally: Tally) -> str:
    columns = ("count", *tally.measures)
    return f" ON CONFLICT ({', '.join(tally.key)}) DO UPDATE SET " + ", ".join(
        f"{name} = {tally.table.name}.{name} + excluded.{name}" for name in columns
    )


def _order(item):
    """Rows in the order PostgreSQL sorts their keys (strings by code point, NULL last): the order
    ``_counted_in_sql`` inserts them in, so an ORM flush and an intake never wait for each other crosswise."""
    return tuple((part is None, part) for part in item[0])


#: signals counted per statement by ``add_signals``: an import batch (1,000) in one statement per table.
#: The cost of an upsert is mostly per key it touches, and a batch's keys repeat (month, ministry,
#: status, …): 1,000 signals at once cost 30-45% less than twice 500 (PostgreSQL, 20,000-signal database).
ADD_CHUNK = 2_000


def add_signals(session: Session, ids: Iterable[int]) -> None:
    """Count signals written without the ORM (intake, bulk import), in the caller's transaction: one
    INSERT … SELECT … ON CONFLICT per table and per ``ADD_CHUNK`` signals (``_counted_in_sql``)."""
    ids = sorted(set(ids))
    connection = session.connection()
    for tally in TALLIES:
        rendered = _rendered_rows(tally, connection.dialect)
        for start in range(0, len(ids), ADD_CHUNK):
            connection.exec_driver_sql(*rendered.statement(ids[start : start + ADD_CHUNK], add=True))


def rebuild(session: Session, tables: Iterable[str] | None = None) -> int:
    """Empty the summary tables (``tables``: only these, by name; a migration fills the tables it
    adds) and count every signal again (in the caller's transaction); the number of rows of
    ``signal_tally``."""
    connection = session.connection()
    dialect = _dialect(connection)
    names = None if tables is None else set(tables)
    for tally in TALLIES:
        if names is not None and tally.table.name not in names:
            continue
        connection.execute(delete(tally.table))
        rows = union_all(*tally.rows(dialect, None)).subquery()
        key = [rows.c[name] for name in tally.key]
        sums = [func.coalesce(func.sum(rows.c[name]), 0) for name in tally.measures]
        grouped = select(*key, func.count(), *sums).group_by(*key)
        connection.execute(insert(tally.table).from_select([*tally.key, "count", *tally.measures], grouped))
    if names is not None and _TABLE.name not in names:
        return 0
    return connection.execute(select(func.count()).select_from(_TABLE)).scalar_one()


# --- keeping step with the ORM -----------------------------------------------------------------

_LINKS = (SignalMinistry, SignalRegulation)


def _touched(session: Session) -> tuple[set[int], set[int]]:
    """(ids of stored signals whose tally rows may change, ids of signals new in this flush)."""
    stored, new = set(), set()
    for obj in session.dirty:
        if isinstance(obj, Signal):
            state = inspect(obj)
            if any(state.attrs[name].history.has_changes() for name in KEY_ATTRIBUTES):
                stored.add(obj.id)
        elif isinstance(obj, _LINKS) and session.is_modified(obj, include_collections=False):
            stored.add(obj.signal_id)
    for obj in session.deleted:
        if isinstance(obj, Signal):
            stored.add(obj.id)
        elif isinstance(obj, _LINKS):
            stored.add(obj.signal_id)
    for obj in session.new:
        if isinstance(obj, Signal):
            new.add(obj.id)  # None until the flush unless allocated up front
        elif isinstance(obj, _LINKS):
            signal_id = obj.signal_id if obj.signal_id is not None else getattr(obj.signal, "id", None)
            (stored if signal_id is not None and not _is_new(session, obj) else new).add(signal_id)
    stored.discard(None)
    return stored, new


def _is_new(session: Session, link) -> bool:
    return link.signal is not None and link.signal in session.new


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context, _instances) -> None:
    stored, new_ = _touched(session)
    new_objects = [obj for obj in session.new if isinstance(obj, Signal)]
    if not stored and not new_objects and not new_:
        return
    old = _all_keys(session.connection(), stored) if stored else [{} for _ in TALLIES]
    session.info["kp_tally_pending"] = (stored, new_objects, old, new_)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:
    pending = session.info.pop("kp_tally_pending", None)
    if pending is None:
        return
    stored, new_objects, old, new_ids = pending
    ids = set(stored) | {obj.id for obj in new_objects} | {i for i in new_ids if i is not None}
    connection = session.connection()
    for tally, now, before in zip(TALLIES, _all_keys(connection, ids), old, strict=True):
        apply(connection, _difference(now, before), tally)


# --- reading -----------------------------------------------------------------------------------

T = SignalTally


def total(column=None, table=SignalTally):
    """SUM(count) over rows of a summary table (optionally only where ``column`` holds): how many signals."""
    if column is None:
        return func.coalesce(func.sum(table.count), 0)
    return func.coalesce(func.sum(case((column, table.count), else_=0)), 0)


def status_counts_led_by(session: Session, ministry_code: str, statuses: Iterable[str]) -> dict[str, int]:
    """Signals led by ``ministry_code`` per status (of ``statuses``)."""
    rows = session.execute(
        select(T.status, total()).where(T.ministry_code == ministry_code, T.status.in_(list(statuses))).group_by(T.status)
    )
    return {status: int(n) for status, n in rows}


def running_very_late_per_ministry(
    session: Session, now, statuses: Iterable[str] | None = None, ministry: str | None = None
) -> dict[str, int]:
    """Signals whose clock runs and that are very late at ``now``, per lead ministry (only ``ministry``
    when given).

    Clocks that became very late before today's UTC day are summed from the table; those that
    become very late today are judged one by one (``very_late_condition``), found by their
    deadlines (the status and due_at index).
    """
    today = deadlines.utc_day_number(now)
    of_ministry = T.ministry_code == ministry if ministry else T.ministry_code != ""
    running = (T.lateness == deadlines.TALLY_RUNNING) & of_ministry
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
                *([SignalMinistry.ministry_code == ministry] if ministry else []),
                deadlines.judged_now_condition(),
                *([Signal.status.in_(list(statuses))] if statuses is not None else []),
                Signal.due_at.in_(due_today[start : start + 500]),
                # a clock with the same deadline that started earlier became very late on an earlier
                # day and is in the sum above already
                deadlines.tally_very_late_day_sql(session.get_bind().dialect.name) == today,
                deadlines.very_late_condition(now),
            )
            .group_by(SignalMinistry.ministry_code)
        ):
            counts[code] = counts.get(code, 0) + int(n)
    return counts


def status_counts_of_organisations(session: Session, organisations: Iterable[str]) -> dict[str, int]:
    """Signals logged by ``organisations`` per status (signal_tally_rollup; statuses with none left out)."""
    rollup = SignalTallyRollup
    rows = session.execute(
        select(rollup.status, func.sum(rollup.count))
        .where(
            rollup.scope_kind == "organisation",
            rollup.scope_code.in_(list(organisations)),
            rollup.facet == "channel",  # each signal once
        )
        .group_by(rollup.status)
    )
    return {status: int(n) for status, n in rows if n}
