"""The monthly report of a closed month, kept as printed: written to JSON when the month
is closed, read back to print it again, the same forever but for the generation time.

What is kept is the report's printed data (`ReportData` without its ledger, which only
the audit row's count of clients served reads): the tables as they were laid out and
suppressed, the agency's name, paper size and definitions of the day it was closed.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from db import closed_months
from db.access import Actor, Permission
from db.dates import Period
from db.engine import Database
from reports.outputs.monthly_data import build_report_data
from reports.rules.words import Sentence
from reports.tables.ledger import Ledger
from reports.tables.monthly_community import CLIENTS_SERVED
from reports.tables.report_data import ReportData, Section
from reports.tables.report_tables import Disclosure, Kind, Row, Table

FORMAT = 1  # raised when what is kept changes; older kept reports stay readable


def closing_reports(database: Database, actor: Actor, period: Period) -> tuple[str, str]:
    """The month's report data to keep when it closes: (suppressed, internal), as JSON."""
    kept = []
    for internal in (False, True):
        data = build_report_data(database, actor, period, internal=internal, summary=True)
        kept.append(to_json(data))
    return kept[0], kept[1]


def closed_report(
    database: Database,
    actor: Actor,
    period: Period,
    internal: bool,
    generated_at: dt.datetime | None = None,
) -> ReportData | None:
    """The report kept when the month of `period` was closed; None when it is open (or
    `period` is not a calendar month)."""
    actor.require(Permission.REPORTS)
    if period != Period.month(period.start.year, period.start.month):
        return None
    with database.reading() as session:
        kept = closed_months.stored_report(session, f"{period.start:%Y-%m}", internal)
    if kept is None:
        return None
    return from_json(kept, generated_at or dt.datetime.now(dt.UTC))


def to_json(data: ReportData) -> str:
    kept = {
        "format": FORMAT,
        "agency": data.agency,
        "period": _period(data.period),
        "harm_period": _period(data.harm_period),
        "disclosure": [data.disclosure.threshold, data.disclosure.internal],
        "paper_size": data.paper_size,
        "state": data.state,
        "followup_months": list(data.followup_months),
        "sections": [_section(s) for s in data.sections],
        "trend_dates": [d.isoformat() for d in data.trend_dates],
        "trends": [_table(t) for t in data.trends],
        "community": _table(data.community),
        "definitions": [[_said(h), _said(p)] for h, p in data.definitions],
        "revisions": [list(r) for r in data.revisions],
        "closed_revisions": [list(r) for r in data.closed_revisions],
        "summary": None if data.summary is None else _table(data.summary),
        "board_sections": [_section(s) for s in data.board_sections],
        "clients_served": data.ledger.value(CLIENTS_SERVED),
    }
    return json.dumps(kept, ensure_ascii=False, sort_keys=True)


def from_json(text: str, generated_at: dt.datetime) -> ReportData:
    """The kept report, generated at `generated_at` (the one line that changes)."""
    kept = json.loads(text)
    ledger = Ledger()
    ledger.put(CLIENTS_SERVED, kept["clients_served"])
    summary = kept["summary"]
    return ReportData(
        agency=kept["agency"],
        period=_read_period(kept["period"]),
        harm_period=_read_period(kept["harm_period"]),
        generated_at=generated_at,
        disclosure=Disclosure(*kept["disclosure"]),
        paper_size=kept["paper_size"],
        state=kept["state"],
        followup_months=tuple(kept["followup_months"]),
        sections=tuple(_read_section(s) for s in kept["sections"]),
        trend_dates=tuple(dt.date.fromisoformat(d) for d in kept["trend_dates"]),
        trends=tuple(_read_table(t) for t in kept["trends"]),
        community=_read_table(kept["community"]),
        definitions=tuple((_heard(h), _heard(p)) for h, p in kept["definitions"]),
        revisions=tuple((m, n) for m, n in kept["revisions"]),
        closed_revisions=tuple((m, n) for m, n in kept["closed_revisions"]),
        ledger=ledger,
        summary=None if summary is None else _read_table(summary),
        board_sections=tuple(_read_section(s) for s in kept["board_sections"]),
    )


def _period(period: Period) -> list[str]:
    return [period.start.isoformat(), period.end.isoformat()]


def _read_period(kept: list[str]) -> Period:
    return Period(dt.date.fromisoformat(kept[0]), dt.date.fromisoformat(kept[1]))


def _section(section: Section) -> dict[str, Any]:
    return {
        "key": section.key,
        "title": _said(section.title),
        "intro": _said(section.intro),
        "tables": [_table(t) for t in section.tables],
    }


def _read_section(kept: dict[str, Any]) -> Section:
    tables = tuple(_read_table(t) for t in kept["tables"])
    return Section(kept["key"], _heard(kept["title"]), _heard(kept["intro"]), tables)


def _table(table: Table) -> dict[str, Any]:
    return {
        "key": table.key,
        "title": _said(table.title),
        "row_header": _said(table.row_header),
        "columns": [_said(c) for c in table.columns],
        "rows": [
            [_said(r.label), list(r.values), r.total, None if r.kind is None else r.kind.value]
            for r in table.rows
        ],
        "kinds": [k.value for k in table.kinds],
        "note": _said(table.note),
    }


def _read_table(kept: dict[str, Any]) -> Table:
    rows = tuple(
        Row(_heard(label), tuple(values), total, None if kind is None else Kind(kind))
        for label, values, total, kind in kept["rows"]
    )
    return Table(
        kept["key"],
        _heard(kept["title"]),
        _heard(kept["row_header"]),
        tuple(_heard(c) for c in kept["columns"]),
        rows,
        tuple(Kind(k) for k in kept["kinds"]),
        _heard(kept["note"]),
    )


def _said(text: str) -> Any:
    """A text as kept: a Sentence as its template and values, so a closed month prints
    again in whatever language the agency reports in by then; other text as it is."""
    if not isinstance(text, Sentence):
        return str(text)
    params = {
        key: {"date": value.isoformat()} if isinstance(value, dt.date) else _said(value)
        if isinstance(value, str) else value
        for key, value in text.params.items()
    }  # fmt: skip
    return {"template": text.template, "params": params}


def _heard(kept: Any) -> str:
    """A kept text read back (a report kept before sentences were kept is plain text)."""
    if not isinstance(kept, dict):
        return str(kept)
    params = {
        key: dt.date.fromisoformat(value["date"]) if isinstance(value, dict) and "date" in value
        else _heard(value) if isinstance(value, str | dict) else value
        for key, value in kept["params"].items()
    }  # fmt: skip
    return Sentence(kept["template"], **params)
