"""Reference data held once per process, and still seen to change at once by every process.

Intake reads the same few rows for every signal: the channel, the regulations named, the ministries
with their successors and deadlines, the mail templates, the text router and the classifier. They
change rarely (an administrator edits them), so each process keeps a ``Snapshot`` of them.

Freshness across processes: a transaction that inserts, updates or deletes a row of a watched table
(through the ORM: a flush, a bulk ``update()``/``delete()``, or a textual statement naming the table)
bumps the row ``reference`` of ``cache_version`` in the same transaction. Every process reads that
version once per transaction (one primary-key SELECT) and rebuilds its snapshot when it differs, so
a change committed by one app server is used by the next request on any other. A session that has
changed watched rows and not yet committed reads them fresh (its own uncommitted view) and leaves the
process's snapshot alone. Changes made outside SQLAlchemy (a database console) are picked up after
``bump(connection)`` or a restart.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from sqlalchemy import event, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, scoped_session
from sqlalchemy.orm.attributes import instance_state
from sqlalchemy.sql.elements import TextClause

from signals.models import (
    CacheVersion,
    Channel,
    MailTemplate,
    Ministry,
    Organisation,
    Regulation,
    RegulationTerm,
    RoutingModel,
)

NAME = "reference"
WATCHED_TABLES = frozenset(
    {"ministry", "organisation", "channel", "regulation", "regulation_term", "mail_template", "routing_model"}
)
_WATCHED_CLASSES = (Ministry, Organisation, Channel, Regulation, RegulationTerm, MailTemplate, RoutingModel)
_TEXT_DML = re.compile(
    r"\b(?:insert\s+into|update|delete\s+from)\s+\"?(" + "|".join(sorted(WATCHED_TABLES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
#: session.info keys
_DIRTY = "refcache_dirty"
_CHECKED = "refcache_version"


@dataclass(frozen=True)
class MinistryInfo:
    code: str
    name: str
    successor_code: str | None
    valid_until: object
    accept_within_working_days: int
    answer_within_weeks: int


@dataclass(frozen=True)
class RegulationInfo:
    """What intake and routing read of a regulation (duck-types ``Regulation`` for them)."""

    id: int
    code: str
    bwb_id: str | None
    title: str
    abbreviation: str
    ministry_code: str
    co_ministry_codes: str

    @property
    def co_ministries(self) -> list[str]:
        return self.co_ministry_codes.split()


@dataclass(frozen=True)
class ChannelInfo:
    code: str
    is_active: bool
    organisation_code: str | None


@dataclass
class Snapshot:
    """The reference data of one version; ``derived`` holds what is built from it (router, classifier)."""

    version: int | None
    ministries: dict[str, MinistryInfo]
    current_codes: dict[str, str]
    channels: dict[str, ChannelInfo]
    regulations_by_key: dict[str, RegulationInfo]
    regulations_by_id: dict[int, RegulationInfo]
    templates: dict[str, tuple[str, str]]
    derived: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def regulation(self, key: str | None) -> RegulationInfo | None:
        """A regulation by code or BWB id (case-insensitive)."""
        return self.regulations_by_key.get((key or "").strip().upper()) if isinstance(key, str) else None

    def channel(self, code: str | None) -> ChannelInfo | None:
        return self.channels.get((code or "").strip().upper())

    def get_derived(self, name: str, build):
        """``build()`` once per snapshot (and per process)."""
        with self.lock:
            if name not in self.derived:
                self.derived[name] = build()
            return self.derived[name]


_lock = threading.Lock()
_cached: dict[str, Snapshot | None] = {"snapshot": None}


def snapshot(session: Session) -> Snapshot:
    """The reference data as this transaction sees it; from the process cache when its version is current."""
    if isinstance(session, scoped_session):
        session = session()  # asked per row of an import: one look-up of the request's session, not six
    if _has_watched_changes(session):
        return _build(session, None)  # this session's own uncommitted changes: never cached
    version = session.info.get(_CHECKED)
    if version is None:
        version = current_version(session)
        session.info[_CHECKED] = version
    cached = _cached["snapshot"]
    if cached is not None and cached.version == version:
        return cached
    built = _build(session, version)
    with _lock:
        _cached["snapshot"] = built
    return built


#: built once: every request asks it
_VERSION_QUERY = select(CacheVersion.version).where(CacheVersion.name == NAME)


def current_version(session_or_connection) -> int:
    value = session_or_connection.execute(_VERSION_QUERY).scalar()
    return int(value or 0)


def forget() -> None:
    """Drop this process's snapshot (the next transaction rebuilds it)."""
    with _lock:
        _cached["snapshot"] = None


