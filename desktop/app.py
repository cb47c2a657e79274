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


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="ipdesk", description="IP Subsidy Desk (专利转化运用资助受理审核系统)"
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--db", type=Path, help="open this database file")
    group.add_argument(
        "--demo", action="store_true", help="open a fresh demo database (demo users are shown)"
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
    app.setApplicationDisplayName(app.translate("App", "IP Subsidy Desk"))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    prepare_application(app, args.lang)

    from desktop.controllers.startup import StartupController

    startup = StartupController(db_path=args.db, demo=args.demo)
    startup.start()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
