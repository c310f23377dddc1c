"""The Clients, Events and Encounters sheets: validate each row with forms/, insert in chunks."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any, cast

from db import bulk
from forms import import_update
from forms.exchange import CLIENTS, CONSENT_SHARE, ENCOUNTERS, EVENTS, Sheet
from forms.import_run import ImportRun, chunks, link_code
from forms.validation import Validated, validate_client, validate_encounter, validate_event
from forms.values import FieldError, parse

log = logging.getLogger(__name__)

Rows = Iterator[tuple[int, dict[str, Any]]]


def existing_allowed(
    run: ImportRun, sheet: Sheet, row: int, code: str, ref: bulk.ClientRef
) -> bool:
    """Rows may go to a client stored before this import only with --update, and never to
    one merged into another (each said once per sheet)."""
    if run.is_new(ref):
        return True
    if run.update and not ref.merged:
        run.first_rows.setdefault(ref.id, (sheet.name, row, code))
        return True
    if (sheet.name, code) not in run.told_existing:
        run.told_existing.add((sheet.name, code))
        reason = (
            "was merged into another client; use that client's code"
            if ref.merged
            else "is already in the database; import with --update to add to or change "
            "clients stored before"
        )
        run.problems.add(sheet.name, row, "client_code", f"{code} {reason}")
    return False


def unknown_client(run: ImportRun, sheet: Sheet, row: int, code: str) -> None:
    if code not in run.refused_codes:
        run.problems.add(
            sheet.name,
            row,
            "client_code",
            f"there is no client {code} on the Clients sheet or in the database",
        )


def load_clients(run: ImportRun, rows: Rows) -> None:
    for chunk in chunks(rows):
        if run.reserve_codes is not None:
            run.reserve_codes([str(raw.get("client_code") or "").strip() for _, raw in chunk])
        run.tick(len(chunk))
        valid = []
        for number, raw in chunk:
            result = validate_client(raw, run.today)
            _consent_share(result, raw, run)
            if result.ok:
                valid.append((number, result.values))
                continue
            run.report(CLIENTS, number, result.errors)
            if "client_code" not in result.errors:
                run.refused_codes.add(str(result.values["client_code"]))
        _store_clients(run, valid)


def _consent_share(result: Validated, raw: dict[str, Any], run: ImportRun) -> None:
    """The Clients sheet's consent_share, read into the row's values (not a stored field)."""
    try:
        result.values[CONSENT_SHARE.key] = bool(
            parse(CONSENT_SHARE, raw.get(CONSENT_SHARE.key), run.today)
        )
    except FieldError as exc:
        result.fail(CONSENT_SHARE.key, f"{CONSENT_SHARE.label} {exc}")


def _store_clients(run: ImportRun, valid: list[tuple[int, dict[str, Any]]]) -> None:
    stored = run.clients(str(v["client_code"]) for _, v in valid)
    first_row: dict[str, int] = {}
    fresh = []
    for number, values in valid:
        code = str(values["client_code"])
        ref = stored.get(code)
        earlier = first_row.get(code) or (run.client_rows.row_of(ref.id) if ref else 0)
        if earlier or (ref is not None and run.is_new(ref)):
            run.problems.add(
                CLIENTS.name,
                number,
                "client_code",
                f"{code} is already on row {earlier} of this sheet",
            )
            continue
        first_row[code] = number
        if ref is None:
            fresh.append((number, values))
        elif existing_allowed(run, CLIENTS, number, code, ref):
            import_update.client(run, ref, values)
            if values[CONSENT_SHARE.key]:
                run.share_yes.add(ref.id)
    ids = run.ids["clients"].take(len(fresh))
    bulk.insert_rows(run.session, "clients", bulk.client_rows([v for _, v in fresh], ids, run.now))
    for cid, (number, values) in zip(ids, fresh, strict=True):
        run.client_rows.add(cid, number)
        if values[CONSENT_SHARE.key]:
            run.share_yes.add(cid)
    run.added[CLIENTS.name] += len(fresh)


def load_events(run: ImportRun, rows: Rows) -> None:
    for chunk in chunks(rows):
        run.tick(len(chunk))
        refs = run.clients(link_code(raw, run.today)[0] for _, raw in chunk)
        fresh = []
        for number, raw in chunk:
            code, error = link_code(raw, run.today)
            if code is None:
                run.problems.add(
                    EVENTS.name, number, "client_code", error or "Client code is required"
                )
                continue
            ref = refs.get(code)
            if ref is None:
                unknown_client(run, EVENTS, number, code)
            elif existing_allowed(run, EVENTS, number, code, ref):
                result = validate_event(raw, ref.birth_date, run.today)
                if not result.ok:
                    run.report(EVENTS, number, result.errors)
                    continue
                fresh.append({"client_id": ref.id, **result.values})
        fresh = import_update.new_only(run, EVENTS, fresh)
        bulk.insert_rows(run.session, "events", fresh)
        run.status_clients.update(cast(int, row["client_id"]) for row in fresh)
        run.added[EVENTS.name] += len(fresh)


def load_encounters(run: ImportRun, rows: Rows) -> None:
    for chunk in chunks(rows):
        run.tick(len(chunk))
        refs = run.clients(link_code(raw, run.today)[0] for _, raw in chunk)
        fresh = []
        for number, raw in chunk:
            code, error = link_code(raw, run.today)
            if error is not None:
                run.problems.add(ENCOUNTERS.name, number, "client_code", error)
                continue
            ref = refs.get(code) if code else None
            if code and ref is None:
                unknown_client(run, ENCOUNTERS, number, code)
                continue
            if ref is not None and not existing_allowed(run, ENCOUNTERS, number, code or "", ref):
                continue
            result = validate_encounter(raw, run.today)
            if not result.ok:
                run.report(ENCOUNTERS, number, result.errors)
                continue
            fresh.append({"client_id": ref.id if ref else None, **result.values})
        fresh = import_update.new_only(run, ENCOUNTERS, fresh)
        bulk.insert_rows(run.session, "encounters", fresh)
        run.added[ENCOUNTERS.name] += len(fresh)
