"""Phone numbers in one written form, whatever way they were typed.

North American numbers (7 digits, 10, or 11 starting with 1) read "(503) 555-0101"
or "555-0101", with "ext. 12" for an extension; a number given with another
country code ("+44 …") keeps its grouping, single-spaced. Words are refused: a
note about whom to call belongs elsewhere, not where the worklist dials from.
"""

from __future__ import annotations

import re

_EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x)\s*(\d{1,6})\s*$", re.IGNORECASE)
_ALLOWED = re.compile(r"\+?[\d\s().\-/]+")


class PhoneError(ValueError):
    pass


def normalise_phone(typed: str) -> str:
    text = typed.strip()
    extension = ""
    found = _EXTENSION.search(text)
    if found:
        extension = f" ext. {found.group(1)}"
        text = text[: found.start()]
    if not _ALLOWED.fullmatch(text):
        raise PhoneError("is written with digits only, for example (503) 555-0101")
    digits = re.sub(r"\D", "", text)
    if text.startswith("+") and not (len(digits) == 11 and digits.startswith("1")):
        return " ".join(text.split()) + extension
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) == 10:
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}{extension}"
    if len(digits) == 7:
        return f"{digits[:3]}-{digits[3:]}{extension}"
    return " ".join(text.split()) + extension
