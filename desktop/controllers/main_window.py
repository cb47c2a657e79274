"""The shell's logic: areas from the registry, one editor window per case, backup and restore."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import messages, settings
from desktop.area_setup import register_builtin_areas
from desktop.areas import Area, areas_for
from desktop.qt import (
    QCloseEvent,
    QFileDialog,
    QKeySequence,
    QListWidgetItem,
    QShortcut,
    Qt,
    QTimer,
    QWidget,
    Signal,
    qconnect,
)
from desktop.views.main_window_view import MainWindowView
from desktop.workers import Progress, run_with_progress

if TYPE_CHECKING:
    from core.records.changes import Changes
    from desktop.context import DeskContext
    from desktop.controllers.case_editor import CaseEditor

BACKUP_FILTER = "SQLite (*.sqlite3 *.sqlite *.db);;* (*)"
WORKBOOK_FILTER = "Excel (*.xlsx)"
IMPORT_ERRORS_SHOWN = 20
AREA_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def _has_open_window(widget: QWidget) -> bool:
    return any(child.isWindow() and child.isVisible() for child in widget.findChildren(QWidget))


class MainWindow(MainWindowView):
    logged_out = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editors: dict[int | None, CaseEditor] = {}
        self.area_widgets: dict[str, QWidget] = {}
        # Areas told of a change while hidden: they read again when next shown.
        self.stale_areas: set[str] = set()
        register_builtin_areas()
        self.areas: list[Area] = areas_for(context)
        for number, area in enumerate(self.areas, start=1):
            item = QListWidgetItem(area.title)
            item.setData(AREA_KEY_ROLE, area.key)
            item.setToolTip(f"Ctrl+{number}")
            self.navigation.addItem(item)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            qconnect(shortcut.activated, lambda row=number - 1: self.navigation.setCurrentRow(row))
        qconnect(self.navigation.currentRowChanged, self.show_area)
        qconnect(self.backup_action.triggered, self.backup)
        qconnect(self.restore_action.triggered, self.restore)
        qconnect(self.import_action.triggered, self.import_workbook)
        qconnect(self.template_action.triggered, self.save_template)
        qconnect(self.password_action.triggered, self.change_password)
        qconnect(self.logout_action.triggered, self.logout)
        qconnect(self.exit_action.triggered, self.close)
        qconnect(self.about_action.triggered, self.about)
        # Restoring replaces every case at once: only the administrator may do it.
        self.restore_action.setEnabled(context.has_role("admin"))
        # Core registers imported applications for clerks only (as it does typed ones).
        self.import_action.setEnabled(context.has_role("clerk"))
        self.template_action.setEnabled(context.has_role("clerk"))
        self._show_identity()
        self._restore_geometry()
        if self.areas:
            self.navigation.setCurrentRow(0)
        # After the window is up: drafts left by a crash are offered back, and an
        # administrator is reminded of a backup older than seven days (core's backup_due).
        QTimer.singleShot(0, self.offer_drafts)
        QTimer.singleShot(0, self.remind_backup)

    # -- identity in the title and status bar -------------------------------------------------

    def _show_identity(self) -> None:
        from core.records.users import roles_label

        user = self.context.user
        roles = roles_label(user.roles)
        path = self.context.db.path
        file_name = path.name if path is not None else self.context.db.label
        year = str(self.context.policy.year)
        demo = self.tr(" [demo]") if self.context.demo else ""
        self.setWindowTitle(
            self.tr("%1 (%2) — %3 — programme year %4")
            .replace("%1", user.display_name)
            .replace("%2", roles)
            .replace("%3", file_name)
            .replace("%4", year)
            + demo
        )
        self.user_label.setText(
            self.tr("Logged in: %1 (%2)").replace("%1", user.display_name).replace("%2", roles)
        )
        self.database_label.setText(self.tr("Database: %1").replace("%1", str(path or "")))
        self.database_label.setToolTip(str(path or ""))
        self.year_label.setText(
            self.tr("Programme: %1 (%2)")
            .replace("%1", self.context.policy.title)
            .replace("%2", year)
        )

    # -- areas ----------------------------------------------------------------------------

    def show_area(self, row: int) -> None:
        if not 0 <= row < len(self.areas):
            return
        area = self.areas[row]
        widget = self.area_widgets.get(area.key)
        if widget is None:
            widget = area.factory(self.context, self)
            widget.setObjectName(f"area_{area.key}")
            self.area_widgets[area.key] = widget
            self.stack.addWidget(widget)
        elif area.key in self.stale_areas:
            self.stale_areas.discard(area.key)
            refresh = getattr(widget, "refresh", None)
            if callable(refresh):
                refresh()
        self.stack.setCurrentWidget(widget)

    def area_widget(self, key: str) -> QWidget | None:
        for row, area in enumerate(self.areas):
            if area.key == key:
                self.navigation.setCurrentRow(row)
                return self.area_widgets.get(key)
        return None

    def refresh_areas(self, changes: Changes | None = None) -> None:
        """Every built area with ``refresh()`` reads again: now if it is on screen or has a
        window of its own open (a review window), else when it is next shown — so a save does
        not re-run every area's queries (each a tenth of a second on 100,000 cases)."""
        if changes is not None and not (changes.case_list or changes.case_ids):
            return
        # The area that made the change has read again already.
        source = self.sender()
        for key, widget in self.area_widgets.items():
            refresh = getattr(widget, "refresh", None)
            if widget is source or not callable(refresh):
                continue
            if widget.isVisible() or _has_open_window(widget):
                self.stale_areas.discard(key)
                refresh()
            else:
                self.stale_areas.add(key)

    # -- case editors (AreaHost) -------------------------------------------------------------

    def open_case(self, case_id: int) -> None:
        from desktop.controllers.case_editor import CaseEditor

        editor = self.editors.get(case_id)
        if editor is None:
            editor = CaseEditor(self.context, case_id)
            self._track(editor)
        editor.show()
        editor.raise_()
        editor.activateWindow()

    def new_case(self) -> None:
        from desktop.controllers.case_editor import CaseEditor

        editor = CaseEditor(self.context, None)
        self._track(editor)
        editor.show()
        editor.raise_()

    def _track(self, editor: CaseEditor) -> None:
        self.editors[editor.case_id] = editor
        qconnect(editor.saved, self.refresh_areas)
        qconnect(editor.registered, lambda case_id, e=editor: self._registered(e, case_id))
        qconnect(editor.closed, lambda e=editor: self._untrack(e))
        qconnect(editor.open_case_requested, self.open_case)

    def _registered(self, editor: CaseEditor, case_id: int) -> None:
        for key, value in list(self.editors.items()):
            if value is editor:
                del self.editors[key]
        self.editors[case_id] = editor

    def _untrack(self, editor: CaseEditor) -> None:
        for key, value in list(self.editors.items()):
            if value is editor:
                del self.editors[key]

    def close_editors(self) -> bool:
        """Close every case window, and the windows areas keep (the project windows); False
        if the user chose to keep one open."""
        if not all(editor.close() for editor in list(self.editors.values())):
            return False
        for widget in self.area_widgets.values():
            close = getattr(widget, "close_editors", None)
            if callable(close) and not close():
                return False
        return True

    def offer_drafts(self) -> None:
        """Unsaved work from a crash (this user, this database): open it again, or drop it."""
        from desktop import recovery
        from desktop.controllers.case_editor import CaseEditor
        from desktop.controllers.editor_window import reopen_drafts

        if not self.isVisible():
            return

        def open_editor(draft: recovery.Draft) -> CaseEditor:
            editor = CaseEditor(self.context, draft.case_id, offer_draft=False)
            self._track(editor)
            editor.use_draft(draft, ask=False)
            editor.show()
            return editor

        reopen_drafts(
            self,
            self.context,
            CaseEditor.DRAFT_KIND,
            lambda case_id: case_id is not None and case_id in self.editors,
            lambda count, names: (
                self.tr(
                    "The program was closed while %1 case(s) had unsaved changes (%2). Open them "
                    "again with those changes? If not, the changes are discarded."
                )
                .replace("%1", str(count))
                .replace("%2", names)
            ),
            self.tr("new application"),
            open_editor,
        )

    def remind_backup(self) -> None:
        from desktop.controllers.admin_backup import remind_if_due

        if self.isVisible():
            remind_if_due(self, self.context)

    # -- menus ------------------------------------------------------------------------------

    def backup(self) -> None:
        from core.db.clock import backup_file_name

        db = self.context.db
        folder = db.path.parent if db.path is not None else Path.home()
        suggested = folder / backup_file_name(db.clock.now())
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up the database to"), str(suggested), BACKUP_FILTER
        )
        if not target:
            return

        def work(progress: Progress) -> Any:
            from core.db.backup import backup_database

            return backup_database(
                db,
                target,
                progress=progress,
                overwrite=True,
                actor_id=self.context.user.id,
                actor_name=self.context.user.display_name,
            )

        def done(result: Any) -> None:
            messages.inform(
                self,
                self.tr("Backup"),
                self.tr("The database was backed up to %1 (%2 KB).")
                .replace("%1", str(result.path))
                .replace("%2", f"{result.size // 1024:,}"),
            )

        run_with_progress(self, self.tr("Backing up…"), work, done, self._job_failed)

    def restore(self) -> None:
        """File → Restore: the administration area's restore, so there is one way to do it —
        the backup checked off the GUI thread, then a confirmation naming the database in use
        (its cases, audit records and last change) and the backup that replaces it."""
        from desktop.areas import ADMIN

        admin = self.area_widget(ADMIN)
        page = getattr(admin, "backup", None)
        if admin is None or page is None:
            return
        admin.tabs.setCurrentWidget(page)  # type: ignore[attr-defined]
        page.restore()

    def save_template(self) -> Path | None:
        """The intake workbook to fill in, with the programme's items (core's template)."""
        from core.documents.intake_import import intake_template
        from desktop.folders import remember_export, suggested_export

        suggested = suggested_export(
            self.tr("intake template %1.xlsx").replace("%1", str(self.context.policy.year))
        )
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the intake template as"), suggested, WORKBOOK_FILTER
        )
        if not target:
            return None
        remember_export(target)
        path = Path(target) if target.lower().endswith(".xlsx") else Path(target + ".xlsx")
        from core.outputs import write_output
        from desktop.outputs import checked_target

        if checked_target(self, self.tr("Intake template"), path, "申请导入表") is None:
            return None
        try:
            write_output(path, intake_template(self.context.policy))
        except OSError as exc:
            messages.warn(self, self.tr("Intake template"), f"{path}：{exc.strerror}")
            return None
        messages.inform(
            self, self.tr("Intake template"), self.tr("Saved to %1.").replace("%1", str(path))
        )
        return path

    def import_workbook(self) -> None:
        """Register every application of a filled-in intake workbook, all or nothing.

        Core checks every cell and registers the applications in one transaction: either
        all are registered, or none and every problem is listed by sheet, row and column.
        The import runs on a worker thread; a Cancel before it starts stops it, after that
        the one transaction finishes (whole or not at all) and its outcome is told.
        """
        source, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the filled-in intake workbook"), str(Path.home()), WORKBOOK_FILTER
        )
        if not source:
            return
        db, user, policy = self.context.db, self.context.user, self.context.policy

        def work(progress: Progress) -> Any:
            from core.documents.intake_import import ImportCancelled
            from core.records.intake import import_intake

            if not progress(0, 1):
                return None
            try:
                # 取消 is asked every 200 rows and before each application: it stops within
                # a second, and the transaction is rolled back.
                report = import_intake(
                    db, user.id, source, policy, should_stop=lambda: not progress(0, 1)
                )
            except ImportCancelled:
                return None
            progress(1, 1)
            return report

        def done(report: Any) -> None:
            title = self.tr("Import applications")
            if report is None:
                messages.inform(self, title, self.tr("Cancelled: nothing was imported."))
                return
            if report.ok:
                self.refresh_areas()
                messages.inform(
                    self,
                    title,
                    self.tr("%1 application(s) registered: %2.")
                    .replace("%1", str(len(report.case_numbers)))
                    .replace("%2", "、".join(report.case_numbers)),
                )
                return
            shown = [str(error) for error in report.errors[:IMPORT_ERRORS_SHOWN]]
            more = len(report.errors) - len(shown)
            if more > 0:
                shown.append(self.tr("… and %1 more.").replace("%1", str(more)))
            messages.warn(
                self,
                title,
                self.tr("Nothing was registered. Correct the workbook and import it again:")
                + "\n"
                + "\n".join(shown),
            )

        run_with_progress(self, self.tr("Importing…"), work, done, self._job_failed)

    def _job_failed(self, exc: BaseException) -> None:
        from core.db.errors import DatabaseError
        from core.records.errors import RecordsError

        if isinstance(exc, DatabaseError | RecordsError):
            messages.warn(self, self.tr("Not done"), str(exc))
        else:
            from desktop.errors import report_exception

            report_exception(exc)

    def change_password(self) -> None:
        from desktop.controllers.password import PasswordDialog

        dialog = PasswordDialog(self.context, self)
        qconnect(
            dialog.changed,
            lambda: messages.inform(
                self, self.tr("Change password"), self.tr("Your password was changed.")
            ),
        )
        dialog.open()

    def about(self) -> None:
        from core import __version__

        messages.inform(
            self,
            self.tr("About"),
            self.tr("IP Subsidy Desk, version %1\n%2")
            .replace("%1", __version__)
            .replace("%2", self.context.policy.issuer),
        )

    def logout(self) -> None:
        if not self.close_editors():
            return
        self._save_geometry()
        self.hide()
        self.logged_out.emit()
        self.deleteLater()

    # -- window state -----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        from desktop.geometry import restore_geometry

        restore_geometry(self, settings.get_bytes(settings.MAIN_GEOMETRY), (1280, 800))
        state = settings.get_bytes(settings.MAIN_STATE)
        if state is not None:
            self.restoreState(state)

    def _save_geometry(self) -> None:
        settings.put(settings.MAIN_GEOMETRY, self.saveGeometry())
        settings.put(settings.MAIN_STATE, self.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_editors():
            event.ignore()
            return
        self._save_geometry()
        event.accept()
