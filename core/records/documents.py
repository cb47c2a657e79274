"""Printing from the case database: the glue between :mod:`core.records` and
:mod:`core.documents`.

The documents layer renders plain frozen data (:class:`~core.documents.model.FormCase`,
:class:`~core.documents.notice_list.NoticeList`, :class:`~core.documents.workbooks.PayoutRow`);
this module reads a stored case, notice batch or payout list and builds that data. The
intake workbook is imported by :mod:`core.records.intake`.

Readings taken (docs/documents.md, "Printing from the database"):

* A case with a frozen snapshot (approved and every later status, including 不予资助 after an
  upheld objection) prints the snapshot: its result, and its claims and applicant kind/size
  as decided. Nothing is recomputed, so a later policy or engine change never alters a
  reprint. A case without a snapshot prints the engine's calculation as it stands now,
  computed without saving anything. For a case rejected at intake on a ground only a clerk
  can decide (超出范围, 材料不全), that ground is handed to the engine, so the forms show the
  rejection and a total of 0 rather than an award that was never going to be made.
* A form that makes no sense for the case's state is refused (:class:`FormNotAvailable`): a
  受理回执 needs the acceptance, a 补正通知书 a recorded correction request, a 不予受理通知书 a
  rejection at intake, a 审核意见表 an accepted case. The date on a notice is the day of the
  decision it reports, not the day it is printed, so a reprint is the same notice.
* The clerk's opinion is that of the latest 初审; the supervisor's is the latest 审核通过 or
  不予资助 (a 退回 is superseded by the next review). The prorated amount is printed only when
  the notice batch actually scaled this case's amount down.

PDF and workbook libraries are imported inside the functions that need them, so importing
this module (the GUI does at start-up) loads neither reportlab nor openpyxl.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.anchors import verification_code
from core.db.clock import CHINA_TZ, local_today
from core.db.database import Database
from core.db.models import Applicant, Application, ClaimRow, NoticeBatch, NoticeEntry
from core.db.settings import get_setting, set_setting
from core.documents.model import (
    DEFAULT_COURT,
    DEFAULT_REVIEW_BODY,
    ApplicantInfo,
    ChecklistEntry,
    FormCase,
    FormClaim,
    MissingMaterial,
    ObjectionChange,
    Opinion,
    ResultSnapshot,
)
from core.engine.calculate import calculate_application
from core.engine.inputs import InputError, parse_case, parse_claim
from core.engine.results import ratio_text
from core.money import format_yuan
from core.policy.model import ApplicantKind, FactValue, Policy
from core.records.base import audit, write_op
from core.records.calculation import case_document
from core.records.case_input import get_application, policy_for
from core.records.case_model import CaseDetail, DecisionInfo
from core.records.case_queries import case_detail
from core.records.changes import Changes
from core.records.duplicates import settled_claims, with_settled
from core.records.errors import InvalidInput, NotFound, RecordsError
from core.records.notice import (
    CHINESE_DIGITS,
    CLOSED,
    NoticeBatchInfo,
    batch_name,
    get_notice_batch,
)
from core.records.payee import Payee, payee_from, payee_of, payees, with_approved_changes
from core.records.roles import Role
from core.records.states import Action, Status
from core.records.year_ruling import current_ruling

if TYPE_CHECKING:
    from core.documents.notice_list import NoticeList
    from core.documents.workbooks import PayoutRow

__all__ = [
    "BATCH_FORMS",
    "OBJECTION_CONTACT",
    "FormKind",
    "FormNotAvailable",
    "PrintCancelled",
    "PrintedForms",
    "batch_name",
    "case_document_with_form",
    "case_ids_by_number",
    "find_notice_batch",
    "form_case",
    "form_case_by_number",
    "latest_notice_batch",
    "notice_batch_case_ids",
    "notice_list",
    "objection_contact",
    "payout_basis",
    "payout_rows",
    "payout_workbook_for_batch",
    "print_case_form",
    "remedy_bodies",
    "render_case_form",
    "render_case_forms",
    "set_objection_contact",
    "set_remedy_bodies",
    "unprintable_in_case",
    "unprintable_warning",
]

#: Settings key of who takes objections to a notice (printed on every 公示名单).
OBJECTION_CONTACT = "notice.objection_contact"
#: Settings keys of the 行政复议 body and the court a 不予受理通知书 names (issue 20 §15).
REVIEW_BODY = "notice.review_body"
COURT = "notice.court"


class FormKind(StrEnum):
    """The printed forms of one case, named as on the command line."""

    APPLICATION_FORM = "application-form"
    REVIEW_OPINION = "review-opinion"
    RECEIPT = "receipt"
    CORRECTION = "correction"
    REJECTION = "rejection"

    @property
    def label(self) -> str:
        return _FORM_LABELS[self]


_FORM_LABELS = {
    FormKind.APPLICATION_FORM: "申请表",
    FormKind.REVIEW_OPINION: "审核意见表",
    FormKind.RECEIPT: "受理回执",
    FormKind.CORRECTION: "补正通知书",
    FormKind.REJECTION: "不予受理通知书",
}

# A 审核意见表 is for a case that was accepted: not one still at the counter or turned away.
_NOT_REVIEWABLE = frozenset(
    {Status.REGISTERED, Status.CORRECTION_REQUESTED, Status.REJECTED_AT_INTAKE}
)
# Grounds of 五(一)2 that only the clerk decides; the engine is told them through ``intake``.
_CLERK_GROUNDS = ("out_of_scope", "incomplete_materials")


class FormNotAvailable(RecordsError):
    """The form does not apply to the case in its present state (nothing to print)."""


# ---------------------------------------------------------------------------
# One case → FormCase
# ---------------------------------------------------------------------------


def form_case(
    db: Database, case_id: int, form: FormKind | str = FormKind.APPLICATION_FORM
) -> FormCase:
    """The :class:`FormCase` of a stored case, for one form (see the module doc)."""
    kind = _form_kind(form)
    with db.read() as session:
        return _form_case(session, get_application(session, case_id), kind)


def form_case_by_number(
    db: Database, case_number: str, form: FormKind | str = FormKind.APPLICATION_FORM
) -> FormCase:
    """As :func:`form_case`, finding the case by its number (璧市监专转〔2024〕第001号)."""
    kind = _form_kind(form)
    number = case_number.strip()
    with db.read() as session:
        app = session.scalar(select(Application).where(Application.case_number == number))
        if app is None:
            raise NotFound(f"没有受理编号为 {number} 的案件，请核对编号（可用 case list 查找）")
        return _form_case(session, app, kind)


def render_case_form(db: Database, case_id: int, form: FormKind | str) -> bytes:
    """The PDF bytes of one form of a stored case."""
    kind = _form_kind(form)
    return _render(kind, form_case(db, case_id, kind))


def print_case_form(db: Database, case_id: int, form: FormKind | str) -> PrintedForms:
    """One form of a stored case with what of its text no font prints, the case read once."""
    from core.documents.fonts import unprintable_chars

    kind = _form_kind(form)
    case = form_case(db, case_id, kind)
    chars = unprintable_chars(case.typed_text())
    unprintable = ((case.case_number, chars),) if chars else ()
    return PrintedForms(_render(kind, case), (case.case_number,), unprintable)


class PrintCancelled(RecordsError):
    """The clerk stopped a batch print: nothing was written."""

    def __init__(self) -> None:
        super().__init__("已取消打印，未生成任何文件")


@dataclass(frozen=True)
class PrintedForms:
    """One PDF holding one form per case, in the order asked (issue 20 §20)."""

    data: bytes
    case_numbers: tuple[str, ...]
    # (case number, characters) for every case with text no shipped font can print: the
    # caller warns before the paper goes out (issue 20 §19).
    unprintable: tuple[tuple[str, str], ...]


#: Forms that print for many cases at once: the two the counter signs in bulk.
BATCH_FORMS = (FormKind.APPLICATION_FORM, FormKind.REVIEW_OPINION)


def render_case_forms(
    db: Database,
    case_ids: Sequence[int],
    form: FormKind | str,
    progress: Callable[[int, int], bool] | None = None,
) -> PrintedForms:
    """One form of each case in ``case_ids`` in one PDF, each numbered on its own pages.

    ``progress(done, total)`` counts reading the cases, then laying each form out; when it
    answers False, :class:`PrintCancelled` is raised and nothing is kept. A case the form
    does not apply to (say a 审核意见表 before acceptance) stops the whole batch with its
    number and reason, so the clerk never finds a form silently missing from the stack.
    """
    from core.documents.fonts import unprintable_chars

    kind = _form_kind(form)
    if kind not in BATCH_FORMS:
        known = "、".join(f"{k.value}（{k.label}）" for k in BATCH_FORMS)
        raise InvalidInput("form", f"“{kind.label}”不能批量打印；可批量打印：{known}")
    ids = list(dict.fromkeys(case_ids))
    if not ids:
        raise InvalidInput("case_ids", "请选择要打印的案件")
    total = 2 * len(ids)

    def step(done: int) -> None:
        if progress is not None and not progress(done, total):
            raise PrintCancelled

    step(0)
    cases: list[FormCase] = []
    with db.read() as session:
        for n, case_id in enumerate(ids, start=1):
            # FormNotAvailable names the case, so a refusal says which one stopped the batch.
            cases.append(_form_case(session, get_application(session, case_id), kind))
            step(n)
    data = _render_batch(kind, cases, started=lambda i: step(len(ids) + i))
    step(total)
    unprintable = tuple(
        (case.case_number, chars)
        for case in cases
        if (chars := unprintable_chars(case.typed_text()))
    )
    return PrintedForms(data, tuple(c.case_number for c in cases), unprintable)


def unprintable_in_case(db: Database, case_id: int) -> str:
    """The characters of a case's typed text that no shipped font prints (issue 20 §19)."""
    from core.documents.fonts import unprintable_chars

    return unprintable_chars(form_case(db, case_id).typed_text())


