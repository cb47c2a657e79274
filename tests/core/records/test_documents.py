"""Printing from the database: every form of a stored case, the 公示名单 and 拨付清单 of a batch,
statistics from paid cases."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from core.db.audit import verify_chain
from core.db.clock import CHINA_TZ
from core.db.database import Database, open_database
from core.demo import create_demo_database
from core.documents.application_form import render_application_form
from core.documents.notice_list import render_notice_list
from core.documents.notices import (
    render_correction_notice,
    render_receipt,
    render_rejection_notice,
)
from core.documents.review_opinion import render_review_opinion
from core.documents.workbooks import statistics_workbook
from core.engine.results import ApplicationResult, ratio_text
from core.money import rmb_capitals
from core.policy import load_policy
from core.records import (
    calculation,
    case_input,
    case_model,
    cases,
    documents,
    notice,
    workflow,
    year_ruling,
)
from core.records.case_queries import get_case, recalculate
from core.records.documents import (
    FormKind,
    FormNotAvailable,
    case_document_with_form,
    find_notice_batch,
    form_case,
    form_case_by_number,
    notice_list,
    objection_contact,
    payout_rows,
    payout_workbook_for_batch,
    render_case_form,
    set_objection_contact,
)
from core.records.errors import InvalidInput, NotFound, PermissionDenied
from core.records.notice import payout_list
from core.records.queries import CaseFilters, list_cases
from core.records.states import Status
from core.records.statistics_source import (
    find_policy,
    set_university_effective_patents,
    stat_cases,
    statistics_report,
    university_effective_patents,
)
from core.statistics import StatCase, StatClaim, compute_statistics
from tests.core.db.conftest import (
    AFTER_DEADLINE,
    People,
    advance,
    applicant_form,
    case_form,
    credit_code,
    license_claim,
    raw_sql,
    register,
    transfer,
)
from tests.pdf_helpers import assert_all_fonts_embedded, pdf_text

POLICY = load_policy("bishan-2024")


def text_of(pdf: bytes) -> str:
    """Every font embedded, then the text without whitespace (wrapped cells join up)."""
    assert pdf.startswith(b"%PDF")
    assert_all_fonts_embedded(pdf)
    return "".join(pdf_text(pdf).split())


def rich_applicant(n: int) -> case_model.ApplicantForm:
    return applicant_form(
        n,
        patent_agency="重庆中之信知识产权代理有限公司",
        patent_attorney="马艳强",
        attorney_phone="023-45460694",
    )


# ---------------------------------------------------------------------------
# Forms of one case
# ---------------------------------------------------------------------------


def test_every_form_of_a_paid_case_prints_from_the_database(db: Database, people: People) -> None:
    case_id = register(db, people, case_form(rich_applicant(1), [transfer(1)]))
    advance(db, people, case_id, Status.PAID)
    number = get_case(db, case_id).case_number
    detail = get_case(db, case_id)

    application = text_of(render_case_form(db, case_id, FormKind.APPLICATION_FORM))
    for expected in (
        number,
        "重庆璧山测试001科技有限公司",
        credit_code(1),
        "重庆市璧山区璧泉街道东林大道1号",
        "刘经办",
        "13800000000",
        "重庆中之信知识产权代理有限公司",
        "马艳强",  # ApplicantForm.patent_attorney → ApplicantInfo.attorney
        "023-45460694",
        "中国工商银行重庆璧山支行",
        "3100021209200012345",
        "10,000.00",
        "壹万元整",
    ):
        assert expected in application, expected

    review = text_of(render_case_form(db, case_id, "review-opinion"))
    review_day = next(d for d in detail.decisions if d.action == "clerk_review").at
    approve_day = next(d for d in detail.decisions if d.action == "approve").at
    for expected in (
        number,
        "重庆璧山测试001科技有限公司",
        "10,000.00元（大写：壹万元整）",
        "符合条件",  # the clerk's review
        "张晓燕",
        f"{review_day.year}年{review_day.month}月{review_day.day}日",
        "审核通过。",  # the supervisor wrote nothing more than the decision
        "李建国",
        f"{approve_day.year}年{approve_day.month}月{approve_day.day}日",
    ):
        assert expected in review, expected

    receipt = text_of(render_case_form(db, case_id, FormKind.RECEIPT))
    assert number in receipt and "现予受理" in receipt and "2024年5月6日" in receipt
    assert "营业执照" in receipt


def test_the_form_case_carries_every_recorded_fact(db: Database, people: People) -> None:
    case_id = register(
        db, people, case_form(rich_applicant(2), [transfer(2), license_claim(3, "2000000.00")])
    )
    advance(db, people, case_id, Status.ACCEPTED)
    cases.update_materials(
        db,
        people.clerk,
        case_id,
        [case_model.MaterialUpdate("business_licence", note="复印件模糊")],
    )
    fc = form_case(db, case_id, FormKind.REVIEW_OPINION)
    detail = get_case(db, case_id)
    assert fc.case_number == detail.case_number and fc.received_on == dt.date(2024, 5, 6)
    assert fc.applicant.attorney == "马艳强" and fc.applicant.account_name.endswith("有限公司")
    assert [c.item for c in fc.claims] == ["transfer_in", "license_in"]
    assert fc.claims[1].facts["contract_amount"] == Decimal("2000000.00")  # parsed, not text
    line = next(e for e in fc.checklist if e.material == "business_licence")
    assert (line.received, line.stamped_copies, line.originals_verified) == (True, 2, True)
    assert line.note == "复印件模糊"
    assert fc.clerk_opinion is None and fc.supervisor_opinion is None  # not reviewed yet
    assert fc.result.total == recalculate(db, case_id).total  # open: today's calculation


def test_correction_notice_lists_the_latest_request(db: Database, people: People) -> None:
    case_id = register(db, people)
    gaps = workflow.missing_materials(db, case_id)
    workflow.request_correction(db, people.clerk, case_id, gaps[:2], dt.date(2024, 5, 20))
    db.clock.advance(dt.timedelta(days=3))
    workflow.request_correction(
        db, people.clerk, case_id, [gaps[0], "专利转让合同须加盖骑缝章"], dt.date(2024, 5, 31)
    )
    fc = form_case(db, case_id, FormKind.CORRECTION)
    first_name, first_problem = gaps[0][:-1].rsplit("（", 1)
    assert fc.missing[0] == documents.MissingMaterial(first_name, first_problem)
    assert fc.missing[1] == documents.MissingMaterial("专利转让合同须加盖骑缝章")
    assert fc.correction_due == dt.date(2024, 5, 31)
    assert fc.issued_on == dt.date(2024, 5, 9)  # the day of the request, not of printing
    text = text_of(render_correction_notice(fc))
    assert (
        "2024年5月31日前补正" in text and first_name in text and "专利转让合同须加盖骑缝章" in text
    )
    assert get_case(db, case_id).case_number in text


def test_rejection_notice_names_the_ground_and_prints_a_total_of_nought(
    db: Database, people: People
) -> None:
    case_id = register(db, people)
    workflow.reject_at_intake(db, people.clerk, case_id, "out_of_scope", reason="不在支持范围")
    fc = form_case(db, case_id, FormKind.REJECTION)
    assert fc.grounds == ("out_of_scope",)
    assert fc.result.accepted is False and fc.result.total == Decimal("0.00")
    text = text_of(render_rejection_notice(fc))
    ground = POLICY.ground("out_of_scope")
    assert ground.text in text and ground.clause in text and "不予受理" in text
    # The application form of the rejected case shows the same nought, not an award.
    assert "0.00" in text_of(render_case_form(db, case_id, FormKind.APPLICATION_FORM))


@pytest.mark.parametrize(
    ("status", "form", "message"),
    [
        (Status.REGISTERED, FormKind.RECEIPT, "尚未受理，不能打印受理回执"),
        (Status.CORRECTION_REQUESTED, FormKind.RECEIPT, "尚未受理"),
        (Status.REGISTERED, FormKind.CORRECTION, "没有「告知补正」的记录"),
        (Status.ACCEPTED, FormKind.CORRECTION, "没有「告知补正」的记录"),
        (Status.REGISTERED, FormKind.REJECTION, "未作「不予受理」决定"),
        (Status.APPROVED, FormKind.REJECTION, "当前为「审核通过」"),
        (Status.REGISTERED, FormKind.REVIEW_OPINION, "尚未受理，没有审核意见表"),
        (Status.REJECTED_AT_INTAKE, FormKind.REVIEW_OPINION, "当前为「不予受理」"),
        (Status.REJECTED_AT_INTAKE, FormKind.RECEIPT, "不能打印受理回执"),
    ],
)
def test_a_form_that_does_not_apply_is_refused(
    db: Database, people: People, status: Status, form: FormKind, message: str
) -> None:
    case_id = register(db, people)
    advance(db, people, case_id, status)
    with pytest.raises(FormNotAvailable, match=message) as refused:
        form_case(db, case_id, form)
    assert get_case(db, case_id).case_number in str(refused.value)


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (Status.REGISTERED, {FormKind.APPLICATION_FORM}),
        (Status.CORRECTION_REQUESTED, {FormKind.APPLICATION_FORM, FormKind.CORRECTION}),
        (Status.REJECTED_AT_INTAKE, {FormKind.APPLICATION_FORM, FormKind.REJECTION}),
        (
            Status.ACCEPTED,
            {FormKind.APPLICATION_FORM, FormKind.REVIEW_OPINION, FormKind.RECEIPT},
        ),
        (
            Status.REFUSED,
            {FormKind.APPLICATION_FORM, FormKind.REVIEW_OPINION, FormKind.RECEIPT},
        ),
    ],
)
def test_which_forms_each_state_allows(
    db: Database, people: People, status: Status, allowed: set[FormKind]
) -> None:
    case_id = register(db, people)
    advance(db, people, case_id, status)
    printable = set()
    for kind in FormKind:
        try:
            form_case(db, case_id, kind)
        except FormNotAvailable:
            continue
        printable.add(kind)
    assert printable == allowed


def test_unknown_case_number_and_form(db: Database, people: People) -> None:
    with pytest.raises(NotFound, match="没有受理编号为 璧市监专转〔2024〕第999号 的案件"):
        form_case_by_number(db, "璧市监专转〔2024〕第999号")
    case_id = register(db, people)
    with pytest.raises(InvalidInput, match="没有表单“poster”"):
        form_case(db, case_id, "poster")
    number = get_case(db, case_id).case_number
    assert form_case_by_number(db, f"  {number} ").case_number == number


def test_opinions_follow_the_latest_review_and_a_return_is_superseded(
    db: Database, people: People
) -> None:
    case_id = register(db, people)
    advance(db, people, case_id, Status.RETURNED)
    fc = form_case(db, case_id, FormKind.REVIEW_OPINION)
    assert fc.clerk_opinion is not None and fc.clerk_opinion.text == "符合条件"
    assert fc.supervisor_opinion is None  # 退回 is not the supervisor's opinion on the case
    workflow.clerk_review(db, people.clerk2, case_id, "已补充说明，复核符合条件")
    workflow.submit_for_approval(db, people.clerk2, case_id)
    workflow.refuse_case(db, people.supervisor2, case_id, "费用凭证非申请人支付")
    fc = form_case(db, case_id, FormKind.REVIEW_OPINION)
    assert fc.clerk_opinion == documents.Opinion(
        "已补充说明，复核符合条件", "陈静", dt.date(2024, 5, 6)
    )
    assert fc.supervisor_opinion == documents.Opinion(
        "不予资助。费用凭证非申请人支付", "赵科长", dt.date(2024, 5, 6)
    )


def _inflated(real: Any) -> Any:
    def engine(*args: Any, **kwargs: Any) -> ApplicationResult:
        result: ApplicationResult = real(*args, **kwargs)
        for claim in result.claims:
            claim.amount *= 3
        result.total *= 3
        return result

    return engine


def test_a_reprint_after_approval_uses_the_snapshot(
    db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    approved = register(db, people, case_form(1, [transfer(1)]))
    advance(db, people, approved, Status.APPROVED)
    still_open = register(db, people, case_form(2, [transfer(2)]))
    before = form_case(db, approved, FormKind.REVIEW_OPINION)
    before_pdf = render_review_opinion(before)
    assert before.result.total == Decimal("10000.00")

    # A later engine (or policy) would compute something else for the same facts.
    monkeypatch.setattr(
        documents, "calculate_application", _inflated(documents.calculate_application)
    )
    monkeypatch.setattr(
        calculation, "calculate_application", _inflated(calculation.calculate_application)
    )
    assert recalculate(db, approved).total == Decimal("30000.00")  # a recalculation differs
    assert form_case(db, still_open).result.total == Decimal("30000.00")  # open: current engine

    after = form_case(db, approved, FormKind.REVIEW_OPINION)
    assert after == before
    assert after.result.raw == get_case(db, approved).snapshot.result
    assert render_review_opinion(after) == before_pdf  # the same bytes: nothing recomputed
    text = text_of(render_application_form(after))
    assert "10,000.00" in text and "壹万元整" in text and "30,000.00" not in text


def _year_ruling_with_budget(
    db: Database, people: People, monkeypatch: pytest.MonkeyPatch, budget: str
) -> None:
    """After the deadline, the 年度核定 under a smaller budget (issue 13 §3)."""
    small = dataclasses.replace(POLICY, budget=Decimal(budget))
    monkeypatch.setattr(case_input, "load_policy", lambda _policy_id: small)
    db.clock.set(dt.datetime.combine(AFTER_DEADLINE, dt.time(9), CHINA_TZ))  # type: ignore[attr-defined]
    year_ruling.make_year_ruling(db, people.supervisor, POLICY.id)


def test_the_prorated_amount_comes_from_the_notice_entry(
    db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = register(db, people, case_form(1, [transfer(1)]))
    second = register(db, people, case_form(2, [transfer(2)]))
    for case_id in (first, second):
        advance(db, people, case_id, Status.DECIDED)
    _year_ruling_with_budget(db, people, monkeypatch, "15000.00")
    notice.create_notice_batch(db, people.supervisor, [first, second])
    fc = form_case(db, first, FormKind.REVIEW_OPINION)
    assert fc.result.total == Decimal("10000.00")
    assert fc.prorated_amount == get_case(db, first).notice_amount == Decimal("7500.00")
    text = text_of(render_review_opinion(fc))
    assert "按比例资助后" in text and "7,500.00元（大写：柒仟伍佰元整）" in text


def test_no_prorated_amount_when_the_batch_was_not_scaled(db: Database, people: People) -> None:
    case_id = register(db, people)
    advance(db, people, case_id, Status.ON_NOTICE)
    fc = form_case(db, case_id, FormKind.REVIEW_OPINION)
    assert fc.prorated_amount is None
    assert "按比例资助后" not in text_of(render_review_opinion(fc))


def test_case_document_with_form_prints_like_the_database(db: Database, people: People) -> None:
    from core.documents.model import form_case_from_case_document

    case_id = register(db, people, case_form(rich_applicant(4), [transfer(4)]))
    doc = case_document_with_form(db, case_id)
    from_file = form_case_from_case_document(doc)
    from_db = form_case(db, case_id)
    assert from_file.applicant == from_db.applicant
    assert from_file.claims == from_db.claims
    assert from_file.result.total == from_db.result.total
    assert from_file.case_number == from_db.case_number


# ---------------------------------------------------------------------------
# The demo database: every form every case allows
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, cheap_passwords: None) -> Iterator[Database]:
    db = create_demo_database(tmp_path_factory.mktemp("demo-docs") / "demo.sqlite3")
    yield db
    db.close()


def test_every_demo_case_prints_each_form_its_state_allows(demo: Database) -> None:
    renderers = {
        FormKind.APPLICATION_FORM: render_application_form,
        FormKind.REVIEW_OPINION: render_review_opinion,
        FormKind.RECEIPT: render_receipt,
        FormKind.CORRECTION: render_correction_notice,
        FormKind.REJECTION: render_rejection_notice,
    }
    printed = 0
    for row in list_cases(demo, CaseFilters(), limit=100).rows:
        detail = get_case(demo, row.id)
        for kind, render in renderers.items():
            try:
                fc = form_case(demo, row.id, kind)
            except FormNotAvailable:
                continue
            text = text_of(render(fc))
            assert detail.case_number in text and detail.applicant_name in text
            if detail.snapshot is not None:
                assert fc.result.raw == detail.snapshot.result
            printed += 1
    assert printed >= 30 * 2


# ---------------------------------------------------------------------------
# Notice batches
# ---------------------------------------------------------------------------


def test_find_notice_batch_by_what_a_user_types(demo: Database) -> None:
    assert find_notice_batch(demo, "1").number == 1
    assert find_notice_batch(demo, "2024-2").number == 2
    assert find_notice_batch(demo, "2024年第二批").number == 2
    assert find_notice_batch(demo, "第1批").number == 1
    assert find_notice_batch(demo, "id:2").id == 2
    assert find_notice_batch(demo, 1).id == 1
    with pytest.raises(NotFound, match="没有第 7 批公示；现有批次：2024-1、2024-2"):
        find_notice_batch(demo, "7")
    with pytest.raises(NotFound, match="没有2023年第 1 批"):
        find_notice_batch(demo, "2023-1")
    with pytest.raises(InvalidInput, match="看不懂公示批次"):
        find_notice_batch(demo, "last week")


def test_notice_list_is_the_batch_as_published(demo: Database) -> None:
    batch = find_notice_batch(demo, "1")
    listing = notice_list(demo, batch.id, contact="区市场监管局知识产权科，电话：023-41412345")
    assert listing.batch_name == "2024年第一批"
    assert (listing.period_start, listing.period_end) == (batch.start_date, batch.end_date)
    assert listing.issued_on == batch.start_date
    assert len(listing.entries) == batch.cases and listing.total == batch.total
    first = listing.entries[0]
    detail = get_case(demo, get_case_id(demo, first.case_number))
    assert first.applicant_name == detail.applicant_name
    assert first.credit_code == detail.applicant.credit_code  # unmasked: masking is printing's
    assert first.account_number == detail.applicant.form.account_number
    assert first.amount == detail.notice_amount
    assert first.items == ("接受高校院所发明专利转让",)
    text = text_of(render_notice_list(listing))
    assert first.credit_code not in text and first.credit_code[:4] in text  # masked
    assert "023-41412345" in text and "2024年第一批" in text


def test_objection_contact_setting(demo: Database, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    with sqlite3.connect(demo.path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    db = open_database(copy)
    try:
        assert objection_contact(db) == ""
        assert notice_list(db, 1).objection_contact == POLICY.issuer
        clerk, supervisor = user_id(db, "clerk"), user_id(db, "supervisor")
        with pytest.raises(PermissionDenied):
            set_objection_contact(db, clerk, "知识产权科")
        with pytest.raises(InvalidInput):
            set_objection_contact(db, supervisor, "  ")
        assert set_objection_contact(db, supervisor, "知识产权科，电话：023-41412345").settings
        assert notice_list(db, 1).objection_contact == "知识产权科，电话：023-41412345"
        assert notice_list(db, 1, contact="另一处").objection_contact == "另一处"
        with db.read() as session:
            assert verify_chain(session).ok
    finally:
        db.close()


def get_case_id(db: Database, number: str) -> int:
    return next(
        r.id for r in list_cases(db, CaseFilters(), limit=100).rows if r.case_number == number
    )


def user_id(db: Database, username: str) -> int:
    from core.records.users import list_users

    return next(u.id for u in list_users(db) if u.username == username)


def _payout_sheet(data: bytes) -> list[tuple[Any, ...]]:
    ws = load_workbook(io.BytesIO(data))["拨付清单"]
    assert ws["A1"].value == "重庆市璧山区专利转化运用资助资金拨付清单（2024年第一批公示）"
    # The basis (issue 20 §12): the batch with its period and the meeting that decided it.
    assert str(ws["A3"].value).startswith("依据：2024年第一批公示（")
    assert "区市场监管局办公会" in str(ws["A3"].value)
    return list(ws.iter_rows(min_row=5, values_only=True))


def test_payout_rows_name_each_cases_funded_items_in_claim_order(demo: Database) -> None:
    """资助事项 on the 拨付清单, read column by column for the whole batch, says what each
    case's own claims say: the items that carry an amount, in claim order, each once."""
    policy = load_policy("bishan-2024")
    batch = find_notice_batch(demo, "1")
    rows = payout_rows(demo, batch.id, include_paid=True)
    lines = {line.case_number: line for line in payout_list(demo, batch.id)}
    assert {r.case_number for r in rows} == set(lines)
    for r in rows:
        case = get_case(demo, lines[r.case_number].case_id)
        funded = [c for c in sorted(case.claims, key=lambda c: c.position) if c.amount]
        expected = "、".join(dict.fromkeys(policy.items[c.item].name for c in funded))
        assert r.items == expected, r.case_number
        paid = lines[r.case_number].status is Status.PAID
        assert ("已于" in r.note) == paid
    assert any(lines[r.case_number].status is Status.PAID for r in rows)


