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
   2026-10-12 -> community 2, index 13.3. Pair (community 1 -> 0: equal
   look-backs of 96 days leave the DUI out).
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


def visit(
    on: str, kind: str, *, qol: int = 10, last_use: str | None = None, **answers: object
) -> dict[str, object]:
    values: dict[str, object] = {
        "assessed_on": on,
        "kind": kind,
        "contact_status": "completed",
        "psych_health": 10,
        "physical_health": 10,
        "quality_of_life": qol,
        "shared_equipment": "no",
        "housing_problem": "no",
        "offending_days_28": 0,
        "medication": "none",
        "controlled_environment": "none",
    }
    if last_use is not None:
        values["last_use_on"] = last_use
    values.update(answers)
    return values


def substance(name: str, criteria: str = "", use_days: int = 0) -> list[dict[str, object]]:
    return [
        {"substance_class": name, "primary": "yes", "criteria": criteria, "use_days_28": use_days}
    ]


def build(database: Database, actor: Actor, today: dt.date) -> dict[str, int]:
    """Save the agency; returns client ids by letter."""
    with database.writing() as session:
        current = agency_settings.load(session)
        agency_settings.save(session, actor, replace(current, agency_name=AGENCY, state="OR"))
    ids = {}
    for letter, (given, family, born, postal, phone) in PEOPLE.items():
        ids[letter] = records.create_client(
            database,
            actor,
            {
                "client_code": client_code(letter),
                "given_name": given,
                "family_name": family,
                "birth_date": born,
                "postal_code": postal,
                "phone": phone,
                "sex_at_birth": "female" if letter in "ACDEF" else "male",
            },
            today,
        )
    _assessments(database, actor, ids, today)
    _events(database, actor, ids, today)
    _encounters(database, actor, ids, today)
    return ids


def _add(
    database: Database,
    actor: Actor,
    client: int,
    values: dict[str, object],
    rows: list[dict[str, object]],
    today: dt.date,
) -> None:
    records.add_assessment(database, actor, client, values, rows, today)


