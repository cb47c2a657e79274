"""异议处理记录: one objection to a case on notice and how it was handled (issue 20 §11).

五(三)1 puts the results on notice 「接受社会监督」; an objection is a citizen's word against a
public decision, so its handling is put on paper and signed: who objected and how to reach
them, when it came in, what it says, what was found, the outcome (upheld, not upheld, or the
amount changed, with both amounts), and who registered and who decided it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from core.db.clock import CHINA_TZ
from core.documents.model import ObjectionRecord
from core.documents.pdf import (
    DocumentInfo,
    build_pdf,
    corner_line,
    date_text,
    p,
    seal_block,
    signature_line,
    styles,
    table,
)
from core.money import format_yuan, rmb_capitals

__all__ = ["render_objection_record"]

_WIDTHS = (34.0, 136.0)


def _local_date(at: dt.datetime | None) -> dt.date | None:
    return at.astimezone(CHINA_TZ).date() if at is not None else None


def _amount(amount: Decimal) -> str:
    return f"{format_yuan(amount)}元（{rmb_capitals(amount)}）"


def render_objection_record(record: ObjectionRecord) -> bytes:
    s = styles()

    def row(label: str, value: str) -> list[object]:
        return [p(label, s.cell_label, balanced=True), p(value, s.cell)]

    outcome = record.outcome_label or "（待处理）"
    if record.outcome == "amount_changed" and record.decided_amount is not None:
        outcome += f"：审核金额调整为{_amount(record.decided_amount)}"
        if record.decided_notice_amount is not None:
            outcome += f"，公示（拨付）金额{format_yuan(record.decided_notice_amount)}元"
    rows = [
        row("受理编号", record.case_number),
        row("申请人", record.applicant_name),
        row(
            "公示批次",
            f"{record.batch_name}（{date_text(record.notice_start)}至"
            f"{date_text(record.notice_end)}）",
        ),
        row("原审核金额", _amount(record.approved)),
        row("原公示金额", f"{format_yuan(record.notice_amount)}元"),
        row("异议人", record.objector),
        row("联系方式", record.contact or "（未留）"),
        row("收到日期", date_text(record.received_on)),
        row("异议内容", record.substance),
        row(
            "登记",
            signature_line("登记人", record.registered_by, _local_date(record.registered_at)),
        ),
        row("调查核实情况\n及处理意见", record.finding or "\n\n\n"),
        row("处理结果", outcome),
        row("决定", signature_line("审核人", record.decided_by, _local_date(record.decided_at))),
        row("负责人意见", "\n\n" + signature_line("负责人", "", None)),
    ]
    story = [
        corner_line("", f"受理编号：{record.case_number}"),
        p(record.issuer, s.subtitle),
        p(f"{record.programme}公示异议处理记录", s.title),
        table(rows, _WIDTHS, ("VALIGN", (0, 0), (-1, -1), "MIDDLE")),
        seal_block(record.issuer, _local_date(record.decided_at)),
    ]
    return build_pdf(
        story,
        DocumentInfo(
            title=f"{record.programme}公示异议处理记录",
            subject=record.applicant_name,
            author=record.issuer,
            header=record.case_number,
        ),
    )
