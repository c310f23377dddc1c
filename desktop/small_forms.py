"""The short forms: a dated event, a quick encounter, a follow-up contact attempt."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from desktop.client_model import ClientRow
from desktop.client_picker import ClientPickerEdit
from desktop.context import AppContext
from desktop.field_editors import ERROR_STYLE
from desktop.form_view import FormView
from forms import records
from forms.definitions import ENCOUNTER_FIELDS, EVENT_FIELDS, FOLLOWUP_ATTEMPT_FIELDS
from forms.validation import ValidationFailed

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("small_forms", text)


class EventFormView(FormView):
    def __init__(
        self, ctx: AppContext, client_id: int, client_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _tr("Event") + f" — {client_label}", parent)
        self.client_id = client_id
        self.add_section(_tr("What happened"), EVENT_FIELDS)
        self.finish_layout()
        self.load({"occurred_on": ctx.today()})

    def operation(self) -> str:
        return _tr("Saving the event")

    def store(self) -> int:
        event_id = records.add_event(
            self.ctx.database, self.ctx.user, self.client_id, self.raw_values(), self.ctx.today()
        )
        self.ctx.notify("event", self.client_id)
        return event_id


class EncounterFormView(FormView):
    """Client or anonymous, area, what was handed out or done: done in seconds."""

    last_area = ""  # the area of the previous encounter at this workstation, offered again

    def __init__(
        self, ctx: AppContext, client: ClientRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _tr("Quick encounter"), parent)
        self._build_ui(client)
        self.load({"occurred_on": ctx.today(), "area": EncounterFormView.last_area})

    def _build_ui(self, client: ClientRow | None) -> None:
        who = QGroupBox(_tr("Who"), self.body)
        layout = QFormLayout(who)
        self.client = ClientPickerEdit(self.ctx, who)
        self.client.set_client(client)
        self.client.textEdited.connect(self.mark_dirty)
        client_label = QLabel(_tr("&Client"), who)
        client_label.setBuddy(self.client)
        self.client_error = QLabel(who)
        self.client_error.setStyleSheet(ERROR_STYLE)
        self.client_error.hide()
        layout.addRow(client_label, self.client)
        layout.addRow("", self.client_error)
        self.body_layout.addWidget(who)
        self.add_section(_tr("When and where"), ENCOUNTER_FIELDS[:2])
        self.add_section(_tr("Given, done or reported"), ENCOUNTER_FIELDS[2:])
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
        raw = self.raw_values()
        encounter_id = records.add_encounter(
            self.ctx.database, self.ctx.user, self.client.client_id, raw, self.ctx.today()
        )
        EncounterFormView.last_area = str(raw.get("area") or "")
        self.ctx.notify("encounter", self.client.client_id or 0)
        return encounter_id


class AttemptFormView(FormView):
    """A contact attempt for one follow-up point (date, method, outcome, note)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _tr("Log a contact attempt"), parent)
        self.point: tuple[int, dt.date, int] | None = None  # client, intake date, months
        self.add_section(_tr("Attempt"), FOLLOWUP_ATTEMPT_FIELDS)
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
