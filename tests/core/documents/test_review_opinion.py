"""The 审核意见表: each claim's explanation, the total in capitals, checklist, signatures."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from core.documents.gridform import PAGE_BOTTOM, layout
from core.documents.model import FormCase, Opinion, form_case_from_case_document
from core.documents.review_opinion import render_review_opinion, review_opinion_sheet
from core.documents.samples import sample_case_document
from core.engine import calc_case_document
from core.money import format_yuan
from tests.core.documents.pdf_checks import check_pdf, flat, pages


def test_case_applicant_and_every_claim_with_its_explanation(form_case: FormCase) -> None:
    text = check_pdf(render_review_opinion(form_case))
    assert "重庆市璧山区专利转化运用资助审核意见表" in text
    assert "受理编号璧市监专转〔2024〕第001号" in text
    assert flat(form_case.applicant.name) in text
    assert form_case.applicant.credit_code in text
    for snap in form_case.result.claims:
        assert format_yuan(snap.amount) in text
        for line in snap.explanation:
            assert flat(line) in text, line
    assert text.count("予以资助") == 6


def test_total_in_figures_and_capitals(form_case: FormCase) -> None:
    text = check_pdf(render_review_opinion(form_case))
    assert "资助合计128,850.25元（大写：壹拾贰万捌仟捌佰伍拾元贰角伍分）" in text


def test_proration_is_shown_when_the_batch_was_prorated(form_case: FormCase) -> None:
    prorated = dataclasses.replace(form_case, prorated_amount=Decimal("100000.50"))
    text = check_pdf(render_review_opinion(prorated))
    assert "按比例资助后100,000.50元（大写：壹拾万元零伍角整）" in text


def test_checklist_opinions_signatures_and_seal(form_case: FormCase) -> None:
    case = dataclasses.replace(
        form_case, supervisor_opinion=Opinion("同意。", "赵军", form_case.received_on)
    )
    text = check_pdf(render_review_opinion(case))
    assert "二、材料审查" in text
    for entry in case.checklist:
        assert flat(entry.name) in text
    assert "盖有本单位公章的银行账户信息表√1√缺一份" in text
    assert "转让登记备案材料×□未提供手续合格通知书" in text
    # the recorded name, then a blank for the ink signature
    assert "经办人：王芳签名：日期：2024年11月12日" in text
    assert "审核人：赵军签名：日期：2024年11月10日" in text
    assert "重庆市璧山区市场监督管理局（盖章）年月日" in text


def test_blank_signature_lines_when_nobody_has_signed(form_case: FormCase) -> None:
    case = dataclasses.replace(form_case, clerk_opinion=None, checklist=())
    text = check_pdf(render_review_opinion(case))
    assert "经办人：签名：日期：年月日" in text
    assert "审核人：签名：日期：年月日" in text
    # the required materials, to tick by hand
    assert "专利许可合同□□" in text


def test_prints_the_frozen_snapshot_not_a_new_calculation(case_doc: dict[str, Any]) -> None:
    rest = {k: v for k, v in case_doc.items() if k != "form"}
    frozen = calc_case_document(rest)
    frozen["claims"][0]["amount"] = "8000.00"
    frozen["claims"][0]["explanation"] = ["办公会审定：本项按8,000.00元资助"]
    frozen["total"] = "126850.25"
    text = check_pdf(render_review_opinion(form_case_from_case_document(case_doc, result=frozen)))
    assert "办公会审定：本项按8,000.00元资助" in text
    assert "资助合计126,850.25元（大写：壹拾贰万陆仟捌佰伍拾元贰角伍分）" in text


def test_a_rejected_case_names_its_ground() -> None:
    doc = sample_case_document(8, rich=False)
    doc["received_on"] = "2024-11-25"
    text = check_pdf(render_review_opinion(form_case_from_case_document(doc)))
    assert "申请属「逾期未提出资助奖励申请的」（五(一)2(5)），不予受理" in text
    assert "不予资助" in text
    assert "资助合计0.00元（大写：零元整）" in text


def test_a_long_list_flows_over_pages_with_its_header_and_page_numbers() -> None:
    doc = sample_case_document(6, rich=False)
    doc["claims"] = [
        {"item": "product_filing", "date": "2024-05-01", "product": f"智能电机控制器第{i}型"}
        for i in range(1, 31)
    ]
    case = form_case_from_case_document(doc)
    pdf = render_review_opinion(case)
    check_pdf(pdf)
    texts = [flat(t) for t in pages(pdf)]
    assert len(texts) >= 3
    claim_pages = [t for t in texts if "智能电机控制器第" in t]
    assert len(claim_pages) >= 2
    for t in claim_pages:
        assert "序号资助事项测算说明结论金额（元）" in t  # the header row, repeated
    for n, t in enumerate(texts, start=1):
        assert f"第{n}页共{len(texts)}页" in t
    for t in texts[1:]:
        assert case.case_number in t  # continuation pages name the case
    # the cumulative cap of 10,000 for product filings: ten paid, twenty reduced to 0
    joined = "".join(texts)
    assert joined.count("核减资助") == 20
    assert "资助合计10,000.00元（大写：壹万元整）" in joined


def test_the_basis_is_the_policys_title_not_its_internal_id(form_case: FormCase) -> None:
    """Issue 20 §17: 「bishan-2024，版本2024.1」 meant nothing to the applicant."""
    import dataclasses

    text = check_pdf(render_review_opinion(form_case))
    policy = form_case.policy
    assert flat(f"{policy.source}；{policy.title}（") in text
    assert policy.id not in text
    numbered = dataclasses.replace(
        form_case, policy=dataclasses.replace(policy, document_number="璧山市监发〔2023〕99号")
    )
    assert flat("《重庆市璧山区开展专利转化运用提升行动工作方案》（璧山市监发〔2023〕99号）") in (
        check_pdf(render_review_opinion(numbered))
    )


def test_a_very_long_opinion_prints_whole_over_pages(form_case: FormCase) -> None:
    """Opinions are free text without a limit: one longer than a page continues on the next
    one (before, platypus would have refused to lay out a box taller than a page)."""
    sentence = "经复核，申请材料齐全，测算无误，同意按核定金额资助。"
    opinion = Opinion(text=sentence * 150, name="李审核")
    case = dataclasses.replace(form_case, supervisor_opinion=opinion)
    pdf = render_review_opinion(case)
    text = check_pdf(pdf)
    assert "审核人：李审核" in text
    # Every line of it on some page (the page breaks put 第N页 between two of them).
    laid_out = layout(review_opinion_sheet(case))
    printed = "".join(run for page in laid_out for line in page.lines for run, _ in line.runs)
    assert printed.count(sentence) == 150
    assert all(cell.bottom >= PAGE_BOTTOM - 0.01 for page in laid_out for cell in page.cells)
    short = len(pages(render_review_opinion(form_case)))
    assert len(pages(pdf)) > short


def test_forms_in_a_batch_match_the_forms_printed_alone(form_case: FormCase) -> None:
    from core.documents.pdf import DocumentInfo
    from core.documents.review_opinion import render_review_opinions

    other = form_case_from_case_document(sample_case_document(2, rich=False))
    batch = pages(render_review_opinions([form_case, other], DocumentInfo("审核意见表（2份）")))
    alone = pages(render_review_opinion(form_case)) + pages(render_review_opinion(other))
    assert [flat(t) for t in batch] == [flat(t) for t in alone]
