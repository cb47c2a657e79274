"""测算用例: rule tests as data that the bureau can read, extend and run (issue 17 §3).

A policy file ``ID.toml`` may have a folder ``ID.cases/`` beside it, holding ``*.json`` files
of cases (the format is in that folder's README.md). Each case is an application as
``ipdesk-cli calc`` reads it, the amounts the supervisors expect, and the clause it pins. The
same set is run by the test suite, by ``ipdesk-cli policy test`` and by 政策管理 in the desk,
so the program is checked against what the bureau says the schedule means — this year's and
next year's.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.engine import InputError, calc_batch_document, calc_case_document, loads_json
from core.policy.loader import find_policy_file, policy_search_path


class CaseFileError(ValueError):
    """A case file that cannot be read: names the file, where in it, and what is wrong."""

    def __init__(self, file: Path, where: str, problem: str) -> None:
        super().__init__(f"用例文件 {file}：{where or '（文件）'}：{problem}")
        self.file = file
        self.where = where
        self.problem = problem


@dataclass(frozen=True)
class RuleCase:
    file: Path
    index: int
    name: str
    clause: str
    document: dict[str, Any]  # the CASE document, defaults applied (or a BATCH document)
    expect: dict[str, Any]
    batch: bool = False  # a calc-batch case: applications pooled by credit code, proration


@dataclass(frozen=True)
class CaseOutcome:
    case: RuleCase
    differences: tuple[str, ...] = ()
    error: str | None = None  # the case did not compute (bad input)
    result: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.error is None and not self.differences

    def line(self) -> str:
        """One line, as ``policy test`` prints it and the desk lists it."""
        mark = "✓" if self.ok else "✗"
        head = f"{mark} {self.case.name}（{self.case.clause}）"
        if self.error is not None:
            return f"{head}：无法测算：{self.error}"
        if self.differences:
            return f"{head}：{'；'.join(self.differences)}"
        total = (self.result or {}).get("total")
        return f"{head}：合计 {total}" if total is not None else head


def cases_folder(policy_file: Path) -> Path:
    """``bishan-2024.toml`` → ``bishan-2024.cases`` beside it."""
    return policy_file.with_suffix(".cases")


def policy_case_files(policy_id: str) -> list[Path]:
    """The policy's cases: ``ID.cases/`` beside its file, and beside it in every other folder
    of the search path (the bureau adds its own cases for a shipped policy in its 政策文件夹)."""
    folders = [cases_folder(find_policy_file(policy_id))]
    folders += [folder / f"{policy_id}.cases" for folder in policy_search_path()]
    files: list[Path] = []
    for folder in dict.fromkeys(folders):
        if folder.is_dir():
            # JSON for developers, workbooks for supervisors (core.documents.case_workbook).
            found = [*folder.glob("*.json"), *folder.glob("*.xlsx")]
            files += sorted(p for p in found if p not in files and not p.name.startswith("~$"))
    return files


def _clause_of(name: str, default: str) -> str:
    # A case named 「附件1 转让：…」 pins the clause before the colon.
    head, colon, _ = name.partition("：")
    return head.strip() if colon and head.strip() else default


def load_case_file(path: Path) -> list[RuleCase]:
    try:
        # Plain JSON here: the document goes back through JSON text to the engine's own exact
        # reader (loads_json) when it runs, so no number is read as a float there.
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise CaseFileError(path, "", f"无法读取：{exc.strerror}") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise CaseFileError(path, "", f"不是有效的 JSON：{exc}") from None
    if not isinstance(data, Mapping):
        raise CaseFileError(path, "", '应为对象：{"defaults": …, "cases": […]}')
    defaults = data.get("defaults", {})
    entries = data.get("cases")
    file_clause = data.get("clause", "")
    if not isinstance(defaults, Mapping) or not isinstance(entries, list):
        raise CaseFileError(path, "", "须有 defaults（对象）和 cases（列表）")
    cases = []
    for index, entry in enumerate(entries):
        where = f"cases[{index}]"
        if not isinstance(entry, Mapping):
            raise CaseFileError(path, where, "应为对象")
        name, expect = entry.get("name"), entry.get("expect")
        batch = entry.get("batch")
        changes = entry.get("case", {})
        if not isinstance(name, str) or not name.strip():
            raise CaseFileError(path, f"{where}.name", "每条用例须有名称")
        if not isinstance(changes, Mapping) or not isinstance(expect, Mapping) or not expect:
            raise CaseFileError(path, where, "须有 case（对象）和 expect（非空对象）")
        clause = entry.get("clause") or _clause_of(name, str(file_clause))
        if not clause:
            raise CaseFileError(path, f"{where}.clause", "每条用例须写明所依据的条款")
        if batch is not None:
            # A batch case: its applications each start from the defaults, as single cases do.
            if not isinstance(batch, Mapping) or not isinstance(batch.get("applications"), list):
                raise CaseFileError(path, f"{where}.batch", "应为对象，含 applications 列表")
            base = {k: v for k, v in defaults.items() if k != "policy"}
            applications = [
                _merged(base, app) if isinstance(app, Mapping) else app
                for app in batch["applications"]
            ]
            document = {"policy": defaults.get("policy"), **dict(batch)}
            document["applications"] = applications
            cases.append(RuleCase(path, index, name, str(clause), document, dict(expect), True))
            continue
        document = _merged(defaults, changes)
        cases.append(RuleCase(path, index, name, str(clause), document, dict(expect)))
    return cases


def _merged(defaults: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    document = copy.deepcopy(dict(defaults))
    for key, value in changes.items():
        if key == "applicant" and isinstance(value, Mapping) and "credit_code" not in value:
            document.setdefault("applicant", {}).update(value)
        else:
            document[key] = copy.deepcopy(value)
    return document


def load_cases(paths: Iterable[Path]) -> list[RuleCase]:
    return [case for path in paths for case in load_case_file(path)]


def differences(actual: Any, expected: Any, where: str = "") -> list[str]:
    """What differs, as 「total：预期 10000.00，实际 12345.00」; every key given must match and
    lists must have the same length, element by element."""
    if isinstance(expected, Mapping):
        if not isinstance(actual, Mapping):
            return [f"{where or '结果'}：预期对象，实际 {actual!r}"]
        found: list[str] = []
        for key, value in expected.items():
            path = f"{where}.{key}" if where else str(key)
            if key not in actual:
                found.append(f"{path}：结果中没有此项")
            else:
                found += differences(actual[key], value, path)
        return found
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            count = len(actual) if isinstance(actual, list) else "非列表"
            return [f"{where}：预期 {len(expected)} 项，实际 {count}"]
        found = []
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            found += differences(a, e, f"{where}[{i}]")
        return found
    if actual != expected:
        return [f"{where}：预期 {_show(expected)}，实际 {_show(actual)}"]
    return []


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


def run_case(case: RuleCase, policy_id: str | None = None) -> CaseOutcome:
    document = dict(case.document)
    if policy_id is not None:
        document["policy"] = policy_id
    calc = calc_batch_document if case.batch else calc_case_document
    try:
        # Through JSON text, as the CLI reads it, so numbers stay exact.
        result = calc(loads_json(json.dumps(document, ensure_ascii=False)))
    except InputError as exc:
        return CaseOutcome(case, error=str(exc))
    return CaseOutcome(case, tuple(differences(result, case.expect)), None, result)


def run_cases(cases: Sequence[RuleCase], policy_id: str | None = None) -> list[CaseOutcome]:
    """Every case, against ``policy_id`` when given (next year's file against this year's
    cases), else against the policy each case names."""
    return [run_case(case, policy_id) for case in cases]
