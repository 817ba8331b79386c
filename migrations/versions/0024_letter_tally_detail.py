"""letter: the summary tables signal_tally_detail (per month, ministry scope, lead ministry,
channel, status, outcome, deadline state and answer-time bucket, with people affected and
time to answer) and signal_tally_topic (per month, ministry scope, theme or regulation), filled
from the signals, so the letter and the dashboards read aggregates instead of a million rows

Revision ID: 0024_letter_tally_detail
Revises: 0023_search_vector
Create Date: 2026-12-01 10:45:00

"""
import sqlalchemy as sa
from alembic import op

from signals.models import UTCDateTime

revision = '0024_letter_tally_detail'
down_revision = '0023_search_vector'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'signal_tally_detail',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('scope_code', sa.String(length=20), nullable=False),
        sa.Column('month', sa.String(length=7), nullable=False),
        sa.Column('lead_code', sa.String(length=20), nullable=False),
        sa.Column('channel_code', sa.String(length=16), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('outcome', sa.String(length=20), nullable=False),
        sa.Column('lateness', sa.Integer(), nullable=False),
        sa.Column('due_at', UTCDateTime(), nullable=False),
        sa.Column('answer_bucket', sa.Integer(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.Column('people', sa.BigInteger(), nullable=False),
        sa.Column('answer_ms', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_signal_tally_detail')),
        sa.UniqueConstraint(
            'scope_code', 'month', 'lead_code', 'channel_code', 'status', 'outcome', 'lateness', 'due_at',
            'answer_bucket', name='uq_signal_tally_detail_key',
        ),
    )
    op.create_table(
        'signal_tally_topic',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('scope_code', sa.String(length=20), nullable=False),
        sa.Column('month', sa.String(length=7), nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('code', sa.String(length=40), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_signal_tally_topic')),
        sa.UniqueConstraint('scope_code', 'month', 'kind', 'code', name='uq_signal_tally_topic_key'),
    )
    # fill them from the signals already stored
    from sqlalchemy.orm import Session

    from signals import tallies

    tallies.rebuild(Session(bind=op.get_bind()), tables=['signal_tally_detail', 'signal_tally_topic'])


def downgrade():
    op.drop_table('signal_tally_topic')
    op.drop_table('signal_tally_detail')
