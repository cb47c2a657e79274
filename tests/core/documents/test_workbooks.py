"""Workbooks reopened and checked cell by cell: 公示名单, 拨付清单, statistics."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from core.documents.masking import mask_account, mask_credit_code
from core.documents.samples import credit_code, notice_list_sample
from core.documents.workbooks import (
    MONEY_FORMAT,
    PayoutRow,
    notice_list_workbook,
    payout_workbook,
    save_workbook,
    statistics_workbook,
)
from core.policy.model import Policy
from core.statistics import StatCase, StatClaim, compute_statistics


def sheet(data: bytes, name: str) -> Worksheet:
    wb = load_workbook(io.BytesIO(data))
    ws: Worksheet = wb[name]
    return ws


def amount(cell: Any) -> Decimal:
    return Decimal(str(cell.value)).quantize(Decimal("0.01"))


def assert_prints_on_a4_fitted_to_width(ws: Worksheet, header_row: int) -> None:
    assert int(ws.page_setup.paperSize) == 9  # A4 in the OOXML paper size list
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.print_title_rows == f"${header_row}:${header_row}"


def test_notice_list_workbook_is_masked(policy: Policy) -> None:
    notice = notice_list_sample(policy, entries=25)
    ws = sheet(notice_list_workbook(notice), "公示名单")
    assert ws["A1"].value == "重庆市璧山区专利转化运用资助拟资助名单公示（2024年第一批）"
    assert ws["A3"].value == "公示期：2024年12月2日至2024年12月6日。"
    header = 5
    assert [c.value for c in ws[header]] == [
        "序号",
        "受理编号",
        "申请人",
        "统一社会信用代码",
        "资助事项",
        "银行账号",
        "审核金额（元）",
        "比例",
        "资助金额（元）",
    ]
    for i, entry in enumerate(notice.entries, start=1):
        row = ws[header + i]
        assert row[0].value == i
        assert row[1].value == entry.case_number
        assert row[2].value == entry.applicant_name
        assert row[3].value == mask_credit_code(entry.credit_code)
        assert row[3].value.startswith("9150") and "*" * 12 in row[3].value
        assert row[5].value == mask_account(entry.account_number)
        assert row[5].value.startswith("****")
        assert row[7].value == (entry.ratio or None)
        assert amount(row[8]) == entry.amount
        assert row[8].number_format == MONEY_FORMAT
    every_value = {str(c.value) for r in ws.iter_rows() for c in r if c.value is not None}
    for entry in notice.entries:
        assert entry.credit_code not in every_value
        assert "".join(entry.account_number.split()) not in every_value
    total = ws[header + len(notice.entries) + 1]
    assert total[0].value == "合计"
    assert amount(total[8]) == notice.total
    assert ws.page_setup.orientation == "landscape"
    assert_prints_on_a4_fitted_to_width(ws, header)
    assert ws.column_dimensions["C"].width == 34


def payout_rows() -> list[PayoutRow]:
    return [
        PayoutRow(
            case_number=f"璧市监专转〔2024〕第{i:03d}号",
            applicant_name=f"重庆璧山示例科技有限公司（第{i}号）",
            credit_code=credit_code(i),
            account_name=f"重庆璧山示例科技有限公司（第{i}号）",
            bank="中国工商银行股份有限公司重庆璧山支行",
            account_number=f"6222 0212 3456 7891 {i:03d}",
            amount=Decimal("10000.10") * i,
            items="接受高校院所发明专利转让、专利密集型产品备案",
            bank_code="010653000123" if i == 1 else "",
        )
        for i in range(1, 6)
    ]


def test_payout_workbook_has_full_bank_details_a_total_and_signatures(policy: Policy) -> None:
    rows = payout_rows()
    data = payout_workbook(
        policy,
        rows,
        prepared_on=dt.date(2024, 12, 10),
        batch_name="第一批",
        basis="2024年第一批公示；区市场监管局办公会2024-11-28（第12号纪要）研究审定",
    )
    ws = sheet(data, "拨付清单")
    assert ws["A1"].value == "重庆市璧山区专利转化运用资助资金拨付清单（第一批）"
    assert (
        ws["A2"].value == "编制单位：重庆市璧山区市场监督管理局\u3000\u3000编制日期：2024年12月10日"
    )
    assert (
        ws["A3"].value
        == "依据：2024年第一批公示；区市场监管局办公会2024-11-28（第12号纪要）研究审定"
    )
    assert [c.value for c in ws[4]] == [
        "序号",
        "受理编号",
        "申请人",
        "统一社会信用代码",
        "资助事项",
        "申请人户名",
        "开户银行",
        "开户行行号",
        "银行账号",
        "审核金额（元）",
        "比例",
        "拨付金额（元）",
        "备注",
    ]
    for i, r in enumerate(rows, start=1):
        cells = ws[4 + i]
        assert cells[3].value == r.credit_code
        assert cells[4].value == r.items
        assert cells[5].value == r.account_name
        assert cells[6].value == r.bank
        assert cells[7].value == (r.bank_code or None) and cells[7].number_format == "@"
        assert cells[8].value == f"6222021234567891{i:03d}"  # whole, digits only
        assert cells[8].data_type == "s" and cells[8].number_format == "@"
        assert amount(cells[11]) == r.amount
        assert cells[11].number_format == MONEY_FORMAT
    total = ws[4 + len(rows) + 1]
    assert total[0].value == "合计" and total[2].value == "共5笔"
    assert amount(total[11]) == Decimal("150001.50")
    words = ws[4 + len(rows) + 2]
    assert words[0].value == "合计金额（大写）"
    assert words[2].value == "壹拾伍万零壹元伍角整"
    signatures = [c.value for c in ws[4 + len(rows) + 4] if c.value]
    assert signatures == [
        "经办人（签字）：",
        "审核人（签字）：",
        "负责人（签字）：",
        "单位（盖章）：",
    ]
    assert_prints_on_a4_fitted_to_width(ws, 4)


def test_statistics_workbook(policy: Policy, tmp_path: Any) -> None:
    case = StatCase(
        reference="璧市监专转〔2024〕第001号",
        applicant_name="企业",
        credit_code=credit_code(1),
        kind="enterprise",
        size="small",
        claims=(
            StatClaim(
                "license_in",
                {
                    "counterparty_kind": "university",
                    "patent": "P1",
                    "contract_amount": "4000000.00",
                },
            ),
        ),
        result={
            "accepted": True,
            "total": "7000.00",
            "claims": [{"index": 0, "status": "awarded", "amount": "7000.00"}],
        },
        paid_amount=Decimal("7000.00"),
        paid_on=dt.date(2024, 12, 20),
    )
    report = compute_statistics(policy, [case], university_effective_patents=None)
    data = statistics_workbook(report, prepared_on=dt.date(2025, 1, 2))
    path = save_workbook(data, tmp_path / "stats.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["工作目标", "按事项", "按月份", "预算使用"]
    ws = wb["工作目标"]
    assert "辖区高校院所有效专利数：未填报" in ws["A2"].value
    rows = {ws.cell(row=r, column=2).value: r for r in range(4, 4 + len(policy.targets))}
    count = rows["新增中小微企业接收高校院所专利转让许可次数"]
    assert [ws.cell(row=count, column=c).value for c in (3, 4, 5, 7, 8)] == ["次", 30, 1, 29, "否"]
    assert ws.cell(row=count, column=10).value == "璧市监专转〔2024〕第001号"
    assert ws.cell(row=count, column=6).number_format == "0.0%"
    ratio = rows["辖区高校院所向中小微企业转让许可专利占高校院所有效专利的比例"]
    assert ws.cell(row=ratio, column=5).value == "未填报"
    assert ws.cell(row=ratio, column=8).value == "—"
    assert ws.cell(row=ratio, column=4).number_format == "0.00%"
    licence = rows["新增专利许可备案金额"]
    assert amount(ws.cell(row=licence, column=5)) == Decimal("4000000.00")
    assert ws.cell(row=licence, column=5).number_format == MONEY_FORMAT
    assert_prints_on_a4_fitted_to_width(ws, 3)

    items = wb["按事项"]
    by_name = {items.cell(row=r, column=1).value: r for r in range(3, items.max_row + 1)}
    r = by_name["接受高校院所发明专利许可"]
    assert items.cell(row=r, column=3).value == 1
    assert amount(items.cell(row=r, column=4)) == Decimal("7000.00")
    assert amount(items.cell(row=by_name["合计"], column=4)) == Decimal("7000.00")

    months = wb["按月份"]
    assert [c.value for c in months[3]][:3] == ["2024-12", 1, 7000]
    budget = wb["预算使用"]
    values = {budget.cell(row=r, column=1).value: budget.cell(row=r, column=2) for r in range(3, 8)}
    assert amount(values["资助预算（元）"]) == Decimal("1000000.00")
    assert amount(values["预算中尚未兑现（元）"]) == Decimal("993000.00")
    assert values["预算使用比例"].value == pytest.approx(0.007)
    assert values["预算使用比例"].number_format == "0.00%"
