"""Likely duplicates of a client about to be registered.

Two kinds of match are shown before a new client is saved:
- the same birth date and a similar name (a misspelling, the names swapped,
  or the preferred name given as the given name);
- the same name and a birth date that looks like a typing slip of the other:
  one digit different, day and month swapped, or less than a month apart.
The worker decides; nothing here refuses a save.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from rapidfuzz import fuzz

from db import clients
from db.engine import Session
from db.models import Client
from db.textfold import fold_name
from forms.fields import N_
from forms.search import ClientIndex

log = logging.getLogger(__name__)

# token_sort_ratio (0-100): "Jon Smith" against "John Smith" scores 95, against "Smith John" 95.
SIMILAR_NAME = 80
CLOSE_DAYS = 31
SAME_BIRTH_DATE = N_("Same birth date, similar name")
SIMILAR_BIRTH_DATE = N_("Same name, birth date nearly the same")
MAX_CANDIDATES = 500


@dataclass(frozen=True, slots=True)
class LikelyDuplicate:
    client_id: int
    client_code: str
    given_name: str
    family_name: str
    preferred_name: str | None
    birth_date: dt.date
    reason: str  # one of the N_-marked reasons above
    score: float


def _name_variants(given: str, family: str, preferred: str | None) -> list[str]:
    firsts = [given] + ([preferred] if preferred else [])
    return [f"{fold_name(first)} {fold_name(family)}" for first in firsts]


def name_similarity(a: list[str], b: list[str]) -> float:
    return max(fuzz.token_sort_ratio(x, y) for x in a for y in b)


def looks_like_slip(typed: dt.date, stored: dt.date) -> bool:
    """Could one birth date be a typing slip of the other?"""
    if typed == stored:
        return False
    if abs((typed - stored).days) <= CLOSE_DAYS:
        return True
    if (typed.year, typed.month, typed.day) == (stored.year, stored.day, stored.month):
        return True
    differing = sum(x != y for x, y in zip(typed.isoformat(), stored.isoformat(), strict=True))
    return differing == 1


def likely_duplicates(
    session: Session,
    index: ClientIndex | None,
    given: str,
    family: str,
    birth_date: dt.date,
    preferred: str | None = None,
    exclude_id: int | None = None,
    limit: int = 10,
) -> list[LikelyDuplicate]:
    """Registered clients that may be this person, the most alike first."""
    wanted = _name_variants(given, family, preferred)
    found: dict[int, tuple[str, float]] = {}
    for client in clients.summaries(session, clients.born_on(session, birth_date, MAX_CANDIDATES)):
        score = name_similarity(
            wanted, _name_variants(client.given_name, client.family_name, client.preferred_name)
        )
        if score >= SIMILAR_NAME:
            found[client.id] = (SAME_BIRTH_DATE, score + 100)
    for client in _same_name(session, index, given, family):
        if client.id not in found and looks_like_slip(birth_date, client.birth_date):
            found[client.id] = (SIMILAR_BIRTH_DATE, 100.0)
    found.pop(exclude_id or -1, None)
    ranked = sorted(found.items(), key=lambda item: -item[1][1])[:limit]
    rows = {c.id: c for c in clients.summaries(session, [cid for cid, _ in ranked])}
    return [_duplicate(rows[cid], reason, score) for cid, (reason, score) in ranked if cid in rows]


def _same_name(
    session: Session, index: ClientIndex | None, given: str, family: str
) -> list[Client]:
    folded_given, folded_family = fold_name(given), fold_name(family)
    # The database sees clients added elsewhere since the index was built.
    ids = set(clients.prefix_ids(session, folded_family, family, MAX_CANDIDATES))
    if index is not None:
        ids |= index.ids_of(folded_family) & (index.ids_of(folded_given))
    return [
        c
        for c in clients.summaries(session, sorted(ids)[:MAX_CANDIDATES])
        if c.merged_into_id is None
        and c.family_search == folded_family
        and folded_given in (c.given_search, c.preferred_search)
    ]


def _duplicate(client: Client, reason: str, score: float) -> LikelyDuplicate:
    return LikelyDuplicate(
        client.id,
        client.client_code,
        client.given_name,
        client.family_name,
        client.preferred_name,
        client.birth_date,
        reason,
        score,
    )
