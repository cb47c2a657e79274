"""系统管理 · 政策: the policy file as a read-only tree, and the effective-patents figure that
the statistics need (``set_university_effective_patents``, administrators only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.models.policy_model import PolicyModel
from desktop.qt import QHeaderView, QWidget, Signal, qconnect
from desktop.views.admin_policy_view import AdminPolicyView

if TYPE_CHECKING:
    from desktop.context import DeskContext


class AdminPolicy(AdminPolicyView):
    changed = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.policy.loader import available_policies, load_policy

        self.context = context
        self.model = PolicyModel(self)
        self.tree.setModel(self.model)
        for policy_id in available_policies():
            policy = load_policy(policy_id)
            self.programme.addItem(f"{policy.year} {policy.title}", policy.id)
        self.programme.setCurrentIndex(max(self.programme.findData(context.policy.id), 0))
        qconnect(self.programme.currentIndexChanged, lambda _: self.show_policy())
        qconnect(self.expand_button.clicked, self.tree.expandAll)
        qconnect(self.collapse_button.clicked, self.tree.collapseAll)
        qconnect(self.patents_button.clicked, self.save_patents)
        qconnect(self.patents.returnPressed, self.save_patents)
        self.show_policy()

    def policy_id(self) -> str:
        return str(self.programme.currentData() or self.context.policy.id)

    def show_policy(self) -> None:
        from core.policy.loader import load_policy
        from core.records.statistics_source import university_effective_patents

        policy = load_policy(self.policy_id())
        self.model.set_policy(policy)
        self.source.setText(
            self.tr(
                "%1, version %2 — read from the policy file; it changes only with a new "
                "version of the program."
            )
            .replace("%1", policy.source)
            .replace("%2", policy.version)
        )
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 300)
        self.tree.setColumnWidth(1, 520)
        for row in range(self.model.rowCount()):
            self.tree.expand(self.model.index(row, 0))
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
