"""The award engine: acceptance, per-claim rules, best-of without stacking, caps, proration.

Order of work for one application (each step explained on the claims it touches):

1. acceptance: the 不予受理 grounds of 五(一)2 (a rejected application's total is 0);
2. eligibility and the item's own calculation (:mod:`core.engine.rules`);
3. best-of, no stacking (附件1末行): among claims on the same patent or product only one is
   paid; the combination that pays the applicant most wins, ties go to the earlier claim;
4. cumulative limits per applicant, counting prior awards: the 36 subsidised months, then the
   money caps, consumed in order of completion date (reading ``cap_order``).

A batch then ranks banks and prorates against the budget with the largest-remainder method.
"""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from core.engine.batching import collector_paused
from core.engine.inputs import CaseInput, Claim, PriorAward, SettledClaim
from core.engine.results import (
    ApplicationResult,
    BatchApplication,
    BatchResult,
    ClaimResult,
    ClaimStatus,
    money_text,
    ratio_text,
)
from core.engine.rules import (
    Outcome,
    RankDecision,
    RuleContext,
    _date,
    eligibility_failures,
    evaluate_claim,
    yuan,
)
from core.identifiers import IdentifierError, PatentText, parse_patent_number
from core.money import (
    MAX_CAPITALS_AMOUNT,
    format_yuan,
    from_fen,
    quantize_fen,
    rmb_capitals,
    to_fen,
)
from core.policy.lpr import LprTable, load_lpr
from core.policy.model import Item, Policy, StackingGroup

_ZERO = Decimal(0)
# Above this many best-of combinations, fall back to choosing each group's best on its own.
_MAX_COMBINATIONS = 4096


@dataclass(slots=True)
class _Working:
    index: int
    claim: Claim
    item: Item
    outcome: Outcome
    failures: list[str] = field(default_factory=list)
    stack_key: tuple[str, str] | None = None
    item_order: int = 0
    # The key as a reader knows it: the patent, product or contract number, or the loan's
    # lender, date and principal.
    shown_key: str = ""
    # Who consumes a shared cap first (reading "cap_order"); set by _set_cap_order.
    cap_order: tuple[object, ...] = ()

    @property
    def payable(self) -> bool:
        return not self.failures and self.outcome.status in (
            ClaimStatus.AWARDED,
            ClaimStatus.REDUCED,
        )


@dataclass(slots=True)
class _Allocated:
    amount: Decimal
    status: ClaimStatus
    lines: list[str]
    bonus: Decimal = Decimal(0)


# Totals repeat (so many applications of one rate) and prorated awards are small: a batch
# writes two of these per application, and on the benchmark three in four were seen before.
@lru_cache(maxsize=4096, typed=True)
def _capitals(amount: Decimal) -> str:
    # Each input amount is below the capitals' limit, but several of them added up need not
    # be; the figure in digits is still right, so only the capitals are left out.
    if amount > MAX_CAPITALS_AMOUNT:
        return ""
    return f"（大写：{rmb_capitals(amount)}）"


def rejection_grounds(case: CaseInput, policy: Policy) -> tuple[list[str], list[str]]:
    """The 五(一)2 grounds that apply, in the policy's order, and the lines explaining them."""
    grounds: list[str] = []
    lines: list[str] = []
    for ground in policy.rejection_grounds:
        applies = False
        if ground.code == "late":
            applies = case.received_on > policy.deadline
            if applies:
                lines.append(
                    f"受理日期{_date(case.received_on)}晚于申报截止日{_date(policy.deadline)}，"
                    f"属「{ground.text}」，不予受理（{ground.clause}；{policy.deadline_clause}）"
                )
            else:
                lines.append(
                    f"受理日期{_date(case.received_on)}未超过申报截止日{_date(policy.deadline)}"
                    f"（含当日），未逾期（{policy.deadline_clause}）"
                )
        elif ground.applicant_flag is not None:
            applies = case.applicant.flag(ground.applicant_flag)
        elif ground.code in case.intake_findings:
            applies = True
        if applies:
            grounds.append(ground.code)
            if ground.code != "late":
                lines.append(f"经查属「{ground.text}」，不予受理（{ground.clause}）")
    return grounds, lines


