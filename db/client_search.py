"""Index-friendly prefix lookups for search-as-you-type.

`db.clients.prefix_search` ORs four LIKEs, one of them on `lower(client_code)`;
no index serves that OR, so SQLite scans every client (over 100 ms at
100,000 clients for a prefix that matches nothing). Here each column is
looked up on its own index, each capped at `limit`, and only the few ids
found are merged and sorted.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from db.models import Client

# Sorts after every character a code or a folded name holds, to close a prefix range.
_AFTER_ALL = "\U0010ffff"


def _like(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _code_ranges(text: str) -> list[tuple[str, str]]:
    # Codes keep the case they were typed in; try the text as typed, upper and lower.
    spellings = sorted({text, text.upper(), text.lower()})
    return [(variant, variant + _AFTER_ALL) for variant in spellings]


def index_rows_after(session: Session, last_id: int) -> list[tuple[Any, ...]]:
    """(id, given, family, preferred, birth date) folded, of clients added after `last_id`."""
    query = (
        select(
            Client.id,
            Client.given_search,
            Client.family_search,
            Client.preferred_search,
            Client.birth_date,
        )
        .where(Client.id > last_id, Client.merged_into_id.is_(None))
        .order_by(Client.id)
    )
    return [tuple(row) for row in session.execute(query)]


def prefix_ids(session: Session, folded: str, typed: str, limit: int) -> list[int]:
    """Ids of clients whose folded name or code starts with the text, in name order.

    `folded` is the query through db.textfold.fold_name (for the name columns);
    `typed` the query as typed, stripped (for the client code).
    """
    pattern = _like(folded)
    parts = [
        select(Client.id).where(column.like(pattern, escape="\\")).order_by(column).limit(limit)
        for column in (Client.family_search, Client.given_search, Client.preferred_search)
    ]
    # One range per spelling: an OR of ranges under a LIMIT makes SQLite scan the whole index.
    parts += [
        select(Client.id)
        .where(Client.client_code.between(low, high))
        .order_by(Client.client_code)
        .limit(limit)
        for low, high in _code_ranges(typed)
    ]
    found = union(*(part.subquery().select() for part in parts)).subquery()
    query = (
        select(Client.id)
        .where(Client.id.in_(select(found.c.id)), Client.merged_into_id.is_(None))
        .order_by(Client.family_search, Client.given_search, Client.id)
        .limit(limit)
    )
    return list(session.scalars(query))