def unprintable_warning(chars: str) -> str:
    """What the desk and the CLI say before printing such characters."""
    return (
        f"以下字符没有任何字体能印出，打印件上将是空框：「{chars}」。"
        "请核对原件，在打印件上手写补正后再盖章。"
    )


def case_ids_by_number(db: Database, case_numbers: Sequence[str]) -> list[int]:
    """The ids of cases by their numbers, in that order; every unknown number is named."""
    numbers = [n.strip() for n in case_numbers]
    with db.read() as session:
        rows = session.execute(
            select(Application.case_number, Application.id).where(
                Application.case_number.in_(numbers)
            )
        )
        found: dict[str, int] = {number: case_id for number, case_id in rows}
    unknown = [n for n in numbers if n not in found]
    if unknown:
        raise NotFound(f"没有受理编号为 {'、'.join(unknown)} 的案件，请核对编号")
    return [found[n] for n in numbers]


def notice_batch_case_ids(db: Database, batch_id: int) -> list[int]:
    """The cases of a 公示 batch, in the order the notice lists them."""
    with db.read() as session:
        _batch_by_id(session, batch_id)
        return list(
            session.scalars(
                select(NoticeEntry.application_id)
                .where(NoticeEntry.batch_id == batch_id)
                .order_by(NoticeEntry.position, NoticeEntry.id)
            )
        )


