"""The password rules, after NIST SP 800-63B-4 (section 3.1.1.2, passwords as the only factor).

- At least 15 characters by default; an administrator may lower the minimum
  to 8 (the floor NIST sets when a password is one of two factors), and is
  warned when they do.
- At most 256 characters: NIST asks for a maximum of at least 64. Every
  character counts, spaces and any script included.
- No composition rules (no "one digit, one capital"), no forced rotation.
- Refused when it is on a list of common and breached passwords, compared
  without regard to case, or when it is the account's own user name.

The list ships inside the package (forms/data/common-passwords.txt.gz; where
it comes from and its licence are in forms/data/common-passwords.LICENSE.txt);
nothing is looked up over the network.
"""

from __future__ import annotations

import functools
import gzip
from pathlib import Path

from forms.fields import N_

DEFAULT_MIN_LENGTH = 15
LOWEST_MIN_LENGTH = 8
MAX_LENGTH = 256
COMMON_PASSWORDS = Path(__file__).parent / "data" / "common-passwords.txt.gz"


class AccountError(ValueError):
    """A message for the person about one field; `template` is N_-marked, `params` fill it."""

    def __init__(self, field: str, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.field = field
        self.template = template
        self.params = params


@functools.cache
def _common() -> frozenset[str]:
    with gzip.open(COMMON_PASSWORDS, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip().lower() for line in lines if line.strip())


def is_common(password: str) -> bool:
    return password.strip().lower() in _common()


def check_new_password(
    password: str, again: str | None, min_length: int, username: str = ""
) -> None:
    """Raise AccountError when `password` breaks a rule, or `again` (if asked) differs."""
    if len(password) < min_length:
        raise AccountError(
            "password",
            N_("Use at least {n} characters; a few words you will remember make a good password"),
            n=min_length,
        )
    if len(password) > MAX_LENGTH:
        raise AccountError("password", N_("Use at most {n} characters"), n=MAX_LENGTH)
    if is_common(password):
        raise AccountError(
            "password",
            N_("This password is on a list of common or breached passwords; choose another"),
        )
    if username and password.strip().lower() == username.strip().lower():
        raise AccountError("password", N_("The password must not be the user name"))
    if again is not None and password != again:
        raise AccountError("password_again", N_("The two passwords differ"))


def check_min_length(min_length: int) -> None:
    """The minimum an administrator may choose."""
    if not LOWEST_MIN_LENGTH <= min_length <= MAX_LENGTH:
        raise AccountError(
            "password_min_length",
            N_("The shortest password allowed must be between {low} and {high} characters"),
            low=LOWEST_MIN_LENGTH,
            high=MAX_LENGTH,
        )


def is_below_default(min_length: int) -> bool:
    """Whether an administrator chose a minimum that NIST finds too short for a password
    used alone; the settings screen warns before saving it."""
    return min_length < DEFAULT_MIN_LENGTH
