"""With Spanish selected, no English words on any screen or dialog: the walk of the
mnemonic test (menus, every screen, the client page, six forms, the first-run setup page by
page, the sign-in screen's modes, a record's view, the questions the program asks) reads
every visible text and finds none that is still the English of a catalogue message, nor a
Qt button left in English. Proper names (the program's, the languages') are allowed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QListWidget,
    QMenu,
    QMenuBar,
    QTableView,
    QTabWidget,
    QWidget,
)

from tests.desktop.harness import Desk
from tests.desktop.spanish_catalogue import SOURCES
from tests.desktop.test_mnemonics import Looks, every_clash, every_dialog_clash

# Words that read the same in both languages, and names that are never translated.
ALLOWED = {"English", "Español", "Recovery Desk", "PostgreSQL", "No", "Total", "ID"}
# Qt's own buttons and file chooser's words, which come from Qt's catalogue, not ours.
QT_ENGLISH = {"OK", "Cancel", "< Back", "Next >", "Finish", "Yes", "Help", "Close", "Apply"}
QT_ENGLISH |= {"Look in:", "File name:", "Files of type:", "Directory:", "Save", "Open", "Choose"}
PLACEHOLDER = re.compile(r"%\d|\{[A-Za-z_][A-Za-z_0-9]*\}")


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text.replace("&&", "\0").replace("&", "")).replace("\0", "&")


def _untranslated_english() -> re.Pattern[str]:
    """Every catalogue message whose Spanish differs from its English, as one pattern that
    matches a whole visible text (a placeholder matches whatever filled it)."""
    sources = set()
    for ts in SOURCES.glob("*_es.ts"):
        for message in ET.parse(ts).getroot().iter("message"):
            source = _plain(message.findtext("source") or "").strip()
            spanish = _plain(message.findtext("translation") or "").strip()
            if source and source != spanish and source not in ALLOWED:
                sources.add(source)
    sources |= QT_ENGLISH
    parts = []
    for source in sorted(sources, key=len, reverse=True):
        pieces = PLACEHOLDER.split(source)
        if not re.search(r"[A-Za-z]{3}", "".join(pieces)):
            continue  # "%1 (%2)" says nothing of its language
        parts.append(".+".join(re.escape(piece) for piece in pieces))
    return re.compile("|".join(parts))


ENGLISH = _untranslated_english()


def _texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    elif isinstance(widget, QListWidget):
        yield from (widget.item(i).text() for i in range(widget.count()))
    if isinstance(widget, QTableView) and not widget.horizontalHeader().isHidden():
        model = widget.model()
        for column in range(model.columnCount(QModelIndex())):
            yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")


class EnglishLooks(Looks):
    """At each stop of the walk: every visible text still in English."""

    def _english(self, texts: Iterable[str], where: str) -> list[str]:
        return [
            f"{where}: {text!r}"
            for text in {_plain(t).strip() for t in texts}
            if text and text not in ALLOWED and ENGLISH.fullmatch(text)
        ]

    def menus(self, bar: QMenuBar) -> list[str]:
        texts = [a.text() for a in bar.actions()]
        menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
        while menus:
            menu = menus.pop()
            texts += [a.text() for a in menu.actions() if not a.isSeparator()]
            menus += [a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu)]
        return self._english(texts, "menus")

    def screen(self, root: QWidget, name: str) -> list[str]:
        widgets = [w for w in root.findChildren(QWidget) if w.isVisibleTo(root)]
        return self._english((t for w in widgets for t in _texts(w)), name)

    def shown(self, window: QWidget, name: str) -> list[str]:
        widgets = [w for w in [window, *window.findChildren(QWidget)] if w.isVisible()]
        texts = [window.windowTitle(), *(t for w in widgets for t in _texts(w))]
        return self._english(texts, name)


@pytest.fixture(scope="module")
def desk(spanish: None, desk: Desk) -> Desk:
    return desk


def test_the_finder_knows_english_from_spanish() -> None:
    looks = EnglishLooks()
    found = looks._english(["&New client", "Nuevo cliente", "English", "< &Back"], "here")
    assert sorted(found) == ["here: '< Back'", "here: 'New client'"]


def test_no_english_on_any_screen_or_dialog_in_spanish(desk: Desk, tmp_path: Path) -> None:
    looks = EnglishLooks()
    found = every_clash(desk, looks) + every_dialog_clash(desk, tmp_path, looks)
    assert found == [], "\n".join(found)