def _normalise_key(value: object) -> str:
    # Product names typed at a counter differ in width and spacing; patent numbers are compared
    # in their normalised form (ZL prefix, spaces and dot do not make another patent).
    if isinstance(value, PatentText):
        return value
    text = str(value)
    try:
        return parse_patent_number(text).normalized
    except IdentifierError:
        pass
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()).casefold()


def stacking_key(policy: Policy, claim: Claim) -> tuple[str, str, str] | None:
    """The claim's best-of key: (group code, key as compared, key as shown), or None.

    The group's key fact when given; else, if the group declares a fallback, those facts
    together (a loan without its contract number: lender + loan date + principal); else none.
    """
    group = policy.stacking_group_for(claim.item)
    if group is None:
        return None
    item = policy.items[claim.item]
    value = claim.fact(group.key_fact)
    if value is not None and value != "":
        # A patent fact is normalised already (Claim); anything else is normalised here.
        if isinstance(value, str) and item.fact(group.key_fact).type == "patent":
            return group.code, value, value
        return group.code, _normalise_key(value), str(value)
    if not group.fallback_key:
        return None
    compared: list[str] = []
    shown: list[str] = []
    for name in group.fallback_key:
        part = claim.date if name == "date" else claim.fact(name)
        if part is None or part == "":
            return None
        if isinstance(part, dt.date):
            text = part.isoformat()
        elif isinstance(part, Decimal):
            text = f"{quantize_fen(part):f}"  # 5000000 and 5000000.00 are one principal
        else:
            text = str(part)
        compared.append(_normalise_key(text))
        label = item.date_label if name == "date" else item.fact(name).label
        shown.append(f"{label} {format_yuan(part) if isinstance(part, Decimal) else text}")
    return group.code, "|".join(compared), "、".join(shown)


def bonus_key(item: Item, claim: Claim) -> str | None:
    """The contract a per-contract bonus is for, normalised; None without a number."""
    if item.params.bonus_per is None:
        return None
    contract = claim.fact(item.params.bonus_per)
    if contract is None or contract == "":
        return None
    return _normalise_key(contract)


def not_paid_twice(group: StackingGroup) -> str:
    """The principle that keeps a second claim on the same key from being paid."""
    if group.flag_duplicates:
        return f"按同一对象不重复资助的要求（{group.clause}）"
    return f"按从优、不叠加原则（{group.clause}）"


def _prior_text(
    prior: Decimal, items: Sequence[str], held: Mapping[str, Mapping[str, tuple[Decimal, int]]]
) -> str:
    """「同一企业另有在办申请 第031号 已占用172,500.00元、12个月；历年已获…」 when the awards
    counted carry the application they come from, else 「历年已获X」."""
    named: dict[str, tuple[Decimal, int]] = {}
    for code in items:
        for reference, (amount, months) in held.get(code, {}).items():
            total, total_months = named.get(reference, (_ZERO, 0))
            named[reference] = (total + amount, total_months + months)
    if not named:
        return f"历年已获{yuan(prior)}"
    parts = [
        f"{reference} 已占用{yuan(amount)}" + (f"、{months}个月" if months else "")
        for reference, (amount, months) in named.items()
    ]
    text = "同一企业另有申请 " + "，".join(parts)
    rest = prior - sum((amount for amount, _ in named.values()), _ZERO)
    return text + (f"；历年另已获{yuan(rest)}" if rest > 0 else "")


