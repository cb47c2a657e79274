"""Counter notices handed to the applicant: 受理回执, 补正通知书, 不予受理通知书.

Each names the case number, the date and the bureau (``policy.issuer``) and leaves room for
its seal. The wording cites the notice's own clauses — 五(三) for what happens next, 五(一)2(2)
for what an uncompleted correction leads to, and the ground's clause from
``policy.rejection_grounds`` — so that the applicant can look each one up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from core.documents.model import FormCase
from core.documents.pdf import (
    DocumentInfo,
    box,
    build_pdf,
    corner_line,
    date_text,
    p,
    seal_block,
    styles,
    table,
    write_pdf,
)
from core.policy.model import RejectionGround

__all__ = [
    "NOTICE_TITLES",
    "next_steps",
    "render_correction_notice",
    "render_receipt",
    "render_rejection_notice",
    "write_correction_notice",
    "write_receipt",
    "write_rejection_notice",
]

NOTICE_TITLES = {
    "receipt": "受理回执",
    "correction": "补正通知书",
    "rejection": "不予受理通知书",
}

_INCOMPLETE = "incomplete_materials"


def _application_name(case: FormCase) -> str:
    return f"{case.policy.title}申请"


def _reference(case: FormCase) -> str:
    return f"（受理编号：{case.case_number}）" if case.case_number else ""


def _head(case: FormCase, kind: str) -> list[Flowable]:
    s = styles()
    number = f"受理编号：{case.case_number}" if case.case_number else ""
    return [
        corner_line("", number),
        Spacer(1, 4 * mm),
        p(case.policy.issuer, s.subtitle),
        p(f"{case.policy.title}{NOTICE_TITLES[kind]}", s.title),
        Spacer(1, 2 * mm),
        p(f"{case.applicant.name}：", s.body_flush),
    ]


def _acknowledgement(case: FormCase) -> Flowable:
    """The applicant's signature for having received the notice (kept in the case file)."""
    s = styles()
    return KeepTogether(
        [
            Spacer(1, 6 * mm),
            p(
                "申请人（经办人）签收：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000"
                f"\u3000\u3000签收日期：{date_text(None)}",
                s.small,
            ),
        ]
    )


def next_steps(case: FormCase) -> list[str]:
    """What happens after intake, in the order of 五(三) of the notice."""
    policy = case.policy
    return [
        "审核：本局受理申报后，按程序对申请进行审核（五(三)1）；",
        "办公会研究：审核结果经区市场监管局办公会研究（五(三)1）；",
        # 五(三)1 says to publish the result, not for how long: the period is the bureau's
        # reading, kept in the policy file, and cited as such (issue 20 §16).
        "公示：研究结果进行公示，接受社会监督（五(三)1）；公示期"
        f"{policy.notice_working_days}个工作日（由本局确定，五(三)1未规定公示期限）；",
        "兑现：公示完毕后，由区财政局拨付专利转化专项资金至区市场监管局，"
        "由区市场监管局向资助奖励对象兑现（五(三)2）。",
    ]


def receipt_story(case: FormCase) -> list[Flowable]:
    s = styles()
    story = _head(case, "receipt")
    story.append(
        p(
            f"你单位于{date_text(case.received_on)}提交的{_application_name(case)}"
            f"{_reference(case)}及相关材料已收到，现予受理。收到的材料如下：",
            s.body,
        )
    )
    rows: list[list[Any]] = [
        [p(t, s.cell_head) for t in ("序号", "材料名称", "收到", "鲜章复印件（份）", "原件核验")]
    ]
    checklist = case.materials_checklist
    recorded = bool(case.checklist)
    n = 0
    for entry in checklist:
        if recorded and entry.received is False:
            continue  # only what came in; missing items go on a 补正通知书
        n += 1
        rows.append(
            [
                p(str(n), s.cell_center),
                p(entry.name, s.cell),
                p(box(entry.received), s.cell_center),
                p("" if entry.stamped_copies is None else str(entry.stamped_copies), s.cell_center),
                p(box(entry.originals_verified), s.cell_center),
            ]
        )
    story.append(Spacer(1, 2 * mm))
    story.append(table(rows, (12.0, 94.0, 16.0, 28.0, 20.0), head_rows=1))
    story.append(Spacer(1, 3 * mm))
    story.append(p("后续程序：", s.body))
    story.extend(
        p(f"{n}. {line}", s.body_hanging) for n, line in enumerate(next_steps(case), start=1)
    )
    story.append(
        p(
            "本回执仅证明申请材料已收到，不作为资助决定；如材料需要补正，本局将另行书面通知。",
            s.body,
        )
    )
    story.append(seal_block(case.policy.issuer, case.notice_date))
    story.append(_acknowledgement(case))
    return story


