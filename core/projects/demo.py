"""Demonstration cultivation projects, one in each state a clerk meets, made through the real
operations on a fixed clock (so the demo also walks every step). Called by
:func:`core.demo.populate_demo` after the district cases.

The 2024 rules took effect on 2024-12-10 (第十三条) and a period is 2—3 years (第六条), so a
project closed before the demo's last date (2026-11-20) was accepted before its planned end:
the closed one shows the 提前结题验收 note on purpose.

| number | state | shows |
|---|---|---|
| 第01号 | 已结题 | reports, 优秀 mid-term, early meeting acceptance, both instalments |
| 第02号 | 实施中 | two reports, the third overdue; a flagged use outside 第十一条 |
| 第03号 | 实施中 | an extension request waiting for the supervisor |
| 第04号 | 已终止 | termination approved: 20万 recovered, 10万 kept |
| 第05号 | 评审中 | eligibility checked, with the evaluation |
| 第06号 | 已申报 | just registered |
| 第07号 | 未立项 | 第五条（四） not met |
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from core.db.clock import CHINA_TZ, FixedClock
from core.db.database import Database
from core.identifiers import credit_code_check_char
from core.projects import records, workflow
from core.projects.model import (
    AcceptanceForm,
    ActualForm,
    ApprovalForm,
    ConditionFinding,
    DecisionForm,
    EvaluationForm,
    ExtensionRequestForm,
    MidtermForm,
    ProgressForm,
    ProjectForm,
    SettlementForm,
    SpendingForm,
    TargetForm,
    TerminationRequestForm,
    UnitForm,
)
from core.projects.policy import load_project_policy
from core.projects.rules import ClosureDecision

POLICY_ID = "chongqing-hvp-2024"
# The demo's last day: every step is dated on or before it.
LAST_DAY = dt.date(2026, 11, 20)


def _code(prefix: str, serial: int) -> str:
    body = f"{prefix}{serial:07d}"
    return body + credit_code_check_char(body)


def _enterprise(name: str, serial: int, lead: bool = True) -> UnitForm:
    return UnitForm(name, _code("91500227MA", serial), "enterprise", lead)


_UNIVERSITY = UnitForm("重庆璧山理工学院", _code("12500000MB", 1701), "university")
_INSTITUTE = UnitForm("重庆市璧山区智能制造研究院", _code("12500227MB", 2203), "institute")
_SERVICE = UnitForm("重庆璧山知识产权服务有限公司", _code("91500227MA", 3305), "service_org")

_FULL_BUDGET = {
    "search_database": "60000",
    "navigation": "120000",
    "layout": "180000",
    "operation": "80000",
    "training": "30000",
    "other": "30000",
}


@dataclass(frozen=True)
class _Plan:
    key: str
    form: ProjectForm


def _form(
    title: str,
    field: str,
    industry: str,
    technology: str,
    units: list[UnitForm],
    received: dt.date,
    start: dt.date,
    end: dt.date,
    own: str,
    targets: list[TargetForm],
    linked: str = "",
) -> ProjectForm:
    return ProjectForm(
        policy_id=POLICY_ID,
        title=title,
        field=field,
        key_industry=industry,
        technology_type=technology,
        units=units,
        received_on=received,
        start=start,
        end=end,
        own_funds=own,
        budget=_FULL_BUDGET,
        targets=targets,
        linked_project=linked,
    )


_PLANS = (
    _Plan(
        "closed",
        _form(
            "智能网联汽车线控底盘关键技术高价值专利培育",
            "汽车线控转向与线控制动",
            "智能网联新能源汽车",
            "key_core",
            [
                _enterprise("重庆青杠智能底盘科技有限公司", 1101),
                _UNIVERSITY,
                _SERVICE,
            ],
            dt.date(2025, 1, 6),
            dt.date(2025, 2, 1),
            dt.date(2027, 1, 31),
            "1200000",
            [
                TargetForm("invention_applications", 30),
                TargetForm("invention_grants", 10),
                TargetForm("foreign_applications", 3),
                TargetForm("high_value_portfolios", 2),
                TargetForm("transfers_licences", 3),
                TargetForm("patent_revenue", "20000000"),
            ],
        ),
    ),
    _Plan(
        "overdue",
        _form(
            "高精度谐波减速器高价值专利培育",
            "工业机器人精密传动",
            "高端装备",
            "bottleneck",
            [_enterprise("重庆来凤精密传动有限公司", 1202), _INSTITUTE],
            dt.date(2025, 1, 7),
            dt.date(2025, 4, 1),
            dt.date(2027, 3, 31),
            "800000",
            [
                TargetForm("invention_applications", 25),
                TargetForm("invention_grants", 8),
                TargetForm("product_filings", 2),
                TargetForm("pledge_financing", "5000000"),
            ],
        ),
    ),
    _Plan(
        "extension",
        _form(
            "固态电池电解质材料高价值专利培育",
            "新能源电池材料",
            "新材料",
            "major_project",
            [_enterprise("重庆璧泉新能源材料有限公司", 1303), _UNIVERSITY],
            dt.date(2025, 1, 8),
            dt.date(2025, 4, 1),
            dt.date(2027, 3, 31),
            "1500000",
            [
                TargetForm("invention_applications", 40),
                TargetForm("foreign_applications", 5),
                TargetForm("standards", 1),
            ],
            linked="重庆市技术创新与应用发展专项重大项目“固态锂电池关键材料”（CSTB2024TIAD-STX0031）",
        ),
    ),
    _Plan(
        "terminated",
        _form(
            "车规级功率半导体封装高价值专利培育",
            "功率半导体封装",
            "电子信息",
            "frontier",
            [_enterprise("重庆丁家半导体封装科技有限公司", 1404), _SERVICE],
            dt.date(2025, 1, 9),
            dt.date(2025, 4, 1),
            dt.date(2027, 3, 31),
            "600000",
            [TargetForm("invention_applications", 20), TargetForm("invention_grants", 6)],
        ),
    ),
    _Plan(
        "evaluating",
        _form(
            "医用可降解镁合金植入器械高价值专利培育",
            "生物医用材料",
            "生物医药",
            "frontier",
            [_enterprise("重庆秀湖医疗器械有限公司", 1505), _INSTITUTE],
            dt.date(2025, 1, 10),
            dt.date(2025, 7, 1),
            dt.date(2028, 6, 30),
            "900000",
            [TargetForm("invention_applications", 24), TargetForm("product_filings", 1)],
        ),
    ),
    _Plan(
        "applied",
        _form(
            "工业互联网边缘计算网关高价值专利培育",
            "工业互联网",
            "软件信息服务",
            "key_core",
            [_enterprise("重庆东林智联网络科技有限公司", 1606)],
            dt.date(2025, 1, 15),
            dt.date(2025, 7, 1),
            dt.date(2027, 6, 30),
            "500000",
            [TargetForm("invention_applications", 20)],
        ),
    ),
    _Plan(
        "refused",
        _form(
            "智能家居语音模组高价值专利培育",
            "智能家居",
            "电子信息",
            "frontier",
            [_enterprise("重庆云雾电子科技有限公司", 1707)],
            dt.date(2025, 1, 16),
            dt.date(2025, 7, 1),
            dt.date(2027, 6, 30),
            "400000",
            [TargetForm("invention_applications", 15)],
        ),
    ),
)

Step = Callable[[], object]


def populate_demo_projects(
    db: Database, clock: FixedClock, *, clerk: int, clerk2: int, supervisor: int
) -> int:
    """Add the demo projects (in date order, on ``clock``); returns how many were added."""
    policy = load_project_policy(POLICY_ID)
    ids: dict[str, int] = {}
    steps: list[tuple[dt.datetime, int, Step]] = []

    def at(day: dt.date, hour: int, step: Step) -> None:
        when = dt.datetime.combine(day, dt.time(hour, 0), tzinfo=CHINA_TZ)
        # The position keeps same-time steps in the order written.
        steps.append((when, len(steps), step))

    def register(plan: _Plan) -> Step:
        def run() -> None:
            changes = records.register_project(db, clerk, plan.form)
            assert changes.id is not None
            ids[plan.key] = changes.id

        return run

    for plan in _PLANS:
        at(plan.form.received_on, 10, register(plan))

    all_met = {
        c.code: ConditionFinding(
            True,
            "经国家企业信用信息公示系统查询，登记机关为重庆市市场监督管理局，住所在重庆市"
            if c.source
            else "经核查符合",
        )
        for c in policy.conditions
    }

    def check(key: str, day: dt.date, findings: dict[str, ConditionFinding] = all_met) -> None:
        at(day, 9, lambda: workflow.check_eligibility(db, clerk2, ids[key], findings, day))

    def evaluate(key: str, day: dt.date) -> None:
        at(day, 10, lambda: workflow.submit_for_evaluation(db, clerk2, ids[key], day))

    def approve(key: str, held: dt.date, book: dt.date, paid: dt.date, n: int, score: str) -> None:
        form = ApprovalForm(
            evaluation=EvaluationForm(
                held,
                "市知识产权局组织专家评审组（组长：王教授，成员5人）",
                "项目技术基础扎实，培育方案可行，绩效目标明确，同意立项。",
                score,
            ),
            task_book_number=f"渝知培任〔2025〕{n:02d}号",
            task_book_date=book,
            paid_on=paid,
            voucher=f"渝知财拨〔2025〕{20 + n}号",
        )
        at(paid, 15, lambda: workflow.approve_project(db, supervisor, ids[key], form))

    def start(key: str, day: dt.date) -> None:
        at(day, 9, lambda: workflow.start_project(db, clerk, ids[key], day))

    def report(key: str, day: dt.date, n: int, actuals: list[ActualForm]) -> None:
        form = ProgressForm(
            day,
            progress=f"第{n}阶段按任务书推进：完成伴随式专利导航分析报告{n}份，建立专利申请前评估制度。",
            results=f"本阶段新增发明专利申请{6 * n}件，形成技术方案优化建议{2 * n}项。",
            plan="下一阶段开展海外专利布局和专利密集型产品备案，组织专利信息运用培训。",
            actuals=actuals,
        )
        at(day, 14, lambda: workflow.report_progress(db, clerk, ids[key], form))

    def spend(key: str, day: dt.date, category: str, amount: str, note: str) -> None:
        form = SpendingForm(day, category, amount, note)
        at(day, 16, lambda: records.record_spending(db, clerk2, ids[key], form))

    # --- 第01号: closed after an early, passed acceptance and both instalments --------------
    check("closed", dt.date(2025, 1, 13))
    evaluate("closed", dt.date(2025, 1, 14))
    approve("closed", dt.date(2025, 1, 20), dt.date(2025, 1, 24), dt.date(2025, 1, 27), 1, "91.5")
    start("closed", dt.date(2025, 2, 1))
    spend("closed", dt.date(2025, 3, 3), "search_database", "58000", "专利数据库年度使用费")
    report(
        "closed",
        dt.date(2025, 7, 28),
        1,
        [ActualForm("invention_applications", 12), ActualForm("invention_grants", 2)],
    )
    spend("closed", dt.date(2025, 8, 20), "navigation", "118000", "伴随式专利导航服务合同")
    report(
        "closed",
        dt.date(2026, 1, 26),
        2,
        [ActualForm("invention_applications", 24), ActualForm("invention_grants", 7)],
    )
    at(
        dt.date(2026, 2, 10),
        15,
        lambda: workflow.record_midterm(
            db,
            supervisor,
            ids["closed"],
            MidtermForm(
                dt.date(2026, 2, 10),
                "中期评估专家组（3人）",
                "excellent",
                "进度超前，专利布局质量高，转化运用成效明显。",
            ),
        ),
    )
    spend("closed", dt.date(2026, 3, 16), "layout", "176000", "海外专利申请及代理费")
    spend("closed", dt.date(2026, 5, 12), "operation", "80000", "专利许可谈判与评估")
    spend("closed", dt.date(2026, 6, 8), "training", "28000", "专利信息运用培训两期")
    report(
        "closed",
        dt.date(2026, 7, 27),
        3,
        [ActualForm("invention_applications", 33), ActualForm("invention_grants", 11)],
    )
    spend("closed", dt.date(2026, 8, 5), "other", "30000", "宣传册及案例汇编印制")
    at(
        dt.date(2026, 9, 25),
        15,
        lambda: workflow.accept_project(
            db,
            supervisor,
            ids["closed"],
            AcceptanceForm(
                dt.date(2026, 9, 25),
                "meeting",
                "结题验收专家组：王教授（组长）、李研究员、赵高工、刘律师、陈会计师",
                True,
                "项目提前完成任务书约定的目标任务，形成高价值专利组合2个，验收通过。",
                actuals=[
                    ActualForm("invention_applications", 35),
                    ActualForm("invention_grants", 12),
                    ActualForm("foreign_applications", 4),
                    ActualForm("high_value_portfolios", 2),
                    ActualForm("transfers_licences", 3, "含开放许可1次"),
                    ActualForm("patent_revenue", "26500000.00"),
                ],
                closure=ClosureDecision.FULL,
                closure_reason="各项支出均在第十一条所列用途内且未超类别预算；结余资金为结题补助"
                "到位后的后续转化运营经费，按第十二条专款专用，全额拨付结题补助。",
            ),
        ),
    )
    at(
        dt.date(2026, 10, 20),
        10,
        lambda: workflow.pay_closure(
            db, supervisor, ids["closed"], dt.date(2026, 10, 20), voucher="渝知财拨〔2026〕58号"
        ),
    )

    # --- 第02号: in progress, the third report overdue; a use outside 第十一条 ---------------
    check("overdue", dt.date(2025, 1, 13))
    evaluate("overdue", dt.date(2025, 1, 14))
    approve("overdue", dt.date(2025, 3, 10), dt.date(2025, 3, 18), dt.date(2025, 3, 24), 2, "87")
    start("overdue", dt.date(2025, 4, 1))
    spend("overdue", dt.date(2025, 5, 6), "search_database", "45000", "检索分析平台")
    report("overdue", dt.date(2025, 10, 9), 1, [ActualForm("invention_applications", 7)])
    spend("overdue", dt.date(2025, 12, 18), "other", "6800", "差旅费")
    spend("overdue", dt.date(2026, 1, 9), "业务招待费", "4200", "合作洽谈餐费")
    report(
        "overdue",
        dt.date(2026, 4, 8),
        2,
        [ActualForm("invention_applications", 13), ActualForm("invention_grants", 3)],
    )
    at(
        dt.date(2026, 4, 20),
        15,
        lambda: workflow.record_midterm(
            db,
            supervisor,
            ids["overdue"],
            MidtermForm(
                dt.date(2026, 4, 20),
                "中期评估专家组（3人）",
                "pass",
                "基本按计划推进；专利质押融资尚未启动，请加快转化运用。",
            ),
        ),
    )

    # --- 第03号: an extension request waiting for the supervisor ---------------------------
    check("extension", dt.date(2025, 1, 13))
    evaluate("extension", dt.date(2025, 1, 14))
    approve("extension", dt.date(2025, 3, 10), dt.date(2025, 3, 18), dt.date(2025, 3, 24), 3, "85")
    start("extension", dt.date(2025, 4, 1))
    report("extension", dt.date(2025, 9, 29), 1, [ActualForm("invention_applications", 5)])
    report("extension", dt.date(2026, 3, 30), 2, [ActualForm("invention_applications", 11)])
    at(
        dt.date(2026, 4, 22),
        15,
        lambda: workflow.record_midterm(
            db,
            supervisor,
            ids["extension"],
            MidtermForm(
                dt.date(2026, 4, 22),
                "中期评估专家组（3人）",
                "good",
                "关联重大专项进度调整，专利申请量略低于计划。",
            ),
        ),
    )
    spend("extension", dt.date(2026, 5, 20), "layout", "96000", "PCT申请费用")
    report("extension", dt.date(2026, 9, 28), 3, [ActualForm("invention_applications", 19)])
    at(
        dt.date(2026, 11, 10),
        10,
        lambda: workflow.request_extension(
            db,
            clerk,
            ids["extension"],
            ExtensionRequestForm(
                dt.date(2026, 11, 9),
                "所关联的市级重大专项中试线建设推迟9个月，固态电解质量产工艺验证相应延后。",
                "已申请发明专利19件，其中PCT申请2件；完成专利导航报告2份。",
                dt.date(2027, 12, 31),
            ),
        ),
    )

    # --- 第04号: terminated, the approval instalment settled -------------------------------
    check("terminated", dt.date(2025, 1, 13))
    evaluate("terminated", dt.date(2025, 1, 14))
    approve("terminated", dt.date(2025, 3, 10), dt.date(2025, 3, 18), dt.date(2025, 3, 24), 4, "82")
    start("terminated", dt.date(2025, 4, 1))
    spend("terminated", dt.date(2025, 6, 3), "navigation", "70000", "专利导航分析")
    spend("terminated", dt.date(2025, 9, 15), "search_database", "30000", "检索数据库")
    report("terminated", dt.date(2025, 10, 10), 1, [ActualForm("invention_applications", 4)])
    at(
        dt.date(2026, 3, 2),
        10,
        lambda: workflow.request_termination(
            db,
            clerk,
            ids["terminated"],
            TerminationRequestForm(
                dt.date(2026, 3, 2),
                "核心研发团队整体离职，封装技术路线调整为外购方案，无法完成绩效目标。",
                "已完成专利导航1项，申请发明专利4件。",
                "已形成的专利由项目单位继续维持；未使用的财政资金20万元退回；"
                "已用于导航和检索的10万元经审计后留用。",
            ),
        ),
    )
    at(
        dt.date(2026, 3, 20),
        15,
        lambda: workflow.decide_termination(
            db,
            supervisor,
            ids["terminated"],
            DecisionForm(
                dt.date(2026, 3, 20),
                True,
                "同意终止。追回未使用资金20万元，已合规使用的10万元留用。",
            ),
            SettlementForm("200000", "100000"),
        ),
    )

    # --- 第05号 under evaluation; 第06号 just registered; 第07号 not approved ---------------
    check("evaluating", dt.date(2025, 1, 17))
    evaluate("evaluating", dt.date(2025, 1, 20))
    check(
        "refused",
        dt.date(2025, 1, 20),
        all_met
        | {
            "no_dishonesty": ConditionFinding(
                False, "经“信用中国”查询，申报单位2024年被列入严重违法失信名单"
            )
        },
    )

    for when, _, step in sorted(steps, key=lambda s: (s[0], s[1])):
        assert when.date() <= LAST_DAY, "a demo step after the demo's last day"
        clock.set(when)
        step()
    return len(ids)
