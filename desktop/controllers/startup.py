"""From ``ipdesk`` to the main window: find and open the database, set up, log in.

The login window appears first, at once; the database opens on a worker thread behind it
(importing SQLAlchemy and Alembic and checking the file takes about half a second), so the
clerk can start typing the user name straight away. Then, depending on what the worker found:

* the first run (no database yet) → the setup dialog: where the file goes, then the
  administrator account;
* a database that cannot be opened (corrupt, locked, too new) → core's Chinese message and
  the ways out: choose another file, restore a backup, try again, quit;
* otherwise → the login form is enabled; after login (and a forced password change, if the
  administrator reset the password) the main window opens.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.db.presence import REFRESH_SECONDS, DeskPresence
from desktop import settings
from desktop.controllers.db_problem import DbProblemDialog, WayOut
from desktop.controllers.login import LoginWindow
from desktop.qt import QApplication, QFileDialog, QObject, QTimer, Signal, qconnect, translate
from desktop.workers import Job, Progress, run_with_progress

if TYPE_CHECKING:
    from core.db.clock import Clock
    from core.db.database import Database
    from core.db.server import ServerAddress
    from core.records.users import UserInfo
    from desktop.context import DeskContext
    from desktop.controllers.main_window import MainWindow
    from desktop.controllers.server_dialog import ServerDialog, ServerLogin
    from desktop.controllers.setup import SetupDialog

log = logging.getLogger(__name__)
CONTEXT = "Startup"
DB_FILTER = "SQLite (*.sqlite3 *.sqlite *.db);;* (*)"


@dataclass
class Opened:
    db: Database
    needs_admin: bool
    demo_users: list[tuple[str, str, str]] | None = None


@dataclass
class FirstRun:
    suggested: Path


def _open(path: Path | str, clock: Clock | None = None) -> Opened:
    from core.db.database import open_database
    from core.records.users import needs_setup

    db = open_database(path, clock=clock)
    return Opened(db, needs_setup(db))


def _with_remembered_password(target: str) -> str:
    """A server address with the password the OS credential store keeps for it, if any; the
    address as given otherwise (libpq may still find one: PGPASSWORD, pgpass.conf)."""
    from sqlalchemy.engine import make_url

    from core.db.server import address_of, remembered_password

    address = address_of(target)
    if address is None:
        return target
    url = make_url(target)
    if url.password:
        return target
    password = remembered_password(address)
    if not password:
        return target
    return url.set(password=password).render_as_string(hide_password=False)


def _find_and_open(explicit: Path | str | None, clock: Clock | None = None) -> Opened | FirstRun:
    """Worker: the file of ``--db``, else ``IPDESK_DB``, else the last one used, else the
    default location (core's order, with the desk's memory of the last file)."""
    from core.db.database import DB_ENV, default_database_path

    if isinstance(explicit, str):
        return _open(_with_remembered_password(explicit), clock)
    if explicit is not None:
        return _open(explicit, clock)
    from_env = os.environ.get(DB_ENV, "").strip()
    if "://" in from_env:
        # A server database: opened (and, when empty, set up) as the first-run step.
        return _open(_with_remembered_password(from_env), clock)
    if from_env:
        path = Path(from_env)
        return _open(path, clock) if path.exists() else FirstRun(path)
    last = settings.get_str(settings.LAST_DATABASE)
    if "://" in last:
        return _open(_with_remembered_password(last), clock)
    if last and Path(last).exists():
        return _open(Path(last), clock)
    default = default_database_path()
    if default.exists():
        return _open(default, clock)
    return FirstRun(default)


def _open_demo() -> Opened:
    """Worker: a fresh demo database in the data folder (a new file each time)."""
    from core import demo
    from core.demo_files import KEEP_DEMO_DATABASES, new_demo_path, prune_demo_databases
    from core.records.users import roles_label

    folder = settings.data_dir() / "demo"
    path = new_demo_path(folder)
    db = demo.create_demo_database(path)
    # Only after the new one exists, so the newest three are always at hand.
    prune_demo_databases(folder, KEEP_DEMO_DATABASES)
    users = [(u.username, u.password, roles_label(u.roles)) for u in demo.DEMO_USERS]
    return Opened(db, False, users)


class StartupController(QObject):
    """Owns the windows of the start (login, setup, problems) and then the main window."""

    main_window_opened = Signal(object)  # MainWindow

    def __init__(
        self, db_path: Path | None = None, demo: bool = False, *, clock: Clock | None = None
    ) -> None:
        super().__init__()
        # Tests pin "today" (deadlines, correction due dates); the program uses the system's.
        self.clock = clock
        self.explicit_path = db_path
        self.demo = demo
        self._db: Database | None = None
        # The marker that tells ipdesk-cli restore this desk has the database open (issue 19).
        self._presence: DeskPresence | None = None
        self._presence_timer = QTimer(self)
        self._presence_timer.setInterval(REFRESH_SECONDS * 1000)
        qconnect(self._presence_timer.timeout, self._still_here)
        self.demo_users: list[tuple[str, str, str]] | None = None
        self.login = LoginWindow()
        self.setup: SetupDialog | None = None
        self.server: ServerDialog | None = None
        self._server_login: ServerLogin | None = None
        self.problem: DbProblemDialog | None = None
        self.main_window: MainWindow | None = None
        self.context: DeskContext | None = None
        self._job: Job[Any] | None = None
        qconnect(self.login.logged_in, self._logged_in)
        qconnect(self.login.other_database_requested, self.choose_other_database)
        qconnect(self.login.server_requested, self.connect_server)
        qconnect(self.login.quit_requested, self.quit)

    @property
    def db(self) -> Database | None:
        return self._db

    @db.setter
    def db(self, value: Database | None) -> None:
        if value is self._db:
            return
        if self._presence is not None:
            self._presence.release()
            self._presence = None
        self._db = value
        if value is not None and value.path is not None:
            self._presence = DeskPresence(value.path)
            self._presence_timer.start()
        else:
            self._presence_timer.stop()

    def _still_here(self) -> None:
        if self._presence is not None:
            self._presence.touch()

    # -- start --------------------------------------------------------------------------------

    def start(self) -> None:
        self.login.show()
        self.login.set_opening(self.explicit_path or Path("…"))
        if self.demo:
            self._run(_open_demo)
        else:
            self._run(lambda: _find_and_open(self.explicit_path, self.clock))

    def open_path(self, path: Path | str, shown: str | None = None) -> None:
        """Open another database (from the login window or a way out of a problem); ``shown``
        names it while it opens when the path itself must not be shown (a password)."""
        self._close_db()
        self.demo = False
        self.demo_users = None
        self.login.set_opening(shown or path)
        self._run(lambda: _open(path, self.clock))

    # -- a database server -------------------------------------------------------------------

    def connect_server(self, address: ServerAddress | None = None, problem: str = "") -> None:
        """The server dialog, filled with the last server used (or ``address``)."""
        from core.db.server import address_of
        from desktop.controllers.server_dialog import ServerDialog

        if address is None:
            address = address_of(settings.get_str(settings.LAST_DATABASE))
        if self.server is not None:
            self.server.close()
        self.server = ServerDialog(address, problem, self.login if self.login.isVisible() else None)
        qconnect(self.server.chosen, self._server_chosen)
        qconnect(self.server.cancelled, self._server_cancelled)
        self.server.show()
        self.server.raise_()

    def _server_chosen(self, chosen: ServerLogin) -> None:
        self._server_login = chosen
        url = chosen.address.url(chosen.password).render_as_string(hide_password=False)
        self.open_path(url, shown=chosen.address.label)

    def _server_cancelled(self) -> None:
        self.server = None
        self._server_login = None
        if self.main_window is None and not self.login.isVisible():
            self.login.show()

    def _run(self, fn: Any) -> None:
        job: Job[Any] = Job(lambda progress: fn(), self._found, self._failed, self)
        self._job = job
        job.start()

    @property
    def busy(self) -> bool:
        return self._job is not None and not self._job.done

    def _found(self, found: Opened | FirstRun) -> None:
        if isinstance(found, FirstRun):
            self._show_setup(found.suggested)
            return
        self.db = found.db
        self._server_connected()
        if found.demo_users is not None:
            self.demo_users = found.demo_users
        if found.needs_admin:
            self._show_setup(found.db.path or Path(), db=found.db)
            return
        if self.setup is not None:
            self.setup.close()
            self.setup = None
        if not self.demo:
            # A server is remembered by its address without the password (Database.identity).
            settings.put(settings.LAST_DATABASE, found.db.identity)
        self.login.show()
        self.login.set_database(found.db, self.demo_users)

    def _server_connected(self) -> None:
        from core.db.server import remember_password

        chosen, self._server_login = self._server_login, None
        if chosen is not None and chosen.remember and chosen.password:
            remember_password(chosen.address, chosen.password)
        if self.server is not None:
            self.server.close()
            self.server = None

    def _failed(self, exc: BaseException) -> None:
        from core.db.errors import DatabaseError
        from core.db.server import address_of

        server = getattr(exc, "server", None)
        if isinstance(exc, DatabaseError) and server:
            # Unreachable, wrong password, no such database: the address again, with why.
            self._server_login = None
            if self.server is not None and self.server.isVisible():
                self.server.show_problem(str(exc))
            else:
                self.connect_server(address_of(server), str(exc))
            return

        if self.setup is not None and self.setup.isVisible():
            # A bad location chosen in setup: say so there and let them choose again.
            self.setup.show_error(str(exc))
            return
        if not isinstance(exc, DatabaseError):
            # Not a situation core names (a bug, a file from a development version): log it
            # and offer the same ways out, in Chinese, with where the log is.
            from core.logs import log_exception
            from desktop.errors import PROGRAM, describe

            path = log_exception(PROGRAM, exc)
            exc = DatabaseError(describe(exc).replace("{log}", str(path)))
        self._show_problem(exc)

    # -- first run ---------------------------------------------------------------------------

    def _show_setup(self, suggested: Path, db: Database | None = None) -> None:
        from desktop.controllers.setup import SetupDialog

        self.login.hide()
        if self.setup is None:
            self.setup = SetupDialog(suggested)
            qconnect(self.setup.location_chosen, self._setup_location)
            qconnect(self.setup.admin_created, self._admin_created)
            qconnect(self.setup.quit_requested, self.quit)
        if db is not None:
            self.db = db
            self.setup.ask_admin(db)
        self.setup.show()
        self.setup.raise_()

    def _setup_location(self, path: Path) -> None:
        self._run(lambda: _open(path, self.clock))

    def _admin_created(self, user: UserInfo) -> None:
        assert self.db is not None
        settings.put(settings.LAST_DATABASE, self.db.identity)
        self.setup = None
        self.login.username.setText(user.username)
        self.login.show()
        self.login.set_database(self.db, None)

    # -- problems ----------------------------------------------------------------------------

    def _show_problem(self, exc: BaseException) -> None:
        self.login.hide()
        self.problem = DbProblemDialog(exc)
        qconnect(self.problem.chosen, self._way_out)
        self.problem.show()

    def _way_out(self, way: WayOut) -> None:
        problem = self.problem
        self.problem = None
        error = problem.error if problem is not None else None
        path = getattr(error, "path", None) or self.explicit_path
        if way is WayOut.QUIT:
            self.quit()
        elif way is WayOut.CHOOSE:
            self.choose_other_database()
        elif way is WayOut.RETRY and path is not None:
            self.open_path(Path(path))
        elif way is WayOut.RESTORE and path is not None:
            self.restore_into(Path(path))
        else:
            self.login.show()

    def choose_other_database(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.login if self.login.isVisible() else None,
            translate("Startup", "Open a database file"),
            settings.get_str(settings.LAST_DATABASE),
            DB_FILTER,
        )
        if chosen:
            self.explicit_path = Path(chosen)
            self.open_path(Path(chosen))
        elif not self.login.isVisible() and self.main_window is None:
            self.login.show()

    def restore_into(self, target: Path) -> None:
        """Replace a database that cannot be opened by a backup, then open it."""
        backup, _ = QFileDialog.getOpenFileName(
            None,
            translate("Startup", "Choose the backup to restore"),
            str(target.parent),
            DB_FILTER,
        )
        if not backup:
            self.login.show()
            return

        def work(progress: Progress) -> Path:
            from core.db.backup import restore_database

            restore_database(target, backup, progress=progress)
            return target

        run_with_progress(
            None,
            translate("Startup", "Restoring the backup…"),
            work,
            lambda path: self.open_path(path),
            self._failed,
        )

    # -- login → main window --------------------------------------------------------------------

    def _logged_in(self, user: UserInfo) -> None:
        from desktop.context import DeskContext
        from desktop.programme import current_policy

        assert self.db is not None
        self.context = DeskContext(
            self.db, user, current_policy(self.db), demo=self.demo_users is not None
        )
        if user.must_change_password:
            from desktop.controllers.password import PasswordDialog

            dialog = PasswordDialog(self.context, self.login, forced=True)
            qconnect(dialog.changed, self._open_main_window)
            dialog.open()
            return
        self._open_main_window()

    def _open_main_window(self) -> None:
        from desktop.controllers.main_window import MainWindow

        assert self.context is not None
        self.main_window = MainWindow(self.context)
        qconnect(self.main_window.logged_out, self._logged_out)
        self.login.hide()
        self.main_window.show()
        self.main_window_opened.emit(self.main_window)

    def _logged_out(self) -> None:
        self.main_window = None
        self.context = None
        self.login.show()
        if self.db is not None:
            self.login.set_database(self.db, self.demo_users)

    # -- the end ---------------------------------------------------------------------------------

    def _close_db(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def quit(self) -> None:
        self.login.close()
        if self.setup is not None:
            self.setup.close()
        self._close_db()
        app = QApplication.instance()
        if app is not None:
            app.quit()
