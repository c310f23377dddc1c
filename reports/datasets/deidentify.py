"""The de-identified row-level sheet of the funder workbook (DOMAIN.md §9, HIPAA Safe Harbor).

One row per client the Summary counts in any table: served in the period, a
follow-up window closed in it, a known status at its end, or counted in harm
(an event, a death or a completed assessment in the harm period); columns say
which, so every client count of the Summary can be worked out from the rows.
That also makes the Summary's suppression moot: the file is row-level data.
What makes it de-identified:
- the record id is drawn from `secrets` for this export alone: it is derived
  from nothing about the person and differs in every export;
- rows are sorted by that random id, so their order is random too and
  cannot be lined up with the agency's own client list, nor with the rows
  of another export;
- no names, codes, contacts, postal codes, free text or birth date; the only
  place is the agency's state; every date is reduced to its year; age is in
  whole years and every age over 89 prints as "90+".
The columns are `Field`s, so the workbook's dictionary describes them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from itertools import chain

from db import report_queries as queries
from db.dates import Period
from db.engine import Session
from forms.definitions import ASSESSMENT_FIELDS, CLIENT_FIELDS, by_key
from forms.exchange import RECOVERY_STATUS
from forms.fields import N_, Field, Kind
from reports.datasets.id_set import IdSet
from reports.datasets.row_store import Row, RowStore
from reports.datasets.status_store import StoredSeries
from reports.rules import harm
from reports.rules import recovery as rules
from reports.rules.facts import ClientHistory
from reports.rules.harm import harm_for_year_ending
from reports.rules.harm_trend import Levels

log = logging.getLogger(__name__)

SHEET = "Clients"
OLDEST_AGE = 90  # ages from here on print as one category (Safe Harbor)
OLDEST = f"{OLDEST_AGE}+"
_CLIENT = by_key(CLIENT_FIELDS)
_ASSESSMENT = by_key(ASSESSMENT_FIELDS)
_STATUS = {f.key: f for f in RECOVERY_STATUS.fields}
STATUS_KEYS = (
    "substance_class",
    "dsm_status",
    "remission_type",
    "severity",
    "controlled_environment",
    "maintenance_therapy",
    "sobriety",
    "recovery_status",
    "recovery_timeframe",
    "remission_episodes",
    "recurrences",
    "recovery_attempts",
    "harm_self",
    "harm_others",
    "harm_community",
    "ahi",
)


def _year(key: str, label: str, help_text: str) -> Field:
    return Field(key, label, Kind.INTEGER, help=help_text)


FIELDS: tuple[Field, ...] = (
    Field(
        "record_id",
        N_("Record"),
        Kind.TEXT,
        help=N_("Random for this export only; not derived from anything about the person."),
    ),
    Field(
        "age",
        N_("Age at the end of the period"),
        Kind.TEXT,
        help=N_("Whole years; every age over 89 is shown as 90+."),
    ),
    *(
        replace(_CLIENT[k], help="", identifies_person=False)
        for k in ("sex_at_birth", "gender", "race", "ethnicity")
    ),
    Field("state", N_("State"), Kind.TEXT, help=N_("The agency's state: no finer geography.")),
    _year("first_intake_year", N_("Year of first intake"), N_("Empty when no intake.")),
    _year(
        "last_assessment_year",
        N_("Year of the latest completed assessment"),
        N_("On or before the end of the period."),
    ),
    Field(
        "episodes",
        N_("Service episodes"),
        Kind.INTEGER,
        minimum=0,
        help=N_("Intakes on or before the end of the period."),
    ),
    *(
        replace(_STATUS[k], help=_STATUS[k].help.replace("as_of", "the end of the period"))
        for k in STATUS_KEYS
    ),
    replace(_ASSESSMENT["goal"], help=N_("At the latest completed assessment.")),
    replace(
        _ASSESSMENT["self_identified_recovery"], help=N_("At the latest completed assessment.")
    ),
    Field("followups_due", N_("Follow-up windows closed in the period"), Kind.INTEGER, minimum=0),
    Field("followups_completed", N_("Of which completed in the window"), Kind.INTEGER, minimum=0),
    Field(
        "served",
        N_("Served in the period"),
        Kind.BOOLEAN,
        help=N_("A completed assessment or an identified encounter in the period."),
    ),
    Field(
        "counted_in_harm",
        N_("Counted in harm"),
        Kind.BOOLEAN,
        help=N_(
            "An event, a death or a completed assessment in the harm period; the harm "
            "columns are empty otherwise."
        ),
    ),
    Field(
        "assessed_in_harm_period",
        N_("Assessed in the harm period"),
        Kind.BOOLEAN,
        help=N_("A completed assessment in the harm period: the clients harm means are over."),
    ),
)
KEYS = tuple(f.key for f in FIELDS)
# What a row reads from the history of a client the walk does not reach (unknown or
# deceased at the end of the period): its harm and the years of its assessments. Its
# status is the stored one (RowCollector._take_waiting), and its death is always read.
UNKNOWN_ROW_READS = frozenset({"assessed_on", "kind", "contact_status"}) | harm.READS


_AGES = tuple(str(n) for n in range(OLDEST_AGE))  # one string per age, shared by all rows


def age_text(birth: dt.date | None, on: dt.date) -> str | None:
    if birth is None:
        return None
    years = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    return OLDEST if years >= OLDEST_AGE else _AGES[max(years, 0)]


def _years(history: ClientHistory) -> tuple[int | None, int | None, int]:
    """First intake year, latest completed assessment year, and how many intakes."""
    first = last = None
    intakes = 0
    for a in history.assessments:
        if a.kind == "intake":
            intakes += 1
            if first is None:
                first = a.assessed_on.year
        if a.contact_status == "completed":
            last = a.assessed_on.year
    return first, last, intakes


def _harm(history: ClientHistory, end: dt.date) -> Levels:
    h = harm_for_year_ending(history, end)
    return h.harm_self, h.harm_others, h.harm_community, h.ahi


@dataclass(frozen=True, slots=True)
class Membership:
    """Which of the Summary's client counts a row is in, beyond its status."""

    served: bool
    counted_in_harm: bool
    assessed_in_harm_period: bool