def _allocate(chosen: Sequence[_Working], case: CaseInput, policy: Policy) -> dict[int, _Allocated]:
    prior_by_item: dict[str, Decimal] = defaultdict(Decimal)
    prior_months: dict[str, int] = defaultdict(int)
    # Awards held by other live applications of the enterprise, named in the explanation.
    held: dict[str, dict[str, tuple[Decimal, int]]] = defaultdict(dict)
    for award in case.prior_awards:
        prior_by_item[award.item] += award.amount
        prior_months[award.item] += award.months
        if award.reference:
            amount, months = held[award.item].get(award.reference, (_ZERO, 0))
            held[award.item][award.reference] = (amount + award.amount, months + award.months)
    # What earlier years already count toward each cap (most applicants have no prior award).
    prior_by_cap = {
        cap.code: sum((prior_by_item[code] for code in cap.items), Decimal(0))
        for cap in (policy.caps if prior_by_item else ())
    }
    used_caps: dict[str, Decimal] = defaultdict(Decimal)
    used_months: dict[str, int] = defaultdict(int)
    # Per-contract bonuses already given: by another live application, or an earlier claim.
    bonus_given: dict[str, str] = dict(case.bonus_contracts)
    result: dict[int, _Allocated] = {}
    for w in sorted(chosen, key=_by_cap_order) if len(chosen) > 1 else chosen:
        base = w.outcome.amount
        amount = base
        lines: list[str] = []
        bonus = w.outcome.bonus
        contract = bonus_key(w.item, w.claim) if bonus else None
        if contract is not None:
            given = bonus_given.get(contract)
            if given is not None:
                amount -= bonus
                lines.append(
                    f"同一许可合同「{w.claim.fact(w.item.params.bonus_per or '')}」的额外资助已计入"
                    f"{given}，按合同只计一次（{w.item.clause}「单项许可合同备案金额」），"
                    f"本项为{yuan(base)} − {yuan(bonus)} = {yuan(amount)}"
                )
                bonus = Decimal(0)
            else:
                bonus_given[contract] = f"第{w.index + 1}项"
        max_months = w.item.params.max_months
        if max_months is not None and w.outcome.months:
            earlier = prior_months[w.item.code] + used_months[w.item.code]
            left = max(max_months - earlier, 0)
            asked = w.outcome.months
            limit = f"贴息期限累计不超过{max_months}个月（{w.item.clause}）"
            if left == 0:
                amount = Decimal(0)
                lines.append(f"{limit}：此前已贴息{earlier}个月，已无剩余月数，本项核减为0元")
            elif asked > left:
                exact = w.outcome.exact if w.outcome.exact is not None else base
                amount = quantize_fen(exact * left / asked)
                lines.append(
                    f"{limit}：此前已贴息{earlier}个月，本次{asked}个月中只可贴息{left}个月，"
                    f"{yuan(base)} × {left} ÷ {asked} = {yuan(amount)}"
                )
            else:
                lines.append(
                    f"{limit}：此前已贴息{earlier}个月，本次{asked}个月后累计{earlier + asked}个月"
                )
            used_months[w.item.code] += min(asked, left)
        for cap in policy.caps_for(w.item.code):
            prior = prior_by_cap.get(cap.code, _ZERO)
            used = used_caps[cap.code]
            headroom = max(cap.amount - prior - used, Decimal(0))
            counted = []
            if prior:
                counted.append(_prior_text(prior, cap.items, held))
            if used:
                counted.append(f"本申请在先各项已计{yuan(used)}")
            head = f"「{cap.label}」不超过{yuan(cap.amount)}（{cap.clause}）：" + (
                "，".join(counted) if counted else "此前未获此类资助"
            )
            if amount > headroom:
                lines.append(
                    f"{head}，尚余{yuan(headroom)}，本项由{yuan(amount)}核减为{yuan(headroom)}"
                )
                amount = headroom
            else:
                lines.append(f"{head}，本项后累计{yuan(prior + used + amount)}")
            used_caps[cap.code] += amount
        status = w.outcome.status
        if amount < base:
            status = ClaimStatus.REDUCED
        # A cap that cut into the claim cut into its bonus last.
        result[w.index] = _Allocated(amount, status, lines, min(bonus, amount))
    return result