def bump(connection) -> None:
    """Tell every process that reference data changed (in the caller's transaction)."""
    table = CacheVersion.__table__
    insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    stmt = insert(table).values(name=NAME, version=1)
    connection.execute(stmt.on_conflict_do_update(index_elements=[table.c.name], set_={"version": table.c.version + 1}))


def _build(session: Session, version: int | None) -> Snapshot:
    ministries = {
        row.code: MinistryInfo(
            row.code, row.name, row.successor_code, row.valid_until, row.accept_within_working_days, row.answer_within_weeks
        )
        for row in session.execute(
            select(
                Ministry.code,
                Ministry.name,
                Ministry.successor_code,
                Ministry.valid_until,
                Ministry.accept_within_working_days,
                Ministry.answer_within_weeks,
            )
        )
    }
    current = {}
    for code in ministries:
        seen, walk = set(), code
        while ministries.get(walk) and ministries[walk].successor_code and walk not in seen:
            seen.add(walk)
            walk = ministries[walk].successor_code
        current[code] = walk
    channels = {
        row.code: ChannelInfo(row.code, bool(row.is_active), row.organisation_code)
        for row in session.execute(select(Channel.code, Channel.is_active, Channel.organisation_code))
    }
    by_key: dict[str, RegulationInfo] = {}
    by_id: dict[int, RegulationInfo] = {}
    rows = session.execute(
        select(
            Regulation.id,
            Regulation.code,
            Regulation.bwb_id,
            Regulation.title,
            Regulation.abbreviation,
            Regulation.ministry_code,
            Regulation.co_ministry_codes,
        ).order_by(Regulation.id)
    )
    for row in rows:
        info = RegulationInfo(
            row.id, row.code, row.bwb_id, row.title, row.abbreviation or "", row.ministry_code, row.co_ministry_codes or ""
        )
        by_id[info.id] = info
        if info.bwb_id:
            by_key.setdefault(info.bwb_id.upper(), info)
        by_key[info.code.upper()] = info  # a code wins over another regulation's BWB id
    templates = {row.key: (row.subject, row.body) for row in session.execute(select(MailTemplate.key, MailTemplate.subject, MailTemplate.body))}
    return Snapshot(version, ministries, current, channels, by_key, by_id, templates)


# -------------------------------------------------------------------------------------------------
# noticing changes: mark the session, bump the version before it commits, forget after


def _has_watched_changes(session: Session) -> bool:
    if session.info.get(_DIRTY):
        return True
    for instance in (*session.new, *session.deleted):
        if isinstance(instance, _WATCHED_CLASSES):
            return True
    # only the modified states (session.dirty would walk the whole identity map on every call)
    modified = getattr(session.identity_map, "_modified", None)
    states = modified if modified is not None else [instance_state(obj) for obj in session.dirty]
    return any(isinstance(state.obj(), _WATCHED_CLASSES) and session.is_modified(state.obj()) for state in list(states))


def _mark(session: Session | None) -> None:
    if session is not None:
        session.info[_DIRTY] = True


def _on_row_change(_mapper, _connection, target) -> None:
    from sqlalchemy.orm import object_session

    _mark(object_session(target))


for _cls in _WATCHED_CLASSES:
    for _name in ("after_insert", "after_update", "after_delete"):
        event.listen(_cls, _name, _on_row_change)


@event.listens_for(Session, "do_orm_execute")
def _on_statement(state) -> None:
    statement = state.statement
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(statement, "table", None)
        if getattr(table, "name", None) in WATCHED_TABLES:
            _mark(state.session)
    elif isinstance(statement, TextClause) and _TEXT_DML.search(statement.text):
        _mark(state.session)


@event.listens_for(Session, "before_commit")
def _bump_before_commit(session: Session) -> None:
    # before_commit comes before the commit's own flush: look at what that flush will write too
    if _has_watched_changes(session):
        session.info[_DIRTY] = True
        bump(session.connection())


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.info.pop(_DIRTY, None):
        forget()
    session.info.pop(_CHECKED, None)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous_transaction) -> None:
    if previous_transaction.parent is None:  # a savepoint rolled back: the outer transaction may still change rows
        session.info.pop(_DIRTY, None)
        session.info.pop(_CHECKED, None)


@event.listens_for(Session, "after_begin")
def _new_transaction(session: Session, _transaction, _connection) -> None:
    session.info.pop(_CHECKED, None)  # read the version again in every transaction
