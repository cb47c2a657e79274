"""Start the desk: ``ipdesk`` / ``python -m desktop.app`` [``--db PATH`` | ``--demo``].

Start-up is kept short (target: the login window in under a second on the office PC): this
module imports only Qt and the login window. SQLAlchemy, Alembic and the records layer load
on a worker thread while the login window is already on screen, and reportlab and the PDF
forms load only when a form is first printed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.qt import QApplication, QGuiApplication, Qt

log = logging.getLogger(__name__)


def database_target(text: str) -> Path | str:
    """A file path, or a server address kept as written (a Path would fold its "//")."""
    return text if "://" in text else Path(text)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="ipdesk", description="IP Subsidy Desk (专利转化运用资助受理审核系统)"
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--db",
        type=database_target,
        help="open this database file, or a server database postgresql://user@host:5432/name",
    )
    group.add_argument(
        "--demo", action="store_true", help="open a fresh demo database (demo users are shown)"
    )
    group.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (database, calculation, PDF fonts, main window) and exit",
    )
    parser.add_argument(
        "--lang", default="zh_CN", help="user interface language (default zh_CN; en for English)"
    )
    return parser.parse_args(list(argv))


def prepare_application(app: QApplication, language: str = "zh_CN") -> None:
    """What every run needs before the first window: names, fonts, translation, error hook."""
    from desktop import settings
    from desktop.errors import install_excepthook
    from desktop.fonts import load_ui_fonts
    from desktop.i18n import install_translators

    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    from core import __version__

    app.setApplicationVersion(__version__)
    install_excepthook()
    load_ui_fonts(app)
    install_translators(language)
    # Qt appends this to every window title (「… — 专利转化运用资助受理审核系统」), so no title
    # names the program itself (issue 20 §7).
    app.setApplicationDisplayName(app.translate("App", "IP Subsidy Desk"))


def check_main_window(language: str = "zh_CN") -> str:
    """The self-test's desk step: the main window opens offscreen on a fresh database, in
    Chinese and with the bundled UI font, and closes."""
    import tempfile

    from core.db.database import open_database
    from core.records.roles import Role
    from core.records.users import create_first_admin, create_user, get_user
    from desktop.context import DeskContext
    from desktop.controllers.main_window import MainWindow
    from desktop.programme import current_policy

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="ipdesk-selftest-desk-") as tmp:
        db = open_database(Path(tmp) / "desk.sqlite3")
        try:
            admin = create_first_admin(db, "selftest-admin", "自检管理员", "selftest-2024")
            # A clerk's window: the administrator's first area would raise the backup reminder.
            clerk, _ = create_user(
                db,
                admin.id,
                "selftest-clerk",
                "自检受理员",
                "selftest-2024",
                [Role.CLERK],
                must_change_password=False,
            )
            context = DeskContext(db, get_user(db, clerk.id), current_policy(db))
            window = MainWindow(context)
            window.show()
            app.processEvents()
            title = window.windowTitle()
            navigation = window.navigation
            names = [navigation.item(i).text() for i in range(navigation.count())]
            window.close()
            window.deleteLater()
            app.processEvents()
        finally:
            db.close()
    if not names:
        raise RuntimeError("主窗口没有任何功能区")
    if language == "zh_CN" and "受理登记" not in names:
        raise RuntimeError(f"界面未加载中文翻译（功能区：{'、'.join(names)}；标题：{title}）")
    return f"{len(names)} 个功能区：{'、'.join(names)}"


def self_test(language: str) -> int:
    """``ipdesk --self-test``: core's steps plus the window; one line, exit 0 or 1."""
    from core.selftest import SelfTest, run_self_test

    def window_step(report: SelfTest) -> None:
        report.step("主窗口", lambda: check_main_window(language))

    report = run_self_test(window_step)
    line = report.summary()
    if sys.stdout is not None:
        print(line, flush=True)
    else:  # the windowed build on Windows has no console: leave the line where it can be read
        from core.logs import log_dir

        (log_dir() / "selftest.txt").write_text(line + "\n", encoding="utf-8")
    return 0 if report.ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING)
    if args.self_test:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    prepare_application(app, args.lang)
    if args.self_test:
        return self_test(args.lang)

    from desktop.controllers.startup import StartupController

    startup = StartupController(db_path=args.db, demo=args.demo)
    startup.start()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
