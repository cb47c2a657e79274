"""The 申请表 in the layout of 附件2 of the programme notice (seed 002).

The grid has six columns so that every row of the original lines up: the items table uses
资助事项 | 资助标准 (2) | 资助数量 | 资助合计 (2), the 经办人 and bank rows split 1 | 2 | 1 | 2, and
the 专利代理机构 row has six cells. Each claim is totalled in its item's ``form_row``; the
amounts are the engine's (its snapshot), so the figures match the 审核意见.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from reportlab.lib.units import mm

from core.documents.fonts import FontNames, register_pdf_fonts
from core.documents.gridform import (
    Align,
    Block,
    Cell,
    Row,
    Sheet,
    TextStyle,
    VAlign,
    render_sheets,
)
from core.documents.model import FormCase
from core.documents.pdf import FRAME_WIDTH, DocumentInfo, write_pdf
from core.engine.results import ClaimStatus
from core.money import format_yuan, rmb_capitals
from core.policy.model import Item

__all__ = [
    "DECLARATION",
    "FIXED_LABELS",
    "application_form_sheet",
    "render_application_form",
    "render_application_forms",
    "short_standard",
    "write_application_form",
]

# 附件2's own words. The form is the programme's; should a later notice change the wording,
# this is the one place to follow it.
DECLARATION = (
    "本申请人承诺上述信息真实、准确、有效，所申请的专利转化项目来源合理合法，"
    "不属于通过抄袭、重复提交、拼凑和编造等非正常手段获得，且不以套取专利转化资助为目的，"
    "否则愿意承担相应法律责任。"
)
SIGNATURE = "盖章（签名）:"
PHONE_LABEL = "电\u3000话"

#: Every fixed label of 附件2 except the title and the eight item rows (those come from the
#: policy), in the order printed.
FIXED_LABELS: tuple[str, ...] = (
    "申请人名称（姓名）",
    "资助事项",
    "资助标准",
    "资助数量",
    "资助合计（元）",
    "总计（元）",
    "（单位）统一社会信用代码",
    "申请人所在地址",
    "经办人",
    "经办人电话",
    "专利代理机构",
    "代理人",
    PHONE_LABEL,
    "申请人户名",
    "开户银行",
    "银行账号",
    "金额（总计）",
    "申请人签章",
    SIGNATURE,
    "区市场监管局审核意见",
    "区财政局审核意见",
)

# Column widths in mm (sum 170 = A4 width less 2 × 20 mm margins).
# 资助标准 = cols 1-2 (59), 资助数量 = col 3 (25), 资助合计 = cols 4-5 (48); the 代理 row uses
# cols 2 and 4 for its short labels.
_WIDTHS = (38.0, 44.0, 15.0, 26.0, 15.0, 32.0)
# Points above and below the text of each row: 1.5 pt, so that a six-claim form keeps its two
# 45 mm opinion boxes on one page.
_ROW_PADDING = 1.5
# Room for a 42 mm round seal and a signature under it (issue 20 §18: 23 mm was too small).
_OPINION_HEIGHT_MM = 45.0
_NOT_COUNTED = (ClaimStatus.NOT_STACKED, ClaimStatus.INELIGIBLE)


def _wan(amount: Decimal) -> str:
    """10000 → 1万元, 5000 → 5000元, 100000 → 10万元: how 附件1 writes its standards."""
    if amount >= 10000 and (amount / 10000) == (amount / 10000).quantize(Decimal("0.1")):
        return f"{(amount / 10000).normalize():f}万元"
    return f"{amount.normalize():f}元"


def short_standard(item: Item) -> str:
    """The item's standard in a few words for the narrow 资助标准 cell.

    附件1's full wording is on the 审核意见 (each claim's explanation quotes it); here only
    what a reader needs to recognise the rate.
    """
    params = item.params
    if item.rule == "per_unit" and params.rate is not None:
        return f"{_wan(params.rate)}/{item.unit}"
    if item.rule == "per_unit_with_bonus" and params.rate is not None:
        extra = ""
        if params.bonus_threshold is not None and params.bonus_rate is not None:
            extra = (
                f"；备案金额{_wan(params.bonus_threshold)}及以上另按"
                f"{(params.bonus_rate * 100).normalize():f}%资助"
            )
            if params.bonus_cap is not None:
                extra += f"（最高{_wan(params.bonus_cap)}）"
        return f"{_wan(params.rate)}/{item.unit}{extra}"
    if item.rule == "interest_subsidy":
        return "按LPR贴息"
    if item.rule == "fee_share" and params.share is not None:
        return f"费用的{(params.share * 100).normalize():f}%"
    if item.rule == "approved_amount":
        return "据实核定"
    if item.rule == "ranking" and params.rank_awards:
        return "前三名分别" + "、".join(_wan(a) for a in params.rank_awards)
    if item.rule == "tiers" and params.tiers:
        return "、".join(_wan(t.amount) for t in params.tiers) + "（按档）"
    if item.rule == "actual_cost" and params.per_event_cap is not None:
        return f"据实，单次最高{_wan(params.per_event_cap)}"
    return item.standard


def _row_cells(case: FormCase, row: str) -> tuple[str, str, str]:
    """资助标准, 资助数量 and 资助合计 for one 附件2 row (blank when nothing is claimed)."""
    policy = case.policy
    indexes = [i for i, c in enumerate(case.claims) if policy.items[c.item].form_row == row]
    if not indexes:
        return "", "", ""
    items: list[Item] = []
    for i in indexes:
        item = policy.items[case.claims[i].item]
        if item not in items:
            items.append(item)
    # A row that 附件2 shares among several 附件1 items (转化实施 is totalled in 接受发明专利
    # 转让) names any item but its first, so a standard is never read as the row's own.
    first = next(it for it in policy.items.values() if it.form_row == row)
    if items == [first]:
        standard = short_standard(items[0])
    else:
        standard = "\n".join(f"{it.name}：{short_standard(it)}" for it in items)
    total = Decimal(0)
    pending = 0
    counted: list[int] = []
    left_out = 0
    for i in indexes:
        snap = case.result.claim(i)
        if snap is not None and snap.status in _NOT_COUNTED:
            # 资助数量 counts what is funded: a claim not stacked with another (or not
            # eligible) is not a funded unit (issue 20 §18).
            left_out += 1
            continue
        counted.append(i)
        if snap is not None:
            total += snap.amount
            pending += snap.status == ClaimStatus.PENDING
    units = Counter(policy.items[case.claims[i].item].unit for i in counted)
    quantity = "、".join(f"{n}{unit}" for unit, n in units.items())
    amount = format_yuan(total)
    if pending:
        amount += f"\n（含待认定{pending}项）"
    if left_out:
        amount += f"\n（另{left_out}项不予资助或不叠加，未计入）"
    return standard, quantity, amount


def _text_styles() -> _FormStyles:
    return _form_styles(register_pdf_fonts())


@dataclass(frozen=True)
class _FormStyles:
    value: TextStyle
    label: TextStyle
    small: TextStyle
    center: TextStyle
    right: TextStyle
    head: TextStyle
    declaration: TextStyle
    signature: TextStyle
    title: TextStyle
    corner: TextStyle
    corner_right: TextStyle


@cache
def _form_styles(fonts: FontNames) -> _FormStyles:
    # 10.5 pt text on 13.5 pt lines in the cells (14.5 on the other forms): what lets a
    # six-claim 申请表 keep both 45 mm opinion boxes on its one page.
    serif, sans = fonts.serif, fonts.sans
    return _FormStyles(
        value=TextStyle(serif, 10.5, 13.5),
        label=TextStyle(serif, 10.5, 13.5, Align.CENTER),
        small=TextStyle(serif, 9, 12),
        center=TextStyle(serif, 10.5, 13.5, Align.CENTER),
        right=TextStyle(serif, 10.5, 13.5, Align.RIGHT),
        head=TextStyle(sans, 10.5, 13.5, Align.CENTER),
        declaration=TextStyle(serif, 10.5, 13.5, first_line_indent=21),
        signature=TextStyle(serif, 10.5, 13.5, left_indent=50 * mm),
        title=TextStyle(sans, 18, 26, Align.CENTER),
        corner=TextStyle(sans, 12, 16),
        corner_right=TextStyle(serif, 9, 12, Align.RIGHT),
    )


def application_form_sheet(case: FormCase) -> Sheet:
    """The 申请表 of one case as rows of 附件2, ready to lay out alone or in a batch."""
    s = _text_styles()
    policy = case.policy
    a = case.applicant
    total = case.result.total
    widths = tuple(w * mm for w in _WIDTHS)
    rows: list[Row] = []

    def one(text: str, style: TextStyle, *, balanced: bool = False, span: int = 1) -> Cell:
        return Cell((Block(text, style, balanced=balanced),), span=span)

    def lab(text: str) -> Cell:
        return one(text, s.label, balanced=True)

    def add(*cells: Cell, min_height: float = 0.0) -> None:
        rows.append(
            Row(
                cells,
                widths,
                min_height=min_height,
                pad_top=_ROW_PADDING,
                pad_bottom=_ROW_PADDING,
            )
        )

    def full(label: str, value: str) -> None:
        add(lab(label), one(value, s.value, span=5))

    def split(label1: str, value1: str, label2: str, value2: str) -> None:
        # Balanced: a bank name a little too long breaks in the middle, never leaving its
        # last character alone on a second line.
        add(
            lab(label1),
            one(value1, s.value, balanced=True, span=2),
            lab(label2),
            one(value2, s.value, balanced=True, span=2),
        )

    corner = (FRAME_WIDTH * 0.4, FRAME_WIDTH * 0.6)
    number = f"受理编号：{case.case_number}" if case.case_number else ""
    rows.append(
        Row(
            (
                Cell((Block(policy.form_clause, s.corner),), valign=VAlign.BOTTOM),
                Cell((Block(number, s.corner_right),), valign=VAlign.BOTTOM),
            ),
            corner,
            ruled=False,
            pad_x=0,
        )
    )
    rows.append(
        Row(
            (one(policy.form_title, s.title),),
            (FRAME_WIDTH,),
            ruled=False,
            pad_x=0,
            pad_top=0,
            pad_bottom=1 * mm,
        )
    )
    full("申请人名称（姓名）", a.name)
    add(
        one("资助事项", s.head),
        one("资助标准", s.head, span=2),
        one("资助数量", s.head),
        one("资助合计（元）", s.head, span=2),
    )
    for form_row in policy.form_rows:
        standard, quantity, amount = _row_cells(case, form_row)
        add(
            lab(form_row),
            one(standard, s.small, span=2),
            one(quantity, s.center),
            one(amount, s.right, span=2),
        )
    full("总计（元）", f"{format_yuan(total)}\u3000（大写：{rmb_capitals(total)}）")
    full("（单位）统一社会信用代码", a.credit_code)
    full("申请人所在地址", a.address)
    split("经办人", a.handler, "经办人电话", a.handler_phone)
    add(
        lab("专利代理机构"),
        one(a.patent_agency, s.value),
        lab("代理人"),
        one(a.attorney, s.value),
        lab(PHONE_LABEL),
        one(a.attorney_phone, s.value),
    )
    split("申请人户名", a.account_name, "开户银行", a.bank)
    split("银行账号", a.account_number, "金额（总计）", f"{format_yuan(total)}元")
    # One line for the seal and the date, as 附件2 has them one under the other only for
    # want of width: the room saved goes to the two opinion boxes below.
    signature = Cell(
        (
            Block(DECLARATION, s.declaration, space_after=2 * mm),
            Block(
                f"{SIGNATURE}\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日",
                s.signature,
            ),
            Block("", s.signature, space_before=1 * mm),
        ),
        span=5,
        valign=VAlign.TOP,
    )
    add(lab("申请人签章"), signature)
    add(lab("区市场监管局\n审核意见"), Cell(span=5), min_height=_OPINION_HEIGHT_MM * mm)
    add(lab("区财政局审核意见"), Cell(span=5), min_height=_OPINION_HEIGHT_MM * mm)
    return Sheet(
        tuple(rows),
        DocumentInfo(
            title=policy.form_title,
            subject=a.name,
            author=policy.issuer,
            header=case.case_number,
        ),
    )


def render_application_forms(
    cases: Sequence[FormCase],
    info: DocumentInfo,
    started: Callable[[int], None] | None = None,
) -> bytes:
    """The 申请表 of each case in one PDF (``info`` its own title), each from a new page and
    numbered on its own. ``started(i)`` is called as form ``i`` is laid out; it may raise to
    stop the batch."""
    return render_sheets([application_form_sheet(c) for c in cases], info, started)


def render_application_form(case: FormCase) -> bytes:
    """The 申请表 (附件2) of one case as A4 PDF bytes."""
    sheet = application_form_sheet(case)
    return render_sheets([sheet], sheet.info)


def write_application_form(case: FormCase, path: str | Path) -> Path:
    return write_pdf(render_application_form(case), path)