def _render_batch(
    kind: FormKind, cases: Sequence[FormCase], started: Callable[[int], None]
) -> bytes:
    """One PDF of one form of each case; ``started(i)`` as form ``i`` is laid out."""
    from core.documents.pdf import DocumentInfo

    info = DocumentInfo(
        title=f"{kind.label}（{len(cases)}份）",
        subject="、".join(c.case_number for c in cases[:3]) + ("等" if len(cases) > 3 else ""),
        author=cases[0].policy.issuer,
    )
    if kind is FormKind.APPLICATION_FORM:
        from core.documents.application_form import render_application_forms

        return render_application_forms(cases, info, started)
    from core.documents.review_opinion import render_review_opinions

    return render_review_opinions(cases, info, started)


def _render(kind: FormKind, case: FormCase) -> bytes:
    if kind is FormKind.APPLICATION_FORM:
        from core.documents.application_form import render_application_form

        return render_application_form(case)
    if kind is FormKind.REVIEW_OPINION:
        from core.documents.review_opinion import render_review_opinion

        return render_review_opinion(case)
    from core.documents import notices

    if kind is FormKind.RECEIPT:
        return notices.render_receipt(case)
    if kind is FormKind.CORRECTION:
        return notices.render_correction_notice(case)
    return notices.render_rejection_notice(case)


def _form_kind(form: FormKind | str) -> FormKind:
    try:
        return FormKind(form)
    except ValueError:
        known = "、".join(f"{k.value}（{k.label}）" for k in FormKind)
        raise InvalidInput("form", f"没有表单“{form}”；可打印：{known}") from None


def _local_day(at: dt.datetime) -> dt.date:
    return at.astimezone(CHINA_TZ).date()


def _last(decisions: Sequence[DecisionInfo], *actions: Action) -> DecisionInfo | None:
    wanted = {a.value for a in actions}
    for d in reversed(decisions):
        if d.action in wanted:
            return d
    return None


def _objection_change(decisions: Sequence[DecisionInfo]) -> ObjectionChange | None:
    """What 公示 objections changed, for the 审核意见表.

    An upheld objection (异议成立) ends the funding: 0.00. A dismissed one (异议不成立) keeps
    the amount as it stood, so an earlier change still holds. None when nothing changed."""
    for d in reversed(decisions):
        outcome = d.data.get("outcome")
        if outcome not in ("upheld", "amount_changed"):
            continue
        upheld = outcome == "upheld"
        amount = Decimal("0.00") if upheld else Decimal(str(d.data["amount"]))
        before = Decimal(str(d.data.get("before", amount)))
        return ObjectionChange(amount, before, upheld, _local_day(d.at), d.actor_name)
    return None