def client_row(
    history: ClientHistory,
    s: rules.ClassStatus,
    harm: Levels | None,
    followups: tuple[int, int],
    period: Period,
    state: str,
    member: Membership,
) -> Row:
    """One de-identified row without its record id, in the order of FIELDS[1:].

    `followups`: the client's windows that closed in the period, and how many of
    them were met, as the follow-up section counted them; `harm` None when the
    client is not counted in harm.
    """
    first, last, episodes = _years(history)
    due, done = followups
    known = s.dsm_status not in (rules.UNKNOWN, rules.DECEASED)
    return (
        age_text(history.birth_date, period.end),
        history.sex_at_birth,
        history.gender,
        history.race,
        history.ethnicity,
        state or None,
        first,
        last,
        episodes,
        s.substance_class,
        s.dsm_status,
        s.remission_type,
        s.severity,
        _flag(s.controlled_environment, s.remission_type),
        _flag(s.maintenance_therapy, s.remission_type),
        s.sobriety,
        s.recovery_status,
        s.recovery_timeframe,
        s.remission_episodes,
        s.recurrences,
        s.recovery_attempts,
        *(harm or _NO_HARM),
        s.goal if known else None,
        s.self_identified_recovery if known else None,
        due,
        done,
        _YES_NO[member.served],
        _YES_NO[member.counted_in_harm],
        _YES_NO[member.assessed_in_harm_period],
    )


_NO_HARM = (None, None, None, None)
_YES_NO = {True: "yes", False: "no"}


def _flag(value: bool, remission: str | None) -> str | None:
    """A specifier exists only on a remission; elsewhere the cell stays empty."""
    if remission is None:
        return None
    return "yes" if value else "no"


