"""performance: external id per channel, indexes that fit the screens

Revision ID: 0012
Revises: 0008
Create Date: 2026-12-01 00:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('signal', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=100), nullable=True))
        batch_op.create_unique_constraint('uq_signal_channel_external_id', ['channel_code', 'external_id'])
        batch_op.create_index('ix_signal_organisation_created', ['organisation_code', 'created_at'], unique=False)
        batch_op.create_index('ix_signal_status_created', ['status', 'created_at'], unique=False)
    with op.batch_alter_table('signal_ministry', schema=None) as batch_op:
        batch_op.create_index('ix_signal_ministry_lead', ['ministry_code', 'is_lead', 'signal_id'], unique=False)
    with op.batch_alter_table('signal_regulation', schema=None) as batch_op:
        batch_op.create_index('ix_signal_regulation_regulation', ['regulation_id', 'signal_id'], unique=False)


def downgrade():
    with op.batch_alter_table('signal_regulation', schema=None) as batch_op:
        batch_op.drop_index('ix_signal_regulation_regulation')
    with op.batch_alter_table('signal_ministry', schema=None) as batch_op:
        batch_op.drop_index('ix_signal_ministry_lead')
    with op.batch_alter_table('signal', schema=None) as batch_op:
        batch_op.drop_index('ix_signal_status_created')
        batch_op.drop_index('ix_signal_organisation_created')
        batch_op.drop_constraint('uq_signal_channel_external_id', type_='unique')
        batch_op.drop_column('external_id')
