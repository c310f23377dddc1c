"""The remission walk of DOMAIN.md §3, §4 and §6, one substance class at a time.

The walk visits completed assessments in date order and keeps, per class,
`B` (when a criterion other than craving was last met), `A` (the value of `B`
when full criteria were last met) and `k` (that assessment). It is written as
small mutable state objects stepped once per assessment so that a status at
many as-of dates costs one pass (see `reports.rules.recovery.classify_series`).
"""

from __future__ import annotations

from datetime import date

from db.codes import MEDICATION_FOR_CLASS, PHYSIOLOGICAL_CRITERIA, SUBSTANCE_CLASSES
from db.dates import add_months, year_before
from reports.rules.facts import AssessmentFacts, SubstanceFacts

EARLY_REMISSION_MONTHS = 3
SUSTAINED_REMISSION_MONTHS = 12
DIAGNOSIS_WINDOW_MONTHS = 12
DIAGNOSIS_MIN_CRITERIA = 2
# (minimum criteria, band), highest first; fewer than 2 is no disorder.
SEVERITY_BANDS = ((6, "severe"), (4, "moderate"), (2, "mild"))
SEVERITY_RANK = {"mild": 1, "moderate": 2, "severe": 3}

NO_DIAGNOSIS = "no_diagnosis"
ACTIVE = "active"
EARLY_REMISSION = "early_remission"
SUSTAINED_REMISSION = "sustained_remission"
UNKNOWN = "unknown"
DECEASED = "deceased"
REMISSIONS = frozenset({EARLY_REMISSION, SUSTAINED_REMISSION})
FULL = "full"
PARTIAL = "partial"

COMPLETED = "completed"
INTAKE = "intake"
CRAVING = "craving"
_PHYSIOLOGICAL = frozenset(PHYSIOLOGICAL_CRITERIA)
_EMPTY: frozenset[str] = frozenset()
_CODE_ORDER = {name: i for i, name in enumerate(SUBSTANCE_CLASSES)}


def severity_band(criteria_count: int) -> str | None:
    for minimum, band in SEVERITY_BANDS:
        if criteria_count >= minimum:
            return band
    return None


class ClassWalk:
    """The §4 state of one substance class, as of the last assessment stepped."""

    __slots__ = (
        "a",
        "a_early",
        "a_sustained",
        "b",
        "b_early",
        "b_sustained",
        "band",
        "episodes",
        "intake_band",
        "intake_use_days",
        "n_at_k",
        "name",
        "prescribed",
        "recurrences",
        "remission_type",
        "status",
        "use_days",
        "window",
    )

    def __init__(self, name: str) -> None:
        self.name = name
        self.prescribed = MEDICATION_FOR_CLASS.get(name, ())
        self.a: date | None = None
        self.b: date | None = None
        # add_months of A and B, computed when they change, not per status check.
        self.a_early = self.a_sustained = self.b_early = self.b_sustained = date.max
        # (d_j, criteria_j) of assessments after k with any criterion, oldest first.
        self.window: list[tuple[date, frozenset[str]]] = []
        self.n_at_k = 0
        self.band: str | None = None
        self.status = NO_DIAGNOSIS
        self.remission_type: str | None = None
        self.episodes = 0
        self.recurrences = 0
        self.use_days: int | None = None
        self.intake_band: str | None = None
        self.intake_use_days: int | None = None

    def step(
        self, d: date, cutoff: date, rec: SubstanceFacts | None, medication: str | None
    ) -> None:
        """Take in the completed assessment of `d`; `cutoff` is add_months(d, -12)."""
        if rec is None:
            self.use_days = None
        else:
            self.use_days = rec.use_days_28
            if rec.criteria:
                self._record(d, rec, medication)
        was_remission = self.remission_type is not None
        recurrence = False
        if self.window and self._full_criteria_met(cutoff):
            recurrence = was_remission
            # U holds a criterion other than craving, so B is set by now.
            self.a = self.b
            self.a_early = self.b_early
            self.a_sustained = self.b_sustained
            self.recurrences += recurrence
        if self.a is not None:
            self._set_status(d, was_remission, recurrence)

    def _record(self, d: date, rec: SubstanceFacts, medication: str | None) -> None:
        crit = rec.criteria
        # Tolerance and withdrawal are expected effects of a medication taken
        # as prescribed for this class, not signs of the disorder (§1).
        if medication in self.prescribed and not crit.isdisjoint(_PHYSIOLOGICAL):
            crit = crit - _PHYSIOLOGICAL
            if not crit:
                return
        if len(crit) > 1 or CRAVING not in crit:
            last = rec.criteria_last_met_on or d
            # B is the latest date ever reported; an older date given later
            # cannot make earlier criteria disappear.
            if self.b is None or last > self.b:
                self.b = last
                self.b_early = add_months(last, EARLY_REMISSION_MONTHS)
                self.b_sustained = add_months(last, SUSTAINED_REMISSION_MONTHS)
        self.window.append((d, crit))

    def _full_criteria_met(self, cutoff: date) -> bool:
        window = self.window
        while window and window[0][0] <= cutoff:
            del window[0]
        if not window:
            return False
        if len(window) == 1:
            count = len(window[0][1])
        else:
            count = len(_EMPTY.union(*[crit for _, crit in window]))
        if count < DIAGNOSIS_MIN_CRITERIA:
            return False
        # k := this assessment; only later assessments count towards the next U.
        self.n_at_k = count
        self.band = severity_band(count)
        window.clear()
        return True

    def _set_status(self, d: date, was_remission: bool, recurrence: bool) -> None:
        """The first row of the §4 table that holds at `d` (once there is an A)."""
        # Inlined comparisons: this runs for every class at every assessment.
        if d >= self.b_sustained:
            status, kind = SUSTAINED_REMISSION, FULL
        elif d >= self.b_early:
            status, kind = EARLY_REMISSION, FULL
        elif self.b > self.a and d >= self.a_sustained:  # type: ignore[operator]
            status, kind = SUSTAINED_REMISSION, PARTIAL
        elif self.b > self.a and d >= self.a_early:  # type: ignore[operator]
            status, kind = EARLY_REMISSION, PARTIAL
        else:
            status, kind = ACTIVE, None
        self.status = status
        self.remission_type = kind
        # A recurrence closes an episode; if the same assessment is again a
        # remission (criteria last met long ago), a new episode opens at once.
        if kind is not None and (recurrence or not was_remission):
            self.episodes += 1

    def mark_intake(self) -> None:
        """Remember the values the episode's intake is compared with (§5)."""
        self.intake_band = self.band
        self.intake_use_days = self.use_days


