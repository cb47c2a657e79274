"""The intake workbook: template, a clean import, every error reported, export round trip."""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

import pytest
from openpyxl import load_workbook

from core.documents.intake_import import (
    CLAIMS_SHEET,
    HELP_SHEET,
    IntakeError,
    import_intake_workbook,
    intake_columns,
    intake_template,
    intake_workbook,
    parse_intake_workbook,
)
from core.documents.model import FORM_TEXT_FIELDS, form_case_from_case_document
from core.documents.samples import credit_code, patent, sample_case_document
from core.engine import calc_case_document
from core.policy.model import Policy


def letter(policy: Policy, key: str) -> str:
    from openpyxl.utils import get_column_letter

    keys = [c.key for c in intake_columns(policy)]
    return get_column_letter(keys.index(key) + 1)


def fill(policy: Policy, rows: Sequence[dict[str, Any]]) -> bytes:
    """The template with rows typed in as a clerk would (keys are column keys)."""
    wb = load_workbook(io.BytesIO(intake_template(policy)))
    ws = wb[CLAIMS_SHEET]
    for r, values in enumerate(rows, start=2):
        for key, value in values.items():
            ws[f"{letter(policy, key)}{r}"] = value
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def clean_rows() -> list[dict[str, Any]]:
    return [
        {
            "group": 1,
            "received_on": dt.datetime(2024, 11, 10),
            "applicant.name": "重庆璧山甲科技有限公司",
            "applicant.credit_code": credit_code(11),
            "applicant.kind": "企业",
            "applicant.size": "小型",
            "form.address": "重庆市璧山区璧泉街道1号",
            "form.handler": "张三",
            "form.handler_phone": "023-41234567",
            "form.account_number": "3100021234567891234",
            "item": "transfer_in",
            "date": dt.datetime(2024, 3, 1),
            "fact.patent": patent(11),
            "fact.counterparty_kind": "高等院校",
            "fact.related_party": "否",
        },
        {
            "group": 1,  # same application: applicant columns left empty
            "item": "接受高校院所发明专利许可",  # the Chinese name works too
            "date": "2024/4/1",
            "fact.patent": patent(12),
            "fact.counterparty_kind": "institute",
            "fact.related_party": False,
            "fact.contract_amount": 4000000,
        },
        {
            "group": "B-2",
            "received_on": "2024-11-12",
            "applicant.name": "重庆璧山乙机械有限公司",
            "applicant.credit_code": credit_code(12).lower(),
            "applicant.kind": "enterprise",
            "applicant.size": "中型企业",
            "item": "pledge_interest",
            "date": "2024年2月25日",
            "fact.principal": 5000000.0,
            "fact.annual_rate": "4%",
            "fact.term_months": 12,
            "fact.interest_months": 6.0,
            "fact.interest_paid": "100,000.50",
        },
    ]


def test_the_template_has_its_columns_formats_lists_and_help(policy: Policy) -> None:
    wb = load_workbook(io.BytesIO(intake_template(policy)))
    assert wb.sheetnames == [CLAIMS_SHEET, HELP_SHEET]
    ws = wb[CLAIMS_SHEET]
    columns = intake_columns(policy)
    assert [c.value for c in ws[1]] == [c.title for c in columns]
    assert ws.freeze_panes == "D2"
    assert ws[f"{letter(policy, 'form.account_number')}2"].number_format == "@"
    assert ws[f"{letter(policy, 'fact.principal')}2"].number_format == "#,##0.00"
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert '"是,否"' in lists
    assert any("transfer_in" in f for f in lists)
    help_text = " ".join(str(c.value) for row in wb[HELP_SHEET].iter_rows() for c in row if c.value)
    for item in policy.items.values():
        assert item.code in help_text and item.name in help_text and item.date_label in help_text
    for column in columns:
        assert column.title in help_text
    assert "*许可合同备案金额（元）" in help_text


def test_a_clean_file_gives_case_documents_the_engine_accepts(policy: Policy) -> None:
    result = parse_intake_workbook(fill(policy, clean_rows()), policy)
    assert result.errors == ()
    assert len(result.cases) == 2
    first, second = result.cases
    assert first == {
        "policy": "bishan-2024",
        "id": "1",
        "received_on": "2024-11-10",
        "applicant": {
            "name": "重庆璧山甲科技有限公司",
            "credit_code": credit_code(11),
            "kind": "enterprise",
            "size": "small",
        },
        "claims": [
            {
                "item": "transfer_in",
                "date": "2024-03-01",
                "patent": patent(11),
                "counterparty_kind": "university",
                "related_party": False,
            },
            {
                "item": "license_in",
                "date": "2024-04-01",
                "patent": patent(12),
                "counterparty_kind": "institute",
                "related_party": False,
                "contract_amount": "4000000.00",
            },
        ],
        "form": {
            "address": "重庆市璧山区璧泉街道1号",
            "handler": "张三",
            "handler_phone": "023-41234567",
            "account_number": "3100021234567891234",
        },
    }
    assert second["applicant"]["credit_code"] == credit_code(12)  # upper-cased
    assert second["applicant"]["size"] == "medium"
    assert second["claims"][0] == {
        "item": "pledge_interest",
        "date": "2024-02-25",
        "principal": "5000000.00",
        "annual_rate": "0.04",
        "term_months": 12,
        "interest_months": 6,
        "interest_paid": "100000.50",
    }
    for doc in result.cases:
        case = form_case_from_case_document(doc)  # the forms accept them, extras and all
        assert case.result.raw == calc_case_document({k: v for k, v in doc.items() if k != "form"})