def test_payout_workbook_cell_by_cell_against_payout_list(demo: Database) -> None:
    batch = find_notice_batch(demo, "1")
    lines = payout_list(demo, batch.id)
    cleared = [line for line in lines if line.status is Status.CLEARED]
    assert cleared and len(cleared) < len(lines)  # the demo has both cleared and paid cases
    items = {r.case_number: r.items for r in payout_rows(demo, batch.id)}
    policy = load_policy("bishan-2024")
    names = {item.name for item in policy.items.values()}
    assert all(items.values()) and all(set(v.split("、")) <= names for v in items.values())

    rows = _payout_sheet(payout_workbook_for_batch(demo, batch.id, prepared_on=dt.date(2024, 8, 1)))
    for n, (line, row) in enumerate(zip(cleared, rows, strict=False), start=1):
        assert row[:13] == (
            n,
            line.case_number,
            line.applicant_name,
            line.credit_code,
            items[line.case_number],  # 资助事项
            line.account_name,
            line.bank,
            None,  # 开户行行号: not on the demo's forms
            "".join(line.account_number.split()),  # in full, without the spaces
            float(line.approved),
            ratio_text(line.ratio),  # the year's, from the demo's 年度核定
            float(line.amount),
            None,
        )
    total_row = rows[len(cleared)]
    total = sum((line.amount for line in cleared), Decimal(0))
    assert total_row[0] == "合计" and total_row[11] == float(total)
    assert rows[len(cleared) + 1][2] == rmb_capitals(total)
    signatures = rows[len(cleared) + 3]
    assert [c for c in signatures if c] == [
        "经办人（签字）：",
        "审核人（签字）：",
        "负责人（签字）：",
        "单位（盖章）：",
    ]

    ws = load_workbook(io.BytesIO(payout_workbook_for_batch(demo, batch.id)))["拨付清单"]
    assert ws["I5"].number_format == "@" and ws["L5"].number_format == "#,##0.00"
    assert ws["H5"].number_format == "@"  # a 行号 keeps its leading zeros


