"""The one masking rule used by every published list (PDF and workbook)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from core.documents.masking import mask, mask_account, mask_credit_code


def test_credit_code_keeps_the_first_four_and_last_two() -> None:
    assert mask_credit_code("91500227MA5U1234XG") == "9150************XG"
    assert mask_credit_code("915000006219971X1X") == "9150************1X"


def test_account_keeps_the_last_four_behind_four_stars() -> None:
    assert mask_account("6222021234567891234") == "****1234"
    assert mask_account("6222 0212 3456 7891 234") == "****1234"
    assert mask_account("12345") == "****2345"


def test_short_and_empty_values_reveal_nothing() -> None:
    assert mask_account("") == ""
    assert mask_account("123") == "****"
    assert mask_account("1234") == "****"
    assert mask_credit_code("915000") == "******"


@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=7, max_size=40))
def test_mask_hides_the_middle_and_keeps_the_length(value: str) -> None:
    masked = mask(value, keep_head=4, keep_tail=2)
    assert len(masked) == len(value)
    assert masked[:4] == value[:4] and masked[-2:] == value[-2:]
    assert set(masked[4:-2]) == {"*"}


@given(st.text(alphabet="0123456789", min_size=5, max_size=30))
def test_account_mask_never_shows_more_than_four_digits(value: str) -> None:
    masked = mask_account(value)
    assert masked == "****" + value[-4:]
