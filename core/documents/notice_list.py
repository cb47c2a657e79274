"""公示名单: the public notice of the proposed awards (五(三)1「将结果进行公示，接受社会监督」).

The list is published, so credit codes and bank accounts are masked
(:mod:`core.documents.masking`); amounts are after proration. The same
:class:`NoticeList` feeds the PDF here and the workbook in :mod:`core.documents.workbooks`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from core.documents.masking import mask_account, mask_credit_code
from core.documents.pdf import (
    DocumentInfo,
    build_pdf,
    date_text,
    p,
    seal_lines,
    styles,
    table,
    write_pdf,
)
from core.money import format_yuan, rmb_capitals
from core.policy.model import Policy

__all__ = [
    "NoticeEntry",
    "NoticeList",
    "notice_list_title",
    "render_notice_list",
    "write_notice_list",
]


@dataclass(frozen=True)
class NoticeEntry:
    """One applicant's line on the notice, unmasked (masking happens when it is printed)."""

    case_number: str
    applicant_name: str
    credit_code: str
    items: tuple[str, ...]  # the Chinese names of the awarded items
    amount: Decimal  # after proration
    account_number: str = ""
    approved: Decimal | None = None  # before proration (None: not known, shown blank)
    ratio: str = ""  # the year's ratio as shown, e.g. "0.833333"


@dataclass(frozen=True)
class NoticeList:
    policy: Policy
    entries: tuple[NoticeEntry, ...]
    period_start: dt.date
    period_end: dt.date  # the records layer's notice_end_date() knows holidays and 调休
    objection_contact: str  # who takes objections, e.g. 区市场监管局知识产权科，电话023-…
    issued_on: dt.date
    batch_name: str = ""  # e.g. 2024年第一批
    # How the amounts relate to the budget (四): the year's ratio, or that it is still to come.
    ratio_note: str = ""
    verification: str = ""  # 核验码 of the audit trail when printed (issue 14 §1)

    @property
    def total(self) -> Decimal:
        return sum((e.amount for e in self.entries), Decimal(0))


def notice_list_title(notice: NoticeList) -> str:
    batch = f"（{notice.batch_name}）" if notice.batch_name else ""
    return f"{notice.policy.title}拟资助名单公示{batch}"


def notice_intro(notice: NoticeList) -> list[str]:
    policy = notice.policy
    return [
        f"根据{policy.source}五(三)1「区市场监管局受理申报后，按程序进行审核，区市场监管局办公会"
        "研究，并将结果进行公示，接受社会监督」的规定，现将拟资助名单予以公示。",
        *([notice.ratio_note] if notice.ratio_note else []),
        f"公示期：{date_text(notice.period_start)}至{date_text(notice.period_end)}。",
        "公示期间，对公示对象有异议的，请以书面形式实名提出，并提供必要的证明材料。"
        f"受理异议：{notice.objection_contact}",
    ]


# Landscape A4: 257 mm between the margins.
_WIDTHS = (10.0, 40.0, 52.0, 36.0, 39.0, 18.0, 24.0, 14.0, 24.0)


def notice_list_story(notice: NoticeList) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [
        Spacer(1, 4 * mm),
        p(notice_list_title(notice), s.title),
    ]
    story.extend(p(line, s.body) for line in notice_intro(notice))
    story.append(Spacer(1, 3 * mm))
    head = [
        p(t, s.cell_head)
        for t in (
            "序号",
            "受理编号",
            "申请人",
            "统一社会信用代码",
            "资助事项",
            "银行账号",
            "审核金额（元）",
            "比例",
            "资助金额（元）",
        )
    ]
    rows: list[list[Any]] = [head]
    for n, entry in enumerate(notice.entries, start=1):
        rows.append(
            [
                p(str(n), s.cell_center),
                p(entry.case_number, s.cell_small),
                p(entry.applicant_name, s.cell),
                p(mask_credit_code(entry.credit_code), s.cell_small),
                p("、".join(entry.items), s.cell_small),
                p(mask_account(entry.account_number), s.cell_small),
                p(format_yuan(entry.approved) if entry.approved is not None else "", s.cell_right),
                p(entry.ratio, s.cell_center),
                p(format_yuan(entry.amount), s.cell_right),
            ]
        )
    total = notice.total
    r = len(rows)
    rows.append(
        [
            p("合计", s.cell_head),
            "",
            p(f"共{len(notice.entries)}项，大写：{rmb_capitals(total)}", s.cell),
            "",
            "",
            "",
            "",
            "",
            p(format_yuan(total), s.cell_right),
        ]
    )
    # The seal rides in the table's last (unruled) row, kept on one page with the total and
    # the last two entries: the bureau's name and date never stand alone on a page.
    seal = len(rows)
    rows.append([seal_lines(notice.policy.issuer, notice.issued_on, label=""), *[""] * 8])
    story.append(
        table(
            rows,
            _WIDTHS,
            ("SPAN", (0, r), (1, r)),
            ("SPAN", (2, r), (7, r)),
            ("SPAN", (0, seal), (-1, seal)),
            ("NOSPLIT", (0, max(1, r - 2)), (-1, seal)),
            head_rows=1,
            ruled_rows=seal,
        )
    )
    return story


def render_notice_list(notice: NoticeList) -> bytes:
    """The 公示名单 as A4 PDF bytes (header row repeated on every page, pages numbered)."""
    return build_pdf(
        notice_list_story(notice),
        DocumentInfo(
            title=notice_list_title(notice),
            author=notice.policy.issuer,
            header=notice_list_title(notice),
            landscape=True,
            verification=notice.verification,
        ),
    )


def write_notice_list(notice: NoticeList, path: str | Path) -> Path:
    return write_pdf(render_notice_list(notice), path)
