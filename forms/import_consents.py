"""The Consents sheet, and what the Clients sheet's consent_share says for a client without one.

A consent is the same consent when its client, scope, recipient (case and
spacing aside) and date signed are the same. With --update a Consents row
equal to a stored consent changes its expiry, revocation or note (audited);
a revocation is never undone by an import. A client whose Clients row says
consent_share = yes and who has no consent, neither on the sheet nor stored,
gets a treatment, payment and operations consent signed on the day the client
was entered (the flag carries no date of its own), as the upgrade to schema
0006 did for the database's own flags.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from db import bulk, consents
from forms.exchange import CONSENTS
from forms.import_clients import existing_allowed, unknown_client
from forms.import_run import ImportRun, chunks, link_code
from forms.validation import validate_consent_row

log = logging.getLogger(__name__)

Rows = Iterator[tuple[int, dict[str, Any]]]
SHARE_NOTE = (
    "Recorded on import from the workbook's consent_share = yes; the signed date is the day "
    "the client was entered, not a date read from a signed form."
)


def identity(client_id: int, values: dict[str, Any]) -> tuple[object, ...]:
    recipient = values.get("recipient")
    folded = " ".join(recipient.split()).casefold() if recipient else None
    return (client_id, values["scope"], folded, values["signed_on"])


def load_consents(run: ImportRun, rows: Rows) -> None:
    for chunk in chunks(rows):
        run.tick(len(chunk))
        refs = run.clients(link_code(raw, run.today)[0] for _, raw in chunk)
        stored = _stored(run, [ref.id for ref in refs.values()])
        fresh = []
        for number, raw in chunk:
            code, error = link_code(raw, run.today)
            if code is None:
                message = error or "Client code is required"
                run.problems.add(CONSENTS.name, number, "client_code", message)
                continue
            ref = refs.get(code)
            if ref is None:
                unknown_client(run, CONSENTS, number, code)
            elif existing_allowed(run, CONSENTS, number, code, ref):
                row = _row(run, number, ref, raw, stored.get(ref.id, []))
                if row is not None:
                    fresh.append(row)
        bulk.insert_rows(run.session, "consents", fresh)
        run.added[CONSENTS.name] += len(fresh)


def _stored(run: ImportRun, client_ids: list[int]) -> dict[int, list[Any]]:
    if not run.update:
        return {}
    older = [cid for cid in client_ids if cid <= run.clients_before]
    return consents.stored_of(run.session, older)


def _row(
    run: ImportRun, number: int, ref: bulk.ClientRef, raw: dict[str, Any], stored: list[Any]
) -> dict[str, Any] | None:
    """The new table row of a valid consent; None when refused or already stored."""
    result = validate_consent_row(raw, ref.birth_date, run.today)
    if not result.ok:
        run.report(CONSENTS, number, result.errors)
        return None
    values = result.values
    key = identity(ref.id, values)
    if key in run.consent_rows:
        message = f"this consent is already on row {run.consent_rows[key]} of this sheet"
        run.problems.add(CONSENTS.name, number, "signed_on", message)
        return None
    run.consent_rows[key] = number
    run.consent_clients.add(ref.id)
    same = next((c for c in stored if identity(ref.id, consents.as_dict(c)) == key), None)
    if same is not None:
        _bring_in_line(run, number, same, values)
        return None
    row = _table_row(run, ref.id, values)
    if not run.is_new(ref):
        run.changed_clients.add(ref.id)
        consents.audit_added(run.session, run.actor, row)
    return row


def _bring_in_line(run: ImportRun, number: int, consent: Any, values: dict[str, Any]) -> None:
    if consent.revoked_on is not None and values.get("revoked_on") != consent.revoked_on:
        run.problems.add(
            CONSENTS.name,
            number,
            "revoked_on",
            f"this consent was revoked on {consent.revoked_on.isoformat()}; a revocation "
            "cannot be undone",
        )
        return
    if consents.update_from_import(run.session, run.actor, consent, values):
        run.changed_clients.add(consent.client_id)
        run.updated[CONSENTS.name] += 1
    else:
        run.unchanged[CONSENTS.name] += 1


def _table_row(run: ImportRun, client_id: int, values: dict[str, Any]) -> dict[str, Any]:
    revoked = values.get("revoked_on")
    return {
        "client_id": client_id,
        **{k: values.get(k) for k in consents.FACT_COLUMNS},
        "recorded_by_id": run.actor.user_id,
        "recorded_by": run.actor.username,
        "recorded_at": run.now,
        "revoked_by": run.actor.username if revoked else None,
    }


def consents_from_consent_share(run: ImportRun) -> None:
    """A treatment, payment and operations consent for each client the Clients sheet marks
    consent_share = yes who has no consent on the sheet or in the database."""
    wanted = sorted(run.share_yes - run.consent_clients)
    if not wanted:
        return
    have = consents.clients_with_consents(run.session, wanted)
    entered = consents.entered_on(run.session, [cid for cid in wanted if cid not in have])
    rows = []
    for client_id, day in entered.items():
        values = {
            "scope": "treatment_payment_operations",
            "signed_on": min(day, run.today),
            "note": SHARE_NOTE,
        }
        row = _table_row(run, client_id, values)
        if client_id <= run.clients_before:
            run.changed_clients.add(client_id)
            consents.audit_added(run.session, run.actor, row)
        rows.append(row)
    bulk.insert_rows(run.session, "consents", rows)
    run.added[CONSENTS.name] += len(rows)
