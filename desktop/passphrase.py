"""Where the passphrase of an encrypted database comes from.

In order: the RECOVERY_DESK_PASSPHRASE environment variable (for scripts),
the operating system's keyring (when the `keyring` package has a backend
there), then the person: a prompt on a terminal, else one line of standard
input. The GUI asks in a dialog instead of the last step.
"""

from __future__ import annotations

import getpass
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

ENV_VAR = "RECOVERY_DESK_PASSPHRASE"
KEYRING_SERVICE = "recovery-desk"
MIN_LENGTH = 15  # NIST SP 800-63B: a single secret of at least 15 characters


class NoKeyringError(RuntimeError):
    """This computer has no keyring the program can use."""


def from_environment() -> str | None:
    return os.environ.get(ENV_VAR) or None


def from_keyring(path: Path) -> str | None:
    """The passphrase kept for `path` in the keyring, or None (also when there is none)."""
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(KEYRING_SERVICE, str(path.absolute()))
    except ImportError:
        return None
    except (KeyringError, RuntimeError, OSError) as exc:
        log.info("keyring not usable: %s", type(exc).__name__)
        return None


def remember(path: Path, passphrase: str) -> None:
    """Keep the passphrase for `path` in the keyring; NoKeyringError when there is none."""
    try:
        import keyring
        from keyring.backends.fail import Keyring as NoBackend
        from keyring.errors import KeyringError
    except ImportError:
        raise NoKeyringError("the keyring package is not installed") from None
    if isinstance(keyring.get_keyring(), NoBackend):
        raise NoKeyringError("this computer has no keyring service")
    try:
        keyring.set_password(KEYRING_SERVICE, str(path.absolute()), passphrase)
    except (KeyringError, RuntimeError, OSError) as exc:
        raise NoKeyringError(f"the keyring refused it ({type(exc).__name__})") from None


def forget(path: Path) -> None:
    try:
        import keyring
        from keyring.errors import KeyringError

        keyring.delete_password(KEYRING_SERVICE, str(path.absolute()))
    except (ImportError, KeyringError, RuntimeError, OSError):
        pass


def for_command(path: Path) -> str:
    """The passphrase for opening `path` from the command line."""
    found = from_environment() or from_keyring(path)
    if found:
        return found
    if sys.stdin.isatty():
        return getpass.getpass(f"Passphrase for {path.name}: ")
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise ValueError(
            f"{path} is encrypted: give its passphrase in {ENV_VAR}, on the terminal, "
            "or as one line of standard input"
        )
    return line


def new_for_command() -> str:
    """A new passphrase for `encrypt`: the environment, twice on a terminal, or one line."""
    found = from_environment()
    if found is None and sys.stdin.isatty():
        found = getpass.getpass("New passphrase: ")
        if getpass.getpass("Again: ") != found:
            raise ValueError("the two passphrases differ")
    elif found is None:
        found = sys.stdin.readline().rstrip("\r\n")
    if len(found) < MIN_LENGTH:
        raise ValueError(f"passphrase: use at least {MIN_LENGTH} characters")
    return found
