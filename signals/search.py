"""Full-text search over signals: SQLite FTS5 or PostgreSQL's Dutch text search.

``install_fulltext`` creates the index (idempotent; the migration and the test
set-up call it); ``fulltext_condition`` is the WHERE clause the list query uses;
``searched_for_counting`` and ``walk_matches`` are how SQLite counts a common word
and finds its page without collecting all its matches first.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Connection, Select, column, or_, select, table, text
from sqlalchemy.orm import Session

from signals.models import Signal

#: how SQLite's index splits and folds words; the probe table of ``walk_matches`` reads texts the same way
SQLITE_TOKENIZE = "tokenize='unicode61 remove_diacritics 2'"
SQLITE_DDL = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS signal_fts USING fts5(
        title, description, reference, content='signal', content_rowid='id',
        {SQLITE_TOKENIZE})""",
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
    find the few (14 s for a word in no signal at a million). ``matches``: None (counting, and the
    page of a list that counted at most ``COUNT_CAP``: ``signals.access.list_signals_for`` finds
    those as the count did and sorts them), or "many" (more than a list counts): walk the list
    order and test each signal, the first page is near (SQLite: ``id + 0`` keeps it from starting
    at 330,000 matches and sorting them).
    """
    words = _WORD.findall(query or "")
    reference_match = Signal.reference.ilike(f"%{query.strip()}%")
    if not words:
        return reference_match

    def with_reference(condition):
        return or_(condition, reference_match) if may_be_in_reference(query) else condition

    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        ids = select(text("rowid")).select_from(text("signal_fts")).where(_sqlite_match("signal_fts", words))
        return with_reference((Signal.id + 0 if matches == "many" else Signal.id).in_(ids))
    if dialect == "postgresql":
        tsquery = " & ".join(f"{w}:*" for w in words)
        return with_reference(text(f"signal.{POSTGRES_COLUMN} @@ to_tsquery('dutch', :tsquery)").bindparams(tsquery=tsquery))
    pattern = f"%{query.strip().lower()}%"
    return or_(Signal.title.ilike(pattern), Signal.description.ilike(pattern), reference_match)


def _sqlite_match(fts_table: str, words: list[str]):
    """``fts_table MATCH`` every word as a prefix (SQLite)."""
    return text(f"{fts_table} MATCH :match").bindparams(match=" ".join(f'"{w}"*' for w in words))


def _common_word_shape(session: Session, query: str) -> list[str] | None:
    """The query's words when the count and the page may take SQLite's shapes for a common word
    (``searched_for_counting``, ``walk_matches``): on SQLite, with words, none of which a reference
    could hold. None: the count and the page both use ``fulltext_condition``."""
    words = _WORD.findall(query or "")
    if session.get_bind().dialect.name != "sqlite" or not words or may_be_in_reference(query):
        return None
    return words


def searched_for_counting(session: Session, stmt: Select, query: str) -> Select:
    """``stmt`` narrowed to the signals that match ``query``, in the shape that is cheapest to count.

    On SQLite, for a query no reference can hold, a join that starts at the index's matches and
    stops where the count stops: ``id IN (SELECT rowid …)`` first collected every match in a list
    (330,000 for 'bijstand' at a million signals, 140-250 ms; the join 40-100 ms). The unary ``+``
    keeps SQLite from asking the index once per signal instead (it would decode the word's whole
    list of matches every time). Elsewhere: ``stmt`` with ``fulltext_condition``.
    """
    words = _common_word_shape(session, query)
    if words is None:
        return stmt.where(fulltext_condition(session, query))
    fts = table("signal_fts", column("rowid"))
    return stmt.join(fts, Signal.id == text("+signal_fts.rowid")).where(_sqlite_match("signal_fts", words))


#: rows of the list ``walk_matches`` reads at most before it leaves the page to the index
WALK_LIMIT = 5_000
#: rows it reads first; each next read is twice as many
WALK_FIRST = 100


def walk_matches(session: Session, stmt: Select, query: str, ordering, skip: int, limit: int) -> list[int] | None:
    """The ids of the ``limit`` signals after the first ``skip`` that match ``query``, in ``stmt``'s
    list ``ordering``, found by reading the list from the top: SQLite, for a word in many signals.

    Each stretch of the list read (titles, descriptions, references) goes into a temporary
    full-text table with the index's own tokenizer and is searched there, so what matches is
    exactly what the index would match. Asking the index itself meant collecting all of a common
    word's matches in a list first (130-240 ms for 'bijstand' at a million signals; reading the
    first 200 signals of the list and matching them, 25-35 ms). None when the page is not found
    within ``WALK_LIMIT`` rows, or on another database, or for a query a reference can hold: the
    caller then asks the index (``fulltext_condition``).
    """
    words = _common_word_shape(session, query)
    if words is None:
        return None
    connection = session.connection()
    connection.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.signal_fts_probe USING fts5("
        f"title, description, reference, content='', {SQLITE_TOKENIZE})"  # contentless: rowids are all it gives back
    )
    emptied = "INSERT INTO temp.signal_fts_probe (signal_fts_probe) VALUES ('delete-all')"
    rows = stmt.with_only_columns(Signal.id, Signal.title, Signal.description, Signal.reference).order_by(*ordering)
    probe = text("INSERT INTO temp.signal_fts_probe (rowid, title, description, reference) VALUES (:id, :title, :description, :reference)")
    matching = select(text("rowid")).select_from(text("temp.signal_fts_probe")).where(_sqlite_match("signal_fts_probe", words))
    found: list[int] = []
    read, size = 0, WALK_FIRST
    try:
        while len(found) < skip + limit and read < WALK_LIMIT:
            stretch = connection.execute(rows.offset(read).limit(min(size, WALK_LIMIT - read))).all()
            if not stretch:
                return found[skip : skip + limit]  # the end of the list
            connection.exec_driver_sql(emptied)
            connection.execute(probe, [row._asdict() for row in stretch])
            hits = set(connection.execute(matching).scalars())
            found.extend(row.id for row in stretch if row.id in hits)
            read, size = read + len(stretch), size * 2
    finally:
        connection.exec_driver_sql(emptied)
    return found[skip : skip + limit] if len(found) >= skip + limit else None
