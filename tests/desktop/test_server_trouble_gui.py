"""The agency server going away while a person types: one line that says so, the form
kept, and the same Save works once the server is back. On a throwaway cluster."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from db.engine import Database
from db.models import Client
from db.startup import open_database
from desktop.client_form import ClientFormView
from tests.desktop.harness import Desk, FakeDialogs
from tests.pg_cluster import Cluster, server_binaries

BINARIES = server_binaries()
pytestmark = pytest.mark.skipif(BINARIES is None, reason="no PostgreSQL server binaries")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    assert BINARIES is not None
    made = Cluster(BINARIES)
    made.start()
    yield made
    made.remove()


@pytest.fixture(scope="module")
def module_database(cluster: Cluster) -> Iterator[Database]:
    """The desk of this module works on the throwaway server (tests/desktop/conftest.py)."""
    database = open_database(cluster.url)
    yield database
    database.dispose()


def stored(database: Database, family: str) -> int:
    with database.reading() as session:
        query = select(func.count()).select_from(Client).where(Client.family_name == family)
        return int(session.scalar(query) or 0)


def test_a_save_while_the_server_is_down_keeps_the_form_and_saves_once_it_is_back(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs, cluster: Cluster
) -> None:
    desk.sign_in_as("desk")
    desk.window.new_client()
    form = desk.window.clients.top
    assert isinstance(form, ClientFormView)
    typed = {"given_name": "Pavla", "family_name": "Offline", "birth_date": "1972-07-07"}
    for key, text in typed.items():
        form.editors[key].widget.setFocus()
        qtbot.keyClicks(form.editors[key].widget, text)

    cluster.stop()
    try:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    finally:
        cluster.start()
    warnings = fake_dialogs.texts("warn")
    assert len(warnings) == 1, warnings
    assert "the agency server cannot be reached" in warnings[0]
    assert "what you typed is still here" in warnings[0]
    assert "Pavla" not in warnings[0] and "\n" not in warnings[0].strip()
    assert desk.window.clients.top is form
    assert form.editors["family_name"].raw() == "Offline"

    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(desk.database, "Offline") == 1
    assert len(fake_dialogs.texts("warn")) == 1
