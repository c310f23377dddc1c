"""covering indexes for the report and worklist queries

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

The one-column date indexes of assessments and events made SQLite fetch every
row of a year to read its status, client and kind (about 3 s of a funder
workbook at 100,000 clients). The wider indexes lead with the same column, so
they replace the old ones.
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ASSESSMENT_COLUMNS = ["assessed_on", "contact_status", "client_id", "kind"]
EVENT_COLUMNS = ["occurred_on", "event", "client_id", "count"]


def upgrade() -> None:
    op.create_index("ix_assessments_day_status", "assessments", ASSESSMENT_COLUMNS)
    op.drop_index("ix_assessments_assessed_on", table_name="assessments")
    op.create_index("ix_events_day_event", "events", EVENT_COLUMNS)
    op.drop_index("ix_events_occurred_on", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_occurred_on", "events", ["occurred_on"])
    op.drop_index("ix_events_day_event", table_name="events")
    op.create_index("ix_assessments_assessed_on", "assessments", ["assessed_on"])
    op.drop_index("ix_assessments_day_status", table_name="assessments")
