"""Agency settings, stored as JSON under a key, with the defaults a new agency starts from."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit
from db.access import Actor, Permission
from db.models import Setting


@dataclass(frozen=True)
class AgencySettings:
    agency_name: str = "Our agency"
    client_code_prefix: str = "C-"
    followup_months: tuple[int, ...] = (3, 6, 12)
    suppression_threshold: int = 11
    paper_size: str = "letter"  # or "a4"
    idle_lock_minutes: int = 15
    state: str = ""  # the only geography a de-identified file may carry
    # Automatic backups (db/backups.py): the folder ("" = `backups` beside the database,
    # or a second disk) and how many of the newest daily, weekly and monthly ones to keep.
    backup_folder: str = ""
    keep_daily: int = 7
    keep_weekly: int = 4
    keep_monthly: int = 12
    # Access (forms/accounts.py, forms/passwords.py): the shortest password allowed, and
    # how many failed sign-ins within how many minutes lock a user name.
    password_min_length: int = 15
    sign_in_attempts: int = 5
    sign_in_window_minutes: int = 15
    # Corrections (forms/corrections.py): for how many days front desk may correct or void
    # what they entered themselves; managers and administrators may correct any record.
    correction_grace_days: int = 7
    # Stewardship (reports/tables/stewardship.py): what one unit of a supply costs the
    # agency, in cents of its own currency. None until the agency enters it: there is no
    # price list, and a cost nobody entered is never printed as 0.
    cost_naloxone_kit: int | None = None
    cost_syringe: int | None = None
    cost_test_strip: int | None = None
    cost_hiv_test: int | None = None
    cost_hcv_test: int | None = None
    # The language of the monthly PDF and the funder workbook ("en" or "es"), whatever
    # language each person's screens speak: a funder reads one language.
    report_language: str = "en"


# The encounter tallies that are supplies or tests handed out, and the setting that holds
# the unit cost of each (DOMAIN.md §1, Encounters).
SUPPLY_COSTS: dict[str, str] = {
    "naloxone_kits": "cost_naloxone_kit",
    "syringes_out": "cost_syringe",
    "test_strips": "cost_test_strip",
    "hiv_tests": "cost_hiv_test",
    "hcv_tests": "cost_hcv_test",
}


def unit_costs(settings: AgencySettings) -> dict[str, int | None]:
    """Each supply tally's unit cost in cents, None where the agency entered none."""
    return {tally: getattr(settings, key) for tally, key in SUPPLY_COSTS.items()}


def load(session: Session) -> AgencySettings:
    stored = {row.key: json.loads(row.value) for row in session.scalars(select(Setting))}
    known = {f.name for f in fields(AgencySettings)}
    values: dict[str, Any] = {k: v for k, v in stored.items() if k in known}
    if "followup_months" in values:
        values["followup_months"] = tuple(values["followup_months"])
    return replace(AgencySettings(), **values)


def save(session: Session, actor: Actor, settings: AgencySettings) -> None:
    actor.require(Permission.SETTINGS)
    before = asdict(load(session))
    for key, value in asdict(settings).items():
        encoded = json.dumps(list(value) if isinstance(value, tuple) else value)
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=encoded))
        else:
            row.value = encoded
    audit.record(session, actor, "update", "settings", None, before=before, after=asdict(settings))
