"""signal: indexes for the lists' filters and sort orders at scale

``bench.filters`` (every list with its filters at a million signals) found three shapes that read
every matching row and sorted them at each page: a period of answering (``answered=2025``, newest
first: 280,000 rows, 1.1 s on SQLite), the queue sorted by title and the queue by deadline with
none last (150,000 open signals, 2 s). An index on (answered_at, created_at) replaces the one on
answered_at, whose first column it shares; lower(title) and ((due_at IS NULL), due_at) give the
two orders, so a page reads its rows in order and stops.

Revision ID: 0030_signal_list_order_indexes
Revises: 0029_features_bucket_embedding
Create Date: 2026-12-02 05:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0030_signal_list_order_indexes'
down_revision = '0029_features_bucket_embedding'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_signal_answered_created', 'signal', ['answered_at', 'created_at'])
    op.drop_index('ix_signal_answered_at', table_name='signal')
    op.create_index('ix_signal_title_lower', 'signal', [sa.text('lower(title)')])
    op.create_index('ix_signal_due_order', 'signal', [sa.text('(due_at IS NULL)'), 'due_at'])


def downgrade():
    op.drop_index('ix_signal_due_order', table_name='signal')
    op.drop_index('ix_signal_title_lower', table_name='signal')
    op.create_index('ix_signal_answered_at', 'signal', ['answered_at'])
    op.drop_index('ix_signal_answered_created', table_name='signal')
