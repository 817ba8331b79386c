"""Agencies' offices as organisations: UWV vestigingen, IND desks, KVK offices, … with their agency.

Revision ID: 0019
Revises: 0014
Create Date: 2026-12-01

Each office of signals/data/offices.csv becomes an organisation (so its frontline sees its own
signals) and a row in organisation_office naming its parent agency, place and public source
(signals/data/SOURCES.md).
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0019"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "organisation_office",
        sa.Column("organisation_code", sa.String(length=16), nullable=False),
        sa.Column("parent_code", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_code"], ["organisation.code"],
            name=op.f("fk_organisation_office_organisation_code_organisation"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["parent_code"], ["organisation.code"], name=op.f("fk_organisation_office_parent_code_organisation")),
        sa.PrimaryKeyConstraint("organisation_code", name=op.f("pk_organisation_office")),
    )
    op.create_index(op.f("ix_organisation_office_parent_code"), "organisation_office", ["parent_code"], unique=False)

    from signals.reference import load_offices

    session = Session(bind=op.get_bind())
    load_offices(session)
    session.flush()


def downgrade():
    op.execute(
        "DELETE FROM organisation WHERE code IN (SELECT organisation_code FROM organisation_office) "
        "AND code NOT IN (SELECT organisation_code FROM user_account) "
        "AND code NOT IN (SELECT organisation_code FROM signal) "
        "AND code NOT IN (SELECT organisation_code FROM channel WHERE organisation_code IS NOT NULL)"
    )
    op.drop_index(op.f("ix_organisation_office_parent_code"), table_name="organisation_office")
    op.drop_table("organisation_office")
