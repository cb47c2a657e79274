"""Preview, print at 100 % on A4, save as."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from desktop.controllers.pdf_preview import PdfPreview
from desktop.printing import Form, render_case_form
from desktop.qt import QPrinter
from tests.pdf_helpers import pdf_text

A4_POINTS = (595.3, 841.9)


def make_preview(qtbot: QtBot, clerk_context: Any, case_id: int) -> PdfPreview:
    data = render_case_form(clerk_context, case_id, Form.APPLICATION)
    preview = PdfPreview(data, "申请表", "申请表.pdf")
    qtbot.addWidget(preview)
    preview.show()
    return preview


def test_forms_render_through_core_or_say_why_not(clerk_context: Any, desk_db: Any) -> None:
    from core.records.errors import RecordsError

    data = render_case_form(clerk_context, desk_db.case_ids[0], Form.APPLICATION)
    assert data.startswith(b"%PDF")
    assert "重庆璧山测试科技有限公司000" in pdf_text(data)
    # A registered case has no receipt yet: core refuses, in Chinese, saying why.
    with pytest.raises(RecordsError, match="尚未受理"):
        render_case_form(clerk_context, desk_db.case_ids[0], Form.RECEIPT)


def test_print_renders_each_page_full_size_on_a4(
    qtbot: QtBot, clerk_context: Any, desk_db: Any, tmp_path: Path
) -> None:
    preview = make_preview(qtbot, clerk_context, desk_db.case_ids[0])
    assert preview.document.pageCount() >= 1
    printer = preview.make_printer()
    out = tmp_path / "printed.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(150)  # a PDF "printer" defaults to 1200 dpi: slow for a test
    assert preview.print_to(printer)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == preview.document.pageCount()
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - A4_POINTS[0]) < 1.5
    assert abs(float(box.height) - A4_POINTS[1]) < 1.5


def test_print_dialog_cancel_prints_nothing(
    qtbot: QtBot, clerk_context: Any, desk_db: Any, file_dialogs: Any
) -> None:
    preview = make_preview(qtbot, clerk_context, desk_db.case_ids[0])
    file_dialogs.print_accepts.append(False)
    assert preview.print_dialog() is False
    assert len(file_dialogs.printed) == 1


def test_save_as_adds_the_pdf_suffix(
    qtbot: QtBot, clerk_context: Any, desk_db: Any, file_dialogs: Any, tmp_path: Path
) -> None:
    preview = make_preview(qtbot, clerk_context, desk_db.case_ids[0])
    file_dialogs.answers.append(str(tmp_path / "copy"))
    saved = preview.save_as()
    assert saved == tmp_path / "copy.pdf"
    assert saved.read_bytes() == preview.data


def test_print_above_the_cap_is_scaled_to_the_same_page(
    qtbot: QtBot, clerk_context: Any, desk_db: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    from desktop.controllers import pdf_preview

    monkeypatch.setattr(pdf_preview, "MAX_DPI", 72)
    preview = make_preview(qtbot, clerk_context, desk_db.case_ids[0])
    printer = preview.make_printer()
    out = tmp_path / "capped.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(300)
    assert preview.print_to(printer)
    box = PdfReader(io.BytesIO(out.read_bytes())).pages[0].mediabox
    assert abs(float(box.width) - A4_POINTS[0]) < 1.5


def test_save_as_never_writes_over_a_database(
    qtbot: QtBot, clerk_context: Any, desk_db: Any, file_dialogs: Any, messages: Any
) -> None:
    # The live database itself, even named with .pdf by the clerk's slip (issue 14 §2).
    preview = make_preview(qtbot, clerk_context, desk_db.case_ids[0])
    live = desk_db.path
    pdf_named = live.with_name("cases.pdf")
    os.link(live, pdf_named)
    before = live.read_bytes()[:100]
    file_dialogs.answers.append(str(pdf_named))
    assert preview.save_as() is None
    assert "数据库" in messages.last().text
    assert live.read_bytes()[:100] == before


def test_printing_many_pages_shows_progress_and_can_be_stopped(
    qtbot: QtBot, clerk_context: Any, desk_db: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from core.records.documents import render_case_forms
    from desktop.controllers.pdf_preview import PdfPreview
    from desktop.qt import QProgressDialog

    printed = render_case_forms(clerk_context.db, desk_db.case_ids[:3], "application-form")
    preview = PdfPreview(printed.data, "申请表 — 3 件", "申请表.pdf")
    qtbot.addWidget(preview)
    assert preview.document.pageCount() == 3

    def printer_to(name: str) -> Any:
        printer = preview.make_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / name))
        printer.setResolution(100)
        return printer

    labels: list[str] = []
    original = QProgressDialog.setLabelText
    monkeypatch.setattr(
        QProgressDialog,
        "setLabelText",
        lambda self, text: (labels.append(text), original(self, text))[1],
    )
    assert preview.print_to(printer_to("all.pdf"))
    assert labels == [
        "正在打印第 1 页，共 3 页…",
        "正在打印第 2 页，共 3 页…",
        "正在打印第 3 页，共 3 页…",
    ]
    assert len(PdfReader(io.BytesIO((tmp_path / "all.pdf").read_bytes())).pages) == 3
    # Stop pressed during the second page: nothing more is sent, and the preview says so.
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: len(labels) > 4)
    assert preview.print_to(printer_to("stopped.pdf")) is False
    assert preview.statusBar().currentMessage() == "已停止打印。"
