"""hash-chained audit trail: row hashes, a chain head, longer action codes

Revision ID: 0005_audit_chain
Revises: 0003
Create Date: 2026-12-06

Every audit row gets `prev_hash` and `row_hash` (SHA-256 over its content and the
previous row's hash, format "recovery-desk-audit-1", db/audit_chain.py), and the
one-row table `audit_chain` holds the last row's number and hash. Rows already
there are renumbered 1, 2, 3 … in their order (PostgreSQL's sequence may have
left gaps) and chained here.

`action` grows to 20 characters for the new codes sign_in_failed, sign_out,
lock, unlock and search.

On PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE of audit rows for
every role (db/postgres_audit_role.sql also takes those rights from the
application's role). On SQLite the file's header gets a random user_version: the
database's identity, by which a -wal copied from another database is told apart.
"""

import secrets

import sqlalchemy as sa
from alembic import op

from db.audit_chain import GENESIS, row_hash

revision = "0005_audit_chain"
down_revision = "0003"
branch_labels = None
depends_on = None

OLD_ACTIONS = ("create", "update", "view", "export", "merge", "delete", "import", "sign_in")
NEW_ACTIONS = (*OLD_ACTIONS, "search", "sign_in_failed", "sign_out", "lock", "unlock")
CONTENT = ("at_utc", "user_id", "username", "action", "entity", "entity_id", "before", "after")

_APPEND_ONLY = """
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % of audit_log refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$
"""


def _action_check(codes: tuple[str, ...]) -> str:
    return "action IN ({})".format(", ".join(f"'{c}'" for c in codes))


def upgrade() -> None:
    op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_chain_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain")),
    )
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("row_hash", sa.String(length=64), nullable=True))
        batch_op.alter_column(
            "action", type_=sa.String(length=20), existing_type=sa.String(length=10)
        )
        batch_op.drop_constraint(op.f("ck_audit_log_action_code"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_audit_log_action_code"), _action_check(NEW_ACTIONS)
        )
    last_seq, last_hash = _chain_existing_rows(op.get_bind())
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("row_hash", existing_type=sa.String(length=64), nullable=False)
    op.execute(
        sa.text("INSERT INTO audit_chain (id, last_seq, last_hash) VALUES (1, :seq, :hash)")
        .bindparams(seq=last_seq, hash=last_hash)
    )
    dialect = op.get_context().dialect.name
    if dialect == "postgresql":
        op.execute(_APPEND_ONLY)
        op.execute(
            "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
        )
    elif dialect == "sqlite":
        op.execute(f"PRAGMA user_version = {1 + secrets.randbelow(2**31 - 2)}")


def _chain_existing_rows(conn: sa.Connection) -> tuple[int, str]:
    """Renumber the rows 1, 2, 3 … in their order and chain them. New numbers are never
    above old ones, so renumbering in order never meets a number still in use."""
    audit = sa.table(
        "audit_log",
        sa.column("seq", sa.Integer()),
        sa.column("at_utc", sa.DateTime(timezone=True)),
        *(sa.column(c) for c in CONTENT[1:]),
        sa.column("prev_hash"),
        sa.column("row_hash"),
    )
    rows = conn.execute(sa.select(audit).order_by(audit.c.seq)).mappings().all()
    previous = GENESIS
    for new_seq, row in enumerate(rows, start=1):
        digest = row_hash(new_seq, row, previous)
        conn.execute(
            audit.update()
            .where(audit.c.seq == row["seq"])
            .values(seq=new_seq, prev_hash=previous, row_hash=digest)
        )
        previous = digest
    return len(rows), previous


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER audit_log_no_change ON audit_log")
        op.execute("DROP FUNCTION audit_log_append_only()")
    newer = op.get_bind().execute(
        sa.text(f"SELECT count(*) FROM audit_log WHERE NOT ({_action_check(OLD_ACTIONS)})")
    ).scalar()
    if newer:
        # Audit rows are never deleted, not even to go back a version.
        raise RuntimeError(
            f"the audit trail holds {newer} rows with actions revision 0003 cannot store"
        )
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_constraint(op.f("ck_audit_log_action_code"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_audit_log_action_code"), _action_check(OLD_ACTIONS)
        )
        batch_op.alter_column(
            "action", type_=sa.String(length=10), existing_type=sa.String(length=20)
        )
        batch_op.drop_column("row_hash")
        batch_op.drop_column("prev_hash")
    op.drop_table("audit_chain")
