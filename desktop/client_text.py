"""The words and table rows of the client page, from what `client_data` loaded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.client_data import ClientPage
from desktop.translate import code_label, field_label, label, message, shown_date, shown_number
from forms.client_record import AssessmentEntry
from forms.definitions import (
    ASSESSMENT_FIELDS,
    CONSENT_FIELDS,
    ENCOUNTER_FIELDS,
    EVENT_FIELDS,
    FOLLOWUP_ATTEMPT_FIELDS,
    SUBSTANCE_FIELDS,
    VOID_FIELDS,
    by_key,
)
from forms.vocabulary import PURPOSE_LABELS, codes
from reports.rules.consent import ConsentFact, in_force
from reports.rules.followup import PointState
from reports.rules.recovery import ClassStatus

_ASSESSMENT = by_key(ASSESSMENT_FIELDS)
_SUBSTANCE = by_key(SUBSTANCE_FIELDS)
_EVENT = by_key(EVENT_FIELDS)
_ENCOUNTER = by_key(ENCOUNTER_FIELDS)
_ATTEMPT = by_key(FOLLOWUP_ATTEMPT_FIELDS)
_CONSENT = by_key(CONSENT_FIELDS)
_VOID_REASON = VOID_FIELDS[0]


def _tr(text: str) -> str:
    return QCoreApplication.translate("client_text", text)


def words() -> dict[str, str]:
    """Status codes of the rules, as a person reads them."""
    return {
        "early": _tr("early"),
        "sustained": _tr("sustained"),
        "stable": _tr("stable"),
        "none": _tr("none"),
        "unknown": _tr("unknown"),
        "full": _tr("full"),
        "partial": _tr("partial"),
        "no_improvement": _tr("no improvement"),
        "not_applicable": _tr("not applicable"),
        "upcoming": _tr("upcoming"),
        "open": _tr("open now"),
        "closing_soon": _tr("closing soon"),
        "completed": _tr("done"),
        "missed": _tr("missed"),
    }


def word(code: str | None) -> str:
    return "" if code is None else words().get(code, code.replace("_", " "))


def age(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def client_heading(v: Mapping[str, Any]) -> str:
    name = f"{v['family_name']}, {v['given_name']}"
    if v.get("preferred_name"):
        name += " " + _tr("(called %1)").replace("%1", v["preferred_name"])
    return f"{name} — {v['client_code']}"


def identity_line(v: Mapping[str, Any], today: dt.date, consents: Sequence[Any] = ()) -> str:
    parts = [
        _tr("Born %1 (age %2)")
        .replace("%1", shown_date(v["birth_date"]))
        .replace("%2", shown_number(age(v["birth_date"], today)))
    ]
    if v.get("phone"):
        parts.append(_tr("Phone %1").replace("%1", v["phone"]))
    if v.get("postal_code"):
        parts.append(_tr("Postal code %1").replace("%1", v["postal_code"]))
    parts.append(
        _tr("May be contacted") if v.get("consent_contact") else _tr("No consent to contact")
    )
    parts.append(consent_summary(consents, today))
    return "  ·  ".join(parts)


def fact(consent: Any) -> ConsentFact:
    return ConsentFact(
        consent.scope,
        consent.recipient,
        consent.signed_on,
        consent.expires_on,
        consent.revoked_on,
        consent.note,
    )


def consent_name(consent: Any) -> str:
    """What a consent allows, as a person reads it: the recipient, or the scope."""
    return consent.recipient or code_label(_CONSENT["scope"], consent.scope)


def consent_summary(consents: Sequence[Any], today: dt.date) -> str:
    standing = [consent_name(c) for c in consents if in_force(fact(c), today)]
    if not standing:
        return _tr("No consent to disclose in force")
    return _tr("Consent in force: %1").replace("%1", "; ".join(standing))


def consent_rows(consents: Sequence[Any], today: dt.date) -> list[list[str]]:
    """Scope, recipient, signed, expires, revoked, in force today: one row per consent."""
    return [
        [
            code_label(_CONSENT["scope"], c.scope),
            c.recipient or "",
            shown_date(c.signed_on),
            shown_date(c.expires_on) if c.expires_on else "",
            shown_date(c.revoked_on) if c.revoked_on else "",
            _tr("yes") if in_force(fact(c), today) else _tr("no"),
        ]
        for c in consents
    ]


def purpose_label(purpose: str) -> str:
    found = PURPOSE_LABELS.get(purpose)
    return label(found) if found else purpose


def disclosure_rows(entries: Sequence[Any]) -> list[list[str]]:
    """Date, to whom, purpose, by whom, what: the list of disclosures a client may ask for."""
    return [
        [
            shown_date(e.disclosed_on),
            e.recipient or "",
            purpose_label(e.purpose),
            e.username,
            f"{e.file_name} ({e.what})",
        ]
        for e in entries
    ]


def status_rows(statuses: list[ClassStatus]) -> list[list[str]]:
    rows = []
    for s in statuses:
        substance = code_label(_SUBSTANCE["substance_class"], s.substance_class) or "—"
        if s.primary:
            substance += " " + _tr("(primary)")
        recovery = word(s.recovery_status)
        if s.recovery_timeframe:
            recovery += f", {word(s.recovery_timeframe)}"
        rows.append([substance, message(s.label), word(s.sobriety), recovery, message(s.reason)])
    return rows


def followup_rows(points: list[PointState]) -> list[list[str]]:
    rows = []
    for st in points:
        p = st.point
        state = word(st.state)
        if st.completed_on:
            state += f" ({shown_date(st.completed_on)})"
        rows.append(
            [
                shown_date(p.intake_on),
                _tr("%1 months").replace("%1", shown_number(p.months)),
                shown_date(p.due_on),
                f"{shown_date(p.opens_on)} – {shown_date(p.closes_on)}",
                state,
            ]
        )
    return rows


def _timeline(page: ClientPage) -> list[tuple[dt.date, int, str, str, str, Any]]:
    """(date, order, what, detail, kind, record) of everything recorded, newest first."""
    entries: list[tuple[dt.date, int, str, str, str, Any]] = []
    for a in page.assessments:
        what = code_label(_ASSESSMENT["kind"], a.kind)
        entries.append((a.assessed_on, 0, what, _assessment_detail(page, a), "assessment", a))
    event = _tr("Event")
    for e in page.events:
        times = f" × {e.count}" if e.count > 1 else ""
        detail = code_label(_EVENT["event"], e.event) + times
        entries.append((e.occurred_on, 1, event, detail, "event", e))
    encounter, detail_of = _tr("Encounter"), _EncounterDetails()
    for n in page.encounters:
        entries.append((n.occurred_on, 2, encounter, detail_of(n), "encounter", n))
    attempt = _tr("Contact attempt")
    for t in page.attempts:
        entries.append((t.attempted_on, 3, attempt, _attempt_detail(t), "followup_attempt", t))
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)
    return entries


def timeline_rows(page: ClientPage) -> list[list[str]]:
    return timeline(page)[0]


def timeline_keys(page: ClientPage) -> list[tuple[str, int, bool]]:
    """(kind, id, voided) of each timeline row, in the order of `timeline_rows`."""
    return timeline(page)[1]


def timeline(page: ClientPage) -> tuple[list[list[str]], list[tuple[str, int, bool]]]:
    """The timeline's rows and their keys from one walk (ten years of history is long)."""
    rows, keys = [], []
    for day, _, what, detail, kind, record in _timeline(page):
        voided = record.voided_at is not None
        if voided:
            detail = _voided(record) + " — " + detail
        rows.append([shown_date(day), what, detail])
        keys.append((kind, record.id, voided))
    return rows, keys


