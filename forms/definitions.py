"""Every recorded field of DOMAIN.md §1, grouped by record type.

Order within each tuple is the order of the paper form, which is also the
tab order of the GUI and the column order of the exchange workbook.
"""

from __future__ import annotations

from db import codes
from forms.fields import ASKED, N_, Code, Field, Kind, codes_of

NAME_LENGTH = 100
YES_NO = (Code("yes", N_("Yes")), Code("no", N_("No")))


def _days_28(key: str, label: str, help_text: str) -> Field:
    return Field(key, label, Kind.INTEGER, minimum=0, maximum=28, help=help_text, section="last28")


def _rating(key: str, label: str) -> Field:
    return Field(
        key,
        label,
        Kind.INTEGER,
        minimum=0,
        maximum=20,
        help=N_("The client's own rating, 0 (poor) to 20 (good)."),
        section="health",
        tags=frozenset({ASKED}),
    )


def _text(key: str, label: str, length: int, **kw: object) -> Field:
    return Field(key, label, Kind.TEXT, max_length=length, **kw)  # type: ignore[arg-type]


CLIENT_CODE = _text(
    "client_code",
    N_("Client code"),
    40,
    required=True,
    identifies_person=True,
    help=N_("The agency's number for this client. Left empty, the next free code is used."),
)

CLIENT_FIELDS: tuple[Field, ...] = (
    CLIENT_CODE,
    _text("given_name", N_("Given name"), NAME_LENGTH, required=True, identifies_person=True),
    _text("family_name", N_("Family name"), NAME_LENGTH, required=True, identifies_person=True),
    _text(
        "preferred_name",
        N_("Preferred name"),
        NAME_LENGTH,
        identifies_person=True,
        help=N_("The name the client wants to be called by."),
    ),
    Field("birth_date", N_("Birth date"), Kind.DATE, required=True, identifies_person=True),
    Field("sex_at_birth", N_("Sex at birth"), Kind.CODE, codes=codes_of(codes.SEX_AT_BIRTH)),
    Field(
        "gender",
        N_("Gender"),
        Kind.CODE,
        codes=codes_of(
            codes.GENDER,
            {
                "non_binary": N_("Non-binary"),
                "transgender_woman": N_("Transgender woman"),
                "transgender_man": N_("Transgender man"),
            },
        ),
    ),
    Field(
        "race",
        N_("Race"),
        Kind.CODE,
        codes=codes_of(
            codes.RACE,
            {
                "american_indian_alaska_native": N_("American Indian or Alaska Native"),
                "black": N_("Black or African American"),
                "native_hawaiian_pacific_islander": N_("Native Hawaiian or Pacific Islander"),
                "multiple": N_("More than one race"),
            },
        ),
    ),
    Field(
        "ethnicity",
        N_("Ethnicity"),
        Kind.CODE,
        codes=codes_of(
            codes.ETHNICITY,
            {
                "hispanic_latino": N_("Hispanic or Latino"),
                "not_hispanic_latino": N_("Not Hispanic or Latino"),
            },
        ),
    ),
    _text("postal_code", N_("Postal code"), 20, identifies_person=True),
    _text("phone", N_("Phone"), 40, identifies_person=True),
    Field(
        "consent_contact",
        N_("Consents to be contacted"),
        Kind.BOOLEAN,
        default=False,
        help=N_("May staff phone, text or write to the client for follow-ups?"),
    ),
)

# The ten statements of the Brief Assessment of Recovery Capital (Vilsaint et al., Drug
# and Alcohol Dependence 2017), free to use, in the published wording and order. The form
# prints each beside its answer; the client rates each 1 (strongly disagree) to 6
# (strongly agree).
BARC10_STATEMENTS: tuple[str, ...] = (
    N_("There are more important things to me in life than using substances."),
    N_("In general I am happy with my life."),
    N_("I have enough energy to complete the tasks I set for myself."),
    N_("I am proud of the community I live in and feel part of it."),
    N_("I get lots of support from friends."),
    N_(
        "I regard my life as challenging and fulfilling without the need for using drugs "
        "or alcohol."
    ),
    N_("My living space has helped to drive my recovery journey."),
    N_("I take full responsibility for my actions."),
    N_("I am happy dealing with a range of professional people."),
    N_("I am making good progress on my recovery journey."),
)
BARC10_SCALE = N_(
    "1 strongly disagree · 2 disagree · 3 somewhat disagree · "
    "4 somewhat agree · 5 agree · 6 strongly agree"
)

