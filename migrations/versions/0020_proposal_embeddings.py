"""proposals: a sentence embedding per signal, so paraphrases meet by meaning

Revision ID: 0020
Revises: 0018
Create Date: 2026-12-01 03:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0020'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('signal_features', schema=None) as batch_op:
        batch_op.add_column(sa.Column('embedding', sa.LargeBinary(), nullable=True))


def downgrade():
    with op.batch_alter_table('signal_features', schema=None) as batch_op:
        batch_op.drop_column('embedding')
