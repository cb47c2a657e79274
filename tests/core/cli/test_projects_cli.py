"""ipdesk-cli project list / show / print / export / reminders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.cli.main import main
from core.db.clock import FixedClock
from core.db.database import open_database
from core.projects.demo import populate_demo_projects
from tests.core.db.conftest import cheap_passwords, make_people  # noqa: F401 - fixture
from tests.core.projects.helpers import START
from tests.pdf_helpers import assert_all_fonts_embedded, pdf_text


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory, cheap_passwords) -> Path:  # noqa: F811
    """A database holding the seven demo projects (not the district cases: faster)."""
    path = tmp_path_factory.mktemp("projects-cli") / "desk.sqlite3"
    clock = FixedClock(START)
    db = open_database(path, clock=clock)
    try:
        people = make_people(db)
        populate_demo_projects(
            db, clock, clerk=people.clerk, clerk2=people.clerk2, supervisor=people.supervisor
        )
    finally:
        db.close()
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_status_and_what_needs_attention(desk: Path, capsys):
    code, out, err = run(capsys, "project", "list", "--db", str(desk), "--today", "2026-11-20")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 7
    assert lines[0].startswith("渝高价值培育〔2025〕第01号\t已结题")
    assert "⚠逾期 执行进展报告2026-10-01" in lines[1] and "支出须核查" in lines[1]
    assert "延期申请待审定" in lines[2]
    assert "共 7 项（2026-11-20）" in err
    code, out, _ = run(capsys, "project", "list", "--db", str(desk), "--status", "terminated")
    assert code == 0 and out.count("\n") == 1 and "已终止" in out
    code, out, _ = run(capsys, "project", "list", "--db", str(desk), "--search", "谐波")
    assert out.count("\n") == 1 and "第02号" in out


def test_show_by_short_number(desk: Path, capsys):
    code, out, _ = run(capsys, "project", "show", "4", "--db", str(desk))
    assert code == 0
    assert out.startswith("渝高价值培育〔2025〕第04号")
    assert "终止结算：追回 200,000.00 元，留用 100,000.00 元" in out
    assert "审定终止申请" in out and "李建国" in out


def test_reminders_on_a_given_day(desk: Path, capsys):
    code, out, err = run(capsys, "project", "reminders", "--db", str(desk), "--today", "2026-11-20")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("2026-10-01\t已逾期\t")
    assert "第02号" in out and "共 1 项提醒" in err
    code, out, _ = run(capsys, "project", "reminders", "--db", str(desk), "--today", "2027-02-01")
    assert code == 0 and "实施期" in out  # later on, the end dates come due too


@pytest.mark.parametrize(
    ("form", "number", "title"),
    [
        ("summary", "1", "立项信息表"),
        ("midterm", "2", "中期评估表"),
        ("request", "3", "延期申请审核表"),
        ("request", "4", "终止申请审核表"),
        ("acceptance", "2025-1", "结题验收意见表"),
    ],
)
def test_print_each_form(desk: Path, capsys, tmp_path: Path, form: str, number: str, title: str):
    out_file = tmp_path / "forms" / f"{form}.pdf"
    out_file.parent.mkdir(exist_ok=True)  # a missing folder is refused (core.outputs)
    code, out, _ = run(
        capsys, "project", "print", form, number, "--db", str(desk), "--out", str(out_file)
    )
    assert code == 0 and str(out_file) in out
    data = out_file.read_bytes()
    assert title in pdf_text(data).replace("\n", "")
    assert_all_fonts_embedded(data)


def test_export_the_workbook(desk: Path, capsys, tmp_path: Path):
    target = tmp_path / "projects.xlsx"
    code, out, _ = run(capsys, "project", "export", "--db", str(desk), "--out", str(target))
    assert code == 0 and "已导出 7 个项目" in out
    wb = load_workbook(target)
    assert wb["项目一览"].cell(row=4, column=2).value == "渝高价值培育〔2025〕第01号"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["project", "show", "99"], "没有项目编号"),
        (["project", "print", "request", "2", "--out", "x.pdf"], "没有延期或终止申请"),
        (["project", "print", "acceptance", "6", "--out", "x.pdf"], "尚未立项"),
        (["project", "list", "--status", "paid"], "无效的状态"),
        (["project", "reminders", "--today", "2026-02-30"], "YYYY-MM-DD"),
        (["project", "export", "--out", "x.xlsx", "--policy", "bishan-2024"], "没有政策"),
    ],
)
def test_bad_input_exits_2_with_one_line(desk: Path, capsys, tmp_path: Path, argv, words):
    argv = [a if not a.endswith((".pdf", ".xlsx")) else str(tmp_path / a) for a in argv]
    code, out, err = run(capsys, *argv, "--db", str(desk))
    assert code == 2 and out == ""
    assert words in err and err.count("\n") == 1
    assert not list(tmp_path.iterdir())  # nothing written


def test_bad_arguments_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["project", "print", "poster", "1", "--out", "x.pdf"])
    assert caught.value.code == 2
    assert "无效的" in capsys.readouterr().err


def test_the_project_commands_load_nothing_heavy_until_used():
    probe = (
        "import sys\n"
        "from core.cli.main import build_parser\n"
        "build_parser().parse_args(['calc', 'x.json'])\n"
        "heavy = ('sqlalchemy', 'reportlab', 'openpyxl', 'core.projects')\n"
        "loaded = [m for m in sys.modules if m.startswith(heavy)]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, cwd=Path(__file__).parents[3])
