"""scale: the summary table signal_tally (counts per month received, lead ministry, status,
deadline state and month answered) filled from the signals, and indexes for the
open-work counts (reopen requests, running deadlines, answered in a period)

Revision ID: 0021_scale_tallies
Revises: 0022_proposals_incremental
Create Date: 2026-12-01 07:20:00

"""
from alembic import op
import sqlalchemy as sa

from signals.models import UTCDateTime


revision = '0021_scale_tallies'
down_revision = '0022_proposals_incremental'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'signal_tally',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('month', sa.String(length=7), nullable=False),
        sa.Column('ministry_code', sa.String(length=20), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('lateness', sa.Integer(), nullable=False),
        sa.Column('due_at', UTCDateTime(), nullable=False),
        sa.Column('very_late_day', sa.Integer(), nullable=False),
        sa.Column('answered_month', sa.String(length=7), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_signal_tally')),
        sa.UniqueConstraint(
            'month', 'ministry_code', 'status', 'lateness', 'due_at', 'very_late_day', 'answered_month',
            name='uq_signal_tally_key',
        ),
    )
    op.create_index('ix_signal_tally_ministry', 'signal_tally', ['ministry_code', 'status'])
    op.create_index(
        'ix_signal_reopen_requested', 'signal', ['reopen_requested_at'],
        sqlite_where=sa.text('reopen_requested_at IS NOT NULL'),
        postgresql_where=sa.text('reopen_requested_at IS NOT NULL'),
    )
    op.create_index('ix_signal_status_due', 'signal', ['status', 'due_at'])
    op.create_index('ix_signal_answered_at', 'signal', ['answered_at'])
    op.create_index('ix_signal_submitter_created', 'signal', ['submitter_id', 'created_at'])
    # most signals have nobody assigned: a full index made SQLite's planner think it useless
    op.drop_index('ix_signal_assignee_id', table_name='signal')
    op.create_index(
        'ix_signal_assignee_id', 'signal', ['assignee_id'],
        sqlite_where=sa.text('assignee_id IS NOT NULL'), postgresql_where=sa.text('assignee_id IS NOT NULL'),
    )
    # fill it from the signals already stored
    from sqlalchemy.orm import Session

    from signals import tallies

    tallies.rebuild(Session(bind=op.get_bind()), tables=['signal_tally'])


def downgrade():
    op.drop_index('ix_signal_assignee_id', table_name='signal')
    op.create_index('ix_signal_assignee_id', 'signal', ['assignee_id'])
    op.drop_index('ix_signal_submitter_created', table_name='signal')
    op.drop_index('ix_signal_answered_at', table_name='signal')
    op.drop_index('ix_signal_status_due', table_name='signal')
    op.drop_index('ix_signal_reopen_requested', table_name='signal')
    op.drop_index('ix_signal_tally_ministry', table_name='signal_tally')
    op.drop_table('signal_tally')
