"""Showing the labels that `forms/` marks with N_ in the person's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from forms.fields import Field

CONTEXT = "forms"


def label(text: str) -> str:
    """An N_-marked text from forms/ or reports/, translated."""
    return QCoreApplication.translate(CONTEXT, text)


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
