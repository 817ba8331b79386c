"""performance: external id per channel, indexes that fit the screens, background jobs

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
    op.create_table('background_job',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('progress', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=True),
    sa.Column('media_type', sa.String(length=120), nullable=True),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('result_url', sa.String(length=300), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_background_job_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_background_job'))
    )
    with op.batch_alter_table('background_job', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_background_job_user_id'), ['user_id'], unique=False)
    with op.batch_alter_table('signal', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=100), nullable=True))
        batch_op.create_unique_constraint('uq_signal_channel_external_id', ['channel_code', 'external_id'])
        batch_op.create_index('ix_signal_organisation_created', ['organisation_code', 'created_at', 'status'], unique=False)
        batch_op.create_index('ix_signal_status_created', ['status', 'created_at'], unique=False)
        batch_op.create_index('ix_signal_report', ['created_at', 'status', 'outcome', 'channel_code', 'organisation_code', 'answered_at', 'due_at', 'deadline_started_at', 'needs_info_since', 'closed_at', 'people_affected'], unique=False)
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
        batch_op.drop_index('ix_signal_report')
        batch_op.drop_index('ix_signal_status_created')
        batch_op.drop_index('ix_signal_organisation_created')
        batch_op.drop_constraint('uq_signal_channel_external_id', type_='unique')
        batch_op.drop_column('external_id')
    with op.batch_alter_table('background_job', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_background_job_user_id'))
    op.drop_table('background_job')
