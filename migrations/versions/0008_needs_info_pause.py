"""needs_info pause stored; routing events say how they were decided

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 00:20:00

Adds ``signal.needs_info_since`` (when the frontline was asked; the ministry's clock is
paused from then until the answer) and fills it for signals waiting for the frontline now,
from the latest audit event that moved them to needs_info. Routing events written before
issue 8 without a ``method`` get one: re-routings by a person (they carry ``from_ministry``)
are ``manual``; the split's automatic routing (only a ministry) is ``inherited``.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

signal = sa.table(
    "signal",
    sa.column("id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("needs_info_since", sa.DateTime(timezone=True)),
)
audit_event = sa.table(
    "audit_event",
    sa.column("id", sa.Integer),
    sa.column("signal_id", sa.Integer),
    sa.column("action", sa.String),
    sa.column("to_state", sa.String),
    sa.column("data", sa.JSON),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def upgrade():
    with op.batch_alter_table('signal', schema=None) as batch_op:
        batch_op.add_column(sa.Column('needs_info_since', sa.DateTime(timezone=True), nullable=True))

    connection = op.get_bind()
    asked = (
        sa.select(sa.func.max(audit_event.c.created_at))
        .where(audit_event.c.signal_id == signal.c.id, audit_event.c.to_state == "needs_info")
        .scalar_subquery()
    )
    connection.execute(signal.update().where(signal.c.status == "needs_info").values(needs_info_since=asked))

    rows = connection.execute(
        sa.select(audit_event.c.id, audit_event.c.data).where(audit_event.c.action.in_(("route", "reroute")))
    ).all()
    for event_id, data in rows:
        data = dict(data or {})
        if data.get("method"):
            continue
        data["method"] = "manual" if "from_ministry" in data else "inherited"
        connection.execute(audit_event.update().where(audit_event.c.id == event_id).values(data=data))


def downgrade():
    with op.batch_alter_table('signal', schema=None) as batch_op:
        batch_op.drop_column('needs_info_since')