def _assessments(database: Database, actor: Actor, ids: dict[str, int], today: dt.date) -> None:
    a, b, c, d, e, f, g, h = (ids[k] for k in "ABCDEFGH")
    plan = [
        (
            a,
            visit(
                "2025-09-10",
                "intake",
                qol=8,
                last_use="2025-09-09",
                housing_problem="yes",
                goal="abstinence",
                self_identified_recovery="no",
                prior_recovery_attempts=1,
            ),
            substance("opioid", SEVERE_OPIOID, 20),
        ),
        (
            a,
            visit(
                "2025-12-15",
                "follow_up",
                qol=12,
                last_use="2025-09-20",
                goal="abstinence",
                self_identified_recovery="yes",
            ),
            substance("opioid"),
        ),
        (
            a,
            visit(
                "2026-10-05",
                "follow_up",
                qol=14,
                last_use="2025-09-20",
                goal="abstinence",
                self_identified_recovery="yes",
            ),
            substance("opioid"),
        ),
        (
            b,
            visit(
                "2026-06-15",
                "intake",
                last_use="2026-06-14",
                offending_days_28=2,
                goal="reduction",
                self_identified_recovery="no",
                prior_recovery_attempts=0,
            ),
            substance("alcohol", "larger_longer;cut_down;craving;hazardous_use", 20),
        ),
        (
            b,
            visit(
                "2026-09-20",
                "follow_up",
                qol=11,
                last_use="2026-09-19",
                goal="reduction",
                self_identified_recovery="yes",
            ),
            substance("alcohol", "larger_longer;cut_down", 8),
        ),
        (
            c,
            visit(
                "2026-05-25",
                "intake",
                qol=9,
                last_use="2026-05-24",
                injecting_days_28=5,
                shared_equipment="yes",
                housing_problem="yes",
                goal="safer_use",
                self_identified_recovery="declined",
                prior_recovery_attempts=2,
            ),
            substance("stimulant", "craving;hazardous_use", 10),
        ),
        (
            d,
            visit(
                "2026-02-01",
                "intake",
                qol=5,
                last_use="2026-01-31",
                injecting_days_28=20,
                shared_equipment="yes",
                housing_problem="yes",
                offending_days_28=3,
                goal="medication",
                self_identified_recovery="no",
                prior_recovery_attempts=0,
            ),
            substance("opioid", "larger_longer;cut_down;withdrawal", 28),
        ),
        (
            e,
            visit(
                "2025-10-25",
                "intake",
                last_use="2025-10-24",
                goal="undecided",
                self_identified_recovery="no",
                prior_recovery_attempts=0,
            ),
            substance("cannabis", "craving", 5),
        ),
        (
            f,
            visit(
                "2026-07-10",
                "intake",
                last_use="2026-07-01",
                goal="other",
                self_identified_recovery="no",
                prior_recovery_attempts=3,
            ),
            substance("sedative", SEVERE_SEDATIVE, 15),
        ),
        (
            f,
            visit(
                "2026-10-20",
                "discharge",
                qol=15,
                last_use="2026-07-01",
                goal="other",
                self_identified_recovery="yes",
                controlled_environment="residential",
            ),
            substance("sedative"),
        ),
        (
            g,
            visit(
                "2025-10-01",
                "intake",
                qol=12,
                last_use="2025-09-30",
                goal="undecided",
                self_identified_recovery="no",
                prior_recovery_attempts=0,
            ),
            substance("cannabis", "", 3),
        ),
        (
            g,
            visit(
                "2025-12-01",
                "discharge",
                qol=13,
                last_use="2025-09-30",
                goal="undecided",
                self_identified_recovery="no",
            ),
            substance("cannabis"),
        ),
        (
            g,
            visit("2026-10-12", "intake", qol=12, prior_recovery_attempts=0),
            substance("cannabis"),
        ),
        (
            h,
            visit(
                "2026-10-28",
                "intake",
                last_use="2026-10-27",
                housing_problem="yes",
                goal="abstinence",
                self_identified_recovery="no",
                prior_recovery_attempts=0,
            ),
            substance("alcohol", SEVERE_ALCOHOL, 25),
        ),
    ]
    for client, values, rows in plan:
        _add(database, actor, client, values, rows, today)


def _events(database: Database, actor: Actor, ids: dict[str, int], today: dt.date) -> None:
    for letter, on, event, count in (
        ("B", "2026-03-03", "dui", 1),
        ("B", "2026-10-12", "arrest", 1),
        ("C", "2026-07-04", "overdose_nonfatal", 2),
        ("C", "2026-07-04", "hospitalisation", 1),
        ("C", "2026-08-01", "family_reported_harm", 1),
        ("D", "2026-08-15", "death", 1),
        ("E", "2026-06-06", "public_order_citation", 1),
    ):
        records.add_event(
            database, actor, ids[letter], {"occurred_on": on, "event": event, "count": count}, today
        )


def _encounters(database: Database, actor: Actor, ids: dict[str, int], today: dt.date) -> None:
    records.add_encounter(
        database,
        actor,
        ids["E"],
        {
            "occurred_on": "2026-10-08",
            "area": "97203",
            "naloxone_kits": 1,
            "syringes_out": 10,
            "syringes_returned": 4,
            "referrals": 1,
        },
        today,
    )
    records.add_encounter(
        database,
        actor,
        None,
        {
            "occurred_on": "2026-10-09",
            "area": DOCK,
            "naloxone_kits": 2,
            "reversals_reported": 1,
            "syringes_out": 20,
            "syringes_returned": 15,
            "test_strips": 5,
        },
        today,
    )
    records.add_encounter(
        database,
        actor,
        None,
        {"occurred_on": "2026-10-14", "hiv_tests": 1, "hcv_tests": 1, "referrals": 2},
        today,
    )
    records.add_encounter(
        database,
        actor,
        None,
        {"occurred_on": "2026-09-30", "area": DOCK, "naloxone_kits": 9},
        today,
    )
