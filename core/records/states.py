"""The case workflow as data: statuses, actions and the transitions table.

Each row says: from this status, this action leads to that status, and these roles may take
it. :mod:`core.records.workflow` refuses anything that is not a row here. The table is shown
as it is in docs/records.md and to the GUI (which asks :func:`actions_from` for its buttons).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.records.roles import Role


class Status(StrEnum):
    REGISTERED = "registered"
    CORRECTION_REQUESTED = "correction_requested"
    ACCEPTED = "accepted"
    REJECTED_AT_INTAKE = "rejected_at_intake"
    CLERK_REVIEWED = "clerk_reviewed"
    AWAITING_SUPERVISOR = "awaiting_supervisor"
    RETURNED = "returned"
    APPROVED = "approved"
    REFUSED = "refused"
    DECIDED = "decided"
    ON_NOTICE = "on_notice"
    OBJECTION = "objection"
    CLEARED = "cleared"
    PAID = "paid"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    Status.REGISTERED: "已登记",
    Status.CORRECTION_REQUESTED: "待补正",
    Status.ACCEPTED: "已受理",
    Status.REJECTED_AT_INTAKE: "不予受理",
    Status.CLERK_REVIEWED: "已初审",
    Status.AWAITING_SUPERVISOR: "待审核",
    Status.RETURNED: "已退回",
    Status.APPROVED: "审核通过",
    Status.REFUSED: "不予资助",
    Status.DECIDED: "办公会已审定",
    Status.ON_NOTICE: "公示中",
    Status.OBJECTION: "有异议",
    Status.CLEARED: "公示无异议",
    Status.PAID: "已兑现",
}


class Action(StrEnum):
    REQUEST_CORRECTION = "request_correction"
    ACCEPT = "accept"
    REJECT_AT_INTAKE = "reject_at_intake"
    CLERK_REVIEW = "clerk_review"
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    REFUSE = "refuse"
    DECIDE = "decide"
    PUBLISH = "publish"
    RAISE_OBJECTION = "raise_objection"
    DISMISS_OBJECTION = "dismiss_objection"
    UPHOLD_OBJECTION = "uphold_objection"
    CLEAR = "clear"
    PAY = "pay"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    Action.REQUEST_CORRECTION: "告知补正",
    Action.ACCEPT: "受理",
    Action.REJECT_AT_INTAKE: "不予受理",
    Action.CLERK_REVIEW: "初审",
    Action.SUBMIT: "提交审核",
    Action.APPROVE: "审核通过",
    Action.RETURN: "退回",
    Action.REFUSE: "不予资助",
    Action.DECIDE: "办公会审定",
    Action.PUBLISH: "公示",
    Action.RAISE_OBJECTION: "登记异议",
    Action.DISMISS_OBJECTION: "异议不成立（继续公示）",
    Action.UPHOLD_OBJECTION: "异议成立（不予资助）",
    Action.CLEAR: "公示无异议",
    Action.PAY: "兑现",
}


@dataclass(frozen=True)
class Transition:
    source: Status
    action: Action
    target: Status
    roles: frozenset[Role]


_C = frozenset({Role.CLERK})
_S = frozenset({Role.SUPERVISOR})
_CS = frozenset({Role.CLERK, Role.SUPERVISOR})

S = Status
A = Action

TRANSITIONS: tuple[Transition, ...] = (
    # Intake at the counter (五(一)2, 五(二)).
    Transition(S.REGISTERED, A.REQUEST_CORRECTION, S.CORRECTION_REQUESTED, _C),
    Transition(S.REGISTERED, A.ACCEPT, S.ACCEPTED, _C),
    Transition(S.REGISTERED, A.REJECT_AT_INTAKE, S.REJECTED_AT_INTAKE, _CS),
    # A further correction notice replaces the list and the due date.
    Transition(S.CORRECTION_REQUESTED, A.REQUEST_CORRECTION, S.CORRECTION_REQUESTED, _C),
    Transition(S.CORRECTION_REQUESTED, A.ACCEPT, S.ACCEPTED, _C),
    Transition(S.CORRECTION_REQUESTED, A.REJECT_AT_INTAKE, S.REJECTED_AT_INTAKE, _CS),
    # Review (五(三)1 审核): the clerk's 初审, then a supervisor who is not that clerk.
    Transition(S.ACCEPTED, A.CLERK_REVIEW, S.CLERK_REVIEWED, _C),
    Transition(S.RETURNED, A.CLERK_REVIEW, S.CLERK_REVIEWED, _C),
    Transition(S.CLERK_REVIEWED, A.SUBMIT, S.AWAITING_SUPERVISOR, _C),
    Transition(S.AWAITING_SUPERVISOR, A.APPROVE, S.APPROVED, _S),
    Transition(S.AWAITING_SUPERVISOR, A.RETURN, S.RETURNED, _S),
    Transition(S.AWAITING_SUPERVISOR, A.REFUSE, S.REFUSED, _S),
    # 办公会研究, then 公示 (五(三)1).
    Transition(S.APPROVED, A.DECIDE, S.DECIDED, _S),
    Transition(S.DECIDED, A.PUBLISH, S.ON_NOTICE, _S),
    Transition(S.ON_NOTICE, A.RAISE_OBJECTION, S.OBJECTION, _CS),
    Transition(S.ON_NOTICE, A.CLEAR, S.CLEARED, _S),
    Transition(S.OBJECTION, A.DISMISS_OBJECTION, S.ON_NOTICE, _S),
    Transition(S.OBJECTION, A.CLEAR, S.CLEARED, _S),
    Transition(S.OBJECTION, A.UPHOLD_OBJECTION, S.REFUSED, _S),
    # 兑现 (五(三)2).
    Transition(S.CLEARED, A.PAY, S.PAID, _S),
)

_BY_KEY = {(t.source, t.action): t for t in TRANSITIONS}
assert len(_BY_KEY) == len(TRANSITIONS), "one row per (status, action)"


def find_transition(source: Status, action: Action) -> Transition | None:
    return _BY_KEY.get((source, action))


def actions_from(source: Status) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == source]


# Still being handled before approval: the case's claims may change.
OPEN_STATUSES = frozenset(
    {
        S.REGISTERED,
        S.CORRECTION_REQUESTED,
        S.ACCEPTED,
        S.CLERK_REVIEWED,
        S.AWAITING_SUPERVISOR,
        S.RETURNED,
    }
)
# Approved and beyond: the snapshot is frozen.
AWARDED_STATUSES = frozenset({S.APPROVED, S.DECIDED, S.ON_NOTICE, S.OBJECTION, S.CLEARED, S.PAID})
CLOSED_STATUSES = frozenset({S.REJECTED_AT_INTAKE, S.REFUSED})
# Money a notice batch holds against the budget (or has paid).
HOLDING_STATUSES = frozenset({S.ON_NOTICE, S.OBJECTION, S.CLEARED, S.PAID})
# Who may edit claims and case data in which status.
CLERK_EDITABLE = frozenset(
    {S.REGISTERED, S.CORRECTION_REQUESTED, S.ACCEPTED, S.CLERK_REVIEWED, S.RETURNED}
)
SUPERVISOR_EDITABLE = frozenset({S.AWAITING_SUPERVISOR})

assert set(Status) == OPEN_STATUSES | AWARDED_STATUSES | CLOSED_STATUSES
del S, A  # short names for the table above only
