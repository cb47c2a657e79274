"""One application's facts, parsed and validated from the CASE document of the calc contract.

Everything a person or a file can get wrong is checked here, at the edge, so that the rules
never see bad data. Each refusal is an :class:`InputError` naming where (``claims[1].patent``)
and what to fix, in Chinese.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal, cast

from core.identifiers import IdentifierError, normalize_patent_number, validate_credit_code
from core.money import MAX_CAPITALS_AMOUNT, bad_character
from core.policy.model import ApplicantKind, Fact, FactValue, Item, Policy
from core.textwidth import half_width

Size = Literal["micro", "small", "medium", "large"]
SIZES: tuple[Size, ...] = ("micro", "small", "medium", "large")
SIZE_LABELS: dict[str, str] = {"micro": "微型", "small": "小型", "medium": "中型", "large": "大型"}
SME_SIZES: frozenset[str] = frozenset({"micro", "small", "medium"})

# Grounds that only a person can decide at the counter (五(一)2(1)(2)); the rest come from
# dates and the applicant's recorded flags.
INTAKE_FINDINGS = ("out_of_scope", "incomplete_materials")

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONEY_RE = re.compile(r"^\d+(\.\d{1,2})?$")


class InputError(ValueError):
    """Bad input. ``where`` is a path like ``claims[0].patent``; ``str()`` is one line."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}：{problem}" if where else problem)


#: The applicant's person-checked grounds for refusal (五(一)2(3)(4)(6)), as the calc
#: contract, the records and the intake workbook name them.
APPLICANT_FLAGS = ("dishonest_debtor", "ownership_dispute", "major_accident_3y")
#: Where a clerk looks each one up (issue 20 §5): the 核查来源 a finding should cite.
FLAG_SOURCES = {
    "dishonest_debtor": "中国执行信息公开网（失信被执行人查询）",
    "ownership_dispute": "专利登记簿副本、申请人权属无争议声明",
    "major_accident_3y": "应急管理、生态环境、市场监管部门的事故和处罚记录",
}


@dataclass(frozen=True, slots=True)
class Applicant:
    name: str
    credit_code: str
    kind: ApplicantKind
    size: Size | None = None
    dishonest_debtor: bool = False
    ownership_dispute: bool = False
    major_accident_3y: bool = False

    @property
    def is_sme(self) -> bool:
        return self.size in SME_SIZES

    def flag(self, name: str) -> bool:
        return bool(getattr(self, name))


@dataclass(frozen=True, slots=True)
class PriorAward:
    """Money already paid to this applicant (any programme year), counted toward caps."""

    item: str
    amount: Decimal
    months: int = 0
    # Where it was awarded, e.g. 「璧市监专转〔2024〕第031号（审核通过，未拨付）」: the
    # explanation names the other application that holds part of a cap (issue 13 §2).
    reference: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """One claimed item. ``facts`` are as :func:`parse_fact` leaves them: patent numbers
    checked and normalised (the rules rely on that and do not parse them again)."""

    item: str
    date: dt.date
    facts: Mapping[str, FactValue] = field(default_factory=dict)

    def fact(self, name: str) -> FactValue | None:
        return self.facts.get(name)


@dataclass(frozen=True, slots=True)
class SettledClaim:
    """A claim of the same applicant in another application of the same programme (open,
    approved or paid), on the same patent or product: best-of holds across applications."""

    item: str
    key: str
    amount: Decimal
    reference: str


@dataclass(frozen=True, slots=True)
class CaseInput:
    policy_id: str
    received_on: dt.date
    applicant: Applicant
    claims: tuple[Claim, ...]
    prior_awards: tuple[PriorAward, ...] = ()
    intake_findings: tuple[str, ...] = ()
    id: str = ""
    settled: tuple[SettledClaim, ...] = ()
    # Contracts whose per-contract bonus another live application of the enterprise already
    # holds: (normalised contract number, that application's reference).
    bonus_contracts: tuple[tuple[str, str], ...] = ()


