"""Recording and revoking consents (forms.consents), on SQLite and PostgreSQL.

Each action validates, checks the actor, and writes the consent and its audit
row in one transaction; a refused action writes nothing and names the field.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from db.access import Actor, PermissionDenied
from db.engine import Database
from db.models import AuditEntry, Consent
from forms import consents, records
from forms.validation import ValidationFailed

TODAY = dt.date(2026, 11, 27)
CLIENT = {
    "client_code": "C-1",
    "given_name": "Ana",
    "family_name": "Ruiz",
    "birth_date": "1980-06-01",
}
TPO = {"scope": "treatment_payment_operations", "signed_on": "2026-10-01"}
COUNTY = {"scope": "named_recipient", "recipient": "County Health Dept", "signed_on": "2026-10-01"}


def consent_rows(db: Database) -> list[Consent]:
    with db.reading() as s:
        return list(s.scalars(select(Consent).order_by(Consent.id)))


def audit_rows(db: Database, entity: str = "consent") -> list[AuditEntry]:
    with db.reading() as s:
        return list(
            s.scalars(
                select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.seq)
            )
        )


@pytest.fixture
def client_id(any_database: Database, admin: Actor) -> int:
    return records.create_client(any_database, admin, CLIENT, TODAY)


def test_front_desk_records_a_consent_with_its_audit_row(
    any_database: Database, front_desk: Actor, client_id: int
) -> None:
    consent_id = consents.record_consent(
        any_database,
        front_desk,
        client_id,
        {**COUNTY, "expires_on": "2027-09-30", "note": "paper form in the file"},
        TODAY,
    )
    (row,) = consent_rows(any_database)
    assert row.id == consent_id and row.client_id == client_id
    assert (row.scope, row.recipient, row.signed_on, row.expires_on, row.revoked_on) == (
        "named_recipient",
        "County Health Dept",
        dt.date(2026, 10, 1),
        dt.date(2027, 9, 30),
        None,
    )
    assert (row.recorded_by, row.note) == ("test-front-desk", "paper form in the file")
    (entry,) = audit_rows(any_database)
    assert (entry.action, entry.entity_id, entry.username) == (
        "create",
        str(consent_id),
        "test-front-desk",
    )
    after = json.loads(entry.after or "{}")
    assert after["client_id"] == client_id and after["recipient"] == "County Health Dept"


@pytest.mark.parametrize(
    ("raw", "field", "message"),
    [
        ({"scope": "named_recipient", "signed_on": "2026-10-01"}, "recipient", "is required"),
        ({**TPO, "recipient": "County"}, "recipient", "only for a consent to a named recipient"),
        ({"scope": "everything", "signed_on": "2026-10-01"}, "scope", "not one of the choices"),
        ({"scope": "research"}, "signed_on", "Signed on is required"),
        ({**TPO, "signed_on": "2026-11-28"}, "signed_on", "2026-11-28 is in the future"),
        ({**TPO, "signed_on": "1980-05-31"}, "signed_on", "before the client's birth date"),
        ({**TPO, "expires_on": "2026-10-01"}, "expires_on", "must be after the date signed"),
        ({**TPO, "expires_on": "2026-09-30"}, "expires_on", "must be after the date signed"),
        ({**TPO, "expires_on": "soon"}, "expires_on", "is not a date"),
        ({**TPO, "note": "x" * 501}, "note", "too long"),
    ],
)
def test_a_bad_consent_names_the_field_and_writes_nothing(
    any_database: Database,
    front_desk: Actor,
    client_id: int,
    raw: dict[str, str],
    field: str,
    message: str,
) -> None:
    with pytest.raises(ValidationFailed) as failure:
        consents.record_consent(any_database, front_desk, client_id, raw, TODAY)
    assert field in failure.value.errors and message in failure.value.errors[field]
    assert consent_rows(any_database) == [] and audit_rows(any_database) == []


def test_an_expiry_years_ahead_is_accepted(
    any_database: Database, front_desk: Actor, client_id: int
) -> None:
    consents.record_consent(
        any_database, front_desk, client_id, {**TPO, "expires_on": "2031-12-31"}, TODAY
    )
    assert consent_rows(any_database)[0].expires_on == dt.date(2031, 12, 31)


def test_a_consent_for_a_client_gone_meanwhile_says_so(
    any_database: Database, front_desk: Actor
) -> None:
    with pytest.raises(ValidationFailed) as failure:
        consents.record_consent(any_database, front_desk, 9999, TPO, TODAY)
    assert failure.value.errors == {"client_code": "This client no longer exists"}


def test_front_desk_revokes_a_consent_from_the_day_given(
    any_database: Database, admin: Actor, front_desk: Actor, client_id: int
) -> None:
    consent_id = consents.record_consent(any_database, admin, client_id, TPO, TODAY)
    consents.revoke_consent(
        any_database, front_desk, consent_id, {"revoked_on": "2026-11-20"}, TODAY
    )
    (row,) = consent_rows(any_database)
    assert (row.revoked_on, row.revoked_by) == (dt.date(2026, 11, 20), "test-front-desk")
    _created, revoked = audit_rows(any_database)
    assert (revoked.action, revoked.entity_id, revoked.username) == (
        "update",
        str(consent_id),
        "test-front-desk",
    )
    assert json.loads(revoked.before or "{}")["revoked_on"] is None
    assert json.loads(revoked.after or "{}")["revoked_on"] == "2026-11-20"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"revoked_on": "2026-09-30"}, "cannot be before the date signed (2026-10-01)"),
        ({"revoked_on": "2026-11-28"}, "2026-11-28 is in the future"),
        ({"revoked_on": ""}, "Revoked on is required"),
    ],
)
def test_a_bad_revocation_names_the_field_and_writes_nothing(
    any_database: Database,
    front_desk: Actor,
    client_id: int,
    raw: dict[str, str],
    message: str,
) -> None:
    consent_id = consents.record_consent(any_database, front_desk, client_id, TPO, TODAY)
    with pytest.raises(ValidationFailed) as failure:
        consents.revoke_consent(any_database, front_desk, consent_id, raw, TODAY)
    assert message in failure.value.errors["revoked_on"]
    assert consent_rows(any_database)[0].revoked_on is None
    assert len(audit_rows(any_database)) == 1


def test_a_consent_is_revoked_once(
    any_database: Database, front_desk: Actor, client_id: int
) -> None:
    consent_id = consents.record_consent(any_database, front_desk, client_id, TPO, TODAY)
    consents.revoke_consent(any_database, front_desk, consent_id, {"revoked_on": TODAY}, TODAY)
    with pytest.raises(ValidationFailed) as failure:
        consents.revoke_consent(
            any_database, front_desk, consent_id, {"revoked_on": "2026-11-01"}, TODAY
        )
    assert failure.value.errors == {"revoked_on": "This consent was already revoked on 2026-11-27"}
    assert consent_rows(any_database)[0].revoked_on == TODAY


def test_revoking_a_consent_that_does_not_exist_says_so(
    any_database: Database, front_desk: Actor
) -> None:
    with pytest.raises(ValidationFailed) as failure:
        consents.revoke_consent(any_database, front_desk, 404, {"revoked_on": TODAY}, TODAY)
    assert failure.value.errors == {"revoked_on": "This consent no longer exists"}


def test_an_actor_without_a_data_entry_role_may_do_neither(
    any_database: Database, admin: Actor, client_id: int
) -> None:
    nobody = Actor(user_id=None, username="visitor", role="visitor")
    with pytest.raises(PermissionDenied):
        consents.record_consent(any_database, nobody, client_id, TPO, TODAY)
    consent_id = consents.record_consent(any_database, admin, client_id, TPO, TODAY)
    with pytest.raises(PermissionDenied):
        consents.revoke_consent(any_database, nobody, consent_id, {"revoked_on": TODAY}, TODAY)
    with any_database.reading() as s:
        assert s.scalar(select(func.count()).select_from(Consent)) == 1
        assert s.get(Consent, consent_id).revoked_on is None  # type: ignore[union-attr]


def test_a_client_page_lists_consents_in_signing_order(
    any_database: Database, front_desk: Actor, client_id: int
) -> None:
    consents.record_consent(any_database, front_desk, client_id, COUNTY, TODAY)
    consents.record_consent(
        any_database, front_desk, client_id, {**TPO, "signed_on": "2026-01-15"}, TODAY
    )
    listed = consents.client_consents(any_database, front_desk, client_id)
    assert [(c.scope, c.signed_on) for c in listed] == [
        ("treatment_payment_operations", dt.date(2026, 1, 15)),
        ("named_recipient", dt.date(2026, 10, 1)),
    ]