def _voided(record: Any) -> str:
    reason = code_label(_VOID_REASON, record.void_reason)
    note = f": {record.void_note}" if record.void_note else ""
    return _tr("VOIDED (%1)").replace("%1", reason + note)


def _discharge_detail(a: AssessmentEntry) -> str:
    if a.kind != "discharge":
        return ""
    note = f" ({a.discharge_note})" if a.discharge_note else ""
    if a.discharge_reason is None:  # entered before the reason was asked
        return _tr("No reason recorded") + note + " — "
    reason = code_label(_ASSESSMENT["discharge_reason"], a.discharge_reason)
    return _tr("Reason: %1").replace("%1", reason + note) + " — "


def _assessment_detail(page: ClientPage, a: AssessmentEntry) -> str:
    status = _discharge_detail(a) + code_label(_ASSESSMENT["contact_status"], a.contact_status)
    records = page.substances.get(a.id, ())
    if not records:
        return status
    names = []
    for r in records:
        name = code_label(_SUBSTANCE["substance_class"], r.substance_class)
        count = len([c for c in r.criteria.split(";") if c])
        detail = (_tr("1 criterion") if count == 1 else _tr("%1 criteria")).replace(
            "%1", str(count)
        )
        names.append(f"{name} ({_tr('primary') + ', ' if r.primary else ''}{detail})")
    return f"{status}: " + ", ".join(names)


class _EncounterDetails(dict[tuple[Any, ...], str]):
    """Each encounter's detail ("Naloxone kits: 1, Syringes given: 10 — Downtown"), worded
    once per distinct set of tallies: a client's weekly encounters mostly repeat one."""

    def __init__(self) -> None:
        super().__init__()
        self.labels = [(k, field_label(_ENCOUNTER[k])) for k in codes.ENCOUNTER_TALLIES]

    def __call__(self, n: Any) -> str:
        return self[(n.area, *(n.tallies[key] for key, _ in self.labels))]

    def __missing__(self, key: tuple[Any, ...]) -> str:
        area, *counts = key
        named = zip(self.labels, counts, strict=True)
        given = [f"{name}: {count}" for (_, name), count in named if count]
        said = self[key] = ", ".join(given) + (f" — {area}" if area else "")
        return said


def attempt_point(t: Any) -> str:
    """The follow-up point a contact attempt was for, as a person says it."""
    return (
        _tr("%1-month follow-up of the intake of %2")
        .replace("%1", str(t.point_months))
        .replace("%2", shown_date(t.intake_on))
    )


def _attempt_detail(t: Any) -> str:
    text = (
        f"{code_label(_ATTEMPT['method'], t.method)}: "
        f"{code_label(_ATTEMPT['outcome'], t.outcome)} — " + attempt_point(t)
    )
    return text + (f" ({t.note})" if t.note else "")
