"""A database error becomes one line naming the operation, on SQLite and PostgreSQL alike.

PostgreSQL's own message repeats the offending value in its DETAIL line; the
line a person reads must not.
"""

from __future__ import annotations

import logging

import pytest

from db import clients
from forms import records
from forms.failures import failure_line, log_failure

NAME = "Wolfgangina"


def test_a_duplicate_forced_below_the_check_is_told_without_the_value(
    any_database, admin, today, monkeypatch, caplog: pytest.LogCaptureFixture
) -> None:
    raw = {
        "client_code": f"{NAME}-1",
        "given_name": NAME,
        "family_name": "Ode",
        "birth_date": "1977-05-05",
    }
    records.create_client(any_database, admin, raw, today)
    monkeypatch.setattr(clients, "code_exists", lambda session, code: False)
    with pytest.raises(Exception) as caught:
        records.create_client(any_database, admin, raw, today)
    if not any_database.is_sqlite:  # PostgreSQL's DETAIL line repeats the value
        assert NAME in str(caught.value.orig)  # type: ignore[attr-defined]
    line = failure_line("Saving the client", caught.value)
    assert line == "Saving the client failed: a record with the same code or name already exists"
    with caplog.at_level(logging.ERROR):
        log_failure(logging.getLogger("test"), "Saving the client", caught.value)
    assert "Saving the client failed: duplicate" in caplog.text
    assert "IntegrityError" in caplog.text
    assert NAME not in caplog.text and "1977-05-05" not in caplog.text


def test_other_errors_keep_their_own_words() -> None:
    assert failure_line("Reading the file", ValueError("row 3: bad date")) == (
        "Reading the file failed: row 3: bad date"
    )