def _choose(
    working: list[_Working], case: CaseInput, policy: Policy
) -> tuple[dict[int, _Allocated], dict[int, int]]:
    """Pick the best-of winners and allocate caps. Returns allocations and loser → winner."""
    groups: dict[tuple[str, str], list[_Working]] = defaultdict(list)
    free: list[_Working] = []
    for w in working:
        if not w.payable:
            continue
        if w.stack_key is None:
            free.append(w)
        else:
            groups[w.stack_key].append(w)
    contested = [g for g in groups.values() if len(g) > 1]
    settled = [g[0] for g in groups.values() if len(g) == 1]

    combinations = 1
    for g in contested:
        combinations *= len(g)
    options: Iterator[tuple[_Working, ...]]
    if combinations <= _MAX_COMBINATIONS:
        options = itertools.product(*contested)
    else:
        # Too many to try each: take each group's highest amount on its own (first on a tie).
        options = iter(
            [tuple(max(g, key=lambda w: (w.outcome.amount, -w.index)) for g in contested)]
        )

    best: tuple[Decimal, tuple[_Working, ...], dict[int, _Allocated]] | None = None
    for option in options:
        allocation = _allocate([*free, *settled, *option], case, policy)
        total = sum((a.amount for a in allocation.values()), Decimal(0))
        # Strictly greater only: the first combination met keeps a tie, i.e. earlier claims win.
        if best is None or total > best[0]:
            best = (total, option, allocation)
    assert best is not None
    _, winners, allocation = best
    losers: dict[int, int] = {}
    for group, winner in zip(contested, winners, strict=True):
        for w in group:
            if w is not winner:
                losers[w.index] = winner.index
    return allocation, losers


def _by_cap_order(w: _Working) -> tuple[object, ...]:
    return w.cap_order


def _set_cap_order(working: list[_Working]) -> None:
    """Content, not position, decides who consumes a shared cap first, so that the result does
    not depend on the order the claims were typed in (reading "cap_order"): completion date,
    the schedule's order, the larger amount, the facts, and only then the position. Set once
    the amounts are final (after best-of across applications), and only when there is more
    than one claim to order."""
    if len(working) < 2:
        return
    for w in working:
        facts = sorted((k, str(v)) for k, v in w.claim.facts.items())
        w.cap_order = (w.claim.date, w.item_order, -w.outcome.amount, facts, w.index)


def _apply_settled(working: list[_Working], case: CaseInput, policy: Policy) -> None:
    """Best-of across applications: what another application already holds for the same
    patent or product is not paid twice; a better claim here pays only the difference."""
    if not case.settled:
        return
    held: dict[tuple[str, str], list[tuple[Decimal, str, str]]] = defaultdict(list)
    for s in case.settled:
        group = policy.stacking_group_for(s.item)
        if group is not None:
            held[(group.code, _normalise_key(s.key))].append((s.amount, s.reference, s.item))
    for w in working:
        if not w.payable or w.stack_key not in held:
            continue
        amount, reference, item_code = max(held[w.stack_key], key=lambda h: h[0])
        group = policy.stacking_group_for(w.item.code)
        assert group is not None
        earlier = (
            f"{group.label}「{w.shown_key}」已在{reference}"
            f"（{policy.items[item_code].name}）获资助{yuan(amount)}"
        )
        if amount >= w.outcome.amount:
            w.outcome = Outcome(
                Decimal(0),
                ClaimStatus.NOT_STACKED,
                [*w.outcome.lines, f"{earlier}，{not_paid_twice(group)}本项不再资助"],
            )
        else:
            rest = w.outcome.amount - amount
            w.outcome = Outcome(
                rest,
                ClaimStatus.REDUCED,
                [
                    *w.outcome.lines,
                    f"{earlier}，{not_paid_twice(group)}本项只补足差额："
                    f"{yuan(w.outcome.amount)} − {yuan(amount)} = {yuan(rest)}",
                ],
                w.outcome.months,
            )


