"""培育项目: the list of municipal cultivation projects with its filters, the reminders due,
one project window per project, and the workbook of all projects.

The list, its counts per status and the reminders are core's (``list_projects``,
``project_reminders``), as of the database clock's date; the filters are remembered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop import recovery, settings
from desktop.controllers.editor_window import reopen_drafts
from desktop.controllers.project_editor import DRAFT_KIND, ProjectEditor
from desktop.controllers.project_printing import export_workbook
from desktop.models.project_list_model import ProjectListModel, ProjectReminderModel
from desktop.models.project_table_model import KEY_ROLE
from desktop.qt import (
    QKeySequence,
    QModelIndex,
    QShortcut,
    Qt,
    QTimer,
    QWidget,
    Signal,
    qconnect,
)
from desktop.views.projects_view import ProjectsView

if TYPE_CHECKING:
    from core.projects.changes import ProjectChanges
    from core.projects.model import ProjectFilters
    from desktop.context import DeskContext

FILTERS_KEY = "projects/filters"
SEARCH_DELAY_MS = 200


class Projects(ProjectsView):
    """``changed(ProjectChanges)`` after any write in a project window."""

    changed = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editors: dict[int | None, ProjectEditor] = {}
        self._new_editors: list[ProjectEditor] = []
        self.list_model = ProjectListModel(self)
        self.table.setModel(self.list_model)
        self.reminder_model = ProjectReminderModel(self)
        self.reminder_table.setModel(self.reminder_model)
        for column, width in enumerate((196, 190, 180, 66, 200, 170, 100)):
            self.table.setColumnWidth(column, width)
        for column, width in enumerate((90, 170, 196, 200)):
            self.reminder_table.setColumnWidth(column, width)
        can_create = context.has_role("clerk") or context.has_role("supervisor")
        self.new_button.setVisible(can_create)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        qconnect(self.search_timer.timeout, self.refresh)
        qconnect(self.search.textChanged, lambda _: self.search_timer.start())
        qconnect(self.status_filter.activated, lambda _: self.refresh())
        qconnect(self.year_filter.activated, lambda _: self.refresh())
        qconnect(self.attention.toggled, lambda _: self.refresh())
        qconnect(self.table.doubleClicked, self._open_index)
        qconnect(self.reminder_table.doubleClicked, self._open_index)
        qconnect(self.open_button.clicked, self.open_current)
        qconnect(self.new_button.clicked, self.new_project)
        qconnect(self.refresh_button.clicked, self.refresh)
        qconnect(self.export_button.clicked, lambda: export_workbook(self, self.context))
        for table in (self.table, self.reminder_table):
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shortcut = QShortcut(QKeySequence(key), table)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                qconnect(shortcut.activated, lambda t=table: self._open_index(t.currentIndex()))
        self._restore_filters()
        self.refresh()
        # Drafts of project windows left unsaved: offered once the area is up (a child timer,
        # so nothing fires if the area goes first).
        self.drafts_offered = False
        self.drafts_timer = QTimer(self)
        self.drafts_timer.setSingleShot(True)
        qconnect(self.drafts_timer.timeout, self.offer_drafts)
        self.drafts_timer.start(0)

    # -- the list ----------------------------------------------------------------------------

    def filters(self) -> ProjectFilters:
        from core.projects.model import ProjectFilters
        from core.projects.rules import ProjectStatus

        status = self.status_filter.currentData()
        year = self.year_filter.currentData()
        return ProjectFilters(
            statuses=(ProjectStatus(status),) if status else (),
            year=int(year) if year else None,
            search=self.search.text().strip() or None,
            needs_attention=self.attention.isChecked(),
        )

    def refresh(self) -> None:
        """Read the list, the counts and the reminders again (a change here or elsewhere)."""
        from core.projects.model import ProjectFilters
        from core.projects.queries import list_projects, project_reminders
        from core.projects.rules import ProjectStatus

        self.search_timer.stop()
        db = self.context.db
        filters = self.filters()
        page = list_projects(db, filters)
        selected = self._selected_id()
        self.list_model.set_rows(page.rows)
        # The status choices with their counts (under the other filters).
        status = self.status_filter.currentData()
        total = sum(page.counts_by_status.values())
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("All statuses (%1)").replace("%1", str(total)), "")
        for value in ProjectStatus:
            count = page.counts_by_status.get(value, 0)
            self.status_filter.addItem(f"{value.label}（{count}）", value.value)
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(status or ""), 0))
        year = self.year_filter.currentData()
        years = sorted({r.year for r in list_projects(db, ProjectFilters()).rows}, reverse=True)
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("All years"), 0)
        for cohort in years:
            self.year_filter.addItem(self.tr("%1 cohort").replace("%1", str(cohort)), cohort)
        self.year_filter.setCurrentIndex(max(self.year_filter.findData(year or 0), 0))
        reminders = project_reminders(db)
        self.reminder_model.set_rows(reminders)
        overdue = sum(1 for r in reminders if r.reminder.overdue)
        self.reminders_box.setTitle(
            self.tr("Reminders: %1 due, %2 overdue")
            .replace("%1", str(len(reminders)))
            .replace("%2", str(overdue))
        )
        self.today_label.setText(
            self.tr(
                "Reminders as of %1 (progress reports every 6 months, the mid-term at half "
                "the period, the end of the period). Double-click to open the project."
            ).replace("%1", page.today.isoformat())
        )
        self.summary.setText(self.tr("%1 project(s) shown.").replace("%1", str(page.total)))
        self._save_filters()
        if selected is not None:
            row = next((i for i, r in enumerate(page.rows) if r.id == selected), None)
            if row is not None:
                self.table.selectRow(row)
        for editor in list(self.editors.values()):
            if not editor.dirty:
                editor.load()

    def _selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.list_model.data(index, KEY_ROLE)
        return value if isinstance(value, int) else None

    def _save_filters(self) -> None:
        settings.put(
            FILTERS_KEY,
            {
                "status": self.status_filter.currentData() or "",
                "year": self.year_filter.currentData() or 0,
                "attention": self.attention.isChecked(),
            },
        )

    def _restore_filters(self) -> None:
        saved = settings.get_dict(FILTERS_KEY)
        self.status_filter.addItem("", saved.get("status", ""))
        self.year_filter.addItem("", int(saved.get("year", 0) or 0))
        self.attention.blockSignals(True)
        self.attention.setChecked(bool(saved.get("attention", False)))
        self.attention.blockSignals(False)

    def set_status_filter(self, status: str) -> None:
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(status), 0))
        self.refresh()

    def set_year_filter(self, year: int) -> None:
        self.year_filter.setCurrentIndex(max(self.year_filter.findData(year), 0))
        self.refresh()

    # -- opening -----------------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        value = index.model().data(index, KEY_ROLE)
        if isinstance(value, int):
            self.open_project(value)

    def open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def open_project(self, project_id: int, *, offer_draft: bool = True) -> ProjectEditor:
        editor = self.editors.get(project_id)
        if editor is None:
            editor = ProjectEditor(self.context, project_id, self, offer_draft=offer_draft)
            self._track(editor)
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def new_project(self) -> ProjectEditor:
        editor = ProjectEditor(self.context, None, self)
        self._track(editor)
        editor.show()
        editor.raise_()
        editor.title.setFocus()
        return editor

    def _track(self, editor: ProjectEditor) -> None:
        if editor.project_id is None:
            self._new_editors.append(editor)
        else:
            self.editors[editor.project_id] = editor
        qconnect(editor.saved, self._saved)
        qconnect(editor.registered, lambda pid, e=editor: self._registered(e, pid))
        qconnect(editor.closed, lambda e=editor: self._untrack(e))

    def _registered(self, editor: ProjectEditor, project_id: int) -> None:
        if editor in self._new_editors:
            self._new_editors.remove(editor)
        self.editors[project_id] = editor

    def _untrack(self, editor: ProjectEditor) -> None:
        if editor in self._new_editors:
            self._new_editors.remove(editor)
        for key, value in list(self.editors.items()):
            if value is editor:
                del self.editors[key]

    def _saved(self, changes: ProjectChanges) -> None:
        self.refresh()
        self.changed.emit(changes)

    def close_editors(self) -> bool:
        windows = list(self.editors.values()) + list(self._new_editors)
        return all(editor.close() for editor in windows)

    # -- drafts ------------------------------------------------------------------------------

    def offer_drafts(self) -> list[ProjectEditor]:
        """Unsaved project windows from a crash (this user, this database): open them again
        with those changes, or drop them."""
        if self.drafts_offered:
            return []
        self.drafts_offered = True

        def open_editor(draft: recovery.Draft) -> ProjectEditor:
            editor = ProjectEditor(self.context, draft.case_id, self, offer_draft=False)
            self._track(editor)
            editor.use_draft(draft, ask=False)
            editor.show()
            return editor

        return reopen_drafts(
            self,
            self.context,
            DRAFT_KIND,
            lambda project_id: project_id is not None and project_id in self.editors,
            lambda count, names: (
                self.tr(
                    "The program was closed while %1 project window(s) had unsaved changes (%2). "
                    "Open them again with those changes? If not, the changes are discarded."
                )
                .replace("%1", str(count))
                .replace("%2", names)
            ),
            self.tr("new project"),
            open_editor,
        )
