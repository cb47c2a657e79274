"""``ipdesk-cli print`` and ``ipdesk-cli intake``: files out with exit 0, or one line and exit 2."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import core.cli.main as cli_main
from core.cli import documents
from core.documents.samples import sample_case_document
from tests.core.db.conftest import cheap_passwords  # noqa: F401 - fixture
from tests.core.documents.pdf_checks import check_pdf


@pytest.fixture(autouse=True)
def with_document_commands(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Until core/cli/main.py registers core.cli.documents itself.
    registrars = cli_main._extra_commands()
    if documents.register not in registrars:
        monkeypatch.setattr(cli_main, "_extra_commands", lambda: [*registrars, documents.register])
    # Never the real default database of whoever runs the tests.
    monkeypatch.setenv("IPDESK_DB", str(tmp_path / "no-such-database.sqlite3"))
    monkeypatch.delenv("IPDESK_PASSWORD", raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = cli_main.main(list(args))
    except SystemExit as exc:  # argparse errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def case_file(tmp_path: Path, doc: Any) -> Path:
    path = tmp_path / "case.json"
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize(
    ("form", "title"),
    [
        ("application-form", "重庆市璧山区专利转化运用资助申请表"),
        ("review-opinion", "审核意见表"),
        ("receipt", "受理回执"),
        ("correction", "补正通知书"),
        ("rejection", "不予受理通知书"),
    ],
)
def test_print_each_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str, title: str
) -> None:
    out = tmp_path / f"{form}.pdf"
    code, stdout, err = run(
        capsys,
        "print",
        form,
        "--case",
        str(case_file(tmp_path, sample_case_document(1))),
        "--out",
        str(out),
    )
    assert (code, err) == (0, "")
    assert str(out) in stdout
    text = check_pdf(out.read_bytes())
    assert title in text and "璧市监专转〔2024〕第001号" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["print", "receipt", "--case", "{missing}", "--out", "{out}"], "找不到文件"),
        (["print", "receipt", "--case", "{bad_json}", "--out", "{out}"], "不是有效的 JSON"),
        (["print", "receipt", "--case", "{bad_case}", "--out", "{out}"], "applicant.credit_code"),
        (["print", "receipt", "--case", "{good}", "--out", "{nodir}"], "找不到输出文件夹"),
        (["print", "receipt", "--case", "{good}", "--out", "{tmp}"], "是文件夹"),
        (["print", "rejection", "--case", "{plain}", "--out", "{out}"], "没有不予受理的情形"),
        (["print", "receipt", "--out", "{out}"], "请给出 --case"),
        (["print", "receipt", "璧市监专转〔2024〕第001号", "--out", "{out}"], "找不到数据库文件"),
        (
            ["print", "receipt", "--case", "{good}", "--out", "{tmp}/x.xlsx"],
            "受理回执只能打印为 .pdf 文件",
        ),
        (["print", "receipt", "X", "--case", "{good}", "--out", "{out}"], "只能给一个"),
        (["print", "poster", "--case", "{good}", "--out", "{out}"], "无效的表单“poster”"),
        (["intake", "check", "{missing}"], "找不到文件"),
        (["intake", "template", "--policy", "nowhere-2099", "--out", "{out}"], "没有政策"),
    ],
)
def test_bad_paths_and_input_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    plain = sample_case_document(2, rich=False)
    del plain["form"]
    bad_case = sample_case_document(3)
    bad_case["applicant"]["credit_code"] = "91500227MA00000110"
    paths = {
        "missing": str(tmp_path / "nowhere.json"),
        "bad_json": str(case_file(tmp_path, "{not json")),
        "out": str(tmp_path / "out.pdf"),
        "nodir": str(tmp_path / "no" / "such" / "out.pdf"),
        "tmp": str(tmp_path),
    }
    for name, doc in (("good", sample_case_document(1)), ("plain", plain), ("bad_case", bad_case)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
        paths[name] = str(path)
    code, out, err = run(capsys, *(a.format(**paths) for a in args))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err, err
    assert not (tmp_path / "out.pdf").exists()


def test_intake_template_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "intake.xlsx"
    code, out, err = run(capsys, "intake", "template", "--out", str(template))
    assert code == 0 and "bishan-2024" in out
    code, out, err = run(capsys, "intake", "check", str(template))
    assert (code, json.loads(out), err) == (0, [], "")

    from core.documents.intake_import import intake_workbook
    from core.policy import load_policy

    doc = sample_case_document(4, rich=False)
    doc["form"] = {"handler": "张三"}
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(intake_workbook(load_policy("bishan-2024"), [doc]))
    code, out, err = run(capsys, "intake", "check", str(filled))
    assert code == 0 and json.loads(out) == [doc]


def test_intake_check_lists_every_error_then_one_summary_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    from core.documents.intake_import import intake_template
    from core.policy import load_policy

    wb = load_workbook(__import__("io").BytesIO(intake_template(load_policy("bishan-2024"))))
    ws = wb["申请事项"]
    ws["A2"], ws["B2"], ws["C2"], ws["D2"], ws["E2"] = "1", "2024-11-10", "甲", "123", "企业"
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    code, out, err = run(capsys, "intake", "check", str(path))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert lines[0].startswith("工作表「申请事项」第2行 D列（统一社会信用代码）")
    assert lines[-1] == "ipdesk-cli：错误：bad.xlsx：发现 3 处错误，未导入任何申请"


def test_importing_the_module_does_not_load_reportlab_or_openpyxl() -> None:
    code = (
        "import sys, core.cli.documents;"
        "print(any(m.split('.')[0] in ('reportlab', 'openpyxl') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert result.stdout.strip() == "False"


# ---------------------------------------------------------------------------
# From the case database: print by number, export, import
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, cheap_passwords: None) -> Path:  # noqa: F811
    from core.demo import create_demo_database

    path = tmp_path_factory.mktemp("documents-cli") / "demo.sqlite3"
    create_demo_database(path).close()
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "desk.sqlite3"
    with sqlite3.connect(demo_file) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def number_in(db_file: Path, status: str) -> str:
    with sqlite3.connect(db_file) as conn:
        (number,) = conn.execute(
            "SELECT case_number FROM applications WHERE status = ? ORDER BY seq LIMIT 1", (status,)
        ).fetchone()
    return str(number)


def table_rows(db_file: Path, table: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_file) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()


@pytest.mark.parametrize(
    ("form", "status", "title"),
    [
        ("application-form", "paid", "重庆市璧山区专利转化运用资助申请表"),
        ("review-opinion", "paid", "审核意见表"),
        ("receipt", "accepted", "受理回执"),
        ("correction", "correction_requested", "补正通知书"),
        ("rejection", "rejected_at_intake", "不予受理通知书"),
    ],
)
def test_print_a_registered_case_by_its_number(
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    form: str,
    status: str,
    title: str,
) -> None:
    number = number_in(demo_file, status)
    out = tmp_path / f"{form}.pdf"
    code, stdout, err = run(
        capsys, "print", form, number, "--db", str(demo_file), "--out", str(out)
    )
    assert (code, err) == (0, "")
    assert str(out) in stdout
    text = check_pdf(out.read_bytes())
    assert title in text and number in text
    with sqlite3.connect(demo_file) as conn:
        (name,) = conn.execute(
            "SELECT applicant_name FROM applications WHERE case_number = ?", (number,)
        ).fetchone()
    assert name in text


def test_print_finds_the_database_through_the_environment(
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("IPDESK_DB", str(demo_file))
    out = tmp_path / "form.pdf"
    code, _, err = run(
        capsys, "print", "application-form", number_in(demo_file, "paid"), "--out", str(out)
    )
    assert (code, err) == (0, "")
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("form", "status", "message"),
    [
        ("rejection", "paid", "未作「不予受理」决定，不能打印不予受理通知书"),
        ("correction", "paid", "没有「告知补正」的记录，不能打印补正通知书"),
        ("receipt", "registered", "尚未受理，不能打印受理回执"),
        ("review-opinion", "rejected_at_intake", "没有审核意见表可打印"),
    ],
)
def test_print_a_form_the_case_state_does_not_allow_exits_2(
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    form: str,
    status: str,
    message: str,
) -> None:
    out = tmp_path / "x.pdf"
    number = number_in(demo_file, status)
    code, stdout, err = run(
        capsys, "print", form, number, "--db", str(demo_file), "--out", str(out)
    )
    assert (code, stdout) == (2, "")
    assert err.count("\n") == 1 and message in err and number in err, err
    assert not out.exists()


def test_print_an_unknown_case_number_exits_2(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys,
        "print",
        "receipt",
        "璧市监专转〔2024〕第999号",
        "--db",
        str(demo_file),
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert code == 2 and err.count("\n") == 1 and "没有受理编号为 璧市监专转〔2024〕第999号" in err


def test_export_notice_as_pdf_and_workbook(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    pdf = tmp_path / "notice.pdf"
    code, out, err = run(
        capsys,
        "export",
        "notice",
        "2024-1",
        "--db",
        str(demo_file),
        "--out",
        str(pdf),
        "--contact",
        "知识产权科，电话：023-41412345",
    )
    assert (code, err) == (0, "") and "2024年第一批" in out
    text = check_pdf(pdf.read_bytes(), landscape=True)
    assert "拟资助名单公示（2024年第一批）" in text and "023-41412345" in text
    paid = number_in(demo_file, "paid")
    assert paid in text

    xlsx = tmp_path / "notice.xlsx"
    code, out, err = run(capsys, "export", "notice", "--db", str(demo_file), "--out", str(xlsx))
    assert (code, err) == (0, "") and "2024年第二批" in out  # the latest batch by default
    ws = load_workbook(xlsx)["公示名单"]
    numbers = [c.value for c in ws["B"] if isinstance(c.value, str) and c.value.startswith("璧")]
    assert numbers == [number_in(demo_file, "on_notice"), *numbers[1:]] and len(numbers) == 2


def test_export_payout_checked_against_the_payout_list(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    from core.db.database import open_database
    from core.records.notice import payout_list
    from core.records.states import Status

    out = tmp_path / "payout.xlsx"
    code, stdout, err = run(capsys, "export", "payout", "--db", str(demo_file), "--out", str(out))
    assert (code, err) == (0, "")
    db = open_database(demo_file)
    try:
        lines = [x for x in payout_list(db, 1) if x.status is Status.CLEARED]
    finally:
        db.close()
    ws = load_workbook(out)["拨付清单"]
    columns = (2, 3, 4, 6, 7, 9, 12)  # past 资助事项 (5) and 开户行行号 (8)
    for r, line in enumerate(lines, start=5):
        assert [ws.cell(row=r, column=c).value for c in columns] == [
            line.case_number,
            line.applicant_name,
            line.credit_code,
            line.account_name,
            line.bank,
            "".join(line.account_number.split()),
            float(line.amount),
        ]
        assert ws.cell(row=r, column=5).value  # 资助事项
    assert ws.cell(row=5 + len(lines), column=1).value == "合计"
    assert f"{len(lines)} 笔" in stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "payout", "2", "--out", "{dir}/p.xlsx"], "2024年第二批公示尚未结束"),
        (
            ["export", "payout", "9", "--out", "{dir}/p.xlsx"],
            "没有第 9 批公示；现有批次：2024-1、2024-2",
        ),
        (["export", "notice", "soon", "--out", "{dir}/n.pdf"], "看不懂公示批次“soon”"),
        (["export", "payout", "1", "--out", "{dir}/p.pdf"], "拨付清单只能导出为 .xlsx 文件"),
        (["export", "statistics", "--out", "{dir}/s.csv"], "统计表只能导出为 .xlsx 文件"),
        (["export", "notice", "--out", "{dir}/n.doc"], "公示名单只能导出为 .pdf 或 .xlsx 文件"),
        (["export", "notice", "--out", "{dir}/no/such/n.pdf"], "找不到输出文件夹"),
        (["export", "notice", "--out", "{dir}"], "是文件夹"),
        (["export", "statistics", "2031", "--out", "{dir}/s.xlsx"], "没有2031年度的资助政策"),
        (["export", "payout", "--contact", "x", "--out", "{dir}/p.xlsx"], "--contact 只用于"),
        (["export", "report", "--out", "{dir}/r.xlsx"], "无效的内容“report”"),
    ],
)
def test_export_bad_input_exits_2_with_one_line(
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    argv = [a.format(dir=tmp_path) for a in args]
    code, out, err = run(capsys, *argv, "--db", str(demo_file))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and message in err, err
    assert [p.name for p in tmp_path.iterdir()] == []


def test_export_from_a_database_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    code, _, err = run(
        capsys, "export", "statistics", "--db", str(missing), "--out", str(tmp_path / "s.xlsx")
    )
    assert code == 2 and "找不到数据库文件" in err and err.count("\n") == 1
    assert not missing.exists()  # not created by looking for it


def test_export_statistics_equals_the_report(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    from core.db.database import open_database
    from core.records.statistics_source import statistics_report

    out = tmp_path / "stats.xlsx"
    code, stdout, err = run(
        capsys, "export", "statistics", "2024", "--db", str(demo_file), "--out", str(out)
    )
    assert (code, err) == (0, "") and "已兑现 5 件" in stdout
    db = open_database(demo_file)
    try:
        report = statistics_report(db, "bishan-2024")
    finally:
        db.close()
    ws = load_workbook(out)["工作目标"]
    for row, figure in enumerate(report.targets, start=4):
        assert ws.cell(row=row, column=2).value == figure.label
        value = ws.cell(row=row, column=5).value
        if figure.achieved is None:
            assert value == figure.missing_reason
        else:
            assert Decimal(str(value)) == figure.achieved


def _intake_file(tmp_path: Path, docs: list[dict[str, Any]]) -> Path:
    from core.documents.intake_import import intake_workbook
    from core.policy import load_policy

    path = tmp_path / "intake.xlsx"
    path.write_bytes(intake_workbook(load_policy("bishan-2024"), docs))
    return path


def _doc(n: int, received_on: str = "2024-11-10") -> dict[str, Any]:
    doc = sample_case_document(n, rich=False)
    doc["received_on"] = received_on
    doc["id"] = str(n)
    return doc


def test_import_registers_every_application(
    demo_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("IPDESK_PASSWORD", "clerk123")
    path = _intake_file(tmp_path, [_doc(41), _doc(42)])
    code, out, err = run(capsys, "import", str(path), "--as", "clerk2", "--db", str(demo_copy))
    assert (code, err) == (0, "")
    lines = out.strip().splitlines()
    assert lines[0] == "已导入 2 件申请（bishan-2024，经办人 陈静）："
    assert lines[1:] == ["璧市监专转〔2024〕第031号", "璧市监专转〔2024〕第032号"]
    with sqlite3.connect(demo_copy) as conn:
        names = conn.execute(
            "SELECT a.applicant_name, u.username FROM applications a JOIN users u "
            "ON u.id = a.clerk_id WHERE a.seq > 30 ORDER BY a.seq"
        ).fetchall()
    assert names == [
        (_doc(41)["applicant"]["name"], "clerk2"),
        (_doc(42)["applicant"]["name"], "clerk2"),
    ]
    code, out, _ = run(capsys, "audit", "verify", "--db", str(demo_copy))
    assert code == 0


def test_a_failing_import_lists_every_error_and_changes_nothing(
    demo_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("IPDESK_PASSWORD", "clerk123")
    path = _intake_file(tmp_path, [_doc(41), _doc(42, "2099-01-01"), _doc(43, "2099-01-02")])
    before = {t: table_rows(demo_copy, t) for t in ("applications", "applicants", "counters")}
    code, out, err = run(capsys, "import", str(path), "--as", "clerk", "--db", str(demo_copy))
    assert (code, out) == (2, "")
    lines = err.strip().splitlines()
    assert lines[:2] == [
        "工作表「申请事项」第3行 B列（受理日期）：受理日期 2099-01-01 晚于今天，请核对",
        "工作表「申请事项」第4行 B列（受理日期）：受理日期 2099-01-02 晚于今天，请核对",
    ]
    assert lines[-1] == "ipdesk-cli：错误：intake.xlsx：发现 2 处错误，未导入任何申请"
    assert {t: table_rows(demo_copy, t) for t in before} == before
    # The audit log grew by the login only.
    with sqlite3.connect(demo_copy) as conn:
        (last,) = conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert last == "login"


@pytest.mark.parametrize(
    ("user", "password", "message"),
    [
        ("clerk", "wrong-pass", "用户名或密码不正确"),
        ("nobody", "clerk123", "用户名或密码不正确"),
        ("supervisor", "super123", "导入申请须由窗口经办办理；用户“李建国”没有窗口经办角色"),
    ],
)
def test_import_refuses_a_wrong_password_or_a_non_clerk(
    demo_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    user: str,
    password: str,
    message: str,
) -> None:
    monkeypatch.setenv("IPDESK_PASSWORD", password)
    path = _intake_file(tmp_path, [_doc(41)])
    before = table_rows(demo_copy, "applications")
    code, _, err = run(capsys, "import", str(path), "--as", user, "--db", str(demo_copy))
    assert code == 2 and err.count("\n") == 1 and message in err, err
    assert table_rows(demo_copy, "applications") == before


def test_import_asks_for_the_password_only_on_a_terminal(
    demo_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import getpass
    import io

    path = _intake_file(tmp_path, [_doc(41)])
    monkeypatch.setattr(sys, "stdin", io.StringIO("clerk123\n"))
    code, _, err = run(capsys, "import", str(path), "--as", "clerk", "--db", str(demo_copy))
    assert (
        code == 2 and "请在终端中运行以输入用户 clerk 的密码，或设置环境变量 IPDESK_PASSWORD" in err
    )

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    asked: list[str] = []
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or "clerk123")
    code, out, err = run(capsys, "import", str(path), "--as", "clerk", "--db", str(demo_copy))
    assert (code, err) == (0, "") and asked == ["用户 clerk 的密码："]
    assert "已导入 1 件申请" in out


def test_import_of_a_missing_workbook_or_database(
    demo_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("IPDESK_PASSWORD", "clerk123")
    code, _, err = run(
        capsys, "import", str(tmp_path / "none.xlsx"), "--as", "clerk", "--db", str(demo_copy)
    )
    assert code == 2 and "找不到文件" in err
    path = _intake_file(tmp_path, [])
    code, _, err = run(capsys, "import", str(path), "--as", "clerk", "--db", str(demo_copy))
    assert code == 2 and "intake.xlsx 中没有填写任何申请" in err
    code, _, err = run(
        capsys, "import", str(path), "--as", "clerk", "--db", str(tmp_path / "missing.sqlite3")
    )
    assert code == 2 and "找不到数据库文件" in err


@pytest.mark.parametrize(
    ("errno_code", "expected"),
    [
        ("ENOSPC", "磁盘空间不足，无法写入"),
        ("EROFS", "位置是只读的"),
        ("EACCES", "没有写入权限"),
    ],
)
def test_a_full_or_read_only_disk_is_one_line_exit_2_and_leaves_no_partial_file(
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    errno_code: str,
    expected: str,
) -> None:
    """Issue 14 §5: a write that fails for lack of space or permission says what to do."""
    import errno
    import os

    real_fdopen = os.fdopen

    class Failing:
        def __init__(self, fd: int, mode: str) -> None:
            self.file = real_fdopen(fd, mode)

        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def write(self, data: bytes) -> int:
            code = getattr(errno, errno_code)
            raise OSError(code, os.strerror(code), str(out))

    monkeypatch.setattr("core.outputs.os.fdopen", Failing)
    out = tmp_path / "payout.xlsx"
    code, stdout, err = run(capsys, "export", "payout", "--db", str(demo_file), "--out", str(out))
    assert code == 2 and stdout == ""
    assert err.startswith("ipdesk-cli：错误：") and expected in err and err.count("\n") == 1
    assert "Traceback" not in err and "内部错误" not in err
    assert sorted(p.name for p in tmp_path.iterdir() if "payout" in p.name) == []


def _numbers_in_batch(db_file: Path, batch_number: int) -> list[str]:
    with sqlite3.connect(db_file) as conn:
        rows = conn.execute(
            "SELECT a.case_number FROM notice_entries e"
            " JOIN notice_batches b ON b.id = e.batch_id"
            " JOIN applications a ON a.id = e.application_id"
            " WHERE b.number = ? ORDER BY e.position, e.id",
            (batch_number,),
        ).fetchall()
    return [number for (number,) in rows]


@pytest.mark.parametrize("form", ["application-form", "review-opinion"])
def test_print_every_case_of_a_notice_batch_into_one_pdf(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    from tests.core.documents.pdf_checks import pages

    numbers = _numbers_in_batch(demo_file, 1)
    assert len(numbers) >= 2
    out = tmp_path / "batch.pdf"
    code, stdout, err = run(
        capsys, "print", form, "--all-in-batch", "2024-1", "--db", str(demo_file), "--out", str(out)
    )
    assert (code, err) == (0, "")
    assert f"{len(numbers)} 份" in stdout
    data = out.read_bytes()
    text = check_pdf(data)
    # Each form starts on its own page, in the notice's order, numbered on its own.
    firsts = [page for page in pages(data) if "第 1 页" in page]
    assert len(firsts) == len(numbers)
    assert all(number in page for number, page in zip(numbers, firsts, strict=True))
    assert all(number in text for number in numbers)


def test_print_several_case_numbers_into_one_pdf(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    numbers = [number_in(demo_file, "paid"), number_in(demo_file, "accepted")]
    out = tmp_path / "two.pdf"
    code, stdout, err = run(
        capsys, "print", "application-form", *numbers, "--db", str(demo_file), "--out", str(out)
    )
    assert (code, err) == (0, "") and "2 份" in stdout
    text = check_pdf(out.read_bytes())
    assert text.index(numbers[0]) < text.index(numbers[1])


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["璧市监专转〔2024〕第999号", "璧市监专转〔2024〕第998号"],
            "第999号、璧市监专转〔2024〕第998号",
        ),
        (["--all-in-batch", "2024-9"], "批"),
    ],
)
def test_batch_print_of_unknown_cases_or_batch_exits_2(
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    out = tmp_path / "none.pdf"
    code, _, err = run(
        capsys, "print", "review-opinion", *extra, "--db", str(demo_file), "--out", str(out)
    )
    assert code == 2 and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and not out.exists()


def test_batch_print_refuses_a_form_that_is_not_printed_in_bulk(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    code, _, err = run(
        capsys,
        "print",
        "receipt",
        "--all-in-batch",
        "2024-1",
        "--db",
        str(demo_file),
        "--out",
        str(out),
    )
    assert code == 2 and "不能批量打印" in err and not out.exists()
