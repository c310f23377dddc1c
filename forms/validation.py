"""Validation of whole forms: every field, then the rules between fields.

Each function returns a `Validated`: the typed values, and messages keyed by
the field at fault (substance rows as `substances.N.key`, N counting from 0).
Nothing here writes; the GUI and the importer both call these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from db import codes
from forms import definitions as d
from forms.fields import N_, Field, Message
from forms.phone import PhoneError, normalise_phone
from forms.values import FieldError, parse

OLDEST_AGE_YEARS = 120


@dataclass
class Validated:
    values: dict[str, object] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def fail(self, key: str, message: str) -> None:
        self.errors.setdefault(key, message)


class ValidationFailed(ValueError):
    """Raised by save functions; `errors` maps field keys to messages."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


def validate_fields(
    fields: Sequence[Field], raw: Mapping[str, object], today: dt.date, prefix: str = ""
) -> Validated:
    result = Validated()
    for f in fields:
        try:
            value = parse(f, raw.get(f.key), today)
        except FieldError as exc:
            result.fail(
                prefix + f.key, Message(N_("{label} {problem}"), label=f.label, problem=exc.args[0])
            )
            continue
        if value is None and f.required:
            result.fail(prefix + f.key, Message(N_("{label} is required"), label=f.label))
        result.values[f.key] = f.default if value is None else value
    return result


def check_value(f: Field, raw: object, today: dt.date) -> str | None:
    """What is wrong with one typed value on its own (checked as the person leaves the
    field), or None; whether it may be left empty is decided when the form is saved."""
    try:
        parse(f, raw, today)
    except FieldError as exc:
        return Message(N_("{label} {problem}"), label=f.label, problem=exc.args[0])
    return None


def validate_client(raw: Mapping[str, object], today: dt.date) -> Validated:
    result = validate_fields(d.CLIENT_FIELDS, raw, today)
    _normalise_phone(result)
    birth = result.values.get("birth_date")
    if isinstance(birth, dt.date) and birth.year < today.year - OLDEST_AGE_YEARS:
        result.fail(
            "birth_date",
            Message(
                N_("Birth date {date} would make the client over {years}; check the year"),
                date=birth,
                years=OLDEST_AGE_YEARS,
            ),
        )
    return result


def _normalise_phone(result: Validated) -> None:
    phone = result.values.get("phone")
    if isinstance(phone, str) and phone:
        try:
            result.values["phone"] = normalise_phone(phone)
        except PhoneError as exc:
            label = d.by_key(d.CLIENT_FIELDS)["phone"].label
            result.fail("phone", Message(N_("{label} {problem}"), label=label, problem=exc.args[0]))


def validate_event(raw: Mapping[str, object], birth_date: dt.date, today: dt.date) -> Validated:
    result = validate_fields(d.EVENT_FIELDS, raw, today)
    _not_before_birth(result, "occurred_on", birth_date)
    return result


def validate_encounter(raw: Mapping[str, object], today: dt.date) -> Validated:
    result = validate_fields(d.ENCOUNTER_FIELDS, raw, today)
    if result.ok:
        _referral_total(result, raw)
    if result.ok and not any(result.values[k] for k in codes.ENCOUNTER_TALLIES):
        result.fail(
            "naloxone_kits", Message(N_("Record at least one thing given, done or reported"))
        )
    return result


def _referral_total(result: Validated, raw: Mapping[str, object]) -> None:
    """The total of referrals is the sum of the types when any type is counted; a total
    given without types (an older workbook's column, a correction of an encounter saved
    before the types were asked) leaves its referrals' type not recorded."""
    typed = sum(int(result.values[k] or 0) for k in codes.REFERRAL_COLUMNS)  # type: ignore[call-overload]
    if typed == 0:
        return
    total = result.values["referrals"]
    if _given(raw.get("referrals")) and total != typed:
        label = d.by_key(d.ENCOUNTER_FIELDS)["referrals"].label
        result.fail(
            "referrals",
            Message(
                N_("{label} ({total}) must equal the referrals by type added up ({typed})"),
                label=label,
                total=total,
                typed=typed,
            ),
        )
        return
    result.values["referrals"] = typed