def _form_case(session: Session, app: Application, kind: FormKind) -> FormCase:
    detail = case_detail(session, app)
    policy = policy_for(app.policy_id)
    issued_on = _check_available(detail, kind)

    if detail.snapshot is not None:
        # Frozen at approval: what was decided, never today's engine.
        frozen_case: Mapping[str, Any] = detail.snapshot.case.get("case", {})
        result = ResultSnapshot.from_json(detail.snapshot.result)
        raw_claims: Sequence[Mapping[str, Any]] = frozen_case.get("claims", [])
        decided_applicant: Mapping[str, Any] = frozen_case.get("applicant", {})
    else:
        result = ResultSnapshot.from_json(_current_result(session, app, policy))
        raw_claims = [{"item": c.item, "date": c.date.isoformat(), **c.facts} for c in app.claims]
        decided_applicant = {}

    a = detail.applicant
    # An approved case prints the payee decided (snapshot, or an approved change).
    payee = payee_of(session, app)
    applicant = ApplicantInfo(
        name=detail.applicant_name,
        credit_code=a.credit_code,
        kind=ApplicantKind(str(decided_applicant.get("kind", a.kind))),
        size=decided_applicant.get("size") if decided_applicant else a.size,
        address=a.form.address,
        handler=a.form.handler,
        handler_phone=a.form.handler_phone,
        patent_agency=a.form.patent_agency,
        attorney=a.form.patent_attorney,
        attorney_phone=a.form.attorney_phone,
        account_name=payee.account_name,
        bank=payee.bank,
        account_number=payee.account_number,
    )
    checklist = tuple(
        ChecklistEntry(
            material=m.code,
            name=m.name,
            received=m.received,
            stamped_copies=m.copies,
            originals_verified=m.originals_verified,
            note=m.note,
        )
        for m in detail.materials
        # A line no longer required stays on the record only because something was handed
        # in; it is printed when it was, so the form shows everything the counter took.
        if m.required or m.received
    )
    review = _last(detail.decisions, Action.CLERK_REVIEW)
    verdict = _last(detail.decisions, Action.APPROVE, Action.REFUSE)
    correction = _last(detail.decisions, Action.REQUEST_CORRECTION)
    missing: tuple[MissingMaterial, ...] = ()
    correction_due: dt.date | None = None
    if correction is not None:
        missing = tuple(_missing(str(m), policy) for m in correction.data.get("missing", []))
        due = correction.data.get("due")
        correction_due = dt.date.fromisoformat(due) if isinstance(due, str) else None
    prorated = None
    if (
        detail.notice_amount is not None
        and detail.approved_amount is not None
        and detail.notice_amount != detail.approved_amount
    ):
        prorated = detail.notice_amount
    bodies = _remedy_bodies(session)
    return FormCase(
        policy=policy,
        applicant=applicant,
        claims=_form_claims(raw_claims, policy),
        result=result,
        received_on=detail.received_on,
        case_number=detail.case_number,
        filed_by_agent=detail.filed_by_agent,
        checklist=checklist,
        clerk_opinion=None if review is None else _opinion(review),
        supervisor_opinion=None if verdict is None else _opinion(verdict),
        missing=missing,
        correction_due=correction_due,
        rejection_grounds=(
            (detail.intake_ground,)
            if detail.status is Status.REJECTED_AT_INTAKE and detail.intake_ground
            else ()
        ),
        prorated_amount=prorated,
        objection_change=_objection_change(detail.decisions),
        issued_on=issued_on,
        duplicates=tuple(d.text for d in detail.duplicates),
        verification=verification_code(session) if kind is FormKind.REVIEW_OPINION else "",
        review_body=bodies[0],
        court=bodies[1],
    )


def _check_available(detail: CaseDetail, kind: FormKind) -> dt.date | None:
    """Refuse a form that does not apply; return the date the notice carries (or None)."""
    number, status = detail.case_number, detail.status
    if kind is FormKind.APPLICATION_FORM:
        return None
    if kind is FormKind.REVIEW_OPINION:
        if status in _NOT_REVIEWABLE:
            raise FormNotAvailable(
                f"案件 {number} 当前为「{status.label}」，尚未受理，没有审核意见表可打印；"
                "受理后才能打印审核意见表"
            )
        return None
    if kind is FormKind.RECEIPT:
        accepted = _last(detail.decisions, Action.ACCEPT)
        if accepted is None:
            raise FormNotAvailable(
                f"案件 {number} 当前为「{status.label}」，尚未受理，不能打印受理回执；"
                "材料齐全并「受理」后再打印"
            )
        return _local_day(accepted.at)
    if kind is FormKind.CORRECTION:
        requested = _last(detail.decisions, Action.REQUEST_CORRECTION)
        if requested is None:
            raise FormNotAvailable(
                f"案件 {number} 没有「告知补正」的记录，不能打印补正通知书；"
                "请先在案件中办理「告知补正」（列明需补正的材料和期限）"
            )
        return _local_day(requested.at)
    rejected = _last(detail.decisions, Action.REJECT_AT_INTAKE)
    if status is not Status.REJECTED_AT_INTAKE or rejected is None:
        raise FormNotAvailable(
            f"案件 {number} 当前为「{status.label}」，未作「不予受理」决定，不能打印不予受理通知书"
        )
    return _local_day(rejected.at)


def _current_result(session: Session, app: Application, policy: Policy) -> dict[str, Any]:
    """The engine's result for an open case as it stands, without touching the stored rows.

    (:func:`core.records.calculation.calculate` writes the amounts onto the claims, which would make
    a read transaction try to write.)
    """
    document = case_document(session, app, policy)
    if app.status == Status.REJECTED_AT_INTAKE.value and app.intake_ground in _CLERK_GROUNDS:
        document["intake"][app.intake_ground] = True
    try:
        case = parse_case(document, policy)
    except InputError as exc:  # valid when stored; the policy file changed since
        raise InvalidInput(
            exc.where, f"{exc.problem}（按现行政策文件校验未通过，请修改案件后再打印）"
        ) from None
    result = calculate_application(with_settled(case, settled_claims(session, app), policy), policy)
    return result.to_json()


