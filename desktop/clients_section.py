"""The Clients section: the search list at the bottom, a client's page above it, and
the form being typed on top. Saving a form returns to the page, refreshed."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop import client_text as text
from desktop import dialogs, progress_summary_action, record_actions
from desktop.assessment_form import AssessmentFormView, kind_titles
from desktop.client_data import ClientGone, load_client_page
from desktop.client_form import ClientFormView
from desktop.client_model import ClientRow
from desktop.client_notes import ClientNotesPanel
from desktop.client_page import ClientPageView
from desktop.client_search_view import ClientSearchView
from desktop.consent_forms import ConsentFormView, RevokeConsentFormView
from desktop.context import AppContext
from desktop.form_view import FormView
from desktop.navigation import NavStack
from desktop.record_guards import person_of
from desktop.record_view import RecordView
from desktop.small_forms import AttemptCorrectionView, EncounterFormView, EventFormView
from forms.client_record import substances_last_told
from forms.record_detail import load_record
from forms.vocabulary import Permission, PermissionDenied

log = logging.getLogger(__name__)


class ClientsSection(NavStack):
    message = Signal(str)  # for the status bar

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.search = ClientSearchView(ctx)
        super().__init__(self.search, parent)
        self.ctx = ctx
        self.search.open_client.connect(self.open_client)
        self.search.new_client.connect(self.new_client)
        self.search.message.connect(self.message)
        ctx.changed.connect(self._refresh_pages)

    # -- pages ----------------------------------------------------------------------------
    def open_client(self, client_id: int) -> bool:
        """Show the client's page on top of the list (closing what was above, if allowed)."""
        if not self.back_to_root():
            return False
        page = self._page(client_id)
        if page is None:
            return False
        self.push(page)
        page.take_focus()
        return True

    def _page(self, client_id: int) -> ClientPageView | None:
        try:
            data = load_client_page(
                self.ctx.database,
                self.ctx.user,
                client_id,
                self.ctx.today(),
                self.ctx.settings.followup_months,
            )
        except ClientGone:
            dialogs.inform(
                self,
                self.tr("Client not found"),
                self.tr("This client was merged into another record or removed; search again."),
            )
            self.search.refresh()
            return None
        except PermissionDenied as exc:
            dialogs.warn(self, self.tr("Not allowed"), str(exc))
            return None
        view = ClientPageView(data)
        view.back.connect(self._back)
        view.edit_client.connect(lambda: self.edit_client(view))
        view.new_assessment.connect(lambda kind: self.new_assessment(view, kind))
        view.new_event.connect(lambda: self.new_event(view))
        view.new_encounter.connect(lambda: self.new_encounter(view.client_row()))
        view.record_consent.connect(lambda: self.record_consent(view))
        view.revoke_consent.connect(lambda consent_id: self.revoke_consent(view, consent_id))
        view.open_record.connect(lambda kind, rid: self.open_record(view, kind, rid))
        view.erase_button.setVisible(self.ctx.user.can(Permission.ERASE_CLIENTS))
        view.erase_client.connect(lambda: self.erase_client(view))
        notes = ClientNotesPanel(self.ctx, client_id)
        notes.attach_to(view)
        notes.message.connect(self.message)
        view.progress_summary.connect(lambda: self.save_progress_summary(view))
        return view

    def save_progress_summary(self, page: ClientPageView) -> None:
        code = str(page.page.values["client_code"])
        path = progress_summary_action.save_progress_summary(page, self.ctx, code)
        if path is not None:
            self.message.emit(self.tr("Progress summary saved: %1").replace("%1", path.name))

    def erase_client(self, page: ClientPageView) -> bool:
        code = str(page.page.values["client_code"])
        if not record_actions.erase(page, self.ctx, code):
            return False
        self.back_to_root()
        self.ctx.notify("client", 0)
        self.search.refresh()
        self.message.emit(self.tr("Client %1 erased.").replace("%1", code))
        return True

    # -- a record read back (desktop/record_view.py) -------------------------------------
    def open_record(self, page: ClientPageView, kind: str, record_id: int) -> RecordView | None:
        detail = load_record(self.ctx.database, self.ctx.user, kind, record_id)
        if detail is None:
            dialogs.inform(self, self.tr("Not found"), self.tr("This record no longer exists."))
            return None
        when, what, _ = next(
            (
                r
                for k, r in zip(page.timeline_keys, text.timeline_rows(page.page), strict=True)
                if k[:2] == (kind, record_id)
            ),
            ("", "", ""),
        )
        view = RecordView(detail, f"{what} {when} — {page.heading.text()}")
        view.back.connect(lambda: self.pop(view))
        view.edit.connect(lambda: self._edit_record(page, view))
        view.void.connect(
            lambda: self._after(
                view, record_actions.void(view, self.ctx, detail), self.tr("Record voided.")
            )
        )
        view.restore.connect(
            lambda: self._after(
                view, record_actions.restore(view, self.ctx, detail), self.tr("Record restored.")
            )
        )
        self.push(view)
        view.take_focus()
        return view

    def _after(self, view: RecordView, changed: bool, done: str) -> None:
        if changed:
            self.pop(view)
            self.message.emit(done)

    def _edit_record(self, page: ClientPageView, view: RecordView) -> FormView | None:
        detail, label = view.detail, page.heading.text()
        person = person_of(page.page.values)
        form: FormView
        if detail.kind == "assessment":
            kind = str(detail.values["kind"])
            assessment = AssessmentFormView(self.ctx, page.client_id, label, kind, record=detail)
            assessment.person = person
            form = assessment
        elif detail.kind == "event":
            event = EventFormView(self.ctx, page.client_id, label, record=detail)
            event.person = person
            form = event
        elif detail.kind == "encounter":
            form = EncounterFormView(self.ctx, page.client_row(), record=detail)
        else:
            tried = next(t for t in page.page.attempts if t.id == detail.id)
            form = AttemptCorrectionView(self.ctx, f"{text.attempt_point(tried)} — {label}", detail)
        self.pop(view)
        return self._push_form(form, self.tr("Correction saved."))

    def _back(self) -> None:
        if self.back_to_root():
            self.search.focus_search()

    def current_client(self) -> ClientRow | None:
        page = self.topmost(ClientPageView)
        return page.client_row() if isinstance(page, ClientPageView) else None

    def _refresh_pages(self, entity: str, client_id: int) -> None:
        if entity == "settings":
            client_id = 0
        for view in self.views:
            if isinstance(view, ClientPageView) and client_id in (0, view.client_id):
                try:
                    view.show_page(
                        load_client_page(
                            self.ctx.database,
                            self.ctx.user,
                            view.client_id,
                            self.ctx.today(),
                            self.ctx.settings.followup_months,
                        )
                    )
                except ClientGone:
                    log.info("client %s gone while its page was open", view.client_id)

    # -- forms ----------------------------------------------------------------------------
    def _push_form(self, form: FormView, done: str) -> FormView:
        form.closed.connect(lambda: self.pop(form))
        form.saved.connect(lambda _id: self._saved(form, done))
        self.push(form)
        return form

    def _saved(self, form: FormView, done: str) -> None:
        self.pop(form)
        self.message.emit(done)

    def new_client(self) -> ClientFormView | None:
        if not self.back_to_root():
            return None
        form = ClientFormView(self.ctx)
        form.closed.connect(lambda: self.pop(form))
        form.saved.connect(lambda client_id: self._registered(form, client_id))
        form.open_existing.connect(lambda client_id: self._open_existing(form, client_id))
        self.push(form)
        return form

    def _registered(self, form: ClientFormView, client_id: int) -> None:
        page = self._page(client_id)
        if page is None:
            self.pop(form)
            return
        self.replace_top(page)
        page.take_focus()
        self.message.emit(self.tr("Client registered."))

    def _open_existing(self, form: ClientFormView, client_id: int) -> None:
        self.pop(form)
        self.open_client(client_id)

    def edit_client(self, page: ClientPageView) -> FormView:
        form = ClientFormView(self.ctx, page.client_id, page.page.version, page.page.values)
        return self._push_form(form, self.tr("Client details saved."))

    def new_assessment(self, page: ClientPageView, kind: str) -> FormView:
        last_told = (
            ()
            if kind == "intake"
            else substances_last_told(page.page.assessments, page.page.substances)
        )
        form = AssessmentFormView(
            self.ctx, page.client_id, page.heading.text(), kind, last_told=last_told
        )
        form.person = person_of(page.page.values)
        return self._push_form(form, self.tr("%1 saved.").replace("%1", kind_titles()[kind]))

    def new_event(self, page: ClientPageView) -> FormView:
        form = EventFormView(self.ctx, page.client_id, page.heading.text())
        form.person = person_of(page.page.values)
        return self._push_form(form, self.tr("Event saved."))

    def new_encounter(self, client: ClientRow | None) -> FormView:
        form = EncounterFormView(self.ctx, client)
        return self._push_form(form, self.tr("Encounter saved. Ctrl+E for the next one."))

    def record_consent(self, page: ClientPageView) -> FormView:
        form = ConsentFormView(self.ctx, page.client_id, page.heading.text())
        return self._push_form(form, self.tr("Consent recorded."))

    def revoke_consent(self, page: ClientPageView, consent_id: int) -> FormView | None:
        consent = next((c for c in page.page.consents if c.id == consent_id), None)
        if consent is None:
            return None
        form = RevokeConsentFormView(self.ctx, page.client_id, page.heading.text(), consent)
        return self._push_form(form, self.tr("Consent revoked."))
