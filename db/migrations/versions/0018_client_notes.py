"""client notes: short dated free-text notes about a client, and their earlier texts

Revision ID: 0018_client_notes
Revises: 0017_assessments_client_index
Create Date: 2026-12-06

`client_notes` holds one row per note (who wrote it and when, voidable like the
records, a version for two workstations); `client_note_revisions` keeps a note's
text as it read before each correction. Both go with the client when it is erased.
"""

from alembic import op
import sqlalchemy as sa

revision = "0018_client_notes"
down_revision = "0017_assessments_client_index"
branch_labels = None
depends_on = None

VOID_REASONS = "'wrong_client', 'wrong_date', 'duplicate', 'entered_in_error'"


def upgrade() -> None:
    op.create_table(
        "client_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("text", sa.String(length=1000), nullable=False),
        sa.Column("entered_by", sa.String(length=60), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("corrected_by", sa.String(length=60), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("voided_by", sa.String(length=60), nullable=True),
        sa.Column("void_reason", sa.String(length=20), nullable=True),
        sa.Column("void_note", sa.String(length=500), nullable=True),
        sa.Column("entered_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            f"void_reason IS NULL OR void_reason IN ({VOID_REASONS})",
            name=op.f("ck_client_notes_void_reason_code"),
        ),
        sa.CheckConstraint(
            "(voided_at IS NULL AND void_reason IS NULL) "
            "OR (voided_at IS NOT NULL AND void_reason IS NOT NULL)",
            name=op.f("ck_client_notes_void_reason_given"),
        ),
        sa.CheckConstraint("length(text) > 0", name=op.f("ck_client_notes_text_present")),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_client_notes_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entered_by_id"], ["users.id"], name=op.f("fk_client_notes_entered_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_notes")),
    )
    op.create_index("ix_client_notes_client", "client_notes", ["client_id", "noted_on"])
    op.create_table(
        "client_note_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=1000), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_by", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["client_notes.id"],
            name=op.f("fk_client_note_revisions_note_id_client_notes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_note_revisions")),
    )
    op.create_index("ix_client_note_revisions_note", "client_note_revisions", ["note_id"])


def downgrade() -> None:
    op.drop_index("ix_client_note_revisions_note", table_name="client_note_revisions")
    op.drop_table("client_note_revisions")
    op.drop_index("ix_client_notes_client", table_name="client_notes")
    op.drop_table("client_notes")
