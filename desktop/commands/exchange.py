"""What import, export data and export template print once the job is done, and the
checks of export data's options that only the command line can get wrong."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import CommandError
from reports.outputs.registry import Caller, JobInputs


def check_recipient_options(args: argparse.Namespace) -> None:
    """--all-clients names no recipient; without it, --recipient or --purpose is needed."""
    if args.all_clients:
        if args.recipient is not None or args.purpose is not None:
            raise CommandError(
                "--all-clients is the agency's internal copy of every client and has no "
                "recipient; a disclosure names --recipient or --purpose without it"
            )
        return
    if args.recipient is None and args.purpose is None:
        raise CommandError(
            "say who receives the workbook: --recipient NAME (a recipient named in clients' "
            "consents) or --purpose treatment|payment|operations|research; an administrator's "
            "internal copy of every client is --all-clients"
        )


def import_done(args: argparse.Namespace, _inputs: JobInputs, result: Any, caller: Caller) -> int:
    if not result.ok:
        raise _rejection(caller, args.file, result)
    added = ", ".join(f"{n:,} {sheet}" for sheet, n in result.added.items() if n)
    print(f"Imported {args.file.name}: {added or 'no rows'}; {result.episodes:,} episodes.")
    changed = ", ".join(f"{n:,} {sheet}" for sheet, n in result.updated.items() if n)
    if changed:
        print(f"Updated {changed} (each change is in the audit trail).")
    return 0


def _rejection(caller: Caller, path: Path, result: Any) -> CommandError:
    """Print the problems, write them beside the file, and say so in one line."""
    from forms.failures import reason
    from forms.vocabulary import is_database_error
    from reports.outputs.import_errors import errors_path, write_problems

    for problem in result.problems:
        print(problem)
    more = " (reading stopped there; fix these and import again)" if result.stopped_early else ""
    count = f"{len(result.problems):,} problem{'s' if len(result.problems) != 1 else ''}{more}"
    target = errors_path(path)
    try:
        write_problems(
            caller.the_database(),
            caller.the_actor(),
            target,
            result.problems,
            path,
            more.strip(" ()"),
        )
        listed = f"; the list is in {target}"
    except OSError as exc:
        listed = f"; the list could not be written to {target} ({exc.strerror})"
    except Exception as exc:
        if not is_database_error(exc):
            raise
        listed = (
            f"; the list could not be written to {target} (its audit row could not be "
            f"recorded: {reason(exc)})"
        )
    return CommandError(f"{path.name} was not imported, nothing was changed: {count}{listed}")


def export_done(args: argparse.Namespace, _inputs: JobInputs, summary: Any, _caller: Caller) -> int:
    for line in _export_lines(args.out, summary):
        print(line)
    return 0


def _export_lines(path: Path, summary: Any) -> list[str]:
    from reports.outputs.exchange_disclosure import left_out_text

    r = summary.recipient
    status = f"{summary.clients:,} clients, status as of {summary.as_of.isoformat()}"
    if summary.all_clients:
        return [
            f"Wrote {path}: {status}; the agency's internal copy of every client, which may "
            "not leave the agency (audited and in the disclosure log)."
        ]
    if r.purpose == "named_recipient":
        to_whom = f"to {r.name}"
    else:
        to_whom = f"to {r.name} for {r.purpose}" if r.name else f"for {r.purpose}"
    lines = [f"Wrote {path}: {status}, disclosed {to_whom}."]
    if summary.left_out:
        lines.append(
            f"{summary.left_out:,} clients were left out, their consent not covering this "
            f"disclosure today: {left_out_text(summary.left_out_by)}. The disclosure log and "
            "the audit trail record the export."
        )
    else:
        lines.append("The disclosure log and the audit trail record the export.")
    return lines


def template_done(
    args: argparse.Namespace, _inputs: JobInputs, _result: Any, _caller: Caller
) -> int:
    print(f"Wrote {args.out}: empty sheets with drop-down lists and the data dictionary.")
    return 0


DONE = {"import": import_done, "full_export": export_done, "template": template_done}
BEFORE = {"full_export": check_recipient_options}
