"""The monthly walk split over worker processes (reports.datasets.walk_split): the same report
as one process walking, on SQLite, an encrypted file and PostgreSQL; one state of the
database even when a save lands while the workers start; cancelling and a killed worker.

The hand-worked and consistency tests are the independent expectation of the figures:
run them with RECOVERY_DESK_WALK_WORKERS=2 RECOVERY_DESK_WALK_SPLIT_FROM=0 to hold the
split walk to them (docs/reports.md). Here every walk is split, however small.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from db import report_queries
from db.cipher import Passphrase
from db.dates import Period
from db.demo import build_demo
from db.encryption import encrypt_file
from db.engine import Database
from db.jobs import Cancelled
from db.startup import open_database
from forms import corrections
from forms.corrections import VOID_REASON_LABELS
from reports.datasets import monthly_dataset, walk_split
from reports.datasets.alongside import Once
from reports.datasets.deidentify import RowCollector
from reports.datasets.followup_tally import FollowupTally
from reports.datasets.outcome_change import USE_DAYS, OutcomeChange
from reports.datasets.recovery_tally import RecoveryTally
from reports.datasets.trend_tally import TrendTally, trend_dates, trend_months
from reports.datasets.walk_part import walk_part
from reports.outputs.monthly_data import build_report_data
from reports.tables.report_data import ReportData
from tests.accounts import actor_of
from tests.conftest import new_server_database

TODAY = dt.date(2026, 11, 27)
OCTOBER = Period.month(2026, 10)
STAMP = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
CLIENTS = 150


@pytest.fixture(params=["forkserver", "spawn"])
def split(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every walk split over two workers, however few clients it has; the workers forked
    from a forkserver (Linux, macOS) or spawned (Windows, and what each did before)."""
    monkeypatch.setenv(walk_split.WORKERS_VARIABLE, "2")
    monkeypatch.setenv(walk_split.SPLIT_FROM_VARIABLE, "0")
    monkeypatch.setattr(walk_split, "_start_method", lambda: request.param)


def _report(database: Database, **kwargs: object) -> ReportData:
    return build_report_data(
        database, actor_of(database), OCTOBER, summary=True, generated_at=STAMP, **kwargs
    )


def _one_process(database: Database) -> ReportData:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(walk_split.WORKERS_VARIABLE, "1")
        return _report(database)


def _walked_apart(caplog: pytest.LogCaptureFixture) -> None:
    """Nothing fell back to one process (a failed worker logs it)."""
    assert not [r for r in caplog.records if "walking in one process" in r.getMessage()]


def _walked_alone(database: Database, caplog: pytest.LogCaptureFixture, *why: str) -> None:
    """The report walked in one process, logged `why`, and printed one process's figures."""
    apart = _report(database)
    for said in why:
        assert said in caplog.text
    assert apart == _one_process(database)


@pytest.fixture(scope="module")
def plain_agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("split") / "agency.sqlite3"))
    build_demo(database, CLIENTS, 3, today=TODAY)
    yield database
    database.dispose()


@pytest.fixture
def server_agency() -> Iterator[Database]:
    with new_server_database("rd_split") as url:
        database = open_database(url)
        build_demo(database, CLIENTS, 3, today=TODAY)
        try:
            yield database
        finally:
            database.dispose()


def test_the_split_walk_prints_the_report_one_process_prints(
    split: None, plain_agency: Database, caplog: pytest.LogCaptureFixture
) -> None:
    cpu = walk_split.workers_cpu_seconds()
    apart = _report(plain_agency)
    _walked_apart(caplog)
    # The workers said what they used (the bench counts it as the report's CPU).
    assert walk_split.workers_cpu_seconds() > cpu
    assert apart == _one_process(plain_agency)
    # A report with figures in it, not an empty one.
    assert apart.table("recovery_population").row("Known status (in the tables below)").values[0]


