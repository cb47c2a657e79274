"""Made-up cases for looking at the forms (tools/render_forms.py), the benchmark and tests.

The names, codes and accounts are invented but valid (credit codes and patent numbers pass
their check characters), so the same documents also go through ``ipdesk-cli calc``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from core.documents.notice_list import NoticeEntry, NoticeList
from core.identifiers import credit_code_check_char, patent_check_char
from core.policy.model import Policy

__all__ = ["credit_code", "notice_list_sample", "patent", "sample_case_document"]


def credit_code(n: int) -> str:
    """A valid 统一社会信用代码 for sample number ``n`` (璧山区 division code 500227)."""
    body = f"91500227MA{n:07d}"
    return body + credit_code_check_char(body)


def patent(n: int, year: int = 2021) -> str:
    """A valid invention patent number ``ZL<year>1<serial>.<check>``."""
    body = f"{year}1{n:07d}"
    return f"ZL{body}.{patent_check_char(body)}"


def sample_case_document(n: int = 1, *, rich: bool = True) -> dict[str, Any]:
    """A CASE document with its ``form`` extras. ``rich`` gives six claims over four 附件2
    rows (the densest 申请表 a clerk is likely to print); otherwise one transfer."""
    claims: list[dict[str, Any]] = [
        {
            "item": "transfer_in",
            "date": "2024-03-01",
            "patent": patent(n * 10 + 1),
            "counterparty_kind": "university",
            "related_party": False,
        }
    ]
    if rich:
        claims += [
            {
                "item": "transform_implement",
                "date": "2024-06-01",
                "patent": patent(n * 10 + 2),
                "recognized": True,
            },
            {
                "item": "license_in",
                "date": "2024-04-01",
                "patent": patent(n * 10 + 3),
                "counterparty_kind": "institute",
                "related_party": False,
                "contract_amount": "4000000.00",
            },
            {
                "item": "pledge_interest",
                "date": "2024-02-25",
                "principal": "5000000.00",
                "annual_rate": "0.04",
                "term_months": 12,
                "interest_months": 6,
                "interest_paid": "100000.00",
            },
            {
                "item": "pledge_fees",
                "date": "2024-02-26",
                "appraisal": "3000.00",
                "guarantee": "5000.50",
                "insurance": "1200.00",
            },
            {"item": "product_filing", "date": "2024-05-01", "product": "智能电机控制器（第二代）"},
        ]
    name = f"重庆璧山示例智能装备科技有限公司（第{n}号）"
    return {
        "policy": "bishan-2024",
        "id": f"S-{n:03d}",
        "received_on": "2024-11-10",
        "applicant": {
            "name": name,
            "credit_code": credit_code(n),
            "kind": "enterprise",
            "size": "small",
        },
        "claims": claims,
        "form": {
            "case_number": f"璧市监专转〔2024〕第{n:03d}号",
            "address": "重庆市璧山区璧泉街道东林大道1号智能装备产业园3栋",
            "handler": "张晓明",
            "handler_phone": "023-41234567",
            "patent_agency": "重庆某某知识产权代理事务所（普通合伙）",
            "attorney": "李华",
            "attorney_phone": "13800138000",
            "account_name": name,
            "bank": "中国工商银行股份有限公司重庆璧山支行",
            "account_number": f"3100 0212 3456 {n:04d} 789",
            "issued_on": "2024-11-12",
            "checklist": [
                {
                    "material": "application_form",
                    "received": True,
                    "stamped_copies": 2,
                    "originals_verified": True,
                },
                {
                    "material": "business_licence",
                    "received": True,
                    "stamped_copies": 2,
                    "originals_verified": True,
                },
                {
                    "material": "handler_authorization",
                    "received": True,
                    "stamped_copies": 2,
                    "originals_verified": True,
                },
                {
                    "material": "bank_account_info",
                    "received": True,
                    "stamped_copies": 1,
                    "originals_verified": True,
                    "note": "缺一份",
                },
                {
                    "material": "account_licence",
                    "received": True,
                    "stamped_copies": 2,
                    "originals_verified": True,
                },
                {
                    "material": "transfer_contract",
                    "received": True,
                    "stamped_copies": 2,
                    "originals_verified": True,
                },
                {
                    "material": "transfer_registration",
                    "received": False,
                    "note": "未提供手续合格通知书",
                },
            ],
            "clerk_opinion": {
                "text": "材料基本齐全，转让登记备案材料待补正；经测算，建议按审核意见资助。",
                "name": "王芳",
                "date": "2024-11-12",
            },
            "missing": [
                {
                    "material": "transfer_registration",
                    "problem": "未提供国家知识产权局出具的专利权转移手续合格通知书",
                },
                {"material": "bank_account_info", "problem": "只提供一份，须一式两份并加盖公章"},
            ],
            "correction_due": "2024-11-22",
            "rejection_grounds": ["out_of_scope"],
        },
    }


def notice_list_sample(policy: Policy, entries: int = 60) -> NoticeList:
    """A 公示名单 long enough to run over several pages."""
    items = ("接受高校院所发明专利转让", "专利质押融资贴息")
    return NoticeList(
        policy=policy,
        entries=tuple(
            NoticeEntry(
                case_number=f"璧市监专转〔2024〕第{i:03d}号",
                applicant_name=f"重庆璧山示例科技有限公司（第{i}号）"
                + ("璧山高新技术产业开发区分公司" if i % 9 == 0 else ""),
                credit_code=credit_code(i),
                items=items if i % 3 else items[:1],
                amount=Decimal("10000.00") + Decimal(i) + Decimal("0.05"),
                account_number=f"6222 0212 3456 {i:04d} 789",
            )
            for i in range(1, entries + 1)
        ),
        period_start=dt.date(2024, 12, 2),
        period_end=dt.date(2024, 12, 6),
        objection_contact="重庆市璧山区市场监督管理局知识产权科，电话：023-41412345",
        issued_on=dt.date(2024, 11, 29),
        batch_name="2024年第一批",
    )
