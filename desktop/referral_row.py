"""The encounter form's referrals: one count per type in a single row (Tab moves along
it), and the total they add up to, shown and never typed."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from desktop.field_editors import FieldEditor
from desktop.translate import label
from forms.definitions import REFERRAL_SHORT_LABELS, REFERRAL_TYPE_FIELDS

PREFIX = "referrals_"


def _tr(text: str) -> str:
    return QCoreApplication.translate("referral_row", text)


class ReferralRowBox(QGroupBox):
    """The six referral types side by side; `editors` are handed to the form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Referrals made, by type"), parent)
        self.untyped = 0  # an encounter saved before the types were asked: its total
        self.editors: list[FieldEditor] = []
        grid = QGridLayout(self)
        for column, f in enumerate(REFERRAL_TYPE_FIELDS):
            editor = FieldEditor(f, f.key, self)
            editor.set_caption(label(REFERRAL_SHORT_LABELS[f.key.removeprefix(PREFIX)]))
            editor.changed.connect(self.show_total)
            grid.addWidget(editor.label, 0, column)
            grid.addWidget(editor.cell, 1, column)
            self.editors.append(editor)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("referrals_total")
        grid.addWidget(self.total_label, 1, len(REFERRAL_TYPE_FIELDS))
        grid.setColumnStretch(len(REFERRAL_TYPE_FIELDS), 1)

    def load(self, values: Mapping[str, object]) -> None:
        """Keep the total of a saved encounter whose referrals have no type."""
        typed = sum(_count(values.get(e.key)) for e in self.editors)
        self.untyped = 0 if typed else _count(values.get("referrals"))
        self.show_total()

    def total(self) -> int:
        """The sum of the types typed; without any, the saved total (0 for a new one)."""
        typed = sum(_count(e.raw()) for e in self.editors)
        return typed or self.untyped

    def show_total(self) -> None:
        if self.untyped and not any(_count(e.raw()) for e in self.editors):
            text = _tr("Total: {n} (type not recorded)")
        else:
            text = _tr("Total: {n}")
        self.total_label.setText(text.format(n=self.total()))


def _count(value: object) -> int:
    """A count as typed; what is not a whole number counts 0 here (the save names it)."""
    text = str(value if value is not None else "").strip()
    return int(text) if text.isdigit() else 0
