"""The agency server restarting or going away reads as server trouble, in one line that
names no client, and the next save after it is back goes through without a restart of
the program. Runs on a throwaway cluster of its own (never the shared test server)."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from db import audit
from db.models import Client
from db.startup import open_database
from forms import records
from forms.failures import failure_line
from tests.accounts import signed_in
from tests.conftest import TODAY
from tests.pg_cluster import Cluster, server_binaries

BINARIES = server_binaries()
pytestmark = pytest.mark.skipif(BINARIES is None, reason="no PostgreSQL server binaries")

UNREACHABLE = "the agency server cannot be reached"


def person(family: str) -> dict[str, object]:
    return {"given_name": "Odile", "family_name": family, "birth_date": "1966-06-06"}


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    assert BINARIES is not None
    made = Cluster(BINARIES)
    made.start()
    yield made
    made.remove()


@pytest.fixture
def server(cluster: Cluster):
    """The cluster's database, running when the test starts (a test may stop it)."""
    database = open_database(cluster.url)
    actor = signed_in(database, "front_desk")
    yield database, actor
    with contextlib.suppress(subprocess.CalledProcessError):
        cluster.start()  # a test stopped it (pg_ctl refuses to start it twice)
    with database.writing() as session:
        session.execute(Client.__table__.delete())
    database.dispose()


def stored(database, family: str) -> int:
    with database.reading() as session:
        query = select(func.count()).select_from(Client).where(Client.family_name == family)
        return int(session.scalar(query) or 0)


def test_the_first_save_after_a_server_restart_goes_through(cluster, server) -> None:
    database, actor = server
    records.create_client(database, actor, person("Before"), TODAY)
    cluster.restart()  # every connection the program held is gone
    records.create_client(database, actor, person("After"), TODAY)
    assert stored(database, "After") == 1


def test_a_save_while_the_server_is_down_says_so_and_the_next_one_saves(cluster, server) -> None:
    database, actor = server
    records.create_client(database, actor, person("Warm"), TODAY)
    cluster.stop()
    with pytest.raises(Exception) as failed:
        records.create_client(database, actor, person("Dormant"), TODAY)
    line = failure_line("Saving the client", failed.value)
    assert line.startswith(f"Saving the client failed: {UNREACHABLE}"), line
    assert "Dormant" not in line and "Odile" not in line and "\n" not in line
    cluster.start()
    records.create_client(database, actor, person("Dormant"), TODAY)
    assert stored(database, "Dormant") == 1


def test_a_restart_in_the_middle_of_a_save_leaves_nothing_half_written(
    cluster, server, monkeypatch
) -> None:
    database, actor = server
    real_record = audit.record

    def restart_first(*args, **kwargs):
        monkeypatch.setattr(audit, "record", real_record)
        cluster.restart()  # the client row is sent, its audit row not yet
        return real_record(*args, **kwargs)

    monkeypatch.setattr(audit, "record", restart_first)
    with pytest.raises(Exception) as failed:
        records.create_client(database, actor, person("Halfway"), TODAY)
    assert failure_line("Saving the client", failed.value).startswith(
        f"Saving the client failed: {UNREACHABLE}"
    )
    assert stored(database, "Halfway") == 0
    records.create_client(database, actor, person("Halfway"), TODAY)
    assert stored(database, "Halfway") == 1
