"""The application's PostgreSQL role, held to appending to the audit trail.

The SQL is in postgres_audit_role.sql beside this file, for an administrator to
run with psql; this runs the same file from Python.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, text

SCRIPT = Path(__file__).with_name("postgres_audit_role.sql")


def grant_app_role(conn: Connection, role: str) -> None:
    """As the tables' owner: let `role` use the program, and only append to the audit trail."""
    # Straight to the driver: the script's format() patterns are not bind parameters.
    conn.connection.driver_connection.execute(SCRIPT.read_text(encoding="utf-8"))  # type: ignore[union-attr]
    conn.execute(text("SELECT recovery_desk_grant_app_role(:role)"), {"role": role})
