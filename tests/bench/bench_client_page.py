"""The client page with its chart, opened for a client with ten years of history.

One client is added to a copy of the agency: five two-year episodes (intake,
quarterly follow-ups, a discharge), two substance classes, the BARC-10 on every
interview, forty events, weekly encounters (about 520) and a consent: every part of the
page has rows. A fresh process on Qt's offscreen platform signs in and opens the
client's page the way the list does (`ClientsSection.open_client`: the record read with
its `view` audit row, the stored status, the milestones and the progress, every widget
filled), then paints it, chart included, and goes back to the list; the time is from
the call to the painted page. The median of the opens after a first one (which loads
the modules the page uses) is the figure, with the GUI thread's CPU time beside it (on a
machine shared with other work the wall time says more about the others).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from pathlib import Path

from db.dates import add_months
from tests.bench.agency import working_copy
from tests.bench.measure import Figure, child_run

OPENS = 15
YEARS = 10
TARGET_SECONDS = 0.150

OPEN_PAGE = """
import json, os, sys, time
from db.startup import open_database
from desktop.app import make_application
from desktop.context import AppContext
from desktop.main_window import MainWindow
from forms import accounts
from tests.accounts import PASSWORD, USERNAMES
app = make_application(["recovery-desk"])
database = open_database(sys.argv[1])
window = MainWindow(AppContext(database))
window.start()
window.signed_in(accounts.sign_in(database, USERNAMES["manager"], PASSWORD))
window.show()
app.processEvents()
client_id, opens = int(sys.argv[2]), int(sys.argv[3])
samples, cpu, shown = [], [], {}
for _ in range(opens + 1):
    started, started_cpu = time.perf_counter(), time.thread_time()
    assert window.clients.open_client(client_id)
    page = window.clients.top
    page.repaint()  # every widget painted, the chart included
    app.processEvents()
    samples.append(time.perf_counter() - started)
    cpu.append(time.thread_time() - started_cpu)
    shown = {"points": len(page.page.progress.points), "rows": page.timeline_table.rowCount(),
             "chart": page.progress_box.chart.isVisible()}
    window.clients.back_to_root()
    app.processEvents()
print(json.dumps({"samples": samples[1:], "cpu": cpu[1:], **shown}), flush=True)
os._exit(0)
"""


def run(folder: Path, clients: int = 100_000) -> list[Figure]:
    path = working_copy(clients, folder, "client-page")
    client_id = _client_with_history(path, dt.date.today())
    _, _, out = child_run(OPEN_PAGE, str(path), str(client_id), str(OPENS))
    found = json.loads(out.splitlines()[-1])
    if not found["chart"]:
        raise RuntimeError("the client page showed no progress chart")
    return [
        Figure(
            "client page with its chart, 10 years of history",
            statistics.median(found["samples"]),
            TARGET_SECONDS,
            cpu_seconds=statistics.median(found["cpu"]),
            note=f"{clients:,}-client agency; {found['rows']} timeline rows, "
            f"{found['points']} points on the chart; median of {OPENS} opens, painted",
        )
    ]


def _interview(on: dt.date, kind: str, step: int) -> dict[str, object]:
    rating = 6 + step % 10
    return {
        "assessed_on": on.isoformat(),
        "kind": kind,
        "contact_status": "completed",
        "psych_health": rating,
        "physical_health": rating + 1,
        "quality_of_life": rating,
        "offending_days_28": 0,
        "goal": "reduction",
        **{f"barc10_{i}": 1 + (step + i) % 6 for i in range(1, 11)},
    }


def _substances(kind: str, step: int) -> list[dict[str, object]]:
    criteria = "larger_longer;cut_down;time_spent;craving" if kind == "intake" else ""
    return [
        {
            "substance_class": "opioid",
            "primary": "yes",
            "criteria": criteria,
            "use_days_28": 20 - step % 20,
        },
        {"substance_class": "alcohol", "primary": "no", "criteria": "craving" if step % 3 else ""},
    ]


def _client_with_history(path: Path, today: dt.date) -> int:
    """The ten-year client, entered through forms/ as the desk would; their id."""
    from db.startup import open_database
    from forms import records
    from forms.consents import record_consent
    from tests.accounts import quick_hashing, signed_in

    quick_hashing()
    database = open_database(str(path))
    signed_in(database, "manager")
    admin = signed_in(database, "admin")
    start = add_months(today, -12 * YEARS)
    raw = {"given_name": "Decade", "family_name": "Longhistory", "birth_date": "1970-05-05"}
    client_id = records.create_client(database, admin, raw, today)
    for step in range(4 * YEARS):
        on = add_months(start, 3 * step)
        kind = "intake" if step % 8 == 0 else "discharge" if step % 8 == 7 else "follow_up"
        more = {"discharge_reason": "completed"} if kind == "discharge" else {}
        records.add_assessment(
            database,
            admin,
            client_id,
            {**_interview(on, kind, step), **more},
            _substances(kind, step),
            today,
        )
    for n in range(4 * YEARS):
        event = ("ed_visit", "arrest", "overdose_nonfatal", "hospitalisation")[n % 4]
        records.add_event(
            database,
            admin,
            client_id,
            {
                "occurred_on": (start + dt.timedelta(days=91 * n + 5)).isoformat(),
                "event": event,
                "count": 1,
            },
            today,
        )
    for week in range(52 * YEARS):
        day = start + dt.timedelta(days=7 * week + 2)
        records.add_encounter(
            database,
            admin,
            client_id,
            {"occurred_on": day.isoformat(), "naloxone_kits": 1, "syringes_out": 10},
            today,
        )
    consent = {"scope": "treatment_payment_operations", "signed_on": start.isoformat()}
    record_consent(database, admin, client_id, consent, today)
    database.dispose()
    return client_id
