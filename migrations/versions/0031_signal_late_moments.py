"""signal: the deadline state stored as two moments (late_from, very_late_from)

A list filtered on a deadline state ("te laat", "ruim te laat") judged every signal by its
deadline, pause and status (``signals.deadlines.state_condition``): no index could answer it, and
a ministry's "ruim te laat" took 1.2 s at a million signals. The state changes with the clock only
while a clock runs, at two moments known in advance (the deadline, and three times the allowed
time); a signal judged at a past moment keeps its state. So each signal stores when it becomes late
and very late (``signals.deadlines.late_moments``), and the filter compares two columns instead of
judging the rule per row. They have no index: a late list is still read in its own order (with an
index on them, SQLite chose to collect and sort 200,000 late signals: 0.2 s -> 1.8 s).

The columns are filled from the rows, in id order, in batches.

Revision ID: 0031_signal_late_moments
Revises: 0030_signal_list_order_indexes
Create Date: 2026-12-02 07:30:00

"""
import sqlalchemy as sa
from alembic import op

from signals.deadlines import refill_late_moments

revision = '0031_signal_late_moments'
down_revision = '0030_signal_list_order_indexes'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('signal', schema=None) as batch_op:
        batch_op.add_column(sa.Column('late_from', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('very_late_from', sa.DateTime(timezone=True), nullable=True))
    refill_late_moments(op.get_bind())


def downgrade():
    with op.batch_alter_table('signal', schema=None) as batch_op:
        batch_op.drop_column('very_late_from')
        batch_op.drop_column('late_from')
