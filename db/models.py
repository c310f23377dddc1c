"""SQLAlchemy models for everything DOMAIN.md §1 records, plus staff, audit and settings.

The database rejects what it can by itself (NOT NULL, CHECK on codes and
ranges, foreign keys, unique client codes) so that a bug above this layer
cannot store a value no report knows how to read.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db import codes

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Names are searched by prefix, LIKE 'abc%' on text folded to lower case
# (db.clients.prefix_ids). SQLite turns that into an index range only on a
# NOCASE column, PostgreSQL only on a column in byte order ("C"; migration
# 0003). On folded text both orders are the same: code point order.
SearchText = (
    String(200)
    .with_variant(String(200, collation="NOCASE"), "sqlite")
    .with_variant(String(200, collation="C"), "postgresql")
)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _in(column: str, values: tuple[str, ...], nullable: bool = True) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    test = f"{column} IN ({quoted})"
    return f"{column} IS NULL OR {test}" if nullable else test


def _between(column: str, low: int, high: int) -> str:
    return f"{column} IS NULL OR ({column} BETWEEN {low} AND {high})"


def _check_in(column: str, values: tuple[str, ...], nullable: bool = True) -> CheckConstraint:
    return CheckConstraint(_in(column, values, nullable), name=f"{column}_code")


def _check_between(column: str, low: int, high: int) -> CheckConstraint:
    return CheckConstraint(_between(column, low, high), name=f"{column}_range")


class Voidable:
    """What a void needs (DOMAIN.md §9a): a voided record keeps its row and is left out of
    every rule, report, export, worklist and duplicate check; restoring clears these."""

    voided_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    voided_by: Mapped[str | None] = mapped_column(String(60))
    void_reason: Mapped[str | None] = mapped_column(String(20))
    void_note: Mapped[str | None] = mapped_column(String(500))
    # Who entered the record: front desk may correct their own entries for a grace period.
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


def _void_checks() -> tuple[CheckConstraint, ...]:
    return (
        _check_in("void_reason", codes.VOID_REASONS),
        CheckConstraint(
            "(voided_at IS NULL AND void_reason IS NULL) "
            "OR (voided_at IS NOT NULL AND void_reason IS NOT NULL)",
            name="void_reason_given",
        ),
    )


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (
        _check_in("sex_at_birth", codes.SEX_AT_BIRTH),
        _check_in("gender", codes.GENDER),
        _check_in("race", codes.RACE),
        _check_in("ethnicity", codes.ETHNICITY),
        CheckConstraint("length(client_code) > 0", name="client_code_present"),
        Index("ix_clients_family_given", "family_search", "given_search"),
        Index("ix_clients_given_search", "given_search"),
        Index("ix_clients_preferred_search", "preferred_search"),
        Index("ix_clients_birth_date", "birth_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_code: Mapped[str] = mapped_column(String(40), unique=True)
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    preferred_name: Mapped[str | None] = mapped_column(String(100))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    sex_at_birth: Mapped[str | None] = mapped_column(String(20))
    gender: Mapped[str | None] = mapped_column(String(20))
    race: Mapped[str | None] = mapped_column(String(40))
    ethnicity: Mapped[str | None] = mapped_column(String(30))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    phone: Mapped[str | None] = mapped_column(String(40))
    consent_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    # Before schema 0006 the one consent to share; 0006 turned each yes into a consent
    # record (Consent). Kept for old data, no longer read or written by the program.
    consent_share: Mapped[bool] = mapped_column(Boolean, default=False)
    # Folded copies of the names (lower case, accents removed) for prefix search.
    given_search: Mapped[str] = mapped_column(SearchText)
    family_search: Mapped[str] = mapped_column(SearchText)
    preferred_search: Mapped[str | None] = mapped_column(SearchText)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Episode(Base):
    """A service episode: an intake opens it, a discharge closes it."""

    __tablename__ = "episodes"
    __table_args__ = (
        CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="closed_after_open"),
        Index("ix_episodes_client_opened", "client_id", "opened_on"),
        Index("ix_episodes_opened_on", "opened_on"),
        Index("ix_episodes_closed_on", "closed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    reentry: Mapped[bool] = mapped_column(Boolean, default=False)


class Assessment(Voidable, Base):
    __tablename__ = "assessments"
    __table_args__ = (
        # One live assessment per client and date; a voided one does not hold its date.
        Index(
            "uq_assessments_client_id_assessed_on",
            "client_id",
            "assessed_on",
            unique=True,
            sqlite_where=text("voided_at IS NULL"),
            postgresql_where=text("voided_at IS NULL"),
        ),
        *_void_checks(),
        _check_in("kind", codes.ASSESSMENT_KINDS, nullable=False),
        _check_in("contact_status", codes.CONTACT_STATUS, nullable=False),
        _check_in("medication", codes.MEDICATION),
        _check_in("controlled_environment", codes.CONTROLLED_ENVIRONMENT),
        _check_in("goal", codes.GOAL),
        _check_in("self_identified_recovery", codes.SELF_IDENTIFIED_RECOVERY),
        _check_in("discharge_reason", codes.DISCHARGE_REASONS),
        CheckConstraint(
            "kind = 'discharge' OR (discharge_reason IS NULL AND discharge_note IS NULL)",
            name="discharge_reason_on_discharge",
        ),
        _check_between("injecting_days_28", 0, 28),
        _check_between("offending_days_28", 0, 28),
        _check_between("work_days_28", 0, 28),
        _check_between("psych_health", 0, 20),
        _check_between("physical_health", 0, 20),
        _check_between("quality_of_life", 0, 20),
        _check_between("prior_recovery_attempts", 0, 999),
        *(_check_between(f"barc10_{i}", 1, 6) for i in range(1, 11)),
        CheckConstraint("last_use_on IS NULL OR last_use_on <= assessed_on", name="use_before"),
        # Covering: report and worklist queries filter a date range, a status and live
        # rows and read only these columns, so SQLite answers them from the index alone.
        Index(
            "ix_assessments_day_status",
            "assessed_on",
            "contact_status",
            "client_id",
            "kind",
            "voided_at",
        ),
        Index("ix_assessments_episode", "episode_id"),
        # Every row of one client, voided ones included (the partial unique index above
        # covers live rows only): a correction's episode rebuild reads and updates them.
        Index("ix_assessments_client_day", "client_id", "assessed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    episode_id: Mapped[int | None] = mapped_column(ForeignKey("episodes.id", ondelete="SET NULL"))
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(12))
    contact_status: Mapped[str] = mapped_column(String(16))
    last_use_on: Mapped[dt.date | None] = mapped_column(Date)
    injecting_days_28: Mapped[int | None] = mapped_column(Integer)
    shared_equipment: Mapped[bool | None] = mapped_column(Boolean)
    offending_days_28: Mapped[int | None] = mapped_column(Integer)
    work_days_28: Mapped[int | None] = mapped_column(Integer)
    housing_problem: Mapped[bool | None] = mapped_column(Boolean)
    psych_health: Mapped[int | None] = mapped_column(Integer)
    physical_health: Mapped[int | None] = mapped_column(Integer)
    quality_of_life: Mapped[int | None] = mapped_column(Integer)
    medication: Mapped[str | None] = mapped_column(String(16))
    medication_as_prescribed: Mapped[bool | None] = mapped_column(Boolean)
    controlled_environment: Mapped[str | None] = mapped_column(String(16))
    barc10_1: Mapped[int | None] = mapped_column(Integer)
    barc10_2: Mapped[int | None] = mapped_column(Integer)
    barc10_3: Mapped[int | None] = mapped_column(Integer)
    barc10_4: Mapped[int | None] = mapped_column(Integer)
    barc10_5: Mapped[int | None] = mapped_column(Integer)
    barc10_6: Mapped[int | None] = mapped_column(Integer)
    barc10_7: Mapped[int | None] = mapped_column(Integer)
    barc10_8: Mapped[int | None] = mapped_column(Integer)
    barc10_9: Mapped[int | None] = mapped_column(Integer)
    barc10_10: Mapped[int | None] = mapped_column(Integer)
    goal: Mapped[str | None] = mapped_column(String(12))
    self_identified_recovery: Mapped[str | None] = mapped_column(String(10))
    prior_recovery_attempts: Mapped[int | None] = mapped_column(Integer)
    # Asked at a discharge (schema 0013); discharges entered before have none.
    discharge_reason: Mapped[str | None] = mapped_column(String(14))
    discharge_note: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class SubstanceRecord(Base):
    __tablename__ = "substance_records"
    __table_args__ = (
        UniqueConstraint("assessment_id", "substance_class"),
        _check_in("substance_class", codes.SUBSTANCE_CLASSES, nullable=False),
        _check_between("use_days_28", 0, 28),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    substance_class: Mapped[str] = mapped_column(String(14))
    primary: Mapped[bool] = mapped_column(Boolean, default=False)
    # The DSM-5 criteria present, as codes joined with ';' in the order of
    # codes.CRITERIA (the exchange workbook's spelling); empty when none.
    criteria: Mapped[str] = mapped_column(String(300), default="")
    criteria_last_met_on: Mapped[dt.date | None] = mapped_column(Date)
    use_days_28: Mapped[int | None] = mapped_column(Integer)


class Event(Voidable, Base):
    __tablename__ = "events"
    __table_args__ = (
        *_void_checks(),
        _check_in("event", codes.EVENTS, nullable=False),
        CheckConstraint("count >= 1", name="count_positive"),
        Index("ix_events_client_occurred", "client_id", "occurred_on"),
        Index("ix_events_day_event", "occurred_on", "event", "client_id", "count", "voided_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    event: Mapped[str] = mapped_column(String(24))
    count: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), default=utc_now)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


_TYPED_SUM = " + ".join(codes.REFERRAL_COLUMNS)
REFERRAL_TYPES_ADD_UP = f"({_TYPED_SUM}) = 0 OR ({_TYPED_SUM}) = referrals"


def _referral_type() -> Mapped[int]:
    return mapped_column(Integer, default=0, server_default="0")


class Encounter(Voidable, Base):
    """A harm-reduction contact; anonymous when client_id is empty."""

    __tablename__ = "encounters"
    __table_args__ = (
        *_void_checks(),
        *(CheckConstraint(f"{t} >= 0", name=f"{t}_not_negative") for t in codes.ENCOUNTER_TALLIES),
        *(CheckConstraint(f"{t} >= 0", name=f"{t}_not_negative") for t in codes.REFERRAL_COLUMNS),
        # Typed all (they add up to the total) or not at all (an encounter saved before
        # the types were asked: its total, type not recorded).
        CheckConstraint(REFERRAL_TYPES_ADD_UP, name="referral_types_add_up"),
        Index("ix_encounters_occurred_on", "occurred_on"),
        Index("ix_encounters_client", "client_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="SET NULL"))
    area: Mapped[str | None] = mapped_column(String(20))
    naloxone_kits: Mapped[int] = mapped_column(Integer, default=0)
    reversals_reported: Mapped[int] = mapped_column(Integer, default=0)
    syringes_out: Mapped[int] = mapped_column(Integer, default=0)
    syringes_returned: Mapped[int] = mapped_column(Integer, default=0)
    test_strips: Mapped[int] = mapped_column(Integer, default=0)
    hiv_tests: Mapped[int] = mapped_column(Integer, default=0)
    hcv_tests: Mapped[int] = mapped_column(Integer, default=0)
    referrals: Mapped[int] = mapped_column(Integer, default=0)
    referrals_treatment: Mapped[int] = _referral_type()
    referrals_mental_health: Mapped[int] = _referral_type()
    referrals_medical: Mapped[int] = _referral_type()
    referrals_housing: Mapped[int] = _referral_type()
    referrals_other_social: Mapped[int] = _referral_type()
    referrals_other: Mapped[int] = _referral_type()
    created_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), default=utc_now)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class FollowUpAttempt(Voidable, Base):
    """A try at reaching a client for a due follow-up (date, method, outcome).
    `user_id` is who recorded it; `entered_by_id` is kept equal to it."""

    __tablename__ = "followup_attempts"
    __table_args__ = (
        *_void_checks(),
        _check_in("method", codes.CONTACT_METHODS, nullable=False),
        _check_in("outcome", codes.CONTACT_OUTCOMES, nullable=False),
        Index("ix_followup_attempts_client", "client_id", "attempted_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    intake_on: Mapped[dt.date] = mapped_column(Date)
    point_months: Mapped[int] = mapped_column(Integer)
    attempted_on: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(12))
    outcome: Mapped[str] = mapped_column(String(14))
    note: Mapped[str | None] = mapped_column(String(500))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), default=utc_now)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class ClientNote(Voidable, Base):
    """A short dated free-text note about a client, for the agency's own staff only: never
    in an export, a funder's file or a report (docs/security.md "Client notes"). A
    correction keeps the earlier text as a ClientNoteRevision; a void keeps the row and
    its reason and takes the note off the client's page. The audit trail names the note,
    never its text (the trail outlives an erasure; the notes go with the client)."""

    __tablename__ = "client_notes"
    __table_args__ = (
        *_void_checks(),
        CheckConstraint("length(text) > 0", name="text_present"),
        Index("ix_client_notes_client", "client_id", "noted_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    noted_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(String(1000))
    entered_by: Mapped[str] = mapped_column(String(60))
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    corrected_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    corrected_by: Mapped[str | None] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class ClientNoteRevision(Base):
    """A note's text as it read before a correction replaced it: a clinical record is
    corrected by adding to it, never by making the first entry unreadable."""

    __tablename__ = "client_note_revisions"
    __table_args__ = (Index("ix_client_note_revisions_note", "note_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("client_notes.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(String(1000))
    replaced_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    replaced_by: Mapped[str] = mapped_column(String(60))


class Correction(Base):
    """A correction of a saved record (edit, void, restore), kept so that a report can list
    the records of a month already reported that were corrected after it (DOMAIN.md §9a).
    No foreign key: the row outlives nothing but it names no person either."""

    __tablename__ = "corrections"
    __table_args__ = (
        _check_in("action", codes.CORRECTION_ACTIONS, nullable=False),
        Index("ix_corrections_record_on", "record_on", "corrected_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int] = mapped_column(Integer)
    client_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(12))
    # The corrected record's own date (before the correction, and after it when it moved).
    record_on: Mapped[dt.date] = mapped_column(Date)
    corrected_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class ClosedMonth(Base):
    """A month a manager closed: its monthly report as printed then, kept so that it
    prints the same forever (reports/outputs/closed_reports.py). `report` and
    `internal_report` are the report's data as JSON, with small counts suppressed and
    exact; corrections made after `closed_at` are listed as revisions in later reports.
    Reopening deletes the row; the audit trail keeps who closed and reopened it, and why."""

    __tablename__ = "closed_months"
    __table_args__ = (CheckConstraint("length(month) = 7", name="month_format"),)

    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # "YYYY-MM"
    closed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    report: Mapped[str] = mapped_column(Text)
    internal_report: Mapped[str] = mapped_column(Text)


class Consent(Base):
    """A client's written consent to disclose their records (42 CFR part 2; DOMAIN.md §9)."""

    __tablename__ = "consents"
    __table_args__ = (
        _check_in("scope", codes.CONSENT_SCOPES, nullable=False),
        CheckConstraint(
            "(scope = 'named_recipient' AND recipient IS NOT NULL)"
            " OR (scope <> 'named_recipient' AND recipient IS NULL)",
            name="recipient_named",
        ),
        CheckConstraint("expires_on IS NULL OR expires_on > signed_on", name="expires_after"),
        CheckConstraint("revoked_on IS NULL OR revoked_on >= signed_on", name="revoked_after"),
        Index("ix_consents_client", "client_id", "signed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    scope: Mapped[str] = mapped_column(String(30))
    recipient: Mapped[str | None] = mapped_column(String(200))
    signed_on: Mapped[dt.date] = mapped_column(Date)
    # The last day the consent covers; empty: until revoked.
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    # From this day on the consent covers nothing.
    revoked_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(String(500))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_by: Mapped[str] = mapped_column(String(60))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    revoked_by: Mapped[str | None] = mapped_column(String(60))


class Disclosure(Base):
    """One identified disclosure (an export naming clients): who, to whom, when, what.
    The clients it named are its DisclosureClient rows."""

    __tablename__ = "disclosures"
    __table_args__ = (_check_in("purpose", codes.DISCLOSURE_PURPOSES, nullable=False),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at_utc: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    disclosed_on: Mapped[dt.date] = mapped_column(Date)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(60))
    purpose: Mapped[str] = mapped_column(String(20))
    recipient: Mapped[str | None] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(String(500))  # the kind of file and its sheets
    file_name: Mapped[str] = mapped_column(String(260))
    clients: Mapped[int] = mapped_column(Integer)


class DisclosureClient(Base):
    __tablename__ = "disclosure_clients"
    __table_args__ = (Index("ix_disclosure_clients_client", "client_id"),)

    disclosure_id: Mapped[int] = mapped_column(
        ForeignKey("disclosures.id", ondelete="CASCADE"), primary_key=True
    )
    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
    )


class User(Base):
    __tablename__ = "users"
    __table_args__ = (_check_in("role", codes.ROLES, nullable=False),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    # The screens' language the person chose ("en", "es"); None: the operating system's.
    language: Mapped[str | None] = mapped_column(String(8))


class AuditEntry(Base):
    """Append-only and hash-chained (db/audit_chain.py): `seq` counts the rows from 1 without
    a gap, and `row_hash` is the SHA-256 of the row's content and `prev_hash`, the hash of
    row `seq - 1`. Nothing in the program updates or deletes these rows."""

    __tablename__ = "audit_log"
    __table_args__ = (
        _check_in("action", codes.AUDIT_ACTIONS, nullable=False),
        Index("ix_audit_log_entity", "entity", "entity_id"),
    )

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at_utc: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str | None] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str | None] = mapped_column(String(60))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))


