"""Full-text search over signals (SQLite FTS5 or PostgreSQL Dutch text search).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    from signals.search import install_fulltext

    install_fulltext(op.get_bind())


def downgrade():
    from signals.search import drop_fulltext

    drop_fulltext(op.get_bind())
