"""The intake workbook: a template to fill in, its importer, and the export that fills it.

Layout (sheet 「申请事项」): one row per claim. Rows with the same 申请编号 make one
application. The applicant columns (受理日期 … 银行账号) are filled on the first row of an
application; on its later rows they may be left empty or repeat the same value — a different
value is an error. The second sheet 「填写说明」 explains every column and lists the item codes
of the policy with their Chinese names and the facts each item needs.

Import is all or nothing: :func:`parse_intake_workbook` checks every cell with the same parsers
as ``ipdesk-cli calc`` (:mod:`core.engine.inputs`, :mod:`core.identifiers`) and then each whole
application with :func:`core.engine.inputs.parse_case`. If anything is wrong, it returns every
error (sheet, row, column, reason in Chinese) and no application; otherwise the CASE documents
of the calc contract, each with its ``form`` extras (address, handler, bank …).
:func:`import_intake_workbook` then hands the documents to a ``save`` callback (the records
layer) only when there is no error.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from core.documents.cells import put
from core.documents.model import FORM_KEY, FORM_TEXT_FIELDS
from core.engine.inputs import (
    SIZE_LABELS,
    SIZES,
    InputError,
    parse_case,
    parse_date,
    parse_fact,
    parse_int,
    parse_money,
    parse_rate,
)
from core.identifiers import IdentifierError, validate_credit_code
from core.money import FEN
from core.policy.model import CHOICE_LABELS, ApplicantKind, Fact, Item, Policy

__all__ = [
    "CLAIMS_SHEET",
    "HELP_SHEET",
    "ImportCancelled",
    "IntakeError",
    "IntakeResult",
    "import_intake_workbook",
    "intake_columns",
    "intake_template",
    "intake_workbook",
    "parse_intake_workbook",
    "workbook_problem",
]

CLAIMS_SHEET = "申请事项"
HELP_SHEET = "填写说明"
HEADER_ROW = 1
FIRST_DATA_ROW = 2


@dataclass(frozen=True)
class IntakeError:
    """One problem in the workbook, located as a clerk would find it in Excel."""

    sheet: str
    row: int
    column: str  # the column letter, e.g. "D"
    header: str  # the column's title, e.g. 统一社会信用代码
    message: str

    def __str__(self) -> str:
        where = f"工作表「{self.sheet}」第{self.row}行"
        if self.column:
            where += f" {self.column}列（{self.header}）"
        return f"{where}：{self.message}"


@dataclass(frozen=True)
class IntakeResult:
    """Either the CASE documents (no errors) or every error (and no documents)."""

    cases: tuple[dict[str, Any], ...] = ()
    errors: tuple[IntakeError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


# ---------------------------------------------------------------------------
# Columns
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str  # where the value goes: "group", "received_on", "applicant.name", "form.bank",
    #           "item", "date" or "fact.<name>"
    title: str
    help: str
    width: float
    level: str  # "group" (applicant: first row of an application) or "claim"
    kind: str = "text"  # text, date, money, rate, int, bool, choice, credit_code, item, kind, size
    facts: tuple[Fact, ...] = field(default=())  # for fact columns: the fact of each item

    @property
    def fact_name(self) -> str:
        return self.key.removeprefix("fact.")


_FLAG_COLUMNS = (
    (
        "dishonest_debtor",
        "失信被执行人",
        "是否纳入最高人民法院失信被执行人名单（五(一)2(4)）；是/否，可空（否）",
    ),
    (
        "ownership_dispute",
        "专利权属争议",
        "专利权人之间是否存在矛盾纠纷或权属争议（五(一)2(3)）；是/否，可空（否）",
    ),
    (
        "major_accident_3y",
        "近三年重大事故",
        "近三年是否发生重大质量、环境、较大安全责任事故（五(一)2(6)）；是/否，可空（否）",
    ),
)


def intake_columns(policy: Policy) -> tuple[Column, ...]:
    """The columns of the 申请事项 sheet for this policy, in order."""
    kinds = "、".join(f"{k.label}（{k.value}）" for k in ApplicantKind)
    sizes = "、".join(f"{label}（{code}）" for code, label in SIZE_LABELS.items())
    columns: list[Column] = [
        Column(
            "group",
            "申请编号",
            "同一申请的各行填写相同的编号（如 1、2、3 或 A-01）；必填",
            10,
            "claim",
        ),
        Column(
            "received_on",
            "受理日期",
            "YYYY-MM-DD（如 2024-11-10）；每件申请的第一行必填",
            12,
            "group",
            "date",
        ),
        Column("applicant.name", "申请人名称", "与营业执照一致；第一行必填", 30, "group"),
        Column(
            "applicant.credit_code",
            "统一社会信用代码",
            "18位；第一行必填",
            22,
            "group",
            "credit_code",
        ),
        Column("applicant.kind", "申请人类型", f"可填：{kinds}；第一行必填", 12, "group", "kind"),
        Column("applicant.size", "企业规模", f"可填：{sizes}；非企业可空", 10, "group", "size"),
    ]
    for key, title, help_text in _FLAG_COLUMNS:
        columns.append(Column(f"applicant.{key}", title, help_text, 10, "group", "bool"))
    for key, title in FORM_TEXT_FIELDS.items():
        width = 26 if key in ("address", "patent_agency", "bank", "account_name") else 16
        columns.append(
            Column(
                f"{FORM_KEY}.{key}", title, f"申请表（附件2）的「{title}」；可空", width, "group"
            )
        )
    codes = "、".join(policy.items)
    columns.append(
        Column(
            "item",
            "资助事项代码",
            f"见「{HELP_SHEET}」的事项表，如 transfer_in；也可填事项名称。可填：{codes}",
            20,
            "claim",
            "item",
        )
    )
    columns.append(
        Column(
            "date",
            "完成日期",
            "该事项的完成日期（转让登记、许可备案、贷款发放等，见事项表），YYYY-MM-DD；必填",
            12,
            "claim",
            "date",
        )
    )
    by_name: dict[str, list[Fact]] = {}
    for item in policy.items.values():
        for fact in item.facts:
            by_name.setdefault(fact.name, []).append(fact)
    for name, facts in by_name.items():
        labels = list(dict.fromkeys(f.label for f in facts))
        title = "／".join(labels)
        users = "、".join(
            i.code for i in policy.items.values() if any(f.name == name for f in i.facts)
        )
        columns.append(
            Column(
                f"fact.{name}",
                title,
                f"{_fact_help(facts[0])}；用于：{users}",
                _fact_width(facts[0]),
                "claim",
                facts[0].type,
                tuple(facts),
            )
        )
    return tuple(columns)


def _fact_help(fact: Fact) -> str:
    if fact.type == "patent":
        return "专利号，如 ZL201710601862.3（发明专利）"
    if fact.type == "money":
        return "金额（元），数字，最多两位小数"
    if fact.type == "rate":
        return "年利率，小数（如 0.0345）或百分数（如 3.45%）"
    if fact.type == "int":
        return "整数"
    if fact.type == "bool":
        return "是/否" + ("（审核人员填写，可空）" if fact.reviewer else "")
    if fact.type == "choice":
        return "可填：" + "、".join(f"{CHOICE_LABELS.get(c, c)}（{c}）" for c in fact.choices)
    return "文本"


def _fact_width(fact: Fact) -> float:
    return {"patent": 20, "money": 16, "rate": 12, "int": 10, "bool": 10, "choice": 12}.get(
        fact.type, 20
    )


# ---------------------------------------------------------------------------
# Cell values
# ---------------------------------------------------------------------------

_BOOL_WORDS = {
    "是": True,
    "否": False,
    "true": True,
    "false": False,
    "y": True,
    "n": False,
    "yes": True,
    "no": False,
    "1": True,
    "0": False,
}
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number_text(value: Any) -> str:
    """A cell's number as exact decimal text (floats from Excel via their shortest repr)."""
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, float):
        return repr(value) if "e" not in repr(value) else f"{Decimal(repr(value)):f}"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, str):
        return value.strip().replace(",", "").replace("，", "")
    raise ValueError


