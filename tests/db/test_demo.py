"""The demo agency: deterministic, valid row by row, and varied enough to show every rule."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, text

from db import codes
from db.dates import add_months
from db.demo import AGENCY_NAME, DemoSummary, build_demo
from db.demo import build as demo_module
from db.engine import Database
from db.models import Base
from db.startup import open_database
from db.textfold import fold_name

TODAY = dt.date(2026, 11, 27)
SEED = 7
TABLES = (
    "clients",
    "consents",
    "episodes",
    "assessments",
    "substance_records",
    "events",
    "encounters",
)
REMISSIONS = ("early_remission", "sustained_remission")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    database = open_database(str(tmp_path_factory.mktemp("demo") / "demo.sqlite3"))
    summary = build_demo(database, 300, SEED, today=TODAY)
    yield database, summary
    database.dispose()


def rows(database: Database, sql: str) -> list[Any]:
    with database.engine.connect() as connection:
        return list(connection.execute(text(sql)))


def table(database: Database, name: str, order: str = "id") -> list[Any]:
    """Every row of a table with its Python types (dates as dates, on any database)."""
    with database.engine.connect() as connection:
        return list(connection.execute(select(Base.metadata.tables[name]).order_by(text(order))))


def dump(path: Path, clients: int, seed: int) -> dict[str, list[Any]]:
    database = open_database(str(path))
    try:
        build_demo(database, clients, seed, today=TODAY)
        return {t: table(database, t, "1") for t in (*TABLES, "settings")}
    finally:
        database.dispose()


def test_same_seed_gives_the_same_rows_and_another_seed_others(tmp_path: Path) -> None:
    first = dump(tmp_path / "a.sqlite3", 120, 3)
    assert first == dump(tmp_path / "b.sqlite3", 120, 3)
    other = dump(tmp_path / "c.sqlite3", 120, 4)
    for name in TABLES:
        assert first[name] != other[name], name


def test_counts_are_those_of_a_real_caseload(demo: tuple[Database, DemoSummary]) -> None:
    database, summary = demo
    for name in TABLES:
        (stored,) = rows(database, f"SELECT count(*) FROM {name}")[0]
        assert stored == getattr(summary, name), name
    assert summary.clients == 300 and not summary.cancelled
    assert 300 <= summary.episodes <= 600
    assert 3 * 300 <= summary.assessments <= 8 * 300
    assert summary.substance_records >= summary.assessments // 2
    assert 2 * 300 <= summary.events + summary.encounters <= 20 * 300


def test_the_database_accepts_every_row(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    assert rows(database, "PRAGMA foreign_key_check") == []
    assert rows(database, "PRAGMA integrity_check")[0][0] == "ok"


def test_settings_name_the_demo_agency(demo: tuple[Database, DemoSummary]) -> None:
    stored = {k: json.loads(v) for k, v in rows(demo[0], "SELECT key, value FROM settings")}
    assert stored["agency_name"] == AGENCY_NAME
    assert stored["client_code_prefix"] == "DEMO-"


def test_clients_are_synthetic_and_searchable(demo: tuple[Database, DemoSummary]) -> None:
    clients = table(demo[0], "clients")
    assert [c.client_code for c in clients[:2]] == ["DEMO-000001", "DEMO-000002"]
    for c in clients:
        assert dt.date(1950, 1, 1) <= c.birth_date <= dt.date(2006, 12, 31)
        assert c.given_search == fold_name(c.given_name)
        assert c.family_search == fold_name(c.family_name)
        assert c.preferred_search == (fold_name(c.preferred_name) if c.preferred_name else None)
        assert c.phone is None or "555-01" in c.phone
    names = " ".join(f"{c.given_name} {c.family_name}" for c in clients)
    assert any(ord(ch) > 255 for ch in names), "no name outside Latin-1"
    assert {c.consent_contact for c in clients} == {True, False}


def test_consents_are_valid_and_varied(demo: tuple[Database, DemoSummary]) -> None:
    """Every consent could have been typed in the form; some expired, some were revoked."""
    consents = table(demo[0], "consents")
    first_visit = {
        r.client_id: r.assessed_on
        for r in reversed(table(demo[0], "assessments", "client_id, assessed_on"))
    }
    assert {c.scope for c in consents} == set(codes.CONSENT_SCOPES)
    assert 0.25 < len({c.client_id for c in consents}) / 300 < 0.55
    assert demo[1].consents == len(consents)
    for c in consents:
        assert (c.recipient is not None) == (c.scope == "named_recipient")
        assert c.signed_on == first_visit[c.client_id] and c.signed_on <= TODAY
        assert c.expires_on is None or c.expires_on > c.signed_on
        assert c.revoked_on is None or c.signed_on <= c.revoked_on <= TODAY
    assert any(c.expires_on is not None and c.expires_on < TODAY for c in consents)
    assert any(c.revoked_on is not None for c in consents)
    assert any(c.expires_on is None and c.revoked_on is None for c in consents)


def test_some_people_are_registered_twice_with_another_spelling(
    demo: tuple[Database, DemoSummary],
) -> None:
    clients = table(demo[0], "clients")
    twins = [
        (a, b)
        for a, b in itertools.pairwise(clients)
        if a.birth_date == b.birth_date
        and (a.given_name == b.given_name) != (a.family_name == b.family_name)
    ]
    assert len(twins) >= 2


def test_nothing_is_dated_after_today_or_before_birth(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    for name, column in (
        ("assessments", "assessed_on"),
        ("assessments", "last_use_on"),
        ("substance_records", "criteria_last_met_on"),
        ("events", "occurred_on"),
        ("encounters", "occurred_on"),
        ("episodes", "closed_on"),
    ):
        (latest,) = rows(database, f"SELECT max({column}) FROM {name}")[0]
        assert dt.date.fromisoformat(latest) <= TODAY, (name, column)
    assert not rows(
        database,
        "SELECT 1 FROM assessments a JOIN clients c ON c.id = a.client_id "
        "WHERE a.assessed_on < c.birth_date",
    )
    assert not rows(
        database,
        "SELECT 1 FROM substance_records s JOIN assessments a ON a.id = s.assessment_id "
        "WHERE s.criteria_last_met_on > a.assessed_on OR a.last_use_on > a.assessed_on",
    )
    (first,) = rows(database, "SELECT min(assessed_on) FROM assessments")[0]
    assert dt.date.fromisoformat(first) >= add_months(TODAY, -96)


def assessments_with_substances(database: Database) -> list[tuple[Any, list[Any]]]:
    substances = defaultdict(list)
    for s in table(database, "substance_records"):
        substances[s.assessment_id].append(s)
    found = table(database, "assessments", "client_id, assessed_on")
    return [(a, substances[a.id]) for a in found]


ANSWERS = (
    "last_use_on", "injecting_days_28", "shared_equipment", "offending_days_28", "work_days_28",
    "housing_problem", "psych_health", "physical_health", "quality_of_life", "medication",
    "medication_as_prescribed", "controlled_environment", "goal", "self_identified_recovery",
    "prior_recovery_attempts", *(f"barc10_{i}" for i in range(1, 11)),
)  # fmt: skip


def test_every_assessment_follows_the_forms_rules(demo: tuple[Database, DemoSummary]) -> None:
    primary_of: dict[int, str] = {}
    for a, substances in assessments_with_substances(demo[0]):
        if a.contact_status != "completed":
            assert substances == [] and all(getattr(a, k) is None for k in ANSWERS)
            continue
        assert None not in (a.psych_health, a.physical_health, a.quality_of_life)
        barc = [getattr(a, f"barc10_{i}") for i in range(1, 11)]
        assert barc.count(None) in (0, 10)
        primaries = [s.substance_class for s in substances if s.primary]
        assert len(primaries) == 1
        if a.kind == "intake":
            primary_of[a.client_id] = primaries[0]
        assert primaries[0] == primary_of[a.client_id]
        for s in substances:
            criteria = s.criteria.split(";") if s.criteria else []
            assert criteria == [c for c in codes.CRITERIA if c in criteria]
            on_medication = a.medication in codes.MEDICATION_FOR_CLASS.get(s.substance_class, ())
            if on_medication and a.medication_as_prescribed:
                assert not set(codes.PHYSIOLOGICAL_CRITERIA) & set(criteria)
        if a.kind != "intake":
            assert a.prior_recovery_attempts is None


def test_intake_criteria_span_two_to_eleven(demo: tuple[Database, DemoSummary]) -> None:
    counts = {
        len(s.criteria.split(";")) if s.criteria else 0
        for a, subs in assessments_with_substances(demo[0])
        if a.kind == "intake"
        for s in subs
        if s.primary
    }
    assert set(range(2, 12)) <= counts and counts & {0, 1}


def test_episodes_open_at_intake_and_close_at_discharge(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    episodes = {e.id: e for e in table(database, "episodes")}
    seen_completed: dict[int, dt.date] = {}
    last_closed: dict[int, dt.date | None] = {}
    for a, _subs in assessments_with_substances(database):
        day = a.assessed_on
        episode = episodes[a.episode_id]
        assert episode.client_id == a.client_id
        if a.kind == "intake":
            assert episode.opened_on == day
            previous = seen_completed.get(a.client_id)
            expected = previous is not None and (
                last_closed.get(a.client_id) is not None or (day - previous).days > 90
            )
            assert bool(episode.reentry) == expected
        if a.kind == "discharge":
            assert episode.closed_on == day
        if a.contact_status == "completed":
            seen_completed[a.client_id] = day
        last_closed[a.client_id] = episode.closed_on


def test_events_and_encounters_are_plausible(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    events = rows(database, "SELECT event, count FROM events")
    assert {e.event for e in events} == set(codes.EVENTS)
    assert min(e.count for e in events) >= 1
    encounters = table(database, "encounters")
    anonymous = [e for e in encounters if e.client_id is None]
    assert anonymous and len(anonymous) < len(encounters)
    assert len({e.area for e in encounters}) >= 15
    out = sum(e.syringes_out for e in encounters)
    back = sum(e.syringes_returned for e in encounters)
    assert 0.4 * out < back < out
    assert sum(e.naloxone_kits for e in encounters) > 0
    assert sum(e.syringes_returned <= e.syringes_out for e in encounters) > 0.9 * len(encounters)
    for name in ("events", "encounters"):
        assert not rows(
            database,
            f"SELECT 1 FROM {name} t JOIN events d ON d.client_id = t.client_id "
            "AND d.event = 'death' AND t.occurred_on > d.occurred_on",
        )


def values_of(database: Database, column: str, table: str = "assessments") -> set[Any]:
    return {r[0] for r in rows(database, f"SELECT DISTINCT {column} FROM {table}")}


def test_every_recorded_value_occurs(demo: tuple[Database, DemoSummary]) -> None:
    database, _ = demo
    assert values_of(database, "contact_status") == set(codes.CONTACT_STATUS)
    assert values_of(database, "kind") == set(codes.ASSESSMENT_KINDS)
    assert values_of(database, "medication") - {None} == set(codes.MEDICATION)
    assert values_of(database, "controlled_environment") - {None} == set(
        codes.CONTROLLED_ENVIRONMENT
    )
    assert values_of(database, "goal") - {None} == set(codes.GOAL)
    assert values_of(database, "self_identified_recovery") == {
        *codes.SELF_IDENTIFIED_RECOVERY,
        None,
    }
    assert values_of(database, "substance_class", "substance_records") >= {
        "alcohol", "opioid", "stimulant", "cannabis", "sedative", "tobacco",
    }  # fmt: skip
    assert values_of(database, "reentry", "episodes") == {0, 1}
    assert None in values_of(database, "closed_on", "episodes")
    completed = "contact_status = 'completed'"
    assert rows(database, f"SELECT 1 FROM assessments WHERE {completed} AND last_use_on IS NULL")
    assert rows(database, f"SELECT 1 FROM assessments WHERE {completed} AND barc10_1 IS NOT NULL")
    assert rows(database, "SELECT 1 FROM substance_records WHERE criteria = 'craving'")
    assert rows(
        database,
        "SELECT 1 FROM substance_records WHERE criteria <> '' AND criteria <> 'craving' "
        "AND criteria_last_met_on IS NULL",
    )


def primary_histories(database: Database) -> dict[int, list[tuple[dt.date, set[str], Any]]]:
    """Completed assessments of each client's primary class: (date, criteria, last met)."""
    found: dict[int, list[tuple[dt.date, set[str], Any]]] = defaultdict(list)
    for a, substances in assessments_with_substances(database):
        for s in substances:
            if s.primary:
                criteria = set(s.criteria.split(";")) if s.criteria else set()
                found[a.client_id].append((a.assessed_on, criteria, s.criteria_last_met_on))
    return found