def loads_json(text: str) -> Any:
    """JSON with exact numbers: decimals become Decimal (never float); NaN and duplicates refused."""

    def no_constant(name: str) -> Any:
        raise InputError("", f"JSON 中不允许 {name}")

    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise InputError("", f"JSON 对象中键“{key}”重复")
            result[key] = value
        return result

    try:
        return json.loads(
            text, parse_float=Decimal, parse_constant=no_constant, object_pairs_hook=unique
        )
    except json.JSONDecodeError as exc:
        raise InputError(
            "", f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
        ) from None
    except InputError:
        raise
    # Malformed input too, though json reports it otherwise: nesting deeper than the
    # interpreter's recursion limit, or an integer of more than 4300 digits.
    except RecursionError:
        raise InputError("", "不是有效的 JSON（数组或对象嵌套过深）") from None
    except ValueError as exc:
        raise InputError("", f"不是有效的 JSON（{exc}）") from None


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(where, "应为 JSON 对象 {…}")
    return value


def _check_keys(obj: Mapping[str, Any], where: str, allowed: Sequence[str]) -> None:
    for key in obj:
        if key not in allowed:
            prefix = f"{where}." if where else ""
            raise InputError(f"{prefix}{key}", f"不认识的字段；可用字段：{'、'.join(allowed)}")


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


# A batch's dates are a year's worth of days, each written many times.
@lru_cache(maxsize=4096)
def _iso_date(text: str) -> dt.date | str:
    """The date, or what is wrong with the text (the problem of an InputError)."""
    if not _DATE_RE.match(text.strip()):
        return f"日期应写成 YYYY-MM-DD（如 2024-03-15），实为 {_show(text)}"
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return f"日期“{text}”不存在"


def parse_date(value: Any, where: str) -> dt.date:
    if not isinstance(value, str):
        raise InputError(where, f"日期应写成 YYYY-MM-DD（如 2024-03-15），实为 {_show(value)}")
    date = _iso_date(value)
    if isinstance(date, str):
        raise InputError(where, date)
    return date


def parse_money(value: Any, where: str) -> Decimal:
    """A non-negative amount in yuan with at most two decimals, as text or an exact JSON number."""
    if isinstance(value, bool | float):
        raise InputError(where, f'金额应写成文本（如 "15000.00"），实为 {_show(value)}')
    if isinstance(value, int | Decimal):
        text = str(value)
    elif isinstance(value, str):
        text = half_width(value.strip()).replace(",", "")
    else:
        raise InputError(where, f'金额应写成文本（如 "15000.00"），实为 {_show(value)}')
    if text.startswith("-"):
        raise InputError(where, f"金额不能为负数：{value}")
    if not _MONEY_RE.match(text):
        # Say where: the clerk looks for the slip in a long number (issue 20 §3).
        at = bad_character(text, "0123456789.")
        detail = f"{at}；" if at else ""
        raise InputError(where, f"金额“{value}”无效：{detail}应为不带单位的元数，最多两位小数")
    amount = Decimal(text)
    # Every amount may end up on a form in capitals (附件2「资助合计」), which stop below
    # one trillion yuan; nothing in this programme comes near that, so it is a typing slip.
    if amount > MAX_CAPITALS_AMOUNT:
        raise InputError(where, f"金额“{value}”过大：应小于1万亿元，请核对是否多输了数字")
    return amount


@dataclass(frozen=True)
class RateReading:
    """A typed annual rate, read as a fraction (0.0435), and how it was read."""

    rate: Decimal
    # 「4.35」 with no % sign: read as 4.35 %, which the desk has the clerk confirm once.
    percent_assumed: bool = False

    @property
    def echo(self) -> str:
        """「即年利率 4.35%」: what the clerk compares with the loan contract."""
        return f"即年利率 {percent_text(self.rate)}"


def percent_text(rate: Decimal) -> str:
    """0.0435 → 「4.35%」."""
    return f"{(rate * 100).normalize():f}%"


