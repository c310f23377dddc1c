"""GUI test harness: strict Qt logging, scripted dialogs, one main window per module.

No test ever waits on a modal window: `desktop.dialogs` is replaced by
`FakeDialogs` (tests/desktop/harness.py), which records every message and
answers questions from a script; an unscripted question fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from db.engine import Database
from db.startup import open_database
from desktop import dialogs
from tests.conftest import TODAY
from tests.desktop.harness import FAKE, REPLACED, Clock, Desk, FakeDialogs, make_accounts
from tests.desktop.spanish_catalogue import spanish_installed

# What the offscreen platform says when a window or a popup is shown; not our warnings.
OFFSCREEN_NOISE = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.fixture(scope="session", autouse=True)
def _no_modal_dialogs() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        for name in REPLACED:
            patch.setattr(dialogs, name, getattr(FAKE, name))
        yield


@pytest.fixture(autouse=True)
def fake_dialogs() -> Iterator[FakeDialogs]:
    FAKE.reset()
    yield FAKE
    unanswered = FAKE.answers
    FAKE.reset()
    assert unanswered == [], f"scripted answers never asked for: {unanswered}"


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    """Whatever language a test installs (a catalogue, Qt's own buttons, the locale's
    dates) is gone after it: a French Qt catalogue a test loaded once stayed installed and
    gave every later wizard "&Suivant >" for "&Next >". A module's `spanish` fixture, set
    up before its tests, is not touched."""
    installed: list[QTranslator] = []
    install = QCoreApplication.installTranslator
    locale = QLocale()

    def recorded(translator: QTranslator) -> bool:
        installed.append(translator)
        return install(translator)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QCoreApplication, "installTranslator", staticmethod(recorded))
        yield
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(locale)


@pytest.fixture(scope="module")
def module_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("desk") / "desk.sqlite3"))
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def desk(qapp: Any, module_database: Database) -> Iterator[Desk]:
    """One main window for the whole module (building one per test is slow and pointless)."""
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from desktop.workers import InlinePool

    actors = make_accounts(module_database)
    clock = Clock()
    ctx = AppContext(module_database, today=lambda: TODAY, pool=InlinePool(), clock=clock)
    window = MainWindow(ctx, idle_ms=60 * 60 * 1000)
    window.start()
    window.show()
    yield Desk(module_database, window, actors, clock)
    window.ctx.actor = None
    window.close()
    window.deleteLater()
    qapp.processEvents()


@pytest.fixture(scope="module")
def spanish(qapp: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The Spanish catalogue, for the modules that look at Spanish screens (English again
    after the module)."""
    yield from spanish_installed(qapp, tmp_path_factory.mktemp("i18n"))
