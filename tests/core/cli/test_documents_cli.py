"""``ipdesk-cli print`` and ``ipdesk-cli intake``: files out with exit 0, or one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import core.cli.main as cli_main
from core.cli import documents
from core.documents.samples import sample_case_document
from tests.core.documents.pdf_checks import check_pdf


@pytest.fixture(autouse=True)
def with_document_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    # Until core/cli/main.py registers core.cli.documents itself.
    registrars = cli_main._extra_commands()
    if documents.register not in registrars:
        monkeypatch.setattr(cli_main, "_extra_commands", lambda: [*registrars, documents.register])


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
        (["print", "receipt", "璧市监专转〔2024〕第001号", "--out", "{out}"], "需要案件数据库"),
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
