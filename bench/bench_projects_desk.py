"""The 培育项目 screens on the demo database and on 100 projects, measured offscreen.

``python -m bench.bench_projects_desk``. Builds the demo (seven projects), then a copy with 93
more registered (a district follows a few dozen; 100 is a generous ceiling), and times:

* the area built (list, counts, years, reminders) and a refresh (after any save);
* a project window opened (detail, allowed steps with reasons, every table);
* a keystroke's live check of the application (core's ``application_problems``);
* each form rendered by core (the worker's work) and the workbook of all projects.

Prints the median and the worst of several runs, in milliseconds.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.db.clock import FixedClock
    from desktop.qt import QApplication

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 5


def _ms(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def _report(name: str, times: list[float]) -> None:
    print(f"{name:<44} median {statistics.median(times):8.1f} ms   worst {max(times):8.1f} ms")


def _more_projects(db: object, clerk: int, count: int) -> None:
    import datetime as dt

    from core.identifiers import credit_code_check_char
    from core.projects.model import ProjectForm, TargetForm, UnitForm
    from core.projects.records import register_project

    for n in range(count):
        body = f"91500227MB{9000 + n:07d}"
        register_project(
            db,  # type: ignore[arg-type]
            clerk,
            ProjectForm(
                policy_id="chongqing-hvp-2024",
                title=f"基准测试高价值专利培育项目{n:03d}",
                field="智能装备",
                key_industry="高端装备",
                technology_type="key_core",
                units=[
                    UnitForm(
                        f"重庆基准{n:03d}科技有限公司",
                        body + credit_code_check_char(body),
                        "enterprise",
                        True,
                    )
                ],
                received_on=dt.date(2026, 11, 1),
                start=dt.date(2026, 12, 1),
                end=dt.date(2028, 11, 30),
                own_funds="100000",
                budget={"navigation": "200000", "layout": "300000"},
                targets=[TargetForm("invention_applications", "10")],
            ),
        )


def _measure(name: str, folder: Path, clock: FixedClock, app: QApplication) -> None:
    from core.db.database import open_database
    from core.policy.loader import load_policy
    from core.projects import documents
    from core.projects.checks import application_problems
    from core.projects.queries import get_project, list_project_details
    from core.projects.workbook import projects_workbook
    from core.records.users import list_users
    from desktop.context import DeskContext
    from desktop.controllers.projects import Projects

    db = open_database(folder / f"{name}.sqlite3", clock=clock)
    users = {u.username: u for u in list_users(db)}
    if name == "hundred":
        _more_projects(db, users["clerk"].id, 93)
    context = DeskContext(db, users["clerk"], load_policy("bishan-2024"))
    print(f"-- {name}")
    areas: list[Projects] = []
    _report(
        "area built (list, reminders)",
        [_ms(lambda: areas.append(Projects(context))) for _ in range(RUNS)],
    )
    area = areas[-1]
    _report("refresh", [_ms(area.refresh) for _ in range(RUNS)])
    first = area.list_model.rows[-1].id

    def open_window() -> None:
        editor = area.open_project(first, offer_draft=False)
        app.processEvents()
        editor.dirty = False
        editor.close()
        area.editors.clear()

    _report("project window opened", [_ms(open_window) for _ in range(RUNS)])
    editor = area.open_project(first, offer_draft=False)
    form = editor.form()
    _report(
        "live check of the application",
        [
            _ms(lambda: application_problems(editor.policy, form, clock.now().date()))
            for _ in range(RUNS)
        ],
    )
    closed = get_project(db, area.list_model.rows[0].id)
    for label, render in (
        ("立项信息表", documents.render_summary),
        ("中期评估表", documents.render_midterm),
        ("结题验收意见表", documents.render_acceptance),
    ):
        _report(f"render {label}", [_ms(lambda r=render: r(closed)) for _ in range(RUNS)])
    policy = editor.policy

    def workbook() -> None:
        details = list_project_details(db, policy_id=policy.id)
        projects_workbook(details, policy, prepared_on=clock.now().date())

    _report("workbook of all projects", [_ms(workbook) for _ in range(3)])
    editor.dirty = False
    editor.close()
    for a in areas:
        a.deleteLater()
    app.processEvents()
    db.close()


def main() -> None:
    import datetime as dt

    from core.db.clock import CHINA_TZ, FixedClock
    from core.demo import create_demo_database
    from desktop.app import prepare_application
    from desktop.qt import QApplication

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    prepare_application(app)
    folder = Path(tempfile.mkdtemp(prefix="ipdesk-bench-projects-"))
    os.environ["IPDESK_DATA_DIR"] = str(folder / "data")
    create_demo_database(folder / "demo.sqlite3").close()
    shutil.copyfile(folder / "demo.sqlite3", folder / "hundred.sqlite3")
    clock = FixedClock(dt.datetime(2026, 11, 20, 10, 0, tzinfo=CHINA_TZ))
    for name in ("demo", "hundred"):
        _measure(name, folder, clock, app)


if __name__ == "__main__":
    main()