def calculate_application(
    case: CaseInput,
    policy: Policy,
    lpr: LprTable | None = None,
    ranks: Mapping[int, RankDecision] | None = None,
    grounds_found: tuple[list[str], list[str]] | None = None,
) -> ApplicationResult:
    """One application. ``grounds_found`` is :func:`rejection_grounds` already worked out
    for it (a batch needs them first, to rank the banks)."""
    lpr = lpr or load_lpr()
    grounds, explanation = grounds_found or rejection_grounds(case, policy)
    ranks = ranks or {}
    unranked = RuleContext(policy, lpr)
    working: list[_Working] = []
    for index, claim in enumerate(case.claims):
        item = policy.items[claim.item]
        failures = eligibility_failures(item, claim, case.applicant, policy)
        rank = ranks.get(index)
        ctx = unranked if rank is None else RuleContext(policy, lpr, rank)
        outcome = (
            Outcome(Decimal(0), ClaimStatus.INELIGIBLE)
            if failures
            else evaluate_claim(item, claim, ctx)
        )
        found = stacking_key(policy, claim)
        working.append(
            _Working(
                index,
                claim,
                item,
                outcome,
                failures,
                None if found is None else (found[0], found[1]),
                policy.item_order[item.code],
                shown_key="" if found is None else found[2],
            )
        )

    _apply_settled(working, case, policy)
    _set_cap_order(working)
    results: list[ClaimResult] = []
    if grounds:
        reasons = "、".join(f"「{policy.ground(g).text}」" for g in grounds)
        for w in working:
            lines = [f"申请属{reasons}，不予受理，本项不予资助", *w.failures]
            results.append(
                ClaimResult(w.index, w.item.code, Decimal(0), ClaimStatus.INELIGIBLE, lines)
            )
    else:
        allocation, losers = _choose(working, case, policy)
        by_index = {w.index: w for w in working}
        for w in working:
            if w.failures:
                results.append(
                    ClaimResult(
                        w.index, w.item.code, Decimal(0), ClaimStatus.INELIGIBLE, w.failures
                    )
                )
            elif w.index in losers:
                winner = by_index[losers[w.index]]
                group = policy.stacking_group_for(w.item.code)
                assert group is not None and w.stack_key is not None
                won = allocation[winner.index].amount
                lines = [
                    *w.outcome.lines,
                    f"与第{winner.index + 1}项（{winner.item.name}）为{group.label}"
                    f"「{w.shown_key}」，{not_paid_twice(group)}"
                    f"只资助第{winner.index + 1}项（{yuan(won)}），"
                    + ("本项不重复资助" if group.flag_duplicates else "本项不叠加资助"),
                ]
                results.append(
                    ClaimResult(w.index, w.item.code, Decimal(0), ClaimStatus.NOT_STACKED, lines)
                )
            elif w.index in allocation:
                a = allocation[w.index]
                results.append(
                    ClaimResult(
                        w.index,
                        w.item.code,
                        a.amount,
                        a.status,
                        [*w.outcome.lines, *a.lines],
                        a.bonus,
                    )
                )
            else:
                lines = list(w.outcome.lines)
                rivals = [
                    o.index + 1
                    for o in working
                    if o is not w and o.stack_key is not None and o.stack_key == w.stack_key
                ]
                if rivals:
                    shown = "、".join(f"第{n}项" for n in rivals)
                    lines.append(f"与{shown}涉及同一对象，认定后按从优、不叠加原则重新测算")
                results.append(
                    ClaimResult(w.index, w.item.code, w.outcome.amount, w.outcome.status, lines)
                )

    total = sum((r.amount for r in results), Decimal(0))
    if grounds:
        explanation.append("申请不予受理，资助合计0元")
    else:
        explanation.append(f"资助合计{yuan(total)}{_capitals(total)}")
    return ApplicationResult(
        policy_id=policy.id,
        policy_version=policy.version,
        accepted=not grounds,
        rejection_grounds=grounds,
        total=total,
        claims=results,
        explanation=explanation,
        id=case.id,
    )


