"""dashboards: the summary table signal_tally_rollup (per scope - every signal, a ministry routed to,
the organisation that logged it - month and facet, without the deadline date), so a dashboard reads a
few hundred rows instead of a year's tens of thousands of signal_tally_detail rows, and the frontline
dashboard is read from a table; filled from the signals already stored

Revision ID: 0027_dashboard_tally_rollup
Revises: 0026_letter_audit_index
Create Date: 2026-12-01 13:45:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0027_dashboard_tally_rollup'
down_revision = '0026_letter_audit_index'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'signal_tally_rollup',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('scope_kind', sa.String(length=12), nullable=False),
        sa.Column('scope_code', sa.String(length=20), nullable=False),
        sa.Column('month', sa.String(length=7), nullable=False),
        sa.Column('facet', sa.String(length=12), nullable=False),
        sa.Column('label', sa.String(length=40), nullable=False),
        sa.Column('lead_code', sa.String(length=20), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('outcome', sa.String(length=20), nullable=False),
        sa.Column('lateness', sa.Integer(), nullable=False),
        sa.Column('due_block', sa.Integer(), nullable=False),
        sa.Column('very_late_block', sa.Integer(), nullable=False),
        sa.Column('answer_bucket', sa.Integer(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.Column('people', sa.BigInteger(), nullable=False),
        sa.Column('answer_ms', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_signal_tally_rollup')),
        sa.UniqueConstraint(
            'scope_kind', 'scope_code', 'facet', 'month', 'label', 'lead_code', 'status', 'outcome', 'lateness',
            'due_block', 'very_late_block', 'answer_bucket', name='uq_signal_tally_rollup_key',
        ),
    )
    # fill it from the signals already stored
    from sqlalchemy.orm import Session

    from signals import tallies

    tallies.rebuild(Session(bind=op.get_bind()), tables=['signal_tally_rollup'])


def downgrade():
    op.drop_table('signal_tally_rollup')
