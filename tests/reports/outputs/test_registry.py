"""One list of jobs: the Reports screen shows it, the command line makes its subcommands
from it (tests/desktop/test_cli_jobs.py), and both check a job's dates the same way."""

from __future__ import annotations

import datetime as dt

import pytest

from db.dates import Period
from db.engine import Database
from reports.outputs.periods import COMMAND_LINE_NAMES, InputError
from reports.outputs.registry import Asks, JobInputs, all_jobs, checked, jobs_for
from tests.accounts import signed_in

TODAY = dt.date(2026, 11, 27)


def job(key: str):  # type: ignore[no-untyped-def]
    return next(j for j in all_jobs() if j.key == key)


def test_each_role_sees_the_jobs_its_permissions_allow(database: Database) -> None:
    def keys(role: str) -> list[str]:
        return [j.key for j in jobs_for(signed_in(database, role))]

    # Front desk calls the clients due: the day's call list is theirs to print.
    assert keys("front_desk") == ["call_list", "template"]
    assert keys("admin") == [j.key for j in all_jobs()]


def test_the_screen_only_job_is_a_flag_of_a_command() -> None:
    rows = job("funder_rows")
    assert rows.command is None and rows.run is job("funder").run
    assert "--rows" in [o.name for o in job("funder").command.options]  # type: ignore[union-attr]
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    asked = checked(rows, JobInputs(period=period), TODAY, COMMAND_LINE_NAMES)
    assert asked.flags == {"rows"}
    assert rows.default_name(asked) == "funder-2026-01-01-to-2026-06-30.xlsx"


def test_a_month_job_refuses_a_month_not_yet_started() -> None:
    monthly = job("monthly_pdf")
    assert monthly.asks is Asks.MONTH
    with pytest.raises(InputError, match=r"^--month 2026-12 has not started yet$"):
        checked(monthly, JobInputs(month=Period.month(2026, 12)), TODAY, COMMAND_LINE_NAMES)
