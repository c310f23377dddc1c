"""referrals by type: to what an encounter's referrals were made

Revision ID: 0019_referral_types
Revises: 0018_client_notes
Create Date: 2026-12-07

An encounter keeps its total `referrals` and now also counts them by type (substance use
treatment, mental health, medical, housing, other social services, other), one integer
column per type: the vocabulary is fixed (db/codes.py REFERRAL_TYPES) and every report
sums them beside the other tallies in the same query. Encounters entered before keep
their total with every type 0: "type not recorded", never guessed. A check keeps the
types either all unrecorded (0) or adding up to the total.
"""

from alembic import op
import sqlalchemy as sa

revision = "0019_referral_types"
down_revision = "0018_client_notes"
branch_labels = None
depends_on = None

TYPES = ("treatment", "mental_health", "medical", "housing", "other_social", "other")
COLUMNS = tuple(f"referrals_{t}" for t in TYPES)
TYPED_SUM = " + ".join(COLUMNS)


def upgrade() -> None:
    with op.batch_alter_table("encounters") as batch_op:
        for column in COLUMNS:
            batch_op.add_column(
                sa.Column(column, sa.Integer(), server_default="0", nullable=False)
            )
            batch_op.create_check_constraint(
                op.f(f"ck_encounters_{column}_not_negative"), f"{column} >= 0"
            )
        batch_op.create_check_constraint(
            op.f("ck_encounters_referral_types_add_up"),
            f"({TYPED_SUM}) = 0 OR ({TYPED_SUM}) = referrals",
        )


def downgrade() -> None:
    with op.batch_alter_table("encounters") as batch_op:
        batch_op.drop_constraint(op.f("ck_encounters_referral_types_add_up"), type_="check")
        for column in reversed(COLUMNS):
            batch_op.drop_constraint(
                op.f(f"ck_encounters_{column}_not_negative"), type_="check"
            )
            batch_op.drop_column(column)
