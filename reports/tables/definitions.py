"""The "Definitions" section printed with every report and workbook.

Every number in the text is read from the constant the rules use, at call
time, so the printed definition and the computed figure cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from reports.rules import followup, harm, recovery, remission, suppression
from reports.rules.words import N_, Sentence
from reports.tables.stewardship import STEWARDSHIP_HEADING, stewardship_text

# The severity bands' words, as the rules name them.
BANDS = {"mild": N_("mild"), "moderate": N_("moderate"), "severe": N_("severe")}


def _months(values: Sequence[int]) -> str:
    words = [str(v) for v in values]
    if len(words) < 2:
        return "".join(words)
    return Sentence(N_("{first} and {last}"), first=", ".join(words[:-1]), last=words[-1])


def _severity() -> str:
    bands = sorted(remission.SEVERITY_BANDS)
    parts: list[str] = []
    for i, (low, band) in enumerate(bands):
        high = bands[i + 1][0] - 1 if i + 1 < len(bands) else None
        word = BANDS[band]
        parts.append(
            Sentence(N_("{low} or more {band}"), low=low, band=word)
            if high is None
            else Sentence(N_("{low}-{high} {band}"), low=low, high=high, band=word)
        )
    said = parts[-1]
    for part in reversed(parts[:-1]):  # "a, b, c", each part translated on its own
        said = Sentence("{first}, {rest}", first=part, rest=said)
    return said


def _status_text() -> list[tuple[str, str]]:
    r, m = recovery, remission
    return [
        (
            N_("Dates"),
            Sentence(
                N_(
                    "N months after a date is the same day N months later, moved back to the"
                    " last day of a shorter month (2023-11-30 + 3 months = 2024-02-29). Status"
                    " is read at the latest completed assessment on or before the report date;"
                    " when that assessment is more than {unknown_after_days} days old, or there"
                    " is none, the status is unknown. Clients of unknown status are still"
                    " followed while their latest episode is open and the last follow-up window"
                    " of its intake has not closed (a follow-up is due); otherwise (discharged,"
                    " or past that window) the agency no longer follows them."
                ),
                unknown_after_days=r.UNKNOWN_AFTER_DAYS,
            ),
        ),
        (
            N_("Diagnosis and severity"),
            Sentence(
                N_(
                    "A disorder is present when at least {diagnosis_min_criteria} DSM-5 criteria"
                    " were recorded within {diagnosis_window_months} months. Severity counts the"
                    " criteria that last established it: {severity}. Tolerance and withdrawal"
                    " are not counted while the client takes a medication prescribed for that"
                    " substance as prescribed."
                ),
                diagnosis_min_criteria=m.DIAGNOSIS_MIN_CRITERIA,
                diagnosis_window_months=m.DIAGNOSIS_WINDOW_MONTHS,
                severity=_severity(),
            ),
        ),
    ]


def _remission_text() -> list[tuple[str, str]]:
    r, m = recovery, remission
    return [
        (
            N_("Remission"),
            Sentence(
                N_(
                    "Full remission (DSM-5): no criterion but craving for at least"
                    " {early_remission_months} months (early) or {sustained_remission_months}"
                    " months (sustained). Partial remission (DSM-IV idea on DSM-5 windows, a"
                    " product choice): some criteria, but the disorder threshold not met again"
                    " for {early_remission_months} or {sustained_remission_months} months. A"
                    " recurrence is meeting the disorder threshold again after a remission; a"
                    " remission episode runs from the first remission to the next recurrence."
                    " Specifiers: in a controlled environment; on maintenance therapy (opioid or"
                    " tobacco, full remission, medication taken as prescribed)."
                ),
                early_remission_months=m.EARLY_REMISSION_MONTHS,
                sustained_remission_months=m.SUSTAINED_REMISSION_MONTHS,
            ),
        ),
        (
            N_("Deceased"),
            N_(
                "A client with a recorded death, or a deceased contact, on or before the report"
                " date is left out of status and recovery counts and still counted in harm."
                " A death is dated by its first record, event or deceased contact, and counted"
                " once per client in every table."
            ),
        ),
        (
            N_("Sobriety"),
            Sentence(
                N_(
                    "Time since last use of alcohol or a non-prescribed drug: early from"
                    " {sobriety_early_months} month, sustained from {sobriety_sustained_months}"
                    " months, stable from {sobriety_stable_months} months."
                ),
                sobriety_early_months=r.SOBRIETY_EARLY_MONTHS,
                sobriety_sustained_months=r.SOBRIETY_SUSTAINED_MONTHS,
                sobriety_stable_months=r.SOBRIETY_STABLE_MONTHS,
            ),
        ),
    ]


def _recovery_text() -> list[tuple[str, str]]:
    r = recovery
    return [
        (
            N_("Recovery (product choice)"),
            Sentence(
                N_(
                    "Full recovery: full remission, quality of life at or above its value at the"
                    " episode's intake or a BARC-10 total of at least {barc10_health_min}, no"
                    " offending day in the 28 days before the assessment and no arrest in the"
                    " {arrest_lookback_days} days up to it, and not in a controlled environment."
                    " Partial recovery: any remission, a lower severity band than at intake, or"
                    " use days of the primary substance at least {use_reduction_percent} % below"
                    " intake. Reported beside the DSM status, never merged into it, and broken"
                    " down by the client's own goal."
                ),
                barc10_health_min=r.BARC10_HEALTH_MIN,
                arrest_lookback_days=r.ARREST_LOOKBACK_DAYS,
                use_reduction_percent=r.USE_REDUCTION_PERCENT,
            ),
        ),
        (
            N_("Recovery time frame"),
            Sentence(
                N_(
                    "For full recovery, time since a criterion other than craving was last met:"
                    " early from {early_remission_months} months, sustained from"
                    " {sustained_remission_months}, stable from {recovery_stable_months}; for"
                    " partial recovery in remission, the remission's early or sustained."
                ),
                early_remission_months=remission.EARLY_REMISSION_MONTHS,
                sustained_remission_months=remission.SUSTAINED_REMISSION_MONTHS,
                recovery_stable_months=r.RECOVERY_STABLE_MONTHS,
            ),
        ),
    ]


def _harm_text() -> str:
    n = {level: len(keys) for level, keys in harm.LEVELS.items()}
    return Sentence(
        N_(
            "Harm to self ({self_n} indicators), to others ({others_n}) and to the community"
            " ({community_n}): events dated in the 12 months ending on the report date, 28-day"
            " items from the latest completed assessment in that period. Index = 100 x"
            " (self/{self_n} + others/{others_n} + community/{community_n}) / 3, rounded to one"
            " decimal; a product choice, not a validated scale, printed beside the raw counts."
            " The change from intake compares like with like: each interview's 28-day items and"
            " the events of equal look-backs, reaching back only as far as the agency's records"
            " of the client go."
        ),
        self_n=n[harm.SELF],
        others_n=n[harm.OTHERS],
        community_n=n[harm.COMMUNITY],
    )


def _followup_text(months: Sequence[int]) -> str:
    f = followup
    return Sentence(
        N_(
            "Follow-ups are due {months} months after intake. Each window opens"
            " {window_opens_months_before} month before the due date and closes"
            " {window_closes_months_after} months after it, both days included; it is closing"
            " soon when its last day is at most {closing_soon_days} days away, and it has closed"
            " at the end of its last day. Follow-up rate: windows whose last day falls in the"
            " period with a completed assessment inside, over all windows whose last day falls"
            " in the period; target {followup_target_percent} %. A month's figures are therefore"
            " the same in its own report, in later reports' trends and in any file covering that"
            " month."
        ),
        months=_months(months),
        window_opens_months_before=f.WINDOW_OPENS_MONTHS_BEFORE,
        window_closes_months_after=f.WINDOW_CLOSES_MONTHS_AFTER,
        closing_soon_days=f.CLOSING_SOON_DAYS,
        followup_target_percent=f.FOLLOWUP_TARGET_PERCENT,
    )


def _summary_text() -> str:
    return N_(
        "The first page compares the month with the month before and with the same month a"
        " year before. People served, overdoses reversed and supplies handed out are counted"
        " in each month as in sections 1 and 5 (all areas). Full and partial remission and"
        " full recovery are the clients with a known status at each month's last day, as in"
        " section 3 (full remission: early or sustained remission, full). The follow-up rate"
        " of each month is that of the windows whose last day fell in it, as in section 2."
        " A change is this month's figure less the other month's; for the rate it is in"
        " percentage points. A change is withheld when either of its figures is hidden."
    )


def _outcome_text() -> str:
    return N_(
        "Outcome change: clients with a completed follow-up or discharge in the 12 months"
        " ending on the report date; their latest one is set beside the latest completed"
        " intake before it. A measure counts a client only when both assessments answer it."
        " Days of the primary substance are those of the class marked primary at that"
        " intake; BARC-10 is the sum of its ten items; housing problem is the share of"
        " clients with one. Improved: fewer days used, injected or offending, a housing"
        " problem gone, or a higher rating, BARC-10 total or days worked; unchanged: the"
        " same answer; worse: the other way. The goal is the client's own at the latest"
        " assessment. Means are over the clients with both answers; the change is the"
        " mean at the latest less the mean at intake."
    )


def _demographics_text() -> str:
    return N_(
        "Demographics: the clients served in the period (section 1) by the answers on"
        " their client record as they stand when the report is made, and by their age on"
        " the period's last day in whole years (under 18, 18-24, 25-34, 35-44, 45-54, 55-64,"
        " 65 and over). Each table adds up to the clients served and is suppressed with"
        " them, as every table is."
    )


def _suppression_text(threshold: int) -> str:
    return Sentence(
        N_(
            "Counts from 1 to {n} print as {marker}; 0 prints. Where a total would let a hidden"
            " count be worked out, the smallest other count of that row or column is hidden too;"
            " it and any percentage or mean resting on a hidden count print as {protected_mark}."
        ),
        n=threshold - 1,
        marker=suppression.marker(threshold),
        protected_mark=suppression.PROTECTED_MARK,
    )


def definitions(
    *,
    suppression_threshold: int = suppression.DEFAULT_THRESHOLD,
    followup_months: Sequence[int] = followup.DEFAULT_POINTS_MONTHS,
) -> list[tuple[str, str]]:
    """(heading, paragraph) pairs, in print order."""
    return [
        *_status_text(),
        *_remission_text(),
        *_recovery_text(),
        (N_("Harm (product choice)"), _harm_text()),
        (N_("Follow-up"), _followup_text(followup_months)),
        (N_("Summary page"), _summary_text()),
        (N_("Outcome change"), _outcome_text()),
        (N_("Demographics"), _demographics_text()),
        (STEWARDSHIP_HEADING, stewardship_text()),
        (N_("Small numbers"), _suppression_text(suppression_threshold)),
    ]
