"""Read and validate a programme policy file.

Every key is checked: an unknown or misspelt key is an error, never silently ignored
(OpenFisca's lesson), and each error names the file, the key path and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tomllib
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any, cast, get_args

from core.paths import policies_dir
from core.policy.model import (
    CONDITION_OPS,
    FACT_TYPES,
    RULE_KINDS,
    ApplicantKind,
    Cap,
    Condition,
    Fact,
    FactValue,
    Item,
    Material,
    Policy,
    Reading,
    RejectionGround,
    RuleKind,
    RuleParams,
    StackingGroup,
    Target,
    Tier,
)
from core.policy.prose import ProseMismatch, prose_mismatches, with_lines

SCHEMA_VERSION = 1

# Which parameters each calculation reads from its item table, and whether each is required.
_RULE_PARAMS: dict[RuleKind, dict[str, bool]] = {
    "per_unit": {"rate": True},
    "per_unit_with_bonus": {
        "rate": True,
        "bonus_threshold": True,
        "bonus_rate": True,
        "bonus_cap": True,
        "bonus_fact": True,
        "bonus_per": False,
    },
    "interest_subsidy": {"max_months": True, "long_term_after_months": True},
    "fee_share": {"share": True, "fee_facts": True},
    "approved_amount": {"amount_fact": True},
    "ranking": {"rank_by": True, "rank_awards": True},
    "tiers": {"tier_fact": True, "tiers": True},
    "actual_cost": {"cost_fact": True, "per_event_cap": True},
}
_ALL_RULE_PARAMS = {name for params in _RULE_PARAMS.values() for name in params}
assert set(get_args(RuleKind)) == set(_RULE_PARAMS)

# Facts the interest calculation reads by name; the policy must declare them.
_INTEREST_FACTS = ("annual_rate", "term_months", "interest_months", "interest_paid")


class PolicyError(ValueError):
    """A policy file that cannot be used. ``str()`` names the file, the key and the problem."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file = file
        self.key = key
        self.problem = problem
        super().__init__(f"政策文件 {file}：{key or '（文件）'}：{problem}")


class PolicyProseError(PolicyError):
    """Prose that restates a number the values do not bear out; ``mismatches`` has them all."""

    def __init__(self, file: str, mismatches: list[ProseMismatch]) -> None:
        self.mismatches = mismatches
        lines = "".join(f"\n  {m}" for m in mismatches)
        super().__init__(
            file,
            mismatches[0].key,
            f"文字与数值不符 {len(mismatches)} 处，请改写文字或数值，使两者一致：{lines}",
        )