def test_payout_with_paid_cases_matches_payout_list_exactly(demo: Database) -> None:
    batch = find_notice_batch(demo, "1")
    lines = payout_list(demo, batch.id)
    rows = payout_rows(demo, batch.id, include_paid=True)
    assert [
        (
            r.case_number,
            r.applicant_name,
            r.credit_code,
            r.account_name,
            r.bank,
            r.account_number,
            r.amount,
        )
        for r in rows
    ] == [
        (
            x.case_number,
            x.applicant_name,
            x.credit_code,
            x.account_name,
            x.bank,
            x.account_number,
            x.amount,
        )
        for x in lines
    ]
    for row, line in zip(rows, lines, strict=True):
        if line.status is Status.PAID:
            assert row.note == f"已于{line.paid_on}兑现（{line.voucher_no}）"
        else:
            assert row.note == ""


def test_payout_of_an_open_batch_is_refused(demo: Database) -> None:
    batch = find_notice_batch(demo, "2")
    with pytest.raises(
        FormNotAvailable, match=r"2024年第二批公示尚未结束.*结束公示后才能生成拨付清单"
    ):
        payout_rows(demo, batch.id)


def test_payout_with_nothing_left_to_pay_says_so(db: Database, people: People) -> None:
    case_id = register(db, people)
    advance(db, people, case_id, Status.PAID)
    batch = find_notice_batch(db, "1")
    with pytest.raises(FormNotAvailable, match="没有待兑现的案件（已兑现的案件可加 --include-paid"):
        payout_rows(db, batch.id)
    assert len(payout_rows(db, batch.id, include_paid=True)) == 1


