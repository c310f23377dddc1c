"""Durable save of one intake through forms/ and db/, against raw sqlite3 doing the same rows."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import statistics
import time
from pathlib import Path
from typing import Any

from db.audit_chain import FORMAT
from db.engine import BUSY_TIMEOUT_MS
from db.startup import open_database
from desktop.passphrase import for_command
from forms import records
from tests.accounts import quick_hashing, signed_in
from tests.bench.agency import new_database, raw_connect
from tests.bench.measure import Figure, percentile

SAVES = 300
TODAY = dt.date(2026, 11, 27)
INTAKE = {
    "assessed_on": "2026-01-10",
    "kind": "intake",
    "contact_status": "completed",
    "last_use_on": "2026-01-09",
    "injecting_days_28": 12,
    "shared_equipment": "no",
    "offending_days_28": 0,
    "work_days_28": 4,
    "housing_problem": "yes",
    "psych_health": 8,
    "physical_health": 9,
    "quality_of_life": 7,
    "medication": "none",
    "controlled_environment": "none",
    "goal": "reduction",
    "self_identified_recovery": "no",
    "prior_recovery_attempts": 1,
}
SUBSTANCES = [
    {
        "substance_class": "opioid",
        "primary": "yes",
        "use_days_28": 24,
        "criteria": "larger_longer;cut_down;craving;withdrawal;tolerance;role_failure",
    },
    {"substance_class": "stimulant", "primary": "no", "use_days_28": 6, "criteria": "craving"},
]


def run(folder: Path, clients: int = 100_000) -> list[Figure]:
    from tests.bench import bench_correction

    ours = _program_saves(folder / "program.sqlite3")
    raw = _raw_saves(folder / "raw.sqlite3")
    # The ratio is taken on medians, which a busy machine disturbs far less than a p95.
    return [
        Figure(
            "save intake: p95, durable, with audit",
            percentile(ours, 0.95),
            0.010,
            percentile(raw, 0.95),
            note="raw sqlite3 p95 as baseline",
        ),
        Figure(
            "save intake: median vs raw sqlite3",
            statistics.median(ours),
            None,
            statistics.median(raw),
            3.0,
        ),
        # The correction's save, beside it: on the agency of the bench's size.
        *bench_correction.run(folder, clients),
    ]


def _program_saves(path: Path) -> list[float]:
    new_database(path)
    database = open_database(str(path), passphrase=for_command)
    quick_hashing()
    actor = signed_in(database)
    client_ids = [
        records.create_client(
            database,
            actor,
            {
                "client_code": f"B-{i}",
                "given_name": "Bench",
                "family_name": f"Client {i}",
                "birth_date": "1980-01-01",
            },
            TODAY,
        )
        for i in range(SAVES)
    ]
    samples = []
    for client_id in client_ids:
        start = time.perf_counter()
        records.add_assessment(database, actor, client_id, INTAKE, SUBSTANCES, TODAY)
        samples.append(time.perf_counter() - start)
    database.dispose()
    return samples


def _raw_saves(path: Path) -> list[float]:
    """The same rows (episode, assessment, two substances, audit) in one durable commit."""
    new_database(path)  # the same schema, indexes and constraints
    conn = raw_connect(path)
    conn.isolation_level = None
    for pragma in (
        f"busy_timeout = {BUSY_TIMEOUT_MS}",
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
    ):
        conn.execute(f"PRAGMA {pragma}")
    now = dt.datetime.now(dt.UTC).isoformat()
    conn.executemany(
        "INSERT INTO clients (client_code, given_name, family_name, birth_date, consent_contact,"
        " consent_share, given_search, family_search, created_at, updated_at, version)"
        " VALUES (?, 'Bench', 'Client', '1980-01-01', 0, 0, 'bench', 'client', ?, ?, 1)",
        [(f"B-{i}", now, now) for i in range(SAVES)],
    )
    samples = []
    for client_id in range(1, SAVES + 1):
        start = time.perf_counter()
        _raw_intake(conn, client_id, now)
        samples.append(time.perf_counter() - start)
    conn.close()
    return samples


def _raw_intake(conn: Any, client_id: int, now: str) -> None:
    conn.execute("BEGIN IMMEDIATE")
    episode = conn.execute(
        "INSERT INTO episodes (client_id, opened_on, reentry) VALUES (?, '2026-01-10', 0)",
        (client_id,),
    ).lastrowid
    columns = ["client_id", "episode_id", *INTAKE, "created_at", "updated_at", "version"]
    values = [client_id, episode, *_raw_values(), now, now, 1]
    assessment = conn.execute(
        f"INSERT INTO assessments ({', '.join(columns)}) VALUES "
        f"({', '.join('?' for _ in columns)})",
        values,
    ).lastrowid
    conn.executemany(
        'INSERT INTO substance_records (assessment_id, substance_class, "primary", criteria, '
        "use_days_28) VALUES (?, ?, ?, ?, ?)",
        [
            (
                assessment,
                s["substance_class"],
                s["primary"] == "yes",
                s["criteria"],
                s["use_days_28"],
            )
            for s in SUBSTANCES
        ],
    )
    _raw_audit_row(conn, now, str(assessment), json.dumps(INTAKE))
    conn.execute("COMMIT")


def _raw_audit_row(conn: Any, now: str, entity_id: str, after: str) -> None:
    """The chained audit row as the program writes it: read the chain head, hash, insert,
    move the head."""
    seq, prev = conn.execute("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1").fetchone()
    content = [FORMAT, seq + 1, now, None, "bench", "create", "assessment", entity_id, None]
    encoded = json.dumps([*content, after, prev], ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(encoded.encode("utf-8")).hexdigest()
    conn.execute(
        "INSERT INTO audit_log (seq, at_utc, username, action, entity, entity_id, after, "
        "prev_hash, row_hash) VALUES (?, ?, 'bench', 'create', 'assessment', ?, ?, ?, ?)",
        (seq + 1, now, entity_id, after, prev, digest),
    )
    conn.execute(
        "UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE id = 1", (seq + 1, digest)
    )


def _raw_values() -> list[object]:
    yes_no = {"shared_equipment", "housing_problem"}
    return [(v == "yes") if k in yes_no else v for k, v in INTAKE.items()]