class AuditChainHead(Base):
    """One row: the number and hash of the last audit row. Appends lock it (on PostgreSQL,
    SELECT ... FOR UPDATE), so workstations writing at once chain one after the other;
    `check` compares it with the last row, so deleting rows at the end shows."""

    __tablename__ = "audit_chain"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class SignInFailure(Base):
    """A wrong password (or unknown name) not yet cleared by a sign-in or an unlock.

    Kept per user name as typed (folded to lower case), whether or not an
    account has that name, so that slowing down and locking tell nothing
    about which names exist.
    """

    __tablename__ = "sign_in_failures"
    __table_args__ = (Index("ix_sign_in_failures_username", "username", "failed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60))
    failed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    workstation: Mapped[str] = mapped_column(String(100))


class SignInLock(Base):
    """A user name locked after too many failed sign-ins, until an administrator unlocks it."""

    __tablename__ = "sign_in_locks"

    username: Mapped[str] = mapped_column(String(60), primary_key=True)
    locked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    failures: Mapped[int] = mapped_column(Integer)


class StatusAfterAssessment(Base):
    """A client's status in one substance class as the rules give it at the date of one
    completed assessment (DOMAIN.md §2-§6): what `classify` answers at every as-of date
    from that assessment until the next (`next_on`), unless 183 days have passed or the
    client has died by then. Written only by `db.status_rows` from the rules' own walk.

    The columns are the fields of `reports.rules.recovery.ClassStatus`, whose rules read
    nothing but d_last (= `assessed_on`), so no threshold needs storing.
    """

    __tablename__ = "status_after_assessment"
    __table_args__ = (
        # The whole agency's headline at a date: position 0, a 183-day range of dates;
        # the trend's counts are read from the index alone (db.status_rows.headline_counts).
        Index(
            "ix_status_after_assessment_headline",
            "position",
            "assessed_on",
            "next_on",
            "dsm_status",
            "recovery_status",
            "remission_type",
        ),
    )

    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
    )
    assessed_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    # The class's place in `classify`'s answer: 0 is the headline (primary first).
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # The client's next completed assessment, when the row stops holding; NULL if none.
    next_on: Mapped[dt.date | None] = mapped_column(Date)
    substance_class: Mapped[str] = mapped_column(String(14))
    is_primary: Mapped[bool] = mapped_column(Boolean)
    dsm_status: Mapped[str] = mapped_column(String(20))
    remission_type: Mapped[str | None] = mapped_column(String(8))
    severity: Mapped[str | None] = mapped_column(String(10))
    controlled_environment: Mapped[bool] = mapped_column(Boolean)
    maintenance_therapy: Mapped[bool] = mapped_column(Boolean)
    sobriety: Mapped[str] = mapped_column(String(10))
    recovery_status: Mapped[str] = mapped_column(String(16))
    recovery_timeframe: Mapped[str | None] = mapped_column(String(10))
    remission_episodes: Mapped[int] = mapped_column(Integer)
    recurrences: Mapped[int] = mapped_column(Integer)
    recovery_attempts: Mapped[int] = mapped_column(Integer)
    a_on: Mapped[dt.date | None] = mapped_column(Date)
    b_on: Mapped[dt.date | None] = mapped_column(Date)
    last_use_on: Mapped[dt.date | None] = mapped_column(Date)
    goal: Mapped[str | None] = mapped_column(String(12))
    self_identified_recovery: Mapped[str | None] = mapped_column(String(10))


class ClientCodeCounter(Base):
    """The last number handed out as an automatic client code under one prefix.

    Taking a number updates this one row, which locks it until the save commits: two
    workstations can never be handed the same code, on PostgreSQL as on SQLite, and no
    save scans the clients for the highest code (db.clients.next_client_code)."""

    __tablename__ = "client_code_counters"

    prefix: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class Setting(Base):
    """Agency settings as JSON values under a key (see db.settings for the keys)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
