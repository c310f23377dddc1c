"""Erasing a whole client (forms.corrections.erase_client): the code typed a second time
must match, a reason is required, and a refusal erases nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.access import PermissionDenied
from db.models import AuditEntry, Client
from forms import corrections, records
from forms.validation import ValidationFailed
from tests.accounts import signed_in
from tests.forms.test_corrections import PERSON


def clients_and_deletions(db) -> tuple[int, int]:
    with db.reading() as s:
        deletions = select(func.count()).where(AuditEntry.action == "delete")
        return s.scalar(select(func.count(Client.id))), s.scalar(deletions)


def test_the_code_typed_again_must_be_the_clients(any_database, admin, today):
    records.create_client(any_database, admin, PERSON, today)
    with pytest.raises(ValidationFailed) as failure:
        corrections.erase_client(any_database, admin, today, "C-7", "court order", "C-8")
    assert failure.value.errors == {
        "client_code": "The code typed again (C-8) is not C-7; nothing was erased"
    }
    assert clients_and_deletions(any_database) == (1, 0)


def test_an_erasure_without_a_reason_erases_nothing(any_database, admin, today):
    records.create_client(any_database, admin, PERSON, today)
    with pytest.raises(ValidationFailed, match="Give the reason"):
        corrections.erase_client(any_database, admin, today, "C-7", "   ", "C-7")
    assert clients_and_deletions(any_database) == (1, 0)


def test_an_unknown_code_is_named(any_database, admin, today):
    with pytest.raises(ValidationFailed, match="There is no client with the code Z-1"):
        corrections.erase_client(any_database, admin, today, "Z-1", "court order", "Z-1")


@pytest.mark.parametrize("role", ["front_desk", "manager"])
def test_only_an_administrator_may_erase(any_database, admin, today, role):
    records.create_client(any_database, admin, PERSON, today)
    someone = signed_in(any_database, role)
    with pytest.raises(PermissionDenied, match="may not erase a client"):
        corrections.erase_client(any_database, someone, today, "C-7", "court order", "C-7")
    assert clients_and_deletions(any_database) == (1, 0)
