"""Load the reference data (ministries, organisations, channels, regulations).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

The data lives in signals/data/*.csv; `flask --app app reference load` reloads
it after an edit. Loading here means `db upgrade` alone gives a usable database.
"""

from alembic import op
from sqlalchemy.orm import Session

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    from signals.reference import load_reference_data

    session = Session(bind=op.get_bind())
    load_reference_data(session, offices=False)  # the office table comes in 0019
    session.flush()


def downgrade():
    for table in ("regulation_term", "regulation", "channel", "organisation", "ministry"):
        op.execute(f"DELETE FROM {table}")
