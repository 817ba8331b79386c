"""PostgreSQL full-text search reads a stored tsvector column (GIN-indexed) instead of computing
the Dutch vector per row; SQLite's FTS5 table is unchanged.

Revision ID: 0023_search_vector
Revises: 0021_scale_tallies
"""

from alembic import op

revision = '0023_search_vector'
down_revision = '0021_scale_tallies'
branch_labels = None
depends_on = None


def upgrade():
    from signals.search import install_fulltext

    if op.get_bind().dialect.name == "postgresql":
        install_fulltext(op.get_bind())


def downgrade():
    from sqlalchemy import text

    from signals.search import POSTGRES_COLUMN, POSTGRES_VECTOR

    if op.get_bind().dialect.name == "postgresql":
        op.execute(text("DROP INDEX IF EXISTS ix_signal_search_vector"))
        op.execute(text(f"ALTER TABLE signal DROP COLUMN IF EXISTS {POSTGRES_COLUMN}"))
        op.execute(text(f"CREATE INDEX IF NOT EXISTS ix_signal_fulltext ON signal USING gin ({POSTGRES_VECTOR})"))
