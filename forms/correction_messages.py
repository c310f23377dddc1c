"""The refusals of forms.corrections, as Messages a screen says in the person's language.

Each is an N_-marked template with named values, filled after translation
(desktop.translate.message). The kind of record inside a sentence is a marked
phrase of its own ("this contact attempt"), so a language can give it its own
article and gender; it is capitalised at the start of a sentence as a phrase of its own
too, since a translation cannot be capitalised by rule.
"""

from __future__ import annotations

import datetime as dt

from forms.fields import N_, Message

THIS_KIND = {
    "assessment": N_("this assessment"),
    "event": N_("this event"),
    "encounter": N_("this encounter"),
    "followup_attempt": N_("this contact attempt"),
    "client_note": N_("this note"),
}
THIS_KIND_FIRST = {
    "assessment": N_("This assessment"),
    "event": N_("This event"),
    "encounter": N_("This encounter"),
    "followup_attempt": N_("This contact attempt"),
    "client_note": N_("This note"),
}
ASSESSMENT_KIND = {
    "intake": N_("intake"),
    "follow_up": N_("follow-up"),
    "discharge": N_("discharge"),
}


def choose_void_reason(choices: str) -> Message:
    return Message(N_("Choose why the record is voided ({choices})"), choices=choices)


def already_voided() -> Message:
    return Message(N_("This record is already voided"))


def not_voided() -> Message:
    return Message(N_("This record is not voided"))


def erasure_reason_missing() -> Message:
    return Message(N_("Give the reason for the erasure (the legal ground); nothing was erased"))


def typed_code_differs(typed: str, code: str) -> Message:
    return Message(
        N_("The code typed again ({typed}) is not {code}; nothing was erased"),
        typed=typed,
        code=code,
    )


def no_such_client(code: str) -> Message:
    return Message(N_("There is no client with the code {code}"), code=code)


def client_gone() -> Message:
    return Message(N_("This client no longer exists"))


def record_gone(kind: str) -> Message:
    return Message(
        N_("{record} no longer exists; it was erased on another workstation."),
        record=Message(THIS_KIND_FIRST[kind]),
    )


def changed_meanwhile(kind: str) -> Message:
    return Message(
        N_(
            "{record} was changed on another workstation since you opened it. "
            "Nothing was overwritten; reopen it to see what is stored now."
        ),
        record=Message(THIS_KIND_FIRST[kind]),
    )


def not_own_entry(kind: str) -> Message:
    return Message(
        N_(
            "Front desk may correct only what they entered themselves; {record} was "
            "entered by someone else. Ask a manager to correct it."
        ),
        record=Message(THIS_KIND[kind]),
    )


def past_grace_period(kind: str, days: int, entered_on: dt.date | None) -> Message:
    if entered_on is None:
        return Message(
            N_(
                "Front desk may correct their own entries for {days} days; {record} was "
                "entered on an unknown day. Ask a manager to correct it."
            ),
            days=days,
            record=Message(THIS_KIND[kind]),
        )
    return Message(
        N_(
            "Front desk may correct their own entries for {days} days; {record} was "
            "entered on {day}. Ask a manager to correct it."
        ),
        days=days,
        record=Message(THIS_KIND[kind]),
        day=entered_on,
    )


def duplicate_assessment(day: dt.date) -> Message:
    """A client has one assessment a day: the way on is another date, or the one stored."""
    return Message(
        N_(
            "There is already an assessment for this client on {day}: choose another date,"
            " or open that assessment from the timeline on the client's page to correct it"
        ),
        day=day,
    )


def outside_episode(doing: str, kind: str, day: dt.date, problem: object) -> Message:
    """`doing` an N_-marked phrase ("This correction"); `problem` the episode rule's
    refusal (a Sentence, or an N_-marked text)."""
    return Message(
        N_("{doing} would leave the {kind} of {day} outside its episode: {problem}"),
        doing=Message(doing),
        kind=Message(ASSESSMENT_KIND[kind]) if kind in ASSESSMENT_KIND else kind,
        day=day,
        problem=_said(problem),
    )


def _said(text: object) -> object:
    """A template with its values as it is; a plain marked text as a Message of its own
    (so the screen translates it too), unless braces would read as a template's."""
    if hasattr(text, "template") and hasattr(text, "params"):
        return text
    plain = str(text)
    return plain if "{" in plain or "}" in plain else Message(plain)