class ClientWalk:
    """The walk over one client's completed assessments, all classes at once."""

    __slots__ = ("_order", "classes", "count", "intake", "last", "primary", "prior_attempts")

    def __init__(self) -> None:
        self.classes: dict[str, ClassWalk] = {}
        self.primary: str | None = None
        self.last: AssessmentFacts | None = None
        self.intake: AssessmentFacts | None = None
        self.prior_attempts: int | None = None
        self.count = 0
        self._order: list[ClassWalk] | None = None

    def ordered(self) -> list[ClassWalk]:
        """The classes, primary first, then in code-list order (cached until one is added)."""
        if self._order is None and len(self.classes) == 1:
            self._order = list(self.classes.values())
        elif self._order is None:
            primary = self.primary
            self._order = sorted(
                self.classes.values(),
                key=lambda w: (w.name != primary, _CODE_ORDER.get(w.name, 99), w.name),
            )
        return self._order

    def _note(self, rec: SubstanceFacts, is_intake: bool) -> ClassWalk:
        """Meet a class (the first time) and its primary flag; return its walk."""
        name = rec.substance_class
        walk = self.classes.get(name)
        if walk is None:
            walk = self.classes[name] = ClassWalk(name)
            self._order = None
        # The primary class is chosen at intake; a follow-up only names it
        # when no intake did.
        if rec.primary and (is_intake or self.primary is None) and name != self.primary:
            self.primary = name
            self._order = None
        return walk

    def step(self, a: AssessmentFacts) -> None:
        """Take in the next completed assessment (callers skip the others).

        One substance record per class, as the database's unique constraint
        guarantees; a class recorded before and missing now had no criteria.
        """
        d = a.assessed_on
        if DIAGNOSIS_WINDOW_MONTHS == 12:  # the usual case, without the general arithmetic
            cutoff = year_before(d)
        else:
            cutoff = add_months(d, -DIAGNOSIS_WINDOW_MONTHS)
        medication = a.medication if a.medication_as_prescribed else None
        is_intake = a.kind == INTAKE
        classes = self.classes
        subs = a.substances
        for rec in subs:
            walk = classes.get(rec.substance_class)
            if walk is None or (rec.primary and rec.substance_class != self.primary):
                walk = self._note(rec, is_intake)
            walk.step(d, cutoff, rec, medication)
        if len(subs) != len(classes):
            seen = {rec.substance_class for rec in subs}
            for name, walk in classes.items():
                if name not in seen:
                    walk.step(d, cutoff, None, medication)
        if is_intake:
            self.intake = a
            for walk in self.classes.values():
                walk.mark_intake()
            if self.prior_attempts is None:
                self.prior_attempts = a.prior_recovery_attempts
        self.last = a
        self.count += 1
