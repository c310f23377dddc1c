"""Text the exchange workbook must escape comes back into the database as it was typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from db.access import Actor
from db.engine import Database
from db.models import Client
from db.startup import open_database
from forms import records
from forms.importer import import_workbook
from reports.outputs.exchange_export import export_workbook
from tests.accounts import signed_in

AS_OF = dt.date(2026, 11, 27)


def _names_after_a_round_trip(
    database: Database, admin: Actor, folder: Path, given: str, family: str
) -> list[tuple[str, str]]:
    """The names of a client saved as `given` `family`, exported in the agency's own copy
    and imported into an empty database."""
    raw = {"client_code": "C-1", "given_name": given, "family_name": family}
    records.create_client(database, admin, {**raw, "birth_date": "1980-06-01"}, AS_OF)
    export_workbook(database, admin, folder / "x.xlsx", AS_OF, all_clients=True, today=AS_OF)
    empty = open_database(str(folder / "empty.sqlite3"))
    try:
        result = import_workbook(empty, signed_in(empty), folder / "x.xlsx", AS_OF)
        assert result.ok, [str(p) for p in result.problems]
        with empty.reading() as session:
            names = session.execute(select(Client.given_name, Client.family_name)).all()
    finally:
        empty.dispose()
    return [(given_name, family_name) for given_name, family_name in names]


def test_names_spelled_like_a_workbook_escape_survive_export_and_import(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    # A workbook spells a control character _x000D_, and so must spell this text itself
    # _x005F_x000D_: read back undecoded, the name would grow at every round trip.
    given, family = "Ana_x000D_", "_x005F_Ruiz"
    assert _names_after_a_round_trip(database, admin, tmp_path, given, family) == [(given, family)]


def test_names_that_look_like_markup_survive_export_and_import(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    # xlsxwriter writes text between "<r>" and "</r>" unescaped, as rich text: the first
    # name came back empty, and the second would have added a cell of its own.
    given, family = "<r>Ana</r>", '<r></t></is></c><c r="Z2"><v>666</v></c><c><is><t></r>'
    assert _names_after_a_round_trip(database, admin, tmp_path, given, family) == [(given, family)]
