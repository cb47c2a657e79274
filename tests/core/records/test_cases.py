import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm.exc import StaleDataError

from core.db.models import Application, ClaimRow
from core.engine.inputs import parse_case
from core.policy.loader import load_policy
from core.records import calculation, case_model, case_queries, cases, duplicates, workflow
from core.records.errors import InvalidInput, PermissionDenied, RecordsError, StaleEdit
from core.records.states import Status
from tests.core.db.conftest import (
    advance,
    applicant_form,
    case_form,
    center,
    credit_code,
    license_claim,
    patent,
    register,
    transfer,
)

POLICY = load_policy("bishan-2024")


# ---------------------------------------------------------------------------
# Registration
# ---------------------------------------------------------------------------


def test_case_numbers_follow_the_programme_year(db, people):
    numbers = [
        case_queries.get_case(db, register(db, people, case_form(n, [transfer(n)]))).case_number
        for n in (1, 2, 3)
    ]
    assert numbers == [
        "璧市监专转〔2024〕第001号",
        "璧市监专转〔2024〕第002号",
        "璧市监专转〔2024〕第003号",
    ]


def test_a_refused_registration_uses_no_number(db, people):
    with pytest.raises(InvalidInput):
        cases.register_case(db, people.clerk, case_form(1, [{"item": "transfer_in"}]))
    assert case_queries.get_case(db, register(db, people)).case_number.endswith("第001号")


@pytest.mark.parametrize(
    ("claims", "where", "message"),
    [
        ([], "claims", "至少填写一项"),
        ([{"item": "flying_car", "date": "2024-01-01"}], "claims[0].item", "未知资助事项"),
        ([{**transfer(1), "patent": "ZL202110000001.0"}], "claims[0].patent", "校验不通过"),
        ([{**transfer(1), "date": "2024-02-30"}], "claims[0].date", "不存在"),
        (
            [{**license_claim(1), "contract_amount": "12.345"}],
            "claims[0].contract_amount",
            "两位小数",
        ),
        ([{**transfer(1), "colour": "red"}], "claims[0].colour", "不认识的字段"),
    ],
)
def test_invalid_claims_are_never_stored(db, people, claims, where, message):
    with pytest.raises(InvalidInput, match=message) as caught:
        cases.register_case(db, people.clerk, case_form(1, claims))
    assert caught.value.where == where
    assert case_queries.count_cases(db) == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("credit_code", "91500227MA5U12345X", "校验不通过"),
        ("kind", "company", "应为"),
        ("size", "huge", "应为"),
        ("account_number", "6222 abc", "银行账号"),
    ],
)
def test_invalid_applicants_are_refused(db, people, field, value, message):
    with pytest.raises(InvalidInput, match=message):
        cases.register_case(db, people.clerk, case_form(applicant_form(1, **{field: value})))
    assert case_queries.count_cases(db) == 0


def test_a_received_date_in_the_future_is_refused(db, people):
    with pytest.raises(InvalidInput, match="晚于今天"):
        cases.register_case(db, people.clerk, case_form(received_on=dt.date(2024, 5, 7)))
    case_id = register(db, people)
    with pytest.raises(InvalidInput, match="晚于今天"):
        cases.update_case(db, people.clerk, case_id, received_on=dt.date(2025, 1, 1))


def test_only_clerks_register(db, people):
    with pytest.raises(PermissionDenied, match="窗口经办"):
        cases.register_case(db, people.supervisor, case_form())


def test_facts_are_stored_as_the_engine_parsed_them(db, people):
    raw = {**transfer(1), "patent": f"ZL {patent(1)[:4]} {patent(1)[4:]}"}
    case_id = register(db, people, case_form(1, [raw, license_claim(2, "3,000,000")]))
    detail = case_queries.get_case(db, case_id)
    assert detail.claims[0].facts["patent"] == patent(1)
    assert detail.claims[1].facts["contract_amount"] == "3000000"
    with db.read() as session:
        row = session.scalars(select(ClaimRow).where(ClaimRow.position == 0)).one()
        assert row.patent == patent(1)
    # Recalculating from what was stored gives what was shown at registration.
    assert (
        case_queries.recalculate(db, case_id).total == detail.computed_total == Decimal("16500.00")
    )


