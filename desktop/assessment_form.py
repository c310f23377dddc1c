"""Intake, follow-up and discharge forms, built from forms.definitions.

Sections appear only when they apply: the answers only for a completed
interview, "taken as prescribed" only when a medication is named, earlier
recovery attempts only at intake. Hidden fields are sent as empty.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop.context import AppContext
from desktop.form_view import FormView, NotSaved
from desktop.record_guards import Person, assessment_consequence, confirmed
from desktop.substance_editor import PREFIX, SubstanceListEditor
from desktop.translate import label
from forms import corrections, records
from forms.client_record import SubstanceEntry
from forms.definitions import (
    ASSESSMENT_FIELDS,
    ASSESSMENT_KEYS_BY_KIND,
    BARC10_KEYS,
    BARC10_SCALE,
    BARC10_STATEMENTS,
    DISCHARGE_KEYS,
)
from forms.record_detail import RecordDetail
from forms.validation import ValidationFailed, validate_assessment
from forms.vocabulary import codes

log = logging.getLogger(__name__)

INTERVIEW_KEYS = ("assessed_on", "kind", "contact_status")
COMPLETED = "completed"
DECEASED = "deceased"
NO_MEDICATION = (None, "none")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AssessmentFormView", text)


def section_titles() -> dict[str, str]:
    return {
        "use": _tr("Use"),
        "last28": _tr("The past 28 days"),
        "health": _tr("Health, the client's own rating (0 poor – 20 good)"),
        "medication": _tr("Medication and setting"),
        "barc10": _tr("BARC-10 (optional: answer all ten items or none)"),
        "goal": _tr("Goals"),
    }


def kind_titles() -> dict[str, str]:
    return {"intake": _tr("Intake"), "follow_up": _tr("Follow-up"), "discharge": _tr("Discharge")}


class AssessmentFormView(FormView):
    def __init__(
        self,
        ctx: AppContext,
        client_id: int,
        client_label: str,
        kind: str,
        parent: QWidget | None = None,
        record: RecordDetail | None = None,
        last_told: Sequence[SubstanceEntry] = (),
    ) -> None:
        """A new assessment of `kind`; with `record`, that saved assessment to correct."""
        title = (
            kind_titles()[kind]
            if record is None
            else _tr("Correct the %1").replace("%1", kind_titles()[kind].lower())
        )
        super().__init__(ctx, f"{title} — {client_label}", parent)
        self.client_id = client_id
        self.person = Person(client_label)  # the client page sets the name as said
        self.kind = kind
        self.record = record
        self._build_ui()
        self._connect_signals()
        if record is None:
            self.substances.start_from(last_told)
            self.editors["assessed_on"].set_value(ctx.today())
            self.editors["kind"].set_value(kind)
            self.editors["contact_status"].set_value(COMPLETED)
        else:
            self._load_record(record)
        self._update_sections()
        self._dirty = False

    def _load_record(self, record: RecordDetail) -> None:
        self.load(record.values)
        while len(self.substances.rows) < len(record.substances):
            self.substances.add_row()
        for editors, row in zip(self.substances.rows, record.substances, strict=False):
            for key, editor in editors.items():
                editor.set_value(row.get(key))

    def _build_ui(self) -> None:
        by_section: dict[str, list] = {}
        for f in ASSESSMENT_FIELDS:
            if f.key not in INTERVIEW_KEYS:
                by_section.setdefault(f.section, []).append(f)
        self.add_section(
            _tr("Interview"), [f for f in ASSESSMENT_FIELDS if f.key in INTERVIEW_KEYS]
        )
        self.discharge_box = self.add_section(_tr("Discharge"), by_section["discharge"])
        self.death_hint = QLabel(
            _tr(
                "A death is recorded as contact “Deceased”: Contact is set to it, and saving "
                "asks you to confirm that the client leaves every follow-up list."
            ),
            self.discharge_box,
        )
        self.death_hint.setObjectName("death_hint")
        self.death_hint.setWordWrap(True)
        layout = self.discharge_box.layout()
        assert isinstance(layout, QFormLayout)
        layout.addRow(self.death_hint)
        self.answer_boxes = [
            self.add_section(title, by_section[key]) for key, title in section_titles().items()
        ]
        self._print_barc10_statements()
        self.substances = SubstanceListEditor(self.add_editor, self.body)
        self.body_layout.addWidget(self.substances)
        self.answer_boxes.append(self.substances)
        self.substances.add_row()
        self.finish_layout()

    def _print_barc10_statements(self) -> None:
        """Each item reads as its statement, under the scale the client answers on."""
        box = self.editors[BARC10_KEYS[0]].label.parentWidget()
        layout = box.layout() if box is not None else None
        assert isinstance(layout, QFormLayout)
        scale = QLabel(label(BARC10_SCALE), box)
        scale.setObjectName("barc10_scale")
        scale.setWordWrap(True)
        layout.insertRow(0, scale)
        for number, (key, statement) in enumerate(
            zip(BARC10_KEYS, BARC10_STATEMENTS, strict=True), start=1
        ):
            editor = self.editors[key]
            # Unwrapped: a wrapped label in a form row is squeezed to a few words a line.
            editor.set_caption(f"{number}. {label(statement)}")
            editor.widget.setAccessibleName(f"BARC-10 {number}: {label(statement)}")

    def _connect_signals(self) -> None:
        for key in ("contact_status", "medication", "kind", "discharge_reason"):
            self.editors[key].changed.connect(self._update_sections)
        self.editors["discharge_reason"].changed.connect(self._on_reason)
        self.substances.rows_changed.connect(self.chain_tab_order)
        self.substances.rows_changed.connect(self.mark_dirty)

    def extra_tab_stops(self) -> list[QWidget]:
        return [self.substances.add_button]

    def _on_reason(self) -> None:
        """A death is one fact: choosing it as the reason sets the contact to match."""
        contact = self.editors["contact_status"]
        if self.editors["discharge_reason"].raw() == codes.DISCHARGE_DIED:
            contact.set_value(DECEASED)
            self._update_sections()

    def _update_sections(self) -> None:
        completed = self.editors["contact_status"].raw() == COMPLETED
        for box in self.answer_boxes:
            box.setVisible(completed)
        kind = self.editors["kind"].raw() or self.kind
        self.discharge_box.setVisible(kind == "discharge")
        died = self.editors["discharge_reason"].raw() == codes.DISCHARGE_DIED
        self.death_hint.setVisible(died)
        allowed = ASSESSMENT_KEYS_BY_KIND.get(str(kind), ASSESSMENT_KEYS_BY_KIND["intake"])
        self.editors["prior_recovery_attempts"].set_shown("prior_recovery_attempts" in allowed)
        medication = self.editors["medication"].raw()
        self.editors["medication_as_prescribed"].set_shown(medication not in NO_MEDICATION)

    def raw_values(self, keys: object = None) -> dict[str, object]:
        """Only what is on screen: a hidden section's answers are not sent."""
        completed = self.editors["contact_status"].raw() == COMPLETED
        discharge = self.discharge_box.isVisibleTo(self)
        return {
            f.key: self.editors[f.key].raw()
            for f in ASSESSMENT_FIELDS
            if self.editors[f.key].is_shown()
            and (completed or f.key in INTERVIEW_KEYS or f.key in DISCHARGE_KEYS)
            and (discharge or f.key not in DISCHARGE_KEYS)
        }

    def operation(self) -> str:
        return {
            "intake": _tr("Saving the intake"),
            "follow_up": _tr("Saving the follow-up"),
            "discharge": _tr("Saving the discharge"),
        }.get(self.kind, _tr("Saving the assessment"))

    def store(self) -> int:
        raw = self.raw_values()
        completed = raw.get("contact_status") == COMPLETED
        substances = self.substances.values() if completed else []
        before = self.record.values if self.record else {}
        already = before and assessment_consequence(before, self.person)
        consequence = None if already else assessment_consequence(raw, self.person)
        if consequence is not None:
            self._check_before_asking(raw, substances)
        if not confirmed(self, consequence):
            raise NotSaved()
        try:
            assessment_id = self._write(raw, substances)
        except ValidationFailed as exc:
            raise ValidationFailed(self._on_screen(exc.errors)) from exc
        self.ctx.notify("assessment", self.client_id)
        return assessment_id

    def _check_before_asking(
        self, raw: dict[str, object], substances: list[dict[str, object]]
    ) -> None:
        """The form's own checks come before "Discharges … Save / Go back": confirmed first,
        a discharge without its ratings was then refused, and the worker confirmed twice.
        The birth date is left to the save, which reads it with the client."""
        new_discharge = self.record is None and raw.get("kind") == "discharge"
        result = validate_assessment(
            raw, substances, dt.date.min, self.ctx.today(), reason_required=new_discharge
        )
        if not result.ok:
            raise ValidationFailed(self._on_screen(result.errors))

    def _write(self, raw: dict[str, object], substances: list[dict[str, object]]) -> int:
        db, user, today = self.ctx.database, self.ctx.user, self.ctx.today()
        if self.record is None and raw.get("kind") == "discharge":
            return records.add_discharge(db, user, self.client_id, raw, substances, today)
        if self.record is None:
            return records.add_assessment(db, user, self.client_id, raw, substances, today)
        r = self.record
        corrections.edit_assessment(db, user, today, r.id, r.version, raw, substances)
        return r.id

    def _on_screen(self, errors: Mapping[str, str]) -> dict[str, str]:
        return {self.substances.screen_key(k): v for k, v in errors.items()}

    def show_errors(self, errors: Mapping[str, str]) -> None:
        super().show_errors(errors)
        self.substances.set_error(errors.get(PREFIX))
