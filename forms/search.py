"""Finding a client from what a front-desk worker types, typos included.

A query is split into words. Birth-date words (`1984-03-07`, `19840307`, or
a year or year-month such as `1984-03`) narrow by birth date; the other words
are names or a client code. Three sources answer, best first:

1. an indexed prefix lookup in the database (names and codes; it also sees
   clients another workstation added since the index below was built);
2. prefix matches of every word in an in-memory index of folded names;
3. rapidfuzz over the distinct name words in that index, with a score
   cut-off, so "jonh smiht" still finds John Smith.

The index holds distinct words, not one entry per client, so a fuzzy pass
compares against a few thousand strings however many clients share them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from db import clients
from db.engine import Session
from db.textfold import fold_name

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 200
# rapidfuzz ratio (0-100): one swapped or missing letter in a 4-letter word scores 75.
FUZZY_CUTOFF = 75
FUZZY_MIN_LENGTH = 4
FUZZY_WORDS_PER_TOKEN = 40
# A one-letter word matches thousands of names; narrow by the rarer words first.
MAX_CANDIDATES = 5_000
EXACT = 100.0

_FULL_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?")

IndexRow = tuple[int, str, str, "str | None", dt.date]


def _words_of(given: str, family: str, preferred: str | None) -> tuple[str, ...]:
    """Every string a word of the query may match: whole names and their words."""
    names = [n for n in (given, family, preferred) if n]
    words = {w for n in names for w in n.split()}
    words.update(names)
    return tuple(words)


@dataclass(frozen=True, slots=True)
class DateQuery:
    """A birth date or, for a year or year-month, a range of them (both ends included)."""

    first: dt.date
    last: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    folded: str
    words: tuple[str, ...]
    born: DateQuery | None


class ClientIndex:
    """Folded names and birth dates of every client, built once, kept current by `add`."""

    def __init__(self, rows: Iterable[Sequence[Any]] = ()) -> None:
        self._words_by_id: dict[int, tuple[str, ...]] = {}
        self._birth: dict[int, dt.date] = {}
        self._order: dict[int, tuple[str, str]] = {}
        self._ids_by_word: dict[str, set[int]] = defaultdict(set)
        self._sorted: list[str] | None = None
        self.last_id = 0
        self._put_rows(rows)

    def _put_rows(self, rows: Iterable[Sequence[Any]]) -> None:
        for client_id, given, family, preferred, birth in rows:
            self._put(
                int(client_id),
                str(given),
                str(family),
                str(preferred) if preferred else None,
                birth,
            )
            self.last_id = max(self.last_id, int(client_id))

    def catch_up(self, session: Session) -> None:
        """Add the clients registered since (on any workstation): one primary-key range read."""
        self._put_rows(clients.name_index_rows(session, self.last_id))

    @classmethod
    def load(cls, session: Session) -> ClientIndex:
        return cls(clients.name_index_rows(session))

    def __len__(self) -> int:
        return len(self._words_by_id)

    def add(
        self, client_id: int, given: str, family: str, preferred: str | None, birth: dt.date
    ) -> None:
        """Add or replace one client (names as typed; they are folded here)."""
        self.discard(client_id)
        folded_preferred = fold_name(preferred) if preferred else None
        self._put(client_id, fold_name(given), fold_name(family), folded_preferred, birth)
        self.last_id = max(self.last_id, client_id)

    def discard(self, client_id: int) -> None:
        for word in self._words_by_id.pop(client_id, ()):
            self._ids_by_word[word].discard(client_id)
        self._birth.pop(client_id, None)
        self._order.pop(client_id, None)

    def _put(
        self, client_id: int, given: str, family: str, preferred: str | None, birth: dt.date
    ) -> None:
        words = _words_of(given, family, preferred)
        self._words_by_id[client_id] = words
        self._birth[client_id] = birth
        self._order[client_id] = (family, given)
        for word in words:
            if word not in self._ids_by_word:
                self._sorted = None
            self._ids_by_word[word].add(client_id)

    def birth_date(self, client_id: int) -> dt.date | None:
        return self._birth.get(client_id)

    def sort_key(self, client_id: int) -> tuple[str, str]:
        return self._order.get(client_id, ("", ""))

    def words(self, client_id: int) -> tuple[str, ...]:
        return self._words_by_id.get(client_id, ())

    def _vocabulary(self) -> list[str]:
        if self._sorted is None:
            self._sorted = sorted(w for w, ids in self._ids_by_word.items() if ids)
        return self._sorted

    def word_scores(self, token: str, by_prefix: bool = True) -> dict[str, float]:
        """Index words matching `token`: by prefix (score 100) or by a close spelling."""
        vocabulary = self._vocabulary()
        scores: dict[str, float] = {}
        if by_prefix:
            start = bisect.bisect_left(vocabulary, token)
            end = bisect.bisect_left(vocabulary, token + "\U0010ffff", lo=start)
            scores = dict.fromkeys(vocabulary[start:end], EXACT)
        if len(token) >= FUZZY_MIN_LENGTH:
            for word, score, _ in process.extract(
                token,
                vocabulary,
                scorer=fuzz.ratio,
                score_cutoff=FUZZY_CUTOFF,
                limit=FUZZY_WORDS_PER_TOKEN,
                processor=None,
            ):
                scores.setdefault(word, score)
        return scores

    def ids_of(self, word: str) -> set[int]:
        return self._ids_by_word.get(word, set())

    def born_in(self, born: DateQuery) -> list[int]:
        return [cid for cid, day in self._birth.items() if day in born]


def parse_query(text: str) -> Query:
    folded = fold_name(text)
    words: list[str] = []
    born: DateQuery | None = None
    for word in folded.split():
        found = _as_date(word)
        if found is not None and born is None:
            born = found
        else:
            words.append(word)
    return Query(text.strip(), folded, tuple(words), born)


def _as_date(word: str) -> DateQuery | None:
    try:
        full = _FULL_DATE.fullmatch(word)
        if full:
            day = dt.date(*(int(g) for g in full.groups()))
            return DateQuery(day, day)
        partial = _PARTIAL_DATE.fullmatch(word)
        if partial and 1900 <= int(partial.group(1)) <= 2100:
            year = int(partial.group(1))
            if partial.group(2) is None:
                return DateQuery(dt.date(year, 1, 1), dt.date(year, 12, 31))
            month = int(partial.group(2))
            last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            return DateQuery(dt.date(year, month, 1), last)
    except ValueError:
        return None
    return None


def search(
    session: Session, index: ClientIndex | None, text: str, limit: int = DEFAULT_LIMIT
) -> list[int]:
    """Ids of the clients matching `text`, best match first (at most `limit`)."""
    query = parse_query(text)
    if not query.words and query.born is None:
        return []
    found: dict[int, float] = {}
    if query.words:
        typed = " ".join(query.text.split()) if query.born is None else query.words[0]
        for client_id in clients.prefix_ids(session, " ".join(query.words), typed, limit):
            found[client_id] = EXACT * len(query.words) + 1
    # A page of exact prefix hits for one word needs no guessing at typos.
    settled = len(found) >= limit and len(query.words) == 1 and query.born is None
    if index is not None and not settled:
        index.catch_up(session)
        for client_id, score in _index_matches(index, query).items():
            found.setdefault(client_id, score)
    if query.born is not None:
        found = _narrow_by_birth(session, index, query, found, limit)
    return _best(found, index, limit)


def _best(found: dict[int, float], index: ClientIndex | None, limit: int) -> list[int]:
    if index is None:
        # Python's sort is stable: the database's name order survives among its hits.
        return sorted(found, key=lambda cid: -found[cid])[:limit]
    return heapq.nsmallest(limit, found, key=lambda cid: (-found[cid], index.sort_key(cid)))


def _index_matches(index: ClientIndex, query: Query) -> dict[int, float]:
    """Clients every query word matches (by prefix or close spelling), with a score."""
    if not query.words:
        return {}
    # One word: the database lookup already holds its prefix hits; add close spellings only.
    by_prefix = len(query.words) > 1
    per_word = [index.word_scores(token, by_prefix) for token in query.words]
    sizes = [sum(len(index.ids_of(w)) for w in scores) for scores in per_word]
    order = sorted(range(len(per_word)), key=sizes.__getitem__)
    if sizes[order[0]] > MAX_CANDIDATES:
        return {}
    best: dict[int, float] = {}
    for word, score in per_word[order[0]].items():
        for client_id in index.ids_of(word):
            best[client_id] = max(score, best.get(client_id, 0.0))
    for position in order[1:]:
        best = _also_matching(index, best, per_word[position])
    return best


def _also_matching(
    index: ClientIndex, best: dict[int, float], scores: dict[str, float]
) -> dict[int, float]:
    kept: dict[int, float] = {}
    for client_id, total in best.items():
        words = index.words(client_id)
        score = max((scores.get(w, 0.0) for w in words), default=0.0)
        if score:
            kept[client_id] = total + score
    return kept


def _narrow_by_birth(
    session: Session, index: ClientIndex | None, query: Query, found: dict[int, float], limit: int
) -> dict[int, float]:
    born = query.born
    assert born is not None
    if query.words:
        if index is None:
            return found
        return {cid: s for cid, s in found.items() if index.birth_date(cid) in born}
    if born.first == born.last:
        return dict.fromkeys(clients.born_on(session, born.first, limit), EXACT)
    return dict.fromkeys(index.born_in(born) if index is not None else [], EXACT)
