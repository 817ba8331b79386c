"""Daily work screens: assignee on signals, internal notes, standard answers, municipalities.

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-01

Loads every municipality of the CBS list (signals/data/gemeenten.csv) as an organisation,
so the users of one municipality see their own signals.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0013"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("signal") as batch:
        batch.add_column(sa.Column("assignee_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_signal_assignee_id_user_account"), "user_account", ["assignee_id"], ["id"])
        batch.create_index(op.f("ix_signal_assignee_id"), ["assignee_id"], unique=False)
    op.create_table(
        "signal_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signal_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("organisation_code", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["user_account.id"], name=op.f("fk_signal_note_author_id_user_account")),
        sa.ForeignKeyConstraint(
            ["signal_id"], ["signal.id"], name=op.f("fk_signal_note_signal_id_signal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal_note")),
    )
    op.create_index(op.f("ix_signal_note_signal_id"), "signal_note", ["signal_id"], unique=False)
    op.create_table(
        "standard_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ministry_code", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ministry_code"], ["ministry.code"], name=op.f("fk_standard_answer_ministry_code_ministry")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standard_answer")),
    )
    op.create_index(op.f("ix_standard_answer_ministry_code"), "standard_answer", ["ministry_code"], unique=False)

    from signals.reference import load_municipalities

    session = Session(bind=op.get_bind())
    load_municipalities(session)
    session.flush()


def downgrade():
    op.execute(
        "DELETE FROM organisation WHERE kind = 'gemeente' AND code LIKE 'GM%' "
        "AND code NOT IN (SELECT organisation_code FROM user_account) "
        "AND code NOT IN (SELECT organisation_code FROM signal)"
    )
    op.drop_index(op.f("ix_standard_answer_ministry_code"), table_name="standard_answer")
    op.drop_table("standard_answer")
    op.drop_index(op.f("ix_signal_note_signal_id"), table_name="signal_note")
    op.drop_table("signal_note")
    with op.batch_alter_table("signal") as batch:
        batch.drop_index(op.f("ix_signal_assignee_id"))
        batch.drop_constraint(op.f("fk_signal_assignee_id_user_account"), type_="foreignkey")
        batch.drop_column("assignee_id")