def test_the_applicant_is_kept_across_cases_under_its_credit_code(db, people):
    register(db, people, case_form(applicant_form(1, address="旧地址")))
    register(
        db, people, case_form(applicant_form(1, address="新地址", bank="重庆银行"), [transfer(2)])
    )
    found = case_queries.find_applicant(db, credit_code(1).lower())
    assert found is not None
    assert found.form.address == "新地址" and found.form.bank == "重庆银行"
    assert case_queries.find_applicant(db, credit_code(99)) is None
    with pytest.raises(InvalidInput):
        case_queries.find_applicant(db, "123")


def test_every_form_field_round_trips(db, people):
    form = applicant_form(
        7,
        patent_agency="重庆博凯知识产权代理有限公司",
        patent_attorney="何律",
        attorney_phone="023-12345678",
        ownership_dispute=False,
        major_accident_3y=False,
        major_accident_3y_note="经查无",
        major_accident_3y_source="应急管理局网站",
        dishonest_debtor_note="未见",
        dishonest_debtor_source="中国执行信息公开网",
    )
    case_id = register(db, people, case_form(form))
    assert case_queries.get_case(db, case_id).applicant.form == form


# ---------------------------------------------------------------------------
# Materials checklist
# ---------------------------------------------------------------------------


def codes(detail: case_model.CaseDetail, required: bool | None = True) -> list[str]:
    return [m.code for m in detail.materials if required is None or m.required == required]


def test_the_checklist_is_common_plus_each_items_own(db, people):
    case_id = register(db, people, case_form(1, [transfer(1), center()]))
    detail = case_queries.get_case(db, case_id)
    expected = [
        c
        for c in POLICY.materials_for(["transfer_in", "center_accepted"])
        if POLICY.materials[c].when != "agent"
    ]
    assert codes(detail) == expected
    assert "agent_authorization" not in codes(detail)
    assert all(m.copies_required == 2 for m in detail.materials)


def test_an_agent_filing_adds_the_agent_materials(db, people):
    case_id = register(db, people, case_form(filed_by_agent=True))
    assert "agent_authorization" in codes(case_queries.get_case(db, case_id))
    cases.update_case(db, people.clerk, case_id, filed_by_agent=False)
    assert "agent_authorization" not in codes(case_queries.get_case(db, case_id), None)


def test_changing_claims_keeps_ticks_and_never_loses_what_was_handed_in(db, people):
    case_id = register(db, people, case_form(1, [transfer(1), center()]))
    cases.update_materials(
        db,
        people.clerk,
        case_id,
        [
            case_model.MaterialUpdate.complete("business_licence"),
            case_model.MaterialUpdate("transfer_contract", received=True, note="原件已退回"),
        ],
    )
    # Drop the transfer claim: its contract was handed in (kept, not required), its certificate
    # was not (dropped).
    cases.update_case(db, people.clerk, case_id, claims=[center()])
    detail = case_queries.get_case(db, case_id)
    lines = {m.code: m for m in detail.materials}
    assert lines["transfer_contract"].required is False
    assert lines["transfer_contract"].note == "原件已退回"
    assert "transfer_certificate" not in lines
    assert lines["business_licence"].complete
    assert codes(detail, False) == ["transfer_contract"]
    # Claim it again: required again, ticks intact.
    cases.update_case(db, people.clerk, case_id, claims=[center(), transfer(1)])
    lines = {m.code: m for m in case_queries.get_case(db, case_id).materials}
    assert lines["transfer_contract"].required and lines["transfer_contract"].received
    assert not lines["transfer_certificate"].received


