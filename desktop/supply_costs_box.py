"""The unit costs of supplies on the Settings screen (administrators): one box per supply
the encounters record, typed as an amount of the agency's money, empty until entered.

The amounts are read and checked by forms/settings.py (`parse_cost`), which keeps them in
whole cents; an empty box is a cost not entered, which the monthly report says so."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from forms.settings import COST_KEYS, AgencySettings, cost_text


class SupplyCostsBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Unit costs of supplies"))
        self.setObjectName("supply_costs")
        captions = {
            "cost_naloxone_kit": self.tr("Naloxone k&it"),
            "cost_syringe": self.tr("S&yringe"),
            "cost_test_strip": self.tr("Test st&rip"),
            "cost_hiv_test": self.tr("HI&V test"),
            "cost_hcv_test": self.tr("H&CV test"),
        }
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "What one unit costs the agency, for the monthly report's stewardship "
                "section. Leave a box empty when the cost is not known: the report then "
                "says it was not entered."
            ),
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.editors: dict[str, QLineEdit] = {}
        for key in COST_KEYS:
            editor = QLineEdit(self)
            editor.setObjectName(key)
            editor.setPlaceholderText(self.tr("not entered"))
            editor.setMaxLength(12)
            label = QLabel(captions[key], self)
            label.setBuddy(editor)
            form.addRow(label, editor)
            self.editors[key] = editor
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 45)

    def load(self, settings: AgencySettings) -> None:
        for key, editor in self.editors.items():
            editor.setText(cost_text(getattr(settings, key)))

    def chosen(self) -> dict[str, object]:
        return {key: editor.text() for key, editor in self.editors.items()}
