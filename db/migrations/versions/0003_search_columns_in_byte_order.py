"""search columns in byte order on PostgreSQL, so prefix search uses their indexes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

Client search looks the folded names up with LIKE 'prefix%'. PostgreSQL makes
an index range of that only when the column's collation is "C"; under the
server's language collation (en_US.UTF-8, C.UTF-8 …) it read every client,
about 75 ms a keystroke at 100,000 clients. The folded text is already lower
case, so byte order loses nothing, and it is the order SQLite's NOCASE gives
the same text. Changing the collation rebuilds the existing indexes on these
columns in that order, so no new index is needed. SQLite is left as it is:
its columns are NOCASE since 0001.
"""

from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NULLABLE = {"given_search": False, "family_search": False, "preferred_search": True}


def upgrade() -> None:
    _set_collation("C")


def downgrade() -> None:
    _set_collation(None)


def _set_collation(collation: str | None) -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    for column, nullable in NULLABLE.items():
        op.alter_column(
            "clients",
            column,
            type_=sa.String(200, collation=collation),
            existing_type=sa.String(200),
            existing_nullable=nullable,
        )
    # The new type drops the columns' statistics; without them the planner joins
    # the prefix hits back to clients by reading every row (about 20 ms at 100,000).
    op.execute("ANALYZE clients")