def test_material_updates_are_checked(db, people):
    case_id = register(db, people)
    with pytest.raises(InvalidInput, match="材料清单中没有"):
        cases.update_materials(db, people.clerk, case_id, [case_model.MaterialUpdate("pool_list")])
    with pytest.raises(InvalidInput, match="0—99"):
        cases.update_materials(
            db, people.clerk, case_id, [case_model.MaterialUpdate("business_licence", copies=-1)]
        )
    assert cases.update_materials(db, people.clerk, case_id, []).empty


# ---------------------------------------------------------------------------
# Editing: stale copies, frozen cases
# ---------------------------------------------------------------------------


def test_an_edit_of_a_stale_copy_is_refused_naming_who_and_when(db, people, clock):
    case_id = register(db, people)
    seen = case_queries.get_case(db, case_id).version
    clock.advance(dt.timedelta(hours=5, minutes=7))
    cases.update_case(db, people.clerk2, case_id, claims=[transfer(5)], expected_version=seen)
    with pytest.raises(StaleEdit) as caught:
        cases.update_case(db, people.clerk, case_id, claims=[transfer(6)], expected_version=seen)
    message = str(caught.value)
    assert "陈静" in message and "2024年5月6日 14:07" in message
    assert caught.value.changed_by == "陈静"
    assert case_queries.get_case(db, case_id).claims[0].facts["patent"] == patent(5)


def test_an_object_loaded_before_someone_elses_change_cannot_be_saved(db, people):
    case_id = register(db, people)
    with db.read() as first:
        mine = first.get(Application, case_id)
        first.commit()  # ends the read; the object keeps what it read
        cases.update_case(db, people.clerk2, case_id, agent_name="乙")
        mine.agent_name = "甲"
        with pytest.raises(StaleDataError):
            first.commit()
    assert case_queries.get_case(db, case_id).agent_name == "乙"


def test_a_concurrent_change_found_at_commit_is_reported_as_stale(db, people, monkeypatch):
    case_id = register(db, people)
    original = calculation.calculate

    def concurrent_writer(session, app):
        # What PostgreSQL would let another desk do between our read and our write.
        session.execute(
            text("UPDATE applications SET version = version + 1, updated_by_id = :u WHERE id = :i"),
            {"u": people.clerk2, "i": app.id},
        )
        return original(session, app)

    monkeypatch.setattr(cases, "calculate", concurrent_writer)
    # (The simulated change is rolled back with ours, so the message names the last real one.)
    with pytest.raises(StaleEdit, match="已过时"):
        cases.update_case(db, people.clerk, case_id, agent_name="丙")
    assert case_queries.get_case(db, case_id).agent_name == ""


def test_approved_cases_cannot_be_edited(db, people):
    case_id = register(db, people)
    advance(db, people, case_id, Status.APPROVED)
    with pytest.raises(RecordsError, match="已冻结"):
        cases.update_case(db, people.supervisor, case_id, claims=[transfer(9)])
    with pytest.raises(RecordsError, match="材料清单已不能修改"):
        cases.update_materials(
            db, people.clerk, case_id, [case_model.MaterialUpdate("business_licence", note="x")]
        )


def test_a_case_waiting_for_the_supervisor_is_only_edited_by_a_supervisor(db, people):
    case_id = register(db, people)
    advance(db, people, case_id, Status.AWAITING_SUPERVISOR)
    with pytest.raises(PermissionDenied, match="只有审核人"):
        cases.update_case(db, people.clerk, case_id, agent_name="x")
    cases.update_case(db, people.supervisor, case_id, agent_name="x")


