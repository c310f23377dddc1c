"""A correction's save at the bench's scale: an intake of the demo agency edited through
forms.corrections (one answer and the primary substance's criteria changed, as a person
corrects a typo), against raw sqlite3 writing the same rows."""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from pathlib import Path
from typing import Any

from db import corrections as stored_records
from db.engine import BUSY_TIMEOUT_MS
from db.models import Assessment
from db.startup import open_database
from desktop.passphrase import for_command
from forms import corrections
from tests.accounts import quick_hashing, signed_in
from tests.bench.agency import TODAY, raw_connect, working_copy
from tests.bench.bench_save import _raw_audit_row
from tests.bench.measure import Figure, percentile

EDITS = 200
TARGET_S = 0.015  # DESIGN.md: a correction's save, p95, at 100,000 clients


def run(folder: Path, clients: int = 100_000) -> list[Figure]:
    ours, our_cpu = _program_edits(working_copy(clients, folder, "correct"))
    raw, raw_cpu = _raw_edits(working_copy(clients, folder, "correct-raw"))
    return [
        Figure(
            "save correction: p95, durable, with audit",
            percentile(ours, 0.95),
            TARGET_S,
            percentile(raw, 0.95),
            cpu_seconds=percentile(our_cpu, 0.95),
            baseline_cpu_seconds=percentile(raw_cpu, 0.95),
            note=f"{clients:,} clients, {len(ours)} intakes edited (one answer, one "
            "criterion); raw sqlite3 p95 of the same update, substance rows and audit row "
            "as baseline (no episode or status rebuild)",
        )
    ]


def _intakes(database: Any) -> list[stored_records.StoredRecord]:
    """EDITS live intakes with substance rows, spread over the agency, the same every run."""
    from sqlalchemy import select

    with database.reading() as session:
        ids = session.scalars(
            select(Assessment.id).where(
                Assessment.kind == "intake",
                Assessment.voided_at.is_(None),
                Assessment.contact_status == "completed",
            )
        ).all()
        chosen = random.Random(1).sample(list(ids), min(EDITS, len(ids)))
        found = [stored_records.stored(session, "assessment", i) for i in chosen]
    return [r for r in found if r is not None and r.substances]


def _as_typed(value: Any) -> Any:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _corrected(record: stored_records.StoredRecord) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The form as the person leaves it: quality of life changed, a criterion toggled."""
    raw = {k: _as_typed(v) for k, v in record.values.items() if v is not None}
    raw["quality_of_life"] = (int(raw.get("quality_of_life") or 0) + 1) % 21
    rows = [{k: _as_typed(v) for k, v in s.items() if v is not None} for s in record.substances]
    criteria = set(filter(None, str(rows[0].get("criteria") or "").split(";")))
    rows[0]["criteria"] = ";".join(sorted(criteria ^ {"craving"}))
    return raw, rows


def _program_edits(path: Path) -> tuple[list[float], list[float]]:
    database = open_database(str(path), passphrase=for_command)
    quick_hashing()
    actor = signed_in(database, "manager")
    samples: list[float] = []
    cpu: list[float] = []
    for record in _intakes(database):
        raw, rows = _corrected(record)
        start, start_cpu = time.perf_counter(), time.process_time()
        corrections.edit_assessment(
            database, actor, TODAY, record.id, record.version, raw, rows, "typo"
        )
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    database.dispose()
    return samples, cpu


def _raw_edits(path: Path) -> tuple[list[float], list[float]]:
    database = open_database(str(path), passphrase=for_command)
    records = _intakes(database)
    database.dispose()
    conn = raw_connect(path)
    conn.isolation_level = None
    for pragma in (
        f"busy_timeout = {BUSY_TIMEOUT_MS}",
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
    ):
        conn.execute(f"PRAGMA {pragma}")
    samples: list[float] = []
    cpu: list[float] = []
    for record in records:
        raw, rows = _corrected(record)
        start, start_cpu = time.perf_counter(), time.process_time()
        _raw_edit(conn, record, raw, rows)
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    conn.close()
    return samples, cpu


def _raw_edit(conn: Any, record: Any, raw: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    now = dt.datetime.now(dt.UTC).isoformat()
    conn.execute("BEGIN IMMEDIATE")
    changed = conn.execute(
        "UPDATE assessments SET quality_of_life = ?, updated_at = ?, version = version + 1 "
        "WHERE id = ? AND version = ?",
        (raw["quality_of_life"], now, record.id, record.version),
    ).rowcount
    assert changed == 1
    conn.execute("DELETE FROM substance_records WHERE assessment_id = ?", (record.id,))
    conn.executemany(
        'INSERT INTO substance_records (assessment_id, substance_class, "primary", criteria, '
        "use_days_28) VALUES (?, ?, ?, ?, ?)",
        [
            (
                record.id,
                s["substance_class"],
                s.get("primary") == "yes",
                s.get("criteria"),
                s.get("use_days_28"),
            )
            for s in rows
        ],
    )
    after = json.dumps({**raw, "substances": rows, "reason": "typo"}, default=str)
    _raw_audit_row(conn, now, str(record.id), after)
    conn.execute("COMMIT")
