"""Search latency per keystroke at agency scale: p50/p95 over typed prefixes and misspellings.

    python -m tests.forms.search_latency --db AGENCY.sqlite3|URL [--names 300] [--seed 1]

Each sampled client's name is typed one letter at a time (every prefix is one
search, as in the search box), half of them with one typo (two letters swapped,
one dropped or one doubled); birth dates and client codes are typed too.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from sqlalchemy import select

from db.engine import Database
from db.location import resolve_database_url
from db.models import Client
from forms.search import ClientIndex, search


def misspell(word: str, rnd: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rnd.randrange(1, len(word) - 1)
    kind = rnd.choice(("swap", "drop", "double"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def queries(database: Database, names: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    with database.reading() as session:
        ids = list(session.scalars(select(Client.id)))
        picked = [session.get(Client, i) for i in rnd.sample(ids, min(names, len(ids)))]
    typed: list[str] = []
    for n, client in enumerate(picked):
        assert client is not None
        family, given = client.family_name, client.given_name
        if n % 2:
            family = misspell(family, rnd)
        full = f"{given} {family}" if n % 3 == 0 else family
        typed += [full[:k] for k in range(1, len(full) + 1)]
        if n % 10 == 0:
            typed.append(client.birth_date.isoformat())
            typed += [client.client_code[:k] for k in range(2, len(client.client_code) + 1)]
    return typed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--names", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    database = Database(resolve_database_url(args.db))
    started = time.perf_counter()
    with database.reading() as session:
        index = ClientIndex.load(session)
    built = time.perf_counter() - started
    typed = queries(database, args.names, args.seed)
    samples = []
    with database.reading() as session:
        for text in typed:
            start = time.perf_counter()
            search(session, index, text)
            samples.append(time.perf_counter() - start)
    samples.sort()
    p95 = samples[int(0.95 * (len(samples) - 1))]
    print(f"{len(index):,} clients; index built in {built * 1000:.0f} ms")
    print(
        f"{len(samples):,} keystrokes: p50 {statistics.median(samples) * 1000:.2f} ms, "
        f"p95 {p95 * 1000:.2f} ms, max {samples[-1] * 1000:.2f} ms"
    )


if __name__ == "__main__":
    main()
