"""The harm summary added up from parts of the walk (reports.datasets.harm_summary.HarmTally):
a split walk's parts, sent from its workers, must give the summary one walk gives."""

from __future__ import annotations

import datetime as dt
import pickle

from db.dates import Period
from reports.datasets.harm_summary import HarmPart, HarmTally
from reports.rules.harm import ClientHarm

PERIOD = Period.twelve_months_ending(dt.date(2026, 10, 31))
SEEN = dt.date(2026, 10, 1)


def _client(
    ahi: float, events: dict[str, int] | None = None, *, intake: float | None = None
) -> HarmPart:
    harm = ClientHarm(frozenset({"overdose_nonfatal"}), 1, 0, 0, ahi, SEEN, events or {})
    pair = None if intake is None else (ClientHarm(frozenset(), 0, 0, 0, intake, SEEN), harm)
    return harm, True, pair


def _tally(parts: list[HarmPart]) -> HarmTally:
    tally = HarmTally()
    for part in parts:
        tally.add(part)
    return tally


def test_parts_sent_and_merged_in_walk_order_give_the_one_walks_index() -> None:
    """Added left to right, 0.25 is lost against 1e16 and the index's mean over four
    clients is 0.0. Summed part by part ([0.25] and [1e16, -1e16, 0]) it would be
    0.25 / 4, printed 0.1: the parent must add every client's term in walk order."""
    clients = [_client(0.25, intake=0.0), _client(1e16), _client(-1e16), _client(0.0)]
    first, rest = _tally(clients[:1]), _tally(clients[1:])
    merged = pickle.loads(pickle.dumps(first))  # as a worker's part reaches the parent
    merged.merge(pickle.loads(pickle.dumps(rest)))
    summary = merged.summary(PERIOD)
    assert summary.assessed_means.ahi == 0.0
    assert summary.assessed == summary.clients == 4
    assert (
        summary.paired.pairs == 1 and summary.paired.ahi_change == 0.2
    )  # 0.25 rounded half to even
    assert summary == _tally(clients).summary(PERIOD)


def test_event_totals_keep_the_order_the_walk_first_met_them() -> None:
    """The PDF lists the event totals in the order the walk met them: a later part's new
    events come after the earlier parts', and counts of one event add up across parts."""
    first = _tally([_client(1.0, {"ed_visit": 1}), _client(2.0, {"family_violence": 2})])
    later = _tally([_client(3.0, {"hospitalisation": 1, "ed_visit": 3})])
    first.merge(later)
    totals = first.summary(PERIOD).event_totals
    assert list(totals.items()) == [("ed_visit", 4), ("family_violence", 2), ("hospitalisation", 1)]
