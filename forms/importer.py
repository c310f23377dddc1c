"""Import an exchange workbook: every row validated with forms/, loaded whole or not at all.

The workbook streams through openpyxl's read-only mode a chunk of rows at a
time; each row is validated with the same functions the GUI's forms use,
and the valid rows of a chunk go in with Core executemany inserts inside ONE
write transaction. On a SQLite file that transaction is a private staging
copy's (db/import_stage.py), so the front desk keeps saving while the whole
file is read and checked; only a complete, valid import is then merged into
the database, in one short transaction with the `import` audit row (with
--update also the changed clients' rows, db/import_changes.py). On
PostgreSQL the transaction is the database's own. When
any problem was found the transaction is rolled back and the caller gets the
list of problems, each naming its sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from db import audit, backups, bulk, import_changes, import_stage, status_rows
from db.access import Actor, Permission
from db.engine import Database, Session
from db.jobs import Cancelled, IsCancelled, Progress
from forms.exchange import (
    ASSESSMENTS,
    CLIENTS,
    CONSENTS,
    ENCOUNTERS,
    EVENTS,
    RECORD_SHEETS,
    SUBSTANCES,
)
from forms.fields import N_
from forms.import_assessments import (
    SubstanceBuffer,
    SubstanceFeed,
    Substances,
    SubstancesOutOfOrder,
    load_assessments,
)
from forms.import_clients import load_clients, load_encounters, load_events
from forms.import_consents import consents_from_consent_share, load_consents
from forms.import_episodes import build_episodes
from forms.import_read import (
    ImportFileError,
    Problem,
    Problems,
    TooManyProblems,
    WorkbookReader,
)
from forms.import_run import ImportRun

__all__ = ["ImportFileError", "ImportResult", "Problem", "import_workbook"]

log = logging.getLogger(__name__)

_SHEET_ORDER = {s.name: i for i, s in enumerate(RECORD_SHEETS)}


@dataclass(frozen=True)
class ImportResult:
    """What an import did. Nothing was written unless `ok`."""

    problems: tuple[Problem, ...] = ()
    added: dict[str, int] = field(default_factory=dict)  # rows added, by sheet
    updated: dict[str, int] = field(default_factory=dict)  # with --update
    unchanged: dict[str, int] = field(default_factory=dict)  # with --update
    episodes: int = 0
    rows_read: int = 0
    stopped_early: bool = False  # so many problems that reading stopped
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled


class _Rejected(Exception):
    pass


def import_workbook(
    database: Database,
    actor: Actor,
    path: Path,
    today: dt.date,
    *,
    update: bool = False,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportResult:
    """Load the workbook at `path` whole, or nothing and the list of problems.

    `update` lets rows change or add to clients stored before (each change
    audited). `progress(done, total)` is called between chunks of rows;
    `cancelled()` returning true rolls everything back.
    """
    actor.require(Permission.IMPORT)
    database.require_healthy_file()  # never back up (or import into) a damaged file
    try:
        return _attempt(database, actor, Path(path), today, update, progress, cancelled, True)
    except SubstancesOutOfOrder:
        log.info("Substances rows not in Assessments order; reading %s again", path)
        return _attempt(database, actor, Path(path), today, update, progress, cancelled, False)


def _attempt(
    database: Database,
    actor: Actor,
    path: Path,
    today: dt.date,
    update: bool,
    progress: Progress | None,
    cancelled: IsCancelled | None,
    in_order: bool,
) -> ImportResult:
    problems = Problems()
    job = _Job(actor, path, today, update, problems, progress, cancelled, in_order)
    with WorkbookReader(path) as reader, database.importing():
        try:
            staged = import_stage.can_stage(database)
            if staged or not database.is_sqlite:
                job.reserve_codes = functools.partial(_reserve_codes, database)
            result = _staged(database, job, reader) if staged else _direct(database, job, reader)
            log.info("imported %s: %s", path.name, result.added)
            return result
        except _Rejected:
            return _rejected(problems, job.run)
        except TooManyProblems:
            return _rejected(problems, job.run, stopped_early=True)
        except Cancelled:
            log.info("import of %s cancelled; nothing was written", path.name)
            return ImportResult(cancelled=True, rows_read=job.run.done_rows if job.run else 0)


@dataclass
class _Job:
    actor: Actor
    path: Path
    today: dt.date
    update: bool
    problems: Problems
    progress: Progress | None
    cancelled: IsCancelled | None
    in_order: bool
    run: ImportRun | None = None
    # Where the import does not hold the database's write lock itself: the codes it loads
    # taken off the automatic-code counter, each chunk in a short transaction of its own.
    reserve_codes: Callable[[list[str]], None] | None = None

    def load(self, session: Session, reader: WorkbookReader) -> ImportResult:
        """Every row read, validated and loaded in `session`; _Rejected on any problem."""
        self.run = ImportRun(
            session,
            self.actor,
            self.today,
            self.update,
            self.problems,
            self.progress,
            self.cancelled,
        )
        self.run.position = reader.position
        self.run.reserve_codes = self.reserve_codes
        _load(self.run, reader, self.in_order)
        return _finish(self.run)


def _direct(database: Database, job: _Job, reader: WorkbookReader) -> ImportResult:
    """Validated and loaded in one write transaction of the database itself: on
    PostgreSQL, where an import's rows hold up no other workstation's save, and into an
    in-memory SQLite database, which has no file to copy."""
    with database.writing() as session:
        if not database.is_sqlite:  # saves go on meanwhile: their audit rows must too
            audit.hold_chain_until_commit(session)
        result = job.load(session, reader)
        _back_up_before_commit(database)
        _audit(session, job, result)
    return result


def _staged(database: Database, job: _Job, reader: WorkbookReader) -> ImportResult:
    """Validated and loaded in a staging copy (db/import_stage.py) without holding the
    database's write lock; written to the database in one short transaction at the end."""
    with import_stage.staged(database) as (stage, before):
        with stage.writing() as staged:
            audit.hold_chain_until_commit(staged)  # chained in the database, not the copy
            result = job.load(staged, reader)
            if job.update:
                _keep_written(staged, job)
            held = audit.take_held_rows(staged)
        # Committed in the copy only: the database has none of it yet.
        _back_up_before_commit(database)
        try:
            with import_stage.merging(database, stage) as session:
                import_stage.merge(session, before, changes=job.update, audit_rows=held)
                _audit(session, job, result)
        except import_stage.CodesTakenError as clash:
            _codes_taken(job, clash)
        except import_changes.ChangedAtDeskError as clash:
            _changed_at_desk(job, clash)
    return result


