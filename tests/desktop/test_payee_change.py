"""收款账户变更 at the desk (issue 13 §1): a clerk records it in the case window of an approved
case; a supervisor who is neither that clerk nor the registrar decides it in 公示与兑现."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from core.db.models import Application
from core.records.case_queries import get_case
from core.records.payee import current_payee, payee_changes
from core.records.states import AWARDED_STATUSES, Status
from desktop.controllers.case_editor import CaseEditor
from desktop.controllers.payee_change import PayeeChangeDialog, PayeeDecisionDialog
from tests.desktop.test_review_support import Demo, demo

__all__ = ["demo"]

NEW = "6222020200112233445"


def cleared_case(demo: Demo) -> tuple[int, int]:
    """A case awarded and not yet paid, with the id of its registrar."""
    from sqlalchemy import select

    awarded = [s.value for s in AWARDED_STATUSES if s is not Status.PAID]
    with demo.db.read() as session:
        app = session.scalars(
            select(Application).where(Application.status.in_(awarded)).order_by(Application.id)
        ).first()
        assert app is not None
        return app.id, app.clerk_id


def other_clerk(demo: Demo, registrar: int) -> str:
    return next(name for name in ("clerk", "clerk2") if demo.users[name].id != registrar)


def test_a_clerk_requests_and_a_supervisor_approves(
    qtbot: QtBot, demo: Demo, messages: Any
) -> None:
    case_id, registrar = cleared_case(demo)
    clerk = other_clerk(demo, registrar)
    editor = CaseEditor(demo.context(clerk), case_id)
    qtbot.addWidget(editor)
    assert not editor.payee_button.isHidden()
    assert editor.payee_button.isEnabled()
    _, before = current_payee(demo.db, case_id)
    # The case window shows the payee decided at approval.
    assert editor.applicant_panel.values()["account_number"] == before.account_number

    dialog = PayeeChangeDialog(demo.context(clerk), case_id, editor)
    qtbot.addWidget(dialog)
    dialog.bank.setText("中国建设银行璧山支行")
    dialog.account_number.setText("6222O2")  # a letter O typed for a zero
    assert not dialog.submit()
    assert "银行账号只能含数字" in dialog.message.text()
    dialog.account_number.setText(NEW)
    dialog.reason.setText("原账户已销户")
    dialog.evidence.setText("销户证明及新开户许可证原件")
    assert dialog.submit()
    assert current_payee(demo.db, case_id)[1].account_number == before.account_number

    decision = PayeeDecisionDialog(demo.context("supervisor"))
    qtbot.addWidget(decision)
    assert decision.requests.count() == 1
    assert NEW in decision.detail.text()
    assert not decision.decide(False)  # a rejection needs a reason
    assert "驳回时请写明理由" in decision.message.text()
    assert decision.decide(True)
    assert decision.requests.count() == 0
    assert current_payee(demo.db, case_id)[1].account_number == NEW
    assert payee_changes(demo.db, pending_only=True) == []
    assert get_case(demo.db, case_id).status is not Status.PAID


def test_the_registrar_holding_the_supervisor_role_is_refused_in_the_dialog(
    qtbot: QtBot, demo: Demo
) -> None:
    from core.records.payee import PayeeForm, request_payee_change

    case_id, registrar = cleared_case(demo)
    clerk = other_clerk(demo, registrar)
    request_payee_change(
        demo.db, demo.users[clerk].id, case_id, PayeeForm("户名", "银行", NEW), "更正", "证明"
    )
    # The requesting clerk cannot approve even from a supervisor's screen: core says why.
    from core.records.roles import Role
    from core.records.users import set_roles

    set_roles(demo.db, demo.users["admin"].id, demo.users[clerk].id, [Role.CLERK, Role.SUPERVISOR])
    decision = PayeeDecisionDialog(demo.context(clerk))
    qtbot.addWidget(decision)
    assert not decision.decide(True)
    assert "本次变更的登记人" in decision.message.text()
