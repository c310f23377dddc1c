"""The client progress summary PDF: what the client reads on it, one page, and who may
receive it (DOMAIN.md §9): the client's own copy audited, a copy for anyone else only
under a covering consent, with the 42 CFR 2.32 notice and a line in the disclosure log."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from db import disclosures
from db.access import PermissionDenied
from db.engine import Database
from db.models import AuditEntry
from forms import records
from forms.consents import Recipient, record_consent
from forms.validation import ValidationFailed
from reports.outputs.progress_summary import write_progress_summary
from tests.accounts import signed_in

TODAY = dt.date(2026, 11, 27)
SIX = "larger_longer;cut_down;time_spent;role_failure;social_problems;activities_given_up"
DOCTOR = Recipient("named_recipient", "Dr Ana Ruiz")
STIGMA = ("addict", "abuser", "clean", "dirty", "relapse", "junkie", "alcoholic")


def _interview(on: str, kind: str, qol: int) -> dict[str, object]:
    return {
        "assessed_on": on,
        "kind": kind,
        "contact_status": "completed",
        "psych_health": 10,
        "physical_health": 12,
        "quality_of_life": qol,
        "offending_days_28": 0,
        "goal": "reduction",
    }


def _client(database: Database) -> int:
    admin = signed_in(database, "admin")
    raw = {
        "client_code": "RD-7",
        "given_name": "Rosa",
        "family_name": "Martín",
        "birth_date": "1980-04-04",
    }
    cid = records.create_client(database, admin, raw, TODAY)
    opioid = {"substance_class": "opioid", "primary": "yes"}
    records.add_assessment(
        database,
        admin,
        cid,
        _interview("2026-01-10", "intake", 8),
        [{**opioid, "criteria": SIX}],
        TODAY,
    )
    records.add_assessment(
        database, admin, cid, _interview("2026-07-10", "follow_up", 13), [opioid], TODAY
    )
    return cid


def _out(tmp_path: Path) -> Path:
    """The folder the PDFs go to (the database's files are beside it)."""
    folder = tmp_path / "out"
    folder.mkdir(exist_ok=True)
    return folder


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _audit(database: Database) -> list[dict[str, object]]:
    with database.reading() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.action == "export"))
        return [json.loads(r.after) if isinstance(r.after, str) else dict(r.after) for r in rows]


def test_the_clients_own_copy_says_the_goal_the_progress_and_the_milestones(
    database: Database, tmp_path: Path
) -> None:
    cid = _client(database)
    desk = signed_in(database, "front_desk")
    target = _out(tmp_path) / "progress.pdf"
    done = write_progress_summary(database, desk, " RD-7 ", target, TODAY)
    assert done.recipient is None and done.disclosure_id is None
    printed = " ".join(_text(target).split())
    assert "Goal: Reduction" in printed
    # B = 2026-01-10; at the interview of 2026-07-10, 6 months without criteria.
    assert (
        "In early remission from opioids since 2026-01-10: no criteria but craving for 6 months"
        in printed
    )
    assert "Quality of life up from 8 at intake to 13" in printed
    assert "Early remission from opioids, on 2026-04-10" in printed  # B + 3 months
    assert "Sustained remission from opioids on 2027-01-10" in printed  # B + 12 months
    assert "No BARC-10 recorded yet: it can be asked at the next follow-up" in printed
    assert "42 CFR" not in printed
    assert not set(printed.lower().replace(",", " ").split()) & set(STIGMA)
    assert _pages(target) == 1
    [row] = _audit(database)
    assert row["copy_for"] == "the client" and row["file"] == "progress.pdf"
    with database.reading() as session:
        assert disclosures.for_client(session, cid) == []


def test_a_copy_for_someone_else_without_consent_is_refused_and_nothing_is_written(
    database: Database, tmp_path: Path
) -> None:
    _client(database)
    manager = signed_in(database, "manager")
    target = _out(tmp_path) / "for-doctor.pdf"
    with pytest.raises(ValidationFailed) as refused:
        write_progress_summary(database, manager, "RD-7", target, TODAY, DOCTOR)
    assert str(refused.value) == (
        "Recipient: no consent of RD-7 covers Dr Ana Ruiz on 2026-11-27 (the client has no"
        " consent recorded); nothing was written"
    )
    assert list((tmp_path / "out").iterdir()) == [] and _audit(database) == []


