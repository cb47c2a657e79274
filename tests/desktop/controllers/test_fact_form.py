"""The claim entry form is built from the policy's facts and checks with core's validators."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from core.policy.loader import load_policy
from desktop.controllers.fact_form import (
    BoolFactEditor,
    ChoiceFactEditor,
    FactForm,
    IntFactEditor,
    TextFactEditor,
)
from desktop.qt import QMessageBox

Button = QMessageBox.StandardButton


def make_form(qtbot: QtBot, item: str) -> FactForm:
    policy = load_policy("bishan-2024")
    form = FactForm(policy, policy.item(item))
    qtbot.addWidget(form)
    return form


def test_every_item_builds_a_row_per_declared_fact(qtbot: QtBot) -> None:
    policy = load_policy("bishan-2024")
    for item in policy.items.values():
        form = FactForm(policy, item)
        qtbot.addWidget(form)
        assert list(form.editors) == ["date", *(f.name for f in item.facts)]
        assert form.form.rowCount() == 1 + len(item.facts)


def test_widgets_follow_the_fact_types(qtbot: QtBot) -> None:
    form = make_form(qtbot, "license_in")
    assert isinstance(form.editors["patent"], TextFactEditor)
    assert isinstance(form.editors["contract_amount"], TextFactEditor)
    assert isinstance(form.editors["counterparty_kind"], ChoiceFactEditor)
    assert isinstance(form.editors["related_party"], BoolFactEditor)
    pledge = make_form(qtbot, "pledge_interest")
    assert isinstance(pledge.editors["term_months"], IntFactEditor)


def test_patent_number_is_checked_as_typed_and_its_type_shown(qtbot: QtBot) -> None:
    form = make_form(qtbot, "transfer_in")
    patent = form.editors["patent"]
    qtbot.keyClicks(patent.widget, "ZL201710601862.3")
    assert patent.problem() is None
    assert "发明" in patent.status.text()
    patent.set_value("ZL201710601862.4")
    assert patent.problem() is not None
    assert "校验" in patent.status.text() or "核对" in patent.status.text()
    patent.set_value("201420123456.6")
    # a utility model number: valid, and shown as such
    if patent.problem() is None:
        assert "实用新型" in patent.status.text()


def test_choice_labels_are_chinese_and_values_are_codes(qtbot: QtBot) -> None:
    form = make_form(qtbot, "transfer_in")
    combo = form.editors["counterparty_kind"]
    assert isinstance(combo, ChoiceFactEditor)
    labels = [combo.combo.itemText(i) for i in range(combo.combo.count())]
    assert labels == ["高等院校", "科研院所", "企业", "个人"]
    assert combo.value() is None and combo.problem()
    combo.combo.setCurrentIndex(1)
    assert combo.value() == "institute"


def test_values_follow_the_calc_contract(qtbot: QtBot) -> None:
    form = make_form(qtbot, "license_in")
    form.set_values(
        {
            "date": "2024-03-01",
            "patent": "ZL201710601862.3",
            "counterparty_kind": "university",
            "related_party": False,
            "contract_amount": "5000000",
        }
    )
    assert form.values() == {
        "item": "license_in",
        "date": "2024-03-01",
        "patent": "ZL201710601862.3",
        "counterparty_kind": "university",
        "related_party": False,
        "contract_amount": "5000000",
    }
    assert form.problems() == {}
    assert "伍佰万元整" in form.editors["contract_amount"].status.text()


def test_money_and_date_refusals_use_core_words(qtbot: QtBot) -> None:
    form = make_form(qtbot, "license_in")
    form.editors["contract_amount"].set_value("12.345")
    form.editors["date"].set_value("2024-02-30")
    problems = form.problems()
    assert "最多两位小数" in problems["contract_amount"]
    assert "不存在" in problems["date"]


def test_date_check_warning_is_shown_beside_a_valid_date(qtbot: QtBot) -> None:
    policy = load_policy("bishan-2024")
    form = FactForm(
        policy,
        policy.item("open_license"),
        date_check=lambda text: "outside" if text < "2023" else None,
    )
    qtbot.addWidget(form)
    form.editors["date"].set_value("2022-05-01")
    assert "outside" in form.editors["date"].status.text()
    form.editors["date"].set_value("2024-05-01")
    assert form.editors["date"].status.text() == "✓"


def test_reviewer_facts_are_locked_for_the_clerk(qtbot: QtBot) -> None:
    form = make_form(qtbot, "transform_implement")
    assert not form.editors["recognized"].widget.isEnabled()
    assert form.editors["patent"].widget.isEnabled()


def test_a_rate_is_taken_as_printed_and_echoed(qtbot: QtBot, messages: Any) -> None:
    form = make_form(qtbot, "pledge_interest")
    rate = form.editors["annual_rate"]
    assert isinstance(rate, TextFactEditor)
    rate.edit.setText("4.35%")
    assert rate.value() == "0.0435" and rate.problem() is None
    assert rate.status.text() == "✓ 即年利率 4.35%"
    rate.edit.setText("０.０４３５")
    assert rate.value() == "0.0435" and "4.35%" in rate.status.text()
    # A bare 「4.35」 is asked about once, on leaving the field; yes writes it with its sign.
    messages.answers.append(Button.Yes)
    rate.edit.setText("4.35")
    rate.edit.editingFinished.emit()
    assert "是指年利率 4.35%" in messages.last().text
    assert rate.edit.text() == "4.35%" and rate.value() == "0.0435"
    # No: the value is refused until written out.
    messages.answers.append(Button.No)
    rate.edit.setText("5")
    rate.edit.editingFinished.emit()
    assert rate.problem() == "请写成 4.35% 或 0.0435"
    rate.edit.setText("5%")
    assert rate.problem() is None and rate.value() == "0.05"


def test_amount_errors_point_at_the_character(qtbot: QtBot) -> None:
    form = make_form(qtbot, "license_in")
    form.editors["contract_amount"].set_value("50O0000")
    assert "第 3 个字符“O”不是数字" in form.problems()["contract_amount"]


def test_full_width_digits_in_a_count_are_read_not_dropped(qtbot: QtBot) -> None:
    form = make_form(qtbot, "pledge_interest")
    months = form.editors["term_months"]
    assert isinstance(months, IntFactEditor)
    months.spin.lineEdit().clear()
    qtbot.keyClicks(months.spin.lineEdit(), "12")
    assert months.value() == 12
    months.spin.lineEdit().selectAll()
    months.spin.lineEdit().insert("１８")  # pasted from an input method in full-width mode
    months.spin.interpretText()
    assert months.value() == 18


def test_warnings_show_at_the_field_as_the_value_is_typed(qtbot: QtBot) -> None:
    from core.identifiers import patent_check_char

    form = make_form(qtbot, "transfer_in")
    patent = form.editors["patent"]
    utility = "201720601862"  # type digit 2: 实用新型
    patent.set_value(f"ZL{utility}.{patent_check_char(utility)}")
    assert patent.problem() is None  # a valid number …
    status = patent.status.text()
    assert status.startswith("⚠") and "须为发明专利" in status and "实用新型" in status
    patent.set_value("ZL201710601862.3")
    assert patent.status.text().startswith("✓")
    # A completion date outside 2023-11-01 … 2024-10-31 (附件1末行), boundaries included.
    date = form.editors["date"]
    for inside in ("2023-11-01", "2024-10-31"):
        date.set_value(inside)
        assert date.status.text() == "✓"
    date.set_value("2024-11-01")
    assert date.status.text().startswith("⚠") and "不予资助" in date.status.text()
    assert "附件1末行" in date.status.text()


def test_a_received_date_after_the_deadline_is_flagged_at_once(
    qtbot: QtBot, clerk_context: Any
) -> None:
    import datetime as dt

    from desktop.controllers.applicant import ApplicantPanel
    from desktop.qt import to_qdate

    panel = ApplicantPanel(clerk_context)
    qtbot.addWidget(panel)
    panel.received_on.setDate(to_qdate(dt.date(2024, 11, 22)))  # the deadline day itself
    assert panel.received_status.text() == ""
    panel.received_on.setDate(to_qdate(dt.date(2024, 11, 25)))
    assert "逾期" in panel.received_status.text() and "五(一)1" in panel.received_status.text()
