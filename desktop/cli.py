"""The `recovery-desk` command: the GUI when run bare, otherwise one subcommand.

Every subcommand takes --db, prints a one-line reason and exits non-zero on
bad input, and leaves no half-written file behind. Those that read or write
client data sign in first (desktop/commands/signin.py).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from desktop import __version__

PROG = "recovery-desk"
# Each module adds its subcommands with register(subparsers, common).
COMMAND_MODULES = (
    "desktop.commands.core",
    "desktop.commands.jobs",
    "desktop.commands.encryption",
    "desktop.commands.months",
    "desktop.commands.clients",
    "desktop.commands.progress",
)

EXIT_BAD_INPUT = 2
EXIT_FAILED = 1
EXIT_REFUSED = 3  # the sign-in failed, or the signed-in role may not do this


class CommandError(Exception):
    """A failure to report to the person as one line, without a traceback."""


class OneLineParser(argparse.ArgumentParser):
    """Bad arguments get one line, as every other bad input does (the usage is in --help)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see --help)\n")


class SignInFailed(CommandError):
    """The password was wrong, the user name locked, or the tries too quick."""


def common_options(default: object = None) -> argparse.ArgumentParser:
    common = OneLineParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=default,
        help="database file or SQLAlchemy URL (default: RECOVERY_DESK_DB, else the "
        "per-user data folder)",
    )
    return common


def command_group(subparsers: Any, name: str, help_text: str) -> Any:
    """The sub-subcommands of `name` (e.g. `export`), shared by the modules that add to it."""
    groups: dict[str, Any] = subparsers.__dict__.setdefault("_recovery_desk_groups", {})
    if name not in groups:
        parser = subparsers.add_parser(name, help=help_text, description=help_text)
        groups[name] = parser.add_subparsers(dest=f"{name}_command", metavar="WHAT", required=True)
    return groups[name]


def build_parser() -> argparse.ArgumentParser:
    # A subcommand's --db must not reset one given before the subcommand.
    common = common_options(default=argparse.SUPPRESS)
    parser = OneLineParser(
        prog=PROG,
        parents=[common_options()],
        description="Data entry and reporting for recovery-oriented harm-reduction agencies. "
        "Run without a command to open the program.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--practice",
        action="store_true",
        help="open the practice agency of made-up clients that the first-run setup can make "
        "(instead of --db)",
    )
    parser.add_argument(
        "--language",
        choices=("en", "es"),
        help="the language of the screens: en or es, whoever signs in (default: "
        "RECOVERY_DESK_LANGUAGE, else the language of the account that signed in last on "
        "this computer, else the system's language)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if args.practice:
        from forms.practice import practice_path

        args.db = str(practice_path())
    try:
        if handler is None:
            from desktop.app import run_gui

            return run_gui(args.db, args.language)
        return handler(args)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing was left half-written", file=sys.stderr)
        return 130
    except Exception as exc:
        return _report(exc, _operation(args))


def _operation(args: argparse.Namespace) -> str:
    """The command as typed, e.g. 'export data', to name what failed."""
    command = getattr(args, "command", None)
    if command is None:
        return "opening the program"
    return " ".join([command, *filter(None, [getattr(args, f"{command}_command", None)])])


def _report(exc: Exception, operation: str) -> int:
    from forms.validation import ValidationFailed
    from forms.vocabulary import (
        BackupError,
        CipherUnavailableError,
        DatabaseLocationError,
        DatabaseUnusableError,
        EncryptionError,
        PermissionDenied,
        WrongPassphraseError,
        is_database_error,
    )

    known = (
        BackupError,
        CommandError,
        WrongPassphraseError,
        CipherUnavailableError,
        EncryptionError,
        DatabaseLocationError,
        DatabaseUnusableError,
        PermissionDenied,
        ValidationFailed,
        ValueError,
        OSError,
    )
    if is_database_error(exc):
        # Never the driver's words: they carry statement parameters and offending values.
        from forms.failures import failure_line

        line = failure_line(operation, exc)
        print(f"{PROG}: error: {line}; nothing was written.", file=sys.stderr)
        return EXIT_FAILED
    if not isinstance(exc, known):
        raise exc
    message = " ".join(str(exc).split()) or type(exc).__name__
    print(f"{PROG}: error: {message}", file=sys.stderr)
    if isinstance(exc, SignInFailed | PermissionDenied):
        return EXIT_REFUSED
    return EXIT_BAD_INPUT if isinstance(exc, ValueError | CommandError) else EXIT_FAILED


if __name__ == "__main__":  # pragma: no cover
    import multiprocessing

    multiprocessing.freeze_support()  # a report's walk workers (reports.datasets.walk_split)
    # Through the imported module, so its exception classes are the ones the commands
    # raise (run as __main__, this file would define a second CommandError).
    from desktop import cli

    sys.exit(cli.main())
