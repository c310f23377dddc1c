"""The "Definitions" section printed with every report and workbook.

Every number in the text is read from the constant the rules use, at call
time, so the printed definition and the computed figure cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from reports.rules import followup, harm, recovery, remission, suppression
from reports.tables.stewardship import STEWARDSHIP_HEADING, stewardship_text


def _months(values: Sequence[int]) -> str:
    words = [str(v) for v in values]
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _severity() -> str:
    bands = sorted(remission.SEVERITY_BANDS)
    parts = []
    for i, (low, band) in enumerate(bands):
        high = bands[i + 1][0] - 1 if i + 1 < len(bands) else None
        parts.append(f"{low} or more {band}" if high is None else f"{low}-{high} {band}")
    return ", ".join(parts)


def _status_text() -> list[tuple[str, str]]:
    r, m = recovery, remission
    return [
        (
            "Dates",
            "N months after a date is the same day N months later, moved back to the last"
            " day of a shorter month (2023-11-30 + 3 months = 2024-02-29). Status is read at"
            " the latest completed assessment on or before the report date; when that"
            f" assessment is more than {r.UNKNOWN_AFTER_DAYS} days old, or there is none,"
            " the status is unknown. Clients of unknown status are still followed while"
            " their latest episode is open and the last follow-up window of its intake has"
            " not closed (a follow-up is due); otherwise (discharged, or past that window)"
            " the agency no longer follows them.",
        ),
        (
            "Diagnosis and severity",
            f"A disorder is present when at least {m.DIAGNOSIS_MIN_CRITERIA} DSM-5 criteria"
            f" were recorded within {m.DIAGNOSIS_WINDOW_MONTHS} months. Severity counts the"
            f" criteria that last established it: {_severity()}. Tolerance and withdrawal"
            " are not counted while the client takes a medication prescribed for that"
            " substance as prescribed.",
        ),
    ]


def _remission_text() -> list[tuple[str, str]]:
    r, m = recovery, remission
    return [
        (
            "Remission",
            "Full remission (DSM-5): no criterion but craving for at least"
            f" {m.EARLY_REMISSION_MONTHS} months (early) or {m.SUSTAINED_REMISSION_MONTHS}"
            " months (sustained). Partial remission (DSM-IV idea on DSM-5 windows, a product"
            " choice): some criteria, but the disorder threshold not met again for"
            f" {m.EARLY_REMISSION_MONTHS} or {m.SUSTAINED_REMISSION_MONTHS} months. A"
            " recurrence is meeting the disorder threshold again after a remission; a"
            " remission episode runs from the first remission to the next recurrence."
            " Specifiers: in a controlled environment; on maintenance therapy (opioid or"
            " tobacco, full remission, medication taken as prescribed).",
        ),
        (
            "Deceased",
            "A client with a recorded death, or a deceased contact, on or before the report"
            " date is left out of status and recovery counts and still counted in harm."
            " A death is dated by its first record, event or deceased contact, and counted"
            " once per client in every table.",
        ),
        (
            "Sobriety",
            "Time since last use of alcohol or a non-prescribed drug: early from"
            f" {r.SOBRIETY_EARLY_MONTHS} month, sustained from {r.SOBRIETY_SUSTAINED_MONTHS}"
            f" months, stable from {r.SOBRIETY_STABLE_MONTHS} months.",
        ),
    ]


def _recovery_text() -> list[tuple[str, str]]:
    r = recovery
    return [
        (
            "Recovery (product choice)",
            "Full recovery: full remission, quality of life at or above its value at the"
            f" episode's intake or a BARC-10 total of at least {r.BARC10_HEALTH_MIN}, no"
            " offending day in the 28 days before the assessment and no arrest in the"
            f" {r.ARREST_LOOKBACK_DAYS} days up to it, and not in a controlled environment. Partial"
            " recovery: any remission, a lower severity band than at intake, or use days of"
            f" the primary substance at least {r.USE_REDUCTION_PERCENT} % below intake."
            " Reported beside the DSM status, never merged into it, and broken down by the"
            " client's own goal.",
        ),
        (
            "Recovery time frame",
            "For full recovery, time since a criterion other than craving was last met:"
            f" early from {remission.EARLY_REMISSION_MONTHS} months, sustained from"
            f" {remission.SUSTAINED_REMISSION_MONTHS}, stable from {r.RECOVERY_STABLE_MONTHS};"
            " for partial recovery in remission, the remission's early or sustained.",
        ),
    ]


def _harm_text() -> str:
    n = {level: len(keys) for level, keys in harm.LEVELS.items()}
    return (
        f"Harm to self ({n[harm.SELF]} indicators), to others ({n[harm.OTHERS]}) and to the"
        f" community ({n[harm.COMMUNITY]}): events dated in the 12 months ending on the"
        " report date, 28-day items from the latest completed assessment in that period."
        f" Index = 100 x (self/{n[harm.SELF]} + others/{n[harm.OTHERS]} +"
        f" community/{n[harm.COMMUNITY]}) / 3, rounded to one decimal; a product choice,"
        " not a validated scale, printed beside the raw counts. The change from intake"
        " compares like with like: each interview's 28-day items and the events of equal"
        " look-backs, reaching back only as far as the agency's records of the client go."
    )


def _followup_text(months: Sequence[int]) -> str:
    f = followup
    return (
        f"Follow-ups are due {_months(months)} months after intake. Each window opens"
        f" {f.WINDOW_OPENS_MONTHS_BEFORE} month before the due date and closes"
        f" {f.WINDOW_CLOSES_MONTHS_AFTER} months after it, both days included; it is closing"
        f" soon when its last day is at most {f.CLOSING_SOON_DAYS} days away, and it has"
        " closed at the end of its last day. Follow-up rate: windows whose last day falls"
        " in the period with a completed assessment inside, over all windows whose last"
        f" day falls in the period; target {f.FOLLOWUP_TARGET_PERCENT} %. A month's figures"
        " are therefore the same in its own report, in later reports' trends and in any"
        " file covering that month."
    )


def _summary_text() -> str:
    return (
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
    return (
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
    return (
        "Demographics: the clients served in the period (section 1) by the answers on"
        " their client record as they stand when the report is made, and by their age on"
        " the period's last day in whole years (under 18, 18-24, 25-34, 35-44, 45-54, 55-64,"
        " 65 and over). Each table adds up to the clients served and is suppressed with"
        " them, as every table is."
    )


def _suppression_text(threshold: int) -> str:
    return (
        f"Counts from 1 to {threshold - 1} print as {suppression.marker(threshold)}; 0"
        " prints. Where a total would let a hidden count be worked out, the smallest"
        " other count of that row or column is hidden too; it and any percentage or"
        f" mean resting on a hidden count print as {suppression.PROTECTED_MARK}."
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
        ("Harm (product choice)", _harm_text()),
        ("Follow-up", _followup_text(followup_months)),
        ("Summary page", _summary_text()),
        ("Outcome change", _outcome_text()),
        ("Demographics", _demographics_text()),
        (STEWARDSHIP_HEADING, stewardship_text()),
        ("Small numbers", _suppression_text(suppression_threshold)),
    ]
