"""Plain, immutable inputs of the rules: what staff recorded, nothing derived.

Field names are the column names of the database and of the exchange workbook
(DESIGN.md), so a row maps onto a fact without a translation table. Booleans
may be None: the question was not answered, which the rules treat as unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


# Not frozen: a whole agency builds about a million of these, and a frozen
# dataclass's __init__ is ~3.5x slower. Treat them as read-only all the same.
@dataclass(slots=True)
class SubstanceFacts:
    """One substance record of one assessment (DOMAIN.md §1)."""

    substance_class: str
    primary: bool = False
    criteria: frozenset[str] = frozenset()
    criteria_last_met_on: date | None = None
    use_days_28: int | None = None


@dataclass(slots=True)  # not frozen, for speed: see SubstanceFacts
class AssessmentFacts:
    """One assessment; only `completed` ones carry answers and count for status."""

    assessed_on: date
    kind: str
    contact_status: str = "completed"
    last_use_on: date | None = None
    injecting_days_28: int | None = None
    shared_equipment: bool | None = None
    offending_days_28: int | None = None
    work_days_28: int | None = None
    housing_problem: bool | None = None
    psych_health: int | None = None
    physical_health: int | None = None
    quality_of_life: int | None = None
    medication: str | None = None
    medication_as_prescribed: bool | None = None
    controlled_environment: str | None = None
    # The ten BARC-10 items in order, or None when the block was skipped.
    barc10: tuple[int, ...] | None = None
    goal: str | None = None
    self_identified_recovery: str | None = None
    prior_recovery_attempts: int | None = None
    substances: tuple[SubstanceFacts, ...] = ()


@dataclass(slots=True)  # not frozen, for speed: see SubstanceFacts
class EventFacts:
    """A dated event (DOMAIN.md §1), `count` times on that day."""

    occurred_on: date
    event: str
    count: int = 1


@dataclass(frozen=True, slots=True)
class ClientHistory:
    """Everything the rules read about one client.

    `assessments` and `events` are sorted by date; the rules rely on it and do
    not sort again, so a whole agency is classified without re-sorting.
    """

    client_id: int
    client_code: str
    birth_date: date | None = None
    assessments: tuple[AssessmentFacts, ...] = ()
    events: tuple[EventFacts, ...] = ()
    postal_code: str | None = None
    # Coded answers about the person, for the de-identified rows; no rule reads them.
    sex_at_birth: str | None = None
    gender: str | None = None
    race: str | None = None
    ethnicity: str | None = None


DEATH_EVENT = "death"
DECEASED_CONTACT = "deceased"


def death_date(history: ClientHistory) -> date | None:
    """When the client died, by the one definition every report uses (DOMAIN.md §8): the
    earliest `death` event or `deceased` contact. A later record of either is the same
    death recorded again."""
    found = None
    for e in history.events:
        if e.event == DEATH_EVENT:
            found = e.occurred_on
            break
    for a in history.assessments:
        if a.contact_status == DECEASED_CONTACT:
            if found is None or a.assessed_on < found:
                found = a.assessed_on
            break
    return found


@dataclass(frozen=True, slots=True)
class EncounterFacts:
    """A harm-reduction encounter (programme tallies), possibly anonymous."""

    occurred_on: date
    area: str | None = None
    client_id: int | None = None
    naloxone_kits: int = 0
    reversals_reported: int = 0
    syringes_out: int = 0
    syringes_returned: int = 0
    test_strips: int = 0
    hiv_tests: int = 0
    hcv_tests: int = 0
    referrals: int = 0
