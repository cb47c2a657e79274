"""The 审核意见表: what was checked and calculated, for the clerk and supervisor to sign.

It prints from the case's result snapshot, so after approval it shows what was decided even
if the engine or the policy file has changed since. Each claim carries the engine's own
explanation lines (clause, rate, cap, no-stacking); the total is in figures and capitals;
the materials check is the counter's checklist (or the required list, to tick by hand).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm

from core.documents.gridform import (
    Block,
    Cell,
    Row,
    Sheet,
    TextStyle,
    VAlign,
    render_sheets,
    text_style,
)
from core.documents.model import FormCase, ObjectionChange, Opinion, claim_subject
from core.documents.pdf import (
    FRAME_WIDTH,
    DocumentInfo,
    amount_with_capitals,
    box,
    date_text,
    signature_line,
    styles,
    write_pdf,
)
from core.money import format_yuan
from core.policy.model import Policy

__all__ = [
    "render_review_opinion",
    "render_review_opinions",
    "review_opinion_rows",
    "review_opinion_sheet",
    "review_opinion_title",
    "write_review_opinion",
]

_CLAIM_WIDTHS = (12.0, 42.0, 76.0, 18.0, 22.0)
# A section heading starts a new page when less than this is left below it.
_HEADING_ROOM = 40 * mm
_CHECK_WIDTHS = (12.0, 70.0, 14.0, 24.0, 18.0, 32.0)
_INFO_WIDTHS = (30.0, 55.0, 30.0, 55.0)


def _basis(policy: Policy, version: str | None) -> str:
    # The policy's title and 文号 for the reader, never the program's internal id (issue 20
    # §17); the version the case was decided under, when it differs from the file's.
    text = policy.basis_text
    if version and version != policy.version:
        text = text.replace(f"（{policy.version}版）", f"（{version}版）")
    return text


def review_opinion_title(case: FormCase) -> str:
    return f"{case.policy.title}审核意见表"


@dataclass(frozen=True)
class _Styles:
    title: TextStyle
    heading: TextStyle
    body: TextStyle
    cell: TextStyle
    center: TextStyle
    right: TextStyle
    label: TextStyle
    small: TextStyle
    hanging: TextStyle
    head: TextStyle
    note: TextStyle
    small_text: TextStyle
    small_hanging: TextStyle
    seal: TextStyle
    # platypus's spacing around the paragraphs that have it
    title_after: float
    heading_before: float
    heading_after: float
    note_before: float
    hanging_after: float


@cache
def _styles() -> _Styles:
    s = styles()
    return _Styles(
        title=text_style(s.title),
        heading=text_style(s.heading),
        body=text_style(s.body),
        cell=text_style(s.cell),
        center=text_style(s.cell_center),
        right=text_style(s.cell_right),
        label=text_style(s.cell_label),
        small=text_style(s.cell_small),
        hanging=text_style(s.cell_hanging),
        head=text_style(s.cell_head),
        note=text_style(s.note),
        small_text=text_style(s.small),
        small_hanging=text_style(s.small_hanging),
        seal=text_style(s.right),
        title_after=float(s.title.spaceAfter),
        heading_before=float(s.heading.spaceBefore),
        heading_after=float(s.heading.spaceAfter),
        note_before=float(s.note.spaceBefore),
        hanging_after=float(s.cell_hanging.spaceAfter),
    )


def _mm(*widths: float) -> tuple[float, ...]:
    return tuple(w * mm for w in widths)


# Paragraphs between the tables run over the frame less platypus's 6 pt on each side, as
# they did when platypus laid this form out; the tables are the full 170 mm.
_TEXT_WIDTH = (FRAME_WIDTH - 12,)
_FULL = _mm(170.0)


def _text(text: str, style: TextStyle) -> Cell:
    return Cell((Block(text, style),))


def _paragraph(
    text: str,
    style: TextStyle,
    *,
    before: float = 0.0,
    after: float = 0.0,
    keep_with_next: bool = False,
    room_before: float = 0.0,
) -> Row:
    return Row(
        (_text(text, style),),
        _TEXT_WIDTH,
        ruled=False,
        pad_x=0,
        pad_top=0,
        pad_bottom=after,
        space_before=before,
        keep_with_next=keep_with_next,
        room_before=room_before,
    )


def _heading(text: str, *, room_before: float = 0.0) -> Row:
    s = _styles()
    return _paragraph(
        text,
        s.heading,
        before=s.heading_before,
        after=s.heading_after,
        keep_with_next=True,
        room_before=room_before,
    )


def _grid(cells: tuple[Cell, ...], widths: tuple[float, ...], **kwargs: Any) -> Row:
    # The paddings of core.documents.pdf's ruled tables.
    return Row(cells, widths, pad_top=3, pad_bottom=4, **kwargs)


def _info_rows(case: FormCase) -> list[Row]:
    s = _styles()
    a = case.applicant
    widths = _mm(*_INFO_WIDTHS)

    def lab(text: str) -> Cell:
        return Cell((Block(text, s.label, balanced=True),))

    return [
        _grid(
            (
                lab("受理编号"),
                _text(case.case_number, s.cell),
                lab("受理日期"),
                _text(date_text(case.received_on), s.cell),
            ),
            widths,
        ),
        _grid((lab("申请人"), Cell((Block(a.name, s.cell),), span=3)), widths),
        _grid(
            (
                lab("统一社会信用代码"),
                _text(a.credit_code, s.cell),
                lab("申请人类型"),
                _text(a.kind_text, s.cell),
            ),
            widths,
        ),
        _grid(
            (
                lab("政策依据"),
                Cell((Block(_basis(case.policy, case.result.policy_version), s.cell),), span=3),
            ),
            widths,
        ),
    ]


def _claim_rows(case: FormCase) -> list[Row]:
    s = _styles()
    policy = case.policy
    widths = _mm(*_CLAIM_WIDTHS)
    rows = [
        _grid(
            tuple(_text(t, s.head) for t in ("序号", "资助事项", "测算说明", "结论", "金额（元）")),
            widths,
            shade=True,
            table="claims",
            head=True,
        )
    ]
    for i, claim in enumerate(case.claims):
        item = policy.items.get(claim.item)
        snap = case.result.claim(i)
        name = item.name if item else claim.item
        details = [name]
        if item is not None:
            subject = claim_subject(item, claim.facts)
            if subject:
                details.append(subject)
            details.append(f"{item.date_label}：{date_text(claim.date)}")
        lines = snap.explanation if snap else ("（测算结果中没有此项）",)
        top = VAlign.TOP
        rows.append(
            _grid(
                (
                    Cell((Block(str(i + 1), s.center),), valign=top),
                    Cell((Block("\n".join(details), s.small),), valign=top),
                    Cell(
                        tuple(
                            Block(f"{n}. {line}", s.hanging, space_after=s.hanging_after)
                            for n, line in enumerate(lines, start=1)
                        ),
                        valign=top,
                    ),
                    Cell((Block(snap.status.label if snap else "", s.center),), valign=top),
                    Cell((Block(format_yuan(snap.amount) if snap else "", s.right),), valign=top),
                ),
                widths,
                table="claims",
                splittable=True,
            )
        )

    def summary(label: str, *blocks: Block) -> None:
        rows.append(
            _grid(
                (Cell((Block(label, s.head),), span=2), Cell(blocks, span=3)),
                widths,
                table="claims",
            )
        )

    summary("资助合计", Block(amount_with_capitals(case.result.total), s.cell))
    if case.duplicates:
        summary("重复申报提示", *(Block(line, s.small) for line in case.duplicates))
    change = case.objection_change
    if change is not None:
        summary(
            "异议复核后",
            Block(amount_with_capitals(change.amount), s.cell),
            Block(_objection_note(change), s.small),
        )
    if case.prorated_amount is not None:
        summary("按比例资助后", Block(amount_with_capitals(case.prorated_amount), s.cell))
    return rows


def _objection_note(change: ObjectionChange) -> str:
    outcome = (
        "异议成立，不予资助"
        if change.upheld
        else f"审核金额由{format_yuan(change.before)}元调整为{format_yuan(change.amount)}元"
    )
    return (
        f"经公示异议复核（{date_text(change.decided_on)}，{change.decided_by}），{outcome}，"
        "详见公示异议处理记录"
    )


def _checklist_rows(case: FormCase) -> list[Row]:
    s = _styles()
    widths = _mm(*_CHECK_WIDTHS)
    head = (
        "序号",
        "材料名称",
        "收到",
        f"鲜章复印件（应{case.policy.copies_required}份）",
        "原件核验",
        "备注",
    )
    rows = [
        _grid(
            tuple(_text(t, s.head) for t in head),
            widths,
            shade=True,
            table="checklist",
            head=True,
        )
    ]
    for n, entry in enumerate(case.materials_checklist, start=1):
        copies = "" if entry.stamped_copies is None else str(entry.stamped_copies)
        rows.append(
            _grid(
                (
                    _text(str(n), s.center),
                    _text(entry.name, s.cell),
                    _text(box(entry.received), s.center),
                    _text(copies, s.center),
                    _text(box(entry.originals_verified), s.center),
                    _text(entry.note, s.small),
                ),
                widths,
                table="checklist",
            )
        )
    return rows


def _opinion_rows(title: str, role: str, opinion: Opinion | None) -> list[Row]:
    s = _styles()
    opinion = opinion or Opinion()
    if opinion.text:
        body = [Block(opinion.text, s.cell, space_after=8 * mm)]
    else:
        body = [Block("", s.cell, space_before=22 * mm)]  # room to write by hand
    body.append(Block(signature_line(role, opinion.name, opinion.date), s.right))
    return [
        # The title stays with its box, the box with its heading (platypus's KeepTogether).
        _grid((_text(title, s.head),), _FULL, keep_with_next=True),
        _grid((Cell(tuple(body), valign=VAlign.TOP),), _FULL),
    ]


def review_opinion_rows(case: FormCase) -> list[Row]:
    s = _styles()
    result = case.result
    rows: list[Row] = [
        Row((Cell(),), _TEXT_WIDTH, ruled=False, min_height=4 * mm, pad_top=0, pad_bottom=0),
        _paragraph(review_opinion_title(case), s.title, after=s.title_after),
        *_info_rows(case),
        _heading("一、资助测算", room_before=_HEADING_ROOM),
    ]
    if not result.accepted:
        names = "、".join(
            f"「{case.policy.ground(g).text}」（{case.policy.ground(g).clause}）"
            for g in result.rejection_grounds
            if any(x.code == g for x in case.policy.rejection_grounds)
        )
        rows.append(
            _paragraph(f"申请属{names or '不予受理情形'}，不予受理，各项不予资助。", s.body)
        )
    rows.extend(_claim_rows(case))
    if result.explanation:
        rows.append(_paragraph("说明：", s.small_text, before=2 * mm))
        rows.extend(
            _paragraph(f"{n}. {line}", s.small_hanging)
            for n, line in enumerate(result.explanation, 1)
        )
    rows.append(_heading("二、材料审查", room_before=_HEADING_ROOM))
    rows.extend(_checklist_rows(case))
    rows.append(_paragraph(f"注：{case.policy.copies_clause}", s.note, before=s.note_before))
    rows.append(_heading("三、窗口经办意见"))
    rows.extend(_opinion_rows("受理人员审核意见", "经办人", case.clerk_opinion))
    rows.append(_heading("四、审核人意见"))
    rows.extend(_opinion_rows("科室负责人审核意见", "审核人", case.supervisor_opinion))
    rows.append(_heading("五、单位意见"))
    rows.append(
        _grid(
            (
                Cell(
                    (
                        Block(f"{case.policy.issuer}（盖章）", s.seal, space_before=18 * mm),
                        Block(date_text(None), s.seal),
                    )
                ),
            ),
            _FULL,
        )
    )
    return rows


def review_opinion_sheet(case: FormCase) -> Sheet:
    """The 审核意见表 of one case, ready to lay out alone or in a batch."""
    return Sheet(
        tuple(review_opinion_rows(case)),
        DocumentInfo(
            title=review_opinion_title(case),
            subject=case.applicant.name,
            author=case.policy.issuer,
            header=case.case_number,
            verification=case.verification,
        ),
    )


def render_review_opinions(
    cases: Sequence[FormCase],
    info: DocumentInfo,
    started: Callable[[int], None] | None = None,
) -> bytes:
    """The 审核意见表 of each case in one PDF (``info`` its own title), each from a new page
    and numbered on its own; ``started(i)`` as form ``i`` is laid out (it may raise)."""
    return render_sheets([review_opinion_sheet(c) for c in cases], info, started)


def render_review_opinion(case: FormCase) -> bytes:
    """The 审核意见表 of one case as A4 PDF bytes."""
    sheet = review_opinion_sheet(case)
    return render_sheets([sheet], sheet.info)


def write_review_opinion(case: FormCase, path: str | Path) -> Path:
    return write_pdf(render_review_opinion(case), path)