def test_an_encrypted_file_is_walked_apart_with_its_key(
    split: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "secret.sqlite3"
    plain = open_database(str(path))
    build_demo(plain, 60, 5, today=TODAY)
    plain.dispose()
    key = Passphrase("a long agency passphrase")
    encrypt_file(path, key)
    database = open_database(str(path), key=key)
    try:
        apart = _report(database)
        _walked_apart(caplog)
        assert apart == _one_process(database)
    finally:
        database.dispose()


@pytest.mark.postgres
def test_postgresql_is_walked_apart_in_the_parents_snapshot(
    split: None, server_agency: Database, caplog: pytest.LogCaptureFixture
) -> None:
    before = _one_process(server_agency)
    walk_split.after_moment = lambda: _void_october(server_agency)
    try:
        apart = _report(server_agency)
    finally:
        walk_split.after_moment = None
    _walked_apart(caplog)
    assert apart == before
    assert _one_process(server_agency) != before  # the save did change the figures


def test_a_save_while_the_workers_start_does_not_mix_two_states(
    split: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    database = open_database(str(tmp_path / "busy.sqlite3"))
    build_demo(database, 80, 4, today=TODAY)
    try:
        before = _one_process(database)
        walk_split.after_moment = lambda: _void_october(database)
        caplog.set_level(logging.INFO, logger=walk_split.__name__)
        try:
            apart = _report(database)
        finally:
            walk_split.after_moment = None
        assert apart == before  # the state the report began reading, not the saved one
        assert "walked again in the parent" in caplog.text
        assert _one_process(database) != before  # the save did change the figures
    finally:
        database.dispose()


def test_the_workers_never_take_the_files_of_a_database_still_open(
    split: None, tmp_path: Path
) -> None:
    """A program that read its file's header with plain file calls (the start-up checks do)
    has lost its POSIX locks on it, so a worker closing its connection would think itself
    the last user and delete the -wal and -shm under the program: its next save would fail
    with a disk I/O error, or go to a deleted file. The workers read only."""
    path = tmp_path / "open.sqlite3"
    database = open_database(str(path))
    build_demo(database, 60, 6, today=TODAY)
    try:
        before = _one_process(database)
        with open(path, "rb") as header:  # what the start-up checks do
            header.read(100)
        assert _report(database) == before
        assert Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
        _void_october(database)  # saved, and seen
        assert _one_process(database) != before
    finally:
        database.dispose()


def _void_october(database: Database) -> None:
    """Void every completed assessment of the report's month, committed."""
    with database.reading() as session:
        found = session.execute(
            text(
                "SELECT id, version FROM assessments WHERE assessed_on BETWEEN :a AND :b "
                "AND contact_status = 'completed' AND voided_at IS NULL"
            ),
            {"a": OCTOBER.start, "b": OCTOBER.end},
        ).all()
    assert found
    reason = next(iter(VOID_REASON_LABELS))
    for record_id, version in found:
        corrections.void_record(
            database, actor_of(database), TODAY, "assessment", record_id, version, reason
        )


def test_each_worker_reads_the_days_of_use_of_its_own_part(
    split: None,
    plain_agency: Database,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Outcome change's days of use are read by the workers (beside each other), not by
    the report after the walk; the table is the one a single process prints."""
    read_by_the_report: list[int] = []
    substances_on = report_queries.substances_on

    def watched(session: object, days: list[tuple[int, dt.date]]) -> object:
        read_by_the_report.append(len(days))
        return substances_on(session, days)  # type: ignore[arg-type]

    monkeypatch.setattr(report_queries, "substances_on", watched)
    apart = _report(plain_agency)
    _walked_apart(caplog)
    assert read_by_the_report == []
    alone = _one_process(plain_agency)
    assert read_by_the_report  # one process reads them itself, after its walk
    use_days = str(USE_DAYS.label)
    assert apart.table("outcome_change").row(use_days) == alone.table("outcome_change").row(
        use_days
    )
    assert apart.table("outcome_change").row(use_days).values[0]  # clients with both


def test_only_observers_that_can_be_split_let_the_walk_split(split: None) -> None:
    rows = RowCollector(OCTOBER, "WA", lambda row: None)
    outcomes = OutcomeChange(OCTOBER)
    assert walk_split.workers_for(50_000, [rows, outcomes]) == 2

    class WatchesOnly:  # no `part`, `settle` or `merge`: its counts cannot be made apart
        def attach(self, session: object) -> None:
            pass

    assert walk_split.workers_for(50_000, [rows, WatchesOnly()]) == 1


def test_a_part_the_report_walks_itself_stops_when_cancelled(plain_agency: Database) -> None:
    """A part a worker read at a later state is walked again by the report's own process
    (the clients only an observer needs with it): cancelling stops that walk too."""
    dates = trend_dates(OCTOBER.end, monthly_dataset.TREND_MONTHS)
    tallies = monthly_dataset._Tallies(
        FollowupTally(OCTOBER, (3, 6, 12), trend_months(dates)),
        TrendTally(dates),
        RecoveryTally(),
    )
    with plain_agency.reading() as session:
        ids = report_queries.assessed_client_ids(
            session, monthly_dataset.population_start(dates), dates[-1]
        )
        (job,) = walk_split._jobs(tallies, ids, ((), []), parts=1)
        with pytest.raises(Cancelled):
            walk_part(session, job, cancelled=lambda: True)
        walked = walk_part(session, job, cancelled=lambda: False)
    assert walked.harm.clients > 10  # the part walked its clients: not an empty walk


def test_cancelling_stops_the_workers(split: None, plain_agency: Database) -> None:
    told: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        _report(
            plain_agency, progress=lambda d, t: told.append((d, t)), cancelled=lambda: told != []
        )
    assert multiprocessing.active_children() == []


def test_a_killed_worker_leaves_the_walk_to_one_process(
    split: None,
    plain_agency: Database,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    given = walk_split._Workers._give

    def give_then_kill(pipe, waiting, busy) -> None:  # type: ignore[no-untyped-def]
        given(pipe, waiting, busy)
        for child in multiprocessing.active_children():
            os.kill(child.pid, signal.SIGKILL)

    monkeypatch.setattr(walk_split._Workers, "_give", staticmethod(give_then_kill))
    _walked_alone(plain_agency, caplog, "walking in one process")
    assert multiprocessing.active_children() == []


def test_a_worker_running_other_code_than_the_report_does_not_walk(
    split: None,
    plain_agency: Database,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A forkserver may have imported the walk from another copy of the program (older
    Pythons import along its own path): its workers refuse, and the report walks alone."""
    monkeypatch.setattr(walk_split, "code_file", lambda: "/elsewhere/walk_part.py")
    _walked_alone(plain_agency, caplog, "walking in one process", "/elsewhere/walk_part.py")


@pytest.mark.parametrize("split", ["forkserver"], indirect=True)
def test_a_forkserver_that_cannot_start_leaves_the_walk_to_one_process(
    split: None,
    plain_agency: Database,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Its socket lives in the temporary folder: a path too long for one, say."""

    def refused() -> None:
        raise OSError("AF_UNIX path too long")

    monkeypatch.setattr(walk_split.forkserver, "ensure_running", refused)
    _walked_alone(plain_agency, caplog, "the walk workers did not start", "AF_UNIX path too long")


@pytest.mark.parametrize("split", ["forkserver"], indirect=True)
def test_a_forkserver_that_cannot_fork_leaves_the_walk_to_one_process(
    split: None,
    plain_agency: Database,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The server died between the report's start and its walk, and cannot be reached."""

    def gone(fds: object) -> None:
        raise ConnectionRefusedError("the forkserver is gone")

    monkeypatch.setattr(multiprocessing.forkserver, "connect_to_new_process", gone)
    _walked_alone(plain_agency, caplog, "walking in one process", "the forkserver is gone")
    assert multiprocessing.active_children() == []


def test_the_counts_read_beside_the_walk_fail_the_report_when_they_fail(
    split: None,
    plain_agency: Database,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The caseload and the other SQL counts are read by a thread of the parent while the
    workers walk (reports.datasets.alongside): their failure is the report's, not lost."""
    read_in: list[threading.Thread] = []

    def failing(*args: object) -> None:
        read_in.append(threading.current_thread())
        raise RuntimeError("the caseload could not be read")

    monkeypatch.setattr(monthly_dataset.queries, "caseload", failing)
    with pytest.raises(RuntimeError, match="the caseload could not be read"):
        _report(plain_agency)
    _walked_apart(caplog)
    assert read_in and read_in[0] is not threading.current_thread()  # beside the walk
    assert [t for t in threading.enumerate() if t.name == "report-counts"] == []
    monkeypatch.undo()
    assert _report(plain_agency) == _one_process(plain_agency)  # the database reads on


def test_work_done_once_answers_every_call_with_its_result_or_its_error() -> None:
    calls: list[int] = []
    counted = Once(lambda: calls.append(1) or len(calls))
    assert (counted(), counted(), calls) == (1, 1, [1])

    def broken() -> int:
        calls.append(2)
        raise ValueError("no such column")

    failed = Once(broken)
    for _ in range(2):
        with pytest.raises(ValueError, match="no such column"):
            failed()
    assert calls == [1, 2]


@pytest.mark.postgres
def test_a_failed_count_beside_the_walk_is_the_error_the_report_gives_on_postgresql(
    split: None, server_agency: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed statement ends a PostgreSQL transaction (and the snapshot the workers
    import, so they fail too and the parent would walk alone): the report must give that
    statement's error, not the next statement's 'current transaction is aborted'."""

    def failing(session: object, *args: object) -> None:
        session.execute(text("SELECT no_such_column FROM clients"))  # type: ignore[attr-defined]

    monkeypatch.setattr(monthly_dataset.queries, "caseload", failing)
    with pytest.raises(Exception, match="no_such_column") as raised:
        _report(server_agency)
    assert "aborted" not in str(raised.value)


def test_a_worker_ends_without_standard_streams() -> None:
    """The windowed bundle (and pythonw) gives a worker no stdout or stderr: its quick end
    must not fail on them, which would leave a dialog and hold the report up."""
    code = (
        "import sys; sys.stdout = sys.stderr = None\n"
        "from reports.datasets.walk_part import _end_at_once\n"
        "_end_at_once()\n"
        "raise SystemExit(3)  # not reached when the worker ends at once\n"
    )
    ended = subprocess.run([sys.executable, "-c", code], timeout=120, check=False)
    assert ended.returncode == 0