def test_missing_bank_details_are_flagged(db: Database, people: People) -> None:
    case_id = register(db, people, case_form(applicant_form(5, bank="", account_number="")))
    advance(db, people, case_id, Status.CLEARED)
    (row,) = payout_rows(db, find_notice_batch(db, "1").id)
    assert row.note == "银行信息不全，请办理收款账户变更"


# ---------------------------------------------------------------------------
# Statistics
# ---------------------------------------------------------------------------


def _expected_stat_cases(db: Database) -> list[StatCase]:
    """The same cases built independently, from get_case (snapshot and notice entry)."""
    out = []
    page = list_cases(db, CaseFilters(statuses=(Status.PAID,)), limit=1000)
    for row in sorted(page.rows, key=lambda r: r.case_number):
        d = get_case(db, row.id)
        assert d.snapshot is not None
        frozen = d.snapshot.case["case"]
        out.append(
            StatCase(
                reference=d.case_number,
                applicant_name=d.applicant_name,
                credit_code=d.applicant.credit_code,
                kind=frozen["applicant"]["kind"],
                size=frozen["applicant"].get("size"),
                claims=tuple(
                    StatClaim(
                        c["item"],
                        {k: v for k, v in c.items() if k not in ("item", "date")},
                        dt.date.fromisoformat(c["date"]),
                    )
                    for c in frozen["claims"]
                ),
                result=d.snapshot.result,
                paid_amount=d.notice_amount,
                paid_on=d.paid_on,
            )
        )
    return out


