"""cache_version: one version number per shared cache (reference data), bumped by the changing transaction

Revision ID: 0018
Revises: 0019
Create Date: 2026-12-01 03:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0018'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('cache_version',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_cache_version'))
    )


def downgrade():
    op.drop_table('cache_version')
