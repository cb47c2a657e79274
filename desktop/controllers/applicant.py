"""申请人: live credit-code check, finding an applicant on record, the SME helper.

Every check is core's: ``validate_credit_code`` for the code (its Chinese reason is shown as
typed), ``find_applicant`` for a code on record, the case list's search for names.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, Any

from desktop.models.applicant_completer_model import (
    CREDIT_CODE_ROLE,
    ApplicantCompleterModel,
)
from desktop.qt import (
    QCompleter,
    QLabel,
    QLineEdit,
    QModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
    QWidget,
    Signal,
    from_qdate,
    qconnect,
    to_qdate,
)
from desktop.views.applicant_view import ApplicantView
from desktop.views.fact_form_view import ERROR_STYLE, OK_STYLE, WARN_STYLE

if TYPE_CHECKING:
    from core.records.case_model import ApplicantInfo
    from desktop.context import DeskContext

LOOKUP_DELAY_MS = 150
# The 申请表 text fields, in the order of ApplicantForm (core.records.case_model).
TEXT_FIELDS = (
    "name",
    "address",
    "handler",
    "handler_phone",
    "patent_agency",
    "patent_attorney",
    "attorney_phone",
    "account_name",
    "bank",
    "account_number",
    "bank_code",
)


class ApplicantPanel(ApplicantView):
    """``changed`` on every edit; ``found(ApplicantInfo)`` when an applicant on record is used."""

    changed = Signal()
    found_applicant = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.engine.inputs import SIZE_LABELS, SIZES
        from core.policy.model import ApplicantKind

        self.context = context
        self.applicant_id: int | None = None
        self.applicant_version: int | None = None
        for kind in ApplicantKind:
            self.kind.addItem(kind.label, kind.value)
        self.size_combo.addItem(self.tr("Not classified"), None)
        for size in SIZES:
            self.size_combo.addItem(SIZE_LABELS[size], size)
        self.edits: dict[str, QLineEdit] = {
            "name": self.name,
            "credit_code": self.credit_code,
            "address": self.address,
            "handler": self.handler,
            "handler_phone": self.handler_phone,
            "patent_agency": self.patent_agency,
            "patent_attorney": self.patent_attorney,
            "attorney_phone": self.attorney_phone,
            "account_name": self.account_name,
            "bank": self.bank,
            "account_number": self.account_number,
            "bank_code": self.bank_code,
            "agent_name": self.agent_name,
        }
        for edit in self.edits.values():
            qconnect(edit.textChanged, self._edited)
            qconnect(edit.editingFinished, self._check_printable)
        buddies = {label.buddy(): label.text() for label in self.findChildren(QLabel)}
        self._labels = {
            key: buddies.get(edit, key).replace("&", "").rstrip(":：")
            for key, edit in self.edits.items()
        }
        qconnect(self.kind.currentIndexChanged, self._edited)
        qconnect(self.size_combo.currentIndexChanged, self._edited)
        qconnect(self.received_on.dateChanged, self._edited)
        qconnect(self.received_on.dateChanged, self._check_received)
        qconnect(self.filed_by_agent.toggled, self._agent_toggled)
        qconnect(self.credit_code.textChanged, self._check_credit_code)
        qconnect(self.credit_code.editingFinished, self._look_up_code)
        qconnect(self.sme_button.clicked, self.open_sme_helper)

        self.completer_model = ApplicantCompleterModel(context.db, self)
        self.completer = QCompleter(self.completer_model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.name.setCompleter(self.completer)
        qconnect(self.completer.activated[QModelIndex], self._completed)  # type: ignore[index]
        self.name_timer = QTimer(self)
        self.name_timer.setSingleShot(True)
        self.name_timer.setInterval(LOOKUP_DELAY_MS)
        qconnect(self.name_timer.timeout, self._look_up_name)
        qconnect(self.name.textEdited, lambda _: self.name_timer.start())
        self._set_tab_order()
        self._agent_toggled(False, emit=False)
        self._check_credit_code(self.credit_code.text())
        self._check_received()

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.received_on,
            self.filed_by_agent,
            self.agent_name,
            self.credit_code,
            self.name,
            self.kind,
            self.size_combo,
            self.sme_button,
            self.address,
            self.handler,
            self.handler_phone,
            self.patent_agency,
            self.patent_attorney,
            self.attorney_phone,
            self.account_name,
            self.bank,
            self.account_number,
            self.bank_code,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- values ----------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The applicant's 申请表 fields (ApplicantForm names, flags excluded)."""
        result: dict[str, Any] = {name: self.edits[name].text().strip() for name in TEXT_FIELDS}
        result["credit_code"] = self.credit_code.text().strip()
        result["kind"] = self.kind.currentData()
        result["size"] = self.size_combo.currentData()
        return result

    def case_values(self) -> dict[str, Any]:
        date = self.received_on.date()
        return {
            "received_on": from_qdate(date).isoformat(),
            "filed_by_agent": self.filed_by_agent.isChecked(),
            "agent_name": self.agent_name.text().strip(),
        }

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill the fields (from the database, a draft or an applicant on record)."""
        blockers = [QSignalBlocker(w) for w in (*self.edits.values(), self.kind, self.size_combo)]
        for name in (*TEXT_FIELDS, "credit_code"):
            if name in values:
                self.edits[name].setText(str(values[name] or ""))
        if "kind" in values:
            self.kind.setCurrentIndex(max(self.kind.findData(values["kind"]), 0))
        if "size" in values:
            index = self.size_combo.findData(values["size"]) if values["size"] else 0
            self.size_combo.setCurrentIndex(max(index, 0))
        del blockers
        self._check_credit_code(self.credit_code.text())

    def set_case_values(self, values: dict[str, Any]) -> None:
        with QSignalBlocker(self.received_on), QSignalBlocker(self.filed_by_agent):
            if values.get("received_on"):
                day = dt.date.fromisoformat(str(values["received_on"]))
                self.received_on.setDate(to_qdate(day))
            self.filed_by_agent.setChecked(bool(values.get("filed_by_agent")))
        with QSignalBlocker(self.agent_name):
            self.agent_name.setText(str(values.get("agent_name") or ""))
        self._agent_toggled(self.filed_by_agent.isChecked(), emit=False)

    def set_identity_locked(self, locked: bool) -> None:
        """An applicant on record is keyed by its credit code: it cannot change on a case."""
        self.credit_code.setReadOnly(locked)
        if locked:
            self.credit_code.setToolTip(
                self.tr("The credit code identifies the applicant and cannot be changed here.")
            )

    def set_editable(self, editable: bool) -> None:
        for widget in (*self.edits.values(), self.kind, self.size_combo, self.sme_button):
            widget.setEnabled(editable)
        self.received_on.setEnabled(editable)
        self.filed_by_agent.setEnabled(editable)
        self.agent_name.setEnabled(editable and self.filed_by_agent.isChecked())

    # -- live checks -----------------------------------------------------------------------

    def _edited(self, *_: object) -> None:
        self.changed.emit()

    def _check_received(self, *_: object) -> None:
        """Core's warning for a 受理日期 after the deadline, shown as the date is set."""
        from core.engine.rules import received_warning

        warning = received_warning(self.context.policy, from_qdate(self.received_on.date()))
        self.received_status.setText(f"⚠ {warning}" if warning else "")
        self.received_status.setStyleSheet(WARN_STYLE if warning else "")

    def _check_printable(self) -> None:
        """Name the characters of any field that no shipped font can print (issue 20 §19)."""
        from core.documents.fonts import unprintable_chars

        problems = []
        for key, edit in self.edits.items():
            chars = unprintable_chars(edit.text()) if edit.text() else ""
            if chars:
                label = self._labels.get(key, key)
                problems.append(self.tr("%1: 「%2」").replace("%1", label).replace("%2", chars))
        if problems:
            self.unprintable_status.setText(
                self.tr(
                    "Cannot be printed (no font has these characters; the form would show an "
                    "empty box): %1. Check against the original; write them in by hand on the "
                    "printed form."
                ).replace("%1", "；".join(problems))
            )
            self.unprintable_status.setStyleSheet(WARN_STYLE)
        self.unprintable_status.setVisible(bool(problems))

    def _agent_toggled(self, on: bool, emit: bool = True) -> None:
        self.agent_name.setEnabled(on and self.filed_by_agent.isEnabled())
        if emit:
            self.changed.emit()

    def credit_code_problem(self) -> str | None:
        from core.identifiers import IdentifierError, validate_credit_code

        try:
            validate_credit_code(self.credit_code.text())
        except IdentifierError as exc:
            return str(exc)
        return None

    def _check_credit_code(self, text: str) -> None:
        if not text.strip():
            self.credit_code_status.setText(self.tr("Required"))
            self.credit_code_status.setStyleSheet(WARN_STYLE)
            return
        problem = self.credit_code_problem()
        if problem:
            self.credit_code_status.setText(problem)
            self.credit_code_status.setStyleSheet(ERROR_STYLE)
        else:
            self.credit_code_status.setText(self.tr("✓ Credit code is valid"))
            self.credit_code_status.setStyleSheet(OK_STYLE)

    # -- applicants on record ----------------------------------------------------------------

    def _look_up_code(self) -> None:
        if self.credit_code.isReadOnly() or self.credit_code_problem():
            return
        from core.records.case_queries import find_applicant

        info = find_applicant(self.context.db, self.credit_code.text())
        if info is not None and info.id != self.applicant_id:
            self.use_applicant(info)

    def _look_up_name(self) -> None:
        if self.credit_code.isReadOnly():
            return
        self.completer_model.lookup(self.name.text())
        if self.completer_model.rowCount():
            self.completer.complete()

    def _completed(self, index: QModelIndex) -> None:
        from core.records.case_queries import find_applicant

        code = self.completer.completionModel().data(index, CREDIT_CODE_ROLE)
        if isinstance(code, str):
            info = find_applicant(self.context.db, code)
            if info is not None:
                self.use_applicant(info)

    def use_applicant(self, info: ApplicantInfo) -> None:
        """Fill the form from the applicant on record (the clerk checks it against the paper)."""
        import dataclasses

        form = dataclasses.asdict(info.form)
        self.set_values(form)
        self.applicant_id = info.id
        self.applicant_version = info.version
        self.found.setText(
            self.tr(
                "Found on record: %1. Its details were filled in; check them against the paper."
            ).replace("%1", info.name)
        )
        self.found.setStyleSheet(OK_STYLE)
        self.identity_form.setRowVisible(self.found, True)
        self.found_applicant.emit(info)
        self.changed.emit()

    def open_sme_helper(self) -> None:
        from desktop.controllers.sme import SmeDialog

        dialog = SmeDialog(self)
        qconnect(dialog.size_chosen, self._size_chosen)
        dialog.open()

    def _size_chosen(self, size: str) -> None:
        self.size_combo.setCurrentIndex(max(self.size_combo.findData(size), 0))