def test_correcting_an_applicant_recalculates_open_cases_only(db, people):
    open_case = register(db, people, case_form(1, [transfer(1)]))
    approved = register(db, people, case_form(1, [transfer(2)]))
    advance(db, people, approved, Status.APPROVED)
    info = case_queries.get_case(db, open_case).applicant
    form = applicant_form(1, name="重庆改名科技有限公司", dishonest_debtor=True)
    changes = cases.update_applicant(db, people.clerk, info.id, form, expected_version=info.version)
    assert changes.case_ids == {open_case}
    assert case_queries.get_case(db, open_case).computed_total == 0
    assert case_queries.get_case(db, open_case).applicant_name == "重庆改名科技有限公司"
    assert case_queries.get_case(db, approved).approved_amount == Decimal("10000.00")
    assert case_queries.get_case(db, approved).applicant_name == "重庆璧山测试001科技有限公司"
    with pytest.raises(StaleEdit):
        cases.update_applicant(db, people.clerk, info.id, form, expected_version=info.version)
    with pytest.raises(InvalidInput, match="不能在此修改"):
        cases.update_applicant(db, people.clerk, info.id, applicant_form(2))


# ---------------------------------------------------------------------------
# Duplicates, cumulative caps, settled claims
# ---------------------------------------------------------------------------


def test_the_same_patent_in_another_live_case_is_flagged_on_both(db, people):
    mine = register(db, people, case_form(1, [transfer(1), center()]))
    theirs = register(db, people, case_form(2, [license_claim(1)]))
    same_applicant = register(db, people, case_form(1, [license_claim(1)]))
    unrelated = register(db, people, case_form(3, [transfer(3)]))

    flags = duplicates.duplicate_claims(db, mine)
    assert [(f.position, f.other_case_id, f.same_applicant) for f in flags] == [
        (0, theirs, False),
        (0, same_applicant, True),
    ]
    assert flags[0].other_applicant == "重庆璧山测试002科技有限公司"
    assert flags[0].other_status is Status.REGISTERED
    assert flags[0].patent == patent(1)
    assert [f.other_case_id for f in duplicates.duplicate_claims(db, theirs)] == [
        mine,
        same_applicant,
    ]
    assert duplicates.duplicate_claims(db, unrelated) == []
    assert case_queries.get_case(db, mine).duplicates == tuple(flags)

    # A case refused or rejected holds nothing.
    workflow.reject_at_intake(db, people.clerk, theirs, "out_of_scope")
    assert [f.other_case_id for f in duplicates.duplicate_claims(db, mine)] == [same_applicant]


def test_a_paid_case_still_flags_a_later_claim_on_the_same_patent(db, people):
    paid = register(db, people, case_form(1, [transfer(1)]))
    advance(db, people, paid, Status.PAID)
    later = register(db, people, case_form(2, [transfer(1)]))
    flags = duplicates.duplicate_claims(db, later)
    assert [(f.other_case_id, f.other_status) for f in flags] == [(paid, Status.PAID)]


def test_cumulative_caps_count_what_was_already_paid(db, people):
    first = register(db, people, case_form(1, [transfer(1), transfer(2)]))
    advance(db, people, first, Status.PAID)
    paid = case_queries.get_case(db, first)
    assert [c.paid_amount for c in paid.claims] == [Decimal("10000.00"), Decimal("10000.00")]

    second = register(db, people, case_form(1, [transfer(3), transfer(4)]))
    detail = case_queries.get_case(db, second)
    # 30,000 per enterprise for transfers: 20,000 already paid, so 10,000 is left.
    assert detail.computed_total == Decimal("10000.00")
    assert [c.result_status for c in detail.claims] == ["awarded", "reduced"]
    with db.read() as session:
        history = duplicates.prior_awards(session, credit_code(1), POLICY, second)
    held = {"item": "transfer_in", "amount": "10000.00", "months": 0}
    assert history == [{**held, "reference": "璧市监专转〔2024〕第001号（已拨付）"}] * 2
    # Another applicant is not affected.
    other = register(db, people, case_form(2, [transfer(5), transfer(6)]))
    assert case_queries.get_case(db, other).computed_total == Decimal("20000.00")


