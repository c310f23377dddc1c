"""closed months: a month's report kept as printed when a manager closes the month

Revision ID: 0014_closed_months
Revises: 0013_discharge_reason
Create Date: 2026-12-06

`closed_months` holds, per closed month ("YYYY-MM"), when and by whom it was
closed and the data of its monthly report as printed then (suppressed and
internal, as JSON), so that the month's report prints the same forever and
later corrections are listed as revisions instead. Reopening deletes the row.
"""

from alembic import op
import sqlalchemy as sa

revision = "0014_closed_months"
down_revision = "0013_discharge_reason"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "closed_months",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("report", sa.Text(), nullable=False),
        sa.Column("internal_report", sa.Text(), nullable=False),
        sa.CheckConstraint("length(month) = 7", name=op.f("ck_closed_months_month_format")),
        sa.ForeignKeyConstraint(
            ["closed_by_id"], ["users.id"], name=op.f("fk_closed_months_closed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("month", name=op.f("pk_closed_months")),
    )


def downgrade() -> None:
    op.drop_table("closed_months")
