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
CLIENTS = 3000  # an agency of a few thousand; the saves go to the last SAVES of them
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

    program, raw = _ProgramSaves(folder / "program.sqlite3"), _RawSaves(folder / "raw.sqlite3")
    # In turns, one save each: a machine shared with other work then slows both alike.
    for client_id in range(CLIENTS - SAVES + 1, CLIENTS + 1):
        program.save(client_id)
        raw.save(client_id)
    program.close()
    raw.close()
    # The ratio is taken on medians, which a busy machine disturbs far less than a p95.
    return [
        Figure(
            "save intake: p95, durable, with audit",
            percentile(program.wall, 0.95),
            0.010,
            percentile(raw.wall, 0.95),
            note="raw sqlite3 p95 as baseline",
        ),
        Figure(
            "save intake: median vs raw sqlite3",
            statistics.median(program.wall),
            None,
            statistics.median(raw.wall),
            3.0,
            note="cpu: this process's CPU time per save, medians",
            cpu_seconds=statistics.median(program.cpu),
            baseline_cpu_seconds=statistics.median(raw.cpu),
        ),
        # The correction's save, beside it: on the agency of the bench's size.
        *bench_correction.run(folder, clients),
    ]


def _with_clients(path: Path) -> None:
    """A new database holding CLIENTS clients without records (the same in both files)."""
    new_database(path)  # the same schema, indexes and constraints
    conn = raw_connect(path)
    now = dt.datetime.now(dt.UTC).isoformat()
    with conn:
        conn.executemany(
            "INSERT INTO clients (client_code, given_name, family_name, birth_date,"
            " consent_contact, consent_share, given_search, family_search, created_at,"
            " updated_at, version)"
            " VALUES (?, 'Bench', 'Client', '1980-01-01', 0, 0, 'bench', 'client', ?, ?, 1)",
            [(f"B-{i}", now, now) for i in range(1, CLIENTS + 1)],
        )
    conn.close()


class _Timed:
    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def timed(self, work: Any) -> None:
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        self.wall.append(time.perf_counter() - start)
        self.cpu.append(time.process_time() - start_cpu)


class _ProgramSaves(_Timed):
    """The program's save: forms.records.add_assessment, as the intake form calls it."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        _with_clients(path)
        self.database = open_database(str(path), passphrase=for_command)
        quick_hashing()
        self.actor = signed_in(self.database)

    def save(self, client_id: int) -> None:
        self.timed(
            lambda: records.add_assessment(
                self.database, self.actor, client_id, INTAKE, SUBSTANCES, TODAY
            )
        )

    def close(self) -> None:
        self.database.dispose()


class _RawSaves(_Timed):
    """The same rows (episode, assessment, two substances, audit) in one durable commit."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        _with_clients(path)
        self.conn = raw_connect(path)
        self.conn.isolation_level = None
        for pragma in (
            f"busy_timeout = {BUSY_TIMEOUT_MS}",
            "journal_mode = WAL",
            "synchronous = FULL",
            "foreign_keys = ON",
        ):
            self.conn.execute(f"PRAGMA {pragma}")
        self.now = dt.datetime.now(dt.UTC).isoformat()

    def save(self, client_id: int) -> None:
        self.timed(lambda: _raw_intake(self.conn, client_id, self.now))

    def close(self) -> None:
        self.conn.close()


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
