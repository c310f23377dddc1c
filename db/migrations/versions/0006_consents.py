"""consent records and the disclosure log

Revision ID: 0006_consents
Revises: 0003
Create Date: 2026-12-06

42 CFR part 2 (2024 rule) asks for consents, not one yes/no: each with its
scope (treatment, payment and health-care operations; a named recipient;
research), the date signed, an expiry and a revocation date. Every identified
disclosure is logged with the clients it named, so a client can be given the
list of disclosures of their records.

The old flag clients.consent_share stays in its table. Each client whose flag
was yes gets a treatment, payment and operations consent signed on the day the
client was entered (the flag carried no date of its own), with a note saying
so; a signed form with another date can be recorded beside it.
"""

from alembic import op
import sqlalchemy as sa

revision = "0006_consents"
down_revision = "0005_audit_chain"
branch_labels = None
depends_on = None

MIGRATED_NOTE = (
    "Recorded by the schema upgrade from consent_share = yes; the signed date is the day "
    "the client was entered, not a date read from a signed form."
)
MIGRATED_BY = "schema upgrade 0006"
BATCH = 5_000


def upgrade() -> None:
    _create_consents()
    _create_disclosures()
    _consents_from_consent_share()


def _create_consents() -> None:
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=30), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_by", sa.String(length=60), nullable=True),
        sa.CheckConstraint(
            "(scope = 'named_recipient' AND recipient IS NOT NULL)"
            " OR (scope <> 'named_recipient' AND recipient IS NULL)",
            name=op.f("ck_consents_recipient_named"),
        ),
        sa.CheckConstraint(
            "scope IN ('treatment_payment_operations', 'named_recipient', 'research')",
            name=op.f("ck_consents_scope_code"),
        ),
        sa.CheckConstraint(
            "expires_on IS NULL OR expires_on > signed_on", name=op.f("ck_consents_expires_after")
        ),
        sa.CheckConstraint(
            "revoked_on IS NULL OR revoked_on >= signed_on", name=op.f("ck_consents_revoked_after")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_consents_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_consents_recorded_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    op.create_index("ix_consents_client", "consents", ["client_id", "signed_on"])


def _create_disclosures() -> None:
    op.create_table(
        "disclosures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disclosed_on", sa.Date(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=True),
        sa.Column("what", sa.String(length=500), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("clients", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "purpose IN ('treatment', 'payment', 'operations', 'research', 'named_recipient',"
            " 'internal_operations')",
            name=op.f("ck_disclosures_purpose_code"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_disclosures_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disclosures")),
    )
    op.create_table(
        "disclosure_clients",
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_disclosure_clients_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_disclosure_clients_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("disclosure_id", "client_id", name=op.f("pk_disclosure_clients")),
    )
    op.create_index("ix_disclosure_clients_client", "disclosure_clients", ["client_id"])


def _consents_from_consent_share() -> None:
    clients = sa.table(
        "clients",
        sa.column("id", sa.Integer()),
        sa.column("consent_share", sa.Boolean()),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    consents = sa.table(
        "consents",
        sa.column("client_id", sa.Integer()),
        sa.column("scope", sa.String()),
        sa.column("signed_on", sa.Date()),
        sa.column("note", sa.String()),
        sa.column("recorded_by", sa.String()),
        sa.column("recorded_at", sa.DateTime(timezone=True)),
    )
    connection = op.get_bind()
    now = sa.func.current_timestamp()
    found = connection.execute(
        sa.select(clients.c.id, clients.c.created_at)
        .where(clients.c.consent_share.is_(True))
        .order_by(clients.c.id)
    ).all()
    for start in range(0, len(found), BATCH):
        connection.execute(
            consents.insert().values(recorded_at=now),
            [
                {
                    "client_id": client_id,
                    "scope": "treatment_payment_operations",
                    "signed_on": created.date(),
                    "note": MIGRATED_NOTE,
                    "recorded_by": MIGRATED_BY,
                }
                for client_id, created in found[start : start + BATCH]
            ],
        )


def downgrade() -> None:
    op.drop_index("ix_disclosure_clients_client", table_name="disclosure_clients")
    op.drop_table("disclosure_clients")
    op.drop_table("disclosures")
    op.drop_index("ix_consents_client", table_name="consents")
    op.drop_table("consents")
