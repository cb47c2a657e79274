"""Masking of identifiers on anything published (公示名单, PDF and workbook alike).

A public notice must let the applicant recognise their own entry without exposing the full
credit code or bank account. Both outputs call :func:`mask` through the two wrappers below,
so the PDF and the workbook never disagree.
"""

from __future__ import annotations

__all__ = ["mask", "mask_account", "mask_credit_code"]

MASK_CHAR = "*"


def mask(value: str, *, keep_head: int, keep_tail: int, stars: int | None = None) -> str:
    """Keep ``keep_head`` leading and ``keep_tail`` trailing characters, star the rest.

    Whitespace is dropped first (accounts are often typed in groups of four). ``stars`` fixes
    the number of stars, so the published text does not reveal the length; by default it is
    the number of hidden characters. A value too short to hide anything is starred entirely.
    """
    text = "".join(value.split())
    if not text:
        return ""
    hidden = len(text) - keep_head - keep_tail
    if hidden < 1:
        return MASK_CHAR * (stars if stars is not None else max(len(text), 4))
    tail = text[len(text) - keep_tail :] if keep_tail else ""
    return text[:keep_head] + MASK_CHAR * (hidden if stars is None else stars) + tail


def mask_credit_code(code: str) -> str:
    """``91500227MA5U1234XG`` → ``9150************XG``: the first four (登记管理部门, 机构
    类别 and province) and the last two, as a reader of a notice expects to recognise."""
    return mask(code, keep_head=4, keep_tail=2)


def mask_account(account: str) -> str:
    """``6222 0212 3456 7891 234`` → ``****1234``-style: only the last four digits, and always
    four stars whatever the length, as bank statements print."""
    return mask(account, keep_head=0, keep_tail=4, stars=4)
