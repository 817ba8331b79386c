"""A list of signals as a file: CSV and XLSX of exactly the rows a list page shows (masked texts only).

The stored texts are already masked by the privacy guard; the submitter's contact details
(kept apart in ``signal_contact``) are never part of an export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from signals.models import Signal

#: (column header, how to read it from a signal)
COLUMNS = (
    ("kenmerk", lambda s: s.reference or ""),
    ("titel", lambda s: s.title),
    ("status", lambda s: s.status),
    ("ministerie", lambda s: s.lead_ministry_code or ""),
    ("medeverantwoordelijk", lambda s: " ".join(s.co_ministry_codes)),
    ("kanaal", lambda s: s.channel_code),
    ("organisatie", lambda s: s.organisation_code),
    ("regelingen", lambda s: " ".join(r.code for r in s.regulations)),
    ("gemeld_op", lambda s: s.created_at.date().isoformat() if s.created_at else ""),
    ("termijn", lambda s: s.due_at.date().isoformat() if s.due_at else ""),
    ("behandelaar", lambda s: (s.assignee.name or s.assignee.email) if s.assignee else ""),
    ("uitkomst", lambda s: s.outcome or ""),
    ("beschrijving", lambda s: s.description),
)


def signal_rows(signals: Iterable[Signal]) -> Iterable[list[str]]:
    """One row of plain values per signal, in the order of COLUMNS."""
    for signal in signals:
        yield [reader(signal) for _name, reader in COLUMNS]


def _safe(value: str) -> str:
    """Keep a spreadsheet from reading a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def signals_csv(signals: Iterable[Signal]) -> bytes:
    """The list as UTF-8 CSV with a BOM (Excel opens it with the right characters), ';'-separated as Dutch Excel expects."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([name for name, _reader in COLUMNS])
    for row in signal_rows(signals):
        writer.writerow([_safe(str(v)) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def signals_xlsx(signals: Iterable[Signal], title: str = "Signalen") -> bytes:
    """The list as one Excel sheet with a bold header row."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([name for name, _reader in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in signal_rows(signals):
        sheet.append([_safe(str(v)) for v in row])
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
