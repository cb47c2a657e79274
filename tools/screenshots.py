"""Screenshots of the desk's main screens, offscreen, in zh_CN, on the demo database.

    .venv/bin/python tools/screenshots.py [OUT_DIR] [--no-system-fonts]

Writes one PNG per screen into OUT_DIR (default build/screenshots). With
``--no-system-fonts`` fontconfig is given an empty configuration, so the only fonts are the
ones the desk ships: what a Windows PC without Chinese fonts would show (boxes would mean a
glyph missing from the shipped face).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from desktop.qt import QApplication, QPixmap, QWidget


class Grabbable(Protocol):
    def grab(self) -> QPixmap: ...


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def _isolate(home: Path, no_system_fonts: bool) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("data", "cache", "logs", "settings"):
        (home / name).mkdir(parents=True, exist_ok=True)
    os.environ["IPDESK_DATA_DIR"] = str(home / "data")
    os.environ["IPDESK_CACHE_DIR"] = str(home / "cache")
    os.environ["IPDESK_LOG_DIR"] = str(home / "logs")
    if no_system_fonts:
        config = home / "fonts.conf"
        config.write_text(EMPTY_FONTCONFIG.format(cache=home / "fc-cache"), encoding="utf-8")
        os.environ["FONTCONFIG_FILE"] = str(config)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--no-system-fonts", action="store_true")
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="ipdesk-shots-"))
    _isolate(home, args.no_system_fonts)

    from desktop.qt import QApplication, QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    app = QApplication([])
    from desktop.app import prepare_application

    prepare_application(app)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    shots = take_all(app, home)
    for name, widget in shots:
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)
    return 0


def take_all(app: QApplication, home: Path) -> list[tuple[str, Grabbable]]:
    from core.db.errors import DatabaseCorrupt
    from core.policy.loader import load_policy
    from core.records import demo
    from core.records.changes import Changes
    from core.records.queries import CaseFilters, list_cases
    from core.records.states import Action, Status
    from core.records.users import list_users
    from desktop.context import DeskContext
    from desktop.controllers.actions import ActionDialog
    from desktop.controllers.case_editor import CaseEditor
    from desktop.controllers.db_problem import DbProblemDialog
    from desktop.controllers.login import LoginWindow
    from desktop.controllers.main_window import MainWindow
    from desktop.controllers.pdf_preview import PdfPreview
    from desktop.controllers.setup import SetupDialog
    from desktop.controllers.sme import SmeDialog
    from desktop.printing import Form, render_case_form

    qapp = app
    db = demo.create_demo_database(home / "demo.sqlite3")
    users = {u.username: u for u in list_users(db)}
    policy = load_policy("bishan-2024")
    clerk = DeskContext(db, users["clerk"], policy, demo=True)
    boss = DeskContext(db, users["supervisor"], policy, demo=True)
    shots: list[tuple[str, Grabbable]] = []

    def settle(widget: QWidget, width: int, height: int, wait: float = 0.0) -> QWidget:
        import time

        widget.resize(width, height)
        widget.show()
        # QPdfView renders pages on a thread: give it time before the picture is taken.
        end = time.monotonic() + wait
        while True:
            qapp.processEvents()
            if time.monotonic() >= end:
                break
            time.sleep(0.02)
        return widget

    login = LoginWindow()
    login.set_database(
        db, [(u.username, u.password, "、".join(r.label for r in u.roles)) for u in demo.DEMO_USERS]
    )
    shots.append(("01-login", settle(login, 480, 420)))
    setup = SetupDialog(Path("C:/Users/clerk/AppData/Local/ipdesk/ipdesk.sqlite3"))
    shots.append(("02-setup", settle(setup, 600, 260)))
    problem = DbProblemDialog(
        DatabaseCorrupt(
            "文件 D:\\ipdesk\\ipdesk.sqlite3 已损坏或不是数据库文件，无法打开。请从备份恢复（「恢复备份」），"
            "或选择其他数据库文件"
        )
    )
    shots.append(("03-db-problem", settle(problem, 640, 220)))

    window = MainWindow(clerk)
    shots.append(("04-case-list", settle(window, 1280, 800)))
    review = MainWindow(boss)
    review.area_widget("review")
    shots.append(("05-review-list", settle(review, 1280, 800)))

    # A case in the middle of intake, and one already reviewed.
    def first_case(status: Status) -> int:
        rows = list_cases(db, CaseFilters(statuses=(status,)), limit=1, with_counts=False).rows
        return rows[0].id

    editor = CaseEditor(clerk, first_case(Status.CORRECTION_REQUESTED), offer_draft=False)
    settle(editor, 1100, 760)
    names = ["applicant", "items", "materials", "intake", "calculation"]
    for index, name in enumerate(names):
        editor.tabs.setCurrentIndex(index)
        shots.append((f"1{index}-editor-{name}", settle(editor, 1100, 760)))
        # grab now: the same window is reused for the next tab
        shots[-1] = (shots[-1][0], _Frozen(editor.grab()))
    reviewed = CaseEditor(boss, first_case(Status.AWAITING_SUPERVISOR), offer_draft=False)
    reviewed.tabs.setCurrentIndex(4)
    shots.append(("16-editor-calculation-supervisor", settle(reviewed, 1100, 760)))
    new = CaseEditor(clerk, None, offer_draft=False)
    shots.append(("17-editor-new", settle(new, 1100, 760)))

    sme = SmeDialog()
    sme.employees.setValue(150)
    sme.revenue.setText("50000000")
    sme.classify()
    shots.append(("20-sme-helper", settle(sme, 620, 520)))
    step = ActionDialog(
        clerk, Action.REQUEST_CORRECTION, lambda v: Changes(), prefill="营业执照（未提交）"
    )
    shots.append(("21-request-correction", settle(step, 560, 360)))
    data = render_case_form(clerk, first_case(Status.AWAITING_SUPERVISOR), Form.APPLICATION)
    preview = PdfPreview(data, "申请表", "申请表.pdf")
    shots.append(("22-preview", settle(preview, 900, 1000, wait=2.0)))
    return shots


class _Frozen:
    """A picture already taken (for a window shown several times in different states)."""

    def __init__(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap

    def grab(self) -> QPixmap:
        return self.pixmap


if __name__ == "__main__":
    raise SystemExit(main())
