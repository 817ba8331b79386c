"""signal: the list order's index holds the id that breaks its ties

Every list is ordered by (created_at, id). The index on created_at alone left PostgreSQL to read
each row's heap page to order equal moments and to skip rows: the API's page 2,000 of 100 read
200,000 rows (950 ms at a million signals). With (created_at, id) the page is counted off the
index alone (an index-only scan). On SQLite the index already ended in the rowid (the id), so it
plans as before; its statistics are gathered at once so the planner does not meet an index
without them.

Revision ID: 0032_signal_created_id_index
Revises: 0031_signal_late_moments
Create Date: 2026-12-02 08:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0032_signal_created_id_index'
down_revision = '0031_signal_late_moments'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_signal_created_id', 'signal', ['created_at', 'id'])
    op.drop_index('ix_signal_created_at', table_name='signal')
    if op.get_bind().dialect.name == 'sqlite':
        op.execute(sa.text('ANALYZE ix_signal_created_id'))


def downgrade():
    op.create_index('ix_signal_created_at', 'signal', ['created_at'])
    op.drop_index('ix_signal_created_id', table_name='signal')
