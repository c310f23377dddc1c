"""Saving the agency's settings: every value checked and named when wrong, only an
administrator saves, and the settings and their audit row commit together."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db import audit
from db.access import Actor, PermissionDenied
from db.engine import Database
from db.models import AuditEntry
from forms.settings import SettingsError, load_settings, parse_points, save_settings
from tests.accounts import signed_in

GOOD: dict[str, Any] = {
    "agency_name": "  Harbour Street Project ",
    "client_code_prefix": "HS-",
    "followup_months": "12, 3 6",
    "suppression_threshold": 5,
    "paper_size": "a4",
    "idle_lock_minutes": "20",
    "state": "Oregon",
    "backup_folder": "",
    "keep_daily": 7,
    "keep_weekly": 4,
    "keep_monthly": 12,
    "password_min_length": 15,
    "sign_in_attempts": 5,
    "sign_in_window_minutes": 15,
    "correction_grace_days": 3,
    "report_language": "es",
}


def settings_rows(database: Database) -> list[AuditEntry]:
    with database.reading() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.entity == "settings"))
        return list(rows)


@pytest.mark.parametrize(("text", "points"), [("3,6,12", (3, 6, 12)), ("12 6 3 6", (3, 6, 12))])
def test_follow_up_points_are_read_leniently(text: str, points: tuple[int, ...]) -> None:
    assert parse_points(text) == points


@pytest.mark.parametrize("text", ["", "1, 6", "3, 600", "soon"])
def test_impossible_follow_up_points_are_refused(text: str) -> None:
    with pytest.raises(SettingsError) as refused:
        parse_points(text)
    assert refused.value.field == "followup_months"
    assert str(refused.value).startswith("Follow-up points (months):")


def test_an_administrator_saves_and_the_audit_row_says_what_changed(any_database: Database) -> None:
    admin = signed_in(any_database, "admin")
    save_settings(any_database, admin, GOOD)
    stored = load_settings(any_database)
    assert stored.agency_name == "Harbour Street Project"
    assert stored.followup_months == (3, 6, 12)
    assert (stored.paper_size, stored.idle_lock_minutes, stored.state) == ("a4", 20, "Oregon")
    assert stored.correction_grace_days == 3
    assert stored.report_language == "es"
    (row,) = settings_rows(any_database)
    assert (row.action, row.username) == ("update", admin.username)
    assert '"Harbour Street Project"' in (row.after or "")


def test_a_manager_may_not_save_settings(database: Database) -> None:
    manager = signed_in(database, "manager")
    with pytest.raises(PermissionDenied):
        save_settings(database, manager, GOOD)
    assert load_settings(database).agency_name == "Our agency"
    assert settings_rows(database) == []


@pytest.mark.parametrize(
    ("key", "value", "named"),
    [
        ("agency_name", "   ", "Agency name"),
        ("agency_name", "x" * 201, "Agency name"),
        ("client_code_prefix", "P" * 21, "Client code prefix"),
        ("followup_months", "3, six", "Follow-up points"),
        ("suppression_threshold", 0, "Suppress counts below"),
        ("suppression_threshold", "eleven", "Suppress counts below"),
        ("paper_size", "legal", "Paper size"),
        ("idle_lock_minutes", 241, "Lock after"),
        ("state", "S" * 41, "State"),
        ("keep_daily", 0, "Keep daily backups"),
        ("keep_weekly", 105, "Keep weekly backups"),
        ("keep_monthly", None, "Keep monthly backups"),
        ("password_min_length", 7, "Shortest password"),
        ("sign_in_attempts", 101, "Lock a user name after"),
        ("sign_in_window_minutes", 0, "Failed sign-ins counted within"),
        ("correction_grace_days", 366, "Front desk corrects own entries for"),
        ("backup_folder", "/no/such/folder/anywhere", "Backups folder"),
        ("report_language", "fr", "Language of reports"),
    ],
)
def test_a_bad_setting_is_named_and_nothing_is_written(
    database: Database, admin: Actor, key: str, value: object, named: str
) -> None:
    with pytest.raises(SettingsError) as refused:
        save_settings(database, admin, {**GOOD, key: value})
    assert refused.value.field == key
    assert str(refused.value).startswith(named)
    assert load_settings(database).agency_name == "Our agency"
    assert settings_rows(database) == []


def test_an_existing_backup_folder_is_kept(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    save_settings(database, admin, {**GOOD, "backup_folder": f" {tmp_path} "})
    assert load_settings(database).backup_folder == str(tmp_path)


def test_settings_are_not_saved_without_their_audit_row(
    database: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def audit_fails(*_args: object, **_kw: object) -> None:
        raise RuntimeError("the audit row could not be written")

    monkeypatch.setattr(audit, "record", audit_fails)
    with pytest.raises(RuntimeError):
        save_settings(database, admin, GOOD)
    assert load_settings(database).agency_name == "Our agency"


def test_unit_costs_are_kept_as_exact_cents_and_empty_ones_stay_unentered(
    database: Database, admin: Actor
) -> None:
    costs = {"cost_naloxone_kit": " 47.10 ", "cost_syringe": "0.1", "cost_test_strip": "2"}
    save_settings(database, admin, {**GOOD, **costs, "cost_hiv_test": ""})
    stored = load_settings(database)
    # 47.10 as a float is 47.099999...: cents must come out exact.
    assert (stored.cost_naloxone_kit, stored.cost_syringe, stored.cost_test_strip) == (
        4710,
        10,
        200,
    )
    assert (stored.cost_hiv_test, stored.cost_hcv_test) == (None, None)


def test_a_new_agency_has_no_unit_costs(database: Database) -> None:
    stored = load_settings(database)
    assert {stored.cost_naloxone_kit, stored.cost_syringe, stored.cost_hcv_test} == {None}


@pytest.mark.parametrize(
    ("key", "value", "named"),
    [
        ("cost_naloxone_kit", "twelve", "Cost of a naloxone kit"),
        ("cost_syringe", "0.125", "Cost of a syringe"),
        ("cost_test_strip", "-1.00", "Cost of a test strip"),
        ("cost_hiv_test", "10000.01", "Cost of an HIV test"),
        ("cost_hcv_test", "NaN", "Cost of an HCV test"),
        ("cost_hcv_test", "1,50", "Cost of an HCV test"),
    ],
)
def test_a_unit_cost_that_is_no_amount_is_named_and_nothing_is_written(
    database: Database, admin: Actor, key: str, value: str, named: str
) -> None:
    with pytest.raises(SettingsError) as refused:
        save_settings(database, admin, {**GOOD, "cost_syringe": "0.20", key: value})
    assert refused.value.field == key
    assert str(refused.value).startswith(f"{named}: write an amount such as 12.50")
    assert load_settings(database).cost_syringe is None
    assert settings_rows(database) == []


def test_reports_stay_in_english_until_a_language_is_chosen(database: Database) -> None:
    assert load_settings(database).report_language == "en"
    admin = signed_in(database, "admin")
    without = {k: v for k, v in GOOD.items() if k != "report_language"}
    assert save_settings(database, admin, without).report_language == "en"
