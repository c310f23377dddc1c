"""Client search per keystroke, as the Clients screen runs it, against one raw indexed lookup.

The queries are what a front-desk worker types to find clients who are in
the database: every prefix of "family given" keystroke by keystroke, a client
code, a birth date, and misspellings (two letters swapped, one dropped, one
doubled, one wrong). The screen opens a reading session per keystroke and
calls `forms.search.search` with the name index it built at sign-in; so does
this benchmark.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

from db.engine import Database
from db.startup import open_database
from db.textfold import fold_name
from desktop.passphrase import for_command
from forms.search import ClientIndex, search
from tests.bench.agency import cached_agency, raw_connect
from tests.bench.measure import Figure, percentile, timed

PEOPLE = 30  # clients whose names are typed; about ten queries each
SEED = 7
P95_TARGET_S = 0.020
RAW_LIMIT = 200  # the screen's page of hits (forms.search.DEFAULT_LIMIT)
Person = tuple[str, str, str, str]  # given, family, code, birth date as typed


def run(folder: Path, clients: int = 100_000) -> list[Figure]:
    path = cached_agency(clients)
    people = _people(path)
    queries = list(_queries(people))
    database = open_database(str(path), passphrase=for_command)
    try:
        with database.reading() as session:
            build_s = timed(lambda: ClientIndex.load(session))
            index = ClientIndex.load(session)
        ours = [_program_search(database, index, q) for q in queries]
        ours = [_program_search(database, index, q) for q in queries]  # second pass: warm
    finally:
        database.dispose()
    raw = _raw_searches(path, queries)
    note = f"{len(queries)} queries; name index built at sign-in in {build_s:.2f} s"
    return [
        Figure(
            "search per keystroke: p95",
            percentile(ours, 0.95),
            P95_TARGET_S,
            percentile(raw, 0.95),
            note=f"{note}; raw: one indexed prefix LIKE",
        ),
        Figure(
            "search per keystroke: median",
            statistics.median(ours),
            None,
            statistics.median(raw),
            note="typo-tolerant vs exact prefix only",
        ),
    ]


def _program_search(database: Database, index: ClientIndex, text: str) -> float:
    start = time.perf_counter()
    with database.reading() as session:
        search(session, index, text)
    return time.perf_counter() - start


def _raw_searches(path: Path, queries: list[str]) -> list[float]:
    """One SELECT per keystroke on the folded family name's index, through raw sqlite3."""
    conn = raw_connect(path, read_only=True)
    statement = (
        "SELECT id FROM clients WHERE family_search LIKE ? ESCAPE '\\' "
        "ORDER BY family_search, given_search LIMIT ?"
    )
    samples: list[float] = []
    try:
        for _ in range(2):
            samples = []
            for text in queries:
                pattern = fold_name(text).replace("\\", "\\\\").replace("%", "\\%")
                pattern = pattern.replace("_", "\\_") + "%"
                start = time.perf_counter()
                conn.execute(statement, (pattern, RAW_LIMIT)).fetchall()
                samples.append(time.perf_counter() - start)
    finally:
        conn.close()
    return samples


def _people(path: Path) -> list[Person]:
    conn = raw_connect(path, read_only=True)
    try:
        (count,) = conn.execute("SELECT max(id) FROM clients").fetchone()
        ids = random.Random(SEED).sample(range(1, count + 1), PEOPLE)
        rows = conn.execute(
            "SELECT given_name, family_name, client_code, birth_date FROM clients WHERE id IN "
            f"({', '.join('?' for _ in ids)}) ORDER BY id",
            ids,
        ).fetchall()
    finally:
        conn.close()
    return [(str(g), str(f), str(c), str(b)) for g, f, c, b in rows]


def _queries(people: list[Person]) -> Iterator[str]:
    rng = random.Random(SEED)
    for given, family, code, born in people:
        typed = f"{family} {given}"
        for end in range(1, min(len(typed), 12) + 1):  # keystroke by keystroke
            if not typed[end - 1].isspace():
                yield typed[:end]
        yield from (_typo(family, rng), f"{_typo(given, rng)} {family}", _typo(typed, rng))
        yield code if rng.random() < 0.5 else code[:-2]  # whole, or as far as typed
        yield f"{family} {born}"


def _typo(word: str, rng: random.Random) -> str:
    """One slip of the fingers: swap, drop, double or replace one letter."""
    if len(word) < 3:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiourstn") + word[i + 1 :]
