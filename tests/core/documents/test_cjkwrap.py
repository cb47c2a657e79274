"""Line breaking in form cells: the 禁则 and numbers kept with their units."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from core.documents.cjkwrap import NO_LINE_START, balance_lines, break_lines


def cells(text: str) -> float:
    """A hanzi is two units wide, ASCII one: simple enough to reason about in tests."""
    return float(sum(1 if ch.isascii() else 2 for ch in text))


def test_no_line_ends_with_an_opening_bracket() -> None:
    assert break_lines("高价值专利培育（转化）中心", cells, [16]) == [
        "高价值专利培育",
        "（转化）中心",
    ]


def test_closing_punctuation_stays_on_the_line_before() -> None:
    lines = break_lines("本申请人承诺上述信息真实、准确、有效", cells, [12])
    assert all(line[0] not in NO_LINE_START for line in lines)
    assert "".join(lines) == "本申请人承诺上述信息真实、准确、有效"


def test_numbers_stay_whole_and_with_their_units() -> None:
    assert break_lines("接受高校院所发明专利转让：1万元/件", cells, [26]) == [
        "接受高校院所发明专利转让：",
        "1万元/件",
    ]
    assert break_lines("合计金额为30,000.00元整", cells, [18]) == ["合计金额为", "30,000.00元整"]
    assert break_lines("示例科技有限公司（第52号）", cells, [20]) == [
        "示例科技有限公司",
        "（第52号）",
    ]


def test_a_word_longer_than_the_line_is_broken_anywhere() -> None:
    assert break_lines("ABCDEFGHIJKLMNOPQRSTUVWXYZ", cells, [10]) == [
        "ABCDEFGHIJ",
        "KLMNOPQRST",
        "UVWXYZ",
    ]


def test_newlines_are_kept_and_spaces_at_line_ends_dropped() -> None:
    assert break_lines("甲乙\n丙丁", cells, [100]) == ["甲乙", "丙丁"]
    assert break_lines("ab cd ef", cells, [5]) == ["ab cd", "ef"]


def test_the_first_line_may_be_narrower() -> None:
    assert break_lines("一二三四五六七八", cells, [4, 8]) == ["一二", "三四五六", "七八"]


@given(
    st.text(alphabet="专利转化运用资助（）「」，。、0123456789.,万元件 ABC", max_size=80),
    st.integers(min_value=6, max_value=40),
)
def test_nothing_is_lost_and_lines_fit_when_possible(text: str, width: int) -> None:
    lines = break_lines(text, cells, [float(width)])
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert cells(line) <= width


def test_balanced_lines_share_the_text_evenly() -> None:
    bank = "中国工商银行股份有限公司重庆璧山支行营业部"  # 21 hanzi
    greedy = break_lines(bank, cells, [40])  # 20 then 1: one character left alone
    assert [len(line) for line in greedy] == [20, 1]
    balanced = balance_lines(bank, cells, 40, len(greedy))
    assert "".join(balanced) == bank
    assert sorted(len(line) for line in balanced) == [10, 11]
    # A text that fits one line stays one line.
    assert balance_lines("重庆璧山", cells, 40, 1) == ["重庆璧山"]
