"""Import has bounds (issue 14 §4): a stray cell far out, a zip bomb, thousands of junk rows
and a file that is not a workbook are refused quickly, with bounded memory, in one clear line;
errors are capped; a cancel stops the reading."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from collections.abc import Callable

import pytest
from openpyxl import load_workbook

from core.documents.intake_import import (
    CLAIMS_SHEET,
    MAX_DATA_ROWS,
    MAX_ERRORS,
    ImportCancelled,
    IntakeResult,
    intake_template,
    parse_intake_workbook,
)
from core.policy import load_policy

POLICY = load_policy("bishan-2024")


def template_with(fill: Callable[[object], None]) -> bytes:
    wb = load_workbook(io.BytesIO(intake_template(POLICY)))
    fill(wb[CLAIMS_SHEET])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def bounded(data: bytes) -> tuple[IntakeResult, float, int]:
    """Parse, returning the result, the seconds taken and the peak memory in bytes."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = parse_intake_workbook(data, POLICY)
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return result, elapsed, peak


def only_error(result: IntakeResult) -> str:
    assert not result.cases and len(result.errors) == 1, result.errors
    return result.errors[0].message


def test_a_stray_cell_far_out_is_refused_from_the_used_range() -> None:
    def stray(ws: object) -> None:
        ws["XFD1048576"] = "x"  # type: ignore[index]

    result, elapsed, peak = bounded(template_with(stray))
    message = only_error(result)
    assert "XFD1048576" in message and "请删除多余的行列" in message
    # Was 112 s and a MemoryError; the bound is generous for a slow CI machine.
    assert elapsed < 5 and peak < 60 * 1024 * 1024, (elapsed, peak)


def test_a_zip_bomb_is_refused_from_the_zip_directory() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            zeros = b"0" * (1024 * 1024)
            for _ in range(260):
                sheet.write(zeros)
    data = buffer.getvalue()
    assert len(data) < 2 * 1024 * 1024  # small on disk, 260 MB unpacked
    result, elapsed, peak = bounded(data)
    assert "解压后达 260 MB" in only_error(result)
    assert elapsed < 2 and peak < 20 * 1024 * 1024, (elapsed, peak)


def test_too_many_rows_are_refused() -> None:
    def junk(ws: object) -> None:
        for r in range(2, 20_002):
            ws.cell(row=r, column=1, value=f"junk{r}")  # type: ignore[attr-defined]

    result, elapsed, _ = bounded(template_with(junk))
    assert "超出申请导入表的上限" in only_error(result)
    assert elapsed < 5, elapsed


def test_rows_past_the_limit_are_refused_even_without_a_used_range() -> None:
    def junk(ws: object) -> None:
        ws.cell(row=2 + MAX_DATA_ROWS, column=1, value="late")  # type: ignore[attr-defined]

    data = template_with(junk)
    # Take the <dimension> out, as another program might leave the file.
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet1"):
                start = content.index(b"<dimension")
                content = content[:start] + content[content.index(b"/>", start) + 2 :]
            archive.writestr(info.filename, content)
    result, elapsed, _ = bounded(buffer.getvalue())
    assert f"数据超过 {MAX_DATA_ROWS} 行" in only_error(result)
    assert elapsed < 10, elapsed


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"not a workbook at all", "不是有效的 Excel 工作簿"),
        (b"PK\x03\x04 truncated", "不是有效的 Excel 工作簿"),
    ],
)
def test_a_file_that_is_not_a_workbook_is_one_line(data: bytes, expected: str) -> None:
    assert expected in only_error(parse_intake_workbook(data, POLICY))


def test_errors_are_capped_with_a_count_of_the_rest() -> None:
    def junk(ws: object) -> None:
        for r in range(2, 302):  # 300 rows without an application number
            ws.cell(row=r, column=3, value="x")  # type: ignore[attr-defined]

    result = parse_intake_workbook(template_with(junk), POLICY)
    assert len(result.errors) == MAX_ERRORS + 1
    assert result.errors[-1].message == f"另有 {300 - MAX_ERRORS} 处错误未列出"


def test_reading_stops_when_asked() -> None:
    def rows(ws: object) -> None:
        for r in range(2, 1002):
            ws.cell(row=r, column=1, value=f"A{r}")  # type: ignore[attr-defined]

    asked = []

    def stop() -> bool:
        asked.append(True)
        return True

    with pytest.raises(ImportCancelled):
        parse_intake_workbook(template_with(rows), POLICY, stop)
    assert asked == [True]  # at the first check, 200 rows in
