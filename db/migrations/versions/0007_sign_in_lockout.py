"""failed sign-ins slow down and lock a user name

Revision ID: 0007_sign_in_lockout
Revises: 0006_consents
Create Date: 2026-11-28

`sign_in_failures` holds the wrong passwords not yet cleared by a sign-in or an
administrator's unlock (per user name as typed, whether or not an account has
it), `sign_in_locks` the names locked after too many. They are in the
database, not in a workstation's memory, so a lock holds across workstations
and restarts. The audit action `sign_in_failed` came with 0005_audit_chain.
"""

from alembic import op
import sqlalchemy as sa

revision = "0007_sign_in_lockout"
down_revision = "0006_consents"
branch_labels = None
depends_on = None

def upgrade() -> None:
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workstation", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_failures")),
    )
    op.create_index(
        "ix_sign_in_failures_username", "sign_in_failures", ["username", "failed_at"]
    )
    op.create_table(
        "sign_in_locks",
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("locked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_sign_in_locks")),
    )


def downgrade() -> None:
    op.drop_table("sign_in_locks")
    op.drop_index("ix_sign_in_failures_username", table_name="sign_in_failures")
    op.drop_table("sign_in_failures")
