"""The two consent forms of the client page: record a consent the client signed, and record
that the client revoked one. Both are built from the field definitions in forms/ and save
through forms.consents, which checks, validates and audits."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop import client_text
from desktop.context import AppContext
from desktop.form_view import FormView
from desktop.translate import shown_date
from forms import consents
from forms.definitions import CONSENT_FIELDS, REVOKED_ON

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("consent_forms", text)


class ConsentFormView(FormView):
    """What the signed form allows, to whom, signed when, until when."""

    def __init__(
        self, ctx: AppContext, client_id: int, client_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _tr("Record consent") + f" — {client_label}", parent)
        self.client_id = client_id
        self.add_section(_tr("The signed consent form"), CONSENT_FIELDS)
        self.finish_layout()
        self.load({"signed_on": ctx.today()})

    def store(self) -> int:
        consent_id = consents.record_consent(
            self.ctx.database, self.ctx.user, self.client_id, self.raw_values(), self.ctx.today()
        )
        self.ctx.notify("consent", self.client_id)
        return consent_id


class RevokeConsentFormView(FormView):
    """The day the client revoked a consent (today unless the client wrote earlier)."""

    def __init__(
        self,
        ctx: AppContext,
        client_id: int,
        client_label: str,
        consent: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, _tr("Revoke consent") + f" — {client_label}", parent)
        self.client_id = client_id
        self.consent_id: int = consent.id
        self.about = QLabel(self._describe(consent), self.body)
        self.about.setObjectName("revoked_consent")
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.body_layout.addWidget(self.about)
        self.add_section(_tr("Revocation"), (REVOKED_ON,))
        self.finish_layout()
        self.load({REVOKED_ON.key: ctx.today()})

    @staticmethod
    def _describe(consent: Any) -> str:
        scope = client_text.code_label(client_text._CONSENT["scope"], consent.scope)
        what = f"{scope}: {consent.recipient}" if consent.recipient else scope
        return (
            _tr("The consent “%1”, signed on %2, covers nothing from the day below on.")
            .replace("%1", what)
            .replace("%2", shown_date(consent.signed_on))
        )

    def store(self) -> int:
        consents.revoke_consent(
            self.ctx.database, self.ctx.user, self.consent_id, self.raw_values(), self.ctx.today()
        )
        self.ctx.notify("consent", self.client_id)
        return self.consent_id
