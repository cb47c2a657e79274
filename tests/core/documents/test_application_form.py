"""The 申请表 (附件2): every label of the original, the amounts in figures and capitals."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import pytest

from core.documents.application_form import (
    DECLARATION,
    FIXED_LABELS,
    application_form_sheet,
    render_application_form,
    short_standard,
    write_application_form,
)
from core.documents.gridform import PAGE_BOTTOM, PAGE_TOP, layout
from core.documents.model import FormCase, ResultSnapshot, form_case_from_case_document
from core.documents.samples import sample_case_document
from core.money import format_yuan, rmb_capitals
from core.policy.model import Policy
from tests.core.documents.pdf_checks import check_pdf, flat, pages
from tests.pdf_helpers import iter_fonts

# 附件2 of seed 002, row by row.
ATTACHMENT_2_ROWS = (
    "接受发明专利转让",
    "接受发明专利许可",
    "发明开放许可",
    "知识产权质押融资",
    "专利密集型产品备案",
    "专利密集型产品认定",
    "高价值专利培育（转化）中心",
    "专利转化服务",
)


def with_total(case: FormCase, amount: str) -> FormCase:
    """The same case with a result snapshot whose total (and only claim) is ``amount``."""
    raw: dict[str, Any] = dict(case.result.raw)
    raw["total"] = amount
    raw["claims"] = [dict(raw["claims"][0], amount=amount)]
    claims = case.claims[:1]
    return dataclasses.replace(case, claims=claims, result=ResultSnapshot.from_json(raw))


def test_the_form_carries_every_label_of_attachment_2(form_case: FormCase) -> None:
    text = check_pdf(render_application_form(form_case))
    assert text.startswith("附件2")
    assert "重庆市璧山区专利转化运用资助申请表" in text
    for label in FIXED_LABELS:
        assert flat(label) in text, label
    for row in ATTACHMENT_2_ROWS:
        assert row in text, row
    assert flat(DECLARATION) in text
    assert "年月日" in text


# 附件2 of seed 002 as printed there, written out here rather than taken from the code, so
# that a label dropped from the form and from FIXED_LABELS together is still caught.
ATTACHMENT_2_LABELS_IN_ORDER = (
    "附件2",
    "重庆市璧山区专利转化运用资助申请表",
    "申请人名称（姓名）",
    "资助事项",
    "资助标准",
    "资助数量",
    "资助合计（元）",
    *ATTACHMENT_2_ROWS,
    "总计（元）",
    "（单位）统一社会信用代码",
    "申请人所在地址",
    "经办人",
    "经办人电话",
    "专利代理机构",
    "代理人",
    "电话",
    "申请人户名",
    "开户银行",
    "银行账号",
    "金额（总计）",
    "申请人签章",
    "本申请人承诺上述信息真实、准确、有效，所申请的专利转化项目来源合理合法，不属于通过抄袭、"
    "重复提交、拼凑和编造等非正常手段获得，且不以套取专利转化资助为目的，否则愿意承担相应法律责任。",
    "盖章（签名）",
    "年月日",
    "区市场监管局审核意见",
    "区财政局审核意见",
)


def test_the_labels_of_attachment_2_appear_in_its_order(form_case: FormCase) -> None:
    text = check_pdf(render_application_form(form_case))
    at = 0
    for label in ATTACHMENT_2_LABELS_IN_ORDER:
        found = text.find(label, at)
        assert found >= 0, f"{label} missing or out of order"
        at = found + len(label)


def test_the_policy_rows_are_the_eight_rows_of_attachment_2(policy: Policy) -> None:
    assert policy.form_rows == ATTACHMENT_2_ROWS


def test_applicant_case_number_and_the_extra_fields_are_printed(form_case: FormCase) -> None:
    text = check_pdf(render_application_form(form_case))
    a = form_case.applicant
    for value in (
        a.name,
        a.credit_code,
        a.address,
        a.handler,
        a.handler_phone,
        a.patent_agency,
        a.attorney,
        a.attorney_phone,
        a.bank,
        a.account_number,
        "受理编号：璧市监专转〔2024〕第001号",
    ):
        assert flat(value) in text, value


def test_each_row_totals_its_claims_with_standard_and_quantity(form_case: FormCase) -> None:
    text = check_pdf(render_application_form(form_case))
    # transfer 10,000 + implementation 20,000 share the 接受发明专利转让 row.
    assert (
        "接受发明专利转让接受高校院所发明专利转让：1万元/件发明专利转化实施：2万元/件2件30,000.00"
        in text
    )
    assert "接受发明专利许可5000元/件" in text
    assert "1件7,000.00" in text
    # interest 86,250.00 + fees 4,600.25
    assert "2笔90,850.25" in text
    assert "专利密集型产品备案1000元/个1个1,000.00" in text


def test_the_total_is_in_figures_and_in_capitals(form_case: FormCase) -> None:
    assert form_case.result.total == Decimal("128850.25")
    text = check_pdf(render_application_form(form_case))
    assert "总计（元）128,850.25（大写：壹拾贰万捌仟捌佰伍拾元贰角伍分）" in text
    assert "金额（总计）128,850.25元" in text


def test_the_dense_sample_fits_on_one_page(form_case: FormCase) -> None:
    pdf = render_application_form(form_case)
    assert len(pages(pdf)) == 1
    assert "第1页共1页" in flat(pages(pdf)[0])


@pytest.mark.parametrize(
    ("amount", "capitals"),
    [
        ("0.00", "零元整"),
        ("0.07", "柒分"),
        ("10.00", "壹拾元整"),
        ("10005.00", "壹万零伍元整"),
        ("1000.07", "壹仟元零柒分"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("20300.40", "贰万零叁佰元肆角整"),
        ("100000.50", "壹拾万元零伍角整"),
        ("105000.00", "壹拾万零伍仟元整"),
        ("1000000.00", "壹佰万元整"),
    ],
)
def test_tricky_amounts_in_capitals_render(form_case: FormCase, amount: str, capitals: str) -> None:
    assert rmb_capitals(Decimal(amount)) == capitals
    text = check_pdf(render_application_form(with_total(form_case, amount)))
    assert f"（大写：{capitals}）" in text


def test_long_names_wrap_inside_their_cells_and_are_printed_whole() -> None:
    doc = sample_case_document(3)
    name = "重庆璧山" + "高端智能装备与新材料协同创新" * 5 + "研究院有限责任公司"
    doc["applicant"]["name"] = name
    doc["form"]["account_name"] = name
    doc["form"]["address"] = "重庆市璧山区" + "璧泉街道东林大道" * 8 + "1号"
    case = form_case_from_case_document(doc)
    pdf = render_application_form(case)
    text = check_pdf(pdf)
    assert text.count(name) == 2
    assert flat(doc["form"]["address"]) in text
    # Every line of every cell fits its column, and every cell its page.
    laid_out = layout(application_form_sheet(case))
    checked = 0
    for page in laid_out:
        for cell in page.cells:
            assert PAGE_BOTTOM - 0.01 <= cell.bottom < cell.top <= PAGE_TOP + 0.01
            for line in cell.lines:
                assert cell.left + cell.pad_x - 0.01 <= line.x, line.runs
                assert line.x + line.width <= cell.right - cell.pad_x + 0.01, line.runs
                assert cell.bottom < line.y < cell.top
                checked += 1
    assert checked > 40


def test_text_is_printed_as_typed_even_with_markup_characters(form_case: FormCase) -> None:
    applicant = dataclasses.replace(form_case.applicant, name="A&B <科技> 有限公司")
    text = check_pdf(render_application_form(dataclasses.replace(form_case, applicant=applicant)))
    assert "A&B<科技>有限公司" in text


# 𠀀 (U+20000, CJK Extension B) is in no GBK face; 𬌗 (U+2C317) is a 通用规范汉字表 hanzi
# outside GBK; 㐀 (U+3400) is Extension A. Company and personal names contain such hanzi.
RARE_NAME = "重庆𠀀㐀科技有限公司𬌗"


def test_rare_hanzi_print_in_the_fallback_face_and_extract_as_typed(form_case: FormCase) -> None:
    applicant = dataclasses.replace(form_case.applicant, name=RARE_NAME, handler="𠀀小明")
    pdf = render_application_form(dataclasses.replace(form_case, applicant=applicant))
    text = check_pdf(pdf)  # every font embedded, every character has a glyph somewhere
    assert RARE_NAME in text and "𠀀小明" in text
    faces = {font.base_font.split("+", 1)[-1] for font in iter_fonts(pdf)}
    assert {"IPDeskRareA-Regular", "IPDeskRareB-Regular"} <= faces


def test_a_form_without_rare_hanzi_does_not_embed_the_fallback(form_case: FormCase) -> None:
    faces = {f.base_font.split("+", 1)[-1] for f in iter_fonts(render_application_form(form_case))}
    assert faces and not any("Rare" in face for face in faces)


def test_a_case_without_number_or_extras_prints_blank_cells() -> None:
    doc = sample_case_document(4, rich=False)
    del doc["form"]
    text = check_pdf(render_application_form(form_case_from_case_document(doc)))
    assert "受理编号" not in text
    assert "接受发明专利转让1万元/件1件10,000.00" in text
    assert "经办人经办人电话专利代理机构代理人电话" in text


def test_a_pending_claim_is_marked_in_its_row() -> None:
    doc = sample_case_document(5, rich=False)
    doc["claims"] = [
        {"item": "transform_implement", "date": "2024-06-01", "patent": "ZL202010566088.9"}
    ]
    text = check_pdf(render_application_form(form_case_from_case_document(doc)))
    assert "0.00（含待认定1项）" in text


def test_short_standards(policy: Policy) -> None:
    shown = {code: short_standard(item) for code, item in policy.items.items()}
    assert shown["transfer_in"] == "1万元/件"
    assert shown["product_filing"] == "1000元/个"
    assert shown["center_accepted"] == "10万元/个"
    assert shown["pledge_fees"] == "费用的50%"
    assert shown["bank_ranking"] == "前三名分别8万元、6万元、4万元"
    assert shown["license_broker"] == "2万元、3万元（按档）"
    assert shown["activity"] == "据实，单次最高2万元"


def test_write_creates_the_file(form_case: FormCase, tmp_path: Any) -> None:
    path = write_application_form(form_case, tmp_path / "sub" / "form.pdf")
    assert path.read_bytes().startswith(b"%PDF")


def test_rendering_is_deterministic(form_case: FormCase) -> None:
    assert render_application_form(form_case) == render_application_form(form_case)


# ---------------------------------------------------------------------------
# Issue 20 §18: shared rows, not-stacked claims, opinion boxes, bank names
# ---------------------------------------------------------------------------


def _case_with(claims: list[dict[str, Any]], **applicant: str) -> FormCase:
    doc = sample_case_document(7, rich=False)
    doc["claims"] = claims
    case = form_case_from_case_document(doc)
    return dataclasses.replace(case, applicant=dataclasses.replace(case.applicant, **applicant))


def _transfer(patent: str) -> dict[str, Any]:
    return {
        "item": "transfer_in",
        "date": "2024-03-01",
        "patent": patent,
        "counterparty_kind": "university",
        "related_party": False,
    }


def _implementation(patent: str) -> dict[str, Any]:
    return {
        "item": "transform_implement",
        "date": "2024-06-01",
        "patent": patent,
        "recognized": True,
    }


def test_a_claim_not_stacked_is_not_counted_in_the_quantity() -> None:
    from core.documents.samples import patent

    same = patent(71)
    case = _case_with([_transfer(same), _implementation(same)])
    statuses = {c.item: c.status.value for c in case.result.claims}
    assert "not_stacked" in statuses.values()  # 附件1 说明: the higher one only
    funded = case.result.total
    text = check_pdf(render_application_form(case))
    # Its row names the 转化实施 item, counts one funded 件, and says one was left out.
    assert "发明专利转化实施：2万元/件" in text
    row = text[text.index("接受发明专利转让") : text.index("接受发明专利许可")]
    assert "1件" in row and "2件" not in row
    assert format_yuan(funded) in row and "另1项不予资助或不叠加，未计入" in row


def test_an_item_without_its_own_row_is_named_in_the_row_it_is_totalled_in() -> None:
    from core.documents.samples import patent

    text = check_pdf(render_application_form(_case_with([_implementation(patent(72))])))
    row = text[text.index("接受发明专利转让") : text.index("接受发明专利许可")]
    assert "发明专利转化实施：2万元/件" in row and "1件" in row
    # The row's own item alone keeps the short standard.
    alone = check_pdf(render_application_form(_case_with([_transfer(patent(73))])))
    assert "接受发明专利转让1万元/件1件" in alone


def test_the_opinion_boxes_hold_a_42_mm_seal_on_the_one_page(form_case: FormCase) -> None:
    from reportlab.lib.units import mm

    (page,) = layout(application_form_sheet(form_case))
    last_two = sorted(page.row_heights)[-2:]
    assert min(page.row_heights[r] for r in last_two) >= 45 * mm
    pdf = render_application_form(form_case)  # the densest sample still fits one page
    assert len(pages(pdf)) == 1


def test_a_long_bank_name_never_leaves_one_character_on_a_line() -> None:
    bank = "中国工商银行股份有限公司重庆璧山支行营业部"
    pdf = render_application_form(_case_with([_transfer("ZL201710601862.3")], bank=bank))
    text = pages(pdf)[0]
    lines = [line.strip() for line in text.splitlines() if line.strip() and line.strip() in bank]
    assert "".join(lines) == bank and len(lines) == 2
    assert min(len(line) for line in lines) >= 4
