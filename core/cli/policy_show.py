"""``ipdesk-cli policy show|list|check``: the schedule of a programme as a readable table, and
a policy file checked before it is installed."""

from __future__ import annotations

import sys
from pathlib import Path

from core.cli.base import EXIT_BAD_INPUT, EXIT_FAULT, EXIT_OK, UsageError
from core.money import format_yuan
from core.policy import PolicyError, available_policies, load_policy
from core.policy.loader import PolicyProseError, load_policy_file, policy_search_path
from core.policy.model import Policy
from core.textwidth import table


def render_policy(policy: Policy) -> str:
    out = [
        f"{policy.title}（{policy.id}，版本 {policy.version}）",
        f"依据：{policy.issuer}{policy.source}",
        f"实施期间：{policy.window_start} 至 {policy.window_end}（{policy.window_clause}）",
        f"申报截止：{policy.deadline}（{policy.deadline_clause}）",
        f"资助预算：{format_yuan(policy.budget)} 元（{policy.budget_clause}）",
        "",
        "资助事项及标准（附件1）",
    ]
    rows = []
    for item in policy.items.values():
        caps = "；".join(f"{c.label}≤{format_yuan(c.amount)}元" for c in policy.caps_for(item.code))
        who = "、".join(k.label for k in item.applicant_kinds)
        if item.requires_sme:
            who += "（中小微）"
        conditions = "；".join(c.message for c in item.conditions)
        rows.append(
            [
                f"{item.name}\n{item.code}",
                item.standard,
                caps or "—",
                who,
                conditions or "—",
                item.clause,
            ]
        )
    out.append(
        table(
            ["资助事项", "资助标准", "累计上限", "申请人", "条件", "条款"],
            rows,
            [20, 28, 16, 12, 22, 14],
        )
    )
    out += ["", "不叠加（从优）："]
    for group in policy.stacking_groups:
        names = "、".join(policy.items[c].name for c in group.items)
        out.append(f"  {group.label}：{names}（{group.clause}）")
    out += ["", "不予受理情形（五(一)2）："]
    for ground in policy.rejection_grounds:
        who = "系统判定" if ground.decided_by == "system" else "人工核查"
        out.append(f"  {ground.clause} {ground.text} [{ground.code}，{who}]")
    out += ["", "工作目标（二）："]
    for target in policy.targets:
        sign = "≥" if target.comparison == ">=" else ">"
        out.append(f"  {target.label} {sign} {target.value}{target.unit}")
    out += ["", "本系统对政策文本的理解："]
    for reading in policy.readings.values():
        out.append(f"  [{reading.code}] {reading.text}（{reading.clause}）")
    return "\n".join(out)


def run_policy_show(policy_id: str) -> int:
    try:
        policy = load_policy(policy_id)
    except PolicyError as exc:
        raise UsageError(str(exc)) from None
    print(render_policy(policy))
    return 0


def run_policy_list() -> int:
    for policy_id in available_policies():
        try:
            policy = load_policy(policy_id)
        except PolicyError as exc:
            print(f"{policy_id}\t（无法读取：{exc.problem}）")
            continue
        print(f"{policy.id}\t{policy.title}\t{policy.window_start}～{policy.window_end}")
    return 0


def run_policy_check(file: str) -> int:
    """Every check the loader makes, on a file anywhere, installing nothing (issue 17 §2):
    exit 0 when the file may be used, 2 with every problem found."""
    path = Path(file)
    if not path.is_file():
        raise UsageError(f"找不到政策文件 {file}")
    try:
        policy = load_policy_file(path)
    except PolicyProseError as exc:
        print(f"政策文件 {file} 未通过检查：", file=sys.stderr)
        for mismatch in exc.mismatches:
            print(f"  {mismatch}", file=sys.stderr)
        print("请改写文字或数值，使两者一致。", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PolicyError as exc:
        print(f"政策文件 {file} 未通过检查：", file=sys.stderr)
        print(f"  {exc.key or '（文件）'}：{exc.problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"政策文件有效：{policy.title}（{policy.id}，版本 {policy.version}）")
    print(f"  实施期间 {policy.window_start} 至 {policy.window_end}；申报截止 {policy.deadline}")
    print(f"  资助事项 {len(policy.items)} 项；预算 {format_yuan(policy.budget)} 元")
    # Installing it beside another file of the same id would make both unusable.
    for folder in policy_search_path():
        other = folder / path.name
        if other.is_file() and other.resolve() != path.resolve():
            print(f"  注意：{other} 已有同名政策；两处并存时系统会拒绝使用，请只保留一个")
    return EXIT_OK


def run_policy_test(policy_id: str, files: list[str]) -> int:
    """``policy test POLICY [CASES…]``: the policy's own 测算用例 (``ID.cases/`` beside the
    file), or the files given, run against POLICY. One line a case; exit 0 only when all
    hold, 1 when one does not, 2 when the policy or a case file cannot be read."""
    from core.documents.case_workbook import load_all_cases
    from core.engine.casebook import CaseFileError, policy_case_files, run_cases

    try:
        policy = load_policy(policy_id)
        paths = [Path(f) for f in files] if files else policy_case_files(policy.id)
        cases = load_all_cases(paths, policy)
    except (PolicyError, CaseFileError) as exc:
        raise UsageError(str(exc)) from None
    if not cases:
        raise UsageError(f"政策“{policy.id}”没有测算用例（{policy.id}.cases 文件夹为空或不存在）")
    outcomes = run_cases(cases, policy.id)
    for outcome in outcomes:
        print(outcome.line())
    failed = sum(not o.ok for o in outcomes)
    print(f"共 {len(outcomes)} 条用例：通过 {len(outcomes) - failed} 条，未通过 {failed} 条")
    return EXIT_OK if failed == 0 else EXIT_FAULT


def run_cases_template(policy_id: str, out: str, overwrite: bool) -> int:
    """A blank 测算用例 workbook for the supervisors: the intake columns plus 用例名称,
    所依据条款, 预期金额 and 预期合计."""
    from core.documents.case_workbook import case_workbook_template
    from core.outputs import OutputRefused, check_output, write_output

    try:
        policy = load_policy(policy_id)
        target = check_output(out, (".xlsx",), "测算用例表", overwrite=overwrite)
    except (PolicyError, OutputRefused) as exc:
        raise UsageError(str(exc)) from None
    write_output(target, case_workbook_template(policy))
    print(f"已生成测算用例表（{policy.id}）：{target}；填好后放入 {policy.id}.cases 文件夹")
    return EXIT_OK
