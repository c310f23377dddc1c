"""failed sign-ins slow down and lock a user name; refused sign-ins are audited

Revision ID: 0004_sign_in_lockout
Revises: 0003
Create Date: 2026-11-28

`sign_in_failures` holds the wrong passwords not yet cleared by a sign-in or an
administrator's unlock (per user name as typed, whether or not an account has
it), `sign_in_locks` the names locked after too many. They are in the
database, not in a workstation's memory, so a lock holds across workstations
and restarts. The audit trail gains the action `sign_in_failed`, and its
action column grows to 20 characters to hold it.
"""

from alembic import op
import sqlalchemy as sa

revision = "0004_sign_in_lockout"
down_revision = "0003"
branch_labels = None
depends_on = None

ACTIONS = ("create", "update", "view", "export", "merge", "delete", "import", "sign_in")


def _actions_check(actions: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{a}'" for a in actions)
    return f"action IN ({quoted})"


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
    _set_actions((*ACTIONS, "sign_in_failed"), 20, 10)


def downgrade() -> None:
    op.execute("DELETE FROM audit_log WHERE action = 'sign_in_failed'")
    _set_actions(ACTIONS, 10, 20)
    op.drop_table("sign_in_locks")
    op.drop_index("ix_sign_in_failures_username", table_name="sign_in_failures")
    op.drop_table("sign_in_failures")


def _set_actions(actions: tuple[str, ...], width: int, old_width: int) -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.alter_column(
            "action",
            type_=sa.String(length=width),
            existing_type=sa.String(length=old_width),
            existing_nullable=False,
        )
        batch.drop_constraint(op.f("ck_audit_log_action_code"), type_="check")
        batch.create_check_constraint("action_code", _actions_check(actions))