def test_every_error_is_reported_and_nothing_is_imported(policy: Policy) -> None:
    rows = clean_rows()
    bad = copy.deepcopy(rows)
    bad[0]["applicant.credit_code"] = "91500227MA00000110"  # 1 check character
    bad[0]["fact.patent"] = "ZL202110000011.5"  # 2 patent check digit
    bad[0]["form.account_number"] = 3100021234567891234  # 3 a long number typed as a number
    bad[1]["date"] = "2024-02-30"  # 4 no such day
    bad[1]["fact.contract_amount"] = None  # 5 required fact missing
    bad[1]["fact.counterparty_kind"] = "公司"  # 6 not one of the choices
    bad[1]["applicant.name"] = "另一家公司"  # 7 differs from the first row of the group
    bad[2]["applicant.name"] = None  # 8 first row of the group without a name
    bad[2]["fact.annual_rate"] = "4.5"  # 9 rate not a decimal fraction
    bad[2]["fact.interest_paid"] = "-100"  # 10 negative amount
    bad[2]["fact.interest_months"] = "六个月"  # 11 not an integer
    bad[2]["fact.product"] = "电机"  # 12 a fact the item does not use
    bad.append({"item": "nonsense", "date": "2024-01-01"})  # 13 no 申请编号
    bad.append(
        {
            "group": "C",
            "received_on": "2024-11-10",
            "applicant.name": "丙",
            "applicant.credit_code": credit_code(13),
            "applicant.kind": "公司",  # 14
            "item": "foo_bar",
            "date": "2024-01-01",  # 15 unknown item
            "applicant.dishonest_debtor": "也许",
        }
    )  # 16 not 是/否
    saved: list[Any] = []
    result = import_intake_workbook(fill(policy, bad), policy, saved.append)
    assert saved == []
    assert result.cases == () and not result.ok

    def where(key: str) -> str:
        return letter(policy, key)

    expected = [
        (2, where("applicant.credit_code"), "校验不通过"),
        (2, where("form.account_number"), "文本格式"),
        (2, where("fact.patent"), "校验不通过"),
        (3, where("applicant.name"), "不一致"),
        (3, where("date"), "不存在"),
        (3, where("fact.counterparty_kind"), "高等院校、科研院所、企业、个人"),
        (3, where("fact.contract_amount"), "须填写“许可合同备案金额（元）”"),
        (4, where("applicant.name"), "缺少申请人名称"),
        (4, where("fact.annual_rate"), "小数形式"),
        (4, where("fact.interest_months"), "应为整数"),
        (4, where("fact.interest_paid"), "不能为负数"),
        (4, where("fact.product"), "不填此项"),
        (5, where("group"), "缺少申请编号"),
        (6, where("applicant.kind"), "申请人类型应为"),
        (6, where("applicant.dishonest_debtor"), "应填“是”或“否”"),
        (6, where("item"), "未知资助事项“foo_bar”"),
    ]
    got = [(e.row, e.column, e.message) for e in result.errors]
    assert len(got) == len(expected), "\n".join(str(e) for e in result.errors)
    for (row, column, text), (g_row, g_column, g_text) in zip(expected, got, strict=True):
        assert (g_row, g_column) == (row, column), (row, column, g_text)
        assert text in g_text, (row, column, g_text)
    assert all(e.sheet == CLAIMS_SHEET for e in result.errors)
    first = result.errors[0]
    assert str(first) == (
        f"工作表「申请事项」第2行 {first.column}列（统一社会信用代码）：{first.message}"
    )


def test_clean_file_is_saved_once_in_full(policy: Policy) -> None:
    saved: list[Sequence[dict[str, Any]]] = []
    result = import_intake_workbook(fill(policy, clean_rows()), policy, saved.append)
    assert result.ok
    assert len(saved) == 1 and list(saved[0]) == list(result.cases)


def test_export_then_import_gives_the_same_documents(policy: Policy) -> None:
    docs = []
    for n, rich in ((1, True), (2, False), (3, True)):
        doc = sample_case_document(n, rich=rich)
        doc["form"] = {k: v for k, v in doc["form"].items() if k in FORM_TEXT_FIELDS}
        docs.append(doc)
    docs[1]["applicant"]["dishonest_debtor"] = False
    docs[2]["claims"].append(
        {
            "item": "hv_transform",
            "date": "2024-07-01",
            "patent": patent(99),
            "acquired_by": "transfer",
        }
    )
    data = intake_workbook(policy, docs)
    result = parse_intake_workbook(data, policy)
    assert result.errors == ()
    assert list(result.cases) == docs


def test_a_foreign_or_damaged_file_is_refused(policy: Policy, tmp_path: Any) -> None:
    not_xlsx = parse_intake_workbook(b"PK\x03\x04 not really", policy)
    assert not not_xlsx.ok and "不是有效的 Excel 工作簿" in not_xlsx.errors[0].message
    missing = parse_intake_workbook(tmp_path / "nowhere.xlsx", policy)
    assert "找不到文件" in missing.errors[0].message

    wb = load_workbook(io.BytesIO(intake_template(policy)))
    wb[CLAIMS_SHEET]["C1"] = "名称"
    buffer = io.BytesIO()
    wb.save(buffer)
    moved = parse_intake_workbook(buffer.getvalue(), policy)
    assert moved.errors == (
        IntakeError(
            CLAIMS_SHEET,
            1,
            "C",
            "申请人名称",
            "表头应为“申请人名称”，实为“名称”；请使用本系统导出的模板，不要增删或移动列",
        ),
    )


@pytest.mark.parametrize("empty", [[], [{}]])
def test_an_empty_template_imports_nothing(policy: Policy, empty: list[dict[str, Any]]) -> None:
    result = parse_intake_workbook(fill(policy, empty), policy)
    assert result.ok and result.cases == ()