def _cell_date(value: Any, where: str) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        match = _DATE_TEXT.match(value.strip())
        if match:
            year, month, day = match.groups()
            text = f"{year}-{int(month):02d}-{int(day):02d}"
            parse_date(text, where)
            return text
    return parse_date(value, where).isoformat()  # raises with the usual message


def _cell_money(value: Any, where: str) -> str:
    try:
        text = _number_text(value)
    except ValueError:
        raise InputError(where, "金额应为数字（元）") from None
    return str(parse_money(text, where).quantize(FEN))


def _cell_rate(value: Any, where: str) -> str:
    try:
        text = _number_text(value)
    except ValueError:
        raise InputError(where, "利率应为小数（如 0.0345）") from None
    if text.endswith(("%", "％")):
        try:
            text = str(Decimal(text[:-1]) / 100)
        except InvalidOperation:
            raise InputError(where, f"利率“{value}”无法识别") from None
    return str(parse_rate(text, where))


def _cell_int(value: Any, where: str) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        # A cell typed as text ("12") is still a count in a workbook; JSON is stricter.
        value = value.strip()
        text = unicodedata.normalize("NFKC", value)
        if not text.isdigit():
            raise InputError(where, f"应为整数（阿拉伯数字），实为 “{value}”")
        value = int(text)
    return parse_int(value, where)


