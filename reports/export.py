"""The letter's tables as CSV and XLSX, with the whole annex streamed from the database.

The letter's data (reports.letter) holds aggregates, knelpunten and a capped extract of the annex;
these writers take the annex rows from an iterator instead (``reports.letter.iter_annex``), and
write to a file object as they go: memory stays constant however many signals the period has.
CSV layout (one file, long format): ``tabel,rij,kolom,waarde`` — see reports/render.py.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Callable, Iterable
from typing import BinaryIO

from sqlalchemy.orm import Session

#: where a streamed export spills to disk instead of memory
SPOOL_BYTES = 8 * 1024 * 1024

AnnexSource = Callable[[], Iterable[list]]


def meta_rows(letter: dict) -> list[tuple[str, str]]:
    return [
        ("Titel", letter["title"]),
        ("Periode", letter["period"]["code"]),
        ("Periode (voluit)", letter["period"]["span"]),
        ("Vorige periode", letter["previous_period"]["code"]),
        ("Reikwijdte", letter["scope"]["code"]),
        ("Reikwijdte (naam)", letter["scope"]["name"]),
        ("Gemaakt op", letter["generated_at"]),
    ]


def _tables(letter: dict, annex: AnnexSource | None):
    """(id, title, labels, rows) per table; the annex's rows from ``annex`` when given."""
    for table_id, table in letter["tables"].items():
        rows = annex() if (table_id == "annex" and annex is not None) else table["rows"]
        yield table_id, table["title"], [c["label"] for c in table["columns"]], rows


def write_csv(letter: dict, out: BinaryIO, annex: AnnexSource | None = None) -> None:
    """All tables in one long-format CSV, written to ``out`` as it goes."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(["tabel", "rij", "kolom", "waarde"])
    for label, value in meta_rows(letter):
        writer.writerow(["brief", 1, label, value])
    for table_id, _title, labels, rows in _tables(letter, annex):
        for number, row in enumerate(rows, start=1):
            writer.writerows([table_id, number, label, "" if value is None else value] for label, value in zip(labels, row, strict=True))
    text.flush()
    text.detach()


def write_xlsx(letter: dict, out: BinaryIO, annex: AnnexSource | None = None) -> None:
    """One sheet with the letter's metadata, then one sheet per table (openpyxl write-only: constant memory)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)

    def header(sheet, labels):
        cells = []
        for label in labels:
            cell = WriteOnlyCell(sheet, value=label)
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)

    meta = workbook.create_sheet("brief")
    header(meta, ["Gegeven", "Waarde"])
    for row in meta_rows(letter):
        meta.append(list(row))
    for table_id, title, labels, rows in _tables(letter, annex):
        sheet = workbook.create_sheet(table_id[:31])
        sheet.append([title])
        header(sheet, labels)
        for row in rows:
            sheet.append(row)
    workbook.save(out)


WRITERS = {"csv": write_csv, "xlsx": write_xlsx}


def annex_source(session: Session, letter: dict) -> AnnexSource:
    """The full annex of ``letter``, streamed from the database each time it is called."""
    from reports.letter import annex_conditions, iter_annex
    from reports.periods import parse_period

    period = parse_period(letter["period"]["code"])
    scope = letter["scope"]["code"]
    ministry = None if scope == "ALL" else scope
    return lambda: iter_annex(session, annex_conditions(period, ministry))


def export_file(session: Session, letter: dict, fmt: str) -> BinaryIO:
    """CSV or XLSX of ``letter`` with its whole annex, in a spooled temporary file (rewound)."""
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
    WRITERS[fmt](letter, spool, annex_source(session, letter))
    spool.seek(0)
    return spool


def export_bytes(session: Session, letter: dict, fmt: str) -> bytes:
    """CSV or XLSX as bytes, for a published letter's stored file."""
    with export_file(session, letter, fmt) as handle:
        return handle.read()
