"""An actor passes a permission check only when a sign-in in this process vouched for it."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db import audit
from db.access import Actor, Permission, PermissionDenied
from db.engine import Database
from db.models import AuditEntry, Client
from forms import records
from tests.accounts import signed_in

ROOT = Path(__file__).resolve().parents[2]
ALICE = {"given_name": "Alice", "family_name": "Hand", "birth_date": "1980-01-01"}


def rows(database: Database, model: type) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_hand_built_administrator_is_refused_and_writes_nothing(
    database: Database, today
) -> None:
    real = signed_in(database, "admin")
    forged = Actor(real.user_id, real.username, "admin")
    assert not forged.can(Permission.ENTER_DATA)
    with pytest.raises(PermissionDenied, match="not signed in"):
        forged.require(Permission.MANAGE_USERS)
    audit_rows = rows(database, AuditEntry)
    with pytest.raises(PermissionDenied):
        records.create_client(database, forged, ALICE, today)
    assert rows(database, Client) == 0 and rows(database, AuditEntry) == audit_rows
    assert records.create_client(database, real, ALICE, today) > 0


def test_a_signed_in_actor_given_another_role_loses_its_seal(database: Database, today) -> None:
    desk = signed_in(database, "front_desk")
    assert desk.can(Permission.ENTER_DATA) and not desk.can(Permission.MERGE_CLIENTS)
    promoted = dataclasses.replace(desk, role="admin")
    assert not promoted.can(Permission.MERGE_CLIENTS)
    assert not promoted.can(Permission.ENTER_DATA)


def test_no_audit_row_names_a_made_up_person(database: Database) -> None:
    signed_in(database)
    before = rows(database, AuditEntry)
    with pytest.raises(PermissionDenied), database.writing() as session:
        audit.record(session, Actor(None, "command-line", "admin"), "export", "workbook")
    assert rows(database, AuditEntry) == before


def _sources() -> list[Path]:
    return [
        p for d in ("db", "forms", "reports", "desktop", "tests") for p in (ROOT / d).rglob("*.py")
    ]


def test_only_the_account_store_seals_actors() -> None:
    """seal_actor is the one way to an actor that passes the checks: db/users.py calls it
    after checking a password, and nothing else may."""
    callers = set()
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            name = getattr(node, "id", None) or getattr(node, "attr", None)
            if name in ("seal_actor", "_seal", "_SEAL_KEY"):
                callers.add(str(path.relative_to(ROOT)))
            if isinstance(node, ast.alias) and node.name in ("seal_actor", "_seal", "_SEAL_KEY"):
                callers.add(str(path.relative_to(ROOT)))
    assert callers == {"db/access.py", "db/users.py"}
