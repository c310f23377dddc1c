"""Importing exchange workbooks: all rows or none, one line per problem, rows as the GUI
saves them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from exchange_books import client, intake, substance, text_cell, write_book
from sqlalchemy import func, select

from db import clients
from db.access import Actor, PermissionDenied
from db.engine import Database
from db.models import (
    Assessment,
    AuditEntry,
    Client,
    Consent,
    Encounter,
    Episode,
    Event,
    SubstanceRecord,
)
from db.startup import open_database
from forms import records
from forms.importer import ImportFileError, ImportResult, import_workbook
from tests.accounts import signed_in

TABLES = (Client, Assessment, SubstanceRecord, Event, Encounter, Episode, AuditEntry)


def counts(database: Database) -> dict[str, int]:
    with database.reading() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0 for m in TABLES}


def lines(result: ImportResult) -> list[str]:
    return [str(p) for p in result.problems]


def test_one_error_of_each_kind_is_one_line_each_and_nothing_is_written(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    book = write_book(
        tmp_path / "bad.xlsx",
        {
            "Clients": [
                client("C-1"),
                client("C-2", gender="robot"),
                client("C-3", birth_date="31/12/1980"),
                client("C-4", birth_date="2027-01-01"),
                client("C-5", given_name=None),
                client("C-1", given_name="Again"),
                client("C-6", family_name="Ruiz\tMora"),
                client("C-7", given_name=text_cell('=HYPERLINK("x")')),
            ],
            "Assessments": [intake("C-1")],
            "Substances": [substance("C-1", criteria_last_met_on="2024-02-01")],
            "Events": [{"client_code": "C-99", "occurred_on": "2024-01-05", "event": "arrest"}],
        },
    )
    before = counts(database)
    result = import_workbook(database, admin, book, today)
    assert not result.ok
    assert lines(result) == [
        "Clients!3 gender: Gender 'robot' is not one of the choices (woman, man, non_binary, "
        "transgender_woman, transgender_man, other, declined)",
        "Clients!4 birth_date: Birth date is not a date; write it as YYYY-MM-DD, for example "
        "2024-03-31",
        "Clients!5 birth_date: Birth date 2027-01-01 is in the future",
        "Clients!6 given_name: Given name is required",
        "Clients!7 client_code: C-1 is already on row 2 of this sheet",
        "Clients!8 family_name: Family name contains an invisible control character (U+0009); "
        "retype it",
        "Substances!2 criteria_last_met_on: Criterion last present cannot be after the date of "
        "the interview",
        "Events!2 client_code: there is no client C-99 on the Clients sheet or in the database",
    ]
    assert counts(database) == before


def test_a_workbook_from_a_spreadsheet_program_imports(
    any_database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    book = write_book(
        tmp_path / "excel.xlsx",
        {
            "Clients": [
                client(
                    "C-1",
                    birth_date=29373,
                    sex_at_birth="Female",
                    consent_share="Yes",
                    consent_contact=True,
                ),
                client(10042, birth_date=dt.datetime(1975, 3, 4), race="WHITE"),
            ],
            "Assessments": [
                intake(
                    "C-1",
                    on=45301,
                    kind="Intake",
                    contact_status="COMPLETED",
                    last_use_on=dt.datetime(2024, 1, 9),
                    medication="Methadone",
                    medication_as_prescribed="TRUE",
                )
            ],
            "Substances": [
                substance(
                    "C-1",
                    on=dt.datetime(2024, 1, 10),
                    substance_class="Opioid",
                    primary="yes",
                    criteria="Craving; larger_longer",
                )
            ],
            "Events": [
                {
                    "client_code": "10042",
                    "occurred_on": "2024-02-03 00:00:00",
                    "event": "Arrest",
                    "count": 2.0,
                }
            ],
            "Encounters": [
                {"occurred_on": 45302, "client_code": None, "area": 2139, "naloxone_kits": "3"}
            ],
        },
        blank_rows=3,
    )
    result = import_workbook(any_database, admin, book, today)
    assert result.ok, lines(result)
    # The second client's consent_share is yes too (exchange_books.client): one consent each.
    assert result.added == {
        "Clients": 2,
        "Assessments": 1,
        "Substances": 1,
        "Events": 1,
        "Encounters": 1,
        "Consents": 2,
    }
    with any_database.reading() as s:
        ana = s.scalars(select(Client).where(Client.client_code == "C-1")).one()
        assert (ana.birth_date, ana.sex_at_birth, ana.consent_contact) == (
            dt.date(1980, 6, 1),
            "female",
            True,
        )
        scopes = s.scalars(select(Consent.scope).where(Consent.client_id == ana.id)).all()
        assert scopes == ["treatment_payment_operations"]
        assert s.scalar(select(Client.race).where(Client.client_code == "10042")) == "white"
        visit = s.scalars(select(Assessment)).one()
        assert (visit.assessed_on, visit.medication, visit.medication_as_prescribed) == (
            dt.date(2024, 1, 10),
            "methadone",
            True,
        )
        record = s.scalars(select(SubstanceRecord)).one()
        assert (record.substance_class, record.criteria) == ("opioid", "larger_longer;craving")
        assert s.scalars(select(Event.count)).one() == 2
        encounter = s.scalars(select(Encounter)).one()
        assert (encounter.client_id, encounter.area, encounter.naloxone_kits) == (None, "2139", 3)
        assert s.scalar(select(Episode.opened_on)) == dt.date(2024, 1, 10)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "import")).one()
        assert '"Clients": 2' in (audit.after or "")


def test_a_formula_like_name_is_accepted_as_text(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    name = '=HYPERLINK("x")'
    book = write_book(tmp_path / "f.xlsx", {"Clients": [client("C-7", given_name=text_cell(name))]})
    assert import_workbook(database, admin, book, today).ok
    with database.reading() as s:
        assert s.scalar(select(Client.given_name)) == name


def test_a_real_formula_is_refused_like_any_bad_value(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    """A script (or openpyxl) writes formulas with no cached value; a spreadsheet program
    caches one. Either way the cell holds a formula, not what was meant: refused, named,
    nothing written."""
    book = write_book(
        tmp_path / "formula.xlsx",
        {
            "Clients": [client("C-1", given_name='=CONCAT("A","B")'), client("C-2")],
            "Assessments": [intake("C-2", psych_health="=4+4")],
            "Substances": [substance("C-2")],
        },
    )
    before = counts(database)
    result = import_workbook(database, admin, book, today)
    assert lines(result) == [
        "Clients!2 given_name: Given name is a formula, not a value: type the value itself",
        "Assessments!2 psych_health: Psychological health is a formula, not a value: type the "
        "value itself",
    ]
    assert counts(database) == before


def test_a_formula_with_a_cached_value_is_refused_too(tmp_path: Path) -> None:
    from forms.import_xlsx import XlsxSource
    from forms.values import Formula

    book = write_book(tmp_path / "cached.xlsx", {"Clients": [client("C-1")]})
    _with_cached_formula(book, "B2", "CONCAT(&quot;A&quot;,&quot;B&quot;)", "AB")
    source = XlsxSource(book)
    try:
        rows = dict(source.rows("Clients"))
    finally:
        source.close()
    assert isinstance(rows[2][1], Formula)


def _with_cached_formula(path: Path, ref: str, formula: str, cached: str) -> None:
    """Rewrite one cell as a spreadsheet program saves a formula: its text and result."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    name = "xl/worksheets/sheet1.xml"
    xml = parts[name].decode()
    cell = f'<c r="{ref}" t="str"><f>{formula}</f><v>{cached}</v></c>'
    parts[name] = re.sub(rf'<c r="{ref}"[^>]*>.*?</c>', cell, xml, count=1).encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


