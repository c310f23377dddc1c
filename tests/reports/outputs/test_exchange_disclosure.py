"""An identified export is a disclosure: only clients whose consent covers the recipient on
the day are named, the workbook carries the §2.32 notice and the consents it was made under,
and the disclosure log lists it in the same transaction as its audit row."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from db import audit
from db.access import Actor, PermissionDenied
from db.engine import Database
from db.jobs import Cancelled
from db.models import AuditEntry, Client, Disclosure, DisclosureClient
from forms import consents, records
from forms.consents import Recipient
from reports.outputs.exchange_export import export_workbook
from tests.accounts import signed_in

TODAY = dt.date(2026, 11, 27)
AS_OF = TODAY
COUNTY = Recipient("named_recipient", "County Health Dept")
# 42 CFR 2.32(a)(1), as amended by the 2024 final rule (89 FR 12472), typed out here on
# purpose: the test checks the workbook against the regulation, not against the code.
STATEMENT_1 = (
    "This record which has been disclosed to you is protected by Federal confidentiality "
    "rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, "
    "or testimony that describes the information contained in this record, in any civil, "
    "criminal, administrative, or legislative proceedings by any Federal, State, or local "
    "authority, against the patient, unless authorized by the consent of the patient, except "
    "as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR "
    "2.64 or 2.65. In addition, the Federal rules prohibit you from making any other use or "
    "disclosure of this record unless at least one of the following applies: (i) Further use "
    "or disclosure is expressly permitted by the written consent of the individual whose "
    "information is being disclosed in this record or as otherwise permitted by 42 CFR part "
    "2. (ii) You are a covered entity or business associate and have received the record for "
    "treatment, payment, or health care operations, or (iii) You have received the record "
    "from a covered entity or business associate as permitted by 45 CFR part 164, subparts A "
    "and E. A general authorization for the release of medical or other information is NOT "
    "sufficient to meet the required elements of written consent to further use or redisclose "
    "the record (see 42 CFR 2.31)."
)


def sheet(path: Path, name: str) -> list[tuple[Any, ...]]:
    book = load_workbook(path, read_only=True)
    try:
        rows = [tuple(r) for r in book[name].iter_rows(values_only=True)]
    finally:
        book.close()
    width = len(rows[0])  # a read-only sheet leaves out the empty cells that end a row
    return [row + (None,) * (width - len(row)) for row in rows]


def notice(path: Path) -> dict[str, Any]:
    return dict(row for row in sheet(path, "Notice")[1:])


def add(db: Database, actor: Actor, code: str, *signed: dict[str, str]) -> int:
    cid = records.create_client(
        db,
        actor,
        {"client_code": code, "given_name": "Ana", "family_name": code, "birth_date": "1980-06-01"},
        TODAY,
    )
    for raw in signed:
        revoked = raw.pop("revoked_on", None)
        consent_id = consents.record_consent(db, actor, cid, raw, TODAY)
        if revoked:
            consents.revoke_consent(db, actor, consent_id, {"revoked_on": revoked}, TODAY)
    return cid


def county(**extra: str) -> dict[str, str]:
    return {
        "scope": "named_recipient",
        "recipient": "County Health Dept",
        "signed_on": "2026-01-10",
        **extra,
    }


@pytest.fixture
def agency(any_database: Database, admin: Actor) -> dict[str, int]:
    db = any_database
    return {
        "C-1": add(
            db, admin, "C-1", {"scope": "treatment_payment_operations", "signed_on": "2025-03-01"}
        ),
        "C-2": add(db, admin, "C-2", county(expires_on="2027-01-09")),
        "C-3": add(db, admin, "C-3", county(revoked_on="2026-11-20")),
        "C-4": add(db, admin, "C-4", county(expires_on="2026-10-31")),
        "C-5": add(db, admin, "C-5"),
        "C-6": add(db, admin, "C-6", {"scope": "research", "signed_on": "2026-02-01"}),
    }


def disclosures(db: Database) -> list[tuple[Disclosure, set[int]]]:
    with db.reading() as s:
        found = list(s.scalars(select(Disclosure).order_by(Disclosure.id)))
        return [
            (
                d,
                set(
                    s.scalars(
                        select(DisclosureClient.client_id).where(
                            DisclosureClient.disclosure_id == d.id
                        )
                    )
                ),
            )
            for d in found
        ]


def export_audits(db: Database) -> list[dict[str, Any]]:
    with db.reading() as s:
        rows = s.scalars(select(AuditEntry.after).where(AuditEntry.action == "export")).all()
    return [json.loads(r or "{}") for r in rows]


def test_only_clients_whose_consent_covers_the_named_recipient_today_are_named(
    any_database: Database, admin: Actor, agency: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "county.xlsx"
    summary = export_workbook(any_database, admin, out, AS_OF, recipient=COUNTY, today=TODAY)
    clients = sheet(out, "Clients")
    assert [r[0] for r in clients[1:]] == ["C-2"]
    share = clients[0].index("consent_share")
    assert clients[1][share] == "yes"
    assert (summary.clients, summary.left_out) == (1, 5)
    assert summary.left_out_by == {"no_consent": 1, "other_scope": 2, "expired": 1, "revoked": 1}
    assert sheet(out, "Consents") == [
        ("client_code", "scope", "recipient", "signed_on", "expires_on", "revoked_on", "note"),
        (
            "C-2",
            "named_recipient",
            "County Health Dept",
            dt.datetime(2026, 1, 10),
            dt.datetime(2027, 1, 9),
            None,
            None,
        ),
    ]


@pytest.mark.parametrize(
    ("recipient", "listed"),
    [
        (Recipient("treatment", None), ["C-1"]),
        (Recipient("payment", "Medicaid plan"), ["C-1"]),
        (Recipient("research", "University study"), ["C-6"]),
        (Recipient("named_recipient", "county health dept"), ["C-2"]),
        (Recipient("named_recipient", "Probation Office"), []),
    ],
)
def test_each_purpose_lists_the_clients_its_consents_cover(
    any_database: Database,
    admin: Actor,
    agency: dict[str, int],
    tmp_path: Path,
    recipient: Recipient,
    listed: list[str],
) -> None:
    out = tmp_path / "x.xlsx"
    export_workbook(any_database, admin, out, AS_OF, recipient=recipient, today=TODAY)
    assert [r[0] for r in sheet(out, "Clients")[1:]] == listed


def test_the_workbook_carries_the_2_32_notice_and_says_to_whom_and_why(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    add(database, admin, "C-2", county())
    add(database, admin, "C-5")
    out = tmp_path / "n.xlsx"
    export_workbook(database, admin, out, AS_OF, recipient=COUNTY, today=TODAY)
    rows = notice(out)
    assert rows["notice"] == STATEMENT_1
    assert rows["disclosed_to"] == "County Health Dept"
    assert rows["purpose"] == "named_recipient"
    assert rows["disclosed_on"] == "2026-11-27"
    assert (rows["clients"], rows["clients_left_out"]) == (1, 1)
    assert "1 without any consent recorded" in rows["left_out_reasons"]
    assert "Consents sheet" in rows["consent"]


def test_encounters_of_a_client_left_out_keep_their_tallies_without_the_code(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    named = add(database, admin, "C-2", county())
    quiet = add(database, admin, "C-5")
    for cid, kits in ((named, 1), (quiet, 2)):
        records.add_encounter(
            database, admin, cid, {"occurred_on": "2024-02-01", "naloxone_kits": kits}, TODAY
        )
    out = tmp_path / "e.xlsx"
    export_workbook(database, admin, out, AS_OF, recipient=COUNTY, today=TODAY)
    assert [r[:4] for r in sheet(out, "Encounters")[1:]] == [
        (dt.datetime(2024, 2, 1), "C-2", None, 1),
        (dt.datetime(2024, 2, 1), None, None, 2),
    ]


def test_the_disclosure_is_logged_with_the_export_audit_row(
    any_database: Database, admin: Actor, agency: dict[str, int], tmp_path: Path
) -> None:
    export_workbook(
        any_database, admin, tmp_path / "county.xlsx", AS_OF, recipient=COUNTY, today=TODAY
    )
    ((logged, named),) = disclosures(any_database)
    assert (logged.purpose, logged.recipient, logged.username, logged.disclosed_on) == (
        "named_recipient",
        "County Health Dept",
        "test-admin",
        TODAY,
    )
    assert (logged.clients, logged.file_name) == (1, "county.xlsx")
    assert "Clients" in logged.what and "Consents" in logged.what
    assert named == {agency["C-2"]}
    (after,) = export_audits(any_database)
    assert after["recipient"] == "County Health Dept" and after["disclosure_id"] == logged.id
    listed = consents.client_disclosures(any_database, admin, agency["C-2"])
    assert [(e.recipient, e.disclosed_on) for e in listed] == [("County Health Dept", TODAY)]
    assert consents.client_disclosures(any_database, admin, agency["C-5"]) == []


def test_a_cancelled_or_failed_export_logs_no_disclosure(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    add(database, admin, "C-2", county())
    with pytest.raises(Cancelled):
        export_workbook(
            database,
            admin,
            tmp_path / "c.xlsx",
            AS_OF,
            recipient=COUNTY,
            today=TODAY,
            cancelled=lambda: True,
        )
    (tmp_path / "not-a-folder").write_text("")
    with pytest.raises(OSError):
        export_workbook(
            database,
            admin,
            tmp_path / "not-a-folder" / "c.xlsx",
            AS_OF,
            recipient=COUNTY,
            today=TODAY,
        )
    assert disclosures(database) == [] and export_audits(database) == []


def test_no_disclosure_is_logged_when_its_audit_row_cannot_be_written(
    database: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(database, admin, "C-2", county())
    original = audit.record

    def failing(session: Any, actor: Actor, action: str, *args: Any, **kw: Any) -> None:
        if action == "export":
            original(session, actor, action, *args, **kw)  # the row goes in, then the commit fails
            raise RuntimeError("database is full")
        original(session, actor, action, *args, **kw)

    monkeypatch.setattr(audit, "record", failing)
    with pytest.raises(RuntimeError, match="full"):
        export_workbook(database, admin, tmp_path / "a.xlsx", AS_OF, recipient=COUNTY, today=TODAY)
    monkeypatch.undo()
    assert disclosures(database) == [] and export_audits(database) == []


def test_an_internal_copy_lists_everyone_with_every_consent_and_is_logged_as_such(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    add(database, admin, "C-1", {**county(note="form in drawer 2"), "revoked_on": "2026-03-01"})
    add(database, admin, "C-5")
    out = tmp_path / "all.xlsx"
    summary = export_workbook(database, admin, out, AS_OF, all_clients=True, today=TODAY)
    assert (summary.clients, summary.left_out) == (2, 0)
    assert [r[0] for r in sheet(out, "Clients")[1:]] == ["C-1", "C-5"]
    consent_rows = sheet(out, "Consents")[1:]
    assert [(r[0], r[5], r[6]) for r in consent_rows] == [
        ("C-1", dt.datetime(2026, 3, 1), "form in drawer 2")
    ]
    ((logged, named),) = disclosures(database)
    assert (logged.purpose, logged.recipient, logged.clients) == (
        "internal_operations",
        "Our agency",
        2,
    )
    assert len(named) == 2
    rows = notice(out)
    assert rows["notice"] == STATEMENT_1 and "may not leave" in rows["scope"]


def test_an_export_says_to_whom_or_is_an_administrator_s_internal_copy(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="who receives"):
        export_workbook(database, admin, tmp_path / "x.xlsx", AS_OF, today=TODAY)
    with pytest.raises(ValueError, match="internal copy"):
        export_workbook(
            database, admin, tmp_path / "x.xlsx", AS_OF, recipient=COUNTY, all_clients=True
        )
    manager = signed_in(database, "manager")
    with pytest.raises(PermissionDenied, match="manager may not"):
        export_workbook(database, manager, tmp_path / "x.xlsx", AS_OF, all_clients=True)
    assert not (tmp_path / "x.xlsx").exists()


def test_merging_moves_consents_and_the_list_of_disclosures(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    keep = add(database, admin, "C-1")
    drop = add(database, admin, "C-2", county())
    export_workbook(database, admin, tmp_path / "c.xlsx", AS_OF, recipient=COUNTY, today=TODAY)
    with database.writing() as s:
        from db import clients

        clients.merge(s, admin, keep, drop)
    assert [c.scope for c in consents.client_consents(database, admin, keep)] == ["named_recipient"]
    assert len(consents.client_disclosures(database, admin, keep)) == 1
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 2


@pytest.mark.parametrize(
    ("recipient", "message"),
    [
        (Recipient("internal_operations", "Our agency"), "not a purpose an export may name"),
        (Recipient("marketing", "Ad agency"), "not a purpose an export may name"),
        (Recipient("named_recipient", None), "a named recipient needs its name"),
    ],
)
def test_a_recipient_built_by_hand_cannot_get_round_consent(
    database: Database, admin: Actor, tmp_path: Path, recipient: Recipient, message: str
) -> None:
    add(database, admin, "C-5")  # no consent at all
    manager = signed_in(database, "manager")
    with pytest.raises(ValueError, match=message):
        export_workbook(
            database, manager, tmp_path / "x.xlsx", AS_OF, recipient=recipient, today=TODAY
        )
    assert not (tmp_path / "x.xlsx").exists() and disclosures(database) == []