def _cell_bool(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    key = str(value).strip().lower()
    if key in _BOOL_WORDS:
        return _BOOL_WORDS[key]
    raise InputError(where, f"应填“是”或“否”，实为“{value}”")


def _cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _cell_choice(fact: Fact, value: Any, where: str) -> str:
    text = _cell_text(value)
    if text in fact.choices:
        return text
    for code in fact.choices:
        if CHOICE_LABELS.get(code) == text:
            return code
    shown = "、".join(CHOICE_LABELS.get(c, c) for c in fact.choices)
    raise InputError(where, f"应为 {shown} 之一，实为“{text}”")


def _cell_kind(value: Any, where: str) -> str:
    text = _cell_text(value)
    for kind in ApplicantKind:
        if text in (kind.value, kind.label):
            return kind.value
    shown = "、".join(k.label for k in ApplicantKind)
    raise InputError(where, f"申请人类型应为 {shown} 之一，实为“{text}”")


def _cell_size(value: Any, where: str) -> str:
    text = _cell_text(value)
    for code in SIZES:
        if text in (code, SIZE_LABELS[code], SIZE_LABELS[code] + "企业"):
            return code
    raise InputError(where, f"企业规模应为 微型、小型、中型、大型 之一，实为“{text}”")


def _cell_item(policy: Policy, value: Any, where: str) -> str:
    text = _cell_text(value)
    if text in policy.items:
        return text
    for item in policy.items.values():
        if text == item.name:
            return item.code
    raise InputError(where, f"未知资助事项“{text}”；请填「{HELP_SHEET}」事项表中的代码")


def _cell_long_digits(value: Any, where: str, what: str) -> str:
    # Excel keeps only 15 significant digits of a number: an account or phone number typed
    # into a number cell may already be wrong, so it must be retyped as text.
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise InputError(
            where,
            f"{what}须以文本格式填写（单元格设为“文本”或以英文单引号开头），以免 Excel 改动长数字",
        )
    return _cell_text(value)


# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------


@dataclass
class _Group:
    key: str
    rows: list[int] = field(default_factory=list)
    values: dict[str, tuple[Any, int]] = field(default_factory=dict)  # key → (value, row)
    claims: list[dict[str, Any]] = field(default_factory=list)
    claim_rows: list[int] = field(default_factory=list)
    failed: bool = False
    bad_keys: set[str] = field(default_factory=set)  # columns already reported as wrong


class _Collector:
    def __init__(self, columns: Sequence[Column]) -> None:
        self.errors: list[IntakeError] = []
        self.letters = {c.key: get_column_letter(i) for i, c in enumerate(columns, start=1)}
        self.titles = {c.key: c.title for c in columns}

    def add(self, row: int, key: str, message: str) -> None:
        self.errors.append(
            IntakeError(
                CLAIMS_SHEET, row, self.letters.get(key, ""), self.titles.get(key, ""), message
            )
        )


# Bounds on what an import reads (issue 14 §4): a bureau's intake is tens of applications; these
# are far above any real file and far below what exhausts a counter PC.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_DATA_ROWS = 5000
MAX_COLUMNS = 60
MAX_ERRORS = 200


class ImportCancelled(Exception):
    """The user stopped the import; nothing was registered."""


def _never() -> bool:
    return False


def workbook_problem(data: bytes) -> str | None:
    """Why a file cannot be read as an intake workbook, judged from its size and its zip
    directory alone (no sheet is parsed): in well under a second, whatever the file."""
    if len(data) > MAX_FILE_BYTES:
        return f"文件过大（{len(data) // (1024 * 1024)} MB），申请导入表不应超过 {MAX_FILE_BYTES // (1024 * 1024)} MB"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
            sheets = [n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")]
            heads = {n: archive.open(n).read(4096) for n in sheets}
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return "不是有效的 Excel 工作簿（.xlsx）：文件不是 xlsx 格式，请用本系统导出的模板填写后另存为 .xlsx"
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        return "不是有效的 Excel 工作簿（.xlsx）：缺少工作簿结构，请用本系统导出的模板填写"
    if unpacked > MAX_UNPACKED_BYTES:
        return (
            f"工作簿解压后达 {unpacked // (1024 * 1024)} MB，超出申请导入表的合理大小"
            f"（{MAX_UNPACKED_BYTES // (1024 * 1024)} MB），不予读取"
        )
    for name, head in heads.items():
        found = _DIMENSION.search(head)
        if found is None:
            continue
        last = found.group(1).decode("ascii").split(":")[-1]
        try:
            column, row = coordinate_from_string(last)
            width = column_index_from_string(column)
        except ValueError:
            continue
        if row > FIRST_DATA_ROW + MAX_DATA_ROWS or width > MAX_COLUMNS + 10:
            return (
                f"工作表 {name.rsplit('/', 1)[-1]} 的已用区域到 {last}（{row} 行 × {width} 列），"
                f"超出申请导入表的上限（{MAX_DATA_ROWS} 行 × {MAX_COLUMNS} 列）；"
                "请删除多余的行列（含看不见的格式或空格）后再导入"
            )
    return None


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')


def _read_rows(
    ws: Any, width: int, should_stop: Callable[[], bool] = _never
) -> tuple[list[tuple[int, list[Any]]], bool]:
    """The non-blank data rows, at most ``MAX_DATA_ROWS``; and whether more were found."""
    rows: list[tuple[int, list[Any]]] = []
    last = FIRST_DATA_ROW + MAX_DATA_ROWS
    for r, values in enumerate(
        ws.iter_rows(min_row=FIRST_DATA_ROW, max_row=last, max_col=width, values_only=True),
        start=FIRST_DATA_ROW,
    ):
        if r % 200 == 0 and should_stop():
            raise ImportCancelled
        cells = list(values) + [None] * (width - len(values))
        if all(_blank(v) for v in cells):
            continue
        if r == last:
            return rows, True
        rows.append((r, cells))
    return rows, False


def _group_value(column: Column, value: Any, where: str) -> Any:
    if column.kind == "date":
        return _cell_date(value, where)
    if column.kind == "credit_code":
        if not isinstance(value, str):
            raise InputError(where, "统一社会信用代码须以文本填写")
        try:
            return validate_credit_code(value)
        except IdentifierError as exc:
            raise InputError(where, str(exc)) from None
    if column.kind == "kind":
        return _cell_kind(value, where)
    if column.kind == "size":
        return _cell_size(value, where)
    if column.kind == "bool":
        return _cell_bool(value, where)
    if column.key in (
        f"{FORM_KEY}.account_number",
        f"{FORM_KEY}.handler_phone",
        f"{FORM_KEY}.attorney_phone",
    ):
        return _cell_long_digits(value, where, column.title)
    return _cell_text(value)


def _fact_value(item: Item, fact: Fact, value: Any, where: str) -> Any:
    if fact.type == "money":
        return _cell_money(value, where)
    if fact.type == "rate":
        return _cell_rate(value, where)
    if fact.type == "int":
        return _cell_int(value, where)
    if fact.type == "bool":
        return _cell_bool(value, where)
    if fact.type == "choice":
        return _cell_choice(fact, value, where)
    if fact.type == "patent":
        text = _cell_text(value)
        parse_fact(fact, text, where)  # checks; the document keeps what was typed
        return text
    text = _cell_text(value)
    parse_fact(fact, text, where)
    return text


def _header_problems(ws: Any, columns: Sequence[Column]) -> list[IntakeError]:
    problems = []
    header = next(
        ws.iter_rows(
            min_row=HEADER_ROW, max_row=HEADER_ROW, max_col=len(columns), values_only=True
        ),
        (),
    )
    header = tuple(header) + (None,) * (len(columns) - len(header))
    for i, column in enumerate(columns, start=1):
        found = header[i - 1]
        if _cell_text(found or "") != column.title:
            problems.append(
                IntakeError(
                    CLAIMS_SHEET,
                    HEADER_ROW,
                    get_column_letter(i),
                    column.title,
                    f"表头应为“{column.title}”，实为“{found or ''}”；请使用本系统导出的模板，不要增删或移动列",
                )
            )
    return problems


def _capped(errors: Sequence[IntakeError]) -> tuple[IntakeError, ...]:
    """The first ``MAX_ERRORS`` errors, then one line saying how many more there are."""
    if len(errors) <= MAX_ERRORS:
        return tuple(errors)
    more = len(errors) - MAX_ERRORS
    return (*errors[:MAX_ERRORS], IntakeError("", 0, "", "", f"另有 {more} 处错误未列出"))


def parse_intake_workbook(
    source: bytes | str | Path,
    policy: Policy,
    should_stop: Callable[[], bool] = _never,
) -> IntakeResult:
    """Read a filled-in intake workbook. All or nothing: any error, and no case is returned.

    The file is checked first (size, zip structure, used range; :func:`workbook_problem`),
    read in openpyxl's read-only mode, at most ``MAX_DATA_ROWS`` rows; errors are capped at
    ``MAX_ERRORS``. ``should_stop`` is asked every 200 rows; if it answers True,
    :class:`ImportCancelled` is raised."""
    if isinstance(source, bytes):
        data = source
    else:
        try:
            data = Path(source).read_bytes()
        except FileNotFoundError:
            return IntakeResult(errors=(IntakeError("", 0, "", "", f"找不到文件 {source}"),))
        except OSError as exc:
            return IntakeResult(
                errors=(IntakeError("", 0, "", "", f"无法读取 {source}：{exc.strerror}"),)
            )
    problem = workbook_problem(data)
    if problem is not None:
        return IntakeResult(errors=(IntakeError("", 0, "", "", problem),))
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        return IntakeResult(
            errors=(IntakeError("", 0, "", "", f"不是有效的 Excel 工作簿（.xlsx）：{exc}"),)
        )
    try:
        return _parse_sheet(wb, policy, should_stop)
    except ImportCancelled:
        raise
    except (KeyError, ValueError, TypeError, zipfile.BadZipFile) as exc:
        # A damaged sheet inside a sound zip: say so instead of a traceback.
        return IntakeResult(
            errors=(IntakeError("", 0, "", "", f"工作簿内容已损坏，无法读取：{exc}"),)
        )
    finally:
        wb.close()


def _parse_sheet(wb: Any, policy: Policy, should_stop: Callable[[], bool]) -> IntakeResult:
    if CLAIMS_SHEET not in wb.sheetnames:
        return IntakeResult(
            errors=(IntakeError(CLAIMS_SHEET, 0, "", "", f"工作簿中没有工作表「{CLAIMS_SHEET}」"),)
        )
    ws = wb[CLAIMS_SHEET]
    columns = intake_columns(policy)
    header_errors = _header_problems(ws, columns)
    if header_errors:
        return IntakeResult(errors=_capped(header_errors))

    errors = _Collector(columns)
    groups: dict[str, _Group] = {}
    data_rows, too_many = _read_rows(ws, len(columns), should_stop)
    if too_many:
        return IntakeResult(
            errors=(
                IntakeError(
                    CLAIMS_SHEET,
                    FIRST_DATA_ROW + MAX_DATA_ROWS,
                    "",
                    "",
                    f"数据超过 {MAX_DATA_ROWS} 行，超出一次导入的上限；请分成几个工作簿导入",
                ),
            )
        )
    for row, cells in data_rows:
        values = {c.key: v for c, v in zip(columns, cells, strict=True)}
        raw_key = values["group"]
        if _blank(raw_key):
            errors.add(row, "group", "缺少申请编号；同一申请的各行填写相同的编号")
            continue
        key = _cell_text(raw_key)
        group = groups.setdefault(key, _Group(key))
        group.rows.append(row)
        failed_before = len(errors.errors)
        for column in columns:
            if column.level != "group":
                continue
            value = values[column.key]
            if _blank(value):
                continue
            where = f"{column.title}"
            try:
                parsed = _group_value(column, value, where)
            except InputError as exc:
                errors.add(row, column.key, exc.problem)
                group.bad_keys.add(column.key)
                continue
            if column.key in group.values:
                earlier, earlier_row = group.values[column.key]
                if parsed != earlier:
                    errors.add(
                        row,
                        column.key,
                        f"与申请编号“{key}”第{earlier_row}行填写的“{earlier}”不一致；"
                        "同一申请的申请人信息只在第一行填写，或各行填写相同",
                    )
            else:
                group.values[column.key] = (parsed, row)
        claim = _claim_from_row(policy, columns, values, row, errors)
        if claim is not None:
            group.claims.append(claim)
            group.claim_rows.append(row)
        if len(errors.errors) > failed_before:
            group.failed = True

    cases: list[dict[str, Any]] = []
    for group in groups.values():
        for key, message in (
            ("received_on", "缺少受理日期"),
            ("applicant.name", "缺少申请人名称"),
            ("applicant.credit_code", "缺少统一社会信用代码"),
            ("applicant.kind", "缺少申请人类型"),
        ):
            if key not in group.values and key not in group.bad_keys:
                errors.add(group.rows[0], key, f"{message}（申请编号“{group.key}”的第一行必填）")
                group.failed = True
        if group.failed:
            continue
        doc = _document(policy, group)
        try:
            parse_case({k: v for k, v in doc.items() if k != FORM_KEY}, policy)
        except InputError as exc:
            row, key = _locate(exc.where, group)
            errors.add(row, key, exc.problem)
            continue
        cases.append(doc)
    if errors.errors:
        ordered = sorted(errors.errors, key=lambda e: (e.row, len(e.column), e.column))
        return IntakeResult(errors=_capped(ordered))
    return IntakeResult(cases=tuple(cases))


def _claim_from_row(
    policy: Policy,
    columns: Sequence[Column],
    values: Mapping[str, Any],
    row: int,
    errors: _Collector,
) -> dict[str, Any] | None:
    code: str | None = None
    raw_item = values["item"]
    if _blank(raw_item):
        errors.add(row, "item", "缺少资助事项代码")
    else:
        try:
            code = _cell_item(policy, raw_item, "资助事项代码")
        except InputError as exc:
            errors.add(row, "item", exc.problem)
    item = policy.items[code] if code else None
    date: str | None = None
    if _blank(values["date"]):
        errors.add(row, "date", f"缺少{item.date_label if item else '完成日期'}")
    else:
        try:
            date = _cell_date(values["date"], "完成日期")
        except InputError as exc:
            errors.add(row, "date", exc.problem)
    if item is None:
        return None  # without the item, which facts belong is unknown
    claim: dict[str, Any] = {"item": item.code}
    ok = date is not None
    if date is not None:
        claim["date"] = date
    own = {f.name: f for f in item.facts}
    for column in columns:
        if not column.key.startswith("fact."):
            continue
        name = column.fact_name
        value = values[column.key]
        fact = own.get(name)
        if fact is None:
            if not _blank(value):
                errors.add(row, column.key, f"资助事项“{item.name}”不填此项，请清空")
                ok = False
            continue
        if _blank(value):
            if fact.required:
                errors.add(row, column.key, f"资助事项“{item.name}”须填写“{fact.label}”")
                ok = False
            continue
        try:
            claim[name] = _fact_value(item, fact, value, fact.label)
        except InputError as exc:
            errors.add(row, column.key, exc.problem)
            ok = False
    return claim if ok else None


def _document(policy: Policy, group: _Group) -> dict[str, Any]:
    v = {k: value for k, (value, _) in group.values.items()}
    applicant: dict[str, Any] = {}
    form: dict[str, Any] = {}
    for key, value in v.items():
        if key.startswith("applicant."):
            applicant[key.removeprefix("applicant.")] = value
        elif key.startswith(f"{FORM_KEY}."):
            form[key.removeprefix(f"{FORM_KEY}.")] = value
    doc: dict[str, Any] = {
        "policy": policy.id,
        "id": group.key,
        "received_on": v["received_on"],
        "applicant": applicant,
        "claims": group.claims,
    }
    if form:
        doc[FORM_KEY] = form
    return doc


_CLAIM_PATH = re.compile(r"^claims\[(\d+)\](?:\.(\w+))?")


def _locate(where: str, group: _Group) -> tuple[int, str]:
    """The row and column key of a parse_case error path such as ``claims[1].patent``."""
    match = _CLAIM_PATH.match(where)
    if match:
        index = int(match.group(1))
        row = group.claim_rows[index] if index < len(group.claim_rows) else group.rows[0]
        name = match.group(2)
        if name in (None, "item"):
            return row, "item"
        return row, "date" if name == "date" else f"fact.{name}"
    if where.startswith("applicant."):
        key = f"applicant.{where.split('.', 1)[1]}"
        return group.values.get(key, (None, group.rows[0]))[1], key
    if where == "received_on":
        return group.rows[0], "received_on"
    return group.rows[0], "group"


def import_intake_workbook(
    source: bytes | str | Path,
    policy: Policy,
    save: Callable[[Sequence[dict[str, Any]]], None],
    should_stop: Callable[[], bool] = _never,
) -> IntakeResult:
    """Parse the workbook and, only if it has no error at all, pass every case to ``save``.

    ``save`` is the records layer's (it registers the cases in one transaction); it is never
    called with part of a file.
    """
    result = parse_intake_workbook(source, policy, should_stop)
    if result.ok and result.cases:
        save(list(result.cases))
    return result


# ---------------------------------------------------------------------------
# Writing: the template and the export
# ---------------------------------------------------------------------------

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_GROUP_FILL = PatternFill("solid", fgColor="DDEBF7")
_CLAIM_FILL = PatternFill("solid", fgColor="FCE4D6")
_TEMPLATE_ROWS = 200  # rows prepared with formats and drop-down lists


def intake_template(policy: Policy) -> bytes:
    """An empty intake workbook for this policy."""
    return intake_workbook(policy, ())


def intake_workbook(policy: Policy, cases: Sequence[Mapping[str, Any]]) -> bytes:
    """The intake workbook filled with CASE documents (with ``form`` extras): the export that
    :func:`parse_intake_workbook` reads back to the same documents."""
    columns = intake_columns(policy)
    wb = Workbook()
    ws: Worksheet = wb.active
    ws.title = CLAIMS_SHEET
    for i, column in enumerate(columns, start=1):
        cell = ws.cell(row=HEADER_ROW, column=i, value=column.title)
        cell.font = Font(name="黑体", size=10)
        cell.fill = _GROUP_FILL if column.level == "group" else _CLAIM_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = column.width
    ws.row_dimensions[HEADER_ROW].height = 45
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=4)

    row = FIRST_DATA_ROW
    for doc in cases:
        for n, claim in enumerate(doc.get("claims", [])):
            _write_claim_row(ws, columns, row, doc, claim, first=n == 0)
            row += 1
    last = max(row, FIRST_DATA_ROW + _TEMPLATE_ROWS)
    _formats(ws, columns, last)
    _validations(ws, columns, policy, last)
    _help_sheet(wb, policy, columns)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _write_claim_row(
    ws: Worksheet,
    columns: Sequence[Column],
    row: int,
    doc: Mapping[str, Any],
    claim: Mapping[str, Any],
    *,
    first: bool,
) -> None:
    applicant = doc.get("applicant", {})
    form = doc.get(FORM_KEY, {})
    for i, column in enumerate(columns, start=1):
        value: Any = None
        if column.key == "group":
            value = str(doc.get("id", ""))
        elif column.level == "group" and first:
            if column.key == "received_on":
                value = dt.date.fromisoformat(str(doc["received_on"]))
            elif column.key.startswith("applicant."):
                value = applicant.get(column.key.removeprefix("applicant."))
                if column.kind == "kind" and value is not None:
                    value = ApplicantKind(value).label
                elif column.kind == "size" and value is not None:
                    value = SIZE_LABELS[value]
            else:
                value = form.get(column.key.removeprefix(f"{FORM_KEY}."))
        elif column.key == "item":
            value = claim.get("item")
        elif column.key == "date":
            value = dt.date.fromisoformat(str(claim["date"]))
        elif column.key.startswith("fact."):
            value = claim.get(column.fact_name)
            if value is not None:
                value = _export_fact(column, value)
        if isinstance(value, bool):
            value = "是" if value else "否"
        put(ws, row, i, value)


def _export_fact(column: Column, value: Any) -> Any:
    if column.kind in ("money", "rate"):
        return Decimal(str(value))
    if column.kind == "choice":
        return CHOICE_LABELS.get(str(value), value)
    return value


def _formats(ws: Worksheet, columns: Sequence[Column], last: int) -> None:
    formats = {"date": "yyyy-mm-dd", "money": "#,##0.00", "rate": "0.0000####", "int": "0"}
    for i, column in enumerate(columns, start=1):
        fmt = formats.get(column.kind, "@")
        for r in range(FIRST_DATA_ROW, last + 1):
            cell = ws.cell(row=r, column=i)
            cell.number_format = fmt
            cell.font = Font(name="宋体", size=10)


def _validations(ws: Worksheet, columns: Sequence[Column], policy: Policy, last: int) -> None:
    lists: dict[str, list[str]] = {
        "kind": [k.label for k in ApplicantKind],
        "size": [SIZE_LABELS[s] for s in SIZES],
        "bool": ["是", "否"],
        "item": list(policy.items),
    }
    for i, column in enumerate(columns, start=1):
        options = lists.get(column.kind)
        if column.kind == "choice" and column.facts:
            options = [CHOICE_LABELS.get(c, c) for c in column.facts[0].choices]
        if not options:
            continue
        formula = '"' + ",".join(options) + '"'
        if len(formula) > 255:  # Excel's limit for a list written in the rule itself
            continue
        # Advisory only: the importer checks every value and says what is wrong.
        dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=False)
        letter = get_column_letter(i)
        dv.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last}")
        ws.add_data_validation(dv)


