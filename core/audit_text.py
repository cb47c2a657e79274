"""The audit log in words: a record's before and after as lines a supervisor reads in Chinese.

The log keeps what changed as JSON with the database's English field names and codes
(``{"status": "accepted"}``), and stays that way: its hash chain covers that exact text. This
module turns a record into 「状态：已登记 → 已受理」 — field names from the table below (the
applicant's as 附件2 names them) and from the policies (materials, the cultivation projects'
target metrics, fund categories and conditions), codes into their labels, true/false into
是/否. A field or code it does not know is shown as stored, so nothing is ever hidden.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from core.db.clock import CHINA_TZ
from core.documents.model import OBJECTION_OUTCOMES
from core.engine.inputs import SIZE_LABELS
from core.policy.loader import PolicyError, available_policies, load_policy
from core.policy.model import CHOICE_LABELS, ApplicantKind, Item, Policy
from core.records.roles import parse_roles, roles_label
from core.records.states import Status

__all__ = ["change_lines", "field_label"]

FIELD_LABELS: dict[str, str] = {
    # Backup and restore records (issue 20 §13).
    "at": "时间",
    "safety_copy": "恢复前的安全副本",
    "lost": "恢复后不再包含",
    "override": "经管理员确认强制恢复",
    "overridden": "被确认的问题",
    "head_id": "审计链末条编号",
    "head_hash": "审计链末条校验值",
    # The application (登记, steps, decisions)
    "case_number": "案件编号",
    "applicant_name": "申请人",
    "received_on": "受理日期",
    "policy_id": "资助政策",
    "policy_version": "政策版本",
    "policy_sha256": "政策文件校验值",
    "snapshot_sha256": "审核时数据快照校验值",
    "filed_by_agent": "委托他人办理",
    "agent_name": "受托人",
    "claims": "资助事项",
    "computed_total": "测算合计（元）",
    "status": "状态",
    "reason": "意见或理由",
    "total": "合计（元）",
    "amount": "金额（元）",
    "due": "补正期限",
    "missing": "须补正的材料",
    "ground": "不予受理情形代码",
    "ground_text": "不予受理情形",
    "clause": "依据条款",
    "meeting_date": "办公会日期",
    "minute": "会议纪要编号",
    "batch": "公示批次",
    "before": "折算前金额（元）",
    "upheld": "异议成立",
    "paid_on": "兑现日期",
    "voucher_no": "拨付凭证号",
    # Objections (issue 20 §11), the payee's 行号 and funds received (§12)
    "objector": "异议人",
    "contact": "联系方式",
    "objection_received_on": "异议收到日期",
    "outcome": "处理结果",
    "notice_before": "原公示金额（元）",
    "notice_amount": "公示金额（元）",
    "bank_code": "开户行行号",
    "arrived_on": "到账日期",
    "reference": "拨款文号",
    # Payee change requests (issue 13 §1) and policy administration (issue 17)
    "evidence": "证明材料",
    "case": "案件",
    "file": "文件",
    "sha256": "文件校验值",
    "value": "设置值",
    # The applicant (附件2 and the three 五(一)2 checks)
    "credit_code": "统一社会信用代码",
    "name": "名称",
    "kind": "申请人类型",
    "size": "企业规模",
    "address": "申请人所在地址",
    "handler": "经办人",
    "handler_phone": "经办人电话",
    "patent_agency": "专利代理机构",
    "patent_attorney": "代理人",
    "attorney_phone": "代理人电话",
    "account_name": "申请人户名",
    "bank": "开户银行",
    "account_number": "银行账号",
    "dishonest_debtor": "纳入失信被执行人名单",
    "dishonest_debtor_note": "失信核查情况",
    "dishonest_debtor_source": "失信核查来源",
    "ownership_dispute": "存在专利权属纠纷",
    "ownership_dispute_note": "权属纠纷核查情况",
    "ownership_dispute_source": "权属纠纷核查来源",
    "major_accident_3y": "近三年发生重大事故",
    "major_accident_3y_note": "重大事故核查情况",
    "major_accident_3y_source": "重大事故核查来源",
    # A material line of the checklist
    "received": "已收到",
    "copies": "份数",
    "originals_verified": "原件已核验",
    # A user
    "username": "用户名",
    "display_name": "姓名",
    "roles": "角色",
    "active": "启用",
    "must_change_password": "下次登录须改密码",
    "password_hash": "密码",
    "failed_logins": "连续登录失败次数",
    "locked_until": "锁定至",
    "last_login_at": "最近登录",
    # A notice batch (公示)
    "number": "编号",
    "start_date": "开始日期",
    "end_date": "结束日期",
    "budget": "预算（元）",
    "used_before": "此前已用（元）",
    "remaining": "剩余预算（元）",
    "requested": "申请合计（元）",
    "ratio": "折算比例",
    "cases": "案件",
    "cleared": "无异议件数",
    "held": "暂缓件数",
    # 年度核定 (issue 13 §3)
    "year_ruling": "依据的年度核定（次）",
    "confirmed_before_deadline": "申报截止前公示的确认",
    "paid_before": "核定前已兑现（元）",
    "approved_total": "审核通过合计（元）",
    "pending_cases": "在审案件（件）",
    "notice_amounts_changed": "按比例调整的公示金额",
    # A cultivation project
    "title": "项目名称",
    "field": "技术领域",
    "key_industry": "重点产业",
    "technology_type": "技术类型",
    "linked_project": "关联项目",
    "units": "承担单位",
    "lead": "牵头单位",
    "funding": "资助资金（元）",
    "own_funds": "自筹资金（元）",
    "task_book_number": "任务书编号",
    "task_book_date": "任务书日期",
    "happened_on": "日期",
    "note": "说明",
    "conditions": "申报条件",
    "met": "符合",
    "targets": "目标任务",
    "actuals": "完成情况",
    "start": "开始日期",
    "end": "结束日期",
    "approval_instalment": "立项拨付（元）",
    "approval_basis": "立项补助金额依据",
    "result": "结论",
    "request_id": "申请编号",
    "report_id": "报告编号",
    "old_end": "原结束日期",
    "new_end": "新结束日期",
    "approved": "同意",
    "kept": "留用（元）",
    "recovered": "追回（元）",
    "method": "验收方式",
    "passed": "通过",
    "closure": "结题资金处理",
    "closure_amount": "核减或追回（元）",
    "closure_reason": "结题资金处理理由",
    "voucher": "拨付凭证号",
    "category": "经费类别",
    "spent_on": "支出日期",
    # Kept by every record
    "id": "记录号",
    "version": "版本",
    "created_at": "创建时间",
    "updated_at": "修改时间",
    "updated_by_id": "修改人编号",
}

_EMPTY = "（空）"
# A code the same record also gives in words: the words are shown, the code is not.
_SAID_BY = {"ground": "ground_text"}


@cache
def _district_policies() -> tuple[Policy, ...]:
    """Every shipped district programme that loads (one that does not is the admin's problem,
    not a reason to hide the log)."""

    policies = []
    for policy_id in available_policies():
        try:
            policies.append(load_policy(policy_id))
        except PolicyError:
            continue
    return tuple(policies)


@cache
def _policy_labels() -> dict[str, str]:
    """What the shipped policies call their codes: materials, metrics, categories, conditions."""

    labels: dict[str, str] = {}
    for policy in _district_policies():
        for code, material in policy.materials.items():
            labels.setdefault(code, material.name)
    try:
        from core.projects.policy import CULTIVATION_PROJECT, load_project_policy
    except ImportError:  # a build without the cultivation projects
        return labels

    for policy_id in available_policies(kind=CULTIVATION_PROJECT):
        try:
            project = load_project_policy(policy_id)
        except PolicyError:
            continue
        for code, metric in project.target_metrics.items():
            labels.setdefault(code, metric.label)
        for code, category in project.fund_categories.items():
            labels.setdefault(code, category.text)
        for code, method in project.acceptance_methods.items():
            labels.setdefault(code, method.text)
        for coded in (*project.conditions, *project.tasks):
            labels.setdefault(coded.code, _short(coded.text))
    return labels


@cache
def _code_labels() -> dict[str, dict[str, str]]:
    """For fields whose value is a code: what each code is called."""

    codes: dict[str, dict[str, str]] = {
        "kind": {k.value: k.label for k in ApplicantKind},
        "size": dict(SIZE_LABELS),
        "batch_status": {"open": "公示中", "closed": "已结束"},
        "outcome": dict(OBJECTION_OUTCOMES),
    }
    try:
        from core.projects.model import MidtermResult, TechnologyType
        from core.projects.rules import ClosureDecision
    except ImportError:  # pragma: no cover - a build without the cultivation projects
        return codes
    codes["technology_type"] = {t.value: t.label for t in TechnologyType}
    codes["closure"] = {d.value: d.label for d in ClosureDecision}
    codes["result"] = {r.value: r.label for r in MidtermResult}
    codes["category"] = codes["method"] = _policy_labels()
    return codes


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def field_label(key: str) -> str:
    """The field's name as a reader says it; the stored name when there is none."""
    return FIELD_LABELS.get(key) or _policy_labels().get(key) or key


