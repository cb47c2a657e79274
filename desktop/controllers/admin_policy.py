"""系统管理 · 政策: the policy file as a read-only tree; 政策管理 (core.records.policy_admin:
the bureau's policy folder, importing and checking a file, comparing two years, the programme
for new cases); and the effective-patents figure that the statistics need
(``set_university_effective_patents``, administrators only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.models.policy_model import PolicyModel
from desktop.qt import QFileDialog, QHeaderView, QMessageBox, QWidget, Signal, qconnect
from desktop.views.admin_policy_view import AdminPolicyView

if TYPE_CHECKING:
    from desktop.context import DeskContext


class AdminPolicy(AdminPolicyView):
    changed = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = PolicyModel(self)
        self.tree.setModel(self.model)
        self.fill_programmes(context.policy.id)
        qconnect(self.programme.currentIndexChanged, lambda _: self.show_policy())
        qconnect(self.folder_button.clicked, self.choose_folder)
        qconnect(self.import_button.clicked, self.import_file)
        qconnect(self.compare_button.clicked, self.compare)
        qconnect(self.activate_button.clicked, self.activate)
        qconnect(self.cases_button.clicked, self.run_cases)
        qconnect(self.expand_button.clicked, self.tree.expandAll)
        qconnect(self.collapse_button.clicked, self.tree.collapseAll)
        qconnect(self.patents_button.clicked, self.save_patents)
        qconnect(self.patents.returnPressed, self.save_patents)
        self.show_policy()

    def fill_programmes(self, select: str) -> None:
        """Every programme along the search path; one that does not load is listed with why."""
        from core.policy.loader import PolicyError, available_policies, load_policy

        self.programme.blockSignals(True)
        self.programme.clear()
        self.compare_with.clear()
        for policy_id in available_policies():
            try:
                policy = load_policy(policy_id)
            except PolicyError as exc:
                self.report.appendPlainText(str(exc))
                continue
            label = f"{policy.year} {policy.title}（{policy.id}）"
            self.programme.addItem(label, policy.id)
            self.compare_with.addItem(label, policy.id)
        self.programme.setCurrentIndex(max(self.programme.findData(select), 0))
        self.programme.blockSignals(False)
        self.show_management()

    def show_management(self) -> None:
        from core.records.policy_admin import policy_folder, programme_for_new_cases

        folder = policy_folder(self.context.db)
        self.folder.setText(
            self.tr("Policy folder (shared by every counter): %1").replace(
                "%1", str(folder) if folder else self.tr("not set")
            )
        )
        active = programme_for_new_cases(self.context.db)
        self.active.setText(
            self.tr("New cases are registered under: %1 %2 (%3, version %4)")
            .replace("%1", str(active.year))
            .replace("%2", active.title)
            .replace("%3", active.id)
            .replace("%4", active.version)
        )
        shown = self.policy_id()
        self.activate_button.setEnabled(shown != active.id)
        # Compare with the programme in use by default: that is what an officer checks.
        other = self.compare_with.findData(active.id if shown != active.id else "")
        if other >= 0:
            self.compare_with.setCurrentIndex(other)

    def _report(self, lines: list[str], problem: bool = False) -> None:
        self.report.setStyleSheet("color: #b00020;" if problem else "")
        self.report.setPlainText("\n".join(lines))

    def choose_folder(self) -> None:
        from core.records.errors import RecordsError
        from core.records.policy_admin import set_policy_folder

        folder = QFileDialog.getExistingDirectory(self, self.tr("Policy folder"))
        if not folder:
            return
        try:
            changes = set_policy_folder(self.context.db, self.context.user.id, folder)
        except RecordsError as exc:
            self._report([str(exc)], problem=True)
            return
        self._report([changes.note])
        self.fill_programmes(self.policy_id())
        self.changed.emit(changes)

    def import_file(self) -> None:
        from core.policy.diff import policy_changes
        from core.records.errors import RecordsError
        from core.records.policy_admin import import_policy_file

        source, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a policy file"), "", self.tr("Policy files (*.toml)")
        )
        if not source:
            return
        try:
            imported = import_policy_file(self.context.db, self.context.user.id, source)
        except RecordsError as exc:
            self._report(str(exc).splitlines(), problem=True)
            return
        policy = imported.policy
        current = imported.in_use
        lines = [
            self.tr("Imported %1 (%2, version %3) into %4; every check passed.")
            .replace("%1", policy.title)
            .replace("%2", policy.id)
            .replace("%3", policy.version)
            .replace("%4", str(imported.path))
        ]
        if current.id != policy.id:
            lines.append(self.tr("Changes from %1:").replace("%1", current.id))
            lines += [f"  {c}" for c in policy_changes(current, policy)]
        self._report(lines)
        self.fill_programmes(policy.id)
        self.show_policy()

    def compare(self) -> None:
        from core.policy.diff import policy_changes
        from core.policy.loader import load_policy

        other = str(self.compare_with.currentData() or "")
        if not other:
            return
        changes = policy_changes(load_policy(other), load_policy(self.policy_id()))
        head = (
            self.tr("%1 compared with %2: %3 value(s) differ")
            .replace("%1", self.policy_id())
            .replace("%2", other)
            .replace("%3", str(len(changes)))
        )
        self._report([head, *(f"  {c}" for c in changes)])

    def run_cases(self) -> bool:
        """The shown programme's 测算用例: a line each, failing ones first with the program's
        explanation of what it computed. Returns whether all held."""
        from core.engine.casebook import CaseFileError
        from core.policy.loader import PolicyError
        from core.records.policy_admin import policy_case_outcomes

        try:
            outcomes = policy_case_outcomes(self.policy_id())
        except (PolicyError, CaseFileError) as exc:
            self._report([str(exc)], problem=True)
            return False
        if not outcomes:
            self._report(
                [self.tr("%1 has no test cases yet.").replace("%1", self.policy_id())],
                problem=True,
            )
            return False
        failed = [o for o in outcomes if not o.ok]
        lines = [
            self.tr("%1 test case(s): %2 held, %3 failed")
            .replace("%1", str(len(outcomes)))
            .replace("%2", str(len(outcomes) - len(failed)))
            .replace("%3", str(len(failed)))
        ]
        for outcome in failed:
            lines.append(outcome.line())
            for claim in (outcome.result or {}).get("claims", []):
                lines += [f"    {text}" for text in claim.get("explanation", [])]
        lines += [o.line() for o in outcomes if o.ok]
        self._report(lines, problem=bool(failed))
        return not failed

    def activate(self) -> None:
        from core.policy.loader import load_policy
        from core.records.errors import RecordsError
        from core.records.policy_admin import activate_policy

        policy = load_policy(self.policy_id())
        answer = QMessageBox.question(
            self,
            self.tr("Activate for new cases"),
            self.tr(
                "Register new cases under %1 %2 (%3, version %4)? Cases already registered "
                "keep the programme they were registered under."
            )
            .replace("%1", str(policy.year))
            .replace("%2", policy.title)
            .replace("%3", policy.id)
            .replace("%4", policy.version),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            changes = activate_policy(self.context.db, self.context.user.id, policy.id)
        except RecordsError as exc:
            self._report([str(exc)], problem=True)
            return
        self.context.policy = policy
        self._report([changes.note])
        self.show_management()
        self.changed.emit(changes)

    def policy_id(self) -> str:
        return str(self.programme.currentData() or self.context.policy.id)

    def show_policy(self) -> None:
        from core.policy.loader import load_policy
        from core.records.statistics_source import university_effective_patents

        policy = load_policy(self.policy_id())
        self.model.set_policy(policy)
        self.source.setText(
            self.tr("%1, version %2 — from the policy file %3")
            .replace("%1", policy.source)
            .replace("%2", policy.version)
            .replace("%3", policy.source_path)
        )
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 300)
        self.tree.setColumnWidth(1, 520)
        for row in range(self.model.rowCount()):
            self.tree.expand(self.model.index(row, 0))
        self.show_management()
        value = university_effective_patents(self.context.db, policy.id)
        self.patents.setText("" if value is None else str(value))
        self.patents_message.clear()

    def save_patents(self) -> bool:
        from core.records.errors import RecordsError
        from core.records.statistics_source import set_university_effective_patents

        text = self.patents.text().strip().replace(",", "")
        if text and not text.isdigit():
            self.patents_message.setStyleSheet("color: #b00020;")
            self.patents_message.setText(self.tr("Write a whole number, or leave it empty."))
            return False
        try:
            changes = set_university_effective_patents(
                self.context.db, self.context.user.id, self.policy_id(), int(text) if text else None
            )
        except RecordsError as exc:
            self.patents_message.setStyleSheet("color: #b00020;")
            self.patents_message.setText(str(exc))
            return False
        self.patents_message.setStyleSheet("color: #1b5e20;")
        self.patents_message.setText(changes.note or self.tr("Saved."))
        self.changed.emit(changes)
        return True
