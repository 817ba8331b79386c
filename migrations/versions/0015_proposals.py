"""proposals: signal features and proposed knelpunten

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-01 00:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('signal_features',
    sa.Column('signal_id', sa.Integer(), nullable=False),
    sa.Column('bag', sa.JSON(), nullable=False),
    sa.Column('computed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['signal_id'], ['signal.id'], name=op.f('fk_signal_features_signal_id_signal'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('signal_id', name=op.f('pk_signal_features'))
    )
    op.create_index(op.f('ix_signal_features_computed_at'), 'signal_features', ['computed_at'], unique=False)
    op.create_table('proposal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('lead_ministry_code', sa.String(length=16), nullable=True),
    sa.Column('co_ministry_codes', sa.String(length=200), nullable=False),
    sa.Column('knelpunt_id', sa.Integer(), nullable=True),
    sa.Column('signal_ids', sa.JSON(), nullable=False),
    sa.Column('regulations', sa.JSON(), nullable=False),
    sa.Column('channels', sa.JSON(), nullable=False),
    sa.Column('organisations', sa.JSON(), nullable=False),
    sa.Column('people_affected', sa.Integer(), nullable=False),
    sa.Column('recent_count', sa.Integer(), nullable=False),
    sa.Column('earlier_count', sa.Integer(), nullable=False),
    sa.Column('cohesion', sa.Float(), nullable=False),
    sa.Column('strength', sa.Float(), nullable=False),
    sa.Column('top_terms', sa.JSON(), nullable=False),
    sa.Column('dismissed_reason', sa.Text(), nullable=False),
    sa.Column('dismissed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('dismissed_by_id', sa.Integer(), nullable=True),
    sa.Column('dismissed_count', sa.Integer(), nullable=False),
    sa.Column('adopted_knelpunt_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('grown_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['adopted_knelpunt_id'], ['knelpunt.id'], name=op.f('fk_proposal_adopted_knelpunt_id_knelpunt')),
    sa.ForeignKeyConstraint(['dismissed_by_id'], ['user_account.id'], name=op.f('fk_proposal_dismissed_by_id_user_account')),
    sa.ForeignKeyConstraint(['knelpunt_id'], ['knelpunt.id'], name=op.f('fk_proposal_knelpunt_id_knelpunt')),
    sa.ForeignKeyConstraint(['lead_ministry_code'], ['ministry.code'], name=op.f('fk_proposal_lead_ministry_code_ministry')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal'))
    )
    op.create_index(op.f('ix_proposal_created_at'), 'proposal', ['created_at'], unique=False)
    op.create_index(op.f('ix_proposal_knelpunt_id'), 'proposal', ['knelpunt_id'], unique=False)
    op.create_index(op.f('ix_proposal_lead_ministry_code'), 'proposal', ['lead_ministry_code'], unique=False)
    op.create_index(op.f('ix_proposal_status'), 'proposal', ['status'], unique=False)
    op.create_index(op.f('ix_proposal_strength'), 'proposal', ['strength'], unique=False)


def downgrade():
    op.drop_table('proposal')
    op.drop_table('signal_features')