def _keep_written(session: Session, job: _Job) -> None:
    """The stored clients the import wrote, with the file row naming each, kept in the copy
    for the merge (db/import_changes.py)."""
    assert job.run is not None
    run = job.run
    written = run.written_clients()
    import_changes.keep_written(
        session, {cid: run.first_rows.get(cid, (CLIENTS.name, 0, "")) for cid in written}
    )


def _changed_at_desk(job: _Job, clash: import_changes.ChangedAtDeskError) -> None:
    """A desk wrote to a client this --update import changes while it was checked: merging
    the copy would undo that save, so the file is refused and nothing is written."""
    for sheet, row, code in clash.changed:
        job.problems.add(sheet, row, "client_code", _CHANGED_MEANWHILE.format(code=code))
    raise _Rejected()


_CHANGED_MEANWHILE = N_(
    "{code} was changed at a desk while this import ran; nothing was imported, run it again"
)


def _codes_taken(job: _Job, clash: import_stage.CodesTakenError) -> None:
    """A desk registered a client under a code of the file while it was being checked:
    the file is refused, each such row named, and nothing is written."""
    assert job.run is not None
    for staged_id, code in clash.taken:
        row = job.run.client_rows.row_of(staged_id)
        job.problems.add(CLIENTS.name, row, "client_code", _TAKEN_MEANWHILE.format(code=code))
    raise _Rejected()


_TAKEN_MEANWHILE = N_(
    "{code} was registered in the database while this import ran; "
    "give this client another code or leave that one out, then import again"
)


def _reserve_codes(database: Database, codes: list[str]) -> None:
    with database.writing() as session:
        bulk.reserve_client_codes(session, codes)


def _back_up_before_commit(database: Database) -> None:
    """The day's first backup and the one before the import, taken once every row has
    passed and only the commit is left: a refused workbook leaves no backup behind. The
    backup reads the last committed state (the import's rows are not yet in it)."""
    backups.daily_backup(database)
    backups.automatic_backup(database, "before-import")


def _load(run: ImportRun, reader: WorkbookReader, in_order: bool) -> None:
    reader.check_sheets(run.problems)
    load_clients(run, reader.rows(CLIENTS, run.problems))
    substance_rows = reader.rows(SUBSTANCES, run.problems)
    substances: Substances = (
        SubstanceFeed(run, substance_rows) if in_order else SubstanceBuffer(run, substance_rows)
    )
    load_assessments(run, reader.rows(ASSESSMENTS, run.problems), substances)
    load_events(run, reader.rows(EVENTS, run.problems))
    load_encounters(run, reader.rows(ENCOUNTERS, run.problems))
    load_consents(run, reader.rows(CONSENTS, run.problems))
    consents_from_consent_share(run)


def _finish(run: ImportRun) -> ImportResult:
    if run.problems:
        raise _Rejected()
    episodes = build_episodes(run)
    if run.problems:
        raise _Rejected()
    touched = run.rebuild_clients | run.status_clients | set(run.client_rows.ids())
    status_rows.rebuild(run.session, sorted(touched))
    if run.progress is not None and run.position is not None:
        total = run.position()[1]
        run.progress(total, total)
    return ImportResult(
        added=_nonzero(run.added),
        updated=_nonzero(run.updated),
        unchanged=_nonzero(run.unchanged),
        episodes=episodes,
        rows_read=run.done_rows,
    )


def _audit(session: Session, job: _Job, result: ImportResult) -> None:
    path = job.path
    audit.record(
        session,
        job.actor,
        "import",
        "workbook",
        path.name[-60:],
        after={
            "file": path.name,
            "update": job.update,
            "added": result.added,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "episodes": result.episodes,
        },
    )


def _nonzero(counts: Mapping[str, int]) -> dict[str, int]:
    return {key: n for key, n in counts.items() if n}


def _rejected(
    problems: Problems, run: ImportRun | None, stopped_early: bool = False
) -> ImportResult:
    last = len(_SHEET_ORDER)
    ordered = sorted(problems.items, key=lambda p: (_SHEET_ORDER.get(p.sheet, last), p.row))
    return ImportResult(
        problems=tuple(ordered), stopped_early=stopped_early, rows_read=run.done_rows if run else 0
    )
