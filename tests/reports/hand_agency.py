"""A small agency made by hand, whose report numbers are worked out by hand below.

Everything goes in through `forms.records`, as staff would enter it. The
report month is October 2026 (status read on 2026-10-31; harm covers
2025-11-01 to 2026-10-31; the trend runs Nov 2025 to Oct 2026).

The eight clients, and what each contributes (B = criterion last met,
A = B when full criteria were last met, d_last = latest completed assessment):

A  Aurelia, opioid, goal abstinence. Intake 2025-09-10 (6 criteria: severe;
   housing problem; quality of life 8; 1 earlier attempt), follow-ups
   2025-12-15 and 2026-10-05 with no criteria, last use 2025-09-20, QoL 12/14.
   Oct 31: d_last 10-05 >= B + 12 months -> sustained remission, full;
   full recovery, sustained; sobriety sustained; 1 remission episode;
   attempts 1 + 1 = 2; self-identified yes. Harm: no flags. Pair (intake
   self 1 -> latest 0).
B  Bartholomew, alcohol, goal reduction, born 1935 (age 91 -> "90+"). Intake
   2026-06-15 (4 criteria: moderate; 20 use days; offending 2), follow-up
   2026-09-20 with 2 criteria (full criteria again: mild, A = B = 09-20).
   Oct 31: active, mild; partial recovery (band moderate -> mild), no time
   frame; sobriety none; self-identified yes. Events dui 2026-03-03, arrest
   2026-10-12 -> community 2, index 13.3. Pair (community 2 -> 0).
C  Cassius, stimulant, goal safer use. Intake only, 2026-05-25 (2 criteria:
   mild; shared equipment, housing problem; 2 earlier attempts): 159 days
   before Oct 31, so known: active, mild, no improvement, sobriety none,
   self-identified declined. Events overdose 2026-07-04 (count 2),
   hospitalisation 2026-07-04, family-reported harm 2026-08-01 -> self 4,
   others 1, index 30.6. Its 3-month window closes 2026-10-25 unmet: missed.
D  Delphine, opioid. Intake 2026-02-01 (3 criteria: mild; shared, housing,
   offending), death event 2026-08-15: deceased on Oct 31. Harm self 3
   (death, shared, housing), community 1, index 23.3. Its 6-month window
   closes 2026-10-01 but she died before: the point is dropped.
E  Evangeline, cannabis, craving only at intake 2025-10-25: no diagnosis, status
   unknown on Oct 31 (more than 183 days). Encounter 2026-10-08 (area 97203:
   1 naloxone kit, 10 syringes out, 4 returned, 1 referral): served in
   October. Public order citation 2026-06-06: counted in harm, not assessed.
   Her 12-month point is due 2026-10-25, window open: overdue.
F  Fitzgerald, sedative, goal other. Intake 2026-07-10 (6 criteria: severe;
   3 earlier attempts), discharge 2026-10-20 with no criteria, in a
   residential (controlled) environment. Oct 31: early remission, full, in a
   controlled environment; partial recovery, early; sobriety early;
   attempts 3 + 1 = 4; self-identified yes. Her 3-month point is due in
   October (10-10) and completed in its window by the discharge.
G  Gwendolyn, cannabis, no criteria ever: no diagnosis. Intake 2025-10-01,
   discharge 2025-12-01, intake again 2026-10-12 (a re-entry) with no goal,
   no last-use date and no self-identification: not applicable, sobriety
   unknown, goal and answer not recorded. His first episode's 12-month
   point is due 2026-10-01 and completed by the 10-12 intake.
H  Horatio, alcohol, goal abstinence. New intake 2026-10-28 (6 criteria:
   severe; housing problem): active, severe, no improvement, sobriety none,
   self-identified no. Harm self 1, index 5.6.

Encounters: 2026-10-08 Evangeline's (above); anonymous 2026-10-09 in area
"Dock <b>&" (2 kits, 1 reversal, 20 syringes out, 15 returned, 5 test
strips); anonymous 2026-10-14 with no area (1 HIV test, 1 HCV test,
2 referrals); anonymous 2026-09-30 in "Dock <b>&" (9 kits), outside October.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from db import settings as agency_settings
from db.access import Actor
from db.engine import Database
from forms import records

AGENCY = "Hope & <b>Harbour</b> Ξ"
DOCK = "Dock <b>&"
REPORT_YEAR, REPORT_MONTH = 2026, 10
SEVERE_OPIOID = "larger_longer;cut_down;time_spent;craving;role_failure;withdrawal"
SEVERE_SEDATIVE = "larger_longer;cut_down;time_spent;role_failure;social_problems;tolerance"
SEVERE_ALCOHOL = "larger_longer;cut_down;time_spent;role_failure;social_problems;hazardous_use"
# Names and codes no report text could contain by chance, so a search finds only a leak.
PEOPLE = {
    "A": ("Aurelia", "Quillfeather", "1950-03-15", "97201", "555-0101"),
    "B": ("Bartholomew", "Brackenridge", "1935-06-01", "97202", "555-0102"),
    "C": ("Cassius", "Cottingham", "1990-01-20", "97202", "555-0103"),
    "D": ("Delphine", "Dunsworth", "1980-12-31", "97201", "555-0104"),
    "E": ("Evangeline", "Everhart", "2000-07-04", "97203", "555-0105"),
    "F": ("Fitzgerald", "Fairweather", "1975-05-05", "97203", "555-0106"),
    "G": ("Gwendolyn", "Grimsby", "1995-02-14", "97201", "555-0107"),
    "H": ("Horatio", "Hollingsworth", "1960-11-11", "97202", "555-0108"),
}


def client_code(letter: str) -> str:
    return f"QZX-{letter}{ord(letter)}"


def visit(on: str, kind: str, *, qol: int = 10, last_use: str | None = None,
          **answers: object) -> dict[str, object]:
    values: dict[str, object] = {
        "assessed_on": on, "kind": kind, "contact_status": "completed",
        "psych_health": 10, "physical_health": 10, "quality_of_life": qol,
        "shared_equipment": "no", "housing_problem": "no", "offending_days_28": 0,
        "medication": "none", "controlled_environment": "none",
    }
    if last_use is not None:
        values["last_use_on"] = last_use
    values.update(answers)
    return values


def substance(name: str, criteria: str = "", use_days: int = 0) -> list[dict[str, object]]:
    return [{"substance_class": name, "primary": "yes", "criteria": criteria,
             "use_days_28": use_days}]


def build(database: Database, actor: Actor, today: dt.date) -> dict[str, int]:
    """Save the agency; returns client ids by letter."""
    with database.writing() as session:
        current = agency_settings.load(session)
        agency_settings.save(session, actor, replace(current, agency_name=AGENCY, state="OR"))
    ids = {}
    for letter, (given, family, born, postal, phone) in PEOPLE.items():
        ids[letter] = records.create_client(database, actor, {
            "client_code": client_code(letter), "given_name": given,
            "family_name": family, "birth_date": born, "postal_code": postal, "phone": phone,
            "sex_at_birth": "female" if letter in "ACDEF" else "male",
        }, today)
    _assessments(database, actor, ids, today)
    _events(database, actor, ids, today)
    _encounters(database, actor, ids, today)
    return ids


def _add(database: Database, actor: Actor, client: int, values: dict[str, object],
         rows: list[dict[str, object]], today: dt.date) -> None:
    records.add_assessment(database, actor, client, values, rows, today)


def _assessments(database: Database, actor: Actor, ids: dict[str, int], today: dt.date) -> None:
    a, b, c, d, e, f, g, h = (ids[k] for k in "ABCDEFGH")
    plan = [
        (a, visit("2025-09-10", "intake", qol=8, last_use="2025-09-09", housing_problem="yes",
                  goal="abstinence", self_identified_recovery="no", prior_recovery_attempts=1),
         substance("opioid", SEVERE_OPIOID, 20)),
        (a, visit("2025-12-15", "follow_up", qol=12, last_use="2025-09-20", goal="abstinence",
                  self_identified_recovery="yes"), substance("opioid")),
        (a, visit("2026-10-05", "follow_up", qol=14, last_use="2025-09-20", goal="abstinence",
                  self_identified_recovery="yes"), substance("opioid")),
        (b, visit("2026-06-15", "intake", last_use="2026-06-14", offending_days_28=2,
                  goal="reduction", self_identified_recovery="no", prior_recovery_attempts=0),
         substance("alcohol", "larger_longer;cut_down;craving;hazardous_use", 20)),
        (b, visit("2026-09-20", "follow_up", qol=11, last_use="2026-09-19", goal="reduction",
                  self_identified_recovery="yes"),
         substance("alcohol", "larger_longer;cut_down", 8)),
        (c, visit("2026-05-25", "intake", qol=9, last_use="2026-05-24", injecting_days_28=5,
                  shared_equipment="yes", housing_problem="yes", goal="safer_use",
                  self_identified_recovery="declined", prior_recovery_attempts=2),
         substance("stimulant", "craving;hazardous_use", 10)),
        (d, visit("2026-02-01", "intake", qol=5, last_use="2026-01-31", injecting_days_28=20,
                  shared_equipment="yes", housing_problem="yes", offending_days_28=3,
                  goal="medication", self_identified_recovery="no", prior_recovery_attempts=0),
         substance("opioid", "larger_longer;cut_down;withdrawal", 28)),
        (e, visit("2025-10-25", "intake", last_use="2025-10-24", goal="undecided",
                  self_identified_recovery="no", prior_recovery_attempts=0),
         substance("cannabis", "craving", 5)),
        (f, visit("2026-07-10", "intake", last_use="2026-07-01", goal="other",
                  self_identified_recovery="no", prior_recovery_attempts=3),
         substance("sedative", SEVERE_SEDATIVE, 15)),
        (f, visit("2026-10-20", "discharge", qol=15, last_use="2026-07-01", goal="other",
                  self_identified_recovery="yes", controlled_environment="residential"),
         substance("sedative")),
        (g, visit("2025-10-01", "intake", qol=12, last_use="2025-09-30", goal="undecided",
                  self_identified_recovery="no", prior_recovery_attempts=0),
         substance("cannabis", "", 3)),
        (g, visit("2025-12-01", "discharge", qol=13, last_use="2025-09-30", goal="undecided",
                  self_identified_recovery="no"), substance("cannabis")),
        (g, visit("2026-10-12", "intake", qol=12, prior_recovery_attempts=0),
         substance("cannabis")),
        (h, visit("2026-10-28", "intake", last_use="2026-10-27", housing_problem="yes",
                  goal="abstinence", self_identified_recovery="no", prior_recovery_attempts=0),
         substance("alcohol", SEVERE_ALCOHOL, 25)),
    ]
    for client, values, rows in plan:
        _add(database, actor, client, values, rows, today)


def _events(database: Database, actor: Actor, ids: dict[str, int], today: dt.date) -> None:
    for letter, on, event, count in (
        ("B", "2026-03-03", "dui", 1), ("B", "2026-10-12", "arrest", 1),
        ("C", "2026-07-04", "overdose_nonfatal", 2), ("C", "2026-07-04", "hospitalisation", 1),
        ("C", "2026-08-01", "family_reported_harm", 1), ("D", "2026-08-15", "death", 1),
        ("E", "2026-06-06", "public_order_citation", 1),
    ):
        records.add_event(database, actor, ids[letter],
                          {"occurred_on": on, "event": event, "count": count}, today)


def _encounters(database: Database, actor: Actor, ids: dict[str, int], today: dt.date) -> None:
    records.add_encounter(database, actor, ids["E"], {
        "occurred_on": "2026-10-08", "area": "97203", "naloxone_kits": 1, "syringes_out": 10,
        "syringes_returned": 4, "referrals": 1}, today)
    records.add_encounter(database, actor, None, {
        "occurred_on": "2026-10-09", "area": DOCK, "naloxone_kits": 2, "reversals_reported": 1,
        "syringes_out": 20, "syringes_returned": 15, "test_strips": 5}, today)
    records.add_encounter(database, actor, None, {
        "occurred_on": "2026-10-14", "hiv_tests": 1, "hcv_tests": 1, "referrals": 2}, today)
    records.add_encounter(database, actor, None, {
        "occurred_on": "2026-09-30", "area": DOCK, "naloxone_kits": 9}, today)


# ---------------------------------------------------------------------------
# The October 2026 report, exact (internal), worked out from the notes above.
# Values in table-column order; None prints as a dash.
OCTOBER: dict[str, list[tuple[str, tuple[object, ...]]]] = {
    # Served: A, F, G, H (assessed in October), B (arrest), E (encounter). New
    # intake H; re-entry G (after her discharge); discharge F; 3 encounters,
    # 2 of them anonymous (the September one is outside the month).
    "caseload": [
        ("Clients served (completed assessment, event or identified encounter)", (6,)),
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
    # Known: A, B, C, F, G, H. Unknown: E. Deceased: D.
    "recovery_population": [
        ("Known status (in the tables below)", (6,)),
        ("Unknown (no completed assessment in the last 183 days)", (1,)),
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
        ("Mean recovery attempts (earlier attempts + remission episodes)",
         (None, None, None, 1.33)),
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
        ("Clients with an event or a completed assessment", (8,)),
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
        ("Overdose (survived)", (2,)), ("Death", (1,)), ("Emergency visit", (0,)),
        ("Hospitalisation", (1,)), ("New HIV diagnosis", (0,)), ("New HCV diagnosis", (0,)),
        ("Arrest", (1,)), ("Incarceration start", (0,)), ("Incarceration end", (0,)),
        ("Driving under the influence", (1,)), ("Child welfare report", (0,)),
        ("Child removal", (0,)), ("Family violence", (0,)), ("Family reported harm", (1,)),
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
    # Pairs A (self 1 -> 0), B (community 2 -> 0), F (0 -> 0); index 5.6 and
    # 13.3 and 0 at intake: mean 6.3, change -6.3.
    "harm_paired": [
        ("Harm to self", (1, 0, 0.33, 0.0, -0.33)),
        ("Harm to others", (0, 0, 0.0, 0.0, 0.0)),
        ("Harm to the community", (2, 0, 0.67, 0.0, -0.67)),
        ("Harm index (0-100)", (None, None, 6.3, 0.0, -6.3)),
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
        ("Nov 2025", (0, 0, 0, None)), ("Dec 2025", (0, 0, 0, None)),
        ("Jan 2026", (0, 0, 0, None)), ("Feb 2026", (1, 1, 0, 100.0)),
        ("Mar 2026", (2, 1, 1, 50.0)), ("Apr 2026", (0, 0, 0, None)),
        ("May 2026", (1, 0, 1, 0.0)), ("Jun 2026", (2, 0, 2, 0.0)),
        ("Jul 2026", (1, 0, 1, 0.0)), ("Aug 2026", (0, 0, 0, None)),
        ("Sep 2026", (0, 0, 0, None)), ("Oct 2026", (1, 0, 1, 0.0)),
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
    # Everyone is served; new intakes B, C, D, F, H; re-entry G; discharges
    # G (2025-12-01) and F; 4 encounters, 3 anonymous.
    "caseload": [
        ("Clients served (completed assessment, event or identified encounter)", (8,)),
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
    # D's death (postal code 97201) adds an area with no encounters: it shows
    # in the second table only (nothing to show in the first); the September
    # encounter adds 9 kits to the dock.
    "community_supplies": [
        ("97203", (1, 1, 0, 10, 4, 0.4)),
        (DOCK, (2, 11, 1, 20, 15, 0.75)),
        ("Area not recorded", (1, 0, 0, 0, 0, None)),
        ("All areas", (4, 12, 1, 30, 19, 0.63)),
    ],
    "community_services": [
        ("97201", (0, 0, 0, 0, 1)),
        ("97203", (0, 0, 0, 1, 0)),
        (DOCK, (5, 0, 0, 0, 0)),
        ("Area not recorded", (0, 1, 1, 2, 0)),
        ("All areas", (5, 1, 1, 3, 1)),
    ],
}


def year_tables() -> dict[str, list[tuple[str, tuple[object, ...]]]]:
    """Every table of the funder period, exact."""
    return {**OCTOBER, **YEAR}