def bank_ranks(
    cases: Sequence[CaseInput],
    policy: Policy,
    rejected: Sequence[bool] | None = None,
) -> dict[int, dict[int, RankDecision]]:
    """Rank every eligible ranking claim of the batch (附件1·知识产权质押融资·第1行).

    ``rejected`` says, per case, whether :func:`rejection_grounds` found any (worked out
    here when not given)."""
    entries: list[tuple[tuple[object, ...], int, int, str]] = []
    for case_index, case in enumerate(cases):
        if rejected[case_index] if rejected is not None else rejection_grounds(case, policy)[0]:
            continue
        for claim_index, claim in enumerate(case.claims):
            item = policy.items[claim.item]
            if item.rule != "ranking" or eligibility_failures(item, claim, case.applicant, policy):
                continue
            metrics = tuple(-Decimal(str(claim.fact(name))) for name in item.params.rank_by)
            entries.append(
                (
                    (*metrics, case.id, case_index, claim_index),
                    case_index,
                    claim_index,
                    case.applicant.credit_code,
                )
            )
    entries.sort(key=lambda e: e[0])
    seen_banks: set[str] = set()
    ranked: list[tuple[int, int]] = []
    duplicates: list[tuple[int, int]] = []
    for _, case_index, claim_index, credit_code in entries:
        if credit_code in seen_banks:
            duplicates.append((case_index, claim_index))
        else:
            seen_banks.add(credit_code)
            ranked.append((case_index, claim_index))
    decisions: dict[int, dict[int, RankDecision]] = defaultdict(dict)
    for rank, (case_index, claim_index) in enumerate(ranked, start=1):
        decisions[case_index][claim_index] = RankDecision(rank, len(ranked))
    for case_index, claim_index in duplicates:
        decisions[case_index][claim_index] = RankDecision(0, len(ranked), duplicate=True)
    return decisions


def prorate(
    amounts: Sequence[Decimal], budget: Decimal, ids: Sequence[str]
) -> tuple[list[Decimal], Decimal]:
    """Scale amounts to the budget in fen, largest remainder first (四「按比例进行资助」).

    Returns the new amounts and the ratio. Under budget nothing changes and the ratio is 1.
    """
    fen = [to_fen(a) for a in amounts]
    requested = sum(fen)
    budget_fen = to_fen(budget)
    if requested <= budget_fen:
        return list(amounts), Decimal(1)
    shares = [divmod(f * budget_fen, requested) for f in fen]
    scaled = [q for q, _ in shares]
    leftover = budget_fen - sum(scaled)
    order = sorted(range(len(fen)), key=lambda i: (-shares[i][1], -fen[i], ids[i], i))
    for i in order[:leftover]:
        scaled[i] += 1
    return [from_fen(s) for s in scaled], Decimal(budget_fen) / Decimal(requested)


