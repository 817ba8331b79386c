"""letter: audit_event indexed by (entity_type, created_at) instead of entity_type alone, so the
letter's knelpunt follow-up finds a period's knelpunt events without walking the signals' events
(20 s of a 25 s letter at a million signals on SQLite)

Revision ID: 0026_letter_audit_index
Revises: 0025_proposals_members
Create Date: 2026-12-01 11:25:00

"""
from alembic import op

revision = '0026_letter_audit_index'
down_revision = '0025_proposals_members'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_audit_event_entity_type_created', 'audit_event', ['entity_type', 'created_at'])
    op.drop_index('ix_audit_event_entity_type', table_name='audit_event')


def downgrade():
    op.create_index('ix_audit_event_entity_type', 'audit_event', ['entity_type'])
    op.drop_index('ix_audit_event_entity_type_created', table_name='audit_event')
