"""Failed sign-ins: audited, slowed down, locked until an administrator unlocks; the same
for a name no account has. And the password rules wherever a password is set."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from db import settings as agency_settings
from db.access import PermissionDenied
from db.engine import Database
from db.models import AuditEntry
from db.startup import open_database
from forms import accounts
from forms.accounts import Attempt, SignInRefused
from forms.passwords import AccountError
from tests.accounts import PASSWORD, USERNAMES, signed_in

DESK = USERNAMES["front_desk"]
LOCKED = "Too many failed sign-ins: this user name is locked until an administrator unlocks it."
WRONG = "Wrong user name or password."


class Clock:
    """Time that moves only when the code under test sleeps or the test says so."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
        self.slept: list[float] = []

    def __call__(self) -> dt.datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += dt.timedelta(seconds=seconds)

    def attempt(self, patient: bool = True) -> Attempt:
        return Attempt("desk-7", self, self.sleep if patient else None)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def try_sign_in(database: Database, clock: Clock, name: str, password: str) -> str:
    try:
        accounts.sign_in(database, name, password, clock.attempt())
    except SignInRefused as refused:
        return str(refused)
    return "signed in"


def refusals(database: Database) -> list[tuple[str | None, str | None]]:
    with database.reading() as session:
        return [
            (e.username, e.after)
            for e in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == "sign_in_failed")
                .order_by(AuditEntry.seq)
            )
        ]


def test_thirty_wrong_passwords_are_not_followed_by_a_sign_in_without_the_unlock(
    any_database: Database, clock: Clock
) -> None:
    admin = signed_in(any_database, "admin")
    signed_in(any_database, "front_desk")
    answers = [try_sign_in(any_database, clock, DESK, f"guess number {i}") for i in range(30)]
    assert answers[:4] == [WRONG] * 4 and answers[4:] == [LOCKED] * 26
    assert clock.slept == [1, 2, 4, 8]  # slower after each failure, then locked
    assert try_sign_in(any_database, clock, DESK, PASSWORD) == LOCKED
    assert len(refusals(any_database)) == 31
    assert accounts.unlock_account(any_database, admin, DESK)
    assert try_sign_in(any_database, clock, DESK, PASSWORD) == "signed in"


def test_a_refused_sign_in_is_audited_with_the_name_typed_and_the_workstation(
    database: Database, clock: Clock
) -> None:
    signed_in(database, "front_desk")
    try_sign_in(database, clock, DESK, "not it")
    try_sign_in(database, clock, "nobody-here", "not it either")
    (known, known_after), (unknown, unknown_after) = refusals(database)
    assert known == DESK and '"workstation": "desk-7"' in (known_after or "")
    assert '"reason": "wrong password"' in (known_after or "")
    assert unknown == "nobody-here" and '"reason": "unknown user name"' in (unknown_after or "")
    assert "not it" not in (known_after or "") + (unknown_after or "")  # never the password


def test_an_unknown_name_is_slowed_and_locked_like_a_real_one(
    database: Database, clock: Clock
) -> None:
    signed_in(database, "front_desk")
    real = [try_sign_in(database, clock, DESK, "wrong") for _ in range(6)]
    real_waits, clock.slept = clock.slept, []
    made_up = [try_sign_in(database, clock, "no-such-person", "wrong") for _ in range(6)]
    assert made_up == real and clock.slept == real_waits


def test_failures_older_than_the_window_do_not_count_but_many_in_a_row_lock(
    database: Database, clock: Clock
) -> None:
    signed_in(database, "front_desk")
    for _ in range(19):  # one every 20 minutes: never 5 within 15 minutes
        assert try_sign_in(database, clock, DESK, "slow guess") == WRONG
        clock.now += dt.timedelta(minutes=20)
    assert try_sign_in(database, clock, DESK, "slow guess") == LOCKED  # 20 in a row: 4 x 5


def test_a_sign_in_clears_the_count(database: Database, clock: Clock) -> None:
    signed_in(database, "front_desk")
    for _ in range(4):
        try_sign_in(database, clock, DESK, "typo")
    assert try_sign_in(database, clock, DESK, PASSWORD) == "signed in"
    assert [try_sign_in(database, clock, DESK, "typo") for _ in range(4)] == [WRONG] * 4


def test_the_limit_comes_from_the_settings(database: Database, clock: Clock) -> None:
    admin = signed_in(database, "admin")
    signed_in(database, "front_desk")
    with database.writing() as session:
        current = agency_settings.load(session)
        agency_settings.save(session, admin, replace(current, sign_in_attempts=2))
    answers = [try_sign_in(database, clock, DESK, "typo") for _ in range(2)]
    assert answers == [WRONG, LOCKED]


def test_a_try_too_soon_is_refused_without_counting(database: Database, clock: Clock) -> None:
    signed_in(database, "front_desk")
    try_sign_in(database, clock, DESK, "typo")
    with pytest.raises(SignInRefused, match="wait 1 s"):
        accounts.sign_in(database, DESK, PASSWORD, clock.attempt(patient=False))
    clock.now += dt.timedelta(seconds=1)
    assert accounts.sign_in(database, DESK, PASSWORD, clock.attempt(patient=False))


