"""The hand-made agency's report numbers, worked out by hand from the notes in
hand_agency.py (letters A-H name its clients)."""

from __future__ import annotations

from tests.reports.hand_agency import DOCK

# ---------------------------------------------------------------------------
# The October 2026 report, exact (internal), worked out from the notes above.
# Values in table-column order; None prints as a dash.
OCTOBER: dict[str, list[tuple[str, tuple[object, ...]]]] = {
    # Served: A, F, G, H (assessed in October), E (encounter). B's arrest is an
    # event, not a service: the next line. New intake H; re-entry G (after her
    # discharge); discharge F; 3 encounters, 2 of them anonymous (the September
    # one is outside the month).
    "caseload": [
        ("Clients served (completed assessment or identified encounter)", (5,)),
        ("Clients with only an event recorded (not counted as served)", (1,)),
        ("New intakes (a first episode)", (1,)),
        ("Re-entries (intake after a discharge or 90 days away)", (1,)),
        ("Discharges", (1,)),
        ("Harm-reduction encounters", (3,)),
        ("Of which anonymous", (2,)),
    ],
    # Due in October: F's 3-month point (10-10); G's (10-01) and E's (10-25)
    # 12-month points. Closed in October: C's 3-month window (10-25), missed.
    # D's 6-month window also closed (10-01) but she died first: dropped.
    # Overdue on Oct 31: E's 12-month point (due 10-25, window open).
    "followups": [
        ("Due in the period (due date in it)", (1, 0, 2, 3)),
        ("Windows closed in the period", (1, 0, 0, 1)),
        ("Completed in the window", (0, 0, 0, 0)),
        ("Missed", (1, 0, 0, 1)),
        ("Follow-up rate", (0.0, None, None, 0.0)),
        ("Target of 80 % met", ("no", None, None, "no")),
        ("Overdue at the end of the period (window open, not yet done)", (0, 0, 1, 1)),
    ],
    # Known: A, B, C, F, G, H. Unknown: E, whose episode is open and whose 12-month
    # window (closing 2026-12-25) is still ahead: still followed. Deceased: D.
    "recovery_population": [
        ("Known status (in the tables below)", (6,)),
        ("Status unknown, still followed: not assessed in 183 days, a follow-up is due", (1,)),
        ("No longer followed: discharged, or past the last follow-up window", (0,)),
        ("Deceased (left out of status and recovery)", (1,)),
    ],
    # A sustained full (abstinence); B, C, H active (reduction, safer use,
    # abstinence); F early full (other); G no diagnosis (no goal).
    "dsm_by_goal": [
        ("No diagnosis", (0, 0, 0, 0, 0, 0, 1, 1)),
        ("Active", (1, 1, 1, 0, 0, 0, 0, 3)),
        ("Early remission, full", (0, 0, 0, 0, 0, 1, 0, 1)),
        ("Early remission, partial", (0, 0, 0, 0, 0, 0, 0, 0)),
        ("Sustained remission, full", (1, 0, 0, 0, 0, 0, 0, 1)),
        ("Sustained remission, partial", (0, 0, 0, 0, 0, 0, 0, 0)),
        ("Total", (2, 1, 1, 0, 0, 1, 1, 6)),
    ],
    # B and C mild, H severe; F and A severe (6 criteria each).
    "severity": [
        ("Active", (2, 0, 1, 3)),
        ("Early remission, full", (0, 0, 1, 1)),
        ("Early remission, partial", (0, 0, 0, 0)),
        ("Sustained remission, full", (0, 0, 1, 1)),
        ("Sustained remission, partial", (0, 0, 0, 0)),
        ("Total", (2, 0, 3, 5)),
    ],
    # F is in a residential (controlled) environment; nobody on maintenance.
    "specifiers": [
        ("Early remission, full", (1, 0)),
        ("Early remission, partial", (0, 0)),
        ("Sustained remission, full", (0, 0)),
        ("Sustained remission, partial", (0, 0)),
    ],
    "recovery_by_goal": [
        ("Full recovery, early", (0, 0, 0, 0, 0, 0, 0, 0)),
        ("Full recovery, sustained", (1, 0, 0, 0, 0, 0, 0, 1)),
        ("Full recovery, stable", (0, 0, 0, 0, 0, 0, 0, 0)),
        ("Partial recovery, in early remission", (0, 0, 0, 0, 0, 1, 0, 1)),
        ("Partial recovery, in sustained remission", (0, 0, 0, 0, 0, 0, 0, 0)),
        ("Partial recovery, fewer criteria or less use", (0, 1, 0, 0, 0, 0, 0, 1)),
        ("No improvement", (1, 0, 1, 0, 0, 0, 0, 2)),
        ("Not applicable (no diagnosis)", (0, 0, 0, 0, 0, 0, 1, 1)),
        ("Total", (2, 1, 1, 0, 0, 1, 1, 6)),
    ],
    # None: B, C, H. Early: F (since 07-01). Sustained: A (since 2025-09-20).
    # Not known: G gave no last-use date.
    "sobriety_by_goal": [
        ("None (used in the past month)", (1, 1, 1, 0, 0, 0, 0, 3)),
        ("Early (1 month or more)", (0, 0, 0, 0, 0, 1, 0, 1)),
        ("Sustained (12 months or more)", (1, 0, 0, 0, 0, 0, 0, 1)),
        ("Stable (60 months or more)", (0, 0, 0, 0, 0, 0, 0, 0)),
        ("Not known (last use not given)", (0, 0, 0, 0, 0, 0, 1, 1)),
        ("Total", (2, 1, 1, 0, 0, 1, 1, 6)),
    ],
    # One remission episode each for A and F; attempts 2+0+2+4+0+0 = 8 over 6.
    "serial_recovery": [
        ("No remission episode", (4, 0, 0, 4)),
        ("1 episode", (2, 0, 0, 2)),
        ("2 episodes", (0, 0, 0, 0)),
        ("3 or more episodes", (0, 0, 0, 0)),
        ("Total", (6, 0, 0, 6)),
        (
            "Mean recovery attempts (earlier attempts + remission episodes)",
            (None, None, None, 1.33),
        ),
    ],
    # Yes: A (full), B and F (partial). No: H. Declined: C. Not recorded: G.
    "self_identified": [
        ("Full recovery", (1, 0, 0, 0, 1)),
        ("Partial recovery", (2, 0, 0, 0, 2)),
        ("No improvement", (0, 1, 1, 0, 2)),
        ("Not applicable", (0, 0, 0, 1, 1)),
        ("Total", (3, 1, 1, 1, 6)),
    ],
    # Counted: all eight, E only through her citation, so she is the one not
    # assessed. Pairs: A, B and F (their latest assessment is not an intake).
    "harm_clients": [
        ("Clients with an event, a death or a completed assessment", (8,)),
        ("Of whom assessed (28-day items known)", (7,)),
        ("Of whom with an intake and a later assessment (pairs)", (3,)),
    ],
    "harm_self": [
        ("Overdose (survived)", (1, 1, 14.3)),
        ("Death", (1, 1, 14.3)),
        ("Emergency visit or hospital stay", (1, 1, 14.3)),
        ("Shared injecting equipment (28 days)", (2, 2, 28.6)),
        ("New HIV or HCV diagnosis", (0, 0, 0.0)),
        ("Housing problem (28 days)", (3, 3, 42.9)),
    ],
    "harm_others": [
        ("Child welfare report", (0, 0, 0.0)),
        ("Child removed", (0, 0, 0.0)),
        ("Family violence", (0, 0, 0.0)),
        ("Harm reported by family", (1, 1, 14.3)),
    ],
    "harm_community": [
        ("Arrest", (1, 1, 14.3)),
        ("Incarceration, or in jail at the assessment", (0, 0, 0.0)),
        ("Driving under the influence", (1, 1, 14.3)),
        ("Offending (28 days)", (1, 1, 14.3)),
        ("Public order citation", (1, 0, 0.0)),
    ],
    "event_totals": [
        ("Overdose (survived)", (2,)),
        ("Death (clients; a death event or a deceased contact)", (1,)),
        ("Emergency visit", (0,)),
        ("Hospital stay", (1,)),
        ("New HIV diagnosis", (0,)),
        ("New HCV diagnosis", (0,)),
        ("Arrest", (1,)),
        ("Incarceration start", (0,)),
        ("Incarceration end", (0,)),
        ("Driving under the influence", (1,)),
        ("Child welfare report", (0,)),
        ("Child removal", (0,)),
        ("Family violence", (0,)),
        ("Family reported harm", (1,)),
        ("Public order citation", (1,)),
    ],
    # Self flags C4 + D3 + H1 = 8, others C1, community B2 + D1 = 3, over 7
    # assessed; index (0 + 13.3 + 30.6 + 23.3 + 0 + 0 + 5.6) / 7 = 10.4.
    "harm_index": [
        ("Harm to self (of 6 flags)", (8, 1.14)),
        ("Harm to others (of 4 flags)", (1, 0.14)),
        ("Harm to the community (of 5 flags)", (3, 0.43)),
        ("Harm index (0-100)", (None, 10.4)),
    ],
    # Pairs A (self 1 -> 0), B (community 1 -> 0), F (0 -> 0). A and F were first
    # met at intake: their interview items alone. B's first record is the DUI of
    # 2026-03-03, 104 days before intake, but his follow-up came 97 days after it:
    # both sides read 96 days back, so the DUI falls outside and only his intake's
    # offending counts. Index 5.6 and 6.7 and 0 at intake: mean 4.1, change -4.1.
    "harm_paired": [
        ("Harm to self", (1, 0, 0.33, 0.0, -0.33)),
        ("Harm to others", (0, 0, 0.0, 0.0, 0.0)),
        ("Harm to the community", (1, 0, 0.33, 0.0, -0.33)),
        ("Harm index (0-100)", (None, None, 4.1, 0.0, -4.1)),
    ],
    "community_supplies": [
        ("97203", (1, 1, 0, 10, 4, 0.4)),
        (DOCK, (1, 2, 1, 20, 15, 0.75)),
        ("Area not recorded", (1, 0, 0, 0, 0, None)),
        ("All areas", (3, 3, 1, 30, 19, 0.63)),
    ],
    "community_services": [
        ("97203", (0, 0, 0, 1, 0)),
        (DOCK, (5, 0, 0, 0, 0)),
        ("Area not recorded", (0, 1, 1, 2, 0)),
        ("All areas", (5, 1, 1, 3, 0)),
    ],
    # Known status at each month-end (A known until 183 days after 2025-12-15,
    # E until 2026-04-26, G until 2026-06-02 and again from 10-12, D until her
    # death on 08-15); columns known, full, partial, no improvement, n/a.
    "trend_recovery": [
        ("Nov 2025", (3, 0, 0, 1, 2)),  # A active (intake only), E and G no diagnosis
        ("Dec 2025", (3, 1, 0, 0, 2)),  # A full recovery from 12-15
        ("Jan 2026", (3, 1, 0, 0, 2)),
        ("Feb 2026", (4, 1, 0, 1, 2)),  # D's intake
        ("Mar 2026", (4, 1, 0, 1, 2)),
        ("Apr 2026", (3, 1, 0, 1, 1)),  # E unknown
        ("May 2026", (4, 1, 0, 2, 1)),  # C's intake
        ("Jun 2026", (3, 0, 0, 3, 0)),  # A and G unknown; B's intake
        ("Jul 2026", (4, 0, 0, 4, 0)),  # F's intake
        ("Aug 2026", (3, 0, 0, 3, 0)),  # D deceased
        ("Sep 2026", (3, 0, 1, 2, 0)),  # B partial
        ("Oct 2026", (6, 1, 2, 2, 1)),
    ],
    # Windows that closed: A 3m (02-10, done), G 3m (03-01, done), E 3m
    # (03-25), A 6m (05-10), G 6m (06-01), E 6m (06-25), D 3m (07-01), C 3m
    # (10-25) missed.
    "trend_followups": [
        ("Nov 2025", (0, 0, 0, None)),
        ("Dec 2025", (0, 0, 0, None)),
        ("Jan 2026", (0, 0, 0, None)),
        ("Feb 2026", (1, 1, 0, 100.0)),
        ("Mar 2026", (2, 1, 1, 50.0)),
        ("Apr 2026", (0, 0, 0, None)),
        ("May 2026", (1, 0, 1, 0.0)),
        ("Jun 2026", (2, 0, 2, 0.0)),
        ("Jul 2026", (1, 0, 1, 0.0)),
        ("Aug 2026", (0, 0, 0, None)),
        ("Sep 2026", (0, 0, 0, None)),
        ("Oct 2026", (1, 0, 1, 0.0)),
    ],
    # Assessed clients in the 12 months ending at each month-end, the share
    # with any flag per level, and the mean of their indexes (listed per client).
    "trend_harm": [
        ("Nov 2025", (3, 33.3, 0.0, 0.0, round((5.6 + 0 + 0) / 3, 1))),  # A E G
        ("Dec 2025", (3, 0.0, 0.0, 0.0, 0.0)),
        ("Jan 2026", (3, 0.0, 0.0, 0.0, 0.0)),
        ("Feb 2026", (4, 25.0, 0.0, 25.0, round(17.8 / 4, 1))),  # + D (self 2, offending)
        ("Mar 2026", (4, 25.0, 0.0, 25.0, round(17.8 / 4, 1))),
        ("Apr 2026", (4, 25.0, 0.0, 25.0, round(17.8 / 4, 1))),
        ("May 2026", (5, 40.0, 0.0, 20.0, round((11.1 + 17.8) / 5, 1))),  # + C
        ("Jun 2026", (6, 33.3, 0.0, 50.0, round((13.3 + 11.1 + 17.8 + 6.7) / 6, 1))),  # + B, E
        ("Jul 2026", (7, 28.6, 0.0, 42.9, round((13.3 + 22.2 + 17.8 + 6.7) / 7, 1))),  # + F
        ("Aug 2026", (7, 28.6, 14.3, 42.9, round((13.3 + 30.6 + 23.3 + 6.7) / 7, 1))),
        ("Sep 2026", (7, 28.6, 14.3, 42.9, round((6.7 + 30.6 + 23.3 + 6.7) / 7, 1))),
        ("Oct 2026", (7, 42.9, 14.3, 28.6, round((13.3 + 30.6 + 23.3 + 5.6) / 7, 1))),
    ],
}

