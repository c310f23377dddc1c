"""The full exchange export: lossless round trip, the public column contract, consent, safety."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from db.access import Actor, PermissionDenied
from db.demo import build_demo
from db.engine import Database
from db.jobs import Cancelled
from db.models import AuditEntry
from db.startup import open_database
from forms import consents, records
from forms.consents import Recipient
from forms.exchange import IGNORED_ON_IMPORT, RECOVERY_STATUS
from forms.importer import import_workbook
from reports.outputs import exchange_export
from reports.outputs.exchange_export import export_workbook
from reports.outputs.exchange_template import write_template
from reports.rules import recovery, remission
from tests.accounts import signed_in

AS_OF = dt.date(2026, 11, 27)
# DESIGN.md "The exchange workbook": a public contract, copied here on purpose.
CONTRACT = {
    "Clients": "client_code given_name family_name preferred_name birth_date sex_at_birth gender "
    "race ethnicity postal_code phone consent_contact consent_share",
    "Assessments": "client_code assessed_on kind contact_status last_use_on injecting_days_28 "
    "shared_equipment offending_days_28 work_days_28 housing_problem "
    "psych_health physical_health quality_of_life medication "
    "medication_as_prescribed controlled_environment "
    + " ".join(f"barc10_{i}" for i in range(1, 11))
    + " goal self_identified_recovery prior_recovery_attempts discharge_reason discharge_note",
    "Substances": "client_code assessed_on substance_class primary criteria "
    "criteria_last_met_on use_days_28",
    "Events": "client_code occurred_on event count",
    "Encounters": "occurred_on client_code area naloxone_kits reversals_reported syringes_out "
    "syringes_returned test_strips hiv_tests hcv_tests referrals referrals_treatment "
    "referrals_mental_health referrals_medical referrals_housing referrals_other_social "
    "referrals_other",
    "RecoveryStatus": "client_code as_of substance_class primary dsm_status remission_type "
    "severity controlled_environment maintenance_therapy sobriety "
    "recovery_status recovery_timeframe remission_episodes recurrences "
    "recovery_attempts harm_self harm_others harm_community ahi",
    "Consents": "client_code scope recipient signed_on expires_on revoked_on note",
}
TREATMENT = Recipient("treatment", "Riverside Clinic")


def sheets(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(path, read_only=True)
    try:
        return {
            name: [tuple(r) for r in book[name].iter_rows(values_only=True)]
            for name in book.sheetnames
        }
    finally:
        book.close()


def without_timestamp(book: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
    notice = [row for row in book["Notice"] if row[0] != "generated_at"]
    assert len(notice) == len(book["Notice"]) - 1
    return {**book, "Notice": notice}


def client(code: str, **values: object) -> dict[str, object]:
    return {
        "client_code": code,
        "given_name": "Ana",
        "family_name": "Ruiz",
        "birth_date": "1980-06-01",
        **values,
    }


def consenting(database: Database, actor: Actor, raw: dict[str, object], today: dt.date) -> int:
    """A client with a treatment, payment and operations consent signed at registration."""
    cid = records.create_client(database, actor, raw, today)
    tpo = {"scope": "treatment_payment_operations", "signed_on": "2024-01-02"}
    consents.record_consent(database, actor, cid, tpo, today)
    return cid


def test_demo_agency_export_import_export_gives_the_same_workbook(
    any_database: Database, admin: Actor, tmp_path: Path
) -> None:
    # From a SQLite agency into an empty database of each kind, and out again.
    demo = open_database(str(tmp_path / "demo.sqlite3"))
    build_demo(demo, 40, 5, today=AS_OF)
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    summary = export_workbook(demo, signed_in(demo), first, AS_OF, all_clients=True, today=AS_OF)
    demo.dispose()
    assert summary.clients == 40 and summary.left_out == 0
    result = import_workbook(any_database, admin, first, AS_OF)
    assert result.ok, [str(p) for p in result.problems[:5]]
    export_workbook(any_database, admin, second, AS_OF, all_clients=True, today=AS_OF)
    a, b = without_timestamp(sheets(first)), without_timestamp(sheets(second))
    assert list(a) == [
        "Clients",
        "Assessments",
        "Substances",
        "Events",
        "Encounters",
        "Consents",
        "RecoveryStatus",
        "Dictionary",
        "Notice",
    ]
    for name in a:
        assert a[name] == b[name], name
    assert all(len(a[name]) > 1 for name in a)


def test_sheet_names_and_columns_are_the_published_contract(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    export_workbook(database, admin, tmp_path / "x.xlsx", AS_OF, recipient=TREATMENT)
    book = sheets(tmp_path / "x.xlsx")
    for name, keys in CONTRACT.items():
        assert list(book[name][0]) == keys.split(), name
    described = {(row[0], row[1]) for row in book["Dictionary"][1:]}
    assert described == {(name, key) for name, keys in CONTRACT.items() for key in keys.split()}
    assert {"RecoveryStatus", "Dictionary", "Notice"} <= IGNORED_ON_IMPORT


def test_recovery_status_codes_are_the_values_the_rules_return() -> None:
    codes = {f.key: set(f.code_values) for f in RECOVERY_STATUS.fields}
    assert codes["dsm_status"] == {
        remission.NO_DIAGNOSIS,
        remission.ACTIVE,
        remission.EARLY_REMISSION,
        remission.SUSTAINED_REMISSION,
        remission.UNKNOWN,
        remission.DECEASED,
    }
    assert codes["remission_type"] == {remission.FULL, remission.PARTIAL}
    assert codes["severity"] == {band for _, band in remission.SEVERITY_BANDS}
    assert codes["sobriety"] == {
        recovery.NO_SOBRIETY,
        recovery.EARLY,
        recovery.SUSTAINED,
        recovery.STABLE,
        recovery.UNKNOWN,
    }
    assert codes["recovery_status"] == {
        recovery.FULL_RECOVERY,
        recovery.PARTIAL_RECOVERY,
        recovery.NO_IMPROVEMENT,
        recovery.NOT_APPLICABLE,
        recovery.UNKNOWN,
    }
    assert codes["recovery_timeframe"] == {recovery.EARLY, recovery.SUSTAINED, recovery.STABLE}


def test_worked_case_1_reads_early_full_remission_with_its_harm(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    cid = consenting(database, admin, client("C-1"), today)
    severe = "larger_longer;cut_down;time_spent;craving;role_failure;withdrawal"
    records.add_assessment(
        database,
        admin,
        cid,
        {
            "assessed_on": "2024-01-15",
            "kind": "intake",
            "contact_status": "completed",
            "psych_health": 8,
            "physical_health": 9,
            "quality_of_life": 7,
            "housing_problem": "yes",
        },
        [{"substance_class": "opioid", "primary": "yes", "criteria": severe}],
        today,
    )
    records.add_assessment(
        database,
        admin,
        cid,
        {
            "assessed_on": "2024-04-15",
            "kind": "follow_up",
            "contact_status": "completed",
            "psych_health": 10,
            "physical_health": 10,
            "quality_of_life": 9,
        },
        [{"substance_class": "opioid", "primary": "yes", "criteria": ""}],
        today,
    )
    records.add_event(database, admin, cid, {"occurred_on": "2024-03-01", "event": "arrest"}, today)
    export_workbook(database, admin, tmp_path / "s.xlsx", dt.date(2024, 4, 15), recipient=TREATMENT)
    rows = sheets(tmp_path / "s.xlsx")["RecoveryStatus"]
    status = dict(zip(rows[0], rows[1], strict=True))
    assert len(rows) == 2
    assert {
        k: status[k]
        for k in (
            "substance_class",
            "primary",
            "dsm_status",
            "remission_type",
            "severity",
            "harm_self",
            "harm_community",
            "ahi",
        )
    } == {
        "substance_class": "opioid",
        "primary": "yes",
        "dsm_status": "early_remission",
        "remission_type": "full",
        "severity": "severe",
        "harm_self": 0,
        "harm_community": 1,
        "ahi": 6.7,
    }


def test_only_managers_export_identified_data_and_only_admins_everyone(
    database: Database, front_desk: Actor, tmp_path: Path
) -> None:
    manager = signed_in(database, "manager")
    with pytest.raises(PermissionDenied, match="front desk may not export identified data"):
        export_workbook(database, front_desk, tmp_path / "x.xlsx", AS_OF, recipient=TREATMENT)
    with pytest.raises(PermissionDenied):
        export_workbook(database, manager, tmp_path / "x.xlsx", AS_OF, all_clients=True)
    assert not (tmp_path / "x.xlsx").exists()
    export_workbook(database, manager, tmp_path / "x.xlsx", AS_OF, recipient=TREATMENT)
    assert (tmp_path / "x.xlsx").exists()


def test_formula_like_names_come_back_as_text_and_dates_as_dates(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    consenting(
        database,
        admin,
        client("C-1", given_name='=HYPERLINK("x")', family_name="+1+1", preferred_name="@SUM(A1)"),
        today,
    )
    export_workbook(database, admin, tmp_path / "f.xlsx", AS_OF, recipient=TREATMENT)
    ws = load_workbook(tmp_path / "f.xlsx")["Clients"]
    names = [ws.cell(2, col) for col in (2, 3, 4)]
    assert [c.value for c in names] == ['=HYPERLINK("x")', "+1+1", "@SUM(A1)"]
    assert {c.data_type for c in names} == {"s"}
    born = ws.cell(2, 5)
    assert born.value == dt.datetime(1980, 6, 1) and born.number_format == "yyyy-mm-dd"
    assert ws.freeze_panes == "A2" and ws.column_dimensions["B"].width >= 12


def test_a_cancelled_export_leaves_the_earlier_file_and_no_debris(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    consenting(database, admin, client("C-1"), today)
    out = tmp_path / "out"
    out.mkdir()
    (out / "data.xlsx").write_bytes(b"last month's export")
    with pytest.raises(Cancelled):
        export_workbook(
            database, admin, out / "data.xlsx", AS_OF, recipient=TREATMENT, cancelled=lambda: True
        )
    assert [p.name for p in out.iterdir()] == ["data.xlsx"]
    assert (out / "data.xlsx").read_bytes() == b"last month's export"
    with database.reading() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all() == []


def test_the_template_has_drop_downs_on_every_coded_column_and_imports(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    write_template(tmp_path / "t.xlsx")
    book = load_workbook(tmp_path / "t.xlsx")
    assert book.sheetnames == [
        "Clients",
        "Assessments",
        "Substances",
        "Events",
        "Encounters",
        "Consents",
        "Dictionary",
        "Lists",
    ]
    assert book["Lists"].sheet_state == "hidden"
    clients = book["Clients"]
    rules = {
        str(rule.sqref).split(":")[0]: rule.formula1
        for rule in clients.data_validations.dataValidation
        if rule.type == "list"
    }
    assert set(rules) == {"F2", "G2", "H2", "I2", "L2", "M2"}  # the codes and the yes/no
    lists = book["Lists"]
    gender_range = rules["G2"].split("!")[1].replace("$", "")
    assert [c.value for row in lists[gender_range] for c in row] == [
        "woman",
        "man",
        "non_binary",
        "transgender_woman",
        "transgender_man",
        "other",
        "declined",
    ]
    clients.append(["C-1", "Ana", "Ruiz", None, "1980-06-01", "female"])
    book.save(tmp_path / "filled.xlsx")
    assert import_workbook(database, admin, tmp_path / "filled.xlsx", today).ok


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


@pytest.mark.parametrize("page", [exchange_export.PAGE_CLIENTS, 7])
def test_recovery_status_sheet_says_what_the_classifier_says_for_every_client_and_class(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: int
) -> None:
    """Every row of the sheet against `classify` run on the client's history as the
    reports load it (not the export's own rows): the yes/no columns above all, which
    once read yes on every row. In one page, and in pages of 7 clients."""
    from reports.datasets.histories import load_histories

    monkeypatch.setattr(exchange_export, "PAGE_CLIENTS", page)
    demo = open_database(str(tmp_path / "demo.sqlite3"))
    build_demo(demo, 120, 11, today=AS_OF)
    target = tmp_path / "status.xlsx"
    export_workbook(demo, signed_in(demo, "admin"), target, AS_OF, all_clients=True)
    rows = sheets(target)["RecoveryStatus"]
    header, body = rows[0], rows[1:]
    col = {key: header.index(key) for key in header}
    printed = {
        (r[col["client_code"]], r[col["substance_class"]]): {
            k: r[col[k]]
            for k in ("primary", "dsm_status", "controlled_environment", "maintenance_therapy")
        }
        for r in body
    }
    expected = {}
    with demo.reading() as session:
        for history in load_histories(session):
            statuses = recovery.classify(history, AS_OF) or [
                recovery.primary_status(history, AS_OF)
            ]
            for s in statuses:
                expected[(history.client_code, s.substance_class)] = {
                    "primary": _yes_no(s.primary),
                    "dsm_status": s.dsm_status,
                    "controlled_environment": _yes_no(s.controlled_environment),
                    "maintenance_therapy": _yes_no(s.maintenance_therapy),
                }
        codes = [h.client_code for h in load_histories(session)]  # in id order
    demo.dispose()
    assert printed == expected
    assert [r[0] for r in sheets(target)["Clients"][1:]] == codes
    # The demo holds every kind: each yes/no column says both.
    for key in ("primary", "controlled_environment", "maintenance_therapy"):
        assert {v[key] for v in printed.values()} == {"yes", "no"}, key


SIX_CRITERIA = "larger_longer;cut_down;craving;withdrawal;tolerance;role_failure"


def _status_sheet(path: Path) -> dict[tuple[object, object], dict[str, object]]:
    rows = sheets(path)["RecoveryStatus"]
    return {(r[0], r[2]): dict(zip(rows[0], r, strict=True)) for r in rows[1:]}


def test_recovery_status_sheet_at_the_183_day_edge_after_a_death_and_without_a_record(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    """Worked by hand (DOMAIN.md §2-§4): an intake with six criteria on 2026-01-10 is
    active and severe through its 183rd day, 2026-07-12, and unknown from the 184th,
    keeping its counts; a client who died before the as-of date is deceased; a client
    with no substance record has one row without a class, unknown."""
    today = dt.date(2026, 11, 27)
    intake = {"kind": "intake", "contact_status": "completed", "psych_health": 8}
    intake.update(physical_health=9, quality_of_life=7)
    opioid = [{"substance_class": "opioid", "primary": "yes", "criteria": SIX_CRITERIA}]
    active = records.create_client(database, admin, client("A-1"), today)
    records.add_assessment(
        database, admin, active, {**intake, "assessed_on": "2026-01-10"}, opioid, today
    )
    died = records.create_client(database, admin, client("D-1"), today)
    records.add_assessment(
        database, admin, died, {**intake, "assessed_on": "2026-02-01"}, opioid, today
    )
    records.add_event(database, admin, died, {"occurred_on": "2026-05-04", "event": "death"}, today)
    records.create_client(database, admin, client("N-1"), today)

    export_workbook(database, admin, tmp_path / "183.xlsx", dt.date(2026, 7, 12), all_clients=True)
    export_workbook(database, admin, tmp_path / "184.xlsx", dt.date(2026, 7, 13), all_clients=True)
    on_183, on_184 = _status_sheet(tmp_path / "183.xlsx"), _status_sheet(tmp_path / "184.xlsx")

    assert set(on_183) == set(on_184) == {("A-1", "opioid"), ("D-1", "opioid"), ("N-1", None)}
    known = on_183[("A-1", "opioid")]
    assert (known["primary"], known["dsm_status"], known["severity"]) == (
        "yes",
        "active",
        "severe",
    )
    lapsed = on_184[("A-1", "opioid")]
    assert (lapsed["dsm_status"], lapsed["severity"], lapsed["recovery_status"]) == (
        "unknown",
        None,
        "unknown",
    )
    assert (lapsed["remission_episodes"], lapsed["recurrences"]) == (0, 0)
    for sheet in (on_183, on_184):
        dead = sheet[("D-1", "opioid")]
        assert (dead["dsm_status"], dead["recovery_status"]) == ("deceased", "not_applicable")
        nothing = sheet[("N-1", None)]
        assert (nothing["dsm_status"], nothing["primary"]) == ("unknown", "no")