def _pooled_results(
    cases: Sequence[CaseInput],
    policy: Policy,
    lpr: LprTable,
    ranks: Mapping[int, dict[int, RankDecision]],
    grounds: Sequence[tuple[list[str], list[str]]],
) -> list[ApplicationResult]:
    """Every application, those of one credit code pooled (issue 13 §2): taken in the order
    received date, then id, then place in the batch, each counts what the earlier ones were
    given toward the cumulative caps and 从优、不叠加, as a live application in the database
    would. An earlier one keeps what it was given; a later one gets the remainder."""
    results: list[ApplicationResult | None] = [None] * len(cases)
    by_code: dict[str, list[int]] = defaultdict(list)
    for i, case in enumerate(cases):
        by_code[case.applicant.credit_code].append(i)
    for indexes in by_code.values():
        if len(indexes) == 1:  # the common case: nothing to pool
            i = indexes[0]
            results[i] = calculate_application(cases[i], policy, lpr, ranks.get(i), grounds[i])
            continue
        awards: list[PriorAward] = []
        settled: list[SettledClaim] = []
        contracts: list[tuple[str, str]] = []
        for i in sorted(indexes, key=lambda i: (cases[i].received_on, cases[i].id, i)):
            case = cases[i]
            if awards or contracts:
                case = replace(
                    case,
                    prior_awards=(*case.prior_awards, *awards),
                    settled=(*case.settled, *settled),
                    bonus_contracts=(*case.bonus_contracts, *contracts),
                )
            result = calculate_application(case, policy, lpr, ranks.get(i), grounds[i])
            results[i] = result
            reference = f"本批第{i + 1}件" + (f"（{case.id}）" if case.id else "")
            for claim, outcome in zip(case.claims, result.claims, strict=True):
                if outcome.amount <= 0:
                    continue
                item = policy.items[claim.item]
                months = claim.facts.get("interest_months") if item.params.max_months else None
                awards.append(
                    PriorAward(claim.item, outcome.amount, int(str(months or 0)), reference)
                )
                found = stacking_key(policy, claim)
                if found is not None:
                    settled.append(SettledClaim(claim.item, found[1], outcome.amount, reference))
                key = bonus_key(item, claim)
                if outcome.bonus > 0 and key is not None:
                    contracts.append((key, reference))
    assert all(r is not None for r in results)
    return [r for r in results if r is not None]


def calculate_batch(
    cases: Sequence[CaseInput],
    policy: Policy,
    lpr: LprTable | None = None,
    budget: Decimal | None = None,
) -> BatchResult:
    with collector_paused():
        return _calculate_batch(cases, policy, lpr or load_lpr(), budget)


def _calculate_batch(
    cases: Sequence[CaseInput], policy: Policy, lpr: LprTable, budget: Decimal | None
) -> BatchResult:
    budget = policy.budget if budget is None else budget
    grounds = [rejection_grounds(c, policy) for c in cases]
    ranks = bank_ranks(cases, policy, [bool(found) for found, _ in grounds])
    results = _pooled_results(cases, policy, lpr, ranks, grounds)
    before = [r.total for r in results]
    ids = [c.id or str(i + 1) for i, c in enumerate(cases)]
    after, ratio = prorate(before, budget, ids)
    requested = sum(before, Decimal(0))
    explanation = [
        f"资助预算{yuan(budget)}（{policy.budget_clause}）",
        f"本批申请资助合计{yuan(requested)}",
    ]
    applications: list[BatchApplication] = []
    prorated = requested > budget
    if prorated:
        explanation.append(
            f"超过预算，各申请按 预算 ÷ 申请合计 = {yuan(budget)} ÷ {yuan(requested)} ≈ {ratio_text(ratio)} "
            "等比例折算到分，舍去的分按最大余数法补足，折算后合计等于预算"
        )
    else:
        explanation.append("未超过预算，不作折算")
    for case_id, result, b, a in zip(ids, results, before, after, strict=True):
        lines: list[str] = []
        if prorated and b > 0:
            exact = b * budget / requested
            lines.append(
                f"按比例资助（{policy.budget_clause}）：{yuan(b)} × {yuan(budget)} ÷ {yuan(requested)}"
                f" = {exact.quantize(Decimal('0.0001'))}元，折算为{yuan(a)}{_capitals(a)}"
            )
        applications.append(BatchApplication(case_id, b, a, result, lines))
    total = sum(after, Decimal(0))
    explanation.append(f"折算后合计{yuan(total)}{_capitals(total)}")
    return BatchResult(
        policy_id=policy.id,
        policy_version=policy.version,
        budget=quantize_fen(budget),
        requested_total=requested,
        ratio=ratio,
        total=total,
        applications=applications,
        explanation=explanation,
    )


__all__ = [
    "bank_ranks",
    "calculate_application",
    "calculate_batch",
    "money_text",
    "prorate",
    "rejection_grounds",
]