@dataclass
class RowCollector:
    """The rows of the clients the Summary counts for `period`, built during the report's
    own walk through the histories (the status and harm it computes are the ones printed):
    a `reports.datasets.monthly_dataset.WalkObserver`.

    The walk goes in the agency's id order; each row waits in a RowStore
    behind a fresh random record id, and `flush` hands them to `sink` sorted by
    that id: a random order drawn from `secrets`, so the sheet never follows
    the client list.
    """

    period: Period
    state: str
    sink: Callable[[tuple[object, ...]], None]
    served: IdSet = field(default_factory=IdSet)
    harm_events: IdSet = field(default_factory=IdSet)
    written: int = 0
    _store: RowStore = field(default_factory=RowStore)
    # Clients offered without a status: theirs is read from the stored status, a chunk
    # of clients at a time (`_take_waiting`), not walked again through their history.
    _waiting: list[_Waiting] = field(default_factory=list, repr=False)
    _session: Session | None = field(default=None, repr=False)

    @property
    def reads(self) -> frozenset[str]:
        """What a row reads of a client the walk does not reach (unknown or deceased)."""
        return UNKNOWN_ROW_READS

    def prepare(self, session: Session, followups_closed: Iterable[int]) -> IdSet:
        """Find the clients served and those with an event or a death in the harm period;
        with `followups_closed`, the clients the rows need whatever the walk finds."""
        self._session = session  # for the stored status of the clients offered without
        self.served = IdSet(queries.served_ids(session, self.period.start, self.period.end))
        harm = Period.twelve_months_ending(self.period.end)
        self.harm_events = IdSet(
            queries.clients_with_events_or_deaths(session, harm.start, harm.end)
        )
        return IdSet(chain(self.served, self.harm_events, followups_closed))

    def offer(
        self,
        history: ClientHistory,
        status: rules.ClassStatus | None,
        harm: Levels | None,
        followups: tuple[int, int],
    ) -> None:
        """Take a walked client when the Summary counts it: `status` at the period's end
        when the walk has one (None: read from the stored status), `harm` when the client
        was assessed in the harm period (None: read from its events if it had any)."""
        cid = history.client_id
        member = Membership(
            cid in self.served, harm is not None or cid in self.harm_events, harm is not None
        )
        if harm is None and member.counted_in_harm:
            harm = _harm(history, self.period.end)
        waiting = _Waiting(history, harm, followups, member)
        if status is not None:
            self._add(waiting, status)
            return
        self._waiting.append(waiting)
        if len(self._waiting) >= _WAITING_CHUNK:
            self._take_waiting()

    def _add(self, client: _Waiting, status: rules.ClassStatus) -> None:
        member, followups = client.member, client.followups
        known = status.dsm_status not in (rules.UNKNOWN, rules.DECEASED)
        if not (member.served or member.counted_in_harm or known or followups[0]):
            return
        row = client_row(
            client.history, status, client.harm, followups, self.period, self.state, member
        )
        self._store.add(row)

    def _take_waiting(self) -> None:
        """The waiting clients, each with its headline status at the period's end read from
        the stored status: what `rules.primary_status` walks out of the whole history (a
        tenth of a millisecond a client), in one statement per chunk."""
        if not self._waiting:
            return
        if self._session is None:
            raise RuntimeError("a RowCollector is offered clients only after prepare()")
        end = self.period.end
        waiting = sorted(self._waiting, key=lambda w: w.history.client_id)
        self._waiting = []
        stored = StoredSeries(
            self._session, [w.history.client_id for w in waiting], (end,), headlines=True
        )
        for client in waiting:
            (statuses,) = stored.of(client.history)
            self._add(client, rules.headline(client.history, statuses, end))

    def flush(self) -> None:
        """Hand every row to `sink`, headed by its record id, in the order of the ids."""
        self._take_waiting()
        self._session = None  # the report's transaction ends with it
        for record_id, row in self._store.sorted_rows():
            self.sink((record_id, *row))
            self.written += 1

    def part(self, first: int, last: int) -> RowCollector:
        """An empty twin for a walk worker's clients `first`..`last`. It keeps its rows
        for `merge`, behind ids drawn from `secrets` in the worker: the sheet's order
        is as random as when one process walks."""
        return RowCollector(
            self.period,
            self.state,
            _merged_by_the_parent,
            self.served.between(first, last),
            self.harm_events.between(first, last),
        )

    def attach(self, session: Session) -> None:
        self._session = session

    def settle(self) -> None:
        """The part's waiting clients, in the worker; the rows themselves wait for the
        report's own collector, which writes them all."""
        self._take_waiting()
        self._session = None

    def merge(self, other: RowCollector) -> None:
        self._store.merge(other._store)


_WAITING_CHUNK = 2000  # clients whose stored status is read in one statement


@dataclass(frozen=True, slots=True)
class _Waiting:
    """A client offered without a status, until its stored one is read."""

    history: ClientHistory
    harm: Levels | None
    followups: tuple[int, int]
    member: Membership


def _merged_by_the_parent(row: tuple[object, ...]) -> None:
    raise AssertionError("a walk worker's rows are written by the report's own collector")