def dsm_course(history: list[tuple[dt.date, set[str], Any]]) -> tuple[str, int, int]:
    """DOMAIN.md §4 at the last assessment: (status/type, recurrences, remission episodes)."""
    b = a = k = None
    status, recurrences, episodes = "no_diagnosis", 0, 0
    for i, (day, criteria, met) in enumerate(history):
        if criteria - {"craving"}:
            b = max(b, met or day) if b else met or day
        window = add_months(day, -12)
        union = set().union(
            *(
                c
                for j, (d, c, _m) in enumerate(history[: i + 1])
                if d > window and (k is None or j > k)
            )
        )
        if len(union) >= 2:
            recurrences += status.startswith(REMISSIONS)
            a, k = b, i
        new = classify(day, a, b)
        episodes += new.startswith(REMISSIONS) and not status.startswith(REMISSIONS)
        status = new
    return status, recurrences, episodes


def classify(day: dt.date, a: dt.date | None, b: dt.date | None) -> str:
    if a is None or b is None:
        return "no_diagnosis"
    if day >= add_months(b, 12):
        return "sustained_remission/full"
    if day >= add_months(b, 3):
        return "early_remission/full"
    if b > a and day >= add_months(a, 12):
        return "sustained_remission/partial"
    if b > a and day >= add_months(a, 3):
        return "early_remission/partial"
    return "active"


