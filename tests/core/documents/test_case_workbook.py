"""测算用例 written as a workbook by a supervisor (issue 17 §3): the intake columns plus
用例名称, 所依据条款, 预期金额 and 预期合计, run by policy test like the JSON files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.cli.main import main
from core.documents.case_workbook import EXTRA_COLUMNS, load_case_workbook
from core.documents.intake_import import CLAIMS_SHEET, intake_columns, intake_workbook
from core.engine.casebook import CaseFileError, run_cases
from core.policy import load_policy

POLICY = load_policy("bishan-2024")
TRANSFER = {
    "item": "transfer_in",
    "date": "2024-03-15",
    "patent": "ZL201710601862.3",
    "counterparty_kind": "university",
    "related_party": False,
}


def workbook(tmp_path: Path, total: str, amount: str | None = None) -> Path:
    doc = {
        "id": "A1",
        "policy": "bishan-2024",
        "received_on": "2024-11-10",
        "applicant": {
            "name": "重庆璧山示例科技有限公司",
            "credit_code": "91500227MA5U00000B",
            "kind": "enterprise",
            "size": "small",
        },
        "claims": [TRANSFER],
    }
    book = load_workbook(io.BytesIO(intake_workbook(POLICY, [doc])))
    ws = book[CLAIMS_SHEET]
    first = len(intake_columns(POLICY)) + 1
    for i, title in enumerate(EXTRA_COLUMNS):
        ws.cell(row=1, column=first + i, value=title)
    ws.cell(row=2, column=first, value="局内：转让1万元/件")
    ws.cell(row=2, column=first + 1, value="附件1·专利转让许可·第1行")
    ws.cell(row=2, column=first + 3, value=total)
    if amount is not None:
        ws.cell(row=2, column=first + 2, value=amount)
    path = tmp_path / "局内用例.xlsx"
    book.save(path)
    return path


def test_a_workbook_case_runs_and_holds(tmp_path: Path) -> None:
    (case,) = load_case_workbook(workbook(tmp_path, "10000", "10000.00"), POLICY)
    assert (case.name, case.clause) == ("局内：转让1万元/件", "附件1·专利转让许可·第1行")
    (outcome,) = run_cases([case])
    assert outcome.ok, outcome.line()


def test_a_wrong_expectation_fails_naming_the_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(tmp_path, "15000")
    assert main(["policy", "test", "bishan-2024", str(path)]) == 1
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith("✗ 局内：转让1万元/件（附件1·专利转让许可·第1行）")
    assert "预期 15000.00，实际 10000.00" in line


def test_a_case_without_name_or_expectation_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path, "")
    with pytest.raises(CaseFileError, match="预期合计或各行的预期金额"):
        load_case_workbook(path, POLICY)


def test_the_blank_template_has_the_four_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cases.xlsx"
    assert main(["policy", "cases-template", "bishan-2024", "--out", str(out)]) == 0
    ws = load_workbook(out)[CLAIMS_SHEET]
    header = [c.value for c in ws[1]]
    assert header[-4:] == list(EXTRA_COLUMNS)
    assert header[: len(intake_columns(POLICY))] == [c.title for c in intake_columns(POLICY)]
