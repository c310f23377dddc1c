"""Every input a person can reach is heard by name (what Qt's accessibility bridge hands a
screen reader), and every label that captions an input is bound to it, so its Alt+letter
reaches it: on every screen, form, wizard page and dialog the mnemonics walk meets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QMenuBar, QWidget

from tests.desktop.accessibility import unbound_captions, unheard_inputs
from tests.desktop.harness import Desk
from tests.desktop.test_mnemonics import Looks, every_clash, every_dialog_clash


class ScreenReaderLooks(Looks):
    def menus(self, bar: QMenuBar) -> list[str]:
        return []

    def screen(self, root: QWidget, name: str) -> list[str]:
        return unheard_inputs(root, name) + unbound_captions(root, name)

    def shown(self, window: QWidget, name: str) -> list[str]:
        return unheard_inputs(window, name) + unbound_captions(window, name)


def test_every_input_is_heard_by_name_and_every_caption_bound(desk: Desk, tmp_path: Path) -> None:
    looks = ScreenReaderLooks()
    found = every_clash(desk, looks) + every_dialog_clash(desk, tmp_path, looks)
    assert found == [], "\n".join(found)


def test_the_finders_see_an_unbound_caption_and_a_nameless_input(qtbot: Any) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    form = QFormLayout(box)
    cell = QWidget(box)
    QFormLayout(cell).addRow(QLineEdit(cell))
    bound = QLabel("&Bound", box)
    bound.setBuddy(cell.findChild(QLineEdit))  # bound, but not its sibling: not heard
    form.addRow(bound, cell)
    form.addRow(QLabel("Loose", box), QLineEdit(box))
    assert unbound_captions(box, "box") == ["box: 'Loose' not bound to QLineEdit ?"]
    assert unheard_inputs(box, "box") == ["box: QLineEdit ? has no name"] * 1
