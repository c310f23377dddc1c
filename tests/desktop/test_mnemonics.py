"""No two actions of a menu, and no two controls seen together on a screen, form or dialog,
share an Alt+letter (&-mnemonic), in English; test_mnemonics_spanish.py checks Spanish."""

from __future__ import annotations

from desktop.client_page import ClientPageView
from forms import records
from tests.conftest import TODAY
from tests.desktop.harness import Desk, add_client
from tests.desktop.mnemonics import clashes, menu_clashes, mnemonic, widget_clashes

OPIOID = [{"substance_class": "opioid", "primary": "yes", "criteria": "craving"}]
INTAKE = {
    "assessed_on": "2026-10-01",
    "kind": "intake",
    "contact_status": "completed",
    "psych_health": 8,
    "physical_health": 9,
    "quality_of_life": 7,
}


def every_clash(desk: Desk) -> list[str]:
    """Signed in as an administrator (who sees every screen), with every form of a client
    open on the clients' stack: the menus' clashes and each screen's."""
    desk.sign_in_as("admin")
    admin = desk.actors["admin"]
    client_id = add_client(
        desk.database, admin, given_name="Mia", family_name="Lund", birth_date="1990-01-02"
    )
    records.add_assessment(desk.database, admin, client_id, INTAKE, OPIOID, TODAY)
    window = desk.window
    found = menu_clashes(window.menuBar())
    for key in window.nav_keys:
        window.go(key)
        found += widget_clashes(window, f"screen {key}")
    window.go("clients")
    clients = window.clients
    assert clients.open_client(client_id)
    page = clients.top
    assert isinstance(page, ClientPageView)
    found += widget_clashes(window, "client page")
    for open_form in (
        lambda p: clients.edit_client(p),
        lambda p: clients.new_assessment(p, "follow_up"),
        lambda p: clients.new_event(p),
        lambda _p: clients.new_encounter(None),
        lambda p: clients.record_consent(p),
        lambda _p: clients.new_client(),
    ):
        form = open_form(page)
        found += widget_clashes(window, f"form {type(form).__name__}")
        desk.close_forms()
        assert clients.open_client(client_id)
        page = clients.top
    return sorted(set(found))


def test_the_mnemonic_is_the_letter_after_a_single_ampersand() -> None:
    assert [mnemonic(t) for t in ("&Save", "Save && &close", "R&&D", "Plain")] == [
        "s",
        "c",
        None,
        None,
    ]
    assert clashes(["&Save", "&Search", "&Open"], "menu") == ["menu: 's' in '&Save', '&Search'"]


def test_no_two_controls_seen_together_share_a_mnemonic_in_english(desk: Desk) -> None:
    assert every_clash(desk) == []
