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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from desktop.qt import QApplication, QPixmap, QWidget


class Grabbable(Protocol):
    def grab(self) -> QPixmap: ...


class Grabbed:
    """A picture taken at once, for what is gone by the time the shots are saved (a popup)."""

    def __init__(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap

    def grab(self) -> QPixmap:
        return self.pixmap


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
        print(path, flush=True)
    # Tear the windows down while Qt is alive, in Qt's order: left to the interpreter's exit,
    # the PDF preview's document was sometimes deleted twice (an abort after the pictures).
    shots.clear()
    from desktop.qt import QEvent, QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)
    for window in app.topLevelWidgets():
        window.close()
        window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    return 0


def take_all(app: QApplication, home: Path) -> list[tuple[str, Grabbable]]:
    from core import demo
    from core.db.errors import DatabaseCorrupt
    from core.policy.loader import load_policy
    from core.records.changes import Changes
    from core.records.queries import CaseFilters, list_cases
    from core.records.states import Action, Status
    from core.records.users import list_users
    from core.records.workflow import intake_ground_choices
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
    # The supervisor's areas are shot below (30-…), on the demo's clock.

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
    # 不予受理 on a case in on time, never asked to complete: 逾期 and 材料不齐全 greyed.
    registered = first_case(Status.REGISTERED)
    reject = ActionDialog(
        clerk,
        Action.REJECT_AT_INTAKE,
        lambda v: Changes(),
        ground_choices=intake_ground_choices(clerk.db, registered),
    )
    shots.append(("21b-reject-at-intake", settle(reject, 560, 360)))
    reject.ground.showPopup()
    qapp.processEvents()
    shots.append(("21c-reject-grounds-list", Grabbed(reject.ground.view().window().grab())))
    reject.ground.hidePopup()
    data = render_case_form(clerk, first_case(Status.AWAITING_SUPERVISOR), Form.APPLICATION)
    preview = PdfPreview(data, "申请表", "申请表.pdf")
    shots.append(("22-preview", settle(preview, 900, 1000, wait=2.0)))
    shots += supervisor_and_admin_shots(home / "demo.sqlite3", settle)
    shots += project_shots(home / "demo.sqlite3", settle)
    return shots


