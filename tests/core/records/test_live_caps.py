"""Caps over every live application of the enterprise (issue 13 §2; seed 002 附件1).

「同一企业累计资助最高不超过3万元」, 「每家企业累计贴息资金不超过20万元，贴息期限累计不超过
36个月」, 「每家企业累计不超过5万元」 (fees) and 「同一企业累计资助不超过1万元」 (product filing)
count what was paid, what is approved and not yet paid, and what earlier applications still
being handled were given — so two approved-but-unpaid applications can no longer pass a cap
together.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from core.db.database import Database
from core.records import case_queries, workflow
from core.records.queries import list_cases
from core.records.states import Status
from tests.core.db.conftest import People, advance, case_form, register, transfer

D = Decimal


def loan(interest: str, months: int, n: int = 1) -> dict[str, Any]:
    return {
        "item": "pledge_interest",
        "date": f"2024-0{n}-01",
        "principal": "5000000.00",
        "annual_rate": "0.0300",
        "term_months": 36,
        "interest_months": months,
        "interest_paid": interest,
    }


def fees(appraisal: str, n: int = 1) -> dict[str, Any]:
    return {
        "item": "pledge_fees",
        "date": f"2024-0{n}-02",
        "appraisal": appraisal,
        "guarantee": "0",
        "insurance": "0",
    }


def filing(product: str) -> dict[str, Any]:
    return {"item": "product_filing", "date": "2024-04-01", "product": product}


def total(db: Database, case_id: int) -> Decimal:
    detail = case_queries.get_case(db, case_id)
    assert detail.computed_total is not None
    return detail.computed_total


def explanation(db: Database, case_id: int) -> str:
    return "\n".join(
        line for claim in case_queries.recalculate(db, case_id).claims for line in claim.explanation
    )


@pytest.mark.parametrize("first_state", [Status.APPROVED, Status.ON_NOTICE, Status.PAID])
def test_transfer_cap_counts_an_earlier_application_approved_or_paid(
    db: Database, people: People, first_state: Status
) -> None:
    first = register(db, people, case_form(1, [transfer(1), transfer(2)]))
    advance(db, people, first, first_state)
    second = register(db, people, case_form(1, [transfer(3), transfer(4)]))
    # 30,000 per enterprise: 20,000 held by the first, whatever stage it is at.
    assert total(db, second) == D("10000.00")
    assert "璧市监专转〔2024〕第001号" in explanation(db, second)


def test_two_pending_applications_share_the_cap_in_order_received(
    db: Database, people: People
) -> None:
    early = register(db, people, case_form(1, [transfer(1), transfer(2)]))
    late = register(db, people, case_form(1, [transfer(3), transfer(4)]))
    # The earlier keeps what it was given, the later gets the remainder.
    assert total(db, early) == D("20000.00")
    assert total(db, late) == D("10000.00")
    text = explanation(db, late)
    assert "同一企业另有申请 璧市监专转〔2024〕第001号（已登记，未拨付） 已占用20,000.00元" in text
    # Both approved, still unpaid: together exactly the cap, never more.
    advance(db, people, early, Status.APPROVED)
    advance(db, people, late, Status.APPROVED)
    approved = [case_queries.get_case(db, c).approved_amount for c in (early, late)]
    assert sum(a for a in approved if a is not None) == D("30000.00")


def test_a_later_received_application_registered_first_yields_to_the_earlier(
    db: Database, people: People
) -> None:
    registered_first = register(
        db, people, case_form(1, [transfer(1), transfer(2)], received_on=dt.date(2024, 5, 3))
    )
    received_first = register(
        db, people, case_form(1, [transfer(3), transfer(4)], received_on=dt.date(2024, 5, 1))
    )
    assert total(db, received_first) == D("20000.00")
    # Registering the earlier-received one recalculated the other: it now comes second.
    assert total(db, registered_first) == D("10000.00")


def test_three_applications_paid_approved_and_pending_against_the_interest_cap(
    db: Database, people: People
) -> None:
    paid = register(db, people, case_form(1, [loan("90000.00", 12, 1)]))
    advance(db, people, paid, Status.PAID)
    approved = register(db, people, case_form(1, [loan("80000.00", 12, 2)]))
    advance(db, people, approved, Status.APPROVED)
    pending = register(db, people, case_form(1, [loan("60000.00", 12, 3)]))
    # 200,000 per enterprise: 90,000 paid + 80,000 approved leave 30,000.
    assert total(db, pending) == D("30000.00")
    text = explanation(db, pending)
    assert "第001号（已拨付） 已占用90,000.00元、12个月" in text
    assert "第002号（审核通过，未拨付） 已占用80,000.00元、12个月" in text


def test_the_36_months_count_approved_applications_too(db: Database, people: People) -> None:
    first = register(db, people, case_form(1, [loan("30000.00", 30, 1)]))
    advance(db, people, first, Status.APPROVED)
    second = register(db, people, case_form(1, [loan("30000.00", 12, 2)]))
    # 6 of 36 months left: 30,000 × 6 ÷ 12.
    assert total(db, second) == D("15000.00")


def test_fees_and_product_filing_caps_across_applications(db: Database, people: People) -> None:
    a = register(db, people, case_form(1, [fees("60000.00", 1)]))
    advance(db, people, a, Status.APPROVED)  # 50 % of 60,000 = 30,000
    b = register(db, people, case_form(1, [fees("60000.00", 2)]))
    assert total(db, a) == D("30000.00")
    assert total(db, b) == D("20000.00")  # 50,000 per enterprise

    products = [filing(f"产品{i}") for i in range(6)]
    c = register(db, people, case_form(2, products))
    d = register(db, people, case_form(2, [filing(f"产品{i}") for i in range(6, 12)]))
    assert total(db, c) == D("6000.00")
    assert total(db, d) == D("4000.00")  # 10,000 per enterprise


def test_refused_and_rejected_applications_hold_nothing(db: Database, people: People) -> None:
    refused = register(db, people, case_form(1, [transfer(1), transfer(2)]))
    advance(db, people, refused, Status.REFUSED)
    rejected = register(db, people, case_form(1, [transfer(3), transfer(4)]))
    workflow.reject_at_intake(db, people.clerk, rejected, "out_of_scope")
    fresh = register(db, people, case_form(1, [transfer(5), transfer(6)]))
    assert total(db, fresh) == D("20000.00")


# ---------------------------------------------------------------------------
# The same loan, the same license contract (issue 13 §2; 六(三)「杜绝出现“重复申报、多头报账”」,
# 附件1·专利转让许可·第2行「单项许可合同备案金额」)
# ---------------------------------------------------------------------------


def contract_loan(contract: str = "", lender: str = "") -> dict[str, Any]:
    claim = loan("172500.00", 12, 3)
    if contract:
        claim["loan_contract_no"] = contract
    if lender:
        claim["lender"] = lender
    return claim


def license_on(patent: int, contract: str) -> dict[str, Any]:
    claim = transfer(patent)
    claim.update(item="license_in", contract_amount="3000000.00", contract_no=contract)
    return claim


def review_opinion_text(db: Database, case_id: int) -> str:
    from core.documents.review_opinion import render_review_opinion
    from core.records.documents import FormKind, form_case
    from tests.pdf_helpers import assert_all_fonts_embedded, pdf_text

    pdf = render_review_opinion(form_case(db, case_id, FormKind.REVIEW_OPINION))
    assert_all_fonts_embedded(pdf)
    return "".join(pdf_text(pdf).split())


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (contract_loan("璧农商质贷〔2024〕018号"), contract_loan("璧农商质贷 〔2024〕018号")),
        # Without a contract number: the same lender, loan date and principal.
        (
            contract_loan(lender="重庆农村商业银行璧山支行"),
            contract_loan(lender="重庆农村商业银行璧山支行"),
        ),
    ],
    ids=["contract", "lender-date-principal"],
)
def test_the_same_loan_in_two_live_applications_is_flagged_and_paid_once(
    db: Database, people: People, first: dict[str, Any], second: dict[str, Any]
) -> None:
    earlier = register(db, people, case_form(1, [first]))
    advance(db, people, earlier, Status.APPROVED)
    later = register(db, people, case_form(1, [second]))
    assert total(db, earlier) == D("172500.00")
    assert total(db, later) == D("0.00")
    assert "同一笔质押贷款" in explanation(db, later)
    assert "已在璧市监专转〔2024〕第001号" in explanation(db, later)
    # The flag: both cases, in the case list, the review screen's detail and the 审核意见.
    for case_id, other in ((earlier, "第002号"), (later, "第001号")):
        dups = case_queries.get_case(db, case_id).duplicates
        assert [(d.subject, d.same_applicant) for d in dups] == [("同一笔质押贷款", True)]
        assert other in dups[0].text
    rows = list_cases(db).rows
    assert {r.id for r in rows if r.has_duplicate} == {earlier, later}
    advance(db, people, later, Status.ACCEPTED)
    assert "重复申报提示第1项同一笔质押贷款" in review_opinion_text(db, later)


def test_another_enterprise_claiming_the_same_loan_contract_is_flagged(
    db: Database, people: People
) -> None:
    mine = register(db, people, case_form(1, [contract_loan("HT-2024-001")]))
    theirs = register(db, people, case_form(2, [contract_loan("HT-2024-001")]))
    dups = case_queries.get_case(db, theirs).duplicates
    assert [(d.other_case_id, d.same_applicant) for d in dups] == [(mine, False)]
    # Two different loans of one lender are not flagged.
    other = register(db, people, case_form(3, [contract_loan("HT-2024-002")]))
    assert case_queries.get_case(db, other).duplicates == ()


def test_a_license_contract_bonus_is_paid_once_across_applications(
    db: Database, people: People
) -> None:
    first = register(db, people, case_form(1, [license_on(1, "许可合同2024-07")]))
    advance(db, people, first, Status.APPROVED)
    second = register(db, people, case_form(1, [license_on(2, "许可合同 2024-07")]))
    # 5,000 + 0.05 % of 3,000,000 = 6,500 once; the second claim on the contract gets 5,000.
    assert total(db, first) == D("6500.00")
    assert total(db, second) == D("5000.00")
    assert "额外资助已计入璧市监专转〔2024〕第001号" in explanation(db, second)
    # Another contract keeps its own bonus.
    third = register(db, people, case_form(1, [license_on(3, "许可合同2024-08")]))
    assert total(db, third) == D("6500.00")
