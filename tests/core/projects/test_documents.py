"""The printed forms of a project and the workbook of all projects."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from core.db.database import Database
from core.projects import records, workflow
from core.projects.documents import (
    NothingToPrint,
    render_acceptance,
    render_midterm,
    render_request,
    render_summary,
    write_form,
)
from core.projects.model import ActualForm, DecisionForm, ProjectDetail, SettlementForm
from core.projects.queries import get_project, list_project_details
from core.projects.workbook import projects_workbook
from tests.core.db.conftest import People
from tests.core.projects.helpers import (
    POLICY,
    S,
    acceptance,
    advance,
    at,
    extension,
    midterm,
    progress,
    register,
    spending,
    termination,
)
from tests.pdf_helpers import assert_all_fonts_embedded, pdf_text


def flat(pdf: bytes) -> str:
    """The text without the line breaks a table cell made."""
    return re.sub(r"\s+", "", pdf_text(pdf))


@pytest.fixture
def closed(db: Database, people: People) -> ProjectDetail:
    """A project through reports, a mid-term, spending (one use outside 第十一条), an early
    acceptance and the closure instalment."""
    pid = register(db, people, technology_type="major_project", linked_project="市级重大专项A")
    advance(db, people, pid, S.IN_PROGRESS)
    for day, applications in ((dt.date(2025, 7, 30), 9), (dt.date(2026, 1, 28), 15)):
        at(db, day)
        workflow.report_progress(
            db,
            people.clerk,
            pid,
            progress(day, ActualForm("invention_applications", applications)),
        )
        records.record_spending(db, people.clerk2, pid, spending(day, "navigation", "40000"))
    at(db, dt.date(2026, 2, 5))
    workflow.record_midterm(db, people.supervisor, pid, midterm(dt.date(2026, 2, 5), "excellent"))
    at(db, dt.date(2026, 3, 1))
    records.record_spending(db, people.clerk2, pid, spending(dt.date(2026, 3, 1), "餐费", "500"))
    at(db, dt.date(2026, 11, 20))
    workflow.accept_project(db, people.supervisor, pid, acceptance(dt.date(2026, 11, 20)))
    workflow.pay_closure(db, people.supervisor, pid, dt.date(2026, 11, 20), voucher="拨2026-9")
    return get_project(db, pid)


def test_summary(closed: ProjectDetail):
    pdf = render_summary(closed)
    text = flat(pdf)
    assert "重庆市高价值专利培育项目立项信息表" in text
    # As of its task book (issue 16 §2): the project closed later.
    assert "已立项" in text and "已结题" not in text
    for expected in (
        "渝高价值培育〔2025〕第01号",
        "测试高价值专利培育项目01",
        "正在实施中的国家或市级重大科技攻关项目：市级重大专项A",
        "2025年2月1日至2027年1月31日（24个月）",
        "重庆璧山理工学院",
        "联合申报",
        "第五条（四）",
        "无严重失信行为",
        "专家评审组（5人）",
        "500,000.00",
        "300,000.00",
        "200,000.00",
        "拨2026-9",
        "发明专利申请量",
        "第七条（二）",
        "登记：张晓燕",
        # Issue 16 §8: signed and stamped like every other form.
        "经办与审核",
        "经办人：",
        "审核人：",
        "签名：",
        "重庆市知识产权局（盖章）",
    ):
        assert expected in text, expected
    assert "第1页共2页" in text or "第1页共1页" in text or "第2页共2页" in text
    assert_all_fonts_embedded(pdf)
    # Same project, same bytes: printed forms can be archived and compared.
    assert render_summary(closed) == pdf


def test_midterm_shows_the_state_at_the_evaluation(closed: ProjectDetail):
    pdf = render_midterm(closed)
    text = flat(pdf)
    assert "中期评估表" in text
    assert "√优秀" in text and "□不合格" in text
    assert "第1次" in text and "第2次" in text
    # As of 2026-02-05: 15 applications of 20 (75.0 %), 80,000 spent, not the later 餐费.
    assert "75.0%" in text
    assert "80,000.00" in text
    assert "餐费" not in text and "不属于第十一条所列用途" not in text
    assert "截至2026年2月5日" in text
    # Issue 16 §2: the status and the money of that day, not of today (closed, both paid).
    assert "实施中" in text and "已结题" not in text
    assert "截至2026年2月5日已拨付财政资金300,000.00元（立项补助300,000.00元）" in text
    assert "结题补助200,000.00" not in text
    assert_all_fonts_embedded(pdf)


def test_acceptance_sets_targets_against_actuals(closed: ProjectDetail):
    pdf = render_acceptance(closed)
    text = flat(pdf)
    assert "结题验收意见表" in text
    assert "√会议验收□资料验收□现场验收" in text
    assert "验收专家组（5人）" in text
    # Targets from the task book against the actual values reported at acceptance.
    assert "发明专利申请量件2022110.0%√" in text
    assert "专利质押融资金额元3,000,000.003,200,000.00106.7%√" in text
    assert "提前结题验收" in text
    assert "不属于第十一条所列用途" in text and "餐费" in text
    assert "√通过□不通过" in text
    # The acceptance's decision on the closure instalment (issue 16 §4).
    assert "应拨付结题补助200,000.00元（大写：贰拾万元整）" in text
    assert_all_fonts_embedded(pdf)


def test_blank_forms_before_the_events(db: Database, people: People):
    pid = register(db, people)
    applied = get_project(db, pid)
    with pytest.raises(NothingToPrint, match="尚未立项"):
        render_midterm(applied)
    with pytest.raises(NothingToPrint, match="尚未立项"):
        render_acceptance(applied)
    with pytest.raises(NothingToPrint, match="没有延期或终止申请"):
        render_request(applied)
    assert "（尚未立项）" in flat(render_summary(applied))
    advance(db, people, pid, S.IN_PROGRESS)
    running = get_project(db, pid)
    text = flat(render_acceptance(running))
    assert "□会议验收□资料验收□现场验收" in text and "□通过□不通过" in text
    assert "验收通过后拨付结题补助200,000.00元" in text
    assert "□优秀□良好□合格□不合格" in flat(render_midterm(running))


def test_extension_request_form_with_the_opinion_box(db: Database, people: People, tmp_path):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2026, 12, 1)
    at(db, day)
    workflow.request_extension(db, people.clerk, pid, extension(day, dt.date(2028, 3, 31)))
    pending = get_project(db, pid)
    text = flat(render_request(pending))
    assert "延期申请审核表" in text
    assert "√延期□终止" in text and "□同意□不同意" in text
    assert "2027年1月31日" in text and "2028年3月31日" in text
    assert "中试推迟" in text and "已完成专利导航" in text
    assert "超过第六条" in text  # 38 months: the warning is printed
    assert "重庆市知识产权局（盖章）" in text
    workflow.decide_extension(db, people.supervisor, pid, DecisionForm(day, True, "同意延期说明"))
    decided = get_project(db, pid)
    pdf = render_request(decided)
    text = flat(pdf)
    assert "√同意□不同意" in text
    # Issue 16 §8: the typed name is not the signature; room for ink follows it.
    assert re.search(r"审核人：\S+签名：日期：", text), (
        "no blank for the signature" and "同意延期说明" in text and "李建国" in text
    )
    assert "经批准延期，原结束日期2027年1月31日" in text
    assert_all_fonts_embedded(pdf)
    path = write_form("request", decided, tmp_path / "out" / "request.pdf")
    assert path.read_bytes()[:5] == b"%PDF-"


def test_termination_request_form_shows_the_settlement(db: Database, people: People):
    pid = register(db, people)
    advance(db, people, pid, S.IN_PROGRESS)
    day = dt.date(2025, 9, 1)
    at(db, day)
    workflow.request_termination(db, people.clerk, pid, termination(day))
    workflow.decide_termination(
        db,
        people.supervisor,
        pid,
        DecisionForm(day, True, "同意终止"),
        SettlementForm("250000", "50000"),
    )
    detail = get_project(db, pid)
    text = flat(render_request(detail))
    assert "终止申请审核表" in text and "□延期√终止" in text
    assert "项目终止的后续处理事项" in text and "退回未使用资金" in text
    assert "250,000.00元（大写：贰拾伍万元整）" in text
    assert "50,000.00元（大写：伍万元整）" in text
    assert "√同意□不同意" in text


def test_long_names_wrap_inside_their_cells(db: Database, people: People):
    long_name = "重庆璧山" + "高端智能装备与新材料协同创新" * 4 + "研究院有限责任公司"
    pid = register(db, people, title="超长项目名称" * 12)
    advance(db, people, pid, S.APPROVED)
    with db.write() as session:
        from core.db.models import ProjectUnit

        unit = session.get(ProjectUnit, 1)
        assert unit is not None
        unit.name = long_name
    pdf = render_summary(get_project(db, pid))
    assert long_name in flat(pdf)
    assert_all_fonts_embedded(pdf)


def test_workbook_of_all_projects(db: Database, people: People, closed: ProjectDetail):
    other = register(db, people, 2)
    advance(db, people, other, S.TERMINATED)
    register(db, people, 3)  # 已申报: its budget is only applied for
    data = projects_workbook(list_project_details(db), POLICY, prepared_on=dt.date(2026, 11, 20))
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["项目一览", "资金拨付", "支出分类", "绩效目标", "支出明细"]
    # Issue 16 §8: every sheet prints readably on A4 landscape, its header on every page.
    for sheet in wb.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.max_column <= 11, sheet.title
        assert sheet.print_title_rows and sheet.print_area, sheet.title

    def rows(sheet: str, header_row: int) -> list[dict[str, object]]:
        ws = wb[sheet]
        header = [c.value for c in ws[header_row]]
        return [
            dict(zip(header, [c.value for c in row], strict=True))
            for row in ws.iter_rows(min_row=header_row + 1)
        ]

    summary = rows("项目一览", 3)
    assert [r["状态"] for r in summary] == ["已结题", "已终止", "已申报"]
    assert "不在第十一条所列范围内" in str(summary[0]["提醒与提示"])
    # Issue 16 §9: the termination and its follow-up.
    ended = str(summary[1]["终止与后续处理"])
    assert "终止" in ended and "追回200,000.00元，留用100,000.00元" in ended
    assert "后续处理：" in ended and summary[0]["终止与后续处理"] is None
    money = rows("资金拨付", 2)
    first, second, applied, total = money
    assert first["立项补助（元）"] == 300000 and first["结题补助（元）"] == 200000
    assert (second["追回（元）"], second["留用（元）"]) == (200000, 100000)
    # Issue 16 §4: only approved projects count in 财政资金; the one applied for stands apart.
    assert applied["申请财政资金（元）"] == 500000 and applied["立项财政资金（元）"] is None
    assert first["立项财政资金（元）"] == second["立项财政资金（元）"] == 500000
    assert first["申请财政资金（元）"] is None
    assert total["项目编号"] == "合计"
    assert total["立项财政资金（元）"] == "=SUM(D3:D5)"
    assert wb["资金拨付"]["D3"].number_format == "#,##0.00"
    uses = rows("支出分类", 2)
    assert uses[0]["专利导航（元）"] == 80000 and uses[0]["第十一条以外（元）"] == 500
    assert uses[-1]["已支出合计（元）"] == "=SUM(B3:B5)"
    targets = wb["绩效目标"]
    rows = [[c.value for c in row] for row in targets.iter_rows(min_row=4)]
    assert rows[0][3:7] == ["发明专利申请量", "件", 20, 22]
    assert rows[0][9] == "是"
    assert any(r[9] == "未填报" for r in rows)  # the terminated project reported nothing
    spent = [[c.value for c in row] for row in wb["支出明细"].iter_rows(min_row=3)]
    assert [r[4] for r in spent] == ["是", "是", "否"]
    assert sum(Decimal(str(r[3])) for r in spent) == Decimal("80500")


def test_instalments_that_will_never_be_paid_say_why(db: Database, people: People):
    ended = register(db, people, 1)
    advance(db, people, ended, S.TERMINATED)
    text = flat(render_summary(get_project(db, ended)))
    assert "立项补助300,000.00" in text
    assert "结题补助（已终止，不拨付）—" in text
    refused = register(db, people, 2)
    advance(db, people, refused, S.NOT_APPROVED)
    text = flat(render_summary(get_project(db, refused)))
    assert "立项补助（未立项，不拨付）—" in text and "结题补助（未立项，不拨付）—" in text
    running = register(db, people, 3)
    advance(db, people, running, S.IN_PROGRESS)
    assert "结题补助（未拨付）200,000.00" in flat(render_summary(get_project(db, running)))


def test_a_terminated_project_has_no_acceptance_form(db: Database, people: People) -> None:
    """Issue 16 §2: a 结题验收意见表 saying 「验收通过后拨付结题补助」 contradicted the
    termination form's 「终止的项目不再拨付结题补助」."""
    pid = register(db, people)
    advance(db, people, pid, S.TERMINATED)
    detail = get_project(db, pid)
    with pytest.raises(NothingToPrint, match=r"已终止.*申请审核表"):
        render_acceptance(detail)
    pdf = render_request(detail)
    assert_all_fonts_embedded(pdf)
    assert "终止的项目不再拨付结题补助" in "".join(pdf_text(pdf).split())