def test_the_lock_holds_after_a_restart_on_another_workstation(tmp_path, clock: Clock) -> None:
    path = str(tmp_path / "shared.sqlite3")
    first = open_database(path)
    signed_in(first, "front_desk")
    for _ in range(5):
        try_sign_in(first, clock, DESK, "guess")
    first.dispose()
    second = open_database(path)
    assert try_sign_in(second, clock, DESK, PASSWORD) == LOCKED
    second.dispose()


def test_the_lock_screen_counts_as_a_sign_in(database: Database, clock: Clock) -> None:
    desk = signed_in(database, "front_desk")
    answers = []
    for i in range(5):
        try:
            accounts.unlock_screen(database, desk, f"guess {i}", clock.attempt())
        except SignInRefused as refused:
            answers.append(str(refused))
    assert answers == [WRONG] * 4 + [LOCKED]
    with pytest.raises(SignInRefused, match="locked"):
        accounts.unlock_screen(database, desk, PASSWORD, clock.attempt())


def test_unlocking_the_screen_is_one_unlock_row_with_the_workstation(
    database: Database, clock: Clock
) -> None:
    desk = signed_in(database, "front_desk")
    with database.reading() as session:
        mark = session.scalar(select(func.max(AuditEntry.seq)))
    accounts.unlock_screen(database, desk, PASSWORD, clock.attempt())
    with database.reading() as session:
        rows = list(session.scalars(select(AuditEntry).where(AuditEntry.seq > mark)))
    assert [(r.action, r.username, r.entity_id) for r in rows] == [
        ("unlock", DESK, str(desk.user_id))
    ]  # not a sign-in as well: the person never left
    assert rows[0].after is not None and '"workstation": "desk-7"' in rows[0].after


def test_only_an_administrator_unlocks(database: Database, clock: Clock) -> None:
    manager = signed_in(database, "manager")
    with pytest.raises(PermissionDenied):
        accounts.unlock_account(database, manager, DESK)


def test_a_deactivated_account_is_refused_with_the_same_words(
    database: Database, clock: Clock
) -> None:
    admin = signed_in(database, "admin")
    desk = signed_in(database, "front_desk")
    accounts.set_active(database, admin, desk.user_id or 0, False)
    assert try_sign_in(database, clock, DESK, PASSWORD) == WRONG
    with pytest.raises(PermissionDenied):
        accounts.set_active(database, admin, admin.user_id or 0, False)


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("fourteen chars", "at least 15 characters"),
        ("1q2w3e4r5t6y7u8i", "common or breached"),
        ("1Q2W3E4R5T6Y7U8I", "common or breached"),  # the list is checked without case
        ("x" * 257, "at most 256"),
        ("test-new-person-name", "must not be the user name"),
    ],
)
def test_a_new_password_breaking_a_rule_is_refused(
    database: Database, today, password: str, problem: str
) -> None:
    admin = signed_in(database, "admin")
    raw = {"username": "test-new-person-name", "display_name": "New Person", "role": "manager"}
    with pytest.raises(AccountError, match=problem):
        accounts.add_account(database, admin, raw, password, None, today)
    with pytest.raises(SignInRefused):
        accounts.sign_in(database, raw["username"], password)


@pytest.mark.parametrize(
    "password", ["fifteen letters", "no digits or capitals needed at all", "é" * 15, "y" * 64]
)
def test_any_long_enough_password_is_accepted(database: Database, today, password: str) -> None:
    admin = signed_in(database, "admin")
    raw = {"username": "newbie", "display_name": "New Person", "role": "front_desk"}
    accounts.add_account(database, admin, raw, password, None, today)
    assert accounts.sign_in(database, "newbie", password).actor.role == "front_desk"


def test_an_administrator_may_lower_the_minimum_to_eight(database: Database, today) -> None:
    admin = signed_in(database, "admin")
    with database.writing() as session:
        current = agency_settings.load(session)
        agency_settings.save(session, admin, replace(current, password_min_length=8))
    desk = signed_in(database, "front_desk")
    accounts.change_password(database, desk, desk.user_id or 0, "plum-pie", None, PASSWORD)
    with pytest.raises(AccountError, match="common"):
        accounts.change_password(database, admin, desk.user_id or 0, "iloveyou", None)
    with pytest.raises(AccountError, match="current password is wrong"):
        accounts.change_password(database, desk, desk.user_id or 0, "plum-tart", None, "nope")


def test_the_account_list_carries_each_state_as_a_code(database: Database, clock: Clock) -> None:
    admin = signed_in(database, "admin")
    signed_in(database, "front_desk")
    manager = signed_in(database, "manager")
    for guess in range(5):
        clock.now += dt.timedelta(minutes=1)
        try_sign_in(database, clock, DESK, f"guess {guess}")
    accounts.set_active(database, admin, manager.user_id or 0, False)
    states = {a.username: a.state for a in accounts.list_accounts(database, admin)}
    assert states == {
        admin.username: accounts.ACTIVE,
        DESK: accounts.LOCKED,
        manager.username: accounts.DEACTIVATED,
    }
    assert (accounts.ACTIVE, accounts.LOCKED, accounts.DEACTIVATED) == (
        "active",
        "locked",
        "deactivated",
    )
    with pytest.raises(PermissionDenied):
        accounts.list_accounts(database, manager)
