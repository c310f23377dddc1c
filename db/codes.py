"""The code lists of DOMAIN.md, spelled exactly as the domain spells them.

These tuples are the stored values. They live in `db` because the database
enforces them with CHECK constraints and `db` imports no other layer; `forms`
attaches the labels people read and is the place every other layer asks.
"""

SEX_AT_BIRTH = ("female", "male", "intersex", "unknown", "declined")
GENDER = (
    "woman",
    "man",
    "non_binary",
    "transgender_woman",
    "transgender_man",
    "other",
    "declined",
)
RACE = (
    "american_indian_alaska_native",
    "asian",
    "black",
    "native_hawaiian_pacific_islander",
    "white",
    "multiple",
    "other",
    "declined",
)
ETHNICITY = ("hispanic_latino", "not_hispanic_latino", "declined")

ASSESSMENT_KINDS = ("intake", "follow_up", "discharge")
# Why an episode closed, asked at a discharge. A death is also the contact status
# `deceased`: the two always agree (forms/validation.py).
DISCHARGE_REASONS = ("completed", "left", "transferred", "incarcerated", "died", "other")
DISCHARGE_DIED = "died"
CONTACT_STATUS = (
    "completed",
    "not_located",
    "refused",
    "incarcerated",
    "hospitalized",
    "deceased",
)
MEDICATION = ("none", "methadone", "buprenorphine", "naltrexone", "other")
CONTROLLED_ENVIRONMENT = ("none", "jail_prison", "residential", "hospital", "other")
GOAL = ("abstinence", "reduction", "safer_use", "medication", "undecided", "other")
SELF_IDENTIFIED_RECOVERY = ("yes", "no", "declined")

SUBSTANCE_CLASSES = (
    "alcohol",
    "opioid",
    "stimulant",
    "cannabis",
    "sedative",
    "hallucinogen",
    "inhalant",
    "tobacco",
    "other",
)
CRITERIA = (
    "larger_longer",
    "cut_down",
    "time_spent",
    "craving",
    "role_failure",
    "social_problems",
    "activities_given_up",
    "hazardous_use",
    "physical_psych_problems",
    "tolerance",
    "withdrawal",
)
# Physiological criteria that do not count while a prescribed medication for
# the class is taken as prescribed (DOMAIN.md §1).
PHYSIOLOGICAL_CRITERIA = ("tolerance", "withdrawal")
# Which medications are prescribed *for* which class, for that rule and for
# the "on maintenance therapy" specifier.
MEDICATION_FOR_CLASS = {
    "opioid": ("methadone", "buprenorphine"),
}
MAINTENANCE_MEDICATION = {
    "opioid": ("methadone", "buprenorphine", "naltrexone"),
    "tobacco": ("other",),
}

DEATH = "death"  # the event that ends every status, whenever it happened
EVENTS = (
    "overdose_nonfatal",
    DEATH,
    "ed_visit",
    "hospitalisation",
    "hiv_positive_new",
    "hcv_positive_new",
    "arrest",
    "incarceration_start",
    "incarceration_end",
    "dui",
    "child_welfare_report",
    "child_removal",
    "family_violence",
    "family_reported_harm",
    "public_order_citation",
)

ENCOUNTER_TALLIES = (
    "naloxone_kits",
    "reversals_reported",
    "syringes_out",
    "syringes_returned",
    "test_strips",
    "hiv_tests",
    "hcv_tests",
    "referrals",
)

# To what an encounter's referrals were made (DOMAIN.md §1 Encounters). `referrals` stays
# the total; an encounter saved before the types were asked keeps its total with every
# typed count 0: "type not recorded", never guessed.
REFERRAL_TYPES = (
    "treatment",  # substance use treatment, medication for opioid use disorder included
    "mental_health",
    "medical",  # primary care, HIV/HCV care, wound care
    "housing",
    "other_social",  # benefits, legal, food, ID
    "other",
)
REFERRAL_COLUMNS = tuple(f"referrals_{t}" for t in REFERRAL_TYPES)

ROLES = ("front_desk", "manager", "admin")
# What a client's consent lets the agency disclose (42 CFR part 2, 2024 rule; DOMAIN.md §9).
CONSENT_SCOPES = ("treatment_payment_operations", "named_recipient", "research")
# What a disclosure is for: a purpose a consent's scope covers, a recipient named in a
# consent, or the agency's own copy of every client, kept inside the programme.
DISCLOSURE_PURPOSES = (
    "treatment",
    "payment",
    "operations",
    "research",
    "named_recipient",
    "internal_operations",
)
# The purposes an export may name (a named recipient is chosen by giving the name alone).
EXPORT_PURPOSES = DISCLOSURE_PURPOSES[:4]
CONTACT_METHODS = ("phone", "text", "in_person", "letter", "outreach", "other")
CONTACT_OUTCOMES = ("reached", "no_answer", "left_message", "wrong_number", "scheduled", "refused")

# Why a saved record was voided (DOMAIN.md §9a); a free-text note may add to it.
VOID_REASONS = ("wrong_client", "wrong_date", "duplicate", "entered_in_error")
CORRECTION_ACTIONS = ("edit", "void", "restore")

AUDIT_ACTIONS = (
    "create",
    "update",
    "view",
    "search",
    "export",
    "merge",
    "delete",
    "import",
    "sign_in",
    "sign_in_failed",
    "sign_out",
    "lock",
    "unlock",
)
