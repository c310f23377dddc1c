"""The command line signs in: who runs a command is a verified account, held to its role."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from db.models import AuditEntry, Client
from db.startup import open_database
from desktop.commands import signin
from forms import records
from tests.accounts import PASSWORD, USERNAMES, actor_of
from tests.desktop.cli_helpers import database_with_accounts, run, run_as

TODAY_TEXT = "2026-11-27"


@pytest.fixture(autouse=True)
def no_real_waiting(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The wait after a failed sign-in moves a clock of the test's own, instead of sleeping."""
    now = [dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)]
    waited: list[float] = []

    def sleep(seconds: float) -> None:
        waited.append(seconds)
        now[0] += dt.timedelta(seconds=seconds)

    monkeypatch.setattr(signin, "CLOCK", lambda: now[0])
    monkeypatch.setattr(signin, "SLEEP", sleep)
    return waited


@pytest.fixture
def agency(tmp_path: Path) -> str:
    """An agency with an administrator, a manager, a front-desk worker and one client."""
    path = database_with_accounts(tmp_path / "agency.sqlite3", "manager", "front_desk")
    database = open_database(path)
    records.create_client(
        database,
        actor_of(database),
        {"given_name": "Ana", "family_name": "Ruiz", "birth_date": "1980-06-01"},
        records_today(),
    )
    database.dispose()
    return path


def records_today() -> dt.date:
    return dt.date.fromisoformat(TODAY_TEXT)


def audit(db: str, action: str) -> list[tuple[str | None, str | None]]:
    database = open_database(db)
    with database.reading() as session:
        found = session.execute(
            select(AuditEntry.username, AuditEntry.after)
            .where(AuditEntry.action == action)
            .order_by(AuditEntry.seq)
        ).all()
    database.dispose()
    return [tuple(row) for row in found]


def client_count(db: str) -> int:
    database = open_database(db)
    with database.reading() as session:
        count = session.scalar(select(func.count()).select_from(Client)) or 0
    database.dispose()
    return count


# export data names who receives the workbook (the consent branch); a bad or missing
# recipient is refused as bad input before the sign-in, as argparse's errors are.
EXPORT = ("export", "data", "--purpose", "treatment", "--out")


def test_a_command_on_client_data_needs_a_user_name(
    capsys: pytest.CaptureFixture[str], agency: str, tmp_path: Path
) -> None:
    target = tmp_path / "d.xlsx"
    code, out, err = run(capsys, *EXPORT, str(target), "--db", agency, stdin=PASSWORD + "\n")
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        "recovery-desk: error: this command needs a sign-in: give your user name with "
        "--user NAME or RECOVERY_DESK_USER; nothing was done"
    ]
    assert not target.exists()


def test_the_user_name_may_come_from_the_environment(
    capsys: pytest.CaptureFixture[str],
    agency: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(signin.USER_VARIABLE, USERNAMES["manager"])
    target = tmp_path / "d.xlsx"
    code, _, _ = run(capsys, *EXPORT, str(target), "--db", agency, stdin=PASSWORD + "\n")
    assert code == 0 and target.exists()
    exported = audit(agency, "export")
    assert [name for name, _ in exported] == [USERNAMES["manager"]]  # the real person


def test_a_wrong_password_writes_nothing_and_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str], agency: str, tmp_path: Path
) -> None:
    target = tmp_path / "d.xlsx"
    code, out, err = run_as(
        capsys, "manager", *EXPORT, str(target), "--db", agency, password="not the password"
    )
    assert code == 3 and out == ""
    assert err.strip().splitlines() == [
        "recovery-desk: error: Wrong user name or password; nothing was done"
    ]
    assert not target.exists() and list(tmp_path.glob("*.xlsx")) == []
    assert audit(agency, "export") == []
    [(name, after)] = audit(agency, "sign_in_failed")
    assert name == USERNAMES["manager"] and '"reason": "wrong password"' in (after or "")


