"""proposals: buckets of embeddings and the window's frequencies, so a new signal is placed without loading the window

Revision ID: 0022_proposals_incremental
Revises: 0020
Create Date: 2026-12-01 07:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0022_proposals_incremental'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('proposal_index',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('centroids', sa.LargeBinary(), nullable=True),
    sa.Column('frequencies', sa.JSON(), nullable=False),
    sa.Column('documents', sa.Integer(), nullable=False),
    sa.Column('built_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_index'))
    )
    with op.batch_alter_table('signal_features', schema=None) as batch_op:
        batch_op.add_column(sa.Column('bucket', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_signal_features_bucket'), ['bucket'], unique=False)


def downgrade():
    with op.batch_alter_table('signal_features', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signal_features_bucket'))
        batch_op.drop_column('bucket')
    op.drop_table('proposal_index')
