"""A correction touches one client's rows through an index, never a scan of every
assessment: at 100,000 clients a scan made each correction about 90 ms (make bench)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from db.models import Assessment, Episode
from forms import corrections
from tests.db.query_plans import plan_of, statements_sent
from tests.forms.test_corrections import client_with_intake, intake


def test_a_correction_reads_and_rewrites_one_clients_assessments_by_index(
    any_database, admin, today
) -> None:
    _cid, aid = client_with_intake(any_database, admin, today)
    answers, substances = intake("2026-10-01", "larger_longer;craving")
    moved, _ = intake("2026-09-20", "larger_longer;craving")
    with statements_sent(any_database) as sent:
        # An answer changed, then the date moved: the second rebuilds the episodes.
        corrections.edit_assessment(any_database, admin, today, aid, 1, answers, substances)
        corrections.edit_assessment(any_database, admin, today, aid, 2, moved, substances)
    touching = [
        (s, p) for s, p in sent if "assessments" in s and not s.lstrip().startswith("INSERT")
    ]
    assert any(s.lstrip().startswith("UPDATE assessments SET episode_id") for s, _ in touching)
    whole_table = "SCAN assessments" if any_database.is_sqlite else "Seq Scan on assessments"
    for statement, parameters in touching:
        plan = plan_of(any_database, statement, parameters)
        assert not any(line.strip().startswith(whole_table) for line in plan), (statement, plan)


def test_a_corrected_answer_leaves_the_episodes_as_stored_and_a_moved_date_rebuilds_them(
    any_database, admin, today
) -> None:
    cid, aid = client_with_intake(any_database, admin, today)
    answers, substances = intake("2026-10-01", "larger_longer;craving")
    corrections.edit_assessment(any_database, admin, today, aid, 1, answers, substances)
    assert episodes_of(any_database, cid) == [(dt.date(2026, 10, 1), None)]
    first_id = episode_ids(any_database, cid)

    with statements_sent(any_database) as sent:
        corrections.edit_assessment(any_database, admin, today, aid, 2, answers, substances)
    writes = [s.lstrip() for s, _ in sent if not s.lstrip().startswith("SELECT")]
    assert not [s for s in writes if s.startswith(("DELETE FROM episodes", "INSERT INTO episodes"))]
    assert not [s for s in writes if "SET episode_id" in s]
    assert episode_ids(any_database, cid) == first_id

    moved, _ = intake("2026-09-20", "larger_longer;craving")
    corrections.edit_assessment(any_database, admin, today, aid, 3, moved, substances)
    assert episodes_of(any_database, cid) == [(dt.date(2026, 9, 20), None)]


def episodes_of(database, client_id):
    with database.reading() as s:
        found = s.execute(
            select(Episode.opened_on, Episode.closed_on).where(Episode.client_id == client_id)
        )
        return [tuple(row) for row in found]


def episode_ids(database, client_id):
    with database.reading() as s:
        return s.scalars(
            select(Assessment.episode_id).where(Assessment.client_id == client_id)
        ).all()
