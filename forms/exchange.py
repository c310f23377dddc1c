"""The exchange workbook of DESIGN.md: which sheets, and which columns in which order.

Sheet names and column keys are a public contract with agencies: they are
never renamed, and new columns only ever go at the end. Every column of a
record sheet is a field of `forms.definitions` (its key is the field key),
plus the link columns `client_code` and `assessed_on` that tie a row to its
client or its assessment. The export-only sheets (`RecoveryStatus`,
`Dictionary`, `Notice`, and the template's hidden `Lists`) are described
here too, so that the dictionary can explain every column a workbook holds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from forms import definitions as d
from forms.fields import N_, Field, Kind, codes_of


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name, its columns (fields) in order, and what a row is."""

    name: str
    fields: tuple[Field, ...]
    entity: str  # the audit trail's name for one row's record
    # Columns that say which client (and assessment) a row belongs to.
    links: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    @property
    def own_fields(self) -> tuple[Field, ...]:
        """The fields of the record itself, without the link columns."""
        return tuple(f for f in self.fields if f.key not in self.links)


CLIENT_CODE = d.CLIENT_CODE
ASSESSED_ON = d.by_key(d.ASSESSMENT_FIELDS)["assessed_on"]
# An encounter may be anonymous: the same column, not required.
OPTIONAL_CLIENT_CODE = replace(
    CLIENT_CODE, required=False, help=N_("The client's code, or empty for an anonymous encounter.")
)

# The Clients sheet's last column: not a stored field since consents are records of their
# own (the Consents sheet), kept so that workbooks made before keep their meaning.
CONSENT_SHARE = Field(
    "consent_share",
    N_("Consents to sharing"),
    Kind.BOOLEAN,
    default=False,
    help=N_(
        "Export: yes when a consent of the client (Consents sheet) is in force on the day of "
        "the export. Import: yes for a client with no consent on the Consents sheet or in the "
        "database records a treatment, payment and operations consent signed on the day the "
        "client was entered; no changes nothing."
    ),
)
CLIENTS = Sheet("Clients", (*d.CLIENT_FIELDS, CONSENT_SHARE), "client")
ASSESSMENTS = Sheet(
    "Assessments", (CLIENT_CODE, *d.ASSESSMENT_FIELDS), "assessment", links=("client_code",)
)
SUBSTANCES = Sheet(
    "Substances",
    (CLIENT_CODE, ASSESSED_ON, *d.SUBSTANCE_FIELDS),
    "substance_record",
    links=("client_code", "assessed_on"),
)
EVENTS = Sheet("Events", (CLIENT_CODE, *d.EVENT_FIELDS), "event", links=("client_code",))
ENCOUNTERS = Sheet(
    "Encounters",
    (d.ENCOUNTER_FIELDS[0], OPTIONAL_CLIENT_CODE, *d.ENCOUNTER_FIELDS[1:]),
    "encounter",
    links=("client_code",),
)

_CONSENT = d.by_key(d.CONSENT_FIELDS)
CONSENTS = Sheet(
    "Consents",
    (
        CLIENT_CODE,
        _CONSENT["scope"],
        _CONSENT["recipient"],
        _CONSENT["signed_on"],
        _CONSENT["expires_on"],
        replace(
            d.REVOKED_ON,
            required=False,
            help=N_("The day the client revoked the consent; empty while it stands."),
        ),
        _CONSENT["note"],
    ),
    "consent",
    links=("client_code",),
)

# In the order they are written and read: a row's client comes before it.
RECORD_SHEETS: tuple[Sheet, ...] = (CLIENTS, ASSESSMENTS, SUBSTANCES, EVENTS, ENCOUNTERS, CONSENTS)


def _code(key: str, label: str, values: tuple[str, ...], help_text: str = "") -> Field:
    return Field(key, label, Kind.CODE, codes=codes_of(values), help=help_text)