def test_every_dsm_status_and_course_occurs(demo: tuple[Database, DemoSummary]) -> None:
    courses = [dsm_course(h) for h in primary_histories(demo[0]).values()]
    statuses = {status for status, _r, _e in courses}
    assert statuses == {
        "no_diagnosis", "active", "early_remission/full", "sustained_remission/full",
        "early_remission/partial", "sustained_remission/partial",
    }  # fmt: skip
    assert any(recurrences for _s, recurrences, _e in courses)
    assert any(episodes >= 2 for _s, _r, episodes in courses), "no serial remission"


def test_lapses_are_use_without_criteria(demo: tuple[Database, DemoSummary]) -> None:
    assert rows(
        demo[0],
        "SELECT 1 FROM substance_records s JOIN assessments a ON a.id = s.assessment_id "
        "WHERE s.\"primary\" AND a.kind = 'follow_up' AND s.criteria = '' AND s.use_days_28 > 0",
    )


def test_progress_is_reported_and_cancel_keeps_committed_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_module, "CHUNK_CLIENTS", 40)
    calls: list[tuple[int, int]] = []
    database = open_database(str(tmp_path / "cancel.sqlite3"))
    try:
        summary = build_demo(
            database, 200, 1, today=TODAY, progress=lambda d, t: calls.append((d, t)),
            cancelled=lambda: len(calls) > 2,
        )  # fmt: skip
        assert calls == [(0, 200), (40, 200), (80, 200)]
        assert summary.cancelled and summary.clients == 80
        assert rows(database, "SELECT count(*) FROM clients")[0][0] == 80
        again = build_demo(database, 10, 2, today=TODAY)
        codes_after = [r[0] for r in rows(database, "SELECT client_code FROM clients ORDER BY id")]
        assert again.clients == 10 and codes_after[-1] == "DEMO-000090"
    finally:
        database.dispose()


