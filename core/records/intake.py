"""Importing the intake workbook (申请事项): every application in it is checked and registered
through :func:`~core.records.cases.register_case` inside one write transaction, so a file with
one bad row registers nothing, and the report names each problem by sheet, row and column.
A progress callback may stop the import, which rolls the transaction back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from core.db.database import Database
from core.documents.intake_import import (
    CLAIMS_SHEET,
    FIRST_DATA_ROW,
    MAX_DATA_ROWS,
    ImportCancelled,
    IntakeError,
    import_intake_workbook,
    intake_columns,
)
from core.engine.inputs import APPLICANT_FLAGS
from core.policy.model import Policy
from core.records.base import audit, load_user, require_role
from core.records.case_input import get_application
from core.records.case_model import ApplicantForm, CaseForm
from core.records.case_queries import find_applicant
from core.records.cases import register_case
from core.records.errors import InvalidInput, RecordsError
from core.records.roles import Role

if TYPE_CHECKING:
    from core.documents.intake_import import IntakeError

__all__ = ["ImportReport", "import_intake"]


@dataclass(frozen=True)
class ImportReport:
    """What an import did: the cases registered, or every error and nothing registered."""

    case_ids: tuple[int, ...] = ()
    case_numbers: tuple[str, ...] = ()
    errors: tuple[IntakeError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


class _JoinedTransaction(Database):
    """The open database seen from inside one outer write transaction.

    ``register_case`` opens its own ``db.write()``; handed this view, each registration runs
    in a SAVEPOINT of the one outer transaction instead, so a failing case is undone alone
    (and reported) while the others carry on, and the whole import is then committed or
    rolled back as one.
    """

    def __init__(self, db: Database, session: Session) -> None:
        super().__init__(db.engine, db.url, db.path, db.clock)
        self._outer = session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._outer.begin_nested():
            yield self._outer

    @contextmanager
    def read(self) -> Iterator[Session]:
        # Reads see what this import has written so far (an applicant of an earlier row).
        yield self._outer

    def close(self) -> None:  # the outer database is closed by whoever opened it
        pass


class _ImportFailed(Exception):
    def __init__(self, errors: list[IntakeError]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


# The applicant columns of the workbook that are not part of the calc contract's applicant.
_FORM_FIELDS = {
    "address": "address",
    "handler": "handler",
    "handler_phone": "handler_phone",
    "patent_agency": "patent_agency",
    "attorney": "patent_attorney",
    "attorney_phone": "attorney_phone",
    "account_name": "account_name",
    "bank": "bank",
    "account_number": "account_number",
}


def _applicant_form(doc: Mapping[str, Any], existing: ApplicantForm | None) -> ApplicantForm:
    """This year's applicant data from the workbook, over what is on record.

    Reading taken: the workbook's empty cells leave the record as it is (a blank bank column
    must not wipe the account on file); a filled cell replaces it. A 五(一)2 flag set by the
    workbook notes that it came from there.
    """
    applicant = doc["applicant"]
    extras = doc.get("form", {})
    values: dict[str, Any] = (
        dataclasses.asdict(existing)
        if existing is not None
        else {"credit_code": applicant["credit_code"], "name": "", "kind": ""}
    )
    values["credit_code"] = applicant["credit_code"]
    values["name"] = applicant["name"]
    values["kind"] = applicant["kind"]
    if "size" in applicant:
        values["size"] = applicant["size"]
    for key, field_name in _FORM_FIELDS.items():
        if extras.get(key):
            values[field_name] = extras[key]
    for flag in APPLICANT_FLAGS:
        if flag in applicant and bool(applicant[flag]) != bool(values.get(flag, False)):
            values[flag] = bool(applicant[flag])
            values[f"{flag}_note"] = f"申请导入表填写为“{'是' if applicant[flag] else '否'}”"
            values[f"{flag}_source"] = "申请导入表"
    return ApplicantForm(**values)


_WHERE = re.compile(r"^((?:claims\[\d+\](?:\.\w+)?)|(?:applicant\.\w+)|received_on)：(.*)$", re.S)


def _where_and_problem(exc: RecordsError) -> tuple[str, str]:
    if isinstance(exc, InvalidInput):
        return exc.where, exc.problem
    match = _WHERE.match(str(exc))
    if match:
        return match.group(1), match.group(2)
    return "", str(exc)


def _group_rows(data: bytes, policy: Policy) -> dict[str, list[int]]:
    """Row numbers of each application (by 申请编号) in the 申请事项 sheet."""

    columns = intake_columns(policy)
    group_column = next(i for i, c in enumerate(columns, start=1) if c.key == "group")
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    ws = wb[CLAIMS_SHEET]
    rows: dict[str, list[int]] = {}
    # Bounded as the parse was (it has already refused a longer sheet).
    last = FIRST_DATA_ROW + MAX_DATA_ROWS
    for r, (value,) in enumerate(
        ws.iter_rows(
            min_row=2, max_row=last, min_col=group_column, max_col=group_column, values_only=True
        ),
        start=2,
    ):
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        key = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        rows.setdefault(key.strip(), []).append(r)
    wb.close()
    return rows


def _locate(
    where: str, problem: str, rows: Sequence[int], policy: Policy, number: str
) -> IntakeError:

    columns = intake_columns(policy)
    letters = {c.key: (get_column_letter(i), c.title) for i, c in enumerate(columns, start=1)}
    first = rows[0] if rows else 0
    row, key = first, "group"
    if match := re.match(r"^claims\[(\d+)\](?:\.(\w+))?", where):
        index = int(match.group(1))
        row = rows[index] if index < len(rows) else first
        name = match.group(2)
        key = "item" if name in (None, "item") else "date" if name == "date" else f"fact.{name}"
    elif where == "applicant.account_number":
        key = "form.account_number"
    elif where.startswith("applicant."):
        key = where
    elif where == "received_on":
        key = "received_on"
    letter, title = letters.get(key, ("", ""))
    message = problem if key != "group" else f"申请编号“{number}”：{problem}"
    return IntakeError(CLAIMS_SHEET, row, letter, title, message)


def import_intake(
    db: Database,
    actor_id: int,
    source: bytes | str | Path,
    policy: Policy,
    *,
    should_stop: Callable[[], bool] | None = None,
) -> ImportReport:
    """Register every application of a filled-in intake workbook, all or nothing.

    The workbook is checked cell by cell first (:func:`~core.documents.intake_import.
    import_intake_workbook`); then every application goes through
    :func:`~core.records.cases.register_case` inside **one** write transaction, each in its
    own savepoint so that every refusal (a received date after today, a reviewer's fact filled
    in by a clerk, …) is reported with its sheet, row and column. Any error and the
    transaction is rolled back: no case, no applicant change, no case number used.

    ``should_stop`` (the desk's 取消) is asked every 200 rows while reading and before each
    application while registering; when it answers True, :class:`ImportCancelled` is raised
    and nothing is registered.
    """

    stop = should_stop or (lambda: False)

    if isinstance(source, bytes):
        data = source
    else:
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            problem = "找不到文件" if isinstance(exc, FileNotFoundError) else "无法读取"
            return ImportReport(
                errors=(IntakeError("", 0, "", "", f"{problem} {source}（{exc.strerror}）"),)
            )
    with db.read() as session:
        actor = load_user(session, actor_id)
        require_role(actor, {Role.CLERK}, "导入申请")
    registered: list[tuple[int, str]] = []

    def save(documents: Sequence[dict[str, Any]]) -> None:
        rows = _group_rows(data, policy)
        errors: list[IntakeError] = []
        with db.write() as session:
            joined = _JoinedTransaction(db, session)
            for doc in documents:
                if stop():
                    raise ImportCancelled  # rolls the whole transaction back
                number = str(doc.get("id", ""))
                try:
                    existing = find_applicant(joined, doc["applicant"]["credit_code"])
                    form = CaseForm(
                        policy_id=policy.id,
                        received_on=dt.date.fromisoformat(doc["received_on"]),
                        applicant=_applicant_form(doc, None if existing is None else existing.form),
                        claims=doc["claims"],
                    )
                    changes = register_case(joined, actor_id, form)
                except RecordsError as exc:
                    where, problem = _where_and_problem(exc)
                    errors.append(_locate(where, problem, rows.get(number, []), policy, number))
                    continue
                assert changes.id is not None
                registered.append((changes.id, get_application(session, changes.id).case_number))
            if errors:
                raise _ImportFailed(errors)  # rolls the whole transaction back
            actor_row = load_user(session, actor_id)
            audit(
                session,
                db.clock.now(),
                actor_row,
                "intake_import",
                policy.id,
                "import",
                None,
                {"cases": [n for _, n in registered], "count": len(registered)},
            )

    try:
        result = import_intake_workbook(data, policy, save, stop)
    except _ImportFailed as failed:
        ordered = sorted(failed.errors, key=lambda e: (e.row, len(e.column), e.column))
        return ImportReport(errors=tuple(ordered))
    if not result.ok:
        return ImportReport(errors=result.errors)
    return ImportReport(
        case_ids=tuple(i for i, _ in registered), case_numbers=tuple(n for _, n in registered)
    )
