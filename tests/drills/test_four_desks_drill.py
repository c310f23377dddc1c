"""The four-desk drill (tests/drills/four_desks.py) on SQLite and on PostgreSQL.

Four desks register clients, enter intakes and edit the same clients while an import
and the monthly report run: no person is shown an error, no acknowledged save is lost
or silently overwritten, and the desks that saved a client another desk had just
saved are told of the conflict. The save times are printed (`make drills` shows them),
never asserted.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.conftest import new_server_database
from tests.drills import four_desks

CLIENTS = 40  # per desk: about a minute on each database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def drill_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'drill.sqlite3'}"
        return
    with new_server_database("rd_drill") as url:
        yield url


def test_four_desks_an_import_and_a_report_at_once(drill_url: str, tmp_path: Path) -> None:
    outcome = four_desks.run(drill_url, CLIENTS, tmp_path)

    print(
        f"\nfour desks on {make_url(drill_url).get_backend_name()}: {outcome.saves} saves, "
        f"p99 {outcome.p99_ms:.0f} ms, {outcome.conflicts} conflicts told, "
        f"{outcome.retried} busy retries; slowest "
        + ", ".join(f"{what} {sec * 1000:.0f} ms" for sec, what in outcome.slowest)
    )
    assert outcome.errors == []
    assert outcome.lost == 0
    assert outcome.overwritten == 0
    # The opening round alone: every desk saved the same client opened at one version.
    assert outcome.conflicts >= four_desks.DESKS - 1
    # Every desk registered its clients (a busy database was tried again, as a person would).
    assert outcome.registered == four_desks.DESKS * CLIENTS
