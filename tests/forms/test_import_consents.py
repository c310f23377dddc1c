"""The Consents sheet on import: validated like every sheet (per row and field, all or
nothing), and the Clients sheet's consent_share column read for workbooks without one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from exchange_books import client, write_book
from sqlalchemy import func, select

from db.access import Actor
from db.engine import Database
from db.models import AuditEntry, Client, Consent
from forms.importer import ImportResult, import_workbook

TODAY = dt.date(2026, 11, 27)


def consent(code: str, **values: object) -> dict[str, object]:
    return {
        "client_code": code,
        "scope": "treatment_payment_operations",
        "signed_on": "2025-02-01",
        **values,
    }


def stored(db: Database) -> dict[str, list[tuple[object, ...]]]:
    found: dict[str, list[tuple[object, ...]]] = {}
    with db.reading() as s:
        rows = s.execute(
            select(
                Client.client_code,
                Consent.scope,
                Consent.recipient,
                Consent.signed_on,
                Consent.expires_on,
                Consent.revoked_on,
                Consent.note,
            )
            .join(Client, Client.id == Consent.client_id)
            .order_by(Consent.id)
        )
        for code, *values in rows:
            found.setdefault(code, []).append(tuple(values))
    return found


def lines(result: ImportResult) -> list[str]:
    return [str(p) for p in result.problems]


def test_consents_are_loaded_and_consent_share_fills_in_for_clients_without_any(
    any_database: Database, admin: Actor, tmp_path: Path
) -> None:
    book = write_book(
        tmp_path / "c.xlsx",
        {
            "Clients": [
                client("C-1", consent_share="no"),
                client("C-2", consent_share="yes"),
                client("C-3", consent_share="yes"),
                client("C-4", consent_share="no"),
            ],
            "Consents": [
                consent("C-1", expires_on="2027-01-31", note="paper form"),
                consent(
                    "C-3",
                    scope="named_recipient",
                    recipient="County Health Dept",
                    revoked_on="2026-06-30",
                ),
            ],
        },
    )
    result = import_workbook(any_database, admin, book, TODAY)
    assert result.ok, lines(result)
    assert result.added["Consents"] == 3
    found = stored(any_database)
    assert found["C-1"] == [
        (
            "treatment_payment_operations",
            None,
            dt.date(2025, 2, 1),
            dt.date(2027, 1, 31),
            None,
            "paper form",
        )
    ]
    ((scope, recipient, signed, expires, revoked, note),) = found["C-2"]
    assert (scope, recipient, signed, expires, revoked) == (
        "treatment_payment_operations",
        None,
        TODAY,
        None,
        None,
    )
    assert note is not None and "consent_share" in note
    assert found["C-3"] == [
        (
            "named_recipient",
            "County Health Dept",
            dt.date(2025, 2, 1),
            None,
            dt.date(2026, 6, 30),
            None,
        )
    ]
    assert "C-4" not in found


def test_every_bad_consent_row_is_listed_by_field_and_nothing_is_written(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    book = write_book(
        tmp_path / "bad.xlsx",
        {
            "Clients": [client("C-1")],
            "Consents": [
                consent("C-1"),
                consent("C-1"),
                consent("C-9"),
                consent("C-1", scope="named_recipient"),
                consent("C-1", scope="research", recipient="Uni"),
                consent("C-1", scope="everything"),
                consent("C-1", signed_on="2026-12-01"),
                consent("C-1", signed_on="2025-03-01", expires_on="2025-03-01"),
                consent("C-1", signed_on="2025-04-01", revoked_on="2025-03-31"),
                consent("C-1", signed_on=None),
            ],
        },
    )
    result = import_workbook(database, admin, book, TODAY)
    assert lines(result) == [
        "Consents!3 signed_on: this consent is already on row 2 of this sheet",
        "Consents!4 client_code: there is no client C-9 on the Clients sheet or in the database",
        "Consents!5 recipient: Recipient is required for a consent to a named recipient",
        "Consents!6 recipient: Recipient is only for a consent to a named recipient; leave it "
        "empty for this scope",
        "Consents!7 scope: Consent to disclose for 'everything' is not one of the choices "
        "(treatment_payment_operations, named_recipient, research)",
        "Consents!8 signed_on: Signed on 2026-12-01 is in the future",
        "Consents!9 expires_on: Expires on (2025-03-01) must be after the date signed (2025-03-01)",
        "Consents!10 revoked_on: Revoked on (2025-03-31) cannot be before the date signed "
        "(2025-04-01)",
        "Consents!11 signed_on: Signed on is required",
    ]
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 0
        assert s.scalar(select(func.count()).select_from(Consent)) == 0


def test_consents_of_clients_already_stored_need_update_and_each_change_is_audited(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    first = write_book(
        tmp_path / "first.xlsx",
        {"Clients": [client("C-1", consent_share="no")], "Consents": [consent("C-1")]},
    )
    assert import_workbook(database, admin, first, TODAY).ok
    again = write_book(
        tmp_path / "again.xlsx",
        {
            "Clients": [client("C-1", consent_share="no")],
            "Consents": [
                consent("C-1", revoked_on="2026-11-01"),
                consent("C-1", scope="research", signed_on="2026-05-05"),
            ],
        },
    )
    refused = import_workbook(database, admin, again, TODAY)
    assert (
        "Consents!2 client_code: C-1 is already in the database; import with --update"
        in (lines(refused)[-1])
    )
    result = import_workbook(database, admin, again, TODAY, update=True)
    assert result.ok, lines(result)
    assert (result.updated.get("Consents"), result.added.get("Consents")) == (1, 1)
    found = stored(database)["C-1"]
    assert [(row[0], row[4]) for row in found] == [
        ("treatment_payment_operations", dt.date(2026, 11, 1)),
        ("research", None),
    ]
    with database.reading() as s:
        changes = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "consent").order_by(AuditEntry.seq)
        ).all()
    assert [c.action for c in changes] == ["update", "create"]
    assert json.loads(changes[0].after or "{}")["revoked_on"] == "2026-11-01"
    unchanged = import_workbook(database, admin, again, TODAY, update=True)
    assert unchanged.ok and unchanged.unchanged["Consents"] == 2 and not unchanged.added


def test_a_revocation_is_never_undone_by_an_import(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    revoked = write_book(
        tmp_path / "r.xlsx",
        {"Clients": [client("C-1")], "Consents": [consent("C-1", revoked_on="2026-01-01")]},
    )
    assert import_workbook(database, admin, revoked, TODAY).ok
    undone = write_book(
        tmp_path / "u.xlsx", {"Clients": [client("C-1")], "Consents": [consent("C-1")]}
    )
    result = import_workbook(database, admin, undone, TODAY, update=True)
    assert lines(result) == [
        "Consents!2 revoked_on: this consent was revoked on 2026-01-01; a revocation cannot "
        "be undone"
    ]
    assert stored(database)["C-1"][0][4] == dt.date(2026, 1, 1)


def test_consent_share_yes_adds_nothing_to_a_client_who_has_consents_stored(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    first = write_book(
        tmp_path / "first.xlsx",
        {"Clients": [client("C-1", consent_share="no")], "Consents": [consent("C-1")]},
    )
    assert import_workbook(database, admin, first, TODAY).ok
    flag_only = write_book(
        tmp_path / "flag.xlsx", {"Clients": [client("C-1", consent_share="yes")]}
    )
    assert import_workbook(database, admin, flag_only, TODAY, update=True).ok
    assert len(stored(database)["C-1"]) == 1