def read_rate(text: str, where: str = "") -> RateReading:
    """An annual rate as printed on a contract: 「4.35%」, 「0.0435」, or 「4.35」 (a number of
    1 or more is a percentage: no loan rate is 100 % or more). Full-width characters and
    spaces are allowed; anything else is refused with the position of the bad character."""
    raw = half_width("".join(text.split()))
    percent = raw.endswith("%")
    number = raw.removesuffix("%")
    if not number:
        raise InputError(where, "请填写年利率，如 4.35% 或 0.0435")
    at = bad_character(number, "0123456789.")
    if at is not None or number.count(".") > 1 or number in (".",):
        raise InputError(
            where, f"利率“{text.strip()}”无效：{at or '小数点多了'}；应写成 4.35% 或 0.0435"
        )
    value = Decimal(number)
    assumed = not percent and value >= 1
    rate = value / 100 if percent or assumed else value
    if rate <= 0:
        raise InputError(where, f"利率须大于0，实为 {text.strip()}")
    if rate >= 1:
        raise InputError(where, f"年利率 {percent_text(rate)} 不可能：请核对合同")
    return RateReading(rate, assumed)


def parse_rate(value: Any, where: str) -> Decimal:
    """The CASE contract's rate: a decimal text (「0.0345」) or a percentage with its sign
    (「3.45%」). A bare 「3.45」 is refused here: a file gets no chance to confirm it."""
    if isinstance(value, bool | float):
        raise InputError(where, f'利率应写成文本小数（如 "0.0345"），实为 {_show(value)}')
    if isinstance(value, int | Decimal):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(where, f'利率应写成文本小数（如 "0.0345"），实为 {_show(value)}')
    reading = read_rate(value, where)
    if reading.percent_assumed:
        raise InputError(where, f"利率应为小数形式（3.45% 写作 0.0345），实为 {value}")
    return reading.rate


def parse_int(value: Any, where: str) -> int:
    if isinstance(value, bool):
        raise InputError(where, f"应为整数，实为 {_show(value)}")
    if isinstance(value, int):
        number = value
    elif (
        isinstance(value, Decimal)
        and value.is_finite()
        and value == value.to_integral_value()
        # 1e3 is a JSON float that happens to be whole; an exponent is never how a count of
        # months or enterprises is written, and 1e400 would pass as a term of months.
        and cast(int, value.as_tuple().exponent) <= 0
    ):
        number = int(value)
    elif isinstance(value, str):
        # A count written in quotes is refused like a money amount given as a float: the
        # contract is one form per kind of value, so a slip shows at once.
        raise InputError(where, f"应为不加引号的整数（如 12），实为文本 {_show(value)}")
    else:
        raise InputError(where, f"应为整数，实为 {_show(value)}")
    if number < 0:
        raise InputError(where, f"不能为负数：{number}")
    return number


def parse_bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise InputError(where, f"应为 true 或 false，实为 {_show(value)}")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(where, f"应为非空文本，实为 {_show(value)}")
    return value.strip()


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"“{value}”"
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False, default=str)


def parse_fact(fact: Fact, value: Any, where: str) -> FactValue:
    if fact.type == "patent":
        if not isinstance(value, str):
            raise InputError(where, f"专利号应为文本，实为 {_show(value)}")
        try:
            return normalize_patent_number(value)
        except IdentifierError as exc:
            raise InputError(where, str(exc)) from None
    if fact.type == "money":
        return parse_money(value, where)
    if fact.type == "rate":
        return parse_rate(value, where)
    if fact.type == "int":
        return parse_int(value, where)
    if fact.type == "bool":
        return parse_bool(value, where)
    if fact.type == "choice":
        if value not in fact.choices:
            raise InputError(where, f"应为 {'、'.join(fact.choices)} 之一，实为 {_show(value)}")
        return cast(str, value)
    return _text(value, where)


