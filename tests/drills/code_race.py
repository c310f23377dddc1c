"""Desks registering clients at once with the code left blank, each desk a process.

    python -m tests.drills.code_race --db URL_OR_PATH [--desks 4] [--clients 100]

Prints how many saves failed and how many codes were handed out twice; exits 1 when
any did. Without --db it makes a SQLite file in a temporary folder. On PostgreSQL
`--db` names a database the user may drop and create again (it is emptied first).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from db.engine import Database
from db.models import Client
from db.startup import open_database
from forms import accounts, records
from tests.accounts import DAY as TODAY
from tests.accounts import PASSWORD, quick_hashing, signed_in


def _desk(url: str, desk: int, clients: int, start: object, out: object) -> None:
    database = Database(url)
    actor = accounts.sign_in(database, "test-front-desk", PASSWORD).actor
    failures: list[str] = []
    start.wait()  # type: ignore[attr-defined]
    for n in range(clients):
        person = {
            "client_code": "",
            "given_name": f"Desk{desk}",
            "family_name": f"Racer{n:04d}",
            "birth_date": "1980-01-01",
        }
        try:
            records.create_client(database, actor, person, TODAY)
        except Exception as exc:  # what the person at the desk would read
            failures.append(f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
    out.put(failures)  # type: ignore[attr-defined]
    database.dispose()


def run(url: str, desks: int, clients: int) -> int:
    quick_hashing()
    database = open_database(url)
    signed_in(database, "front_desk")
    database.dispose()
    start = multiprocessing.Barrier(desks)
    out: multiprocessing.Queue[list[str]] = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=_desk, args=(url, d, clients, start, out))
        for d in range(desks)
    ]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    failures = [line for _ in workers for line in out.get()]
    for worker in workers:
        worker.join()
    seconds = time.perf_counter() - began
    database = Database(url)
    with database.reading() as session:
        codes = Counter(session.scalars(select(Client.client_code)))
    database.dispose()
    twice = sum(1 for n in codes.values() if n > 1)
    names = sum(1 for line in failures if "Racer" in line)
    print(
        f"{desks} desks x {clients} clients: {len(failures)} failed, "
        f"{twice} codes handed out twice, {names} messages naming a client, "
        f"{sum(codes.values())} clients stored, {seconds:.1f} s"
    )
    for line, n in Counter(failures).most_common(3):
        print(f"  {n} x {line}")
    return 1 if failures or twice else 0


def fresh_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a SQLAlchemy URL or a SQLite path (default: a new file)")
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--clients", type=int, default=100, help="clients per desk")
    args = parser.parse_args(argv)
    if args.db is None:
        folder = tempfile.mkdtemp(prefix="code-race-")
        url = f"sqlite:///{Path(folder) / 'race.sqlite3'}"
    elif "://" in args.db:
        url = args.db
        if url.startswith("postgresql"):
            fresh_postgres(url)
    else:
        url = f"sqlite:///{Path(args.db).resolve()}"
    return run(url, args.desks, args.clients)


if __name__ == "__main__":
    sys.exit(main())