def supervisor_and_admin_shots(
    path: Path, settle: Callable[[QWidget, int, int], QWidget]
) -> list[tuple[str, Grabbable]]:
    """Part 2's screens on the demo database, the clock at 2024-12-10 10:00 as in the tests
    (after the demo's second notice ended, inside the programme year)."""
    import datetime as dt

    from core.db.clock import CHINA_TZ, FixedClock
    from core.db.database import open_database
    from core.policy.loader import load_policy
    from core.records.supervisor_queries import check_integrity
    from core.records.users import list_users
    from desktop.context import DeskContext
    from desktop.controllers.admin import Admin
    from desktop.controllers.main_window import MainWindow
    from desktop.controllers.notice import Notice
    from desktop.controllers.review import Review
    from desktop.controllers.statistics import Statistics

    clock = FixedClock(dt.datetime(2024, 12, 10, 10, 0, tzinfo=CHINA_TZ))
    db = open_database(path, clock=clock)
    users = {u.username: u for u in list_users(db)}
    policy = load_policy("bishan-2024")
    boss = DeskContext(db, users["supervisor"], policy, demo=True)
    admin = DeskContext(db, users["admin"], policy, demo=True)
    shots: list[tuple[str, Grabbable]] = []

    def shot(name: str, widget: QWidget, width: int, height: int) -> None:
        shots.append((name, _Frozen(settle(widget, width, height).grab())))

    # 待我审核: the shell with the queue, the meeting tab, one case's file tab by tab.
    window = MainWindow(boss)
    review = window.area_widget("review")
    assert isinstance(review, Review)
    shot("30-review-queue", window, 1280, 800)
    review.tabs.setCurrentIndex(1)
    review.approved_model.check_all(True)
    shot("31-review-meeting-queue", window, 1280, 800)
    meeting = review.record_meeting()
    assert meeting is not None
    meeting.minute.setText("璧市监办〔2024〕18号")
    shot("32-review-meeting-dialog", meeting, 560, 260)
    meeting.reject()
    case = review.open_case(18)
    for index, name in enumerate(["summary", "items", "materials", "calculation", "history"]):
        case.tabs.setCurrentIndex(index)
        shot(f"33-review-case-{index + 1}-{name}", case, 1100, 760)
    case.close()

    # 公示与兑现: the batches, a case with an objection, the new batch prorated, payout.
    notice = window.area_widget("notice")
    assert isinstance(notice, Notice)
    notice.batches_table.selectRow(notice.batches.row_of_key(1) or 0)
    shot("40-notice-batches", window, 1280, 800)
    notice.batches_table.selectRow(notice.batches.row_of_key(2) or 0)
    row = notice.entries.row_of_key(9)
    if row is not None:
        notice.entries_table.setCurrentIndex(notice.entries.index(row, 1))
    objection = notice.objection(resolve=False)
    if objection is not None:
        objection.text.setPlainText("来信反映专利实施产值不实（来信人：王先生）")
        shot("41-notice-objection", objection, 560, 340)
        objection.reject()
    notice.batches_table.selectRow(notice.batches.row_of_key(1) or 0)
    payment = notice.mark_paid()
    if payment is not None:
        payment.voucher.setText("璧财拨〔2024〕388号")
        shot("42-notice-payout", payment, 760, 420)
        payment.reject()
    _big_decided_cases(db, users)
    notice.refresh()
    batch = notice.new_batch()
    shot("43-notice-batch-preview", batch, 1000, 780)
    batch.reject()
    ruling = notice.year_ruling()
    shot("44-notice-year-ruling", ruling, 1000, 700)
    ruling.reject()

    # 统计: targets, amounts and budget, the chart both ways, a figure's cases.
    statistics = Statistics(boss)
    for index, name in enumerate(["targets", "amounts"]):
        statistics.tabs.setCurrentIndex(index)
        shot(f"5{index}-statistics-{name}", statistics, 1200, 760)
    statistics.tabs.setCurrentIndex(2)
    shot("52-statistics-chart-by-month", statistics, 1200, 760)
    statistics.by_item.setChecked(True)
    shot("53-statistics-chart-by-item", statistics, 1200, 760)
    report = statistics.report
    if report is not None:
        cases = statistics.show_cases(report.targets[0].label, report.targets[0].references)
        shot("54-statistics-cases", cases, 900, 420)
        cases.close()

    # 系统管理: every page; the integrity check run (on this thread: no progress dialog).
    area = Admin(admin)
    area.integrity._done(check_integrity(db))
    for index, name in enumerate(["users", "backup", "integrity", "audit", "policy", "lpr"]):
        area.tabs.setCurrentIndex(index)
        shot(f"6{index}-admin-{name}", area, 1200, 760)
    dialog = area.users.open_dialog("add")
    if dialog is not None:
        shot("66-admin-add-user", dialog, 520, 380)
        dialog.reject()

    # Four eyes, last (it changes a user's roles): 张晓燕, also made a supervisor, opens the
    # case she registered herself — the note says another supervisor approves it.
    from core.records.roles import Role
    from core.records.users import get_user, set_roles

    clerk = users["clerk"]
    set_roles(db, users["admin"].id, clerk.id, [Role.CLERK, Role.SUPERVISOR])
    both = DeskContext(db, get_user(db, clerk.id), policy, demo=True)
    own = Review(both).open_case(19)
    shot("34-review-four-eyes", own, 1100, 760)
    return shots


def _big_decided_cases(db: Any, users: dict[str, Any]) -> None:
    """Five institutes' 100,000-yuan awards, decided: the next batch exceeds the budget left,
    so the preview shows the proration."""
    import datetime as dt

    from core.identifiers import credit_code_check_char
    from core.records import case_model, case_queries, cases, workflow

    clerk, supervisor = users["clerk"].id, users["supervisor"].id
    ids = []
    for n in range(5):
        body = f"12500227MB{n:07d}"
        name = f"重庆璧山第{n + 1}研究院"
        form = case_model.ApplicantForm(
            credit_code=body + credit_code_check_char(body),
            name=name,
            kind="institute",
            account_name=name,
            bank="中国银行重庆璧山支行",
            account_number=f"11112222333344{n:04d}",
        )
        changes = cases.register_case(
            db,
            clerk,
            case_model.CaseForm(
                "bishan-2024",
                dt.date(2024, 10, 28),
                form,
                [{"item": "center_accepted", "date": "2024-09-01"}],
            ),
        )
        assert changes.id is not None
        detail = case_queries.get_case(db, changes.id)
        cases.update_materials(
            db,
            clerk,
            changes.id,
            [case_model.MaterialUpdate.complete(m.code) for m in detail.materials if m.required],
        )
        workflow.accept_case(db, clerk, changes.id)
        workflow.clerk_review(db, clerk, changes.id, "验收材料齐全")
        workflow.submit_for_approval(db, clerk, changes.id)
        workflow.approve_case(db, supervisor, changes.id)
        ids.append(changes.id)
    workflow.record_meeting_decision(
        db, supervisor, ids, dt.date(2024, 11, 4), "璧市监办〔2024〕20号"
    )