def _status_text(entity: str, value: str) -> str:
    if entity == "payee_change":
        from core.records.payee import STATUS_LABELS

        return STATUS_LABELS.get(value, value)
    if entity == "project":
        try:
            from core.projects.rules import ProjectStatus
        except ImportError:  # pragma: no cover - a build without the cultivation projects
            return value
        try:
            return ProjectStatus(value).label
        except ValueError:
            return value
    try:
        return Status(value).label
    except ValueError:
        return value


_ISO_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:\+00:00|Z)$")


def _value_text(entity: str, key: str, value: Any) -> str:
    if value is None or value == "":
        return _EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, str) and _ISO_UTC.match(value):
        # Stored in UTC (ISO); the reader's clock is Beijing time.
        return (
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            .astimezone(CHINA_TZ)
            .strftime("%Y-%m-%d %H:%M:%S")
        )
    if key == "password_hash":
        return "（不显示）"
    if key == "status" and isinstance(value, str):
        if entity == "notice_batch":
            return _code_labels()["batch_status"].get(value, value)
        return _status_text(entity, value)
    if isinstance(value, str) and key in _code_labels():
        return _code_labels()[key].get(value, value)
    if key == "policy_id" and isinstance(value, str):
        return _policy_title(value)
    if key == "roles" and isinstance(value, str):
        try:
            return roles_label(parse_roles(value))
        except ValueError:
            return value
    if isinstance(value, Mapping):
        parts = [f"{field_label(k)} {_value_text(entity, k, v)}" for k, v in value.items()]
        return "，".join(parts) if parts else _EMPTY
    if isinstance(value, list | tuple):
        shown = [
            _claim_text(v)
            if isinstance(v, Mapping) and "item" in v
            else _value_text(entity, key, v)
            for v in value
        ]
        return ("；" if any(isinstance(v, Mapping) for v in value) else "、").join(shown) or _EMPTY
    return str(value)


