"""A correction touches one client's rows through an index, never a scan of every
assessment: at 100,000 clients a scan made each correction about 90 ms (make bench)."""

from __future__ import annotations

from forms import corrections
from tests.db.query_plans import plan_of, statements_sent
from tests.forms.test_corrections import client_with_intake, intake


def test_a_correction_reads_and_rewrites_one_clients_assessments_by_index(
    any_database, admin, today
) -> None:
    _cid, aid = client_with_intake(any_database, admin, today)
    answers, substances = intake("2026-10-01", "larger_longer;craving")
    with statements_sent(any_database) as sent:
        corrections.edit_assessment(any_database, admin, today, aid, 1, answers, substances)
    touching = [
        (s, p) for s, p in sent if "assessments" in s and not s.lstrip().startswith("INSERT")
    ]
    assert any(s.lstrip().startswith("UPDATE assessments SET episode_id") for s, _ in touching)
    whole_table = "SCAN assessments" if any_database.is_sqlite else "Seq Scan on assessments"
    for statement, parameters in touching:
        plan = plan_of(any_database, statement, parameters)
        assert not any(line.strip().startswith(whole_table) for line in plan), (statement, plan)