def _form_claims(raw: Sequence[Mapping[str, Any]], policy: Policy) -> tuple[FormClaim, ...]:
    claims = []
    for i, doc in enumerate(raw):
        try:
            parsed = parse_claim(dict(doc), f"claims[{i}]", policy)
            claims.append(FormClaim(parsed.item, parsed.date, dict(parsed.facts)))
        except InputError:
            # A frozen claim the current policy no longer reads (an item renamed, a fact
            # dropped): print it as it was stored rather than refuse to reprint.
            facts: dict[str, FactValue] = {
                k: v
                for k, v in doc.items()
                if k not in ("item", "date") and isinstance(v, bool | int | str | Decimal)
            }
            claims.append(
                FormClaim(str(doc.get("item", "")), dt.date.fromisoformat(str(doc["date"])), facts)
            )
    return tuple(claims)


def _opinion(decision: DecisionInfo) -> Opinion:
    text = decision.reason.strip()
    if decision.action == Action.REFUSE.value:
        text = f"不予资助。{text}" if text else "不予资助。"
    elif decision.action == Action.APPROVE.value and not text:
        # The decision itself is the opinion when the supervisor wrote nothing more.
        text = "审核通过。"
    return Opinion(text=text, name=decision.actor_name, date=_local_day(decision.at))


def _missing(text: str, policy: Policy) -> MissingMaterial:
    """A line of a correction request: 「营业执照（未提交）」 → (营业执照, 未提交)."""
    line = text.strip()
    if line.endswith("）") and "（" in line:
        name, _, problem = line[:-1].rpartition("（")
        if any(m.name == name for m in policy.materials.values()):
            return MissingMaterial(name, problem)
    return MissingMaterial(line)


# ---------------------------------------------------------------------------
# CASE document of a stored case (for the intake export and ``print --case``)
# ---------------------------------------------------------------------------


def case_document_with_form(db: Database, case_id: int) -> dict[str, Any]:
    """The case as a CASE document of the calc contract with its ``form`` extras.

    What the intake workbook exports and ``ipdesk-cli print --case`` reads; history (prior
    awards) and the intake findings are left out, as in the workbook.
    """
    with db.read() as session:
        app = get_application(session, case_id)
        a = app.applicant
        applicant: dict[str, Any] = {
            "name": app.applicant_name,
            "credit_code": a.credit_code,
            "kind": a.kind,
            "dishonest_debtor": a.dishonest_debtor,
            "ownership_dispute": a.ownership_dispute,
            "major_accident_3y": a.major_accident_3y,
        }
        if a.size:
            applicant["size"] = a.size
        form: dict[str, Any] = {"case_number": app.case_number}
        for key, value in (
            ("address", a.address),
            ("handler", a.handler),
            ("handler_phone", a.handler_phone),
            ("patent_agency", a.patent_agency),
            ("attorney", a.patent_attorney),
            ("attorney_phone", a.attorney_phone),
            ("account_name", a.account_name),
            ("bank", a.bank),
            ("account_number", a.account_number),
        ):
            if value:
                form[key] = value
        if app.filed_by_agent:
            form["agent"] = True
        return {
            "policy": app.policy_id,
            "id": app.case_number,
            "received_on": app.received_on.isoformat(),
            "applicant": applicant,
            "claims": [{"item": c.item, "date": c.date.isoformat(), **c.facts} for c in app.claims],
            "form": form,
        }


# ---------------------------------------------------------------------------
# Notice batches: the 公示名单 and the 拨付清单
# ---------------------------------------------------------------------------


_BATCH_YEAR_NUMBER = re.compile(
    r"^\s*(\d{4})\s*(?:-|/|年)\s*第?\s*([0-9一二三四五六七八九十]+)\s*批?\s*$"
)
_BATCH_NUMBER = re.compile(r"^\s*第?\s*([0-9一二三四五六七八九十]+)\s*批?\s*$")
_BATCH_ID = re.compile(r"^\s*(?:id[:=]|#)\s*(\d+)\s*$", re.IGNORECASE)


def _parse_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    tens, _, units = text.partition("十")
    if "十" in text:
        return (CHINESE_DIGITS.index(tens) if tens else 1) * 10 + (
            CHINESE_DIGITS.index(units) if units else 0
        )
    return CHINESE_DIGITS.index(text)


def find_notice_batch(db: Database, reference: str | int) -> NoticeBatchInfo:
    """A notice batch by what a user types.

    ``2024-1`` / ``2024年第1批`` / ``2024年第一批``: batch 1 of the 2024 programme; ``1`` /
    ``第一批``: batch 1 of whichever programme has one (refused when several do); ``id:7`` or
    ``#7``: the database id. An int is the database id.
    """
    if isinstance(reference, int):
        return get_notice_batch(db, reference)
    text = reference.strip()
    if match := _BATCH_ID.match(text):
        return get_notice_batch(db, int(match.group(1)))
    year: int | None = None
    if match := _BATCH_YEAR_NUMBER.match(text):
        year, number = int(match.group(1)), _parse_number(match.group(2))
    elif match := _BATCH_NUMBER.match(text):
        number = _parse_number(match.group(1))
    else:
        raise InvalidInput(
            "batch",
            f"看不懂公示批次“{reference}”；请写批次号，如 1、2024-1、2024年第一批，或 id:7",
        )
    with db.read() as session:
        batches = [
            (b.id, b.policy_id, b.number)
            for b in session.scalars(select(NoticeBatch).order_by(NoticeBatch.id))
        ]
    hits = [
        batch_id
        for batch_id, policy_id, n in batches
        if n == number and (year is None or policy_for(policy_id).year == year)
    ]
    if not hits:
        where = f"{year}年" if year is not None else ""
        known = "、".join(f"{policy_for(p).year}-{n}" for _, p, n in batches) or "（无）"
        raise NotFound(f"没有{where}第 {number} 批公示；现有批次：{known}")
    if len(hits) > 1:
        choices = "、".join(f"{policy_for(p).year}-{n}" for i, p, n in batches if i in hits)
        raise InvalidInput("batch", f"有多个年度的第 {number} 批公示，请写明年度，如 {choices}")
    return get_notice_batch(db, hits[0])