ASSESSMENT_FIELDS: tuple[Field, ...] = (
    Field("assessed_on", N_("Date of interview"), Kind.DATE, required=True),
    Field(
        "kind",
        N_("Kind"),
        Kind.CODE,
        required=True,
        codes=codes_of(codes.ASSESSMENT_KINDS, {"follow_up": N_("Follow-up")}),
    ),
    Field(
        "contact_status",
        N_("Contact"),
        Kind.CODE,
        required=True,
        codes=codes_of(
            codes.CONTACT_STATUS,
            {"completed": N_("Completed interview"), "hospitalized": N_("In hospital")},
        ),
        help=N_("Only a completed interview carries answers."),
    ),
    Field(
        "last_use_on",
        N_("Last use of alcohol or drugs"),
        Kind.DATE,
        section="use",
        help=N_(
            "Any alcohol or non-prescribed drug, or misuse of a prescription; not "
            "tobacco. Leave empty if the client declines."
        ),
    ),
    _days_28("injecting_days_28", N_("Injecting days"), N_("Days injected in the past 28.")),
    Field(
        "shared_equipment",
        N_("Shared injecting equipment"),
        Kind.BOOLEAN,
        section="last28",
        help=N_("In the past 28 days."),
    ),
    _days_28("offending_days_28", N_("Offending days"), N_("Days of crime in the past 28.")),
    _days_28(
        "work_days_28", N_("Work or study days"), N_("Days of paid work or study in the past 28.")
    ),
    Field(
        "housing_problem",
        N_("Housing problem"),
        Kind.BOOLEAN,
        section="last28",
        help=N_("Homeless or at risk of eviction in the past 28 days."),
    ),
    _rating("psych_health", N_("Psychological health")),
    _rating("physical_health", N_("Physical health")),
    _rating("quality_of_life", N_("Quality of life")),
    Field(
        "medication",
        N_("Medication"),
        Kind.CODE,
        section="medication",
        codes=codes_of(codes.MEDICATION, {"none": N_("None")}),
    ),
    Field(
        "medication_as_prescribed", N_("Taken as prescribed"), Kind.BOOLEAN, section="medication"
    ),
    Field(
        "controlled_environment",
        N_("Controlled environment"),
        Kind.CODE,
        section="medication",
        codes=codes_of(
            codes.CONTROLLED_ENVIRONMENT, {"none": N_("None"), "jail_prison": N_("Jail or prison")}
        ),
        help=N_("Where access to substances is restricted today."),
    ),
    *(
        Field(
            f"barc10_{i}",
            N_("BARC-10 item") + f" {i}",
            Kind.INTEGER,
            minimum=1,
            maximum=6,
            section="barc10",
            help=statement,
        )
        for i, statement in enumerate(BARC10_STATEMENTS, start=1)
    ),
    Field(
        "goal",
        N_("Client's goal"),
        Kind.CODE,
        section="goal",
        codes=codes_of(
            codes.GOAL, {"safer_use": N_("Safer use"), "medication": N_("Medication treatment")}
        ),
    ),
    Field(
        "self_identified_recovery",
        N_("Sees self as in recovery"),
        Kind.CODE,
        section="goal",
        codes=codes_of(codes.SELF_IDENTIFIED_RECOVERY),
    ),
    Field(
        "prior_recovery_attempts",
        N_("Earlier recovery attempts"),
        Kind.INTEGER,
        minimum=0,
        maximum=99,
        section="goal",
        help=N_("At intake only: serious attempts before this intake."),
    ),
    # Last in the exchange workbook's columns (added in schema 0013); on screen they follow
    # the interview. Asked whether or not the interview was completed.
    Field(
        "discharge_reason",
        N_("Reason for discharge"),
        Kind.CODE,
        section="discharge",
        codes=codes_of(
            codes.DISCHARGE_REASONS,
            {
                "completed": N_("Completed the programme"),
                "left": N_("Left the programme"),
                "transferred": N_("Transferred to another service"),
                "incarcerated": N_("In jail or prison"),
                "died": N_("Died"),
                "other": N_("Other"),
            },
        ),
        help=N_(
            "Why the episode closes. A death is also recorded as contact “Deceased”, which "
            "takes the client off every follow-up list."
        ),
        tags=frozenset({ASKED}),
    ),
    _text(
        "discharge_note",
        N_("Discharge note"),
        500,
        section="discharge",
        identifies_person=True,  # free text may name people
        help=N_("Optional: anything the next worker should know about this discharge."),
    ),
)

BARC10_KEYS = tuple(f"barc10_{i}" for i in range(1, 11))
DISCHARGE_KEYS = ("discharge_reason", "discharge_note")
# The interview's answers: everything after contact_status that is not about the discharge.
ANSWER_KEYS = tuple(f.key for f in ASSESSMENT_FIELDS[3:] if f.key not in DISCHARGE_KEYS)