def test_a_copy_under_consent_carries_the_notice_and_is_in_the_disclosure_log(
    database: Database, tmp_path: Path
) -> None:
    cid = _client(database)
    admin = signed_in(database, "admin")
    consent = {"scope": "named_recipient", "recipient": "dr ana  ruiz", "signed_on": "2026-10-01"}
    record_consent(database, admin, cid, consent, TODAY)
    manager = signed_in(database, "manager")
    target = _out(tmp_path) / "for-doctor.pdf"
    done = write_progress_summary(database, manager, "RD-7", target, TODAY, DOCTOR)
    printed = " ".join(_text(target).split())
    assert "Disclosed to Dr Ana Ruiz on 2026-11-27 under the client's written consent." in printed
    assert "protected by Federal confidentiality rules (42 CFR part 2)" in printed
    with database.reading() as session:
        [logged] = disclosures.for_client(session, cid)
    assert (logged.recipient, logged.what, logged.file_name) == (
        "Dr Ana Ruiz",
        "progress summary",
        "for-doctor.pdf",
    )
    assert done.disclosure_id is not None
    assert _audit(database)[-1]["recipient"] == "Dr Ana Ruiz"


def test_front_desk_may_hand_the_client_a_copy_but_not_disclose_it(
    database: Database, tmp_path: Path
) -> None:
    _client(database)
    desk = signed_in(database, "front_desk")
    with pytest.raises(PermissionDenied):
        write_progress_summary(database, desk, "RD-7", _out(tmp_path) / "x.pdf", TODAY, DOCTOR)
    assert list((tmp_path / "out").iterdir()) == []


def test_an_unknown_code_is_named_and_nothing_is_written(
    database: Database, tmp_path: Path
) -> None:
    desk = signed_in(database, "front_desk")
    with pytest.raises(ValidationFailed, match="Client: no client has the code 'RD-404'"):
        write_progress_summary(database, desk, "RD-404", _out(tmp_path) / "x.pdf", TODAY)
    assert list((tmp_path / "out").iterdir()) == []


def test_a_copy_for_a_purpose_names_the_purpose_as_the_screens_do(
    database: Database, tmp_path: Path
) -> None:
    # The line reads the purpose's name from forms.vocabulary, the table the disclosure
    # list on the client's page reads too ("Health-care operations" there).
    cid = _client(database)
    admin = signed_in(database, "admin")
    consent = {"scope": "treatment_payment_operations", "signed_on": "2026-10-01"}
    record_consent(database, admin, cid, consent, TODAY)
    manager = signed_in(database, "manager")
    target = _out(tmp_path) / "for-billing.pdf"
    recipient = Recipient("operations", "Riverside Billing")
    write_progress_summary(database, manager, "RD-7", target, TODAY, recipient)
    printed = " ".join(_text(target).split())
    assert (
        "Disclosed to Riverside Billing for health-care operations on 2026-11-27 under the"
        " client's written consent." in printed
    )


def test_a_discharged_clients_copy_lists_no_milestone_ahead_and_keeps_the_hope(
    database: Database, tmp_path: Path
) -> None:
    cid = _client(database)
    admin = signed_in(database, "admin")
    discharge = {**_interview("2026-08-01", "discharge", 13), "discharge_reason": "completed"}
    opioid = {"substance_class": "opioid", "primary": "yes"}
    records.add_assessment(database, admin, cid, discharge, [opioid], TODAY)
    target = _out(tmp_path) / "progress.pdf"
    write_progress_summary(database, signed_in(database, "front_desk"), "RD-7", target, TODAY)
    printed = " ".join(_text(target).split())
    # What was reached stays: early remission at B + 3 months (B = 2026-01-10).
    assert "Early remission from opioids, on 2026-04-10" in printed
    # Sustained remission at B + 12 = 2027-01-10 would need a follow-up: none is planned.
    assert "Sustained remission from opioids on 2027-01-10" not in printed
    assert "the interview on or after that day confirms it" not in printed
    assert (
        "No interview is planned after the discharge of 2026-08-01, so no milestone ahead is"
        " listed. Full recovery stays the hope: if the client returns, a re-entry intake"
        " starts the path again" in printed
    )


def test_a_new_clients_copy_asks_for_the_intake_once(database: Database, tmp_path: Path) -> None:
    admin = signed_in(database, "admin")
    raw = {"client_code": "RD-8", "given_name": "Nell", "family_name": "Ng"}
    records.create_client(database, admin, {**raw, "birth_date": "1990-02-03"}, TODAY)
    target = _out(tmp_path) / "progress.pdf"
    write_progress_summary(database, signed_in(database, "front_desk"), "RD-8", target, TODAY)
    printed = " ".join(_text(target).split())
    assert printed.count("No completed interview yet") == 1
    assert "No completed interview yet: the intake is the next step" in printed
