"""The child process of the kill drill: signs in, saves a client and an intake in a loop
and prints each client code after its intake committed (an acknowledged save). Killed at
random."""

from __future__ import annotations

import datetime as dt
import sys

from db.startup import open_database
from forms import accounts, records
from tests.accounts import ADMIN, PASSWORD

TODAY = dt.date(2026, 11, 27)
INTAKE = {
    "assessed_on": "2026-01-10",
    "kind": "intake",
    "contact_status": "completed",
    "psych_health": 8,
    "physical_health": 9,
    "quality_of_life": 7,
    "last_use_on": "2026-01-09",
}
SUBSTANCES = [{"substance_class": "alcohol", "primary": "yes", "criteria": "craving;cut_down"}]


def main(path: str, run: str) -> None:
    database = open_database(path)
    actor = accounts.sign_in(database, ADMIN, PASSWORD).actor  # the account the drill made
    print("ready", flush=True)
    i = 0
    while True:
        code = f"K{run}-{i}"
        client = records.create_client(
            database,
            actor,
            {
                "client_code": code,
                "given_name": "Kill",
                "family_name": code,
                "birth_date": "1980-01-01",
            },
            TODAY,
        )
        records.add_assessment(database, actor, client, INTAKE, SUBSTANCES, TODAY)
        print(code, flush=True)
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