def parse_claim(raw: Any, where: str, policy: Policy) -> Claim:
    obj = _obj(raw, where)
    if "item" not in obj:
        raise InputError(_at(where, "item"), "缺少资助事项代码")
    code = obj["item"]
    if not isinstance(code, str) or code not in policy.items:
        raise InputError(
            _at(where, "item"),
            f"未知资助事项 {_show(code)}；{policy.id} 的事项有：{'、'.join(policy.items)}",
        )
    item: Item = policy.items[code]
    _check_keys(obj, where, item.claim_keys)
    if "date" not in obj:
        raise InputError(_at(where, "date"), f"缺少{item.date_label}")
    facts: dict[str, FactValue] = {}
    # Each value is parsed with its own key for ``where``, and the claim's place is put in
    # front only when one is refused: a batch parses ~100,000 values and refuses none.
    try:
        date = parse_date(obj["date"], "date")
        for fact in item.facts:
            value = obj.get(fact.name)
            if value is None:
                if fact.required:
                    raise InputError(fact.name, f"缺少“{fact.label}”")
                if fact.type == "bool":
                    facts[fact.name] = False  # a reviewer flag not yet set: not yet recognised
                continue
            facts[fact.name] = parse_fact(fact, value, fact.name)
        _check_bounds(item, facts, policy)
    except InputError as exc:
        raise InputError(_at(where, exc.where), exc.problem) from None
    return Claim(item=code, date=date, facts=facts)


def _check_bounds(item: Item, facts: Mapping[str, FactValue], policy: Policy) -> None:
    """The bounds the policy declares for input (issue 13 §4; reading ``input_limits``): a
    loan of 10^18 months or 24 subsidised months of a 12-month loan is a typing slip, refused
    before anything computes, not a claim found ineligible."""
    for fact in item.facts:
        value = facts.get(fact.name)
        if isinstance(value, Decimal) and fact.type == "money" and value > policy.amount_limit:
            raise InputError(
                fact.name,
                f"“{fact.label}”{value}元超过录入上限{policy.amount_limit:,}元，请核对是否多输了数字",
            )
        if not isinstance(value, int) or isinstance(value, bool):
            continue
        if fact.minimum is not None and value < fact.minimum:
            raise InputError(fact.name, f"“{fact.label}”应不少于{fact.minimum}，实为{value}")
        if fact.maximum is not None and value > fact.maximum:
            raise InputError(fact.name, f"“{fact.label}”应不超过{fact.maximum}，实为{value}")
        bound = facts.get(fact.at_most) if fact.at_most else None
        if isinstance(bound, int) and value > bound:
            other = item.fact(fact.at_most or "")
            raise InputError(
                fact.name, f"“{fact.label}”{value}不能多于“{other.label}”{bound}，请核对"
            )
        months = item.params.max_months
        if fact.name == "interest_months" and months is not None and value > months:
            raise InputError(
                fact.name,
                f"“{fact.label}”{value}超过贴息期限上限{months}个月（{item.clause}），请核对",
            )


def parse_applicant(raw: Any, where: str = "applicant") -> Applicant:
    obj = _obj(raw, where)
    flags = APPLICANT_FLAGS
    _check_keys(obj, where, ["name", "credit_code", "kind", "size", *flags])
    for key in ("name", "credit_code", "kind"):
        if key not in obj:
            raise InputError(_at(where, key), "缺少此项")
    name = _text(obj["name"], _at(where, "name"))
    if not isinstance(obj["credit_code"], str):
        raise InputError(_at(where, "credit_code"), "统一社会信用代码应为文本")
    try:
        credit_code = validate_credit_code(obj["credit_code"])
    except IdentifierError as exc:
        raise InputError(_at(where, "credit_code"), str(exc)) from None
    try:
        kind = ApplicantKind(obj["kind"])
    except ValueError:
        allowed = "、".join(k.value for k in ApplicantKind)
        raise InputError(
            _at(where, "kind"), f"应为 {allowed} 之一，实为 {_show(obj['kind'])}"
        ) from None
    size = obj.get("size")
    if size is not None and size not in SIZES:
        raise InputError(_at(where, "size"), f"应为 {'、'.join(SIZES)} 之一，实为 {_show(size)}")
    return Applicant(
        name=name,
        credit_code=credit_code,
        kind=kind,
        size=cast("Size | None", size),
        **{flag: parse_bool(obj.get(flag, False), _at(where, flag)) for flag in flags},
    )


