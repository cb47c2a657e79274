"""The forms a case window prints, with their titles in the UI, rendered by core.

Everything about a form — which data it shows, whether it applies to the case now (core
refuses a 受理回执 before acceptance, with a Chinese reason), its layout and fonts — is core's
(``core.records.documents.render_case_form``). reportlab is imported only when a form is
first rendered, never at start-up.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from desktop.qt import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from core.records.documents import PrintedForms
    from desktop.context import DeskContext

CONTEXT = "Printing"


class Form(Enum):
    APPLICATION = "application"
    REVIEW_OPINION = "review_opinion"
    RECEIPT = "receipt"
    CORRECTION = "correction"
    REJECTION = "rejection"

    @property
    def title(self) -> str:
        return translate(CONTEXT, _TITLES[self])

    @property
    def file_stem(self) -> str:
        return _FILE_STEMS[self]

    @property
    def core_kind(self) -> str:
        """The form's name in core (``core.records.documents.FormKind``)."""
        return _CORE_KINDS[self]


_TITLES = {
    Form.APPLICATION: QT_TRANSLATE_NOOP("Printing", "Application form"),
    Form.REVIEW_OPINION: QT_TRANSLATE_NOOP("Printing", "Review opinion"),
    Form.RECEIPT: QT_TRANSLATE_NOOP("Printing", "Acceptance receipt"),
    Form.CORRECTION: QT_TRANSLATE_NOOP("Printing", "Correction notice"),
    Form.REJECTION: QT_TRANSLATE_NOOP("Printing", "Rejection notice"),
}
_CORE_KINDS = {
    Form.APPLICATION: "application-form",
    Form.REVIEW_OPINION: "review-opinion",
    Form.RECEIPT: "receipt",
    Form.CORRECTION: "correction",
    Form.REJECTION: "rejection",
}
# File names as the office files them (Chinese, like the paper).
_FILE_STEMS = {
    Form.APPLICATION: "申请表",
    Form.REVIEW_OPINION: "审核意见",
    Form.RECEIPT: "受理回执",
    Form.CORRECTION: "补正通知书",
    Form.REJECTION: "不予受理通知书",
}


def print_case_form(context: DeskContext, case_id: int, form: Form) -> PrintedForms:
    """The PDF of ``form`` with the characters of the case no font prints (core's
    ``print_case_form``); refusals as in :func:`render_case_form`."""
    from core.records.documents import print_case_form as core_print

    return core_print(context.db, case_id, form.core_kind)


def render_case_form(context: DeskContext, case_id: int, form: Form) -> bytes:
    """The PDF of ``form`` for a stored case. Raises core's RecordsError (FormNotAvailable)
    with its Chinese reason when the form does not apply to the case now."""
    from core.records.documents import render_case_form as core_render

    return core_render(context.db, case_id, form.core_kind)