def latest_notice_batch(db: Database, *, closed_only: bool = False) -> NoticeBatchInfo:
    """The most recent notice batch (closed ones only, for payouts)."""
    with db.read() as session:
        query = select(NoticeBatch.id).order_by(NoticeBatch.id.desc()).limit(1)
        if closed_only:
            query = query.where(NoticeBatch.status == CLOSED)
        batch_id = session.scalar(query)
    if batch_id is None:
        raise NotFound("还没有已结束的公示批次" if closed_only else "还没有公示批次")
    return get_notice_batch(db, batch_id)


def _batch_by_id(session: Session, batch_id: int) -> NoticeBatch:
    batch = session.get(NoticeBatch, batch_id)
    if batch is None:
        raise NotFound(f"没有编号（id）为 {batch_id} 的公示批次")
    return batch


def objection_contact(db: Database) -> str:
    """Who takes objections to a notice, as printed on the 公示名单 ('' when not set)."""
    with db.read() as session:
        value = get_setting(session, OBJECTION_CONTACT, "")
        return value if isinstance(value, str) else ""


def set_objection_contact(db: Database, actor_id: int, text: str) -> Changes:
    """Set who takes objections (e.g. 区市场监管局知识产权科，电话023-…); admin or supervisor."""
    value = " ".join(text.split())
    if not value:
        raise InvalidInput("objection_contact", "请填写受理异议的科室和电话")
    if len(value) > 200:
        raise InvalidInput("objection_contact", "受理异议的联系方式不超过200字")
    with write_op(db, actor_id, {Role.ADMIN, Role.SUPERVISOR}, "设置公示异议联系方式") as (
        session,
        actor,
        now,
    ):
        before = set_setting(session, OBJECTION_CONTACT, value)
        if before == value:
            return Changes()
        audit(session, now, actor, "settings", OBJECTION_CONTACT, "update", before, value)
        return Changes(settings=True)


def remedy_bodies(db: Database) -> tuple[str, str]:
    """(行政复议 body, court) a 不予受理通知书 names: as set, else the district's defaults."""
    with db.read() as session:
        return _remedy_bodies(session)


def _remedy_bodies(session: Session) -> tuple[str, str]:
    # Read once per session: a batch of 200 forms asked the settings table 400 times.
    memo: tuple[str, str] | None = session.info.get(_REMEDY_BODIES)
    if memo is None:
        memo = session.info[_REMEDY_BODIES] = _read_remedy_bodies(session)
    return memo


_REMEDY_BODIES = "ipdesk.remedy_bodies"


def _read_remedy_bodies(session: Session) -> tuple[str, str]:
    body = get_setting(session, REVIEW_BODY, "")
    court = get_setting(session, COURT, "")
    return (
        body if isinstance(body, str) and body else DEFAULT_REVIEW_BODY,
        court if isinstance(court, str) and court else DEFAULT_COURT,
    )


def set_remedy_bodies(db: Database, actor_id: int, review_body: str, court: str) -> Changes:
    """Set the 行政复议 body and the court named on 不予受理通知书 (as the objection contact:
    an administrator or a supervisor)."""
    values = {REVIEW_BODY: " ".join(review_body.split()), COURT: " ".join(court.split())}
    for key, what in ((REVIEW_BODY, "行政复议机关"), (COURT, "人民法院")):
        if not values[key]:
            raise InvalidInput(key, f"请填写{what}的名称")
        if len(values[key]) > 60:
            raise InvalidInput(key, f"{what}的名称不超过60字")
    with write_op(db, actor_id, {Role.ADMIN, Role.SUPERVISOR}, "设置行政复议机关和人民法院") as (
        session,
        actor,
        now,
    ):
        changed = False
        for key, value in values.items():
            before = set_setting(session, key, value)
            if before != value:
                audit(session, now, actor, "settings", key, "update", before, value)
                changed = True
        return Changes(settings=True) if changed else Changes()


def _awarded_items(app: Application, policy: Policy) -> tuple[str, ...]:
    """The Chinese names of the items that carry money in the frozen result."""
    names: dict[str, None] = {}
    result = app.snapshot_result or {}
    for claim in result.get("claims", []):
        if Decimal(str(claim.get("amount", "0"))) > 0:
            item = policy.items.get(str(claim.get("item")))
            names.setdefault(item.name if item else str(claim.get("item")), None)
    if not names:  # no snapshot (cannot happen for a noticed case): name what was claimed
        for c in app.claims:
            item = policy.items.get(c.item)
            names.setdefault(item.name if item else c.item, None)
    return tuple(names)