def parse_prior_award(raw: Any, where: str, policy: Policy) -> PriorAward:
    obj = _obj(raw, where)
    _check_keys(obj, where, ["item", "amount", "months", "reference"])
    code = obj.get("item")
    if not isinstance(code, str) or code not in policy.items:
        raise InputError(_at(where, "item"), f"未知资助事项 {_show(code)}")
    if "amount" not in obj:
        raise InputError(_at(where, "amount"), "缺少金额")
    reference = obj.get("reference", "")
    if not isinstance(reference, str) or len(reference) > 200:
        raise InputError(_at(where, "reference"), "应为不超过200字的文本（所在申请的编号）")
    return PriorAward(
        item=code,
        amount=parse_money(obj["amount"], _at(where, "amount")),
        months=parse_int(obj.get("months", 0), _at(where, "months")),
        reference=reference.strip(),
    )


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(where, "应为 JSON 数组 […]")
    return value


CASE_KEYS = ("policy", "received_on", "applicant", "prior_awards", "claims", "intake", "id")


def parse_case(raw: Any, policy: Policy, where: str = "") -> CaseInput:
    """Parse one CASE document (the policy has already been chosen by the caller)."""
    obj = _obj(raw, where)
    _check_keys(obj, where, CASE_KEYS)
    if "received_on" not in obj:
        raise InputError(_at(where, "received_on"), "缺少受理日期")
    if "applicant" not in obj:
        raise InputError(_at(where, "applicant"), "缺少申请人")
    if "claims" not in obj:
        raise InputError(_at(where, "claims"), "缺少资助事项列表")
    findings: list[str] = []
    if "intake" in obj:
        intake = _obj(obj["intake"], _at(where, "intake"))
        _check_keys(intake, _at(where, "intake"), INTAKE_FINDINGS)
        findings = [
            code
            for code in INTAKE_FINDINGS
            if parse_bool(intake.get(code, False), _at(where, f"intake.{code}"))
        ]
    case_id = obj.get("id", "")
    if not isinstance(case_id, str):
        case_id = _text(str(case_id), _at(where, "id"))
    return CaseInput(
        policy_id=policy.id,
        received_on=parse_date(obj["received_on"], _at(where, "received_on")),
        applicant=parse_applicant(obj["applicant"], _at(where, "applicant")),
        claims=_parse_claims(_list(obj["claims"], _at(where, "claims")), where, policy),
        prior_awards=tuple(
            parse_prior_award(p, f"{_at(where, 'prior_awards')}[{i}]", policy)
            for i, p in enumerate(_list(obj.get("prior_awards", []), _at(where, "prior_awards")))
        ),
        intake_findings=tuple(findings),
        id=case_id,
    )


def _parse_claims(raw: list[Any], where: str, policy: Policy) -> tuple[Claim, ...]:
    claims = []
    # As in parse_claim: the path is written out only for the claim that is refused.
    for i, c in enumerate(raw):
        try:
            claims.append(parse_claim(c, "", policy))
        except InputError as exc:
            at = f"{_at(where, 'claims')}[{i}]"
            raise InputError(f"{at}.{exc.where}" if exc.where else at, exc.problem) from None
    return tuple(claims)


def policy_id_of(raw: Any, where: str = "") -> str:
    obj = _obj(raw, where)
    if "policy" not in obj:
        raise InputError(_at(where, "policy"), '缺少政策代码（如 "bishan-2024"）')
    policy_id = obj["policy"]
    if not isinstance(policy_id, str) or not policy_id.strip():
        raise InputError(_at(where, "policy"), f"政策代码应为文本，实为 {_show(policy_id)}")
    return policy_id.strip()