def project_shots(
    path: Path, settle: Callable[[QWidget, int, int], QWidget]
) -> list[tuple[str, Grabbable]]:
    """培育项目 (seed 000) on the demo database, the clock at the demo's last day (2026-11-20
    10:00): the list with its reminders, project windows in several states, step dialogs, the
    forms in the preview."""
    import datetime as dt
    import time

    from core.db.clock import CHINA_TZ, FixedClock
    from core.db.database import open_database
    from core.policy.loader import load_policy
    from core.projects.queries import resolve_project
    from core.records.users import list_users
    from desktop.context import DeskContext
    from desktop.controllers.main_window import MainWindow
    from desktop.controllers.pdf_preview import PdfPreview
    from desktop.controllers.project_printing import ProjectFormKind, render_project_form
    from desktop.controllers.project_steps import ProjectStepDialog
    from desktop.controllers.projects import Projects

    clock = FixedClock(dt.datetime(2026, 11, 20, 10, 0, tzinfo=CHINA_TZ))
    db = open_database(path, clock=clock)
    users = {u.username: u for u in list_users(db)}
    policy = load_policy("bishan-2024")
    clerk = DeskContext(db, users["clerk"], policy, demo=True)
    boss = DeskContext(db, users["supervisor"], policy, demo=True)
    shots: list[tuple[str, Grabbable]] = []

    def shot(name: str, widget: QWidget, width: int, height: int) -> None:
        shots.append((name, _Frozen(settle(widget, width, height).grab())))

    def rendered(preview: QWidget) -> None:
        # QPdfView renders pages on a thread: give it time before the picture is taken.
        from desktop.qt import QApplication

        settle(preview, 900, 1000)
        end = time.monotonic() + 2.0
        while time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.02)

    window = MainWindow(clerk)
    area = window.area_widget("cultivation")
    assert isinstance(area, Projects)
    shot("70-projects-list", window, 1280, 800)
    area.attention.setChecked(True)
    shot("71-projects-needing-attention", window, 1280, 800)
    area.attention.setChecked(False)

    def project(seq: int) -> int:
        return resolve_project(db, f"2025-{seq}")

    boss_area = Projects(boss)
    overdue = boss_area.open_project(project(2), offer_draft=False)
    for index, name in enumerate(
        ["application", "approval", "implementation", "targets", "money", "history"]
    ):
        overdue.tabs.setCurrentIndex(index)
        shot(f"72-project-{index + 1}-{name}", overdue, 1180, 800)
    overdue.close()
    applied = area.open_project(project(6), offer_draft=False)
    shot("73-project-applied-clerk", applied, 1180, 800)
    new = area.new_project()
    new.title.setText("高性能伺服电机高价值专利培育")
    new.unit_rows[0].credit_code.setText("91500227MA0000000")
    shot("74-project-new-live-checks", new, 1180, 800)
    new.dirty = False
    new.close()
    pending = boss_area.open_project(project(3), offer_draft=False)
    pending.tabs.setCurrentIndex(2)
    shot("75-project-extension-pending", pending, 1180, 800)
    closed = boss_area.open_project(project(1), offer_draft=False)
    closed.tabs.setCurrentIndex(4)
    shot("76-project-closed-money", closed, 1180, 800)
    assert applied.detail is not None and pending.detail is not None
    for name, detail, step in (
        ("77-step-eligibility", applied.detail, "check_eligibility"),
        ("78-step-decide-extension", pending.detail, "decide_extension"),
        ("79-step-acceptance", pending.detail, "accept"),
        ("80-step-spending", pending.detail, "record_spending"),
    ):
        dialog = ProjectStepDialog(boss if step != "check_eligibility" else clerk, detail, step)
        shot(name, dialog, 640, 560)
        dialog.touched = False
        dialog.reject()
    assert closed.detail is not None
    for name, kind in (
        ("81-project-preview-summary", ProjectFormKind.SUMMARY),
        ("82-project-preview-acceptance", ProjectFormKind.ACCEPTANCE),
    ):
        preview = PdfPreview(render_project_form(closed.detail, kind), kind.title, "x.pdf")
        rendered(preview)
        shot(name, preview, 900, 1000)
    request = boss_area.open_project(project(4), offer_draft=False)
    assert request.detail is not None
    preview = PdfPreview(
        render_project_form(request.detail, ProjectFormKind.REQUEST), "request", "x.pdf"
    )
    rendered(preview)
    shot("83-project-preview-termination", preview, 900, 1000)
    return shots


class _Frozen:
    """A picture already taken (for a window shown several times in different states)."""

    def __init__(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap

    def grab(self) -> QPixmap:
        return self.pixmap


if __name__ == "__main__":
    raise SystemExit(main())
