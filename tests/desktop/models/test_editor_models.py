"""The case window's models pass Qt's checks and show core's data."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pytestqt.modeltest import ModelTester

from core.engine.results import ClaimResult, ClaimStatus
from core.policy.loader import load_policy
from core.records.case_model import MaterialLine
from core.records.case_queries import get_case
from desktop.models.applicant_completer_model import CREDIT_CODE_ROLE, ApplicantCompleterModel
from desktop.models.checklist_model import COPIES, NOTE, RECEIVED, ChecklistModel
from desktop.models.claims_model import ClaimsModel
from desktop.models.result_model import ResultModel
from desktop.qt import Qt
from tests.desktop.db_fixtures import credit_code

POLICY = load_policy("bishan-2024")


def test_claims_model(qtmodeltester: ModelTester) -> None:
    model = ClaimsModel(POLICY)
    qtmodeltester.check(model)
    model.append({"item": "transfer_in", "date": "2024-03-01", "patent": "201710601862.3"})
    model.append({"item": "product_filing", "date": "2024-05-01", "product": "阀门"})
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "接受高校院所发明专利转让"
    assert "201710601862.3" in model.data(model.index(0, 2))
    assert model.headerData(1, Qt.Orientation.Vertical) == "2"
    model.set_results([ClaimResult(0, "transfer_in", Decimal("10000"), ClaimStatus.AWARDED)])
    assert model.data(model.index(0, 3)) == "10,000.00（予以资助）"
    model.set_duplicates({0})
    assert model.data(model.index(0, 2)).endswith("⚠")
    model.remove(0)
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_checklist_model_edits_and_core_wording(desk_db: Any, qtmodeltester: ModelTester) -> None:
    lines: list[MaterialLine] = list(get_case(desk_db.db, desk_db.case_ids[0]).materials)
    model = ChecklistModel()
    model.set_lines(lines)
    qtmodeltester.check(model)
    assert len(model.missing()) == len(lines)
    assert model.setData(
        model.index(0, RECEIVED), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert model.setData(model.index(0, COPIES), 2)
    assert not model.setData(model.index(0, COPIES), 120)
    assert model.setData(model.index(0, NOTE), "复印件已盖章")
    assert "原件未核对" in model.missing()[0]
    model.mark_complete(0)
    assert len(model.missing()) == len(lines) - 1
    qtmodeltester.check(model)


def test_result_model(qtmodeltester: ModelTester) -> None:
    from core.engine.results import ApplicationResult

    result = ApplicationResult(
        "bishan-2024",
        "2024.1",
        True,
        [],
        Decimal("11000"),
        [
            ClaimResult(0, "transfer_in", Decimal("10000"), ClaimStatus.AWARDED, ["a"]),
            ClaimResult(1, "license_in", Decimal("0"), ClaimStatus.NOT_STACKED, ["b"]),
        ],
    )
    model = ResultModel(POLICY)
    qtmodeltester.check(model)
    model.set_result(result)
    qtmodeltester.check(model)
    assert model.data(model.index(1, 3)) == "不叠加"
    assert model.data(model.index(0, 2)) == "10,000.00"


def test_applicant_completer_finds_names_through_core(
    desk_db: Any, qtmodeltester: ModelTester
) -> None:
    model = ApplicantCompleterModel(desk_db.db)
    qtmodeltester.check(model)
    model.lookup("测试科技有限公司002")
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0), CREDIT_CODE_ROLE) == credit_code(2)
    model.lookup("x")  # too short to search
    assert model.rowCount() == 0


def test_a_history_line_is_punctuated_once(qtbot: Any) -> None:
    """Issue 20 §14: 「同意资助。；金额（元）」."""
    import datetime as dt

    from core.records.case_model import DecisionInfo
    from desktop.models.review_case_models import ReviewHistoryModel

    model = ReviewHistoryModel()
    row = DecisionInfo(
        "approve",
        "审核通过",
        "awaiting_supervisor",
        "approved",
        1,
        "李建国",
        dt.datetime(2024, 12, 2, 2, 0, tzinfo=dt.UTC),
        "同意资助。",
        {"amount": "15000.00"},
    )
    model.set_rows([row])
    text = model.text(row, "reason")
    assert "。；" not in text and text.startswith("同意资助；")
