"""invitations (one-time links), forced password change, knelpunt subscriptions

Revision ID: 0014
Revises: 0010
Create Date: 2026-12-01 00:45:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    # a plain ADD COLUMN (with its default) also on SQLite: no table copy, so foreign keys to users stay intact
    op.add_column('user_account', sa.Column('must_change_password', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table('one_time_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('purpose', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_one_time_link_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_one_time_link')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_one_time_link_token_hash'))
    )
    with op.batch_alter_table('one_time_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_one_time_link_user_id'), ['user_id'], unique=False)
    op.create_table('knelpunt_subscription',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('knelpunt_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['knelpunt_id'], ['knelpunt.id'], name=op.f('fk_knelpunt_subscription_knelpunt_id_knelpunt'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_knelpunt_subscription_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_knelpunt_subscription')),
    sa.UniqueConstraint('knelpunt_id', 'user_id', name=op.f('uq_knelpunt_subscription_knelpunt_id'))
    )
    with op.batch_alter_table('knelpunt_subscription', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_knelpunt_subscription_knelpunt_id'), ['knelpunt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_knelpunt_subscription_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('knelpunt_subscription', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_knelpunt_subscription_user_id'))
        batch_op.drop_index(batch_op.f('ix_knelpunt_subscription_knelpunt_id'))
    op.drop_table('knelpunt_subscription')
    with op.batch_alter_table('one_time_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_one_time_link_user_id'))
    op.drop_table('one_time_link')
    op.drop_column('user_account', 'must_change_password')