def test_statistics_equal_compute_statistics_on_the_same_cases(demo: Database) -> None:
    expected_cases = _expected_stat_cases(demo)
    assert stat_cases(demo, "bishan-2024") == expected_cases
    report = statistics_report(demo, "bishan-2024")
    assert report == compute_statistics(POLICY, expected_cases, None)
    assert report.paid_cases == 5
    assert report.target("university_transfer_ratio").missing_reason == "未填报"
    wb = load_workbook(io.BytesIO(statistics_workbook(report, prepared_on=dt.date(2024, 12, 1))))
    targets = wb["工作目标"]
    for i, figure in enumerate(report.targets, start=4):
        assert targets.cell(row=i, column=2).value == figure.label
        if figure.achieved is not None:
            assert Decimal(str(targets.cell(row=i, column=5).value)) == figure.achieved
    assert Decimal(str(wb["预算使用"]["B5"].value)) == report.budget.paid


def test_statistics_use_the_snapshot_and_the_paid_amounts(
    db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = register(db, people, case_form(1, [transfer(1)]))
    second = register(db, people, case_form(2, [license_claim(2, "3000000.00")]))
    for case_id in (first, second):
        advance(db, people, case_id, Status.DECIDED)
    _year_ruling_with_budget(db, people, monkeypatch, "12000.00")
    _, changes = notice.create_notice_batch(db, people.supervisor, [first, second])
    monkeypatch.undo()
    db.clock.advance(dt.timedelta(days=14))
    assert changes.id is not None
    notice.close_notice_batch(db, people.supervisor, changes.id)
    today = AFTER_DEADLINE + dt.timedelta(days=14)
    notice.mark_paid(
        db, people.supervisor, [notice.Payment(first, "V1"), notice.Payment(second, "V2")], today
    )
    # Afterwards the engine changes: the statistics must not move.
    monkeypatch.setattr(
        calculation, "calculate_application", _inflated(calculation.calculate_application)
    )
    report = statistics_report(db, "bishan-2024")
    approved = sum(
        (get_case(db, i).approved_amount or Decimal(0) for i in (first, second)), Decimal(0)
    )
    assert approved > Decimal("12000.00")
    assert report.budget.awarded == approved  # the snapshots, before proration
    assert report.budget.paid == Decimal("12000.00")  # what was actually paid
    assert [(m.month, m.paid) for m in report.months] == [("2024-12", Decimal("12000.00"))]
    assert report.target("transfer_license_count").achieved == 2
    assert report.target("license_filed_amount").achieved == Decimal("3000000.00")


def test_university_effective_patents_setting(db: Database, people: People) -> None:
    assert university_effective_patents(db, "bishan-2024") is None
    with pytest.raises(PermissionDenied, match="系统管理员"):
        set_university_effective_patents(db, people.supervisor, "bishan-2024", 500)
    with pytest.raises(InvalidInput, match="应大于0"):
        set_university_effective_patents(db, people.admin, "bishan-2024", 0)
    with pytest.raises(InvalidInput, match="没有政策"):
        set_university_effective_patents(db, people.admin, "nowhere-2099", 5)
    assert set_university_effective_patents(db, people.admin, "bishan-2024", 500).settings
    assert university_effective_patents(db, "bishan-2024") == 500
    assert statistics_report(db, "bishan-2024").university_effective_patents == 500
    assert set_university_effective_patents(db, people.admin, "bishan-2024", 500).empty
    set_university_effective_patents(db, people.admin, "bishan-2024", None)
    assert university_effective_patents(db, "bishan-2024") is None
    audited = raw_sql(
        db,
        "SELECT actor_name, entity_id, before, after FROM audit_log WHERE entity='settings'"
        " ORDER BY id",
    )
    assert audited == [
        (
            "王管理",
            "statistics.university_effective_patents.bishan-2024",
            '{"value":null}',
            '{"value":500}',
        ),
        (
            "王管理",
            "statistics.university_effective_patents.bishan-2024",
            '{"value":500}',
            '{"value":null}',
        ),
    ]
    with db.read() as session:
        assert verify_chain(session).ok


def test_find_policy_by_id_or_year() -> None:
    assert find_policy("bishan-2024").id == "bishan-2024"
    assert find_policy("2024").id == "bishan-2024"
    assert find_policy(None).id == "bishan-2024"
    with pytest.raises(NotFound, match="没有2031年度的资助政策"):
        find_policy("2031")
    with pytest.raises(InvalidInput, match="没有政策"):
        find_policy("nowhere-2099")


def test_the_remedy_bodies_are_a_setting(db: Database, people: People) -> None:
    """Issue 20 §15: the 行政复议 body and the court on a 不予受理通知书 are the bureau's to set."""
    from core.records.documents import remedy_bodies, set_remedy_bodies

    assert remedy_bodies(db) == ("重庆市璧山区人民政府", "重庆市璧山区人民法院")
    with pytest.raises(PermissionDenied):
        set_remedy_bodies(db, people.clerk, "重庆市人民政府", "重庆市第一中级人民法院")
    with pytest.raises(InvalidInput, match="人民法院"):
        set_remedy_bodies(db, people.admin, "重庆市璧山区人民政府", " ")
    assert set_remedy_bodies(db, people.admin, "重庆市璧山区人民政府", "重庆铁路运输法院").settings
    assert not set_remedy_bodies(
        db, people.admin, "重庆市璧山区人民政府", "重庆铁路运输法院"
    ).settings
    case_id = register(db, people, case_form(applicant_form(5), [transfer(5)]))
    advance(db, people, case_id, Status.REJECTED_AT_INTAKE)
    text = "".join(pdf_text(render_case_form(db, case_id, FormKind.REJECTION)).split())
    assert "向重庆铁路运输法院提起行政诉讼" in text


# ---------------------------------------------------------------------------
# Batch printing (issue 20 §20) and 生僻字 (§19)
# ---------------------------------------------------------------------------


def test_batch_print_reports_progress_and_numbers_each_form_on_its_own(
    db: Database, people: People
) -> None:
    from core.records.documents import render_case_forms
    from tests.core.documents.pdf_checks import pages

    ids = [register(db, people, case_form(rich_applicant(n), [transfer(n)])) for n in (1, 2, 3)]
    seen: list[tuple[int, int]] = []
    printed = render_case_forms(db, ids, "application-form", lambda d, t: not seen.append((d, t)))
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    numbers = [get_case(db, i).case_number for i in ids]
    assert printed.case_numbers == tuple(numbers)
    sheets = pages(printed.data)
    assert [
        n for n in numbers for page in sheets if n in page and "第 1 页 共 1 页" in page
    ] == numbers


def test_a_cancelled_batch_print_raises_and_a_case_without_the_form_is_named(
    db: Database, people: People
) -> None:
    from core.records.documents import PrintCancelled, render_case_forms

    ids = [register(db, people, case_form(rich_applicant(n), [transfer(n)])) for n in (1, 2)]
    calls = []

    def stop_after_reading(done: int, total: int) -> bool:
        calls.append(done)
        return done < 2

    with pytest.raises(PrintCancelled, match="已取消"):
        render_case_forms(db, ids, "application-form", stop_after_reading)
    assert max(calls) == 2  # stopped before any form was laid out
    # A 审核意见表 needs an accepted case: the refusal names which one.
    number = get_case(db, ids[0]).case_number
    with pytest.raises(FormNotAvailable, match=number):
        render_case_forms(db, ids, "review-opinion")


def test_unprintable_characters_are_reported_for_the_case_not_printed_silently(
    db: Database, people: People
) -> None:
    from core.records.documents import render_case_forms, unprintable_in_case

    # 𠀀 (Extension B) prints in the fallback face; U+31350 (Extension H) in no face.
    form = case_form(
        applicant_form(1, name="重庆𠀀科技有限公司", handler="张\U00031350"), [transfer(1)]
    )
    case_id = register(db, people, form)
    assert unprintable_in_case(db, case_id) == "\U00031350"
    printed = render_case_forms(db, [case_id], "application-form")
    assert printed.unprintable == ((get_case(db, case_id).case_number, "\U00031350"),)
    assert "重庆𠀀科技有限公司" in text_of(printed.data)
