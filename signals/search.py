"""Full-text search over signals: SQLite FTS5 or PostgreSQL's Dutch text search.

``install_fulltext`` creates the index (idempotent; the migration and the test
set-up call it); ``fulltext_condition`` is the WHERE clause the list query uses.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Connection, or_, select, text
from sqlalchemy.orm import Session

from signals.models import Signal

SQLITE_DDL = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS signal_fts USING fts5(
        title, description, reference, content='signal', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS signal_fts_insert AFTER INSERT ON signal BEGIN
        INSERT INTO signal_fts(rowid, title, description, reference)
        VALUES (new.id, new.title, new.description, new.reference); END""",
    """CREATE TRIGGER IF NOT EXISTS signal_fts_delete AFTER DELETE ON signal BEGIN
        INSERT INTO signal_fts(signal_fts, rowid, title, description, reference)
        VALUES ('delete', old.id, old.title, old.description, old.reference); END""",
    """CREATE TRIGGER IF NOT EXISTS signal_fts_update AFTER UPDATE OF title, description, reference ON signal BEGIN
        INSERT INTO signal_fts(signal_fts, rowid, title, description, reference)
        VALUES ('delete', old.id, old.title, old.description, old.reference);
        INSERT INTO signal_fts(rowid, title, description, reference)
        VALUES (new.id, new.title, new.description, new.reference); END""",
    "INSERT INTO signal_fts(signal_fts) VALUES ('rebuild')",
]

POSTGRES_VECTOR = "to_tsvector('dutch', coalesce(signal.title, '') || ' ' || coalesce(signal.description, ''))"
POSTGRES_DDL = [f"CREATE INDEX IF NOT EXISTS ix_signal_fulltext ON signal USING gin ({POSTGRES_VECTOR})"]

_WORD = re.compile(r"\w+", re.UNICODE)


def install_fulltext(connection: Connection) -> None:
    """Create the full-text index for this database, if it is not there yet."""
    statements = {"sqlite": SQLITE_DDL, "postgresql": POSTGRES_DDL}.get(connection.dialect.name, [])
    for statement in statements:
        connection.execute(text(statement))


def drop_fulltext(connection: Connection) -> None:
    """Remove the full-text index (migration downgrade)."""
    if connection.dialect.name == "sqlite":
        for name in ("signal_fts_insert", "signal_fts_delete", "signal_fts_update"):
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        connection.execute(text("DROP TABLE IF EXISTS signal_fts"))
    elif connection.dialect.name == "postgresql":
        connection.execute(text("DROP INDEX IF EXISTS ix_signal_fulltext"))


def fulltext_condition(session: Session, query: str) -> ColumnElement[bool]:
    """Signals whose text matches every word of ``query`` (prefixes too), or whose reference contains it."""
    words = _WORD.findall(query or "")
    reference_match = Signal.reference.ilike(f"%{query.strip()}%")
    if not words:
        return reference_match
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = " ".join(f'"{w}"*' for w in words)
        ids = select(text("rowid")).select_from(text("signal_fts")).where(text("signal_fts MATCH :match")).params(match=match)
        return or_(Signal.id.in_(ids), reference_match)
    if dialect == "postgresql":
        tsquery = " & ".join(f"{w}:*" for w in words)
        condition = text(f"{POSTGRES_VECTOR} @@ to_tsquery('dutch', :tsquery)").bindparams(tsquery=tsquery)
        return or_(condition, reference_match)
    pattern = f"%{query.strip().lower()}%"
    return or_(Signal.title.ilike(pattern), Signal.description.ilike(pattern), reference_match)
