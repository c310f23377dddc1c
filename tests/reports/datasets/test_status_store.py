"""The stored status after each assessment: every save keeps it, reading it equals the walk.

On SQLite and PostgreSQL. Expected statuses are worked out by hand from DOMAIN.md
§4-§5 for the saves, and from the rules' walk over the generated facts (not over
anything read back from the database) for the random histories.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import HealthCheck, given, settings
from sqlalchemy import insert, select, update

from db import clients, status_rows
from db.assessments import criteria_text
from db.engine import Database
from db.models import Assessment, Client, Event, StatusAfterAssessment, SubstanceRecord
from forms import records
from reports.datasets.agency import classify_agency, classify_agency_series
from reports.datasets.status_store import client_statuses, clients_differing
from reports.rules.facts import ClientHistory, death_date
from reports.rules.recovery import classify, headline
from tests.reports.rules.test_status_state_properties import turning_dates
from tests.reports.status_histories import TAPES, history_of

D = dt.date.fromisoformat
TODAY = dt.date(2026, 11, 27)
PERSON = {"given_name": "Ana", "family_name": "Ruiz", "birth_date": "1980-04-02"}


def _client(db: Database, actor: Any, code: str) -> int:
    return records.create_client(db, actor, {**PERSON, "client_code": code}, TODAY)


def _visit(on: str, criteria: str, **extra: object) -> tuple[dict[str, object], list[Any]]:
    raw = {
        "assessed_on": on,
        "kind": "intake" if not extra.pop("follow_up", False) else "follow_up",
        "contact_status": "completed",
        "psych_health": 8,
        "physical_health": 9,
        "quality_of_life": 7,
        "offending_days_28": 0,
        "last_use_on": "2025-01-09",
        **extra,
    }
    substance = {"substance_class": "opioid", "primary": "yes", "criteria": criteria}
    return raw, [substance]


def _remission(db: Database, actor: Any, code: str = "S-1") -> int:
    """Intake 2025-01-10 with three criteria; follow-up 2025-06-10 with none: full early
    remission (2025-06-10 >= 2025-01-10 + 3 months), health kept (quality of life 9 >= 7),
    no offending, no arrest: full recovery, early."""
    cid = _client(db, actor, code)
    records.add_assessment(
        db, actor, cid, *_visit("2025-01-10", "larger_longer;craving;withdrawal"), TODAY
    )
    records.add_assessment(
        db, actor, cid, *_visit("2025-06-10", "", follow_up=True, quality_of_life=9), TODAY
    )
    return cid


def _headline(db: Database, cid: int, on: dt.date) -> Any:
    with db.reading() as s:
        return dict(classify_agency(s, on))[cid]


def test_a_saved_follow_up_is_read_back_as_its_remission(any_database, admin) -> None:
    cid = _remission(any_database, admin)
    with any_database.reading() as s:
        (status,) = client_statuses(s, cid, D("2025-07-01"))
        before = client_statuses(s, cid, D("2025-06-09"))[0]
        late = client_statuses(s, cid, D("2025-12-11"))[0]  # 184 days after d_last
    assert (status.dsm_status, status.remission_type, status.severity) == (
        "early_remission",
        "full",
        "mild",
    )
    assert (status.recovery_status, status.recovery_timeframe) == ("full", "early")
    assert (status.d_last, status.remission_episodes) == (D("2025-06-10"), 1)
    assert (before.dsm_status, before.d_last) == ("active", D("2025-01-10"))
    assert (late.dsm_status, late.remission_episodes) == ("unknown", 1)
    assert _headline(any_database, cid, D("2025-12-10")).dsm_status == "early_remission"
    assert _headline(any_database, cid, D("2025-12-11")).dsm_status == "unknown"


def test_an_arrest_saved_later_ends_the_full_recovery_it_falls_before(any_database, admin) -> None:
    cid = _remission(any_database, admin)
    records.add_event(
        any_database, admin, cid, {"occurred_on": "2025-05-20", "event": "arrest"}, TODAY
    )
    status = _headline(any_database, cid, D("2025-07-01"))
    # Citizenship fails (an arrest within 28 days before d_last): partial, not full.
    assert (status.dsm_status, status.recovery_status) == ("early_remission", "partial")


def test_a_saved_death_makes_every_later_date_deceased(any_database, admin) -> None:
    cid = _remission(any_database, admin)
    records.add_event(
        any_database, admin, cid, {"occurred_on": "2025-08-02", "event": "death"}, TODAY
    )
    assert _headline(any_database, cid, D("2025-08-01")).dsm_status == "early_remission"
    died = _headline(any_database, cid, D("2025-08-02"))
    assert (died.dsm_status, died.deceased_on, died.recovery_status) == (
        "deceased",
        D("2025-08-02"),
        "not_applicable",
    )
    with any_database.reading() as s:
        (page,) = client_statuses(s, cid, D("2025-09-30"))
    assert (page.dsm_status, page.substance_class, page.remission_episodes) == (
        "deceased",
        "opioid",
        1,
    )


def test_a_merge_moves_the_stored_status_to_the_client_kept(any_database, admin) -> None:
    keep = _client(any_database, admin, "K-1")
    drop = _client(any_database, admin, "K-2")
    records.add_assessment(
        any_database, admin, drop, *_visit("2025-01-10", "larger_longer;craving;withdrawal"), TODAY
    )
    records.add_assessment(
        any_database,
        admin,
        keep,
        *_visit("2025-06-10", "", quality_of_life=9),
        TODAY,
    )
    with any_database.reading() as s:
        assert client_statuses(s, keep, D("2025-07-01"))[0].dsm_status == "no_diagnosis"
    with any_database.writing() as s:
        clients.merge(s, admin, keep, drop)
    with any_database.reading() as s:
        kept = client_statuses(s, keep, D("2025-07-01"))[0]
        gone = s.scalars(
            select(StatusAfterAssessment.assessed_on).where(StatusAfterAssessment.client_id == drop)
        ).all()
    # The dropped client's intake now counts for the one kept: the same remission as one client.
    assert (kept.dsm_status, kept.remission_type, kept.recovery_status) == (
        "early_remission",
        "full",
        "full",
    )
    assert gone == []


def test_the_check_finds_a_stored_status_that_differs_and_the_rebuild_mends_it(
    any_database, admin
) -> None:
    cid = _remission(any_database, admin)
    other = _remission(any_database, admin, "S-2")
    with any_database.writing() as s:
        s.execute(
            update(StatusAfterAssessment)
            .where(StatusAfterAssessment.client_id == cid)
            .values(dsm_status="active")
        )
    with any_database.reading() as s:
        assert clients_differing(s) == [cid]
    with any_database.writing() as s:
        status_rows.rebuild(s, None)
    with any_database.reading() as s:
        assert clients_differing(s) == []
        assert client_statuses(s, cid, D("2025-07-01"))[0].dsm_status == "early_remission"
        assert client_statuses(s, other, D("2025-07-01"))[0].dsm_status == "early_remission"


_IDS = itertools.count(1)


def _store(db: Database, h: ClientHistory) -> None:
    """Write a generated history as rows and rebuild its status, as a save does."""
    with db.writing() as s:
        s.execute(
            insert(Client),
            [
                {
                    "id": h.client_id,
                    "client_code": h.client_code,
                    "given_name": "A",
                    "family_name": "B",
                    "given_search": "a",
                    "family_search": "b",
                    "birth_date": h.birth_date,
                }
            ],
        )
        for n, a in enumerate(h.assessments):
            aid = h.client_id * 100 + n
            values = {
                "id": aid,
                "client_id": h.client_id,
                "assessed_on": a.assessed_on,
                "kind": a.kind,
                "contact_status": a.contact_status,
                "last_use_on": a.last_use_on,
                "offending_days_28": a.offending_days_28,
                "quality_of_life": a.quality_of_life,
                "medication": a.medication,
                "medication_as_prescribed": a.medication_as_prescribed,
                "controlled_environment": a.controlled_environment,
                "goal": a.goal,
                "self_identified_recovery": a.self_identified_recovery,
                "prior_recovery_attempts": a.prior_recovery_attempts,
            }
            for i, item in enumerate(a.barc10 or (None,) * 10, start=1):
                values[f"barc10_{i}"] = item
            s.execute(insert(Assessment), [values])
            for r in a.substances:
                s.execute(
                    insert(SubstanceRecord),
                    [
                        {
                            "assessment_id": aid,
                            "substance_class": r.substance_class,
                            "primary": r.primary,
                            "criteria": criteria_text(r.criteria),
                            "criteria_last_met_on": r.criteria_last_met_on,
                            "use_days_28": r.use_days_28,
                        }
                    ],
                )
        for e in h.events:
            s.execute(
                insert(Event),
                [{"client_id": h.client_id, "occurred_on": e.occurred_on, "event": e.event}],
            )
        status_rows.rebuild(s, [h.client_id])


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(TAPES)
def test_stored_status_read_from_the_database_is_the_walk(any_database, tape: bytes) -> None:
    n = next(_IDS)
    h = history_of(tape, client_id=n, code=f"H-{n}")
    _store(any_database, h)
    dates = turning_dates(h, [])
    with any_database.reading() as s:
        series = dict(classify_agency_series(s, dates))[n]
        page = [client_statuses(s, n, d) for d in dates]
    for on, got_headline, got in zip(dates, series, page, strict=True):
        expected = classify(h, on)
        assert got == expected, on
        want = headline(h, expected, on)
        assert (got_headline.dsm_status, got_headline.recovery_status) == (
            want.dsm_status,
            want.recovery_status,
        ), on
        assert got_headline.deceased_on == (
            death_date(h) if want.dsm_status == "deceased" else None
        )


def test_a_database_from_before_the_stored_status_is_filled_at_its_first_start(
    tmp_path,
) -> None:
    from sqlalchemy import func, inspect

    from db import migrate
    from db.demo import build_demo
    from db.startup import open_database

    path = str(tmp_path / "old.sqlite3")
    db = open_database(path)
    build_demo(db, 40, 2, today=TODAY)
    migrate.downgrade(db.engine, "0007_sign_in_lockout")
    assert "status_after_assessment" not in inspect(db.engine).get_table_names()
    db.dispose()
    db = open_database(path)  # upgrades to 0008 and stores every client's status
    with db.reading() as s:
        stored = s.scalar(select(func.count()).select_from(StatusAfterAssessment))
        assert stored > 40  # 40 clients, most with several assessments
        assert clients_differing(s) == []
    db.dispose()


def test_an_import_stores_the_status_and_an_imported_arrest_changes_it(
    any_database, admin, tmp_path
) -> None:
    from forms.importer import import_workbook
    from tests.forms.exchange_books import client, intake, substance, write_book

    visits = {
        "Clients": [client("I-1")],
        "Assessments": [
            intake("I-1", "2025-01-10", offending_days_28=0),
            intake("I-1", "2025-06-10", kind="follow_up", quality_of_life=9, offending_days_28=0),
        ],
        "Substances": [
            substance(
                "I-1", "2025-01-10", substance_class="opioid", criteria="larger_longer;withdrawal"
            ),
            substance("I-1", "2025-06-10", substance_class="opioid", criteria=""),
        ],
    }
    assert import_workbook(any_database, admin, write_book(tmp_path / "a.xlsx", visits), TODAY).ok
    with any_database.reading() as s:
        cid = s.scalar(select(Client.id).where(Client.client_code == "I-1"))
        (status,) = client_statuses(s, cid, D("2025-07-01"))
    assert (status.dsm_status, status.recovery_status) == ("early_remission", "full")
    arrest = {"Events": [{"client_code": "I-1", "occurred_on": "2025-05-20", "event": "arrest"}]}
    book = write_book(tmp_path / "b.xlsx", arrest)
    assert import_workbook(any_database, admin, book, TODAY, update=True).ok
    with any_database.reading() as s:
        (status,) = client_statuses(s, cid, D("2025-07-01"))
        assert clients_differing(s) == []
    assert (status.dsm_status, status.recovery_status) == ("early_remission", "partial")


def test_an_imported_correction_of_an_assessment_changes_the_stored_status(
    any_database, admin, tmp_path
) -> None:
    """A workbook imported with update corrects the follow-up's criteria: kind and contact
    stay, so the episodes are untouched, yet the client is no longer in remission."""
    from forms.importer import import_workbook
    from tests.forms.exchange_books import client, intake, substance, write_book

    def book(name: str, follow_up_criteria: str) -> Any:
        return write_book(
            tmp_path / name,
            {
                "Clients": [client("U-1")],
                "Assessments": [
                    intake("U-1", "2025-01-10", offending_days_28=0),
                    intake("U-1", "2025-06-10", kind="follow_up", offending_days_28=0),
                ],
                "Substances": [
                    substance(
                        "U-1", "2025-01-10", substance_class="opioid", criteria="craving;cut_down"
                    ),
                    substance(
                        "U-1", "2025-06-10", substance_class="opioid", criteria=follow_up_criteria
                    ),
                ],
            },
        )

    assert import_workbook(any_database, admin, book("a.xlsx", ""), TODAY).ok
    cid = _only_client(any_database, "U-1")
    assert _headline(any_database, cid, D("2025-07-01")).dsm_status == "early_remission"
    corrected = book("b.xlsx", "larger_longer;withdrawal;craving;cut_down")
    assert import_workbook(any_database, admin, corrected, TODAY, update=True).ok
    # Four criteria met at the last assessment: active, and 4 to 5 criteria is moderate.
    status = _headline(any_database, cid, D("2025-07-01"))
    assert (status.dsm_status, status.severity) == ("active", "moderate")
    with any_database.reading() as s:
        assert clients_differing(s) == []


def _only_client(db: Database, code: str) -> int:
    with db.reading() as s:
        return int(s.scalar(select(Client.id).where(Client.client_code == code)))


def test_a_rebuild_of_many_clients_written_in_several_batches_keeps_every_row(
    database, monkeypatch
) -> None:
    from db.demo import build_demo
    from reports.datasets import status_store

    build_demo(database, 60, 4, today=TODAY)
    with database.reading() as s:
        ids = s.scalars(select(Client.id)).all()
        before = s.execute(select(StatusAfterAssessment)).all()
    monkeypatch.setattr(status_store, "_BATCH", 7)  # rows of one client or two per batch
    with database.writing() as s:
        status_rows.rebuild(s, ids)
    with database.reading() as s:
        after = s.execute(select(StatusAfterAssessment)).all()
        assert clients_differing(s) == []
    assert len(after) == len(before) > 60