def notice_list(
    db: Database,
    batch_id: int,
    *,
    contact: str | None = None,
    issued_on: dt.date | None = None,
) -> NoticeList:
    """The 公示名单 of a batch as published: every case put on notice, in the batch's order,
    with the amount after proration. Masking is the documents layer's, when it prints.

    ``contact`` defaults to the stored setting (:func:`objection_contact`), else the bureau;
    ``issued_on`` to the first day of the notice.
    """
    from core.documents.notice_list import NoticeEntry as ListEntry
    from core.documents.notice_list import NoticeList

    with db.read() as session:
        batch = _batch_by_id(session, batch_id)
        policy = policy_for(batch.policy_id)
        rows = session.execute(
            select(NoticeEntry, Application)
            .join(Application, NoticeEntry.application_id == Application.id)
            .where(NoticeEntry.batch_id == batch.id)
            .order_by(NoticeEntry.position)
        )
        found = rows.all()
        paid_to = payees(session, [app for _, app in found])
        ratio = _line_ratio(session, batch)
        entries = tuple(
            ListEntry(
                case_number=app.case_number,
                applicant_name=paid_to[app.id].name,
                credit_code=paid_to[app.id].credit_code,
                items=_awarded_items(app, policy),
                amount=entry.amount,
                account_number=paid_to[app.id].account_number,
                approved=entry.before,
                ratio=ratio,
            )
            for entry, app in found
        )
        stored = get_setting(session, OBJECTION_CONTACT, "")
        return NoticeList(
            policy=policy,
            entries=entries,
            period_start=batch.start_date,
            period_end=batch.end_date,
            objection_contact=contact
            or (stored if isinstance(stored, str) else "")
            or policy.issuer,
            issued_on=issued_on or batch.start_date,
            batch_name=batch_name(policy, batch.number),
            ratio_note=_ratio_note(session, policy),
            verification=verification_code(session),
        )


def _line_ratio(session: Session, batch: NoticeBatch) -> str:
    """The year's ratio a batch's amounts follow, or 待核定 before the 年度核定."""
    if current_ruling(session, batch.policy_id) is None:
        return "待核定"
    return ratio_text(Decimal(batch.ratio))


def _ratio_note(session: Session, policy: Policy) -> str:
    """How the amounts stand to the budget (四), in the notice's words."""
    ruling = current_ruling(session, policy.id)
    if ruling is None:
        return (
            f"资助资金限额预算{format_yuan(policy.budget)}元，超过预算按比例资助（四）。本名单按审核金额"
            f"公示；申报截止（{policy.deadline.isoformat()}）后将进行年度核定，全年审核金额超过预算"
            "时，每件按同一比例调减。"
        )
    ratio = Decimal(ruling.ratio)
    if ratio >= 1:
        return (
            f"经年度核定，全年审核金额未超过资助资金限额预算{format_yuan(policy.budget)}元，"
            "按审核金额资助（四）。"
        )
    return (
        f"经年度核定，全年审核金额超过资助资金限额预算{format_yuan(policy.budget)}元，每件按全年"
        f"统一比例 {ratio_text(ratio)} 资助，舍去的分按最大余数法补足（四）。"
    )


