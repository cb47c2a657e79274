"""受理审查: one row per ground of the policy (``rejection_grounds``), built from its data.

* grounds the engine decides (``decided_by = "system"``, e.g. 逾期) show the engine's verdict;
* 不属于资助范围 shows what the calculation found for each claim;
* 材料不齐全 shows the checklist's state;
* grounds tied to an applicant flag (失信被执行人, 权属争议, 重大事故) are checked by the
  clerk: a tick when the situation exists, the finding, and the source looked up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.qt import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QSignalBlocker,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from desktop.views.fact_form_view import ERROR_STYLE, OK_STYLE, WARN_STYLE
from desktop.views.intake_view import IntakeView

if TYPE_CHECKING:
    from core.engine.results import ApplicationResult
    from core.policy.model import RejectionGround
    from desktop.context import DeskContext


@dataclass
class FlagRow:
    flag: str
    check: QCheckBox
    note: QLineEdit
    source: QLineEdit


class IntakePanel(IntakeView):
    changed = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.flag_rows: dict[str, FlagRow] = {}
        self.verdicts: dict[str, QLabel] = {}
        for row, ground in enumerate(context.policy.rejection_grounds):
            self._add_ground(row, ground)

    def _add_ground(self, row: int, ground: RejectionGround) -> None:
        title = QLabel(f"{ground.clause}　{ground.text}")
        title.setWordWrap(True)
        self.grid.addWidget(title, row, 0, 1, 1)
        title.setMinimumWidth(300)
        if ground.applicant_flag:
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            check = QCheckBox(self.tr("This applies to the applicant"))
            check.setObjectName(f"flag_{ground.applicant_flag}")
            note = QLineEdit()
            note.setObjectName(f"note_{ground.applicant_flag}")
            note.setPlaceholderText(self.tr("What was found"))
            source = QLineEdit()
            source.setObjectName(f"source_{ground.applicant_flag}")
            from core.engine.inputs import FLAG_SOURCES

            # Names where this ground is looked up, so the clerk knows what to cite.
            source.setPlaceholderText(
                self.tr("Source looked up: %1").replace(
                    "%1", FLAG_SOURCES.get(ground.applicant_flag, "")
                )
            )
            layout.addWidget(check)
            layout.addWidget(note)
            layout.addWidget(source)
            self.grid.addWidget(box, row, 1)
            self.flag_rows[ground.applicant_flag] = FlagRow(
                ground.applicant_flag, check, note, source
            )
            qconnect(check.toggled, self._edited)
            qconnect(note.textChanged, self._edited)
            qconnect(source.textChanged, self._edited)
        else:
            verdict = QLabel(self.tr("Waiting for the calculation"))
            verdict.setObjectName(f"verdict_{ground.code}")
            verdict.setWordWrap(True)
            self.grid.addWidget(verdict, row, 1)
            self.verdicts[ground.code] = verdict

    def _edited(self, *_: object) -> None:
        self.changed.emit()

    # -- values (ApplicantForm's flag fields) -------------------------------------------------

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for flag, row in self.flag_rows.items():
            result[flag] = row.check.isChecked()
            result[f"{flag}_note"] = row.note.text().strip()
            result[f"{flag}_source"] = row.source.text().strip()
        return result

    def set_values(self, values: dict[str, Any]) -> None:
        for flag, row in self.flag_rows.items():
            with QSignalBlocker(row.check), QSignalBlocker(row.note), QSignalBlocker(row.source):
                row.check.setChecked(bool(values.get(flag)))
                row.note.setText(str(values.get(f"{flag}_note") or ""))
                row.source.setText(str(values.get(f"{flag}_source") or ""))

    def set_editable(self, editable: bool) -> None:
        for row in self.flag_rows.values():
            for widget in (row.check, row.note, row.source):
                widget.setEnabled(editable)

    def unchecked(self) -> list[str]:
        """Grounds the clerk has not yet recorded a source for."""
        return [flag for flag, row in self.flag_rows.items() if not row.source.text().strip()]

    # -- verdicts -----------------------------------------------------------------------------

    def show_result(
        self, result: ApplicationResult | None, missing: list[str], problem: str = ""
    ) -> None:
        from core.engine.results import ClaimStatus

        policy = self.context.policy
        for code, label in self.verdicts.items():
            ground = policy.ground(code)
            if code == "incomplete_materials":
                if missing:
                    label.setText(
                        self.tr(
                            "Materials incomplete (%1 missing): ask for correction first."
                        ).replace("%1", str(len(missing)))
                    )
                    label.setStyleSheet(WARN_STYLE)
                else:
                    label.setText(self.tr("✓ Materials complete"))
                    label.setStyleSheet(OK_STYLE)
                continue
            if result is None:
                label.setText(problem or self.tr("Waiting for the calculation"))
                label.setStyleSheet(WARN_STYLE)
                continue
            if code == "out_of_scope":
                ineligible = [c for c in result.claims if c.status is ClaimStatus.INELIGIBLE]
                if result.claims and len(ineligible) == len(result.claims):
                    label.setText(self.tr("No claimed item is within the scope of the programme."))
                    label.setStyleSheet(ERROR_STYLE)
                elif ineligible:
                    label.setText(
                        self.tr("%1 of %2 items are not within the scope (see the calculation).")
                        .replace("%1", str(len(ineligible)))
                        .replace("%2", str(len(result.claims)))
                    )
                    label.setStyleSheet(WARN_STYLE)
                else:
                    label.setText(self.tr("✓ Every claimed item is within the scope"))
                    label.setStyleSheet(OK_STYLE)
                continue
            if ground.decided_by == "system":
                if code in result.rejection_grounds:
                    label.setText(self.tr("Applies: %1").replace("%1", ground.text))
                    label.setStyleSheet(ERROR_STYLE)
                else:
                    label.setText(self.tr("✓ Does not apply"))
                    label.setStyleSheet(OK_STYLE)
        lines = result.explanation if result is not None else ([problem] if problem else [])
        self.explanation.setPlainText("\n".join(lines))
