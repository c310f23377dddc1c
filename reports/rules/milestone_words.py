"""The plain words of the milestones (reports/rules/milestones.py): person-first, hopeful,
free of stigmatising words, each a translatable `Sentence` template.

Kept apart from the rules that choose them, as recovery_text.py is for the clinical
words: a wording change never touches a threshold.
"""

from __future__ import annotations

from collections.abc import Sequence

from reports.rules.words import N_, Sentence

# The substance classes as nouns in a sentence ("in early remission from opioids").
SUBSTANCE_NOUNS = {
    "alcohol": N_("alcohol"),
    "opioid": N_("opioids"),
    "stimulant": N_("stimulants"),
    "cannabis": N_("cannabis"),
    "sedative": N_("sedatives"),
    "hallucinogen": N_("hallucinogens"),
    "inhalant": N_("inhalants"),
    "tobacco": N_("tobacco"),
    "other": N_("other substances"),
}

# --- Where the client is now, one sentence per substance class.
WORKING_TOWARDS = N_(
    "Working towards remission from {substance}: criteria were last present on {last}"
)
FULL_REMISSION = {
    "early_remission": N_(
        "In early remission from {substance} since {since}: no criteria but craving for {duration}"
        "{specifiers}"
    ),
    "sustained_remission": N_(
        "In sustained remission from {substance} since {since}: no criteria but craving for"
        " {duration}{specifiers}"
    ),
}
PARTIAL_REMISSION = {
    "early_remission": N_(
        "In early partial remission from {substance} since {since}: below the disorder"
        " threshold, the last criterion on {last}{specifiers}"
    ),
    "sustained_remission": N_(
        "In sustained partial remission from {substance} since {since}: below the disorder"
        " threshold, the last criterion on {last}{specifiers}"
    ),
}
NO_DISORDER = N_("No substance use disorder found for {substance} (interview of {assessed})")
# {substance}: one class, or every class not assessed since that day ("opioids and alcohol").
NOT_ASSESSED = N_("Not assessed since {since}: the status for {substance} is not known")
DIED = N_("Died on {date}")
# (controlled environment, maintenance medication), in plain words.
PLAIN_SPECIFIERS = {
    (False, False): "",
    (True, False): N_(", while in a controlled environment"),
    (False, True): N_(", with maintenance medication"),
    (True, True): N_(", while in a controlled environment, with maintenance medication"),
}
ONE_MONTH = N_("1 month")
MONTHS = N_("{months} months")
YEARS = N_("{years} years")

# --- Milestones ahead, reached on their date if nothing changes.
AHEAD = {
    ("early_remission", "partial"): N_("Early partial remission from {substance} on {date}"),
    ("early_remission", "full"): N_(
        "Early remission from {substance} on {date}: {months} months with no criteria but craving"
    ),
    ("sustained_remission", "partial"): N_(
        "Sustained partial remission from {substance} on {date}"
    ),
    ("sustained_remission", "full"): N_(
        "Sustained remission from {substance} on {date}: {months} months with no criteria but"
        " craving"
    ),
    ("sobriety", "early"): N_("Early sobriety on {date}: {months} month without use"),
    ("sobriety", "sustained"): N_(
        "Sobriety becomes sustained on {date}: {months} months without use"
    ),
    ("sobriety", "stable"): N_("Sobriety becomes stable on {date}: {months} months without use"),
    ("recovery", "sustained"): N_("Full recovery becomes sustained on {date}"),
    ("recovery", "stable"): N_("Full recovery becomes stable on {date}"),
}
# A milestone ahead whose day has come since the last interview: the rules say it only
# once an interview on or after that day records no new criterion or use.
TO_CONFIRM = N_("{milestone} — to confirm at the next interview")
# --- Milestones reached, with the day they were.
REACHED = {
    ("early_remission", "partial"): N_("Early partial remission from {substance}, on {date}"),
    ("early_remission", "full"): N_("Early remission from {substance}, on {date}"),
    ("sustained_remission", "partial"): N_(
        "Sustained partial remission from {substance}, on {date}"
    ),
    ("sustained_remission", "full"): N_("Sustained remission from {substance}, on {date}"),
    ("sobriety", "early"): N_("Early sobriety, on {date}"),
    ("sobriety", "sustained"): N_("Sustained sobriety, on {date}"),
    ("sobriety", "stable"): N_("Stable sobriety, on {date}"),
    ("recovery", "full"): N_("Full recovery, confirmed at the interview of {date}"),
    ("recovery", "partial"): N_("Partial recovery, confirmed at the interview of {date}"),
}

# --- Full recovery, when it still needs something.
FULL_RECOVERY_ON = N_("Full recovery on {date} if {conditions}")
FULL_RECOVERY_WHEN = N_("Full recovery when {conditions}")
NEEDS_NO_CRITERIA = N_("there are no criteria but craving until then")
NEEDS_QUALITY_OF_LIFE = N_(
    "quality of life is back to its intake level of {level} (or the BARC-10 score reaches {barc})"
)
NEEDS_BARC10 = N_("the BARC-10 score reaches {barc}")
NEEDS_CITIZENSHIP = N_("there is no offending and no arrest in the {days} days before an interview")
NEEDS_OUTSIDE = N_("the client lives outside a controlled environment")

# --- The next step. The status sentence above it already says since when the client was
# not assessed; the step does not say it again.
FOLLOW_UP_DUE = N_("A follow-up is due, to know where things stand now")
# After a discharge no interview will confirm a milestone ahead (docs/rules.md).
AFTER_DISCHARGE = N_(
    "No interview is planned after the discharge of {date}, so no milestone ahead is listed."
    " Full recovery stays the hope: if the client returns, a re-entry intake starts the path"
    " again"
)
NEXT_INTERVIEW = N_("Next interview by {date}, to keep the status up to date")
FIRST_INTAKE = N_("No completed interview yet: the intake is the next step")

# --- Progress named as progress.
RATING_UP = N_("{measure} up from {before} at intake to {now}")
RATING_STEADY = N_("{measure} steady at {now} since intake")
RATING_NOW = N_("{measure} at {now} now, {before} at intake")
# A chart panel with nothing in it yet says why, and when that may change.
NO_BARC10 = N_("No BARC-10 recorded yet: it can be asked at the next follow-up")
NO_RATINGS = N_("No ratings recorded yet: they are asked at the next interview")
NO_POINTS = N_("The chart starts with the first completed intake.")
MEASURE_NAMES = {
    "psych_health": N_("Psychological health"),
    "physical_health": N_("Physical health"),
    "quality_of_life": N_("Quality of life"),
    "barc10": N_("Recovery capital (BARC-10)"),
}


def substance_noun(code: str | None) -> Sentence:
    return Sentence(SUBSTANCE_NOUNS.get(str(code), N_("other substances")))


def joined(parts: Sequence[Sentence]) -> Sentence:
    """ "a, b and c", every part translated with the whole."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return Sentence(N_("{first} and {last}"), first=parts[0], last=parts[1])
    return Sentence(N_("{first}, {rest}"), first=parts[0], rest=joined(parts[1:]))
