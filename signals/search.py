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
#: PostgreSQL keeps the vector as a stored generated column with a GIN index on it. Computed per
#: row at query time (an expression index that a query with ``OR reference ILIKE`` cannot use) a
#: common word cost seconds at a million signals: the capped count of matches re-parsed every text.
POSTGRES_COLUMN = "search_vector"
POSTGRES_DDL = [
    f"ALTER TABLE signal ADD COLUMN IF NOT EXISTS {POSTGRES_COLUMN} tsvector GENERATED ALWAYS AS ({POSTGRES_VECTOR}) STORED",
    f"CREATE INDEX IF NOT EXISTS ix_signal_search_vector ON signal USING gin ({POSTGRES_COLUMN})",
    "DROP INDEX IF EXISTS ix_signal_fulltext",  # the expression index of migration 0005
]

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
        connection.execute(text("DROP INDEX IF EXISTS ix_signal_search_vector"))
        connection.execute(text(f"ALTER TABLE IF EXISTS signal DROP COLUMN IF EXISTS {POSTGRES_COLUMN}"))


#: every character a reference can hold (``signals.intake.reference_for``: SIG-2026-000042) and
#: LIKE's wildcards and escape: a query with any other character is in no reference
REFERENCE_CHARACTERS = frozenset("sig-0123456789%_\\")


def may_be_in_reference(query: str) -> bool:
    """Whether ``query`` can be part of a signal's reference (else the reference test is left out)."""
    return set(query.strip().lower()) <= REFERENCE_CHARACTERS


def fulltext_condition(session: Session, query: str, matches: str | None = None) -> ColumnElement[bool]:
    """Signals whose text matches every word of ``query`` (prefixes too), or whose reference contains it.

    A word that no reference can hold is asked of the full-text index alone: ``OR reference LIKE``
    kept SQLite from starting at the index's matches, so it walked every signal in list order to
    find the few (14 s for a word in no signal at a million). ``matches``: what the caller counted,
    for the plan of a page in list order. None (counting): as it is. "few": start at the matches
    and sort them (PostgreSQL guesses prefix matches to be many and walked the list order past a
    million signals to find none, 6 s; ``OFFSET 0`` makes it find the matches apart). "many" (more
    than a list counts): walk the list order and test each signal, the first page is near (SQLite:
    ``id + 0`` keeps it from starting at 330,000 matches and sorting them).
    """
    words = _WORD.findall(query or "")
    reference_match = Signal.reference.ilike(f"%{query.strip()}%")
    if not words:
        return reference_match

    def with_reference(condition):
        return or_(condition, reference_match) if may_be_in_reference(query) else condition

    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = " ".join(f'"{w}"*' for w in words)
        ids = select(text("rowid")).select_from(text("signal_fts")).where(text("signal_fts MATCH :match")).params(match=match)
        return with_reference((Signal.id + 0 if matches == "many" else Signal.id).in_(ids))
    if dialect == "postgresql":
        tsquery = " & ".join(f"{w}:*" for w in words)
        if matches != "few":
            return with_reference(
                text(f"signal.{POSTGRES_COLUMN} @@ to_tsquery('dutch', :tsquery)").bindparams(tsquery=tsquery)
            )
        found = Signal.__table__.alias("search_match")
        condition = text(f"search_match.{POSTGRES_COLUMN} @@ to_tsquery('dutch', :tsquery)").bindparams(tsquery=tsquery)
        return with_reference(Signal.id.in_(select(found.c.id).where(condition).offset(0)))
    pattern = f"%{query.strip().lower()}%"
    return or_(Signal.title.ilike(pattern), Signal.description.ilike(pattern), reference_match)
