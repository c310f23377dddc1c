"""What a field is: the single description every layer reads.

The GUI builds its widgets from these, the importer validates cells with
them, exports name their columns from them and the data dictionary is
printed from them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum


def N_(text: str) -> str:
    """Mark a label for translation; the GUI translates it when it shows it."""
    return text


class Message(str):
    """An N_-marked template filled with its values. It reads as the English sentence
    wherever a str goes (a log, the command line, a test) and keeps the template and the
    values, so a screen can say it in the person's language (desktop.translate.message).
    A value that is itself a Message is translated too; a value named `label` is a field
    label, translated as one."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Message:
        message = super().__new__(cls, template.format(**params))
        message.template = template
        message.params = params
        return message


# A tag: the field is required on the desk's form when it applies (a rating of a completed
# interview, the reason of a discharge), though not in every record (an old discharge).
ASKED = "asked"


class Kind(StrEnum):
    TEXT = "text"
    DATE = "date"
    INTEGER = "integer"
    BOOLEAN = "yes/no"
    CODE = "code"
    CODES = "codes"  # several codes joined with ';'


@dataclass(frozen=True, slots=True)
class Code:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    label: str
    kind: Kind
    required: bool = False
    codes: tuple[Code, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    help: str = ""
    identifies_person: bool = False
    default: object = None
    # Dates are refused in the future unless the field looks ahead (an expiry date).
    allow_future: bool = False
    # Extra meaning for the dictionary and the GUI: the section of the paper form.
    section: str = ""
    tags: frozenset[str] = field(default_factory=frozenset)
    # The stored values of `codes`, kept once: importers ask for them per cell.
    code_values: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "code_values", tuple(c.value for c in self.codes))

    def label_of(self, value: str) -> str:
        for code in self.codes:
            if code.value == value:
                return code.label
        return value


def codes_of(values: Sequence[str], labels: dict[str, str] | None = None) -> tuple[Code, ...]:
    """Codes with labels; a code without an explicit label reads as its words."""
    labels = labels or {}
    return tuple(Code(v, labels.get(v) or v.replace("_", " ").capitalize()) for v in values)
