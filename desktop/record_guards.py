"""Confirmations before the saves that cannot be taken back lightly: a death, a deceased
contact, a discharge, a merge. Each names the person and the consequence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop import dialogs
from forms.vocabulary import codes

# What each gender code is referred to by in a consequence sentence.
_PRONOUN = {"woman": "she", "transgender_woman": "she", "man": "he", "transgender_man": "he"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("record_guards", text)


@dataclass(frozen=True)
class Person:
    name: str  # as said in a sentence: "Aoife Lewis"
    pronoun: str = "they"

    @property
    def leaves(self) -> str:
        return _tr("%1 leaves" if self.pronoun != "they" else "%1 leave").replace(
            "%1", _tr(self.pronoun)
        )


def person_of(values: Mapping[str, Any]) -> Person:
    name = f"{values.get('given_name', '')} {values.get('family_name', '')}".strip()
    return Person(name, _PRONOUN.get(str(values.get("gender")), "they"))


def assessment_consequence(raw: Mapping[str, object], person: Person) -> str | None:
    day = str(raw.get("assessed_on") or "")
    if raw.get("contact_status") == "deceased":
        return death_consequence(person, day)
    if raw.get("kind") == "discharge":
        return (
            _tr("Discharges %1 on %2: the episode closes; its follow-up interviews stay due.")
            .replace("%1", person.name)
            .replace("%2", day)
        )
    return None


def event_consequence(raw: Mapping[str, object], person: Person) -> str | None:
    if raw.get("event") != codes.DEATH:
        return None
    return death_consequence(person, str(raw.get("occurred_on") or ""))


def death_consequence(person: Person, day: str) -> str:
    return (
        _tr("Marks %1 as deceased on %2: %3 every follow-up list.")
        .replace("%1", person.name)
        .replace("%2", day)
        .replace("%3", person.leaves)
    )


def merge_consequence(keep: str, drop: str) -> str:
    return (
        _tr("Moves everything recorded for %1 to %2; %1 disappears from every list.")
        .replace("%1", drop)
        .replace("%2", keep)
    )


def confirmed(parent: QWidget, consequence: str | None) -> bool:
    """True when there is nothing to confirm, or the person confirmed it."""
    if consequence is None:
        return True
    return dialogs.ask(
        parent, _tr("Please confirm"), consequence, yes=_tr("Save"), no=_tr("Go back")
    )