def _given(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def validate_followup_attempt(raw: Mapping[str, object], today: dt.date) -> Validated:
    return validate_fields(d.FOLLOWUP_ATTEMPT_FIELDS, raw, today)


def validate_consent(raw: Mapping[str, object], birth_date: dt.date, today: dt.date) -> Validated:
    """A consent as recorded: a named recipient needs the name, the others take none, and
    it expires after it was signed."""
    result = validate_fields(d.CONSENT_FIELDS, raw, today)
    v = result.values
    scope, recipient = v.get("scope"), v.get("recipient")
    if scope == "named_recipient" and recipient is None and "recipient" not in result.errors:
        result.fail(
            "recipient", Message(N_("Recipient is required for a consent to a named recipient"))
        )
    elif scope in codes.CONSENT_SCOPES and scope != "named_recipient" and recipient is not None:
        result.fail(
            "recipient",
            Message(
                N_(
                    "Recipient is only for a consent to a named recipient; leave it empty for "
                    "this scope"
                )
            ),
        )
    signed, expires = v.get("signed_on"), v.get("expires_on")
    if isinstance(signed, dt.date) and isinstance(expires, dt.date) and expires <= signed:
        result.fail(
            "expires_on",
            Message(
                N_("Expires on ({expires}) must be after the date signed ({signed})"),
                expires=expires,
                signed=signed,
            ),
        )
    _not_before_birth(result, "signed_on", birth_date)
    return result


def validate_consent_row(
    raw: Mapping[str, object], birth_date: dt.date, today: dt.date
) -> Validated:
    """A row of the Consents sheet: a consent as recorded, perhaps already revoked."""
    result = validate_consent(raw, birth_date, today)
    revoked = replace(d.REVOKED_ON, required=False)
    part = validate_fields((revoked,), raw, today)
    for key, message in part.errors.items():
        result.fail(key, message)
    result.values[revoked.key] = part.values.get(revoked.key)
    check_revocation(result, result.values.get("signed_on"))
    return result


def check_revocation(result: Validated, signed_on: object, key: str = d.REVOKED_ON.key) -> None:
    """A consent cannot be revoked before it was signed."""
    revoked = result.values.get(key)
    if isinstance(revoked, dt.date) and isinstance(signed_on, dt.date) and revoked < signed_on:
        result.fail(
            key,
            Message(
                N_("Revoked on ({revoked}) cannot be before the date signed ({signed})"),
                revoked=revoked,
                signed=signed_on,
            ),
        )


def validate_assessment(
    raw: Mapping[str, object],
    substances: Sequence[Mapping[str, object]],
    birth_date: dt.date,
    today: dt.date,
    *,
    reason_required: bool = False,
) -> Validated:
    """An assessment with its substance rows. `reason_required`: a discharge entered now
    must say why (records.add_discharge); those entered before schema 0013, and imported
    rows that copy them, have no reason."""
    result = validate_fields(d.ASSESSMENT_FIELDS, raw, today)
    rows = [_validate_substance(result, i, row, today) for i, row in enumerate(substances)]
    result.values["substances"] = rows
    _not_before_birth(result, "assessed_on", birth_date)
    _check_discharge(result, reason_required)
    assessed_on = result.values.get("assessed_on")
    if not isinstance(assessed_on, dt.date):
        return result
    if result.values.get("contact_status") == "completed":
        _check_completed(result, rows, assessed_on)
    else:
        _check_no_answers(result, rows)
    return result


def _check_discharge(result: Validated, reason_required: bool) -> None:
    """A reason only at a discharge; a death is both the reason and the contact status, so
    that the client leaves the follow-up lists whichever of the two the worker thought of."""
    v = result.values
    if v.get("kind") != "discharge":
        for key in d.DISCHARGE_KEYS:
            if v.get(key) is not None:
                result.fail(
                    key, Message(N_("{label} is asked at a discharge only"), label=_LABEL[key])
                )
        return
    reason = v.get("discharge_reason")
    if reason is None and reason_required:
        result.fail(
            "discharge_reason", Message(N_("{label} is required"), label=_LABEL["discharge_reason"])
        )
    deceased = v.get("contact_status") == "deceased"
    if reason == codes.DISCHARGE_DIED and not deceased:
        result.fail(
            "discharge_reason",
            Message(N_("A client who died is discharged with contact “Deceased”; choose it")),
        )
    elif deceased and reason not in (None, codes.DISCHARGE_DIED):
        result.fail(
            "discharge_reason",
            Message(N_("The contact says the client died: the reason for discharge is “Died”")),
        )


_LABEL = {f.key: f.label for f in d.ASSESSMENT_FIELDS}
_SUBSTANCE = d.by_key(d.SUBSTANCE_FIELDS)["substance_class"]
_CRITERIA = d.by_key(d.SUBSTANCE_FIELDS)["criteria"]
# The medications prescribed for a class (codes.MEDICATION_FOR_CLASS) as a sentence names
# them in its middle, where the labels' capital would be wrong.
_MEDICATION_WORDS = {"methadone": N_("methadone"), "buprenorphine": N_("buprenorphine")}


def _code(field: Field, value: object) -> Message:
    """A code's label as a message value: translated where the message is shown."""
    return Message(field.label_of(str(value)))


def _not_counted(present: list[str], medication: object) -> Message:
    """Tolerance and withdrawal (codes.PHYSIOLOGICAL_CRITERIA) are not criteria of a
    disorder while the medication prescribed for it is taken as prescribed."""
    taken = Message(_MEDICATION_WORDS.get(str(medication), str(medication)))
    if len(present) > 1:
        return Message(
            N_("Tolerance and withdrawal do not count while {medication} is taken as prescribed; "
               "untick them"),
            medication=taken,
        )  # fmt: skip
    return Message(
        N_("{criterion} does not count while {medication} is taken as prescribed; untick it"),
        criterion=_code(_CRITERIA, present[0]),
        medication=taken,
    )


def _validate_substance(
    result: Validated, index: int, row: Mapping[str, object], today: dt.date
) -> dict[str, object]:
    prefix = f"substances.{index}."
    part = validate_fields(d.SUBSTANCE_FIELDS, row, today, prefix)
    for key, message in part.errors.items():
        result.fail(
            key, Message(N_("Substance {number}: {problem}"), number=index + 1, problem=message)
        )
    return part.values


def _not_before_birth(result: Validated, key: str, birth_date: dt.date) -> None:
    value = result.values.get(key)
    if isinstance(value, dt.date) and value < birth_date:
        result.fail(
            key,
            Message(
                N_("{date} is before the client's birth date ({birth})"),
                date=value,
                birth=birth_date,
            ),
        )


def _check_completed(result: Validated, rows: list[dict[str, object]], on: dt.date) -> None:
    v = result.values
    for key in ("psych_health", "physical_health", "quality_of_life"):
        if v.get(key) is None:
            result.fail(
                key, Message(N_("{label} is required for a completed interview"), label=_LABEL[key])
            )
    if not rows:
        result.fail("substances", Message(N_("A completed interview needs at least one substance")))
    last_use = v.get("last_use_on")
    if isinstance(last_use, dt.date) and last_use > on:
        result.fail(
            "last_use_on", Message(N_("Last use cannot be after the date of the interview"))
        )
    if v.get("kind") != "intake" and v.get("prior_recovery_attempts") is not None:
        result.fail(
            "prior_recovery_attempts",
            Message(N_("Earlier recovery attempts are asked at intake only")),
        )
    _check_barc10(result)
    _check_substance_rows(result, rows, on)


def _check_barc10(result: Validated) -> None:
    answered = [k for k in d.BARC10_KEYS if result.values.get(k) is not None]
    if answered and len(answered) < len(d.BARC10_KEYS):
        missing = next(k for k in d.BARC10_KEYS if result.values.get(k) is None)
        result.fail(missing, Message(N_("Answer all ten BARC-10 items, or leave all ten empty")))


def _check_substance_rows(result: Validated, rows: list[dict[str, object]], on: dt.date) -> None:
    seen: set[object] = set()
    for i, row in enumerate(rows):
        cls = row.get("substance_class")
        if cls in seen:
            result.fail(
                f"substances.{i}.substance_class",
                Message(N_("{substance} is entered twice"), substance=_code(_SUBSTANCE, cls)),
            )
        seen.add(cls)
        met = row.get("criteria_last_met_on")
        if isinstance(met, dt.date) and met > on:
            result.fail(
                f"substances.{i}.criteria_last_met_on",
                Message(N_("Criterion last present cannot be after the date of the interview")),
            )
        _check_medication_criteria(result, i, row)
    _check_primary(result, rows)


def _check_medication_criteria(result: Validated, index: int, row: dict[str, object]) -> None:
    v = result.values
    prescribed_for = codes.MEDICATION_FOR_CLASS.get(str(row.get("substance_class")), ())
    if v.get("medication") in prescribed_for and v.get("medication_as_prescribed") is True:
        criteria = row.get("criteria") or frozenset()
        present = [c for c in codes.PHYSIOLOGICAL_CRITERIA if c in criteria]  # type: ignore[operator]
        if present:
            result.fail(f"substances.{index}.criteria", _not_counted(present, v["medication"]))


def _check_primary(result: Validated, rows: list[dict[str, object]]) -> None:
    primaries = [i for i, row in enumerate(rows) if row.get("primary")]
    if result.values.get("kind") == "intake" and rows and len(primaries) != 1:
        result.fail(
            "substances.0.primary" if not primaries else f"substances.{primaries[1]}.primary",
            Message(N_("Mark exactly one substance as primary at intake")),
        )
    elif len(primaries) > 1:
        result.fail(
            f"substances.{primaries[1]}.primary",
            Message(N_("Mark only one substance as primary")),
        )


def _check_no_answers(result: Validated, rows: list[dict[str, object]]) -> None:
    given = [k for k in d.ANSWER_KEYS if result.values.get(k) is not None]
    if given:
        result.fail(
            given[0], Message(N_("Leave the answers empty when the interview was not completed"))
        )
    if rows:
        result.fail(
            "substances", Message(N_("Substances are recorded only for a completed interview"))
        )