SUBSTANCE_FIELDS: tuple[Field, ...] = (
    Field(
        "substance_class",
        N_("Substance"),
        Kind.CODE,
        required=True,
        codes=codes_of(codes.SUBSTANCE_CLASSES),
    ),
    Field(
        "primary",
        N_("Primary"),
        Kind.BOOLEAN,
        default=False,
        help=N_("The one substance that brought the client in; set at intake."),
    ),
    Field(
        "criteria",
        N_("DSM-5 criteria present"),
        Kind.CODES,
        codes=codes_of(
            codes.CRITERIA,
            {
                "larger_longer": N_("Larger amounts or longer than intended"),
                "cut_down": N_("Wants or fails to cut down"),
                "time_spent": N_("Much time getting, using, recovering"),
                "craving": N_("Craving"),
                "role_failure": N_("Fails at work, school or home"),
                "social_problems": N_("Goes on despite social problems"),
                "activities_given_up": N_("Activities given up"),
                "hazardous_use": N_("Use in hazardous situations"),
                "physical_psych_problems": N_("Goes on despite physical or mental problems"),
                "tolerance": N_("Tolerance"),
                "withdrawal": N_("Withdrawal"),
            },
        ),
        help=N_("Since the previous assessment; at intake, in the past 12 months."),
    ),
    Field(
        "criteria_last_met_on",
        N_("Criterion last present"),
        Kind.DATE,
        help=N_(
            "When a criterion other than craving was last present. Empty means the interview date."
        ),
    ),
    Field(
        "use_days_28",
        N_("Use days"),
        Kind.INTEGER,
        minimum=0,
        maximum=28,
        help=N_("Days this substance was used in the past 28."),
    ),
)

EVENT_FIELDS: tuple[Field, ...] = (
    Field("occurred_on", N_("Date"), Kind.DATE, required=True),
    Field(
        "event",
        N_("Event"),
        Kind.CODE,
        required=True,
        codes=codes_of(
            codes.EVENTS,
            {
                "overdose_nonfatal": N_("Overdose (survived)"),
                "ed_visit": N_("Emergency visit"),
                # The same words as the contact status "In hospital", not two spellings.
                "hospitalisation": N_("Hospital stay"),
                "hiv_positive_new": N_("New HIV diagnosis"),
                "hcv_positive_new": N_("New HCV diagnosis"),
                "dui": N_("Driving under the influence"),
            },
        ),
        # A death picked by mistake removes the client from every list: the list shows it
        # apart, after the others, not beside "Overdose (survived)".
        tags=frozenset({f"apart:{codes.DEATH}"}),
    ),
    Field("count", N_("How many"), Kind.INTEGER, minimum=1, maximum=999, default=1),
)

# codes.REFERRAL_TYPES as the encounter form and the exchange workbook ask them.
_REFERRAL_TYPES_ASKED = (
    ("treatment", N_("Referrals to substance use treatment"),
     N_("Including medication for opioid use disorder.")),
    ("mental_health", N_("Referrals to mental health care"), ""),
    ("medical", N_("Referrals to medical care"),
     N_("Primary care, HIV or hepatitis C care, wound care.")),
    ("housing", N_("Referrals to housing"), ""),
    ("other_social", N_("Referrals to other social services"),
     N_("Benefits, legal help, food, identity documents.")),
    ("other", N_("Other referrals"), ""),
)  # fmt: skip

ENCOUNTER_FIELDS: tuple[Field, ...] = (
    Field("occurred_on", N_("Date"), Kind.DATE, required=True),
    _text(
        "area",
        N_("Area (postal code)"),
        20,
        help=N_("Where the encounter happened; a postal code or outreach area."),
    ),
    *(
        Field(key, label, Kind.INTEGER, minimum=0, maximum=9999, default=0)
        for key, label in (
            ("naloxone_kits", N_("Naloxone kits")),
            ("reversals_reported", N_("Overdose reversals reported")),
            ("syringes_out", N_("Syringes given")),
            ("syringes_returned", N_("Syringes returned")),
            ("test_strips", N_("Test strips")),
            ("hiv_tests", N_("HIV tests")),
            ("hcv_tests", N_("HCV tests")),
        )
    ),
    Field(
        "referrals",
        N_("Referrals"),
        Kind.INTEGER,
        minimum=0,
        maximum=9999,
        default=0,
        help=N_(
            "All referrals made. With a referral type counted, it must equal the types"
            " added up (left empty, it is their sum); with none, its referrals count as"
            " type not recorded."
        ),
    ),
    *(
        Field(
            f"referrals_{kind}",
            label,
            Kind.INTEGER,
            minimum=0,
            maximum=99,
            default=0,
            help=help_text,
        )
        for kind, label, help_text in _REFERRAL_TYPES_ASKED
    ),
)
REFERRAL_TYPE_FIELDS = tuple(f for f in ENCOUNTER_FIELDS if f.key in codes.REFERRAL_COLUMNS)
# The referral types as a narrow row or a table column names them (codes.REFERRAL_TYPES).
REFERRAL_SHORT_LABELS = {
    "treatment": N_("Treatment"),
    "mental_health": N_("Mental health"),
    "medical": N_("Medical"),
    "housing": N_("Housing"),
    "other_social": N_("Social services"),
    "other": N_("Other"),
}

