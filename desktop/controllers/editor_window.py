"""The life of an editing window, shared by the case and the project windows.

Both windows hold typed-but-unsaved work. The rules for it are one set, so they live here
once: every change marks the window dirty and writes a crash draft (``desktop.recovery``);
a draft found for the same record by the same user is offered back; closing a dirty window
asks save / discard / cancel; the window's size is remembered and clamped to the screen.
What differs (the state's shape, how it saves, what a change recomputes, the wording) the
window says by overriding the hooks below.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from desktop import messages, recovery, settings
from desktop.qt import translate

if TYPE_CHECKING:
    from desktop.context import DeskContext
    from desktop.qt import QCloseEvent, QLabel, QWidget

W = TypeVar("W")


class EditorWindow:
    """Mixed into an editor controller (before its view class).

    The controller sets ``DRAFT_KIND``, ``GEOMETRY_KEY`` and ``DEFAULT_SIZE``, creates
    ``context``, ``draft_key``, ``dirty_label`` and ``message`` (through its view), and
    implements the hooks.
    """

    DRAFT_KIND = ""
    GEOMETRY_KEY = ""
    DEFAULT_SIZE = (1100, 760)

    context: DeskContext
    draft_key: str
    dirty: bool
    _loading: bool
    _error_shown = False  # a refusal is on show: re-checked after each edit
    dirty_label: QLabel
    message: QLabel
    closed: Any  # the controller's ``closed = Signal()``

    # -- hooks -----------------------------------------------------------------------------

    def record_id(self) -> int | None:
        raise NotImplementedError

    def record_number(self) -> str:
        raise NotImplementedError

    def state(self) -> dict[str, Any]:
        """Everything typed, in the shapes core takes (for drafts and saving)."""
        raise NotImplementedError

    def apply_state(self, state: dict[str, Any]) -> None:
        raise NotImplementedError

    def save(self) -> bool:
        raise NotImplementedError

    def after_change(self) -> None:
        """What a typed change sets off (a recompute, core's field checks)."""

    def live_problems(self) -> list[str]:
        """What is still wrong as typed, re-asked after each edit while a refusal is shown,
        so a red message never outlives its cause (issue 20 §14). None known: []."""
        return []

    def before_close(self) -> None:
        """Stop what must not outlive the window (timers)."""

    def draft_question(self, when: str) -> str:
        raise NotImplementedError

    def close_question(self) -> str:
        raise NotImplementedError

    def _show_header(self) -> None:
        raise NotImplementedError

    # -- dirty state and drafts -------------------------------------------------------------

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.dirty_label.setText(translate("EditorWindow", "Unsaved changes") if dirty else "")
        self._show_header()

    def _changed(self) -> None:
        if self._loading:
            return
        self._set_dirty(True)
        self.write_draft()
        self.after_change()
        if self._error_shown:
            problems = self.live_problems()
            if problems:
                self.show_message("\n".join(problems), error=True)
            else:
                self.show_message("", error=False)

    def write_draft(self) -> None:
        # Database.identity: the file, or a server's address (its drafts stay on this PC).
        recovery.write(
            self.context.db.identity,
            self.draft_key,
            case_id=self.record_id(),
            case_number=self.record_number(),
            user_id=self.context.user.id,
            state=self.state(),
            kind=self.DRAFT_KIND,
        )

    def remove_draft(self) -> None:
        recovery.remove(self.context.db.identity, self.draft_key, self.DRAFT_KIND)

    def offer_draft(self) -> None:
        """A draft left by a crash: offer it back (only the user who typed it sees it)."""
        if self.record_id() is None:
            return
        draft = recovery.load(self.context.db.identity, self.draft_key, self.DRAFT_KIND)
        if draft is None or draft.user_id != self.context.user.id:
            return
        self.use_draft(draft, ask=True)

    def use_draft(self, draft: recovery.Draft, *, ask: bool) -> None:
        when = draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if ask and not messages.confirm(
            self._widget(),
            translate("EditorWindow", "Unsaved changes found"),
            self.draft_question(when),
        ):
            recovery.remove(self.context.db.identity, draft.key, self.DRAFT_KIND)
            return
        self.draft_key = draft.key
        self.apply_state(draft.state)

    def show_message(self, text: str, *, error: bool) -> None:
        self._error_shown = error and bool(text)
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")

    # -- closing and geometry ---------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty:
            choice = messages.ask_save(
                self._widget(), translate("EditorWindow", "Unsaved changes"), self.close_question()
            )
            if choice is messages.SaveChoice.CANCEL:
                event.ignore()
                return
            if choice is messages.SaveChoice.SAVE and not self.save():
                event.ignore()
                return
            if choice is messages.SaveChoice.DISCARD:
                self.remove_draft()
        self.before_close()
        settings.put(self.GEOMETRY_KEY, self._widget().saveGeometry())
        event.accept()
        self.closed.emit()

    def _restore_geometry(self) -> None:
        from desktop.geometry import restore_geometry

        restore_geometry(self._widget(), settings.get_bytes(self.GEOMETRY_KEY), self.DEFAULT_SIZE)

    def _widget(self) -> QWidget:
        return self  # type: ignore[return-value]


def reopen_drafts(
    parent: QWidget,
    context: DeskContext,
    kind: str,
    open_already: Callable[[int | None], bool],
    question: Callable[[int, str], str],
    new_label: str,
    open_editor: Callable[[recovery.Draft], W],
) -> list[W]:
    """Unsaved windows of a kind left by a crash (this user, this database): open them again
    with those changes, or drop them. Windows already open keep their own state."""
    path = context.db.identity
    drafts: Sequence[recovery.Draft] = [
        d for d in recovery.load_all(path, context.user.id, kind) if not open_already(d.case_id)
    ]
    if not drafts:
        return []
    names = "、".join(d.case_number or new_label for d in drafts)
    if not messages.confirm(
        parent, translate("EditorWindow", "Unsaved work found"), question(len(drafts), names)
    ):
        for draft in drafts:
            recovery.remove(path, draft.key, kind)
        return []
    return [open_editor(draft) for draft in drafts]