def test_a_client_does_not_depend_on_the_build_size(tmp_path: Path) -> None:
    small = dump(tmp_path / "small.sqlite3", 5, 11)
    large = dump(tmp_path / "large.sqlite3", 30, 11)
    assert large["clients"][:5] == small["clients"]


def test_builds_on_sqlite_and_postgresql(any_database: Database) -> None:
    summary = build_demo(any_database, 60, 5, today=TODAY)
    with any_database.engine.connect() as connection:
        stored = connection.execute(text("SELECT count(*) FROM assessments")).scalar_one()
    assert stored == summary.assessments > 0
    # The program's own inserts still get fresh keys (PostgreSQL sequences moved on).
    with any_database.writing() as session:
        event = Base.metadata.tables["events"]
        new = (
            session.connection()
            .execute(insert(event).values(client_id=1, occurred_on=TODAY, event="arrest", count=1))
            .inserted_primary_key
        )
    assert new is not None and new[0] == summary.events + 1


FOLDED = [("Zoë", "zoe"), ("NGUYỄN", "nguyen"), ("Łukasz", "lukasz"), ("Søren", "soren"),
          ("Ağaoğlu", "agaoglu"), ("Yılmaz", "yilmaz"), ("İlker", "ilker"), ("Weiß", "weiss"),
          ("  van   der Berg ", "van der berg"), ("O’Brien", "o'brien")]  # fmt: skip


@pytest.mark.parametrize(("name", "folded"), FOLDED)
def test_fold_name(name: str, folded: str) -> None:
    assert fold_name(name) == folded
