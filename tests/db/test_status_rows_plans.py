"""A report reads a chunk of clients' stored status by the primary key (client_id first),
not by walking the headline index over every client's rows. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from db import status_rows
from tests.db.query_plans import plan_of, statements_sent

PRIMARY_KEY = ("sqlite_autoindex_status_after_assessment_1", "pk_status_after_assessment")


@pytest.mark.parametrize("headlines", [False, True])
def test_a_chunk_of_clients_is_read_by_the_primary_key(any_database, headlines: bool) -> None:
    with statements_sent(any_database) as sent, any_database.reading() as s:
        status_rows.rows_between(
            s, [3, 5, 8, 13], dt.date(2025, 10, 31), dt.date(2026, 10, 31), headlines=headlines
        )
    ((statement, parameters),) = [(q, p) for q, p in sent if "status_after_assessment" in q]
    plan = " ".join(plan_of(any_database, statement, parameters))
    assert any(name in plan for name in PRIMARY_KEY), plan
    assert "ix_status_after_assessment_headline" not in plan, plan


def test_the_trends_counts_are_read_from_the_headline_index_alone(any_database) -> None:
    """Twelve of these make the monthly trend: the table's rows are never read."""
    with statements_sent(any_database) as sent, any_database.reading() as s:
        status_rows.headline_counts(s, dt.date(2026, 10, 31), dt.date(2026, 4, 30))
    ((statement, parameters),) = [(q, p) for q, p in sent if "status_after_assessment" in q]
    plan = " ".join(plan_of(any_database, statement, parameters))
    index = "ix_status_after_assessment_headline"
    assert f"COVERING INDEX {index}" in plan or f"Index Only Scan using {index}" in plan, plan
