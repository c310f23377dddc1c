"""Showing the labels that `forms/` marks with N_ in the person's language."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from forms.fields import Field, Message

CONTEXT = "forms"


def label(text: str) -> str:
    """An N_-marked text from forms/ or reports/, translated."""
    return QCoreApplication.translate(CONTEXT, text)


def refusal(template: str, params: Mapping[str, object]) -> str:
    """A refusal from forms/ (an N_-marked template and its values), translated; the
    setting or field it names (`label`) is translated too."""
    values = {k: label(v) if k == "label" and isinstance(v, str) else v for k, v in params.items()}
    return label(template).format(**values)


def message(text: str) -> str:
    """A message from forms/ in the person's language: a `Message` through its template
    and values (a value named `label`, or itself a Message, translated too); a plain
    N_-marked text as a label; anything else as it is."""
    if not isinstance(text, Message):
        return label(text)
    values = {
        key: message(value) if isinstance(value, Message) else
        label(value) if key == "label" and isinstance(value, str) else value
        for key, value in text.params.items()
    }  # fmt: skip
    return label(text.template).format(**values)


def field_label(field: Field) -> str:
    return label(field.label)


def code_label(field: Field, value: object) -> str:
    """The label a person reads for a stored code (or several, joined with commas)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str) and ";" not in value:
        return label(field.label_of(value))
    parts = value.split(";") if isinstance(value, str) else sorted(value)  # type: ignore[call-overload]
    return ", ".join(label(field.label_of(p)) for p in parts if p)