# ---------------------------------------------------------------------------
# The twelve months 2025-11-01 to 2026-10-31 (the funder period). Status,
# harm and trends are read on the same day as October's report, so those
# tables are the ones above; these three differ.
YEAR: dict[str, list[tuple[str, tuple[object, ...]]]] = {
    # Everyone is served (E by her encounter: her intake is before the year); new
    # intakes B, C, D, F, H; re-entry G; discharges G (2025-12-01) and F;
    # 4 encounters, 3 anonymous.
    "caseload": [
        ("Clients served (completed assessment or identified encounter)", (8,)),
        ("Clients with only an event recorded (not counted as served)", (0,)),
        ("New intakes (a first episode)", (5,)),
        ("Re-entries (intake after a discharge or 90 days away)", (1,)),
        ("Discharges", (2,)),
        ("Harm-reduction encounters", (4,)),
        ("Of which anonymous", (3,)),
    ],
    # Due: 3m A B C D E F G, 6m A E G, 12m A E G. Closed: the eight windows of
    # the trend (3m: A, G done; C, D, E missed; 6m: A, E, G missed).
    "followups": [
        ("Due in the period (due date in it)", (7, 3, 3, 13)),
        ("Windows closed in the period", (5, 3, 0, 8)),
        ("Completed in the window", (2, 0, 0, 2)),
        ("Missed", (3, 3, 0, 6)),
        ("Follow-up rate", (40.0, 0.0, None, 25.0)),
        ("Target of 80 % met", ("no", "no", None, "no")),
        ("Overdue at the end of the period (window open, not yet done)", (0, 0, 1, 1)),
    ],
    # D's death (postal code 97201) is the only thing in its area: pooled into
    # "Other areas", shown in the second table only (nothing to show in the
    # first); the September encounter adds 9 kits to the dock.
    "community_supplies": [
        ("97203", (1, 1, 0, 10, 4, 0.4)),
        (DOCK, (2, 11, 1, 20, 15, 0.75)),
        ("Area not recorded", (1, 0, 0, 0, 0, None)),
        ("All areas", (4, 12, 1, 30, 19, 0.63)),
    ],
    "community_services": [
        ("97203", (0, 0, 0, 1, 0)),
        (DOCK, (5, 0, 0, 0, 0)),
        ("Other areas", (0, 0, 0, 0, 1)),
        ("Area not recorded", (0, 1, 1, 2, 0)),
        ("All areas", (5, 1, 1, 3, 1)),
    ],
}


def year_tables() -> dict[str, list[tuple[str, tuple[object, ...]]]]:
    """Every table of the funder period, exact."""
    return {**OCTOBER, **YEAR}
