"""The identified export as a disclosure (42 CFR part 2; DOMAIN.md §9).

Who receives the workbook decides whom it may name: a client is named only
when a consent of theirs covers that recipient on the day of the export
(reports.rules.consent), and the workbook then lists that consent. The
administrator's internal copy of every client (`all_clients`) is the one
exception: it stays inside the agency, for its own operations, and lists
every consent. Either way the workbook carries the notice of 42 CFR 2.32(a)
and the export goes into the disclosure log with the clients it named.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from db import codes, disclosures
from db.access import Actor
from db.engine import Session
from forms.consents import INTERNAL_OPERATIONS, NAMED_RECIPIENT, Recipient
from forms.fields import N_
from reports.rules.consent import (
    EXPIRED,
    NO_CONSENT,
    NOT_YET_SIGNED,
    OTHER_SCOPE,
    REVOKED,
    ConsentFact,
    covering,
    in_force,
    why_not_covered,
)

# 42 CFR 2.32(a)(1), "Statement 1", as amended by the 2024 final rule (89 FR 12472, 16 Feb
# 2024; in force 16 April 2024, compliance from 16 February 2026). The text is the
# regulation's, word for word (see docs/security.md for where it was read).
# Marked: the client progress summary prints it in Spanish too (the citations stay as
# written).
PART2_NOTICE = N_(
    "This record which has been disclosed to you is protected by Federal confidentiality "
    "rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, "
    "or testimony that describes the information contained in this record, in any civil, "
    "criminal, administrative, or legislative proceedings by any Federal, State, or local "
    "authority, against the patient, unless authorized by the consent of the patient, except "
    "as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR "
    "2.64 or 2.65. In addition, the Federal rules prohibit you from making any other use or "
    "disclosure of this record unless at least one of the following applies: (i) Further use "
    "or disclosure is expressly permitted by the written consent of the individual whose "
    "information is being disclosed in this record or as otherwise permitted by 42 CFR part "
    "2. (ii) You are a covered entity or business associate and have received the record for "
    "treatment, payment, or health care operations, or (iii) You have received the record "
    "from a covered entity or business associate as permitted by 45 CFR part 164, subparts A "
    "and E. A general authorization for the release of medical or other information is NOT "
    "sufficient to meet the required elements of written consent to further use or redisclose "
    "the record (see 42 CFR 2.31)."
)
PART2_EXPLAINED = (
    "This workbook holds substance use disorder patient records protected by federal "
    "confidentiality rules (42 CFR part 2). Use or disclose it only as the written consent of "
    "each client, or 42 CFR part 2, permits."
)
# The words for each reason a client is left out, in the order the command prints them.
LEFT_OUT_WORDS = {
    NO_CONSENT: N_("without any consent recorded"),
    OTHER_SCOPE: N_("whose consents are for another purpose or recipient"),
    EXPIRED: N_("whose consent had expired"),
    REVOKED: N_("whose consent was revoked"),
    NOT_YET_SIGNED: N_("whose consent is signed after the day of the export"),
}


def left_out_text(left_out_by: dict[str, int], translate: Callable[[str], str] = str) -> str:
    """'3 without any consent recorded; 1 whose consent was revoked' (empty when none)."""
    return "; ".join(
        f"{left_out_by[reason]:,} {translate(words)}"
        for reason, words in LEFT_OUT_WORDS.items()
        if left_out_by.get(reason)
    )


@dataclass
class Audience:
    """Who receives one export, on which day, and what the walk over the clients found."""

    recipient: Recipient
    day: dt.date
    included: array[int] = field(default_factory=lambda: array("q"))
    left_out_by: Counter[str] = field(default_factory=Counter)

    @classmethod
    def internal(cls, agency_name: str, day: dt.date) -> Audience:
        return cls(Recipient(INTERNAL_OPERATIONS, agency_name), day)

    @property
    def is_internal(self) -> bool:
        return self.recipient.purpose == INTERNAL_OPERATIONS

    def choose(self, client_id: int, consents: Sequence[ConsentFact]) -> list[ConsentFact] | None:
        """The consents to list with the client, or None when the client is left out.
        Clients come in id order, so the ids named stay sorted for `names`."""
        if self.is_internal:
            chosen = list(consents)
        else:
            chosen = covering(consents, self.recipient.purpose, self.recipient.name, self.day)
            if not chosen:
                reason = why_not_covered(
                    consents, self.recipient.purpose, self.recipient.name, self.day
                )
                self.left_out_by[reason] += 1
                return None
        self.included.append(client_id)
        return chosen

    def shares(self, consents: Sequence[ConsentFact]) -> bool:
        """The Clients sheet's consent_share: any consent in force on the day."""
        return any(in_force(c, self.day) for c in consents)

    def names(self, client_id: int | None) -> bool:
        """Whether the workbook names this client (for the codes on the Encounters sheet)."""
        if client_id is None:
            return False
        at = bisect_left(self.included, client_id)
        return at < len(self.included) and self.included[at] == client_id

    def consent_row(self, code: str, consent: ConsentFact) -> tuple[Any, ...]:
        # A note is the agency's own working text: it stays inside the agency.
        note = consent.note if self.is_internal else None
        return (
            code,
            consent.scope,
            consent.recipient,
            consent.signed_on,
            consent.expires_on,
            consent.revoked_on,
            note,
        )

    def notice_rows(self, listed: int, left_out: int) -> list[tuple[str, object]]:
        r = self.recipient
        if self.is_internal:
            scope = (
                "every client, consenting or not: the agency's internal copy for its own "
                "operations (an administrator's export); it may not leave the agency, and "
                "giving it to anyone outside is a disclosure that needs each client's consent"
            )
            consent = "The Consents sheet lists every consent of every client."
        else:
            scope = "only clients with a consent that covers this recipient on the day of export"
            consent = (
                f"Each client is disclosed under a consent of theirs, listed on the Consents "
                f"sheet (scope, recipient, date signed, expiry), that covers "
                f"{_to_whom(r)} on {self.day.isoformat()}."
            )
        return [
            ("notice", PART2_NOTICE),
            ("explanation", PART2_EXPLAINED),
            ("consent", consent),
            # The agency's own name would make two copies of one agency differ.
            ("disclosed_to", "" if self.is_internal else r.name or ""),
            ("purpose", r.purpose),
            ("disclosed_on", self.day.isoformat()),
            ("clients", listed),
            ("clients_left_out", left_out),
            ("left_out_reasons", left_out_text(dict(self.left_out_by))),
            ("scope", scope),
        ]


def _to_whom(recipient: Recipient) -> str:
    if recipient.purpose == NAMED_RECIPIENT:
        return str(recipient.name)
    purpose = recipient.purpose.replace("_", " ")
    return f"{recipient.name}, for {purpose}" if recipient.name else f"disclosures for {purpose}"


def log_disclosure(
    session: Session, actor: Actor, audience: Audience, file_name: str, sheets: Sequence[str]
) -> int:
    """Add the export to the disclosure log in the caller's transaction (its audit row's)."""
    assert audience.recipient.purpose in codes.DISCLOSURE_PURPOSES
    return disclosures.record(
        session,
        actor,
        disclosed_on=audience.day,
        purpose=audience.recipient.purpose,
        recipient=audience.recipient.name,
        what=f"exchange workbook: {', '.join(sheets)}",
        file_name=file_name,
        client_ids=iter(audience.included),
        count=len(audience.included),
    )