def _help_sheet(wb: Workbook, policy: Policy, columns: Sequence[Column]) -> None:
    ws = wb.create_sheet(HELP_SHEET)
    bold = Font(name="黑体", size=11)
    normal = Font(name="宋体", size=10)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 34
    ws.column_dimensions["C"].width = 14
    ws.column_dimensions["D"].width = 70
    r = 1
    intro = [
        f"{policy.title}申请导入表（{policy.id}，版本{policy.version}）",
        "每一行是一个资助事项；同一申请的各行填写相同的「申请编号」。申请人信息（浅蓝色表头的列）"
        "在每件申请的第一行填写，其余行可空，或填写完全相同的内容。",
        "导入时逐格检查：只要有一处错误，整个文件都不导入，并列出全部错误（工作表、行、列和原因）。",
        "银行账号、电话、统一社会信用代码、专利号请以文本填写（本模板已将这些列设为文本格式）。",
    ]
    for line in intro:
        ws.cell(row=r, column=1, value=line).font = bold if r == 1 else normal
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        ws.cell(row=r, column=1).alignment = wrap
        ws.row_dimensions[r].height = 18 if r == 1 else 30
        r += 1
    r += 1
    for c, title in enumerate(("列", "表头", "填写层级", "说明"), start=1):
        ws.cell(row=r, column=c, value=title).font = bold
    r += 1
    for i, column in enumerate(columns, start=1):
        level = "申请（第一行）" if column.level == "group" else "每行（事项）"
        for c, value in enumerate(
            (get_column_letter(i), column.title, level, column.help), start=1
        ):
            cell = ws.cell(row=r, column=c, value=value)
            cell.font = normal
            cell.alignment = wrap
        r += 1
    r += 1
    for c, title in enumerate(
        ("事项代码", "事项名称", "完成日期指", "须填写的列（* 为必填）"), start=1
    ):
        ws.cell(row=r, column=c, value=title).font = bold
    r += 1
    for item in policy.items.values():
        facts = (
            "；".join(
                f"{'*' if f.required else ''}{f.label}" + ("（审核人员填写）" if f.reviewer else "")
                for f in item.facts
            )
            or "（无）"
        )
        for c, value in enumerate((item.code, item.name, item.date_label, facts), start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.font = normal
            cell.alignment = wrap
        r += 1
