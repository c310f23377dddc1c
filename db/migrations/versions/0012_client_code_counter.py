"""a counter for automatic client codes

Revision ID: 0012_client_code_counter
Revises: 0009_corrections
Create Date: 2026-12-06

`client_code_counters` holds, per agency prefix, the last number handed out
as an automatic client code. Taking the next one updates the prefix's row,
which holds a row lock until the save commits, so workstations saving at the
same moment on one PostgreSQL server get different codes (before, each read
the highest code and two could read the same one). The row of a prefix is
made on first use from the highest code already stored, so the table starts
empty.
"""

from alembic import op
import sqlalchemy as sa

revision = "0012_client_code_counter"
down_revision = "0009_corrections"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "client_code_counters",
        sa.Column("prefix", sa.String(length=40), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("prefix", name=op.f("pk_client_code_counters")),
    )


def downgrade() -> None:
    op.drop_table("client_code_counters")
