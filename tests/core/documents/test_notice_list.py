"""The 公示名单 PDF: masked identifiers, amounts after proration, pages and headers."""

from __future__ import annotations

import dataclasses

from core.documents.masking import mask_account, mask_credit_code
from core.documents.notice_list import NoticeList, notice_list_title, render_notice_list
from core.documents.samples import notice_list_sample
from core.money import format_yuan, rmb_capitals
from core.policy.model import Policy
from tests.core.documents.pdf_checks import check_pdf, flat, pages


def test_entries_are_masked_and_amounts_are_shown(policy: Policy) -> None:
    notice = notice_list_sample(policy, entries=12)
    pdf = render_notice_list(notice)
    text = check_pdf(pdf, landscape=True)
    for entry in notice.entries:
        assert flat(entry.applicant_name) in text
        assert entry.case_number in text
        assert mask_credit_code(entry.credit_code) in text
        assert entry.credit_code not in text
        assert "".join(entry.account_number.split()) not in text
        assert format_yuan(entry.amount) in text
    assert mask_account(notice.entries[0].account_number) == "****1789"
    assert "9150************" in text and "****1789" in text


def test_period_contact_total_and_issuer(policy: Policy) -> None:
    notice = notice_list_sample(policy, entries=5)
    text = check_pdf(render_notice_list(notice), landscape=True)
    assert flat(notice_list_title(notice)) in text
    assert "公示期：2024年12月2日至2024年12月6日。" in text
    assert "受理异议：重庆市璧山区市场监督管理局知识产权科，电话：023-41412345" in text
    assert notice.total == sum(e.amount for e in notice.entries)
    assert f"合计共5项，大写：{rmb_capitals(notice.total)}{format_yuan(notice.total)}" in text
    assert "重庆市璧山区市场监督管理局2024年11月29日" in text


def test_a_long_list_repeats_its_header_and_numbers_its_pages(policy: Policy) -> None:
    pdf = render_notice_list(notice_list_sample(policy, entries=90))
    check_pdf(pdf, landscape=True)
    texts = [flat(t) for t in pages(pdf)]
    assert len(texts) >= 4
    header = "序号受理编号申请人统一社会信用代码资助事项银行账号审核金额（元）比例资助金额（元）"
    for n, t in enumerate(texts, start=1):
        assert header in t, f"page {n} has no header row"
        assert f"第{n}页共{len(texts)}页" in t
    # every entry is printed exactly once across the pages
    joined = "".join(texts)
    for i in range(1, 91):
        assert joined.count(f"璧市监专转〔2024〕第{i:03d}号") == 1


def test_an_empty_list_still_prints(policy: Policy) -> None:
    notice: NoticeList = dataclasses.replace(notice_list_sample(policy, entries=1), entries=())
    text = check_pdf(render_notice_list(notice), landscape=True)
    assert "合计共0项，大写：零元整0.00" in text


def test_rare_hanzi_in_a_name_are_printed_and_extracted(policy: Policy) -> None:
    notice = notice_list_sample(policy, entries=2)
    rare = dataclasses.replace(notice.entries[0], applicant_name="重庆𠀀𬌗科技有限公司")
    notice = dataclasses.replace(notice, entries=(rare, *notice.entries[1:]))
    text = check_pdf(render_notice_list(notice), landscape=True)
    assert "重庆𠀀𬌗科技有限公司" in text