def test_interest_months_already_subsidised_count_toward_36(db, people):
    loan = {
        "item": "pledge_interest",
        "date": "2024-03-01",
        "principal": "1000000.00",
        "annual_rate": "0.0300",
        "term_months": 36,
        "interest_months": 30,
        "interest_paid": "75000.00",
    }
    first = register(db, people, case_form(1, [loan]))
    advance(db, people, first, Status.PAID)
    assert case_queries.get_case(db, first).claims[0].paid_amount == Decimal("75000.00")
    second = register(
        db, people, case_form(1, [{**loan, "interest_paid": "30000.00", "interest_months": 12}])
    )
    detail = case_queries.get_case(db, second)
    # 6 of the 36 months are left: 30,000 × 6 ÷ 12.
    assert detail.computed_total == Decimal("15000.00")


def test_settled_claims_of_the_same_applicant_and_programme(db, people):
    earlier = register(db, people, case_form(1, [transfer(1), center()]))
    later = register(db, people, case_form(1, [license_claim(1)]))
    stranger = register(db, people, case_form(2, [license_claim(1)]))
    with db.read() as session:
        held = duplicates.settled_claims(session, session.get(Application, later))
        for_earlier = duplicates.settled_claims(session, session.get(Application, earlier))
        for_stranger = duplicates.settled_claims(session, session.get(Application, stranger))
    number = case_queries.get_case(db, earlier).case_number
    assert held == [case_model.SettledInfo("transfer_in", patent(1), Decimal("10000.00"), number)]
    # An open case registered later does not hold what an earlier one claims.
    assert for_earlier == []
    assert for_stranger == []
    with db.read() as session:
        document = calculation.case_document(session, session.get(Application, later), POLICY)
    handed = duplicates.with_settled(parse_case(document, POLICY), held, POLICY)
    assert [s.reference for s in handed.settled] == [number]


def test_best_of_holds_across_applications_of_the_same_applicant(db, people):
    earlier = register(db, people, case_form(1, [license_claim(1)]))  # 5,000 on patent 1
    later = register(db, people, case_form(1, [transfer(1), transfer(2)]))
    detail = case_queries.get_case(db, later)
    # Patent 1 is already held for 5,000: the transfer pays only the difference.
    assert [c.amount for c in detail.claims] == [Decimal("5000.00"), Decimal("10000.00")]
    assert [c.result_status for c in detail.claims] == ["reduced", "awarded"]
    lines = case_queries.recalculate(db, later).claims[0].explanation
    earlier_number = case_queries.get_case(db, earlier).case_number
    assert any(earlier_number in line and "差额" in line for line in lines)
    # A smaller claim on a patent held for more is not paid at all.
    smaller = register(db, people, case_form(1, [{**license_claim(2), "date": "2024-03-05"}]))
    assert case_queries.get_case(db, smaller).claims[0].result_status == "not_stacked"
    # Another applicant on the same patent is flagged as a duplicate, not reduced.
    stranger = register(db, people, case_form(2, [transfer(1)]))
    assert case_queries.get_case(db, stranger).computed_total == Decimal("10000.00")
    # The earlier case holds what it claimed; once it is rejected, it holds nothing.
    assert case_queries.get_case(db, earlier).computed_total == Decimal("5000.00")
    workflow.reject_at_intake(db, people.clerk, earlier, "out_of_scope")
    assert case_queries.recalculate(db, later).total == Decimal("20000.00")


def test_a_clerk_cannot_register_a_reviewers_finding(db, people):
    claim = {
        "item": "transform_implement",
        "date": "2024-03-01",
        "patent": patent(4),
        "recognized": True,
    }
    with pytest.raises(PermissionDenied, match="由审核人填写"):
        cases.register_case(db, people.clerk, case_form(1, [claim]))
    assert case_queries.count_cases(db) == 0
    register(db, people, case_form(1, [{**claim, "recognized": False}]))