def _count(key: str, label: str, maximum: int | None = None, help_text: str = "") -> Field:
    return Field(key, label, Kind.INTEGER, minimum=0, maximum=maximum, help=help_text)


# Computed at the export's as-of date by reports/rules/recovery.py and reports/rules/harm.py;
# the code lists are the values those rules return (a test holds them together).
RECOVERY_STATUS = Sheet(
    "RecoveryStatus",
    (
        CLIENT_CODE,
        Field("as_of", N_("Status on"), Kind.DATE, help=N_("The date the status describes.")),
        replace(
            d.by_key(d.SUBSTANCE_FIELDS)["substance_class"],
            required=False,
            help=N_("Empty when the client has no substance recorded yet."),
        ),
        Field("primary", N_("Primary"), Kind.BOOLEAN),
        _code(
            "dsm_status",
            N_("DSM status"),
            (
                "no_diagnosis",
                "active",
                "early_remission",
                "sustained_remission",
                "unknown",
                "deceased",
            ),
        ),
        _code("remission_type", N_("Remission"), ("full", "partial")),
        _code("severity", N_("Severity"), ("mild", "moderate", "severe")),
        Field(
            "controlled_environment",
            N_("In a controlled environment"),
            Kind.BOOLEAN,
            help=N_("Specifier of a remission."),
        ),
        Field(
            "maintenance_therapy",
            N_("On maintenance therapy"),
            Kind.BOOLEAN,
            help=N_("Specifier of a full remission."),
        ),
        _code("sobriety", N_("Sobriety"), ("none", "early", "sustained", "stable", "unknown")),
        _code(
            "recovery_status",
            N_("Recovery"),
            ("full", "partial", "no_improvement", "not_applicable", "unknown"),
        ),
        _code("recovery_timeframe", N_("Recovery time frame"), ("early", "sustained", "stable")),
        _count("remission_episodes", N_("Remission episodes")),
        _count("recurrences", N_("Recurrences")),
        _count(
            "recovery_attempts",
            N_("Recovery attempts"),
            help_text=N_("Earlier attempts given at intake plus remission episodes."),
        ),
        _count(
            "harm_self", N_("Harm to self"), 6, N_("Flags set in the 12 months ending on as_of.")
        ),
        _count(
            "harm_others",
            N_("Harm to others"),
            4,
            N_("Flags set in the 12 months ending on as_of."),
        ),
        _count(
            "harm_community",
            N_("Harm to the community"),
            5,
            N_("Flags set in the 12 months ending on as_of."),
        ),
        Field(
            "ahi",
            N_("Aggregate harm index"),
            Kind.INTEGER,
            minimum=0,
            maximum=100,
            tags=frozenset({"decimal"}),
            help=N_("0 to 100 with one decimal: the three levels' shares of flags, averaged."),
        ),
    ),
    "recovery_status",
    links=("client_code",),
)

DICTIONARY = Sheet(
    "Dictionary",
    tuple(
        Field(key, label, Kind.TEXT)
        for key, label in (
            ("sheet", N_("Sheet")),
            ("key", N_("Column")),
            ("label", N_("Label")),
            ("type", N_("Type")),
            ("codes", N_("Allowed values")),
            ("required", N_("Required")),
            ("range", N_("Range or length")),
            ("identifies_person", N_("Identifies a person")),
            ("help", N_("Explanation")),
        )
    ),
    "dictionary",
)
NOTICE = Sheet(
    "Notice", (Field("item", N_("Item"), Kind.TEXT), Field("text", N_("Text"), Kind.TEXT)), "notice"
)
# The template's hidden sheet that feeds its drop-down lists.
LISTS_SHEET_NAME = "Lists"

EXPORT_ONLY_SHEETS: tuple[Sheet, ...] = (RECOVERY_STATUS, DICTIONARY, NOTICE)
# Sheets an import passes over without reading.
IGNORED_ON_IMPORT = frozenset({s.name for s in EXPORT_ONLY_SHEETS} | {LISTS_SHEET_NAME})
