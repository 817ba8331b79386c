"""signal: indexes for lookups that read every row of a scope at a million signals

- ``merged_into_id`` (partial, 1% of signals): a signal's detail page lists the signals merged
  into it; without an index SQLite read every signal (1.3 s of the page);
- ``(organisation_code, status, feedback_at, answered_at)`` and ``(organisation_code, status,
  needs_info_since)``: the frontline's start page lists the oldest answers to rate and questions
  to answer and counts them; SQLite read the organisation's 75,000 signals and sorted them
  (0.4 s each);
- ``(status, id)`` instead of ``(status)``: the API's count of a status within a ministry read
  the signals by primary key and filtered the status on PostgreSQL (370 ms at a million, 107 ms
  merged in id order with signal_ministry); on SQLite a one-column index holds the id already.

Revision ID: 0028_signal_worklist_indexes
Revises: 0027_dashboard_tally_rollup
Create Date: 2026-12-01 14:15:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0028_signal_worklist_indexes'
down_revision = '0027_dashboard_tally_rollup'
branch_labels = None
depends_on = None

MERGED = sa.text('merged_into_id IS NOT NULL')


def upgrade():
    op.create_index(
        'ix_signal_merged_into_id', 'signal', ['merged_into_id'], sqlite_where=MERGED, postgresql_where=MERGED
    )
    op.create_index(
        'ix_signal_organisation_rating', 'signal', ['organisation_code', 'status', 'feedback_at', 'answered_at']
    )
    op.create_index('ix_signal_organisation_waiting', 'signal', ['organisation_code', 'status', 'needs_info_since'])
    op.create_index('ix_signal_status_id', 'signal', ['status', 'id'])
    op.drop_index('ix_signal_status', table_name='signal')


def downgrade():
    op.create_index('ix_signal_status', 'signal', ['status'])
    op.drop_index('ix_signal_status_id', table_name='signal')
    op.drop_index('ix_signal_organisation_waiting', table_name='signal')
    op.drop_index('ix_signal_organisation_rating', table_name='signal')
    op.drop_index('ix_signal_merged_into_id', table_name='signal')
