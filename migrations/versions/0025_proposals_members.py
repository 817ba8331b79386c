"""proposals: each signal's proposal on signal_features, so an incremental refresh finds the
proposals of a new signal's neighbours by index instead of unnesting every proposal's id list

Revision ID: 0025_proposals_members
Revises: 0024_letter_tally_detail
Create Date: 2026-12-01 10:45:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0025_proposals_members'
down_revision = '0024_letter_tally_detail'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('signal_features', schema=None) as batch_op:
        batch_op.add_column(sa.Column('proposal_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_signal_features_proposal_id'), ['proposal_id'], unique=False)
    # the members of the proposals that still count (open and dismissed ones)
    connection = op.get_bind()
    proposal = sa.table('proposal', sa.column('id', sa.Integer), sa.column('status', sa.String), sa.column('signal_ids', sa.JSON))
    features = sa.table('signal_features', sa.column('signal_id', sa.Integer), sa.column('proposal_id', sa.Integer))
    rows = connection.execute(sa.select(proposal.c.id, proposal.c.signal_ids).where(proposal.c.status.in_(('open', 'dismissed')))).all()
    pairs = [{'sid': int(signal_id), 'pid': proposal_id} for proposal_id, ids in rows for signal_id in (ids or [])]
    if pairs:
        connection.execute(
            features.update().where(features.c.signal_id == sa.bindparam('sid')).values(proposal_id=sa.bindparam('pid')), pairs
        )


def downgrade():
    with op.batch_alter_table('signal_features', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signal_features_proposal_id'))
        batch_op.drop_column('proposal_id')
