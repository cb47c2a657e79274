"""Counter notices: 受理回执, 补正通知书, 不予受理通知书."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from core.documents.model import FormCase, form_case_from_case_document
from core.documents.notices import (
    render_correction_notice,
    render_receipt,
    render_rejection_notice,
    write_receipt,
)
from core.documents.samples import sample_case_document
from tests.core.documents.pdf_checks import check_pdf, pages

ISSUER = "重庆市璧山区市场监督管理局"


@pytest.mark.parametrize(
    ("render", "title"),
    [
        (render_receipt, "受理回执"),
        (render_correction_notice, "补正通知书"),
        (render_rejection_notice, "不予受理通知书"),
    ],
)
def test_every_notice_names_case_date_bureau_and_has_a_seal_area(
    form_case: FormCase, render: object, title: str
) -> None:
    pdf = render(form_case)  # type: ignore[operator]
    text = check_pdf(pdf)
    assert f"重庆市璧山区专利转化运用资助{title}" in text
    assert "受理编号：璧市监专转〔2024〕第001号" in text
    assert f"{form_case.applicant.name}：" in text
    assert f"{ISSUER}（盖章）2024年11月12日" in text
    assert "申请人（经办人）签收：" in text
    assert len(pages(pdf)) == 1


def test_receipt_lists_what_came_in_and_the_next_steps(form_case: FormCase) -> None:
    text = check_pdf(render_receipt(form_case))
    assert "你单位于2024年11月10日提交的" in text
    assert "《重庆市璧山区专利转化运用资助申请表》√2√" in text
    assert "盖有本单位公章的银行账户信息表√1√" in text
    assert "转让登记备案材料" not in text  # not received: it goes on the 补正通知书
    for step in ("1.审核：", "2.办公会研究：", "3.公示：", "4.兑现："):
        assert step in text
    # 五(三)1 sets no period: the 5 working days are cited as the bureau's own (issue 20 §16).
    assert "公示期5个工作日（由本局确定，五(三)1未规定公示期限）" in text
    assert "公示期5个工作日（五(三)1）" not in text
    assert "由区市场监管局向资助奖励对象兑现（五(三)2）" in text


def test_receipt_without_a_checklist_lists_the_required_materials_to_tick() -> None:
    doc = sample_case_document(2, rich=False)
    del doc["form"]["checklist"]
    text = check_pdf(render_receipt(form_case_from_case_document(doc)))
    assert "专利转让合同□□" in text
    assert "转让登记备案材料□□" in text


def test_correction_lists_each_item_the_due_date_and_the_consequence(form_case: FormCase) -> None:
    text = check_pdf(render_correction_notice(form_case))
    assert "请于2024年11月22日前补正下列材料" in text
    assert "1转让登记备案材料未提供国家知识产权局出具的专利权转移手续合格通知书" in text
    assert "2盖有本单位公章的银行账户信息表只提供一份，须一式两份并加盖公章" in text
    assert "五(一)2(2)「提供材料不齐全的，告知补齐后仍不能提供齐全的」不予受理" in text
    assert "逾期未补正或补正后仍不齐全的，本局将不予受理" in text
    assert "一式两份" in text


def test_correction_without_a_due_date_leaves_it_to_fill_in(form_case: FormCase) -> None:
    text = check_pdf(render_correction_notice(dataclasses.replace(form_case, correction_due=None)))
    assert "请于年月日前补正下列材料" in text


def test_rejection_names_the_ground_and_its_clause(form_case: FormCase) -> None:
    text = check_pdf(render_rejection_notice(form_case))
    assert "（一）不属于资助范围的（五(一)2(1)）。" in text
    assert "五(一)2(1)的规定，决定对你单位的申请不予受理" in text
    # An administrative decision: the right to 行政复议 and 行政诉讼 (issue 20 §15).
    assert "自收到本通知书之日起六十日内依照《中华人民共和国行政复议法》" in text
    assert "向重庆市璧山区人民政府申请行政复议" in text
    assert "六个月内依照《中华人民共和国行政诉讼法》向重庆市璧山区人民法院提起行政诉讼" in text


def test_rejection_for_lateness_shows_the_dates() -> None:
    doc = sample_case_document(9, rich=False)
    doc["received_on"] = "2024-11-25"
    del doc["form"]["rejection_grounds"]  # taken from the result: decided by the engine
    case = form_case_from_case_document(doc)
    assert case.grounds == ("late",)
    text = check_pdf(render_rejection_notice(case))
    assert "（一）逾期未提出资助奖励申请的（五(一)2(5)）。" in text
    assert "受理日期2024年11月25日晚于申报截止日2024年11月22日" in text


def test_write_receipt(form_case: FormCase, tmp_path: Path) -> None:
    path = write_receipt(form_case, tmp_path / "r.pdf")
    assert path.read_bytes().startswith(b"%PDF")
