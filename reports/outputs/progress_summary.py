"""The client progress summary PDF, and who may receive it (DOMAIN.md §9).

The client's own copy is the default: a person's access to their own record is not a
disclosure to anyone else (42 CFR 2.23), so it needs no consent; it is audited as an
export of that client's data. A copy for anyone else (a named recipient, or a purpose
such as treatment with who receives it) is a disclosure: it is made only under a
consent of the client's that covers that recipient on the day (reports.rules.consent),
carries the 42 CFR 2.32 notice, and goes into the disclosure log with its audit row.
Either way the audit row commits once the file is on disk and before it takes its name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from db import audit, disclosures
from db.access import Actor, Permission
from db.engine import Database, Session
from forms.consents import Recipient
from forms.validation import ValidationFailed
from forms.vocabulary import PURPOSE_LABELS, codes
from reports.datasets.client_progress import client_id_of, progress_summary_data
from reports.outputs.exchange_disclosure import PART2_NOTICE
from reports.render.pdf_progress import write_progress_pdf
from reports.rules.consent import ConsentFact, covering, why_not_covered
from reports.rules.words import N_
from reports.tables.language import ENGLISH, ReportLanguage

# Why no consent covers the recipient, in the words of the one-line refusal.
NOT_COVERED = {
    "no_consent": "the client has no consent recorded",
    "other_scope": "the client's consents are for another purpose or recipient",
    "expired": "the client's consent had expired",
    "revoked": "the client's consent was revoked",
    "not_yet_signed": "the client's consent is signed after that day",
}


# The line above the notice on a disclosed copy, with or without the purpose.
DISCLOSED_FOR = N_(
    "Disclosed to {whom} for {purpose} on {date} under the client's written consent."
)
DISCLOSED = N_("Disclosed to {whom} on {date} under the client's written consent.")
# The purposes the line names ("for treatment"); a named recipient's or an internal
# copy's line names only who received it.
NAMED_PURPOSES = codes.EXPORT_PURPOSES


@dataclass(frozen=True)
class SummaryWritten:
    client_code: str
    recipient: Recipient | None  # None: the client's own copy
    disclosure_id: int | None  # the disclosure log's row, for a copy to someone else


def write_progress_summary(
    database: Database,
    actor: Actor,
    client_code: str,
    target: Path,
    today: dt.date,
    recipient: Recipient | None = None,
    language: ReportLanguage = ENGLISH,
) -> SummaryWritten:
    """Write the summary of the client with `client_code` as of `today` to `target`, in
    `language` (the caller builds it from its catalogues: reports.tables.language): for
    the client (`recipient` None) or for `recipient` under a covering consent. Raises
    ValidationFailed (keyed by field) or PermissionDenied having written nothing."""
    actor.require(Permission.VIEW_CLIENTS if recipient is None else Permission.EXPORT_IDENTIFIED)
    code = client_code.strip()
    client_id = client_id_of(database, code)
    if client_id is None:
        raise ValidationFailed({"client": f"Client: no client has the code {code!r}"})
    data = progress_summary_data(database, client_id, today)
    notice: list[str] = []
    if recipient is not None:
        _check_consent(data.consents, recipient, today, code)
        notice = [_disclosed_line(recipient, today, language), language.say(PART2_NOTICE)]
    target = Path(target)
    logged: list[int] = []

    def audit_it() -> None:
        with database.writing() as session:
            after = {"file": target.name, "output": "progress_summary", "day": today}
            if recipient is not None:
                logged.append(_log(session, actor, recipient, today, target.name, client_id))
                after.update(purpose=recipient.purpose, recipient=recipient.name or "")
            else:
                after["copy_for"] = "the client"
            audit.record(session, actor, "export", "client", client_id, after=after)

    write_progress_pdf(data, target, notice, before_rename=audit_it, language=language)
    return SummaryWritten(data.client_code, recipient, logged[0] if logged else None)


def _check_consent(
    consents: Sequence[ConsentFact], recipient: Recipient, today: dt.date, code: str
) -> None:
    if covering(consents, recipient.purpose, recipient.name, today):
        return
    why = NOT_COVERED[why_not_covered(consents, recipient.purpose, recipient.name, today)]
    whom = recipient.name or recipient.purpose.replace("_", " ")
    raise ValidationFailed(
        {
            "recipient": f"Recipient: no consent of {code} covers {whom} on {today.isoformat()} "
            f"({why}); nothing was written"
        }
    )


def _disclosed_line(recipient: Recipient, today: dt.date, language: ReportLanguage) -> str:
    """The line above the notice; the recipient's name is printed as the client wrote it."""
    named = recipient.purpose in NAMED_PURPOSES
    purpose_word = _in_a_sentence(language.say(PURPOSE_LABELS[recipient.purpose])) if named else ""
    whom = recipient.name or purpose_word
    day = language.date(today)
    if not named:
        return language.translate(DISCLOSED).format(whom=whom, date=day)
    return language.translate(DISCLOSED_FOR).format(whom=whom, purpose=purpose_word, date=day)


def _in_a_sentence(label: str) -> str:
    """A purpose's label inside a sentence: "for treatment", "for health-care operations"."""
    return label[:1].lower() + label[1:]


def _log(
    session: Session,
    actor: Actor,
    recipient: Recipient,
    today: dt.date,
    file_name: str,
    client_id: int,
) -> int:
    return disclosures.record(
        session,
        actor,
        disclosed_on=today,
        purpose=recipient.purpose,
        recipient=recipient.name,
        what="progress summary",
        file_name=file_name,
        client_ids=[client_id],
        count=1,
    )
