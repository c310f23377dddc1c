"""The PostgreSQL column of `make bench`: a server, the demo agency on it, raw psycopg.

The server is `RECOVERY_DESK_BENCH_PG_URL` (a URL of its `postgres` database; each
benchmark makes databases of its own there) or, when none is given and the server
binaries are installed, a throwaway cluster on 127.0.0.1 with fsync on, started here
and removed at the end. The demo agency is built once per server and kept as a
`pg_dump` in `.bench-cache/`, restored on the next run's new cluster; a benchmark that
writes works on a copy made with CREATE DATABASE ... TEMPLATE (a file copy on the server).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

import reports.datasets.status_store  # noqa: F401  (a demo's saves rebuild stored status)
from db.demo import build_demo
from db.startup import open_database
from tests.bench.agency import CACHE, SEED, TODAY
from tests.pg_cluster import Cluster, server_binaries

URL_VAR = "RECOVERY_DESK_BENCH_PG_URL"


@contextlib.contextmanager
def bench_server() -> Iterator[str | None]:
    """The server's URL for the run, or None when there is no PostgreSQL to bench on."""
    given = os.environ.get(URL_VAR)
    if given:
        yield given
        return
    binaries = server_binaries()
    if binaries is None:
        yield None
        return
    cluster = Cluster(binaries, durable=True)
    try:
        cluster.start()
        yield cluster.url
    finally:
        cluster.remove()


def database_url(server: str, name: str) -> str:
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def raw_connect(url: str) -> psycopg.Connection[Any]:
    """psycopg itself on a database of the server, in autocommit as a raw baseline runs."""
    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    return psycopg.connect(plain, autocommit=True)


def new_database(server: str, name: str, template: str | None = None) -> str:
    """A database of its own (dropped first if a run left it), empty or a copy; its URL."""
    with raw_connect(server) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        copy = f' TEMPLATE "{template}"' if template else ""
        conn.execute(f'CREATE DATABASE "{name}"{copy}')
    return database_url(server, name)


def empty_database(server: str, name: str) -> str:
    """A database at the head schema."""
    url = new_database(server, name)
    open_database(url).dispose()
    return url


def working_copy(server: str, clients: int, name: str) -> str:
    return new_database(server, f"{name}_{clients}", template=agency(server, clients))


def agency(server: str, clients: int) -> str:
    """The name of the demo agency's database on this server, built or restored once."""
    name = f"rd_bench_demo_{clients}_seed{SEED}"
    with raw_connect(server) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return name
    dump = CACHE / f"demo-{clients}-seed{SEED}.pgdump"
    partial = f"{name}_building"
    url = new_database(server, partial)
    if dump.exists():
        _tool("pg_restore", "--no-owner", "-d", _libpq(url), str(dump))
    else:
        _build(url, clients)
        CACHE.mkdir(exist_ok=True)
        written = dump.with_name(f"{dump.name}.writing-{os.getpid()}")
        _tool("pg_dump", "-Fc", "-f", str(written), _libpq(url))
        written.rename(dump)
    # Planner statistics, as after any bulk load: neither a build nor pg_restore makes
    # them, and without them a report's joins were planned for empty tables (a 20,000-
    # client monthly report ran for over ten minutes).
    with raw_connect(url) as conn:
        conn.execute("ANALYZE")
    with raw_connect(server) as conn:
        conn.execute(f'ALTER DATABASE "{partial}" RENAME TO "{name}"')
    return name


def _build(url: str, clients: int) -> None:
    print(f"building the {clients:,}-client demo agency on PostgreSQL (once) ...", file=sys.stderr)
    start = time.perf_counter()
    database = open_database(url)
    try:
        build_demo(database, clients, SEED, today=TODAY)
    finally:
        database.dispose()
    print(f"built in {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _tool(name: str, *args: str) -> None:
    binaries = server_binaries()
    command: Sequence[str] = [str(binaries / name) if binaries else name, *args]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