def test_the_role_is_held_to(
    capsys: pytest.CaptureFixture[str], agency: str, tmp_path: Path
) -> None:
    target = tmp_path / "d.xlsx"
    code, _, err = run_as(capsys, "front_desk", *EXPORT, str(target), "--db", agency)
    assert code == 3
    assert "front desk may not export identified data" in err and len(err.splitlines()) == 1
    assert not target.exists()
    book = tmp_path / "in.xlsx"
    sheet = Workbook()
    sheet.active.title = "Clients"
    sheet.active.append(["client_code", "given_name", "family_name", "birth_date"])
    sheet.active.append(["C-9", "Bo", "Lee", "1979-02-03"])
    sheet.save(book)
    code, _, err = run_as(capsys, "front_desk", "import", str(book), "--db", agency)
    assert code == 3 and "front desk may not import" in err
    assert client_count(agency) == 1
    code, _, err = run_as(capsys, "manager", "backup", "--db", agency, "--out", str(tmp_path / "b"))
    assert code == 0
    code, _, err = run_as(
        capsys, "manager", "restore", str(tmp_path / "b"), "--yes", "--db", agency
    )
    assert code == 3 and "manager may not restore a backup" in err


@pytest.mark.parametrize(
    ("argv", "status", "words"),
    [
        (("export", "data", "--out", "{tmp}/d.xlsx"), 2, "say who receives the workbook"),
        (("report", "monthly", "--month", "2999-01", "--out", "{tmp}/m.pdf"), 2, "not started"),
        (("backup", "--out", "{agency}"), 1, "already exists"),
        (("restore", "{tmp}/b.sqlite3"), 2, "add --yes"),
    ],
    ids=["export without a recipient", "a month to come", "backup onto a file", "restore unasked"],
)
def test_bad_arguments_are_refused_before_the_password_is_read(
    capsys: pytest.CaptureFixture[str],
    agency: str,
    tmp_path: Path,
    argv: tuple[str, ...],
    status: int,
    words: str,
) -> None:
    """Nobody types a password for a command that cannot run, and no sign-in is recorded."""
    shutil.copy(agency, tmp_path / "b.sqlite3")
    signed_before = audit(agency, "sign_in")
    filled = [a.replace("{tmp}", str(tmp_path)).replace("{agency}", agency) for a in argv]
    code, out, err = run_as(capsys, "admin", *filled, "--db", agency)
    assert (code, out) == (status, "")
    assert len(err.strip().splitlines()) == 1 and words in err
    assert audit(agency, "sign_in") == signed_before


def test_accounts_on_the_command_line(
    capsys: pytest.CaptureFixture[str], agency: str, no_real_waiting: list[float]
) -> None:
    new = ("user", "add", "nell", "--name", "Nell New", "--role", "front_desk", "--db", agency)
    code, _, err = run_as(capsys, "manager", *new, stdin="a long new password\n")
    assert code == 3 and "manager may not manage users" in err
    code, _, err = run_as(capsys, "admin", *new, stdin="1q2w3e4r5t6y7u8i\n")
    assert code == 2 and "common or breached" in err
    code, out, _ = run_as(capsys, "admin", *new, stdin="a long new password\n")
    assert code == 0 and out.strip() == "Added front desk account nell."
    for _ in range(5):
        run(capsys, "backup", "--db", agency, "--user", "nell", stdin="wrong guess\n")
    assert no_real_waiting == [1, 2, 4, 8]
    code, _, err = run(
        capsys, "backup", "--db", agency, "--user", "nell", stdin="a long new password\n"
    )
    assert code == 3 and "locked until an administrator unlocks it" in err
    code, out, _ = run_as(capsys, "admin", "user", "unlock", "nell", "--db", agency)
    assert code == 0 and out.strip() == "Unlocked nell: it can sign in again."
    code, _, err = run(
        capsys, "backup", "--db", agency, "--user", "nell", stdin="a long new password\n"
    )
    assert code == 3 and "front desk may not back up" in err  # signed in; the role refuses


def test_an_empty_database_has_nobody_to_sign_in_as(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "empty.sqlite3")
    code, _, err = run(
        capsys, *EXPORT, str(tmp_path / "d.xlsx"), "--db", db, "--user", "x", stdin="pw\n"
    )
    assert code == 2 and "no accounts yet" in err and "user add" in err
    code, _, _ = run(capsys, "check", "--db", db)
    assert code == 0  # check needs no sign-in
