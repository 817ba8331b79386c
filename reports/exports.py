"""One table (title, columns, rows) as a CSV or XLSX file: the export button under each table."""

from __future__ import annotations

import csv
import io
import re

EXPORT_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _cell(value):
    return "" if value is None else value


def table_csv(table: dict) -> bytes:
    """CSV with a header row of the column labels; UTF-8 with BOM so Excel reads the accents."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", delimiter=";")
    writer.writerow([c["label"] for c in table["columns"]])
    for row in table["rows"]:
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_xlsx(table: dict, sheet_name: str = "tabel") -> bytes:
    """One sheet: the title, a bold header row, then the rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(re.sub(r"[\[\]:*?/\\]", "", sheet_name)[:31] or "tabel")
    sheet.append([table.get("title", "")])
    header = []
    for column in table["columns"]:
        cell = WriteOnlyCell(sheet, value=column["label"])
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in table["rows"]:
        sheet.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_table(table: dict, fmt: str, name: str) -> bytes:
    """``table`` in ``fmt`` (csv or xlsx)."""
    if fmt == "csv":
        return table_csv(table)
    if fmt == "xlsx":
        return table_xlsx(table, name)
    raise ValueError(f"unknown export format {fmt!r}")


def export_filename(stem: str, fmt: str) -> str:
    """A safe file name: letters, digits, dashes."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-") + f".{fmt}"
