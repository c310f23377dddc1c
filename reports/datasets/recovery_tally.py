"""The recovery tally of the monthly report: each client's headline status at the report
date (DOMAIN.md §2-§6), counted as section 3 and the trend print it.

Counted: clients whose headline (primary-class) status is known at the date,
that is with a completed assessment in the 183 days before it and alive. Every
count is split by the client's own goal (DOMAIN.md §5: a reduction goal met is
progress).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from reports.datasets.grid import Grid
from reports.rules import recovery as rules

NOT_RECORDED = ""  # no goal, no self-identified recovery: a column of its own
NO_DIAGNOSIS = rules.NO_DIAGNOSIS
UNRATED = "unrated"  # a diagnosis without a severity band
# The recovery groups of a known status, in print order; "not_applicable" is exactly
# "no diagnosis".
GROUP_KEYS: tuple[Hashable, ...] = (
    rules.FULL_RECOVERY,
    rules.PARTIAL_RECOVERY,
    rules.NO_IMPROVEMENT,
    rules.NOT_APPLICABLE,
)

REMISSION_TYPES = ("full", "partial")
_NOT_KNOWN = (rules.UNKNOWN, rules.DECEASED)


def dsm_key(s: rules.ClassStatus) -> str:
    return f"{s.dsm_status}/{s.remission_type}" if s.remission_type else s.dsm_status


def recovery_key(s: rules.ClassStatus) -> str:
    if s.recovery_status in (rules.FULL_RECOVERY, rules.PARTIAL_RECOVERY):
        return f"{s.recovery_status}/{s.recovery_timeframe or ''}"
    return s.recovery_status


def group_of(recovery: Hashable) -> str:
    return str(recovery).split("/")[0]


def is_known(s: rules.ClassStatus) -> bool:
    return s.dsm_status not in (rules.UNKNOWN, rules.DECEASED)


@dataclass
class StatusCounts:
    """Recovery groups of the known clients at one date (a point of the trend)."""

    groups: dict[Hashable, int] = field(default_factory=lambda: dict.fromkeys(GROUP_KEYS, 0))
    # Clients in remission by its type ("full", "partial"), for the summary page.
    remission: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REMISSION_TYPES, 0))

    def add(self, s: rules.ClassStatus) -> None:
        self.count(s.dsm_status, s.recovery_status, s.remission_type)

    def take_back(self, s: rules.ClassStatus) -> None:
        """Undo `add(s)`."""
        self.count(s.dsm_status, s.recovery_status, s.remission_type, -1)

    def count(
        self, dsm_status: str, recovery_status: str, remission_type: str | None, clients: int = 1
    ) -> None:
        """`clients` clients of one status (as the database groups them)."""
        # A known status's recovery is one of GROUPS itself; the time frame is not needed.
        if dsm_status not in _NOT_KNOWN:
            self.groups[recovery_status] += clients
            if remission_type in self.remission:
                self.remission[remission_type] += clients

    def merge(self, other: StatusCounts) -> None:
        for key, n in other.groups.items():
            self.groups[key] = self.groups.get(key, 0) + n
        for kind, n in other.remission.items():
            self.remission[kind] = self.remission.get(kind, 0) + n


@dataclass
class RecoveryTally:
    """Everything section 3 counts, filled with one headline status per client."""

    dsm: Grid = field(default_factory=Grid)
    severity: Grid = field(default_factory=Grid)
    specifiers: Grid = field(default_factory=Grid)
    recovery: Grid = field(default_factory=Grid)
    sobriety: Grid = field(default_factory=Grid)
    serial: Grid = field(default_factory=Grid)
    self_identified: Grid = field(default_factory=Grid)
    attempts: int = 0

    def add(self, s: rules.ClassStatus) -> None:
        if not is_known(s):
            return
        goal = s.goal or NOT_RECORDED
        dsm, rec = dsm_key(s), recovery_key(s)
        self.dsm.add(dsm, goal)
        if dsm != NO_DIAGNOSIS:
            self.severity.add(dsm, s.severity or UNRATED)
        if s.controlled_environment:
            self.specifiers.add(dsm, "controlled")
        if s.maintenance_therapy:
            self.specifiers.add(dsm, "maintenance")
        self.recovery.add(rec, goal)
        self.sobriety.add(s.sobriety, goal)
        self.serial.add(min(s.remission_episodes, 3), min(s.recurrences, 2))
        self.self_identified.add(group_of(rec), s.self_identified_recovery or NOT_RECORDED)
        self.attempts += s.recovery_attempts

    def merge(self, other: RecoveryTally) -> None:
        """Add a walk worker's tally of other clients."""
        for name in _GRIDS:
            getattr(self, name).merge(getattr(other, name))
        self.attempts += other.attempts


_GRIDS = ("dsm", "severity", "specifiers", "recovery", "sobriety", "serial", "self_identified")
