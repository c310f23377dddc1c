"""The short forms: a dated event, a quick encounter, a follow-up contact attempt."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from desktop.client_model import ClientRow
from desktop.client_picker import ClientPickerEdit
from desktop.context import AppContext
from desktop.form_view import FormView, NotSaved
from desktop.look import error_style
from desktop.record_guards import Person, confirmed, event_consequence
from desktop.referral_row import ReferralRowBox
from forms import corrections, records
from forms.definitions import (
    ENCOUNTER_FIELDS,
    EVENT_FIELDS,
    FOLLOWUP_ATTEMPT_FIELDS,
    REFERRAL_TYPE_FIELDS,
)
from forms.record_detail import RecordDetail
from forms.validation import ValidationFailed

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("small_forms", text)


class EventFormView(FormView):
    """A new dated event; with `record`, that saved event to correct."""

    def __init__(
        self,
        ctx: AppContext,
        client_id: int,
        client_label: str,
        parent: QWidget | None = None,
        record: RecordDetail | None = None,
    ) -> None:
        title = _tr("Event") if record is None else _tr("Correct the event")
        super().__init__(ctx, title + f" — {client_label}", parent)
        self.client_id = client_id
        self.record = record
        self.person = Person(client_label)  # the client page sets the name as said
        self.add_section(_tr("What happened"), EVENT_FIELDS)
        self.finish_layout()
        self.load(record.values if record else {"occurred_on": ctx.today()})

    def operation(self) -> str:
        return _tr("Saving the event")

    def store(self) -> int:
        raw = self.raw_values()
        was = self.record.values if self.record else {}
        if not event_consequence(was, self.person) and not confirmed(
            self, event_consequence(raw, self.person)
        ):
            raise NotSaved()
        db, user, today = self.ctx.database, self.ctx.user, self.ctx.today()
        if self.record is None:
            event_id = records.add_event(db, user, self.client_id, raw, today)
        else:
            r = self.record
            corrections.edit_event(db, user, today, r.id, r.version, raw)
            event_id = r.id
        self.ctx.notify("event", self.client_id)
        return event_id


class EncounterFormView(FormView):
    """Client or anonymous, area, what was handed out or done: done in seconds."""

    last_area = ""  # the area of the previous encounter at this workstation, offered again

    def __init__(
        self,
        ctx: AppContext,
        client: ClientRow | None = None,
        parent: QWidget | None = None,
        record: RecordDetail | None = None,
    ) -> None:
        """A new encounter; with `record`, that saved encounter to correct (its client
        stays: an encounter entered for the wrong client is voided and entered again)."""
        super().__init__(
            ctx, _tr("Quick encounter") if record is None else _tr("Correct the encounter"), parent
        )
        self.record = record
        self._build_ui(client)
        values = record.values if record else {}
        if record is None:
            self.load({"occurred_on": ctx.today(), "area": EncounterFormView.last_area})
        else:
            self.load(record.values)
            self.client.setEnabled(False)
        self.referrals.load(values)

    def _build_ui(self, client: ClientRow | None) -> None:
        who = QGroupBox(_tr("Who"), self.body)
        layout = QFormLayout(who)
        self.client = ClientPickerEdit(self.ctx, who)
        self.client.set_client(client)
        self.client.textEdited.connect(self.mark_dirty)
        client_label = QLabel(_tr("&Client"), who)
        client_label.setBuddy(self.client)
        self.client_error = QLabel(who)
        self.client_error.setStyleSheet(error_style())
        self.client_error.hide()
        layout.addRow(client_label, self.client)
        layout.addRow("", self.client_error)
        self.body_layout.addWidget(who)
        self.add_section(_tr("When and where"), ENCOUNTER_FIELDS[:2])
        typed = {f.key for f in REFERRAL_TYPE_FIELDS}
        tallies = [f for f in ENCOUNTER_FIELDS[2:] if f.key != "referrals" and f.key not in typed]
        self.add_section(_tr("Given, done or reported"), tallies)
        self.referrals = ReferralRowBox(self.body)
        for editor in self.referrals.editors:
            editor.changed.connect(self.mark_dirty)
            self.editors[editor.key] = editor
        self.body_layout.addWidget(self.referrals)
        self.finish_layout()
        QWidget.setTabOrder(self.client, self.editors["occurred_on"].widget)

    def first_focus(self) -> QWidget:
        if self.client.is_anonymous():
            return self.client
        return self.editors["naloxone_kits"].widget

    def operation(self) -> str:
        return _tr("Saving the encounter")

    def store(self) -> int:
        if not self.client.is_anonymous() and self.client.client_id is None:
            self.client_error.setText(
                _tr("Choose the client from the list, or clear the box for an anonymous encounter")
            )
            self.client_error.show()
            raise ValidationFailed({"client": self.client_error.text()})
        self.client_error.hide()
        raw = {**self.raw_values(), "referrals": self.referrals.total()}
        db, user, today = self.ctx.database, self.ctx.user, self.ctx.today()
        if self.record is None:
            encounter_id = records.add_encounter(db, user, self.client.client_id, raw, today)
        else:
            r = self.record
            corrections.edit_encounter(db, user, today, r.id, r.version, raw)
            encounter_id = r.id
        EncounterFormView.last_area = str(raw.get("area") or "")
        self.ctx.notify("encounter", self.client.client_id or 0)
        return encounter_id


class AttemptFormView(FormView):
    """A contact attempt for one follow-up point (date, method, outcome, note)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _tr("Log a contact attempt"), parent)
        self.point: tuple[int, dt.date, int] | None = None  # client, intake date, months
        self.add_section(_tr("Attempt"), FOLLOWUP_ATTEMPT_FIELDS)
        for key in ("method", "outcome", "note"):  # the panel is narrow: use all of it
            self.editors[key].stretch()
        self.finish_layout()
        self.reset()
        self.set_point(None)

    def reset(self) -> None:
        self.load({"attempted_on": self.ctx.today()})
        self.show_errors({})

    def set_point(self, point: tuple[int, dt.date, int] | None) -> None:
        self.point = point
        self.setEnabled(point is not None)

    def operation(self) -> str:
        return _tr("Saving the contact attempt")

    def store(self) -> int:
        if self.point is None:
            raise ValidationFailed({"method": _tr("Choose a follow-up in the list first")})
        client_id, intake_on, months = self.point
        attempt_id = records.add_followup_attempt(
            self.ctx.database,
            self.ctx.user,
            client_id,
            intake_on,
            months,
            self.raw_values(),
            self.ctx.today(),
        )
        self.ctx.notify("followup_attempt", client_id)
        self.reset()
        return attempt_id

    def cancel(self) -> None:
        self.reset()
        self.discard()


class AttemptCorrectionView(FormView):
    """A saved contact attempt to correct, read back from the client's timeline: the same
    fields as the worklist's form, pre-filled; its follow-up point stays (an attempt logged
    against the wrong point or client is voided and logged again)."""

    def __init__(
        self,
        ctx: AppContext,
        client_label: str,
        record: RecordDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, _tr("Correct the contact attempt") + f" — {client_label}", parent)
        self.record = record
        self.add_section(_tr("Attempt"), FOLLOWUP_ATTEMPT_FIELDS)
        self.finish_layout()
        self.load(record.values)

    def operation(self) -> str:
        return _tr("Saving the contact attempt")

    def store(self) -> int:
        r = self.record
        corrections.edit_contact_attempt(
            self.ctx.database, self.ctx.user, self.ctx.today(), r.id, r.version, self.raw_values()
        )
        self.ctx.notify("followup_attempt", r.client_id or 0)
        return r.id
