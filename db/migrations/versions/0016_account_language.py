"""each account's language for the screens

Revision ID: 0016_account_language
Revises: 0014_closed_months
Create Date: 2026-12-06

`users.language` is the language the person chose for the screens ("en" or
"es"); NULL, the value of every existing account, means the operating
system's language. Only what a screen shows follows it: stored data, reports
and files do not.
"""

from alembic import op
import sqlalchemy as sa

revision = "0016_account_language"
down_revision = "0014_closed_months"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("language", sa.String(length=8), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN, also on SQLite (3.35 and later): a batch rebuild would
    # drop the users table, which the audit trail's rows refer to.
    op.drop_column("users", "language")
