"""The targets of DESIGN.md on PostgreSQL, beside psycopg doing the same work.

The same work as the SQLite rows of `make bench` (bench_save, bench_correction,
bench_search, bench_reports), on a PostgreSQL server (tests/bench/postgres.py): each
raw baseline is the statements of its SQLite twin, sent through psycopg; the reports'
is their own reads, recorded and run again by psycopg (tests.bench.replay).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from db.audit_chain import FORMAT
from db.startup import open_database
from db.textfold import fold_name
from forms import corrections, records
from forms.search import ClientIndex
from reports.outputs.funder import funder_workbook
from reports.outputs.monthly_pdf import monthly_report
from tests.accounts import quick_hashing, signed_in
from tests.bench import (
    bench_correction,
    bench_exchange,
    bench_reports,
    bench_save,
    bench_search,
)
from tests.bench import postgres as pg
from tests.bench.agency import MEMORY_CLIENTS, encrypted
from tests.bench.measure import Figure, percentile
from tests.bench.replay import replay_postgres

ON = "[PostgreSQL]"


def run(folder: Path, clients: int = 100_000) -> list[Figure]:
    if encrypted():
        return []  # SQLCipher encrypts a file; a server's data at rest is the server's
    with pg.bench_server() as server:
        if server is None:
            print(
                "PostgreSQL: no server binaries and no RECOVERY_DESK_BENCH_PG_URL; skipped",
                file=sys.stderr,
            )
            return []
        return [
            *_saves(server),
            _corrections(server, clients),
            *_searches(server, clients),
            *_reports(server, clients, folder),
            *_exchange(server, clients, folder),
        ]


# --- the intake's durable save ---------------------------------------------------------


def _saves(server: str) -> list[Figure]:
    program_url = _with_clients(server, "rd_bench_save_program")
    raw_url = _with_clients(server, "rd_bench_save_raw")
    database = open_database(program_url)
    quick_hashing()
    actor = signed_in(database)
    raw = pg.raw_connect(raw_url)
    ours, ours_cpu, base, base_cpu = [], [], [], []
    now = dt.datetime.now(dt.UTC).isoformat()
    # In turns, one save each, as on SQLite.
    for client_id in range(bench_save.CLIENTS - bench_save.SAVES + 1, bench_save.CLIENTS + 1):
        _time(
            lambda c=client_id: records.add_assessment(
                database, actor, c, bench_save.INTAKE, bench_save.SUBSTANCES, bench_save.TODAY
            ),
            ours,
            ours_cpu,
        )
        _time(lambda c=client_id: _raw_intake(raw, c, now), base, base_cpu)
    database.dispose()
    raw.close()
    return [
        Figure(
            f"save intake: p95, durable, with audit {ON}",
            percentile(ours, 0.95),
            0.010,
            percentile(base, 0.95),
            note="raw psycopg p95 as baseline",
        ),
        Figure(
            f"save intake: median vs raw psycopg {ON}",
            statistics.median(ours),
            None,
            statistics.median(base),
            3.0,
            note="cpu: this process's CPU time per save, medians (the server's is not in it)",
            cpu_seconds=statistics.median(ours_cpu),
            baseline_cpu_seconds=statistics.median(base_cpu),
        ),
    ]


def _time(work: Any, wall: list[float], cpu: list[float]) -> None:
    start, start_cpu = time.perf_counter(), time.process_time()
    work()
    wall.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)


def _with_clients(server: str, name: str) -> str:
    url = pg.empty_database(server, name)
    now = dt.datetime.now(dt.UTC)
    with pg.raw_connect(url) as conn, conn.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO clients (client_code, given_name, family_name, birth_date,"
            " consent_contact, consent_share, given_search, family_search, created_at,"
            " updated_at, version) VALUES (%s, 'Bench', 'Client', '1980-01-01', false, false,"
            " 'bench', 'client', %s, %s, 1)",
            [(f"B-{i}", now, now) for i in range(1, bench_save.CLIENTS + 1)],
        )
    return url


def _raw_intake(conn: Any, client_id: int, now: str) -> None:
    with conn.transaction():
        (episode,) = conn.execute(
            "INSERT INTO episodes (client_id, opened_on, reentry) VALUES (%s, '2026-01-10',"
            " false) RETURNING id",
            (client_id,),
        ).fetchone()
        intake = bench_save.INTAKE
        columns = ["client_id", "episode_id", *intake, "created_at", "updated_at", "version"]
        values = [client_id, episode, *bench_save._raw_values(), now, now, 1]
        (assessment,) = conn.execute(
            f"INSERT INTO assessments ({', '.join(columns)}) VALUES "
            f"({', '.join('%s' for _ in columns)}) RETURNING id",
            values,
        ).fetchone()
        with conn.cursor() as cursor:
            cursor.executemany(
                'INSERT INTO substance_records (assessment_id, substance_class, "primary",'
                " criteria, use_days_28) VALUES (%s, %s, %s, %s, %s)",
                [
                    (
                        assessment,
                        s["substance_class"],
                        s["primary"] == "yes",
                        s["criteria"],
                        s["use_days_28"],
                    )
                    for s in bench_save.SUBSTANCES
                ],
            )
        _raw_audit_row(conn, now, str(assessment), json.dumps(intake))


def _raw_audit_row(conn: Any, now: str, entity_id: str, after: str) -> None:
    """bench_save._raw_audit_row through psycopg (the chain head read with FOR UPDATE, as
    two PostgreSQL writers must)."""
    seq, prev = conn.execute(
        "SELECT last_seq, last_hash FROM audit_chain WHERE id = 1 FOR UPDATE"
    ).fetchone()
    content = [FORMAT, seq + 1, now, None, "bench", "create", "assessment", entity_id, None]
    encoded = json.dumps([*content, after, prev], ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(encoded.encode("utf-8")).hexdigest()
    conn.execute(
        "INSERT INTO audit_log (seq, at_utc, username, action, entity, entity_id, after,"
        " prev_hash, row_hash) VALUES (%s, %s, 'bench', 'create', 'assessment', %s, %s, %s, %s)",
        (seq + 1, now, entity_id, after, prev, digest),
    )
    conn.execute(
        "UPDATE audit_chain SET last_seq = %s, last_hash = %s WHERE id = 1", (seq + 1, digest)
    )


# --- a correction's save ---------------------------------------------------------------


def _corrections(server: str, clients: int) -> Figure:
    ours, ours_cpu = _program_edits(pg.working_copy(server, clients, "rd_bench_correct"))
    base, base_cpu = _raw_edits(pg.working_copy(server, clients, "rd_bench_correct_raw"))
    return Figure(
        f"save correction: p95, durable, with audit {ON}",
        percentile(ours, 0.95),
        bench_correction.TARGET_S,
        percentile(base, 0.95),
        cpu_seconds=percentile(ours_cpu, 0.95),
        baseline_cpu_seconds=percentile(base_cpu, 0.95),
        note=f"{clients:,} clients, {len(ours)} intakes edited; raw psycopg p95 of the same "
        "update, substance rows and audit row as baseline",
    )


def _program_edits(url: str) -> tuple[list[float], list[float]]:
    database = open_database(url)
    quick_hashing()
    actor = signed_in(database, "manager")
    wall: list[float] = []
    cpu: list[float] = []
    for record in bench_correction._intakes(database):
        raw, rows = bench_correction._corrected(record)
        _time(
            lambda r=record, a=raw, s=rows: corrections.edit_assessment(
                database, actor, bench_correction.TODAY, r.id, r.version, a, s, "typo"
            ),
            wall,
            cpu,
        )
    database.dispose()
    return wall, cpu


def _raw_edits(url: str) -> tuple[list[float], list[float]]:
    database = open_database(url)
    records = bench_correction._intakes(database)
    database.dispose()
    wall: list[float] = []
    cpu: list[float] = []
    with pg.raw_connect(url) as conn:
        for record in records:
            raw, rows = bench_correction._corrected(record)
            _time(lambda r=record, a=raw, s=rows: _raw_edit(conn, r, a, s), wall, cpu)
    return wall, cpu


def _raw_edit(conn: Any, record: Any, raw: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    now = dt.datetime.now(dt.UTC).isoformat()
    with conn.transaction():
        changed = conn.execute(
            "UPDATE assessments SET quality_of_life = %s, updated_at = %s, version = version + 1"
            " WHERE id = %s AND version = %s",
            (raw["quality_of_life"], now, record.id, record.version),
        ).rowcount
        assert changed == 1
        conn.execute("DELETE FROM substance_records WHERE assessment_id = %s", (record.id,))
        with conn.cursor() as cursor:
            cursor.executemany(
                'INSERT INTO substance_records (assessment_id, substance_class, "primary",'
                " criteria, use_days_28) VALUES (%s, %s, %s, %s, %s)",
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


# --- search per keystroke --------------------------------------------------------------


def _searches(server: str, clients: int) -> list[Figure]:
    url = pg.database_url(server, pg.agency(server, clients))
    queries = list(bench_search._queries(_people(url)))
    database = open_database(url)
    try:
        with database.reading() as session:
            index = ClientIndex.load(session)
        ours = [bench_search._program_search(database, index, q) for q in queries]
        ours = [bench_search._program_search(database, index, q) for q in queries]  # warm
    finally:
        database.dispose()
    raw = _raw_searches(url, queries)
    return [
        Figure(
            f"search per keystroke: p95 {ON}",
            percentile(ours, 0.95),
            bench_search.P95_TARGET_S,
            percentile(raw, 0.95),
            note=f"{len(queries)} queries; raw: one indexed prefix LIKE through psycopg",
        )
    ]


def _people(url: str) -> list[bench_search.Person]:
    with pg.raw_connect(url) as conn:
        (count,) = conn.execute("SELECT max(id) FROM clients").fetchone()
        ids = random.Random(bench_search.SEED).sample(range(1, count + 1), bench_search.PEOPLE)
        rows = conn.execute(
            "SELECT given_name, family_name, client_code, birth_date FROM clients"
            " WHERE id = ANY(%s) ORDER BY id",
            (ids,),
        ).fetchall()
    return [(str(g), str(f), str(c), str(b)) for g, f, c, b in rows]


def _raw_searches(url: str, queries: list[str]) -> list[float]:
    statement = (
        "SELECT id FROM clients WHERE family_search LIKE %s ESCAPE '\\' "
        "ORDER BY family_search, given_search LIMIT %s"
    )
    samples: list[float] = []
    with pg.raw_connect(url) as conn:
        for _ in range(2):
            samples = []
            for text in queries:
                pattern = fold_name(text).replace("\\", "\\\\").replace("%", "\\%")
                pattern = pattern.replace("_", "\\_") + "%"
                start = time.perf_counter()
                conn.execute(statement, (pattern, bench_search.RAW_LIMIT)).fetchall()
                samples.append(time.perf_counter() - start)
    return samples


# --- the monthly PDF and the funder workbook -------------------------------------------


def _reports(server: str, clients: int, folder: Path) -> list[Figure]:
    url = pg.working_copy(server, clients, "rd_bench_reports")
    database = open_database(url)
    month, year = bench_reports.MONTH, bench_reports.YEAR
    pdf, funder = folder / "monthly-pg.pdf", folder / "funder-pg.xlsx"
    replay = functools.partial(replay_postgres, url)
    try:
        quick_hashing()
        manager = signed_in(database, "manager")

        def make_pdf() -> object:
            return monthly_report(database, manager, month.start.year, month.start.month, pdf)

        def make_plain() -> object:
            return funder_workbook(database, manager, year.start, year.end, funder)

        report = bench_reports._timing(make_pdf)
        report_reads = bench_reports._raw_reads(database, make_pdf, replay)
        plain = bench_reports._timing(make_plain)
        plain_reads = bench_reports._raw_reads(database, make_plain, replay)
    finally:
        database.dispose()
    return [
        bench_reports._against_reads(
            f"monthly PDF end to end, {month.start:%Y-%m} {ON}", report, report_reads, "with trends"
        ),
        bench_reports._against_reads(
            f"funder workbook without rows {ON}", plain, plain_reads, f"{year.start} to {year.end}"
        ),
    ]


# --- the exchange workbook ---------------------------------------------------------------


def _exchange(server: str, clients: int, folder: Path) -> list[Figure]:
    """The exchange rows of bench_exchange on the server: the export of the agency against
    bare xlsxwriter writing its cells, its memory, and the import of the smaller agency's
    export into an empty database against that export."""
    small_url = pg.working_copy(server, MEMORY_CLIENTS, "rd_bench_exchange")
    small = bench_exchange.exports(
        small_url, folder / "exchange-pg-small.xlsx", bench_exchange.REPEAT
    )
    imported = bench_exchange.imports(
        small["file"], lambda n: pg.new_database(server, f"rd_bench_import_{n}")
    )
    big_url = pg.working_copy(server, clients, "rd_bench_exchange")
    big = bench_exchange.exports(big_url, folder / "exchange-pg.xlsx", 1)
    return bench_exchange.figures(folder, clients, small, big, imported, f" {ON}")
