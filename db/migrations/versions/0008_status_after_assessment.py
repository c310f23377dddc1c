"""the status after each completed assessment, stored per client and substance class

Revision ID: 0008_status_after_assessment
Revises: 0007_sign_in_lockout
Create Date: 2026-12-06

`status_after_assessment` holds what the recovery rules give at the date of each
completed assessment, so that a status at any date is a date comparison
(db.status_rows). The rows are computed by the rules' walk, which migrations do
not import: the program fills the table when it opens a database that has
substance records and no stored status yet (reports.datasets.status_store).
"""

from alembic import op
import sqlalchemy as sa

revision = "0008_status_after_assessment"
down_revision = "0007_sign_in_lockout"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "status_after_assessment",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("next_on", sa.Date(), nullable=True),
        sa.Column("substance_class", sa.String(length=14), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("dsm_status", sa.String(length=20), nullable=False),
        sa.Column("remission_type", sa.String(length=8), nullable=True),
        sa.Column("severity", sa.String(length=10), nullable=True),
        sa.Column("controlled_environment", sa.Boolean(), nullable=False),
        sa.Column("maintenance_therapy", sa.Boolean(), nullable=False),
        sa.Column("sobriety", sa.String(length=10), nullable=False),
        sa.Column("recovery_status", sa.String(length=16), nullable=False),
        sa.Column("recovery_timeframe", sa.String(length=10), nullable=True),
        sa.Column("remission_episodes", sa.Integer(), nullable=False),
        sa.Column("recurrences", sa.Integer(), nullable=False),
        sa.Column("recovery_attempts", sa.Integer(), nullable=False),
        sa.Column("a_on", sa.Date(), nullable=True),
        sa.Column("b_on", sa.Date(), nullable=True),
        sa.Column("last_use_on", sa.Date(), nullable=True),
        sa.Column("goal", sa.String(length=12), nullable=True),
        sa.Column("self_identified_recovery", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_status_after_assessment_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "client_id", "assessed_on", "position", name=op.f("pk_status_after_assessment")
        ),
    )
    op.create_index(
        "ix_status_after_assessment_headline",
        "status_after_assessment",
        ["position", "assessed_on"],
    )


def downgrade() -> None:
    op.drop_index("ix_status_after_assessment_headline", table_name="status_after_assessment")
    op.drop_table("status_after_assessment")