class TableReader:
    """A TOML table being read, remembering its path and which keys were consumed."""

    def __init__(self, file: str, path: str, data: Any) -> None:
        if not isinstance(data, dict):
            raise PolicyError(file, path, "应为表（键值对）")
        self.file = file
        self.path = path
        self.data: dict[str, Any] = data
        self.seen: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def error(self, name: str, problem: str) -> PolicyError:
        return PolicyError(self.file, self.key(name), problem)

    def raw(self, name: str, required: bool = True) -> Any:
        self.seen.add(name)
        if name not in self.data:
            if required:
                raise self.error(name, "缺少此项")
            return None
        return self.data[name]

    def text(self, name: str, required: bool = True, default: str = "") -> str:
        value = self.raw(name, required)
        if value is None:
            return default
        if not isinstance(value, str):
            raise self.error(name, f"应为文本，实为 {value!r}")
        if required and not value.strip() and name not in ("remark",):
            raise self.error(name, "不能为空")
        return value

    def opt_str(self, name: str) -> str | None:
        value = self.raw(name, required=False)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(name, f"应为非空文本，实为 {value!r}")
        return value

    def integer(self, name: str, required: bool = True) -> int | None:
        value = self.raw(name, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(name, f"应为整数，实为 {value!r}")
        if value < 0:
            raise self.error(name, f"不能为负数：{value}")
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.raw(name, required=False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(name, f"应为 true 或 false，实为 {value!r}")
        return value

    def date(self, name: str) -> dt.date:
        value = self.raw(name)
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise self.error(name, f"应为日期（如 2024-11-22），实为 {value!r}")
        return value

    def decimal(self, name: str, required: bool = True) -> Decimal | None:
        value = self.raw(name, required)
        if value is None:
            return None
        return _to_decimal(
            value, self.error(name, f'应为写成文本的数（如 "10000.00"），实为 {value!r}')
        )

    def str_list(self, name: str, required: bool = True) -> tuple[str, ...]:
        value = self.raw(name, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(name, f"应为文本列表，实为 {value!r}")
        return tuple(value)

    def tables(self, name: str, required: bool = True) -> Iterator[TableReader]:
        value = self.raw(name, required)
        if value is None:
            return
        if not isinstance(value, list):
            raise self.error(name, "应为表的列表（[[...]]）")
        for i, entry in enumerate(value):
            yield TableReader(self.file, f"{self.key(name)}[{i}]", entry)

    def table(self, name: str) -> TableReader:
        return TableReader(self.file, self.key(name), self.raw(name))

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            raise self.error(unknown[0], "未知的键（拼写错误？本系统不认识此项，不会忽略它）")


def _to_decimal(value: Any, error: PolicyError) -> Decimal:
    # Floats are refused on purpose: 0.1 in a TOML float is not 0.1, and money must be exact.
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise error
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise error from None
    if not number.is_finite() or number < 0:
        raise error
    return number


def _fact(t: TableReader) -> Fact:
    fact_type = t.text("type")
    if fact_type not in FACT_TYPES:
        raise t.error("type", f"未知类型“{fact_type}”，可用：{'、'.join(FACT_TYPES)}")
    choices = t.str_list("choices", required=False)
    if fact_type == "choice" and not choices:
        raise t.error("choices", "选择类事实须列出可选值")
    fact = Fact(
        name=t.text("name"),
        type=fact_type,
        label=t.text("label"),
        required=t.flag("required", default=True),
        choices=choices,
        reviewer=t.flag("reviewer"),
        minimum=t.integer("min", required=False),
        maximum=t.integer("max", required=False),
        at_most=t.opt_str("at_most"),
    )
    if (fact.minimum is not None or fact.maximum is not None or fact.at_most) and (
        fact_type != "int"
    ):
        raise t.error("type", "min、max、at_most 只用于整数类事实")
    if fact.minimum is not None and fact.maximum is not None and fact.minimum > fact.maximum:
        raise t.error("max", f"上限 {fact.maximum} 小于下限 {fact.minimum}")
    t.done()
    return fact


def _condition(t: TableReader, facts: dict[str, Fact]) -> Condition:
    fact_name = t.text("fact")
    if fact_name not in facts:
        raise t.error("fact", f"“{fact_name}”不是本事项声明的事实")
    fact = facts[fact_name]
    op = t.text("op")
    if op not in CONDITION_OPS:
        raise t.error("op", f"未知比较“{op}”，可用：{'、'.join(CONDITION_OPS)}")
    value: FactValue | tuple[str, ...] | None
    raw = t.raw("value", required=op != "invention")
    if op == "invention":
        if fact.type != "patent":
            raise t.error("op", "invention 只能用于专利号")
        value = None
    elif op == "in":
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            raise t.error("value", "in 的值应为文本列表")
        unknown = [v for v in raw if fact.choices and v not in fact.choices]
        if unknown:
            raise t.error("value", f"“{unknown[0]}”不在事实 {fact_name} 的可选值中")
        value = tuple(raw)
    elif op == "eq":
        if fact.type == "bool" and not isinstance(raw, bool):
            raise t.error("value", "布尔事实的比较值应为 true 或 false")
        value = cast(FactValue, raw)
    else:  # ge
        if fact.type not in ("int", "money", "rate"):
            raise t.error("op", "ge 只能用于数值事实")
        value = _to_decimal(raw, t.error("value", f"应为非负数，实为 {raw!r}"))
    condition = Condition(
        fact=fact_name,
        op=op,
        value=value,
        clause=t.text("clause"),
        message=t.text("message"),
    )
    t.done()
    return condition


def _rule_params(t: TableReader, rule: RuleKind, facts: dict[str, Fact]) -> RuleParams:
    wanted = _RULE_PARAMS[rule]
    for name in _ALL_RULE_PARAMS - set(wanted):
        if name in t.data:
            raise t.error(name, f"计算方式 {rule} 不使用此参数")

    def need(name: str) -> bool:
        return wanted.get(name, False)

    def fact_ref(name: str) -> str | None:
        value = t.text(name, required=need(name)) if name in wanted else None
        if value and value not in facts:
            raise t.error(name, f"“{value}”不是本事项声明的事实")
        return value or None

    params = RuleParams(
        rate=t.decimal("rate", need("rate")) if "rate" in wanted else None,
        bonus_threshold=t.decimal("bonus_threshold") if "bonus_threshold" in wanted else None,
        bonus_rate=t.decimal("bonus_rate") if "bonus_rate" in wanted else None,
        bonus_cap=t.decimal("bonus_cap") if "bonus_cap" in wanted else None,
        bonus_fact=fact_ref("bonus_fact"),
        bonus_per=fact_ref("bonus_per"),
        max_months=t.integer("max_months") if "max_months" in wanted else None,
        long_term_after_months=(
            t.integer("long_term_after_months") if "long_term_after_months" in wanted else None
        ),
        share=t.decimal("share") if "share" in wanted else None,
        fee_facts=t.str_list("fee_facts") if "fee_facts" in wanted else (),
        amount_fact=fact_ref("amount_fact"),
        rank_by=t.str_list("rank_by") if "rank_by" in wanted else (),
        rank_awards=(
            tuple(
                _to_decimal(v, t.error("rank_awards", f"应为金额文本，实为 {v!r}"))
                for v in t.str_list("rank_awards")
            )
            if "rank_awards" in wanted
            else ()
        ),
        tier_fact=fact_ref("tier_fact"),
        tiers=_tiers(t) if "tiers" in wanted else (),
        cost_fact=fact_ref("cost_fact"),
        per_event_cap=t.decimal("per_event_cap") if "per_event_cap" in wanted else None,
    )
    for name in (*params.fee_facts, *params.rank_by):
        if name not in facts:
            raise t.error(
                "fee_facts" if name in params.fee_facts else "rank_by",
                f"“{name}”不是本事项声明的事实",
            )
    if rule == "interest_subsidy":
        missing = [f for f in _INTEREST_FACTS if f not in facts]
        if missing:
            raise t.error("facts", f"贴息计算需要声明事实 {'、'.join(missing)}")
    if rule == "fee_share" and params.share is not None and params.share > 1:
        raise t.error("share", "资助比例不能大于1")
    return params


def _tiers(t: TableReader) -> tuple[Tier, ...]:
    tiers = []
    for tt in t.tables("tiers"):
        tier = Tier(
            lower_bound=cast(Decimal, tt.decimal("from")),
            amount=cast(Decimal, tt.decimal("amount")),
            text=tt.text("text"),
        )
        tt.done()
        tiers.append(tier)
    bounds = [tier.lower_bound for tier in tiers]
    if bounds != sorted(bounds) or len(set(bounds)) != len(bounds):
        raise t.error("tiers", "档次的 from 须严格递增")
    return tuple(tiers)


def _item(t: TableReader, form_rows: tuple[str, ...], materials: dict[str, Material]) -> Item:
    code = t.text("code")
    facts_list = [_fact(ft) for ft in t.tables("facts")]
    facts = {f.name: f for f in facts_list}
    if len(facts) != len(facts_list):
        raise t.error("facts", "事实名称重复")
    if "date" in facts:
        raise t.error("facts", "date 是每项都有的公共事实，不要重复声明")
    for f in facts_list:
        if f.at_most is not None and (f.at_most not in facts or facts[f.at_most].type != "int"):
            raise t.error(
                "facts", f"“{f.name}”的 at_most 应为本事项的整数类事实，实为“{f.at_most}”"
            )
    rule = t.text("rule")
    if rule not in RULE_KINDS:
        raise t.error("rule", f"未知计算方式“{rule}”，可用：{'、'.join(RULE_KINDS)}")
    kinds = []
    for kind in t.str_list("applicant_kinds"):
        try:
            kinds.append(ApplicantKind(kind))
        except ValueError:
            raise t.error("applicant_kinds", f"未知申请人类型“{kind}”") from None
    form_row = t.text("form_row")
    if form_row not in form_rows:
        raise t.error("form_row", f"“{form_row}”不是申请表（programme.form_rows）中的一行")
    item_materials = t.str_list("materials")
    for m in item_materials:
        if m not in materials:
            raise t.error("materials", f"材料“{m}”未在 materials.catalogue 中登记")
    item = Item(
        code=code,
        name=t.text("name"),
        category=t.text("category"),
        content=t.text("content"),
        standard=t.text("standard"),
        remark=t.text("remark", required=False),
        clause=t.text("clause"),
        form_row=form_row,
        unit=t.text("unit"),
        applicant_kinds=tuple(kinds),
        applicant_kinds_clause=t.text("applicant_kinds_clause", required=False) or t.text("clause"),
        requires_sme=t.flag("requires_sme"),
        needs_recognition=t.flag("needs_recognition"),
        rule=rule,
        params=_rule_params(t, rule, facts),
        date_label=t.text("date_label"),
        materials=item_materials,
        facts=tuple(facts_list),
        conditions=tuple(_condition(ct, facts) for ct in t.tables("conditions", required=False)),
        reading=t.opt_str("reading"),
    )
    if item.needs_recognition and "recognized" not in facts:
        raise t.error("needs_recognition", "须经认定的事项须声明布尔事实 recognized")
    t.done()
    return item


def parse_policy(text: str, file: str) -> Policy:
    """Parse and validate policy TOML text. ``file`` is only used in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(file, "", f"TOML 格式错误：{exc}") from None
    root = TableReader(file, "", data)
    if root.integer("schema") != SCHEMA_VERSION:
        raise root.error("schema", f"本程序只读第 {SCHEMA_VERSION} 版格式")

    prog = root.table("programme")
    form_rows = prog.str_list("form_rows")
    policy_id = prog.text("id")
    fields: dict[str, Any] = {
        "id": policy_id,
        "version": prog.text("version"),
        "kind": prog.text("kind"),
        "title": prog.text("title"),
        "issuer": prog.text("issuer"),
        "source": prog.text("source"),
        "year": prog.integer("year"),
        "case_number_format": prog.text("case_number_format"),
        "form_title": prog.text("form_title"),
        "form_clause": prog.text("form_clause"),
        "form_rows": form_rows,
        "document_number": prog.text("document_number", required=False),
    }
    try:
        fields["case_number_format"].format(year=2024, seq=1)
    except (KeyError, ValueError, IndexError):
        raise prog.error("case_number_format", "只可使用 {year} 和 {seq} 两个占位符") from None
    prog.done()

    window = root.table("activity_window")
    fields.update(
        window_start=window.date("start"),
        window_end=window.date("end"),
        window_clause=window.text("clause"),
    )
    if fields["window_start"] > fields["window_end"]:
        raise window.error("end", "结束日期早于开始日期")
    window.done()

    deadline = root.table("application_deadline")
    fields.update(deadline=deadline.date("date"), deadline_clause=deadline.text("clause"))
    deadline.done()

    budget = root.table("budget")
    fields.update(budget=budget.decimal("amount"), budget_clause=budget.text("clause"))
    budget.done()

    notice = root.table("notice")
    fields.update(
        notice_working_days=notice.integer("working_days"), notice_clause=notice.text("clause")
    )
    notice.done()

    limits = root.table("input_limits")
    amount_limit = limits.decimal("amount")
    assert amount_limit is not None
    if amount_limit <= 0:
        raise limits.error("amount", "应大于0")
    fields.update(amount_limit=amount_limit, amount_limit_reading=limits.text("reading"))
    limits.done()

    correction = root.table("correction")
    correction_days = correction.integer("days")
    # A period under a day cannot be met; over 90 days would outlast the programme year.
    if correction_days is None or not 1 <= correction_days <= 90:
        raise correction.error("days", f"应为 1 至 90 之间的天数，实为 {correction_days!r}")
    fields.update(
        correction_days=correction_days,
        correction_clause=correction.text("clause"),
        correction_reading=correction.text("reading"),
    )
    correction.done()

    readings: dict[str, Reading] = {}
    for rt in root.tables("readings", required=False):
        reading = Reading(code=rt.text("code"), clause=rt.text("clause"), text=rt.text("text"))
        rt.done()
        if reading.code in readings:
            raise rt.error("code", f"解释“{reading.code}”重复")
        readings[reading.code] = reading
    fields["readings"] = readings
    if fields["amount_limit_reading"] not in readings:
        raise limits.error("reading", f"未知解释“{fields['amount_limit_reading']}”")
    if fields["correction_reading"] not in readings:
        raise correction.error("reading", f"未知解释“{fields['correction_reading']}”")

    grounds = []
    for gt in root.tables("rejection_grounds"):
        decided_by = gt.text("decided_by")
        if decided_by not in ("system", "person"):
            raise gt.error("decided_by", "应为 system 或 person")
        grounds.append(
            RejectionGround(
                code=gt.text("code"),
                text=gt.text("text"),
                clause=gt.text("clause"),
                decided_by=cast(Any, decided_by),
                applicant_flag=gt.opt_str("applicant_flag"),
            )
        )
        gt.done()
    fields["rejection_grounds"] = tuple(grounds)

    mat = root.table("materials")
    catalogue_table = mat.table("catalogue")
    materials: dict[str, Material] = {}
    for code in catalogue_table.data:
        mt = catalogue_table.table(code)
        materials[code] = Material(
            code=code, name=mt.text("name"), clause=mt.text("clause"), when=mt.opt_str("when")
        )
        mt.done()
    catalogue_table.done()
    common = mat.str_list("common")
    for m in common:
        if m not in materials:
            raise mat.error("common", f"材料“{m}”未在 materials.catalogue 中登记")
    fields.update(
        materials=materials,
        common_materials=common,
        copies_required=mat.integer("copies_required"),
        copies_clause=mat.text("copies_clause"),
    )
    mat.done()

    items: dict[str, Item] = {}
    for it in root.tables("items"):
        item = _item(it, form_rows, materials)
        if item.code in items:
            raise it.error("code", f"事项代码“{item.code}”重复")
        if item.reading and item.reading not in readings:
            raise it.error("reading", f"未知解释“{item.reading}”")
        items[item.code] = item
    fields["items"] = items

    def check_items(t: TableReader, name: str, codes: tuple[str, ...]) -> None:
        for code in codes:
            if code not in items:
                raise t.error(name, f"“{code}”不是本政策的资助事项")

    groups = []
    for st in root.tables("stacking_groups", required=False):
        group = StackingGroup(
            code=st.text("code"),
            label=st.text("label"),
            key_fact=st.text("key_fact"),
            items=st.str_list("items"),
            clause=st.text("clause"),
            fallback_key=st.str_list("fallback_key", required=False),
            flag_duplicates=st.flag("flag_duplicates"),
        )
        check_items(st, "items", group.items)
        for code in group.items:
            if not any(f.name == group.key_fact for f in items[code].facts):
                raise st.error("key_fact", f"事项“{code}”没有事实“{group.key_fact}”")
            for name in group.fallback_key:
                if name != "date" and not any(f.name == name for f in items[code].facts):
                    raise st.error("fallback_key", f"事项“{code}”没有事实“{name}”")
        st.done()
        groups.append(group)
    fields["stacking_groups"] = tuple(groups)

    caps = []
    for ct in root.tables("caps", required=False):
        cap = Cap(
            code=ct.text("code"),
            label=ct.text("label"),
            items=ct.str_list("items"),
            amount=cast(Decimal, ct.decimal("amount")),
            clause=ct.text("clause"),
            reading=ct.opt_str("reading"),
        )
        check_items(ct, "items", cap.items)
        if cap.reading and cap.reading not in readings:
            raise ct.error("reading", f"未知解释“{cap.reading}”")
        ct.done()
        caps.append(cap)
    fields["caps"] = tuple(caps)

    targets = []
    for tt in root.tables("targets", required=False):
        comparison = tt.text("comparison")
        if comparison not in (">=", ">"):
            raise tt.error("comparison", '应为 ">="（以上，含本数）或 ">"（高于）')
        targets.append(
            Target(
                code=tt.text("code"),
                label=tt.text("label"),
                value=cast(Decimal, tt.decimal("value")),
                unit=tt.text("unit"),
                comparison=cast(Any, comparison),
                clause=tt.text("clause"),
                note=tt.text("note", required=False),
            )
        )
        tt.done()
    fields["targets"] = tuple(targets)
    root.done()

    fields["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    fields["source_path"] = file
    fields["source_text"] = text
    policy = Policy(**fields)
    mismatches = prose_mismatches(policy)
    if mismatches:
        raise PolicyProseError(file, with_lines(mismatches, text))
    return policy


def load_policy_file(path: Path) -> Policy:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise PolicyError(str(path), "", f"无法读取：{exc.strerror}") from None
    except UnicodeDecodeError:
        raise PolicyError(str(path), "", "不是 UTF-8 编码的文本") from None
    kind = policy_kind(path)
    if kind and kind != DISTRICT_SUBSIDY:
        raise PolicyError(
            str(path), "programme.kind", f"“{kind}”不是区级资助政策（district_subsidy）"
        )
    policy = parse_policy(text, str(path))
    if policy.id != path.stem:
        raise PolicyError(str(path), "programme.id", f"“{policy.id}”须与文件名“{path.stem}”一致")
    return policy


DISTRICT_SUBSIDY = "district_subsidy"


# (path, mtime, size) → kind: listing the policies parses every file, and a lookup of an id
# with no file (the case list of a database holding older programmes) lists them to say
# what exists. Unchanged files are not parsed again (the bench's case list spent 40 ms a page
# on it).
_kinds: dict[tuple[str, int, int], str] = {}


def policy_kind(path: Path) -> str:
    """The ``programme.kind`` of a policy file ("" when it cannot be read)."""
    try:
        stat = path.stat()
    except OSError:
        return ""
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _kinds:
        _kinds[key] = _read_kind(path)
    return _kinds[key]


def _read_kind(path: Path) -> str:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    programme = data.get("programme")
    kind = programme.get("kind") if isinstance(programme, dict) else None
    return kind if isinstance(kind, str) else ""


POLICY_DIR_ENV = "IPDESK_POLICY_DIR"
# The 政策文件夹 an administrator set in the database (every counter sees it); the records
# layer sets it when a database is opened (core.records.policy_folder).
_configured_folders: tuple[Path, ...] = ()


def set_configured_folders(folders: Sequence[Path]) -> None:
    """The folders stored in the database's settings, searched after IPDESK_POLICY_DIR."""
    global _configured_folders
    _configured_folders = tuple(Path(f) for f in folders)


def policy_search_path() -> list[Path]:
    """Where policies are looked for, in order (issue 17 §1): the folders named by
    ``IPDESK_POLICY_DIR`` (several, separated by the OS path separator), then the 政策文件夹
    set in the database, then the shipped ``resources/policies``. A new programme year is a
    file dropped in such a folder: no new build."""
    env = os.environ.get(POLICY_DIR_ENV, "")
    folders = [Path(part) for part in env.split(os.pathsep) if part.strip()]
    folders += _configured_folders
    folders.append(policies_dir())
    unique: list[Path] = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique


def _policy_files(policy_id: str, folders: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        path = folder / f"{policy_id}.toml"
        if path.is_file() and not any(_same_file(path, other) for other in found):
            found.append(path)
    return found


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def available_policies(
    directory: Path | None = None, kind: str | None = DISTRICT_SUBSIDY
) -> list[str]:
    """Policy ids of one kind (district subsidy programmes by default), in ``directory`` or
    along the whole search path."""
    folders = [directory] if directory is not None else policy_search_path()
    ids: dict[str, None] = {}
    for folder in folders:
        for p in sorted(folder.glob("*.toml")):
            if kind is None or policy_kind(p) in (kind, ""):
                ids.setdefault(p.stem, None)
    return sorted(ids)


_POLICY_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def find_policy_file(policy_id: str, folders: Sequence[Path] | None = None) -> Path:
    """The one file of this id along the search path; two files of one id is an error that
    names both (the bureau must not wonder which one computed an amount)."""
    folders = list(policy_search_path() if folders is None else folders)
    # An id is a file name in a policies folder, never a path: "../x" or an absolute path
    # would load a file from elsewhere under a name that is not a known programme.
    found = _policy_files(policy_id, folders) if _POLICY_ID.fullmatch(policy_id) else []
    if not found:
        known = "、".join(available_policies()) or "（无）"
        raise PolicyError(
            str(folders[0] / f"{policy_id}.toml"), "", f"没有政策“{policy_id}”；可用：{known}"
        )
    if len(found) > 1:
        raise PolicyError(
            str(found[0]),
            "programme.id",
            f"政策“{policy_id}”同时存在于 {found[0]} 和 {found[1]}；请删除或改名其中一个",
        )
    return found[0]


def load_policy(policy_id: str) -> Policy:
    """The policy with this id along the search path, read once per process and path (the
    engine asks for it per application: a lookup, not a walk of the folders)."""
    return _load_along(policy_id, tuple(policy_search_path()))


@cache
def _load_along(policy_id: str, folders: tuple[Path, ...]) -> Policy:
    return load_policy_file(find_policy_file(policy_id, folders))


def reload_policies() -> None:
    """Forget the files read: the next lookup reads them again (after an import replaced
    one; otherwise a changed file is read at the program's next start)."""
    _load_along.cache_clear()