def test_episodes_are_built_as_the_forms_save_them_one_by_one(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    visits = [
        intake("C-1", "2024-01-10"),
        {
            "client_code": "C-1",
            "assessed_on": "2024-03-01",
            "kind": "discharge",
            "contact_status": "not_located",
        },
        intake("C-1", "2024-05-01"),
        intake("C-1", "2024-06-01"),
    ]
    book = write_book(
        tmp_path / "e.xlsx",
        {
            "Clients": [client("C-1")],
            "Assessments": visits,
            "Substances": [
                substance("C-1", v["assessed_on"]) for v in visits if v["kind"] == "intake"
            ],
        },
    )
    assert import_workbook(database, admin, book, today).ok
    by_hand = open_database(str(tmp_path / "hand.sqlite3"))
    clerk = signed_in(by_hand)
    cid = records.create_client(by_hand, clerk, client("C-1"), today)
    for v in visits:
        subs = [substance("C-1", str(v["assessed_on"]))] if v["kind"] == "intake" else []
        records.add_assessment(by_hand, clerk, cid, v, subs, today)
    episodes = []
    for db in (database, by_hand):
        with db.reading() as s:
            episodes.append(
                s.execute(
                    select(Episode.opened_on, Episode.closed_on, Episode.reentry).order_by(
                        Episode.opened_on
                    )
                ).all()
            )
    by_hand.dispose()
    assert episodes[0] == episodes[1]
    assert [tuple(e) for e in episodes[0]] == [
        (dt.date(2024, 1, 10), dt.date(2024, 3, 1), False),
        (dt.date(2024, 5, 1), dt.date(2024, 5, 1), True),
        (dt.date(2024, 6, 1), None, False),
    ]


def test_a_follow_up_before_any_intake_is_reported_on_its_row(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    book = write_book(
        tmp_path / "f.xlsx",
        {
            "Clients": [client("C-1")],
            "Assessments": [
                {
                    "client_code": "C-1",
                    "assessed_on": "2024-02-01",
                    "kind": "follow_up",
                    "contact_status": "refused",
                }
            ],
        },
    )
    result = import_workbook(database, admin, book, today)
    assert lines(result) == ["Assessments!2 kind: Record an intake before a follow-up or discharge"]
    assert counts(database)["clients"] == 0


def test_substances_in_another_order_still_find_their_assessment(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    days = ["2024-01-10", "2024-02-10", "2024-03-10"]
    book = write_book(
        tmp_path / "o.xlsx",
        {
            "Clients": [client("C-1"), client("C-2")],
            "Assessments": [intake(c, days[0]) for c in ("C-1", "C-2")]
            + [intake(c, d, kind="follow_up") for c in ("C-1", "C-2") for d in days[1:]],
            "Substances": [
                substance(c, d, primary="no" if d != days[0] else "yes", use_days_28=int(d[6]))
                for d in reversed(days)
                for c in ("C-2", "C-1")
            ],
        },
    )
    result = import_workbook(database, admin, book, today)
    assert result.ok, lines(result)
    with database.reading() as s:
        pairs = s.execute(
            select(Assessment.assessed_on, SubstanceRecord.use_days_28).join(SubstanceRecord)
        ).all()
    assert sorted(pairs) == sorted(
        (dt.date.fromisoformat(d), int(d[6])) for d in days for _ in range(2)
    )


def test_a_substance_row_without_its_assessment_is_reported(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    book = write_book(
        tmp_path / "s.xlsx",
        {
            "Clients": [client("C-1")],
            "Assessments": [intake("C-1")],
            "Substances": [substance("C-1"), substance("C-1", "2024-01-11")],
        },
    )
    assert lines(import_workbook(database, admin, book, today)) == [
        "Substances!3 assessed_on: there is no assessment of C-1 on 2024-01-11 on the "
        "Assessments sheet"
    ]


def test_unknown_sheets_and_columns_are_named(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    headers = {"Clients": ["client_code", "given_name", "family_name", "birth_date", "nickname"]}
    book = write_book(
        tmp_path / "h.xlsx",
        {"Clients": [client("C-1")], "Clients2": []},
        headers={**headers, "Clients2": ["x"]},
    )
    problems = lines(import_workbook(database, admin, book, today))
    assert problems[0].startswith(
        "Clients!1 nickname: is not a column of Clients (columns: client_code, given_name,"
    )
    assert problems[1].startswith("Clients2: is not a sheet of the exchange workbook")


def test_a_file_that_is_not_a_workbook_is_refused(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("name,birth\n")
    with pytest.raises(ImportFileError, match=r"not an Excel \.xlsx workbook"):
        import_workbook(database, admin, path, today)


def test_existing_clients_change_only_with_update_and_each_change_is_audited(
    any_database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    cid = records.create_client(any_database, admin, client("C-1"), today)
    records.add_assessment(any_database, admin, cid, intake("C-1"), [substance("C-1")], today)
    book = write_book(
        tmp_path / "u.xlsx",
        {
            "Clients": [client("C-1", phone="555-0101")],
            "Assessments": [intake("C-1"), intake("C-1", "2024-04-10", kind="follow_up")],
            "Substances": [substance("C-1"), substance("C-1", "2024-04-10", primary="no")],
            "Events": [{"client_code": "C-1", "occurred_on": "2024-02-01", "event": "arrest"}],
        },
    )
    refused = import_workbook(any_database, admin, book, today)
    assert lines(refused) == [
        "Clients!2 client_code: C-1 is already in the database; import "
        "with --update to add to or change clients stored before",
        "Assessments!2 client_code: C-1 is already in the database; "
        "import with --update to add to or change clients stored before",
        "Events!2 client_code: C-1 is already in the database; import "
        "with --update to add to or change clients stored before",
    ]
    result = import_workbook(any_database, admin, book, today, update=True)
    assert result.ok, lines(result)
    assert (result.updated, result.unchanged) == ({"Clients": 1}, {"Assessments": 1})
    again = import_workbook(any_database, admin, book, today, update=True)
    assert again.added == {} or not any(again.added.values())
    assert again.unchanged == {"Clients": 1, "Assessments": 2, "Events": 1}
    with any_database.reading() as s:
        assert s.scalar(select(Client.phone)) == "555-0101"
        assert s.scalar(select(func.count()).select_from(Event)) == 1
        audit = s.execute(
            select(AuditEntry.action, AuditEntry.entity)
            .where(AuditEntry.entity != "user")  # not the test's accounts and sign-ins
            .order_by(AuditEntry.seq)
        ).all()
        episodes = s.execute(select(Episode.opened_on, Episode.closed_on)).all()
    # consent_share = yes on the file, and no consent stored: one is recorded (and audited).
    assert [tuple(a) for a in audit[2:]] == [
        ("update", "client"),
        ("create", "assessment"),
        ("create", "event"),
        ("create", "consent"),
        ("import", "workbook"),
        ("import", "workbook"),
    ]
    assert [tuple(e) for e in episodes] == [(dt.date(2024, 1, 10), None)]


def test_import_needs_the_import_permission_and_cancel_writes_nothing(
    database: Database, admin: Actor, front_desk: Actor, today: dt.date, tmp_path: Path
) -> None:
    book = write_book(tmp_path / "c.xlsx", {"Clients": [client(f"C-{i}") for i in range(30)]})
    with pytest.raises(PermissionDenied):
        import_workbook(database, front_desk, book, today)
    result = import_workbook(database, admin, book, today, cancelled=lambda: True)
    assert result.cancelled and not result.ok
    assert counts(database)["clients"] == 0
    seen: list[tuple[int, int]] = []
    done = import_workbook(database, admin, book, today, progress=lambda d, t: seen.append((d, t)))
    assert done.ok and seen[-1][0] == seen[-1][1] > 0


def test_rich_text_names_and_rows_left_empty_read_as_plain_values(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = Workbook()
    ws = book.active
    ws.title = "Clients"
    ws.append(["client_code", "given_name", "family_name", "birth_date"])
    ws.append(
        [
            "C-1",
            CellRichText(["Ana ", TextBlock(InlineFont(b=True), "María")]),
            "Ruiz",
            dt.date(1980, 6, 1),
        ]
    )
    ws["A5"], ws["B5"], ws["C5"], ws["D5"] = "C-2", "Bo", "Lee", "1979-02-03"
    book.save(tmp_path / "rich.xlsx")
    assert import_workbook(database, admin, tmp_path / "rich.xlsx", today).ok
    with database.reading() as s:
        assert s.execute(select(Client.client_code, Client.given_name)).all() == [
            ("C-1", "Ana María"),
            ("C-2", "Bo"),
        ]


def test_a_client_merged_away_takes_no_more_rows(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    keep = records.create_client(database, admin, client("C-1"), today)
    gone = records.create_client(database, admin, client("C-2"), today)
    with database.writing() as s:
        clients.merge(s, admin, keep, gone)
    book = write_book(
        tmp_path / "m.xlsx",
        {"Events": [{"client_code": "C-2", "occurred_on": "2024-01-05", "event": "arrest"}]},
    )
    result = import_workbook(database, admin, book, today, update=True)
    assert lines(result) == [
        "Events!2 client_code: C-2 was merged into another client; use that client's code"
    ]