def _claim_text(claim: Mapping[str, Any]) -> str:
    # A CASE-document claim: its item and facts named as the policy names them.

    code = str(claim.get("item", ""))
    item = _items().get(code)
    if item is None:
        return "，".join(f"{k} {v}" for k, v in claim.items())
    facts = []
    for key, value in claim.items():
        if key == "item":
            continue
        label = item.date_label if key == "date" else _fact_label(item, key)
        if isinstance(value, bool):
            shown = "是" if value else "否"
        else:
            shown = CHOICE_LABELS.get(str(value), str(value))
        facts.append(f"{label} {shown}")
    return f"{item.name}（{'，'.join(facts)}）" if facts else item.name


def _fact_label(item: Item, name: str) -> str:
    try:
        return item.fact(name).label.split("（")[0]
    except KeyError:
        return name


@cache
def _items() -> dict[str, Item]:
    items: dict[str, Item] = {}
    for policy in _district_policies():
        for code, item in policy.items.items():
            items.setdefault(code, item)
    return items


def _policy_title(policy_id: str) -> str:

    try:
        return f"{load_policy(policy_id).title}（{policy_id}）"
    except PolicyError:
        pass
    try:
        from core.projects.policy import load_project_policy

        return f"{load_project_policy(policy_id).title}（{policy_id}）"
    except (ImportError, PolicyError):
        return policy_id


def _is_change(value: Any) -> bool:
    # A checklist line records {"before": {...}, "after": {...}} for each material it touched.
    return isinstance(value, Mapping) and set(value) == {"before", "after"}


def change_lines(entity: str, before: Any, after: Any) -> list[str]:
    """One line per field of a record, the status first: 「名称：旧 → 新」 for a change,
    「名称：值」 otherwise, 「名称：旧 → （删除）」 for a field only ``before`` has.

    ``entity`` is the record's entity (``application``, ``project``…), which says whose status
    a ``status`` is. A record with nothing in it says so.
    """
    old = before if isinstance(before, Mapping) else {}
    new = after if isinstance(after, Mapping) else {}
    if not isinstance(after, Mapping) and after is not None:
        return [_value_text(entity, "", after)]
    lines: list[str] = []
    keys = [*new, *(k for k in old if k not in new)]
    # A step's status change is what the reader looks for first.
    keys.sort(key=lambda k: k != "status")
    for key in keys:
        if _SAID_BY.get(key) in new:
            continue
        label = field_label(key)
        if key in new and _is_change(new[key]):
            was = _value_text(entity, key, new[key]["before"])
            now = _value_text(entity, key, new[key]["after"])
            lines.append(f"{label}：{was} → {now}")
        elif key in old and key in new:
            if old[key] != new[key]:
                was, now = _value_text(entity, key, old[key]), _value_text(entity, key, new[key])
                lines.append(f"{label}：{was} → {now}")
            else:
                lines.append(f"{label}：{_value_text(entity, key, new[key])}")
        elif key in new:
            lines.append(f"{label}：{_value_text(entity, key, new[key])}")
        else:
            lines.append(f"{label}：{_value_text(entity, key, old[key])} → （删除）")
    return lines or ["（无字段变化）"]
