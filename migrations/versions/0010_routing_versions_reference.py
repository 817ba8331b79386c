"""Routing model versions (classifier artifact, figures, active flag) and the extended reference data.

Revision ID: 0010
Revises: 0015
Create Date: 2026-12-01

Existing databases get the new regulations and terms from signals/data/*.csv
(the loader upserts, so running it again is harmless).
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0010"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("routing_model") as batch:
        batch.add_column(sa.Column("artifact", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("metrics", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("is_active", sa.Boolean(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))

    from signals.reference import load_reference_data

    session = Session(bind=op.get_bind())
    load_reference_data(session, offices=False)  # the office table comes in 0019
    session.flush()


def downgrade():
    with op.batch_alter_table("routing_model") as batch:
        batch.drop_column("note")
        batch.drop_column("is_active")
        batch.drop_column("metrics")
        batch.drop_column("artifact")