FOLLOWUP_ATTEMPT_FIELDS: tuple[Field, ...] = (
    Field("attempted_on", N_("Date"), Kind.DATE, required=True),
    Field(
        "method",
        N_("Method"),
        Kind.CODE,
        required=True,
        codes=codes_of(codes.CONTACT_METHODS, {"in_person": N_("In person")}),
    ),
    Field(
        "outcome",
        N_("Outcome"),
        Kind.CODE,
        required=True,
        codes=codes_of(codes.CONTACT_OUTCOMES, {"no_answer": N_("No answer")}),
    ),
    _text("note", N_("Note"), 500),
)

# Without consent to contact, a contact attempt may still be recorded when the client came
# to the agency: staff reached nobody who did not come to them.
METHODS_WITHOUT_CONSENT_TO_CONTACT = ("in_person",)

CONSENT_FIELDS: tuple[Field, ...] = (
    Field(
        "scope",
        N_("Consent to disclose for"),
        Kind.CODE,
        required=True,
        codes=codes_of(
            codes.CONSENT_SCOPES,
            {
                "treatment_payment_operations": N_("Treatment, payment and health-care operations"),
                "named_recipient": N_("A named recipient"),
                "research": N_("Research"),
            },
        ),
        help=N_("What the signed consent form allows (42 CFR part 2)."),
    ),
    _text(
        "recipient",
        N_("Recipient"),
        200,
        help=N_("For a consent to a named recipient: the person or organisation named."),
    ),
    Field("signed_on", N_("Signed on"), Kind.DATE, required=True),
    Field(
        "expires_on",
        N_("Expires on"),
        Kind.DATE,
        allow_future=True,
        help=N_("The last day the consent covers; empty when it runs until revoked."),
    ),
    _text("note", N_("Note"), 500),
)
REVOKED_ON = Field(
    "revoked_on",
    N_("Revoked on"),
    Kind.DATE,
    required=True,
    help=N_("The day the client revoked the consent; from that day it covers nothing."),
)

USER_FIELDS: tuple[Field, ...] = (
    _text("username", N_("User name"), 60, required=True),
    _text("display_name", N_("Full name"), 100, required=True),
    Field(
        "role",
        N_("Role"),
        Kind.CODE,
        required=True,
        codes=codes_of(codes.ROLES, {"front_desk": N_("Front desk")}),
    ),
)


def by_key(fields: tuple[Field, ...]) -> dict[str, Field]:
    return {f.key: f for f in fields}


# Fields shown for each kind of assessment; the intake alone asks about earlier attempts.
ASSESSMENT_KEYS_BY_KIND = {
    "intake": tuple(f.key for f in ASSESSMENT_FIELDS if f.key not in DISCHARGE_KEYS),
    "follow_up": tuple(
        f.key
        for f in ASSESSMENT_FIELDS
        if f.key != "prior_recovery_attempts" and f.key not in DISCHARGE_KEYS
    ),
    "discharge": tuple(f.key for f in ASSESSMENT_FIELDS if f.key != "prior_recovery_attempts"),
}


# Why a saved record is voided (forms/corrections.py; DOMAIN.md §9a).
VOID_FIELDS: tuple[Field, ...] = (
    Field(
        "void_reason",
        N_("Why is it voided?"),
        Kind.CODE,
        required=True,
        codes=codes_of(
            codes.VOID_REASONS,
            {
                "wrong_client": N_("Entered for the wrong client"),
                "wrong_date": N_("Wrong date"),
                "duplicate": N_("Duplicate"),
                "entered_in_error": N_("Entered in error"),
            },
        ),
    ),
    Field("void_note", N_("Note (optional)"), Kind.TEXT, max_length=500),
)
