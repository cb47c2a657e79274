"""资助事项: add claims from the policy's items, each with a form built from its facts.

The list of items, each form's rows and every check come from the policy and core. A patent
that is claimed in another live case is shown with a link that opens that case; the lookup
is core's case search (which reads a patent number as such).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from desktop.controllers.fact_form import DateCheck, FactForm
from desktop.models.claims_model import ClaimsModel
from desktop.qt import (
    QEvent,
    QItemSelectionModel,
    QKeyEvent,
    QObject,
    Qt,
    QWidget,
    Signal,
    qconnect,
)
from desktop.views.claims_view import ClaimsView

if TYPE_CHECKING:
    from core.engine.results import ClaimResult
    from core.records.queries import CaseRow
    from desktop.context import DeskContext

CASE_LINK = "case:"


class ClaimsPanel(ClaimsView):
    """``changed`` on any edit, add or removal; ``open_case_requested(id)`` from a link."""

    changed = Signal()
    open_case_requested = Signal(int)
    form_added = Signal(object)  # FactForm, so the window can watch its fields

    def __init__(
        self,
        context: DeskContext,
        *,
        date_check: DateCheck | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.policy = context.policy
        self.date_check = date_check
        self.case_id: int | None = None
        self.reviewer_facts_editable = context.has_role("supervisor")
        self.editable = True
        self.model = ClaimsModel(self.policy, self)
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 150)
        self.table.setColumnWidth(1, 86)
        self.table.setColumnWidth(2, 150)
        self.forms_by_row: list[FactForm] = []
        for item in self.policy.items.values():
            self.item_choice.addItem(f"{item.name}（{item.category}）", item.code)
        qconnect(self.add_button.clicked, lambda: self.add_claim(self.item_choice.currentData()))
        qconnect(self.remove_button.clicked, self.remove_current)
        qconnect(self.table.selectionModel().currentRowChanged, self._row_changed)
        qconnect(self.duplicates.linkActivated, self._link)
        self.table.installEventFilter(self)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Tab from the claims table goes into the selected claim's form, to its first field:
        # the forms are built after the table, so Qt's focus chain would put them last and
        # focus would seem to vanish (issue 20 §7).
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            form = self.current_form()
            if form is not None:
                form.first_editor().setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    # -- claims ------------------------------------------------------------------------------

    def add_claim(self, item_code: str, values: dict[str, Any] | None = None) -> FactForm:
        item = self.policy.item(item_code)
        form = FactForm(
            self.policy,
            item,
            reviewer_facts_editable=self.reviewer_facts_editable,
            date_check=self.date_check,
        )
        if values:
            form.set_values(values)
        form.set_editable(self.editable, self.reviewer_facts_editable)
        self.forms.addWidget(form)
        self.forms_by_row.append(form)
        row = self.model.append(form.values())
        qconnect(form.changed, lambda f=form: self._form_changed(f))
        self.form_added.emit(form)
        self.select_row(row)
        if values is None:
            form.first_editor().setFocus()
            self.changed.emit()
        self._update_buttons()
        return form

    def remove_current(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.forms_by_row):
            return
        form = self.forms_by_row.pop(row)
        self.forms.removeWidget(form)
        form.deleteLater()
        self.model.remove(row)
        self.select_row(min(row, len(self.forms_by_row) - 1))
        self._update_buttons()
        self.changed.emit()

    def set_claims(self, claims: list[dict[str, Any]]) -> None:
        for form in self.forms_by_row:
            self.forms.removeWidget(form)
            form.deleteLater()
        self.forms_by_row = []
        self.model.set_claims([])
        for values in claims:
            self.add_claim(str(values["item"]), values)
        self.select_row(0 if claims else -1)
        self._update_buttons()

    def claims(self) -> list[dict[str, Any]]:
        """Every claim in the calc contract's form (``item``, ``date``, facts)."""
        return [form.values() for form in self.forms_by_row]

    def problems(self) -> dict[str, str]:
        """``claims[i].fact`` → core's reason, for every field that cannot be used."""
        found: dict[str, str] = {}
        for i, form in enumerate(self.forms_by_row):
            for name, problem in form.problems().items():
                found[f"claims[{i}].{name}"] = problem
        return found

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.forms.setCurrentWidget(self.forms_by_row[row])
        else:
            self.forms.setCurrentWidget(self.empty)

    def current_form(self) -> FactForm | None:
        row = self.table.currentIndex().row()
        return self.forms_by_row[row] if 0 <= row < len(self.forms_by_row) else None

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for form in self.forms_by_row:
            form.set_editable(editable, self.reviewer_facts_editable)
        self._update_buttons()

    def _row_changed(self, current: Any, previous: Any) -> None:
        row = current.row()
        if 0 <= row < len(self.forms_by_row):
            self.forms.setCurrentWidget(self.forms_by_row[row])
        self._update_buttons()

    def _form_changed(self, form: FactForm) -> None:
        row = self.forms_by_row.index(form)
        self.model.update_values(row, form.values())
        self.changed.emit()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.editable)
        self.item_choice.setEnabled(self.editable)
        self.remove_button.setEnabled(self.editable and self.current_form() is not None)

    # -- results and duplicates ----------------------------------------------------------------

    def set_results(self, results: list[ClaimResult] | None) -> None:
        self.model.set_results(results)
        for row, form in enumerate(self.forms_by_row):
            form.show_assessment(
                results[row] if results is not None and row < len(results) else None
            )

    def check_duplicates(self) -> None:
        """Look up every patent of these claims in the other live cases (core's search)."""
        from core.identifiers import IdentifierError, parse_patent_number
        from core.records.queries import CaseFilters, list_cases
        from core.records.states import AWARDED_STATUSES, OPEN_STATUSES

        live = tuple(sorted(OPEN_STATUSES | AWARDED_STATUSES))
        found: list[tuple[int, str, CaseRow]] = []
        rows: set[int] = set()
        for row, values in enumerate(self.claims()):
            text = values.get("patent")
            if not isinstance(text, str):
                continue
            try:
                patent = parse_patent_number(text).normalized
            except IdentifierError:
                continue
            page = list_cases(
                self.context.db,
                CaseFilters(statuses=live, search=patent),
                limit=20,
                with_counts=False,
            )
            for case in page.rows:
                if case.id != self.case_id:
                    found.append((row, patent, case))
                    rows.add(row)
        self.model.set_duplicates(rows)
        if not found:
            self.duplicates.clear()
            return
        lines = []
        for row, patent, case in found:
            lines.append(
                self.tr("⚠ Item %1: patent %2 is also claimed in case %3 (%4, %5).")
                .replace("%1", str(row + 1))
                .replace("%2", html.escape(patent))
                .replace(
                    "%3",
                    f'<a href="{CASE_LINK}{case.id}">{html.escape(case.case_number)}</a>',
                )
                .replace("%4", html.escape(case.applicant_name))
                .replace("%5", html.escape(case.status.label))
            )
        self.duplicates.setText("<br>".join(lines))

    def _link(self, href: str) -> None:
        if href.startswith(CASE_LINK) and href[len(CASE_LINK) :].isdigit():
            self.open_case_requested.emit(int(href[len(CASE_LINK) :]))