def correction_story(case: FormCase) -> list[Flowable]:
    s = styles()
    policy = case.policy
    story = _head(case, "correction")
    due = date_text(case.correction_due)
    story.append(
        p(
            f"你单位于{date_text(case.received_on)}提交的{_application_name(case)}"
            f"{_reference(case)}，经审查，申请材料不齐全或不符合要求。"
            f"请于{due}前补正下列材料：",
            s.body,
        )
    )
    rows: list[list[Any]] = [[p(t, s.cell_head) for t in ("序号", "材料名称", "需补正的内容")]]
    for n, missing in enumerate(case.missing, start=1):
        rows.append(
            [
                p(str(n), s.cell_center),
                p(missing.name, s.cell),
                p(missing.problem or "未提供", s.cell),
            ]
        )
    if not case.missing:
        rows.append([p("1", s.cell_center), p("", s.cell), p("", s.cell)])
    story.append(Spacer(1, 2 * mm))
    story.append(table(rows, (12.0, 86.0, 72.0), head_rows=1))
    story.append(Spacer(1, 3 * mm))
    story.append(p(f"补正材料须按{policy.copies_clause}的要求提供。", s.body))
    ground = _ground(case, _INCOMPLETE)
    if ground is not None:
        story.append(
            p(
                f"根据{policy.source}{ground.clause}「{ground.text}」不予受理的规定，"
                f"逾期未补正或补正后仍不齐全的，本局将不予受理。",
                s.body,
            )
        )
    story.append(seal_block(policy.issuer, case.notice_date))
    story.append(_acknowledgement(case))
    return story


def _ground(case: FormCase, code: str) -> RejectionGround | None:
    for g in case.policy.rejection_grounds:
        if g.code == code:
            return g
    return None


def rejection_story(case: FormCase) -> list[Flowable]:
    s = styles()
    policy = case.policy
    story = _head(case, "rejection")
    grounds = [g for g in (_ground(case, code) for code in case.grounds) if g is not None]
    story.append(
        p(
            f"你单位于{date_text(case.received_on)}提交的{_application_name(case)}"
            f"{_reference(case)}，经审查，属于下列情形：",
            s.body,
        )
    )
    numerals = "一二三四五六七八九十"
    for n, ground in enumerate(grounds):
        story.append(p(f"（{numerals[n % 10]}）{ground.text}（{ground.clause}）。", s.body))
        if ground.decided_by == "system":
            # A ground decided from dates: show the dates, as the engine explained them.
            story.extend(
                p(line + "。", s.body_indent)
                for line in case.result.explanation
                if ground.text in line
            )
    if not grounds:
        story.append(p("（未记录不予受理的情形）", s.body))
    clauses = "、".join(g.clause for g in grounds)
    story.append(p(f"根据{policy.source}{clauses}的规定，决定对你单位的申请不予受理。", s.body))
    # An administrative decision tells its addressee how to challenge it (issue 20 §15).
    story.append(
        p(
            "如不服本决定，可以自收到本通知书之日起六十日内依照《中华人民共和国行政复议法》"
            f"向{case.review_body}申请行政复议，或者在六个月内依照《中华人民共和国行政诉讼法》"
            f"向{case.court}提起行政诉讼。",
            s.body,
        )
    )
    story.append(p("特此通知。", s.body))
    story.append(seal_block(policy.issuer, case.notice_date))
    story.append(_acknowledgement(case))
    return story


def _render(case: FormCase, kind: str, story: list[Flowable]) -> bytes:
    return build_pdf(
        story,
        DocumentInfo(
            title=f"{case.policy.title}{NOTICE_TITLES[kind]}",
            subject=case.applicant.name,
            author=case.policy.issuer,
            header=case.case_number,
        ),
    )


def render_receipt(case: FormCase) -> bytes:
    """受理回执: the materials received and the next steps (五(三))."""
    return _render(case, "receipt", receipt_story(case))


def render_correction_notice(case: FormCase) -> bytes:
    """补正通知书: each missing or defective material and the due date (五(一)2(2))."""
    return _render(case, "correction", correction_story(case))


def render_rejection_notice(case: FormCase) -> bytes:
    """不予受理通知书: the ground(s) and their clauses (五(一)2)."""
    return _render(case, "rejection", rejection_story(case))


def write_receipt(case: FormCase, path: str | Path) -> Path:
    return write_pdf(render_receipt(case), path)


def write_correction_notice(case: FormCase, path: str | Path) -> Path:
    return write_pdf(render_correction_notice(case), path)


def write_rejection_notice(case: FormCase, path: str | Path) -> Path:
    return write_pdf(render_rejection_notice(case), path)
