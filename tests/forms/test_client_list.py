"""The client list and the merge as the search screen calls them: plain records out,
permission and the audit row inside the merge's own transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db import audit
from db.access import Actor, PermissionDenied
from db.engine import Database
from db.models import Assessment, AuditEntry, Client
from forms import records
from forms.client_list import (
    ClientSummary,
    client_count,
    client_page,
    client_summaries,
    find_likely_duplicates,
    load_index,
    merge_clients,
)
from tests.accounts import signed_in

ZOE = {
    "client_code": "C-1",
    "given_name": "Zoë",
    "family_name": "Nguyễn",
    "birth_date": "1985-04-02",
}
ABE = {
    "client_code": "C-2",
    "given_name": "Abe",
    "family_name": "Adams",
    "birth_date": "1970-01-31",
}
INTAKE = {"assessed_on": "2024-01-10", "kind": "intake", "contact_status": "refused"}


def two_clients(database: Database, actor: Actor, today: dt.date) -> tuple[int, int]:
    keep = records.create_client(database, actor, ZOE, today)
    drop = records.create_client(database, actor, {**ZOE, "client_code": "C-9"}, today)
    records.add_assessment(database, actor, drop, INTAKE, [], today)
    return keep, drop


def merges(database: Database) -> list[AuditEntry]:
    with database.reading() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == "merge")))


def owner_of_the_intake(database: Database) -> int:
    with database.reading() as s:
        return s.scalars(select(Assessment.client_id)).one()


def test_the_list_reads_plain_records_in_name_order(
    database: Database, admin: Actor, today
) -> None:
    zoe = records.create_client(database, admin, ZOE, today)
    abe = records.create_client(database, admin, ABE, today)
    assert client_count(database) == 2
    first, second = client_page(database, 0, 10)
    assert first == ClientSummary(abe, "C-2", "Adams", "Abe", "", dt.date(1970, 1, 31))
    assert second.client_id == zoe and second.label() == "Nguyễn, Zoë (C-1, 1985-04-02)"
    assert [r.client_id for r in client_summaries(database, [zoe, abe])] == [zoe, abe]
    assert client_page(database, 1, 10) == [second]
    with pytest.raises(AttributeError):
        first.family_name = "Changed"  # type: ignore[misc]


def test_likely_duplicates_are_found_through_the_index(
    database: Database, admin: Actor, today
) -> None:
    zoe = records.create_client(database, admin, ZOE, today)
    index = load_index(database)
    assert len(index) == 1
    found = find_likely_duplicates(database, index, "Zoe", "Nguyen", dt.date(1985, 4, 2))
    assert [d.client_id for d in found] == [zoe]


def test_a_manager_merges_and_the_audit_row_names_both(any_database: Database, today) -> None:
    manager = signed_in(any_database, "manager")
    keep, drop = two_clients(any_database, manager, today)
    merge_clients(any_database, manager, keep, drop)
    assert owner_of_the_intake(any_database) == keep
    assert [r.client_id for r in client_page(any_database, 0, 10)] == [keep]
    (row,) = merges(any_database)
    assert (row.username, row.entity_id) == (manager.username, str(keep))


def test_front_desk_may_not_merge(database: Database, admin: Actor, today) -> None:
    keep, drop = two_clients(database, admin, today)
    with pytest.raises(PermissionDenied):
        merge_clients(database, signed_in(database, "front_desk"), keep, drop)
    assert owner_of_the_intake(database) == drop
    assert merges(database) == []


@pytest.mark.parametrize("which", ["same", "missing"])
def test_a_bad_pair_is_refused_and_nothing_moves(
    database: Database, admin: Actor, today, which: str
) -> None:
    _keep, drop = two_clients(database, admin, today)
    other = drop if which == "same" else 9999
    with pytest.raises(ValueError, match="two different clients"):
        merge_clients(database, admin, other, drop)
    assert owner_of_the_intake(database) == drop
    assert merges(database) == []


def test_no_merge_without_its_audit_row(
    database: Database, admin: Actor, today, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep, drop = two_clients(database, admin, today)

    def audit_fails(*_args: object, **_kw: object) -> None:
        raise RuntimeError("the audit row could not be written")

    monkeypatch.setattr(audit, "record", audit_fails)
    with pytest.raises(RuntimeError):
        merge_clients(database, admin, keep, drop)
    assert owner_of_the_intake(database) == drop
    with database.reading() as s:
        assert s.get(Client, drop).merged_into_id is None  # type: ignore[union-attr]
