"""corrections: void instead of delete, versions on every correctable record

Revision ID: 0009_corrections
Revises: 0008_status_after_assessment
Create Date: 2026-12-06

Assessments, events, encounters and contact attempts get what a void needs
(voided_at, voided_by, a reason code and an optional note) and who entered
them (entered_by_id; contact attempts copy it from user_id), so that front desk
may correct their own entries for a grace period. Events, encounters and
contact attempts get the version column assessments already had, and the time
they were entered. The one-assessment-per-date rule becomes a unique index on
the live (not voided) assessments only, so a voided intake does not hold its
date. `corrections` lists each correction with the corrected record's date,
for the monthly report's list of revisions.
"""

from alembic import op
import sqlalchemy as sa

revision = "0009_corrections"
down_revision = "0008_status_after_assessment"
branch_labels = None
depends_on = None

TABLES = ("assessments", "events", "encounters", "followup_attempts")
REASONS = ("wrong_client", "wrong_date", "duplicate", "entered_in_error")
LIVE = sa.text("voided_at IS NULL")


def _reason_check() -> str:
    listed = ", ".join(f"'{r}'" for r in REASONS)
    return f"void_reason IS NULL OR void_reason IN ({listed})"


GIVEN = (
    "(voided_at IS NULL AND void_reason IS NULL) "
    "OR (voided_at IS NOT NULL AND void_reason IS NOT NULL)"
)


def upgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(name) as batch_op:
            batch_op.add_column(sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True))
            batch_op.add_column(sa.Column("voided_by", sa.String(length=60), nullable=True))
            batch_op.add_column(sa.Column("void_reason", sa.String(length=20), nullable=True))
            batch_op.add_column(sa.Column("void_note", sa.String(length=500), nullable=True))
            batch_op.add_column(sa.Column("entered_by_id", sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                op.f(f"fk_{name}_entered_by_id_users"), "users", ["entered_by_id"], ["id"]
            )
            batch_op.create_check_constraint(op.f(f"ck_{name}_void_reason_code"), _reason_check())
            batch_op.create_check_constraint(op.f(f"ck_{name}_void_reason_given"), GIVEN)
            if name != "assessments":
                batch_op.add_column(
                    sa.Column("created_at", sa.DateTime(timezone=True), nullable=True)
                )
                batch_op.add_column(
                    sa.Column("version", sa.Integer(), server_default="1", nullable=False)
                )
            else:
                batch_op.drop_constraint(
                    op.f("uq_assessments_client_id_assessed_on"), type_="unique"
                )
    op.create_index(
        "uq_assessments_client_id_assessed_on",
        "assessments",
        ["client_id", "assessed_on"],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )
    _covering_indexes(with_voided_at=True)
    op.execute("UPDATE followup_attempts SET entered_by_id = user_id")
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("record_on", sa.Date(), nullable=False),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "action IN ('edit', 'void', 'restore')", name=op.f("ck_corrections_action_code")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
    )
    op.create_index("ix_corrections_record_on", "corrections", ["record_on", "corrected_at"])


# The report queries' covering indexes read voided_at too, to leave voided rows out
# without a visit to the table.
COVERING = {
    "ix_assessments_day_status": (
        "assessments",
        ["assessed_on", "contact_status", "client_id", "kind"],
    ),
    "ix_events_day_event": ("events", ["occurred_on", "event", "client_id", "count"]),
}


def _covering_indexes(with_voided_at: bool) -> None:
    for index, (table, columns) in COVERING.items():
        op.drop_index(index, table_name=table)
        op.create_index(index, table, columns + (["voided_at"] if with_voided_at else []))


def downgrade() -> None:
    op.drop_index("ix_corrections_record_on", table_name="corrections")
    op.drop_table("corrections")
    # Voided rows go: the older schema has no way to leave them out of its figures.
    for name in TABLES:
        op.execute(f"DELETE FROM {name} WHERE voided_at IS NOT NULL")
    op.drop_index("uq_assessments_client_id_assessed_on", table_name="assessments")
    _covering_indexes(with_voided_at=False)
    for name in TABLES:
        with op.batch_alter_table(name) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{name}_void_reason_given"), type_="check")
            batch_op.drop_constraint(op.f(f"ck_{name}_void_reason_code"), type_="check")
            batch_op.drop_constraint(op.f(f"fk_{name}_entered_by_id_users"), type_="foreignkey")
            for column in ("entered_by_id", "void_note", "void_reason", "voided_by", "voided_at"):
                batch_op.drop_column(column)
            if name != "assessments":
                batch_op.drop_column("version")
                batch_op.drop_column("created_at")
            else:
                batch_op.create_unique_constraint(
                    op.f("uq_assessments_client_id_assessed_on"), ["client_id", "assessed_on"]
                )
