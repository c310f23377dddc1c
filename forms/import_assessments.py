"""The Assessments sheet with its Substances rows, validated together as the GUI does.

A Substances row belongs to the assessment with the same (client_code,
assessed_on). A workbook this program exported lists both sheets in the same
order, so `SubstanceFeed` pairs them while streaming both sheets side by
side; if the rows turn out to be in another order it says so at the end and
the import runs again with `SubstanceBuffer`, which holds the Substances
sheet in memory (hand-made files are small).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, Protocol, cast

from db import bulk
from forms import import_update
from forms.exchange import ASSESSMENTS, SUBSTANCES
from forms.import_clients import Rows, existing_allowed, unknown_client
from forms.import_run import CHUNK_ROWS, ImportRun, chunks, link_code, link_date
from forms.validation import validate_assessment

log = logging.getLogger(__name__)

Key = tuple[str, dt.date]
Linked = tuple[int, dict[str, Any]]  # (Substances row number, raw row)


class SubstancesOutOfOrder(Exception):
    """The Substances rows do not follow the Assessments rows; read them another way."""


class Substances(Protocol):
    def take(self, key: Key) -> list[Linked]: ...

    def finish(self) -> None: ...


def _linked(run: ImportRun, rows: Rows) -> Iterator[tuple[Key, int, dict[str, Any]]]:
    """Substances rows with a readable link; the others are reported here."""
    for count, (number, raw) in enumerate(rows, start=1):
        if count % CHUNK_ROWS == 0:
            run.tick(CHUNK_ROWS)
        code, code_error = link_code(raw, run.today)
        day, day_error = link_date(raw)
        if code is None:
            run.problems.add(
                SUBSTANCES.name, number, "client_code", code_error or "Client code is required"
            )
        if day is None:
            run.problems.add(
                SUBSTANCES.name, number, "assessed_on", day_error or "Date of interview is required"
            )
        if code is not None and day is not None:
            yield (code, day), number, raw


class SubstanceFeed:
    """Pairs Substances rows with assessments while both sheets stream in the same order."""

    def __init__(self, run: ImportRun, rows: Rows) -> None:
        self._rows = _linked(run, rows)
        self._head = next(self._rows, None)

    def take(self, key: Key) -> list[Linked]:
        taken = []
        while self._head is not None and self._head[0] == key:
            taken.append((self._head[1], self._head[2]))
            self._head = next(self._rows, None)
        return taken

    def finish(self) -> None:
        if self._head is not None:
            raise SubstancesOutOfOrder()


class SubstanceBuffer:
    """Every Substances row in memory by its key, for a sheet in any order."""

    def __init__(self, run: ImportRun, rows: Rows) -> None:
        self._run = run
        self._by_key: dict[Key, list[Linked]] = defaultdict(list)
        for key, number, raw in _linked(run, rows):
            self._by_key[key].append((number, raw))

    def take(self, key: Key) -> list[Linked]:
        return self._by_key.pop(key, [])

    def finish(self) -> None:
        for (code, day), rows in self._by_key.items():
            for number, _raw in rows:
                self._run.problems.add(
                    SUBSTANCES.name,
                    number,
                    "assessed_on",
                    f"there is no assessment of {code} on {day.isoformat()} "
                    f"on the Assessments sheet",
                )


def load_assessments(run: ImportRun, rows: Rows, substances: Substances) -> None:
    for chunk in chunks(rows):
        run.tick(len(chunk))
        linked = [
            (number, raw, link_code(raw, run.today), link_date(raw)[0]) for number, raw in chunk
        ]
        refs = run.clients(code for _, _, (code, _), _ in linked)
        stored = bulk.assessment_dates(run.session, [r.id for r in refs.values()])
        voided = (
            bulk.assessment_dates(run.session, [r.id for r in refs.values()], voided=True)
            if run.update
            else {}
        )
        seen: dict[tuple[int, dt.date], int] = {}
        fresh: list[tuple[int, bulk.ClientRef, dict[str, Any]]] = []
        for number, raw, (code, code_error), day in linked:
            subs = substances.take((code, day)) if code and day else []
            ref = _client(run, number, code, code_error, refs)
            if ref is None:
                continue
            result = validate_assessment(raw, [r for _, r in subs], ref.birth_date, run.today)
            if not result.ok:
                _report(run, number, subs, result.errors)
                continue
            values = result.values
            key = (ref.id, cast(dt.date, values["assessed_on"]))
            if _repeated(run, number, code or "", ref, key, stored, seen):
                continue
            seen[key] = number
            if key in stored and import_update.assessment(run, ref, stored[key], values):
                continue
            if key not in stored and key in voided:
                import_update.voided_assessment(run, number, voided[key], values)
                continue
            fresh.append((number, ref, values))
        _insert(run, fresh)
    substances.finish()


def _client(
    run: ImportRun,
    number: int,
    code: str | None,
    error: str | None,
    refs: dict[str, bulk.ClientRef],
) -> bulk.ClientRef | None:
    if code is None:
        run.problems.add(
            ASSESSMENTS.name, number, "client_code", error or "Client code is required"
        )
        return None
    ref = refs.get(code)
    if ref is None:
        unknown_client(run, ASSESSMENTS, number, code)
        return None
    return ref if existing_allowed(run, ASSESSMENTS, number, code, ref) else None


def _repeated(
    run: ImportRun,
    number: int,
    code: str,
    ref: bulk.ClientRef,
    key: tuple[int, dt.date],
    stored: dict[tuple[int, dt.date], int],
    seen: dict[tuple[int, dt.date], int],
) -> bool:
    """A second assessment of a client on one date in this file (the GUI refuses it too).

    One stored before the import is no repeat: --update compares it with this row.
    """
    if key in seen:
        earlier = seen[key]
    elif key in stored and run.assessment_rows.row_of(stored[key]):
        earlier = run.assessment_rows.row_of(stored[key])
    else:
        return False
    where = f"row {earlier}" if earlier else "an earlier row"
    run.problems.add(
        ASSESSMENTS.name,
        number,
        "assessed_on",
        f"{code} already has an assessment on {key[1].isoformat()} ({where})",
    )
    return True


def _report(run: ImportRun, number: int, subs: list[Linked], errors: dict[str, str]) -> None:
    for key, message in errors.items():
        if key.startswith("substances."):
            _, index, column = key.split(".", 2)
            prefix = f"Substance {int(index) + 1}: "
            run.problems.add(
                SUBSTANCES.name, subs[int(index)][0], column, message.removeprefix(prefix)
            )
        elif key == "substances":
            run.problems.add(ASSESSMENTS.name, number, "contact_status", message)
        else:
            run.problems.add(ASSESSMENTS.name, number, key, message)


def _insert(run: ImportRun, fresh: list[tuple[int, bulk.ClientRef, dict[str, Any]]]) -> None:
    ids = run.ids["assessments"].take(len(fresh))
    rows: list[dict[str, Any]] = []
    substance_rows: list[dict[str, Any]] = []
    for aid, (number, ref, values) in zip(ids, fresh, strict=True):
        rows.append(bulk.assessment_row(aid, ref.id, values, run.now))
        substance_rows.extend(bulk.substance_row(aid, s) for s in values["substances"])
        run.assessment_rows.add(aid, number)
        if not run.is_new(ref):
            import_update.added_assessment(run, ref, aid, rows[-1], values["substances"])
    bulk.insert_rows(run.session, "assessments", rows)
    bulk.insert_rows(run.session, "substance_records", substance_rows)
    run.added[ASSESSMENTS.name] += len(rows)
    run.added[SUBSTANCES.name] += len(substance_rows)
