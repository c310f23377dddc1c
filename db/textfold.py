"""Folding names for search: what a front-desk worker types must find what was stored.

A worker on a plain keyboard types "nguyen" for "Nguyễn" and "lukasz" for
"Łukasz", so stored search columns and typed queries both go through the same
fold: case folded, accents stripped, the few letters that carry no separable
accent (ł, ø, đ, ı …) mapped to their plain look-alikes, spaces tidied.
"""

from __future__ import annotations

import unicodedata

# Letters NFKD does not decompose into a base letter plus an accent.
_PLAIN_LETTERS = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ŀ": "l",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
    }
)


def fold_name(text: str) -> str:
    """`text` in lower case without accents and with single spaces, for prefix search.

    >>> fold_name("  Zoë  NGUYỄN ")
    'zoe nguyen'
    >>> fold_name("Łukasz Søren Ağaoğlu Straße")
    'lukasz soren agaoglu strasse'
    """
    # Case-fold first: some capitals (the Turkish dotted İ) fold into a letter
    # plus a combining mark that NFKD then separates and the filter drops.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.translate(_PLAIN_LETTERS).split())
