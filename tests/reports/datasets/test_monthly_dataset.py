"""The walk of the monthly dataset, watched: every observer sees every walked client once,
with the status the report counts, in the agency's id order, and is told when it ends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator

import pytest
from sqlalchemy.orm import Session

from db.dates import Period
from db.engine import Database
from db.startup import open_database
from reports.datasets.id_set import IdSet
from reports.datasets.monthly_dataset import monthly_dataset
from reports.rules.facts import ClientHistory
from reports.rules.harm_trend import Levels
from reports.rules.recovery import ClassStatus
from tests.accounts import actor_of
from tests.reports.hand_agency import REPORT_MONTH, REPORT_YEAR, build, client_code

TODAY = dt.date(2026, 11, 27)
OCTOBER_2026 = Period.month(REPORT_YEAR, REPORT_MONTH)

# The headline status of each client of the hand-made agency on 2026-10-31, as its
# docstring works it out (tests/reports/hand_agency.py).
STATUS = {
    "A": "sustained_remission",
    "B": "active",
    "C": "active",
    "D": "deceased",
    "E": "unknown",
    "F": "early_remission",
    "G": "no_diagnosis",
    "H": "active",
}


class Recorder:
    """An observer that writes down what it is told, in order."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.seen: list[tuple[int, str, str | None, bool]] = []

    @property
    def reads(self) -> Collection[str]:
        return frozenset({"assessed_on", "kind", "contact_status"})

    def prepare(self, session: Session, followups_closed: Iterable[int]) -> IdSet:
        self.calls.append("prepare")
        return IdSet()

    def offer(
        self,
        history: ClientHistory,
        status: ClassStatus | None,
        harm: Levels | None,
        followups: tuple[int, int],
    ) -> None:
        self.calls.append("offer")
        dsm = None if status is None else status.dsm_status
        self.seen.append((history.client_id, history.client_code, dsm, harm is not None))

    def flush(self) -> None:
        self.calls.append("flush")


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("walk") / "agency.sqlite3"))
    build(database, actor_of(database), TODAY)
    yield database
    database.dispose()


def test_two_observers_see_the_same_walk_with_the_reported_status(agency: Database) -> None:
    first, second = Recorder(), Recorder()
    with agency.reading() as session:
        data = monthly_dataset(
            session, OCTOBER_2026, (3, 6, 12), pool_below=None, observers=(first, second)
        )
    assert first.seen == second.seen
    assert first.calls == ["prepare", *["offer"] * len(STATUS), "flush"]
    ids = [client_id for client_id, *_ in first.seen]
    assert ids == sorted(ids)
    statuses = {code: dsm for _, code, dsm, _ in first.seen}
    assert statuses == {client_code(letter): status for letter, status in STATUS.items()}
    # Evangeline's only assessment (2025-10-25) is before the harm period: no harm levels.
    unassessed = [code for _, code, _, assessed in first.seen if not assessed]
    assert unassessed == [client_code("E")]
    assert data.deceased == 1


def test_the_counts_do_not_depend_on_who_watches(agency: Database) -> None:
    with agency.reading() as session:
        alone = monthly_dataset(session, OCTOBER_2026, (3, 6, 12), pool_below=None)
        watched = monthly_dataset(
            session, OCTOBER_2026, (3, 6, 12), pool_below=None, observers=(Recorder(),)
        )
    assert alone.recovery == watched.recovery
    assert alone.followups.grid == watched.followups.grid
    assert alone.harm == watched.harm


class Reader(Recorder):
    """An observer that names what it reads of a walked client, and keeps the histories."""

    def __init__(self, walk_reads: Collection[str]) -> None:
        super().__init__()
        self.walk_reads = frozenset(walk_reads)
        self.histories: list[ClientHistory] = []

    def offer(
        self,
        history: ClientHistory,
        status: ClassStatus | None,
        harm: Levels | None,
        followups: tuple[int, int],
    ) -> None:
        super().offer(history, status, harm, followups)
        self.histories.append(history)


def _substance_classes(observer: Reader) -> set[str]:
    return {
        s.substance_class for h in observer.histories for a in h.assessments for s in a.substances
    }


def test_the_walk_reads_what_its_observers_name_and_counts_the_same(agency: Database) -> None:
    """Substance records and answers no tally reads are read only for an observer that
    names them (`walk_reads`); one that does not say is given everything."""
    narrow, goals, silent = Reader(()), Reader({"goal", "substances"}), Recorder()
    with agency.reading() as session:
        alone = monthly_dataset(session, OCTOBER_2026, (3, 6, 12), pool_below=None)
        watched = monthly_dataset(
            session, OCTOBER_2026, (3, 6, 12), pool_below=None, observers=(narrow,)
        )
        full = monthly_dataset(
            session, OCTOBER_2026, (3, 6, 12), pool_below=None, observers=(goals, silent)
        )
    assert len(narrow.histories) == len(STATUS)
    assert _substance_classes(narrow) == set()
    assert {a.goal for h in narrow.histories for a in h.assessments} == {None}
    # The hand-made agency's clients record opioid, alcohol and stimulant use.
    assert {"opioid", "alcohol", "stimulant"} <= _substance_classes(goals)
    assert {a.goal for h in goals.histories for a in h.assessments} - {None}
    for data in (watched, full):
        assert data.recovery == alone.recovery
        assert data.trend == alone.trend
        assert data.followups.grid == alone.followups.grid
        assert data.harm == alone.harm
