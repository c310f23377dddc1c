"""Every input a person can reach has a name a screen reader can say: an accessible name,
or a label bound to it (which also gives it its Alt+letter)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop.client_page import ClientPageView
from desktop.first_run_wizard import FirstRunWizard
from desktop.signin_view import FIRST
from tests.desktop.harness import Desk, add_client

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractButton)


def _named(widget: QWidget, bound: set[int]) -> bool:
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return True
    return id(widget) in bound or id(widget.focusProxy() or widget) in bound


def unnamed_inputs(root: QWidget) -> list[str]:
    """'Class objectName' of each visible input under `root` with no name to be read."""
    bound = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    found = []
    for kind in INPUTS:
        for widget in root.findChildren(kind):
            inner = isinstance(widget.parent(), QComboBox | QAbstractSpinBox)  # its own editor
            reachable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            if widget.isVisibleTo(root) and reachable and not inner and not _named(widget, bound):
                found.append(f"{type(widget).__name__} {widget.objectName() or '?'}")
    return sorted(set(found))


def test_every_input_of_every_screen_has_a_name(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("admin")
    window = desk.window
    missing: dict[str, list[str]] = {}
    for section in ("clients", "worklist", "reports", "users", "settings"):
        window.go(section)
        missing[section] = unnamed_inputs(window.section_views[section])
    form = window.clients.new_client()
    assert form is not None
    missing["new client"] = unnamed_inputs(form)
    desk.close_forms()
    missing.update(_client_screens(desk))
    window.signin.show_mode(FIRST)  # the sign-in screen with every field it can show
    missing["sign-in"] = unnamed_inputs(window.signin)
    assert {where: names for where, names in missing.items() if names} == {}


def _client_screens(desk: Desk) -> dict[str, list[str]]:
    client_id = add_client(
        desk.database, desk.actors["admin"], given_name="Kwame", family_name="Mensah",
        birth_date="1980-02-02",
    )  # fmt: skip
    clients = desk.window.clients
    assert clients.open_client(client_id)
    page = clients.top
    assert isinstance(page, ClientPageView)
    found = {"client page": unnamed_inputs(page)}
    for name, form in (
        ("intake", clients.new_assessment(page, "intake")),
        ("encounter", clients.new_encounter(None)),
        ("consent", clients.record_consent(page)),
    ):
        found[name] = unnamed_inputs(form)
        desk.close_forms()
        assert clients.open_client(client_id)
        page = clients.top
    desk.close_forms()
    return found


def test_every_input_of_the_first_run_wizard_has_a_name(qtbot: Any, desk: Desk) -> None:
    wizard = FirstRunWizard(desk.database, lambda: desk.ctx.today())
    qtbot.addWidget(wizard)
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        page.setVisible(True)
        assert unnamed_inputs(page) == [], wizard.page(page_id).title()
