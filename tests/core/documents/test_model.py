"""The view-model: a FormCase from a CASE document with its ``form`` extras, or a snapshot."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from core.documents.model import (
    ChecklistEntry,
    FormCase,
    ResultSnapshot,
    claim_subject,
    default_checklist,
    form_case_from_case_document,
    split_form_extras,
)
from core.engine import InputError, calc_case_document
from core.engine.results import ClaimStatus
from core.policy.model import ApplicantKind, Policy


def test_the_form_extras_fill_the_applicant_and_the_counter_fields(form_case: FormCase) -> None:
    a = form_case.applicant
    assert a.kind is ApplicantKind.ENTERPRISE
    assert a.kind_text == "企业（小型）"
    assert a.address.startswith("重庆市璧山区璧泉街道")
    assert a.handler == "张晓明" and a.attorney == "李华"
    assert a.account_number == "3100 0212 3456 0001 789"
    assert form_case.case_number == "璧市监专转〔2024〕第001号"
    assert form_case.notice_date == dt.date(2024, 11, 12)
    assert form_case.correction_due == dt.date(2024, 11, 22)
    assert form_case.clerk_opinion is not None and form_case.clerk_opinion.name == "王芳"
    assert form_case.supervisor_opinion is None
    assert [m.name for m in form_case.missing] == [
        "转让登记备案材料",
        "盖有本单位公章的银行账户信息表",
    ]
    assert form_case.rejection_grounds == ("out_of_scope",)
    entry = form_case.checklist[3]
    assert entry == ChecklistEntry(
        material="bank_account_info",
        name="盖有本单位公章的银行账户信息表",
        received=True,
        stamped_copies=1,
        originals_verified=True,
        note="缺一份",
    )


def test_the_result_is_the_engine_result_of_the_document_without_extras(
    case_doc: dict[str, Any], form_case: FormCase
) -> None:
    rest, extras = split_form_extras(case_doc)
    assert "form" not in rest and extras["handler"] == "张晓明"
    assert form_case.result.raw == calc_case_document(rest)
    assert form_case.result.total == Decimal("128850.25")
    assert [c.status for c in form_case.result.claims] == [ClaimStatus.AWARDED] * 6
    assert form_case.claims[0].facts["patent"] == "202110000011.X"  # normalised by the engine


def test_a_stored_snapshot_is_printed_as_it_was(case_doc: dict[str, Any]) -> None:
    frozen = calc_case_document(split_form_extras(case_doc)[0])
    frozen["claims"][0]["amount"] = "9999.99"
    frozen["total"] = "1.23"
    case = form_case_from_case_document(case_doc, result=frozen)
    assert case.result.total == Decimal("1.23")
    assert case.result.claim(0) is not None
    assert case.result.claim(0).amount == Decimal("9999.99")  # type: ignore[union-attr]


def test_a_document_without_form_extras_prints_blanks(case_doc: dict[str, Any]) -> None:
    del case_doc["form"]
    case = form_case_from_case_document(case_doc)
    assert case.case_number == ""
    assert case.applicant.address == "" and case.applicant.account_number == ""
    assert case.notice_date == case.received_on
    assert case.checklist == ()
    names = [e.name for e in case.materials_checklist]
    assert names[0] == "《重庆市璧山区专利转化运用资助申请表》"
    assert "委托他人办理的授权委托书和受托人身份证明复印件" not in names
    assert all(e.received is None for e in case.materials_checklist)


def test_the_agent_material_is_required_only_when_an_agent_files(policy: Policy) -> None:
    without = [e.material for e in default_checklist(policy, ["transfer_in"])]
    with_agent = [e.material for e in default_checklist(policy, ["transfer_in"], agent=True)]
    assert "agent_authorization" not in without
    assert "agent_authorization" in with_agent
    assert without[-3:] == ["transfer_contract", "transfer_certificate", "transfer_registration"]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["form"].update(colour="red"), "form.colour"),
        (lambda d: d.update(form=[]), "form"),
        (lambda d: d["form"].update(issued_on="2024-13-01"), "form.issued_on"),
        (lambda d: d["form"].update(rejection_grounds=["nonsense"]), "form.rejection_grounds[0]"),
        (lambda d: d["form"].update(prorated_amount="-1"), "form.prorated_amount"),
        (lambda d: d["form"]["checklist"][0].update(received="yes"), "form.checklist[0].received"),
        (lambda d: d["form"].update(clerk_opinion={"who": "x"}), "form.clerk_opinion.who"),
        (lambda d: d["form"].update(handler=3), "form.handler"),
        (
            lambda d: d["applicant"].update(credit_code="91500227MA00000010"),
            "applicant.credit_code",
        ),
        (lambda d: d.update(policy="nowhere-2099"), "policy"),
    ],
)
def test_bad_input_is_refused_with_its_path(
    case_doc: dict[str, Any], change: Any, where: str
) -> None:
    doc = copy.deepcopy(case_doc)
    change(doc)
    with pytest.raises(InputError) as info:
        form_case_from_case_document(doc)
    assert info.value.where == where


def test_a_snapshot_with_a_bad_status_is_refused() -> None:
    with pytest.raises(InputError, match="未知状态"):
        ResultSnapshot.from_json(
            {
                "policy": "bishan-2024",
                "accepted": True,
                "total": "0.00",
                "claims": [{"index": 0, "item": "transfer_in", "amount": "0.00", "status": "won"}],
            }
        )


def test_claim_subject_names_the_patent_product_or_loan(policy: Policy) -> None:
    assert claim_subject(policy.items["transfer_in"], {"patent": "201710601862.3"}) == (
        "专利号：201710601862.3"
    )
    assert claim_subject(policy.items["product_filing"], {"product": "电机"}) == "产品名称：电机"
    assert (
        claim_subject(policy.items["pledge_interest"], {"principal": Decimal("5000000.00")})
        == "贷款本金：5,000,000.00元"
    )
    assert claim_subject(policy.items["center_accepted"], {}) == ""
