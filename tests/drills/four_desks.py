"""The four-desk drill: four desks, an import and a monthly report on one database at once.

    python -m tests.drills.four_desks [--db URL_OR_PATH] [--clients 40]

Desks 1-4 (processes) first save the same shared client opened before the start
(one wins, three are told of a conflict), then register clients with the code
left blank, enter an intake for each and edit the same few shared clients; a
fifth process imports a workbook of new clients and a sixth prints the monthly
report. A refusal a person would
meet with "try again" (busy with an import, locked) is retried after a pause and
counted; a conflict on a shared client is counted as a conflict. Afterwards every
acknowledged save is looked for in the database, and each shared client must hold
the values of its last acknowledged edit. Prints the figures; exits 1 on any
error shown to a person, lost save or silent overwrite.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.engine import Database
from db.models import Assessment, Client
from db.startup import open_database
from forms import accounts, records
from forms.client_record import open_client
from forms.failures import failure_line, reason
from forms.importer import import_workbook
from forms.vocabulary import ConflictError
from reports.outputs.monthly_pdf import monthly_report
from tests.accounts import DAY as TODAY
from tests.accounts import PASSWORD, quick_hashing, signed_in
from tests.drills.code_race import fresh_postgres
from tests.forms.exchange_books import client, write_book

DESKS = 4
SHARED = 3
IMPORTED = 1500
INTAKE = {"assessed_on": "2026-11-02", "kind": "intake", "contact_status": "refused"}
TRY_AGAIN = 50  # a busy database is tried again this many times, 0.1 s apart


@dataclass
class DeskLog:
    saved: list[tuple[str, str]] = field(default_factory=list)  # (code, family name)
    intakes: list[int] = field(default_factory=list)  # client ids with an intake
    edits: list[tuple[int, int, str]] = field(default_factory=list)  # (id, version, phone)
    seconds: list[float] = field(default_factory=list)
    slowest: list[tuple[float, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    retried: int = 0
    conflicts: int = 0


def _attempt(log: DeskLog, what: str, action: Any) -> Any:
    """Do `action` as a person would: again after a pause while the database is busy."""
    for _ in range(TRY_AGAIN):
        began = time.perf_counter()
        try:
            result = action()
        except ConflictError:
            log.conflicts += 1
            return None
        except Exception as exc:
            why = reason(exc)
            if why is not None and ("busy" in why or "locked" in why):
                log.retried += 1
                time.sleep(0.1)
                continue
            log.errors.append(failure_line(what, exc))
            return None
        log.seconds.append(time.perf_counter() - began)
        log.slowest = sorted([*log.slowest, (log.seconds[-1], what)], reverse=True)[:3]
        return result
    log.errors.append(f"{what}: still busy after {TRY_AGAIN} tries")
    return None


def _edit_shared(
    log: DeskLog, database: Database, actor: Any, target: int, opened: Any, phone: str
) -> None:
    """Save a new phone on a shared client opened at `opened.version`."""
    values = {k: v for k, v in opened.values.items() if v is not None}
    values.update(phone=phone, birth_date=opened.values["birth_date"].isoformat())
    version = _attempt(
        log,
        "Saving the client",
        lambda: records.update_client(database, actor, target, opened.version, values, TODAY),
    )
    if version is not None:
        log.edits.append((target, version, phone))


def _desk(url: str, desk: int, clients: int, shared: list[int], start: Any, out: Any) -> None:
    database = Database(url)
    actor = accounts.sign_in(database, "test-front-desk", PASSWORD).actor
    log = DeskLog()
    # Every desk opens the first shared client before the start and saves it first:
    # one save wins, the other DESKS - 1 must each be told of a conflict.
    first = open_client(database, actor, shared[0])
    start.wait()
    _edit_shared(log, database, actor, shared[0], first, f"555 {desk}9999")
    for n in range(clients):
        family = f"Desk{desk}n{n:03d}"
        person = {"given_name": "Drill", "family_name": family, "birth_date": "1981-02-03"}
        new_id = _attempt(
            log,
            "Saving the client",
            lambda: records.create_client(database, actor, person, TODAY),  # noqa: B023 - called at once, inside the loop
        )
        if new_id is None:
            continue
        with database.reading() as session:
            code = session.scalar(select(Client.client_code).where(Client.id == new_id))
        log.saved.append((str(code), family))
        if _attempt(
            log,
            "Saving the intake",
            lambda: records.add_assessment(database, actor, new_id, INTAKE, [], TODAY),  # noqa: B023 - called at once, inside the loop
        ):
            log.intakes.append(new_id)
        target = shared[n % len(shared)]
        opened = _attempt(log, "Opening the client", lambda: open_client(database, actor, target))  # noqa: B023 - called at once, inside the loop
        if opened is None:
            continue
        _edit_shared(log, database, actor, target, opened, f"555 {desk}{n:04d}")
    out.put((f"desk {desk}", log))
    database.dispose()


def _importer(url: str, book: Path, start: Any, out: Any) -> None:
    database = Database(url)
    actor = accounts.sign_in(database, "test-admin", PASSWORD).actor
    log = DeskLog()
    start.wait()
    time.sleep(0.3)  # the desks are saving when it begins
    result = _attempt(log, "import", lambda: import_workbook(database, actor, book, TODAY))
    if result is not None and not result.ok:
        log.errors.append(f"import refused: {result.problems[:3]}")
    out.put(("import", log))
    database.dispose()


def _reporter(url: str, folder: Path, start: Any, out: Any) -> None:
    database = Database(url)
    actor = accounts.sign_in(database, "test-manager", PASSWORD).actor
    log = DeskLog()
    start.wait()
    time.sleep(0.6)
    _attempt(
        log,
        "report monthly",
        lambda: monthly_report(database, actor, 2026, 11, folder / "monthly.pdf"),
    )
    out.put(("report", log))
    database.dispose()


def _prepare(url: str, folder: Path) -> tuple[list[int], Path]:
    quick_hashing()
    database = open_database(url)
    for role in ("admin", "manager", "front_desk"):
        signed_in(database, role)
    actor = signed_in(database, "front_desk")
    shared = [
        records.create_client(
            database,
            actor,
            {"given_name": "Shared", "family_name": f"Shared{n}", "birth_date": "1970-01-01"},
            TODAY,
        )
        for n in range(SHARED)
    ]
    database.dispose()
    rows = [client(f"IMP-{n:05d}", family_name=f"Imported{n}") for n in range(IMPORTED)]
    return shared, write_book(folder / "import.xlsx", {"Clients": rows})


@dataclass(frozen=True)
class Outcome:
    errors: list[str]
    lost: int
    overwritten: int
    conflicts: int
    retried: int
    saves: int
    registered: int  # new clients the desks were told were saved
    p99_ms: float
    slowest: list[tuple[float, str]]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.lost and not self.overwritten


def run(url: str, clients: int, folder: Path) -> Outcome:
    shared, book = _prepare(url, folder)
    start = multiprocessing.Barrier(DESKS + 2)
    out: Any = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=_desk, args=(url, d, clients, shared, start, out))
        for d in range(1, DESKS + 1)
    ]
    workers.append(multiprocessing.Process(target=_importer, args=(url, book, start, out)))
    workers.append(multiprocessing.Process(target=_reporter, args=(url, folder, start, out)))
    for worker in workers:
        worker.start()
    logs: dict[str, DeskLog] = dict(out.get(timeout=600) for _ in workers)
    for worker in workers:
        worker.join()
    return _check(url, logs)


def _check(url: str, logs: dict[str, DeskLog]) -> Outcome:
    database = Database(url)
    with database.reading() as session:
        stored = dict(session.execute(select(Client.client_code, Client.family_name)).all())
        with_intake = set(session.scalars(select(Assessment.client_id)))
        phones = dict(session.execute(select(Client.id, Client.phone)).all())
        versions = dict(session.execute(select(Client.id, Client.version)).all())
    database.dispose()
    everything = list(logs.values())
    lost = sum(stored.get(code) != family for log in everything for code, family in log.saved)
    lost += sum(cid not in with_intake for log in everything for cid in log.intakes)
    last_edit: dict[int, tuple[int, str]] = {}
    for log in everything:
        for cid, version, phone in log.edits:
            if cid not in last_edit or version > last_edit[cid][0]:
                last_edit[cid] = (version, phone)
    overwritten = sum(
        versions[cid] != version or phones[cid] != phone
        for cid, (version, phone) in last_edit.items()
    )
    # Two acknowledged edits of one client with the same version: one overwrote the other.
    acknowledged = [(cid, v) for log in everything for cid, v, _ in log.edits]
    overwritten += len(acknowledged) - len(set(acknowledged))
    seconds = sorted(s for log in everything for s in log.seconds)
    p99 = seconds[min(len(seconds) - 1, int(len(seconds) * 0.99))] * 1000 if seconds else 0.0
    return Outcome(
        errors=[f"{who}: {line}" for who, log in logs.items() for line in log.errors],
        lost=lost,
        overwritten=overwritten,
        conflicts=sum(log.conflicts for log in everything),
        retried=sum(log.retried for log in everything),
        saves=len(seconds),
        registered=sum(len(log.saved) for log in everything),
        p99_ms=p99,
        slowest=sorted((x for log in everything for x in log.slowest), reverse=True)[:5],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", help="a SQLAlchemy URL or a SQLite path (default: a new file)")
    parser.add_argument("--clients", type=int, default=40, help="clients per desk")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="four-desks-"))
    if args.db is None:
        url = f"sqlite:///{folder / 'drill.sqlite3'}"
    elif "://" in args.db:
        url = args.db
        if url.startswith("postgresql"):
            fresh_postgres(url)
    else:
        url = f"sqlite:///{Path(args.db).resolve()}"
    outcome = run(url, args.clients, folder)
    print(
        f"{DESKS} desks x {args.clients} clients, an import of {IMPORTED}, a monthly report: "
        f"{len(outcome.errors)} errors shown, {outcome.lost} saves lost, "
        f"{outcome.overwritten} overwritten, {outcome.conflicts} conflicts told, "
        f"{outcome.retried} busy retries, {outcome.saves} saves, p99 {outcome.p99_ms:.0f} ms"
    )
    slow = ", ".join(f"{what} {sec * 1000:.0f} ms" for sec, what in outcome.slowest)
    print(f"  slowest: {slow}")
    for line in outcome.errors[:5]:
        print(f"  {line}")
    return 0 if outcome.ok else 1


if __name__ == "__main__":
    sys.exit(main())
