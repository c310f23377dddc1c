"""The client list, the name index and merging two clients: what the search screen
and the client picker read and do, as plain records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from db import clients
from db.access import Actor, Permission
from db.engine import Database
from db.models import Client
from forms.duplicates import LikelyDuplicate, likely_duplicates
from forms.search import ClientIndex

__all__ = [
    "ClientSummary",
    "client_count",
    "client_page",
    "client_summaries",
    "find_likely_duplicates",
    "load_index",
    "merge_clients",
]

# The columns of the client list, in the order it shows them.
LIST_COLUMNS = ("client_code", "family_name", "given_name", "preferred_name", "birth_date")


@dataclass(frozen=True, slots=True)
class ClientSummary:
    client_id: int
    client_code: str
    family_name: str
    given_name: str
    preferred_name: str
    birth_date: dt.date

    @classmethod
    def of(cls, c: Client) -> ClientSummary:
        return cls(
            c.id, c.client_code, c.family_name, c.given_name, c.preferred_name or "", c.birth_date
        )

    def label(self) -> str:
        return f"{self.family_name}, {self.given_name} ({self.client_code}, {self.birth_date})"

    def column(self, index: int) -> object:
        return getattr(self, LIST_COLUMNS[index])


def client_count(database: Database) -> int:
    """How many clients the list holds (merged ones left out)."""
    with database.reading() as session:
        return clients.count(session)


def client_page(database: Database, offset: int, limit: int) -> list[ClientSummary]:
    """`limit` clients in name order from `offset`: the list reads a page at a time."""
    with database.reading() as session:
        return [ClientSummary.of(c) for c in clients.page(session, offset, limit)]


def client_summaries(database: Database, ids: Sequence[int]) -> list[ClientSummary]:
    """The clients of `ids` in that order (a search's best first)."""
    with database.reading() as session:
        return [ClientSummary.of(c) for c in clients.summaries(session, ids)]


def load_index(database: Database) -> ClientIndex:
    """The in-memory name index of every client, for typo-tolerant search."""
    with database.reading() as session:
        return ClientIndex.load(session)


def find_likely_duplicates(
    database: Database,
    index: ClientIndex | None,
    given: str,
    family: str,
    birth_date: dt.date,
    preferred: str | None = None,
) -> list[LikelyDuplicate]:
    """Registered clients that may be the person being typed in, the most alike first."""
    with database.reading() as session:
        return likely_duplicates(session, index, given, family, birth_date, preferred)


def merge_clients(database: Database, actor: Actor, keep_id: int, drop_id: int) -> None:
    """Move everything recorded for `drop_id` to `keep_id`, which stays; `drop_id` leaves
    the lists. Raises ValueError (nothing written) for the same client twice, a client
    that does not exist, or two assessments on one date; the audit row is written in the
    merge's transaction."""
    actor.require(Permission.MERGE_CLIENTS)
    if keep_id == drop_id:
        raise ValueError("Choose two different clients to merge")
    with database.writing() as session:
        clients.merge(session, actor, keep_id, drop_id)
