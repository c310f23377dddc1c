"""Agency settings: read them, and save what an administrator chose, every value checked.

`save_settings` takes the values as a screen or a command line has them (texts and
numbers), checks each one and names the setting at fault, checks the permission,
and writes the settings and their audit row in one transaction. db/settings.py
stores; the rules are here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path

from db import settings as stored
from db.access import Actor, Permission
from db.engine import Database
from db.settings import SUPPLY_COSTS, AgencySettings
from forms.account_language import LANGUAGES
from forms.fields import N_
from forms.passwords import LOWEST_MIN_LENGTH, MAX_LENGTH, AccountError, check_min_length

__all__ = [
    "COST_KEYS",
    "MAX_POINT_MONTHS",
    "MAX_UNIT_COST",
    "NUMBER_RANGES",
    "PAPER_SIZES",
    "REPORT_LANGUAGES",
    "AgencySettings",
    "SettingsError",
    "cost_text",
    "load_settings",
    "parse_cost",
    "parse_points",
    "read_settings",
    "save_settings",
]

MAX_POINT_MONTHS = 120
PAPER_SIZES = ("letter", "a4")
REPORT_LANGUAGES = LANGUAGES  # the monthly PDF and the funder workbook speak one of these
TEXT_LIMITS = {"agency_name": 200, "client_code_prefix": 20, "state": 40}
# The whole numbers a setting may take, lowest and highest (the screen's spin boxes too).
NUMBER_RANGES: dict[str, tuple[int, int]] = {
    "suppression_threshold": (1, 100),
    "idle_lock_minutes": (1, 240),
    "keep_daily": (1, 365),
    "keep_weekly": (1, 104),
    "keep_monthly": (1, 120),
    "password_min_length": (LOWEST_MIN_LENGTH, MAX_LENGTH),
    "sign_in_attempts": (1, 100),
    "sign_in_window_minutes": (1, 24 * 60),
    "correction_grace_days": (0, 365),
}
# The unit costs of supplies (db.settings.SUPPLY_COSTS), typed as amounts of money; the
# highest one a unit may cost, a bound against a slip of the keyboard.
COST_KEYS = tuple(SUPPLY_COSTS.values())
MAX_UNIT_COST = Decimal("10000.00")
LABELS = {
    "agency_name": N_("Agency name"),
    "client_code_prefix": N_("Client code prefix"),
    "followup_months": N_("Follow-up points (months)"),
    "suppression_threshold": N_("Suppress counts below"),
    "paper_size": N_("Paper size"),
    "report_language": N_("Language of reports"),
    "idle_lock_minutes": N_("Lock after (minutes)"),
    "state": N_("State"),
    "backup_folder": N_("Backups folder"),
    "keep_daily": N_("Keep daily backups"),
    "keep_weekly": N_("Keep weekly backups"),
    "keep_monthly": N_("Keep monthly backups"),
    "password_min_length": N_("Shortest password"),
    "sign_in_attempts": N_("Lock a user name after (failed sign-ins)"),
    "sign_in_window_minutes": N_("Failed sign-ins counted within (minutes)"),
    "correction_grace_days": N_("Front desk corrects own entries for (days)"),
    "cost_naloxone_kit": N_("Cost of a naloxone kit"),
    "cost_syringe": N_("Cost of a syringe"),
    "cost_test_strip": N_("Cost of a test strip"),
    "cost_hiv_test": N_("Cost of an HIV test"),
    "cost_hcv_test": N_("Cost of an HCV test"),
}


class SettingsError(ValueError):
    """One setting refused: `field` is its key, `template` the N_-marked message that
    `params` fill (`label` is the setting's N_-marked name)."""

    def __init__(self, field: str, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.field = field
        self.template = template
        self.params = params


def load_settings(database: Database) -> AgencySettings:
    """The agency's settings as they are stored now (defaults for what was never saved)."""
    with database.reading() as session:
        return stored.load(session)


def save_settings(database: Database, actor: Actor, raw: Mapping[str, object]) -> AgencySettings:
    """Check every value of `raw` (keys as AgencySettings names them), then store them
    and their audit row in one transaction. Raises SettingsError naming the setting at
    fault, or PermissionDenied; nothing is written then."""
    actor.require(Permission.SETTINGS)
    chosen = read_settings(raw)
    with database.writing() as session:
        stored.save(session, actor, chosen)
    return chosen


def read_settings(raw: Mapping[str, object]) -> AgencySettings:
    """Every setting checked and typed; SettingsError for the first one at fault."""
    name = _text(raw, "agency_name")
    if not name:
        raise SettingsError(
            "agency_name",
            N_("{label}: write the agency's name; reports print it."),
            label=LABELS["agency_name"],
        )
    numbers = {key: _number(raw, key) for key in NUMBER_RANGES}
    paper = _text(raw, "paper_size")
    if paper not in PAPER_SIZES:
        raise SettingsError(
            "paper_size", N_("{label}: choose letter or a4"), label=LABELS["paper_size"]
        )
    return AgencySettings(
        agency_name=name,
        client_code_prefix=_text(raw, "client_code_prefix"),
        followup_months=parse_points(str(raw.get("followup_months") or "")),
        paper_size=paper,
        report_language=_report_language(raw),
        state=_text(raw, "state"),
        backup_folder=_backup_folder(_text(raw, "backup_folder")),
        **numbers,
        cost_naloxone_kit=parse_cost("cost_naloxone_kit", raw.get("cost_naloxone_kit")),
        cost_syringe=parse_cost("cost_syringe", raw.get("cost_syringe")),
        cost_test_strip=parse_cost("cost_test_strip", raw.get("cost_test_strip")),
        cost_hiv_test=parse_cost("cost_hiv_test", raw.get("cost_hiv_test")),
        cost_hcv_test=parse_cost("cost_hcv_test", raw.get("cost_hcv_test")),
    )


def _report_language(raw: Mapping[str, object]) -> str:
    """The reports' language; an older caller that does not name one keeps English."""
    chosen = _text(raw, "report_language").lower() or "en"
    if chosen not in REPORT_LANGUAGES:
        raise SettingsError(
            "report_language",
            N_("{label}: choose one of {choices}"),
            label=LABELS["report_language"],
            choices=", ".join(REPORT_LANGUAGES),
        )
    return chosen


def parse_points(text: str) -> tuple[int, ...]:
    """'3, 6, 12' -> (3, 6, 12): whole months, each once, in order."""
    parts = [p for p in re.split(r"[,;\s]+", text.strip()) if p]
    if not parts or not all(p.isdigit() for p in parts):
        raise SettingsError(
            "followup_months",
            N_("{label}: write the months after intake as whole numbers, e.g. 3, 6, 12"),
            label=LABELS["followup_months"],
        )
    months = sorted({int(p) for p in parts})
    if months[0] < 2 or months[-1] > MAX_POINT_MONTHS:
        raise SettingsError(
            "followup_months",
            N_("{label}: follow-up points must be between 2 and {high} months"),
            label=LABELS["followup_months"],
            high=MAX_POINT_MONTHS,
        )
    return tuple(months)


def parse_cost(key: str, value: object) -> int | None:
    """A unit cost as typed ('12.50', '0.35', '3') -> whole cents, exactly; empty -> None
    (not entered). SettingsError naming the cost when it is no amount of money."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    amount = None if isinstance(value, bool | float) else _amount(text)
    if amount is None:
        raise SettingsError(
            key,
            N_("{label}: write an amount such as 12.50 (at most {high}), or leave it empty"),
            label=LABELS[key],
            high=f"{MAX_UNIT_COST:.2f}",
        )
    return int(amount * 100)


def _amount(text: str) -> Decimal | None:
    """`text` as an amount from 0 to MAX_UNIT_COST in whole cents, else None."""
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    if not amount.is_finite() or not 0 <= amount <= MAX_UNIT_COST:
        return None
    return amount if amount == amount.quantize(Decimal("0.01")) else None


def cost_text(cents: int | None) -> str:
    """Whole cents as the amount a person types: 1250 -> '12.50', None -> ''."""
    if cents is None:
        return ""
    return f"{cents // 100}.{cents % 100:02d}"


def _text(raw: Mapping[str, object], key: str) -> str:
    value = raw.get(key)
    text = "" if value is None else str(value).strip()
    most = TEXT_LIMITS.get(key)
    if most is not None and len(text) > most:
        raise SettingsError(
            key, N_("{label}: use at most {n} characters"), label=LABELS[key], n=most
        )
    return text


def _number(raw: Mapping[str, object], key: str) -> int:
    value = raw.get(key)
    low, high = NUMBER_RANGES[key]
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SettingsError(
            key,
            N_("{label}: write a whole number between {low} and {high}"),
            label=LABELS[key],
            low=low,
            high=high,
        )
    if key == "password_min_length":
        try:
            check_min_length(value)
        except AccountError as exc:
            raise SettingsError(exc.field, exc.template, **exc.params) from exc
    return value


def _backup_folder(text: str) -> str:
    if text and not Path(text).expanduser().is_dir():
        raise SettingsError(
            "backup_folder",
            N_("{label}: the folder {folder} does not exist"),
            label=LABELS["backup_folder"],
            folder=text,
        )
    return text
