"""申请材料: the checklist follows the claims (core's ``needed_materials``); ticks are kept
by material code until saved, and the missing list uses core's wording."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.models.checklist_model import ChecklistModel
from desktop.qt import QHeaderView, QWidget, Signal, qconnect
from desktop.views.fact_form_view import ERROR_STYLE, OK_STYLE
from desktop.views.materials_view import MaterialsView

if TYPE_CHECKING:
    from core.records.case_model import MaterialLine, MaterialUpdate
    from desktop.context import DeskContext


class MaterialsPanel(MaterialsView):
    changed = Signal()
    print_requested = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.policy = context.policy
        self.model = ChecklistModel(self)
        self.table.setModel(self.model)
        # Resize modes belong to the header's sections, which exist once the model is set.
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(1, 70)
        self.table.setColumnWidth(2, 110)
        self.table.setColumnWidth(3, 100)
        self.table.setColumnWidth(4, 220)
        self.saved: dict[str, MaterialLine] = {}
        self.intro.setText(
            self.tr(
                "Materials are handed in as stamped copies, %1 sets, with the originals shown "
                "for checking (%2)."
            )
            .replace("%1", str(self.policy.copies_required))
            .replace("%2", self.policy.copies_clause)
        )
        qconnect(self.model.edited, self._edited)
        qconnect(self.complete_button.clicked, self.mark_current_complete)
        qconnect(self.all_button.clicked, self.mark_all_complete)
        qconnect(self.print_button.clicked, self.print_requested.emit)
        self._show_missing()

    def set_saved(self, lines: list[MaterialLine]) -> None:
        """The checklist as stored (after loading or saving a case)."""
        self.saved = {line.code: line for line in lines}
        self.model.set_lines(list(lines))
        self._show_missing()

    def set_lines(self, lines: list[MaterialLine]) -> None:
        self.model.set_lines(lines)
        self._show_missing()

    def follow_claims(self, item_codes: list[str], filed_by_agent: bool) -> None:
        """Rebuild the list for these claims, keeping every tick already made."""
        from core.records.case_input import needed_materials
        from core.records.case_model import MaterialLine

        current = {line.code: line for line in self.model.lines()}
        needed = needed_materials(self.policy, item_codes, filed_by_agent)
        lines: list[MaterialLine] = []
        for code in needed:
            known = current.get(code) or self.saved.get(code)
            material = self.policy.materials[code]
            if known is not None:
                lines.append(
                    MaterialLine(
                        code,
                        material.name,
                        material.clause,
                        True,
                        known.received,
                        known.copies,
                        self.policy.copies_required,
                        known.originals_verified,
                        known.note,
                    )
                )
            else:
                lines.append(
                    MaterialLine(
                        code,
                        material.name,
                        material.clause,
                        True,
                        False,
                        0,
                        self.policy.copies_required,
                        False,
                        "",
                    )
                )
        # Lines already stored but no longer needed stay (core keeps what was handed in).
        for code, line in current.items():
            if code not in needed and code in self.saved:
                lines.append(line)
        if [line.code for line in lines] != [line.code for line in self.model.lines()]:
            self.model.set_lines(lines)
        self._show_missing()

    def values(self) -> dict[str, dict[str, object]]:
        return {
            line.code: {
                "received": line.received,
                "copies": line.copies,
                "originals_verified": line.originals_verified,
                "note": line.note,
            }
            for line in self.model.lines()
        }

    def apply_values(self, values: dict[str, dict[str, object]]) -> None:
        """Put ticks back (from a recovery draft) onto the lines that exist."""
        for row, line in enumerate(self.model.lines()):
            saved = values.get(line.code)
            if saved:
                self.model.rows[row].line = type(line)(
                    line.code,
                    line.name,
                    line.clause,
                    line.required,
                    bool(saved.get("received")),
                    int(str(saved.get("copies") or 0)),
                    line.copies_required,
                    bool(saved.get("originals_verified")),
                    str(saved.get("note") or ""),
                )
        self.model.set_lines(self.model.lines())
        self._show_missing()

    def updates(self) -> list[MaterialUpdate]:
        """What differs from the stored checklist, as core's MaterialUpdate list."""
        from core.records.case_model import MaterialUpdate

        result = []
        for line in self.model.lines():
            stored = self.saved.get(line.code)
            if stored is None:
                if line.received or line.copies or line.originals_verified or line.note:
                    result.append(
                        MaterialUpdate(
                            line.code,
                            line.received,
                            line.copies,
                            line.originals_verified,
                            line.note,
                        )
                    )
                continue
            if (stored.received, stored.copies, stored.originals_verified, stored.note) != (
                line.received,
                line.copies,
                line.originals_verified,
                line.note,
            ):
                result.append(
                    MaterialUpdate(
                        line.code, line.received, line.copies, line.originals_verified, line.note
                    )
                )
        return result

    def missing(self) -> list[str]:
        return self.model.missing()

    def set_editable(self, editable: bool) -> None:
        self.model.editable = editable
        self.complete_button.setEnabled(editable)
        self.all_button.setEnabled(editable)

    def mark_current_complete(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.model.mark_complete(row)
            self.table.selectRow(min(row + 1, self.model.rowCount() - 1))

    def mark_all_complete(self) -> None:
        for row in range(self.model.rowCount()):
            if self.model.rows[row].line.required:
                self.model.mark_complete(row)

    def _edited(self) -> None:
        self._show_missing()
        self.changed.emit()

    def _show_missing(self) -> None:
        missing = self.missing()
        if not self.model.rowCount():
            self.missing_label.setText(
                self.tr("Add the claimed items first; the list follows them.")
            )
            self.missing_label.setStyleSheet("")
        elif missing:
            self.missing_label.setText(
                self.tr("Missing (%1): %2")
                .replace("%1", str(len(missing)))
                .replace("%2", "；".join(missing))
            )
            self.missing_label.setStyleSheet(ERROR_STYLE)
        else:
            self.missing_label.setText(self.tr("All required materials are complete."))
            self.missing_label.setStyleSheet(OK_STYLE)
