"""why a discharge closed the episode, and a note

Revision ID: 0013_discharge_reason
Revises: 0012_client_code_counter
Create Date: 2026-12-06

A discharge now records its reason (completed, left, transferred,
incarcerated, died, other) and an optional note. Discharges entered before
keep no reason: nobody knows it now, and guessing one would put words in the
record. Only a discharge carries either column.
"""

from alembic import op
import sqlalchemy as sa

revision = "0013_discharge_reason"
down_revision = "0012_client_code_counter"
branch_labels = None
depends_on = None

REASONS = ("completed", "left", "transferred", "incarcerated", "died", "other")


def upgrade() -> None:
    listed = ", ".join(f"'{r}'" for r in REASONS)
    with op.batch_alter_table("assessments") as batch_op:
        batch_op.add_column(sa.Column("discharge_reason", sa.String(length=14), nullable=True))
        batch_op.add_column(sa.Column("discharge_note", sa.String(length=500), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_assessments_discharge_reason_code"),
            f"discharge_reason IS NULL OR discharge_reason IN ({listed})",
        )
        batch_op.create_check_constraint(
            op.f("ck_assessments_discharge_reason_on_discharge"),
            "kind = 'discharge' OR (discharge_reason IS NULL AND discharge_note IS NULL)",
        )


def downgrade() -> None:
    with op.batch_alter_table("assessments") as batch_op:
        batch_op.drop_constraint(
            op.f("ck_assessments_discharge_reason_on_discharge"), type_="check"
        )
        batch_op.drop_constraint(op.f("ck_assessments_discharge_reason_code"), type_="check")
        batch_op.drop_column("discharge_note")
        batch_op.drop_column("discharge_reason")
