"""Migration 0006: the one yes/no consent_share becomes consent records.

A client with consent_share = yes gets a treatment, payment and operations
consent signed on the day the client was entered, with a note saying where it
came from; a client with no gets none. The flag itself stays in the table.
"""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import inspect, text

from db import migrate
from db.engine import Database

CONSENT_MIGRATION = "0006_consents"
BEFORE_CONSENTS = "0005_audit_chain"  # the revision 0006 upgrades from


def _client(conn: object, code: str, share: bool, created: dt.datetime) -> None:
    conn.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO clients (client_code, given_name, family_name, birth_date,"
            " consent_contact, consent_share, given_search, family_search, created_at,"
            " updated_at, version) VALUES (:code, 'Ana', 'Ruiz', :born, :share, :share,"
            " 'ana', 'ruiz', :created, :created, 1)"
        ),
        {"code": code, "born": dt.date(1980, 6, 1), "share": share, "created": created},
    )


def test_consent_share_yes_becomes_a_tpo_consent_signed_on_the_created_date(
    any_database: Database,
) -> None:
    engine = any_database.engine
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
    with engine.begin() as conn:
        _client(conn, "C-YES", True, dt.datetime(2023, 5, 17, 22, 30, tzinfo=dt.UTC))
        _client(conn, "C-NO", False, dt.datetime(2024, 1, 2, 9, 0, tzinfo=dt.UTC))
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.client_code, k.scope, k.recipient, k.signed_on, k.expires_on,"
                " k.revoked_on, k.note, k.recorded_by, c.consent_share"
                " FROM consents k JOIN clients c ON c.id = k.client_id"
            )
        ).all()
    assert len(rows) == 1
    code, scope, recipient, signed, expires, revoked, note, by, share = rows[0]
    assert (code, scope, recipient, expires, revoked) == (
        "C-YES",
        "treatment_payment_operations",
        None,
        None,
        None,
    )
    assert str(signed)[:10] == "2023-05-17"
    assert "consent_share" in note and "entered" in note
    assert by == "schema upgrade 0006" and bool(share) is True


def test_the_consent_migration_goes_down_and_back_up(any_database: Database) -> None:
    def tables() -> set[str]:
        return set(inspect(any_database.engine).get_table_names())

    config = migrate.alembic_config()
    with any_database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, BEFORE_CONSENTS)
    assert migrate.current_revision(any_database.engine) == BEFORE_CONSENTS
    assert {"consents", "disclosures", "disclosure_clients"}.isdisjoint(tables())
    with any_database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, CONSENT_MIGRATION)
    assert migrate.current_revision(any_database.engine) == CONSENT_MIGRATION
    assert {"consents", "disclosures", "disclosure_clients"} <= tables()
    migrate.upgrade(any_database.engine)
    assert migrate.current_revision(any_database.engine) == migrate.head_revision()
