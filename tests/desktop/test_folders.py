"""Where save dialogs open (issue 20 §8): 文档 first, then the last folder used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from desktop.controllers.pdf_preview import PdfPreview
from desktop.folders import documents_folder, export_folder
from desktop.qt import QFileDialog, QLabel


def test_an_export_opens_in_documents_then_in_the_last_folder_used(
    qtbot: QtBot, file_dialogs: Any, tmp_path: Path
) -> None:
    from core.documents.application_form import render_application_form
    from core.documents.model import form_case_from_case_document
    from core.documents.samples import sample_case_document

    data = render_application_form(form_case_from_case_document(sample_case_document()))
    preview = PdfPreview(data, "申请表", "璧市监专转〔2024〕第001号申请表.pdf")
    qtbot.addWidget(preview)
    assert export_folder() == documents_folder() != Path.cwd()
    file_dialogs.answers.append("")  # cancelled: nothing remembered
    assert preview.save_as() is None
    assert file_dialogs.starts[-1] == str(documents_folder() / preview.file_name)
    chosen = tmp_path / "归档" / "a.pdf"
    chosen.parent.mkdir()
    file_dialogs.answers.append(str(chosen))
    assert preview.save_as() == chosen
    assert export_folder() == chosen.parent
    file_dialogs.answers.append("")
    preview.save_as()
    assert file_dialogs.starts[-1] == str(chosen.parent / preview.file_name)


def test_a_removed_last_folder_falls_back_to_documents(file_dialogs: Any, tmp_path: Path) -> None:
    from desktop.folders import remember_export

    gone = tmp_path / "gone"
    gone.mkdir()
    remember_export(gone / "x.xlsx")
    assert export_folder() == gone
    gone.rmdir()
    assert export_folder() == documents_folder()


def test_the_qt_file_dialog_speaks_chinese(qtbot: QtBot) -> None:
    dialog = QFileDialog(None, "保存")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    assert not any(text.isascii() and text.strip() for text in labels), labels
