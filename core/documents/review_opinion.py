"""The 审核意见表: what was checked and calculated, for the clerk and supervisor to sign.

It prints from the case's result snapshot, so after approval it shows what was decided even
if the engine or the policy file has changed since. Each claim carries the engine's own
explanation lines (clause, rate, cap, no-stacking); the total is in figures and capitals;
the materials check is the counter's checklist (or the required list, to tick by hand).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from core.documents.model import FormCase, Opinion, claim_subject
from core.documents.pdf import (
    DocumentInfo,
    Section,
    amount_with_capitals,
    box,
    build_pdf,
    date_text,
    p,
    seal_lines,
    signature_line,
    styles,
    table,
    write_pdf,
)
from core.money import format_yuan
from core.policy.model import Policy

__all__ = [
    "render_review_opinion",
    "review_opinion_section",
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


def _info_table(case: FormCase) -> Flowable:
    s = styles()
    a = case.applicant
    policy = case.policy

    def lab(text: str) -> Paragraph:
        return p(text, s.cell_label, balanced=True)

    rows: list[list[Any]] = [
        [
            lab("受理编号"),
            p(case.case_number, s.cell),
            lab("受理日期"),
            p(date_text(case.received_on), s.cell),
        ],
        [lab("申请人"), p(a.name, s.cell), "", ""],
        [
            lab("统一社会信用代码"),
            p(a.credit_code, s.cell),
            lab("申请人类型"),
            p(a.kind_text, s.cell),
        ],
        [
            lab("政策依据"),
            p(
                _basis(policy, case.result.policy_version),
                s.cell,
            ),
            "",
            "",
        ],
    ]
    return table(rows, _INFO_WIDTHS, ("SPAN", (1, 1), (3, 1)), ("SPAN", (1, 3), (3, 3)))


def _claims_table(case: FormCase) -> Flowable:
    s = styles()
    policy = case.policy
    head = [p(t, s.cell_head) for t in ("序号", "资助事项", "测算说明", "结论", "金额（元）")]
    rows: list[list[Any]] = [head]
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
        rows.append(
            [
                p(str(i + 1), s.cell_center),
                p("\n".join(details), s.cell_small),
                [p(f"{n}. {line}", s.cell_hanging) for n, line in enumerate(lines, start=1)],
                p(snap.status.label if snap else "", s.cell_center),
                p(format_yuan(snap.amount) if snap else "", s.cell_right),
            ]
        )
    total = case.result.total
    total_row = len(rows)
    rows.append([p("资助合计", s.cell_head), "", p(amount_with_capitals(total), s.cell), "", ""])
    spans: list[tuple[Any, ...]] = [
        ("SPAN", (0, total_row), (1, total_row)),
        ("SPAN", (2, total_row), (4, total_row)),
    ]
    if case.duplicates:
        r = len(rows)
        rows.append(
            [
                p("重复申报提示", s.cell_head),
                "",
                [p(line, s.cell_small) for line in case.duplicates],
                "",
                "",
            ]
        )
        spans.extend([("SPAN", (0, r), (1, r)), ("SPAN", (2, r), (4, r))])
    if case.objection_amount is not None:
        r = len(rows)
        rows.append(
            [
                p("异议复核后", s.cell_head),
                "",
                [
                    p(amount_with_capitals(case.objection_amount), s.cell),
                    p(case.objection_note, s.cell_small),
                ],
                "",
                "",
            ]
        )
        spans.extend([("SPAN", (0, r), (1, r)), ("SPAN", (2, r), (4, r))])
    if case.prorated_amount is not None:
        r = len(rows)
        rows.append(
            [
                p("按比例资助后", s.cell_head),
                "",
                p(amount_with_capitals(case.prorated_amount), s.cell),
                "",
                "",
            ]
        )
        spans.extend([("SPAN", (0, r), (1, r)), ("SPAN", (2, r), (4, r))])
    return table(
        rows,
        _CLAIM_WIDTHS,
        *spans,
        ("VALIGN", (0, 1), (-1, total_row - 1), "TOP"),
        head_rows=1,
        split_rows=True,
    )


def _checklist_table(case: FormCase) -> Flowable:
    s = styles()
    head = [
        p(t, s.cell_head)
        for t in (
            "序号",
            "材料名称",
            "收到",
            f"鲜章复印件（应{case.policy.copies_required}份）",
            "原件核验",
            "备注",
        )
    ]
    rows: list[list[Any]] = [head]
    for n, entry in enumerate(case.materials_checklist, start=1):
        copies = "" if entry.stamped_copies is None else str(entry.stamped_copies)
        rows.append(
            [
                p(str(n), s.cell_center),
                p(entry.name, s.cell),
                p(box(entry.received), s.cell_center),
                p(copies, s.cell_center),
                p(box(entry.originals_verified), s.cell_center),
                p(entry.note, s.cell_small),
            ]
        )
    return table(rows, _CHECK_WIDTHS, head_rows=1)


def _opinion_box(title: str, role: str, opinion: Opinion | None) -> Flowable:
    s = styles()
    opinion = opinion or Opinion()
    body: list[Flowable] = []
    if opinion.text:
        body.append(p(opinion.text, s.cell))
        body.append(Spacer(1, 8 * mm))
    else:
        body.append(Spacer(1, 22 * mm))  # room to write by hand
    body.append(p(signature_line(role, opinion.name, opinion.date), s.cell_right))
    rows = [[p(title, s.cell_head)], [body]]
    return table(rows, (170.0,), ("VALIGN", (0, 1), (0, 1), "TOP"))


def review_opinion_story(case: FormCase) -> list[Flowable]:
    s = styles()
    result = case.result
    story: list[Flowable] = [
        Spacer(1, 4 * mm),
        p(review_opinion_title(case), s.title),
        _info_table(case),
        CondPageBreak(_HEADING_ROOM),
        p("一、资助测算", s.heading),
    ]
    if not result.accepted:
        names = "、".join(
            f"「{case.policy.ground(g).text}」（{case.policy.ground(g).clause}）"
            for g in result.rejection_grounds
            if any(x.code == g for x in case.policy.rejection_grounds)
        )
        story.append(p(f"申请属{names or '不予受理情形'}，不予受理，各项不予资助。", s.body))
    story.append(_claims_table(case))
    if result.explanation:
        story.append(Spacer(1, 2 * mm))
        story.append(p("说明：", s.small))
        story.extend(
            p(f"{n}. {line}", s.small_hanging) for n, line in enumerate(result.explanation, 1)
        )
    story.append(CondPageBreak(_HEADING_ROOM))
    story.append(p("二、材料审查", s.heading))
    story.append(_checklist_table(case))
    story.append(p(f"注：{case.policy.copies_clause}", s.note))
    # A heading never stays alone at the foot of a page: it goes with its box.
    story.append(
        KeepTogether(
            [
                p("三、窗口经办意见", s.heading),
                _opinion_box("受理人员审核意见", "经办人", case.clerk_opinion),
            ]
        )
    )
    story.append(
        KeepTogether(
            [
                p("四、审核人意见", s.heading),
                _opinion_box("科室负责人审核意见", "审核人", case.supervisor_opinion),
            ]
        )
    )
    story.append(
        KeepTogether(
            [
                p("五、单位意见", s.heading),
                table([[seal_lines(case.policy.issuer, None)]], (170.0,)),
            ]
        )
    )
    return story


def render_review_opinion(case: FormCase) -> bytes:
    """The 审核意见表 of one case as A4 PDF bytes."""
    section = review_opinion_section(case)
    return build_pdf(section.story, section.info)


def review_opinion_section(case: FormCase) -> Section:
    """The 审核意见表 of one case, ready to lay out alone or in a batch."""
    return Section(
        review_opinion_story(case),
        DocumentInfo(
            title=review_opinion_title(case),
            subject=case.applicant.name,
            author=case.policy.issuer,
            header=case.case_number,
            verification=case.verification,
        ),
    )


def write_review_opinion(case: FormCase, path: str | Path) -> Path:
    return write_pdf(render_review_opinion(case), path)
