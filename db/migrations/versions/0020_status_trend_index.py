"""the headline index covers the trend's status counts

Revision ID: 0020_status_trend_index
Revises: 0019_referral_types
Create Date: 2026-12-07

The monthly report's trend counts the known headline statuses of the agency at twelve
month-ends. Counted by the database from an index holding the row's dates and the three
status columns it groups by, that takes some 0.13 s at 100,000 clients, where walking
every client's stored rows in Python took seconds (and the same count through the old
two-column index, 0.85 s). The wider index replaces the old one, of which it is a prefix.
"""

from alembic import op

revision = "0020_status_trend_index"
down_revision = "0019_referral_types"
branch_labels = None
depends_on = None

TABLE = "status_after_assessment"
NAME = "ix_status_after_assessment_headline"
COVERING = [
    "position",
    "assessed_on",
    "next_on",
    "dsm_status",
    "recovery_status",
    "remission_type",
]


def upgrade() -> None:
    op.drop_index(NAME, table_name=TABLE)
    op.create_index(NAME, TABLE, COVERING)


def downgrade() -> None:
    op.drop_index(NAME, table_name=TABLE)
    op.create_index(NAME, TABLE, ["position", "assessed_on"])