def payout_rows(db: Database, batch_id: int, *, include_paid: bool = False) -> list[PayoutRow]:
    """The 拨付清单 of a closed batch: cases cleared for payout, with full bank details.

    Reading taken: cases already paid are left out (listing them again invites paying twice);
    ``include_paid`` adds them, marked with the payment date and voucher, for the file copy.
    One query for the whole batch, so 10,000 rows take well under a second.
    """
    from core.documents.workbooks import PayoutRow

    statuses = [Status.CLEARED.value] + ([Status.PAID.value] if include_paid else [])
    with db.read() as session:
        batch = _batch_by_id(session, batch_id)
        policy = policy_for(batch.policy_id)
        if batch.status != CLOSED:
            raise FormNotAvailable(
                f"{batch_name(policy, batch.number)}公示尚未结束（公示期至 "
                f"{batch.end_date.isoformat()}），结束公示后才能生成拨付清单"
            )
        # Column by column, not as ORM objects: a batch has thousands of cases, and building
        # three objects and their claims for each took 2 s for 10,000 (issue 8's target is
        # 5 s for the whole list).
        in_batch = (NoticeEntry.batch_id == batch.id, Application.status.in_(statuses))
        found = session.execute(
            select(
                Application.id,
                Application.case_number,
                Application.status,
                Application.applicant_name,
                Application.snapshot_case,
                Applicant.credit_code,
                Applicant.account_name,
                Applicant.bank,
                Applicant.account_number,
                Applicant.bank_code,
                NoticeEntry.amount,
                NoticeEntry.before,
                NoticeEntry.paid_on,
                NoticeEntry.voucher_no,
            )
            .join(Application, NoticeEntry.application_id == Application.id)
            .join(Applicant, Application.applicant_id == Applicant.id)
            .where(*in_batch)
            .order_by(NoticeEntry.position)
        ).all()
        # The payee frozen at approval, or an approved change: never the applicant's row.
        paid_to = with_approved_changes(
            session,
            {
                r.id: payee_from(
                    r.snapshot_case,
                    Payee(
                        r.credit_code,
                        r.applicant_name,
                        r.account_name,
                        r.bank,
                        r.account_number,
                        r.bank_code,
                    ),
                )
                for r in found
            },
        )
        items = _funded_items(session, batch, statuses, policy)
        ratio = _line_ratio(session, batch)
        rows = []
        for r in found:
            payee = paid_to[r.id]
            notes = []
            if not (payee.account_name and payee.bank and payee.account_number):
                notes.append("银行信息不全，请办理收款账户变更")
            if payee.note:
                notes.append(payee.note)
            if r.status == Status.PAID.value and r.paid_on is not None:
                notes.append(f"已于{r.paid_on.isoformat()}兑现（{r.voucher_no or ''}）")
            rows.append(
                PayoutRow(
                    case_number=r.case_number,
                    applicant_name=payee.name,
                    credit_code=payee.credit_code,
                    account_name=payee.account_name,
                    bank=payee.bank,
                    account_number=payee.account_number,
                    amount=r.amount,
                    note="；".join(notes),
                    approved=r.before,
                    ratio=ratio,
                    items=items.get(r.id, ""),
                    bank_code=payee.bank_code,
                )
            )
        if not rows:
            paid = session.scalar(
                select(NoticeEntry.id)
                .join(Application, NoticeEntry.application_id == Application.id)
                .where(NoticeEntry.batch_id == batch.id, Application.status == Status.PAID.value)
                .limit(1)
            )
            hint = "（已兑现的案件可加 --include-paid 列出）" if paid and not include_paid else ""
            raise FormNotAvailable(f"{batch_name(policy, batch.number)}公示没有待兑现的案件{hint}")
        return rows


def _funded_items(
    session: Session, batch: NoticeBatch, statuses: Sequence[str], policy: Policy
) -> dict[int, str]:
    """资助事项 of each case on the 拨付清单: the items of its claims that carry an amount,
    in claim order, each named once."""
    rows = session.execute(
        select(ClaimRow.application_id, ClaimRow.item)
        .join(NoticeEntry, NoticeEntry.application_id == ClaimRow.application_id)
        .join(Application, Application.id == ClaimRow.application_id)
        .where(
            NoticeEntry.batch_id == batch.id,
            Application.status.in_(statuses),
            ClaimRow.amount > Decimal(0),
        )
        .order_by(ClaimRow.application_id, ClaimRow.position)
    )
    names: dict[int, dict[str, None]] = {}
    for case_id, item in rows:
        name = policy.items[item].name if item in policy.items else item
        names.setdefault(case_id, {})[name] = None
    return {case_id: "、".join(found) for case_id, found in names.items()}


def payout_basis(db: Database, batch_id: int) -> str:
    """What a 拨付清单 rests on (issue 20 §12): the notice batch with its period, and the
    bureau meeting(s) that decided its cases (五(三)1 「区市场监管局办公会研究」)."""
    with db.read() as session:
        batch = _batch_by_id(session, batch_id)
        policy = policy_for(batch.policy_id)
        meetings = session.execute(
            select(Application.meeting_date, Application.meeting_minute)
            .join(NoticeEntry, NoticeEntry.application_id == Application.id)
            .where(NoticeEntry.batch_id == batch.id)
            .distinct()
            .order_by(Application.meeting_date, Application.meeting_minute)
        ).all()
    held = [
        f"{day.isoformat()}" + (f"（{minute}）" if minute else "")
        for day, minute in meetings
        if day is not None
    ]
    text = (
        f"{batch_name(policy, batch.number)}公示（{batch.start_date.isoformat()}至"
        f"{batch.end_date.isoformat()}）期满无异议或异议已处理"
    )
    if held:
        text += f"；区市场监管局办公会{'、'.join(held)}研究审定"
    return text


def payout_workbook_for_batch(
    db: Database,
    batch_id: int,
    *,
    include_paid: bool = False,
    prepared_on: dt.date | None = None,
    rows: Sequence[PayoutRow] | None = None,
) -> bytes:
    """The 拨付清单 workbook (.xlsx bytes) of a closed batch; ``rows`` when the caller has
    read them already (:func:`payout_rows`, for its own summary)."""
    from core.documents.workbooks import payout_workbook

    if rows is None:
        rows = payout_rows(db, batch_id, include_paid=include_paid)
    with db.read() as session:
        batch = _batch_by_id(session, batch_id)
        policy = policy_for(batch.policy_id)
        name = f"{batch_name(policy, batch.number)}公示"
        code = verification_code(session)
    return payout_workbook(
        policy,
        rows,
        prepared_on=prepared_on or local_today(db.clock),
        batch_name=name,
        verification=code,
        basis=payout_basis(db, batch_id),
    )
