"""The rules' sentences, translatable without the rules importing anything of the program.

`N_` marks a template for extraction (installer/extract_messages.py finds every
N_("...") call, in the context `forms`), exactly as forms.fields.N_ does. A
`Sentence` is a marked template filled with its values: it reads as the English
sentence wherever a str goes (a log, a report, a test, anything stored), and
keeps the template and the values, so a screen can say it in the person's
language with the values filled in after the translation
(desktop.translate.message, which treats it as it treats forms.fields.Message).
"""

from __future__ import annotations


def N_(text: str) -> str:
    """Mark a template for translation; the screen translates it when it shows it."""
    return text


class Sentence(str):
    """An N_-marked template with its values; a value that is itself a Sentence (a status
    word, a severity) is translated too."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Sentence:
        sentence = super().__new__(cls, template.format(**params))
        sentence.template = template
        sentence.params = params
        return sentence
