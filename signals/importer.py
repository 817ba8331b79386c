"""Bulk import of signals from CSV: each row through the same intake as the form, errors per row."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from signals.errors import DomainError
from signals.intake import SignalDraft, submit_signal
from signals.models import User

COLUMNS = ("channel", "title", "description", "regulations", "observed_on", "people_affected", "themes", "impact", "proposed_solution")
REQUIRED_COLUMNS = ("channel", "title", "description")


@dataclass
class ImportReport:
    """What an import stored and which rows it refused, with the reasons per field."""

    imported: list[str] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (row number, field, message)
    masked_rows: int = 0

    @property
    def failed_rows(self) -> int:
        return len({row for row, _field, _msg in self.errors})


def _split(value: str) -> list[str]:
    return [part for part in (value or "").replace(";", " ").replace(",", " ").split() if part]


def read_rows(text: str) -> tuple[list[str], Iterator[dict[str, str]]]:
    """The header and the rows of a CSV text (comma or semicolon separated, as Excel writes)."""
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    return header, reader


def draft_from_row(row: dict[str, str]) -> tuple[SignalDraft | None, list[tuple[str, str]]]:
    """A SignalDraft from one CSV row, or the field errors that stop it."""
    errors: list[tuple[str, str]] = []
    observed_on = None
    if (row.get("observed_on") or "").strip():
        try:
            observed_on = dt.date.fromisoformat(row["observed_on"].strip())
        except ValueError:
            errors.append(("observed_on", "Gebruik een datum als JJJJ-MM-DD."))
    people = None
    if (row.get("people_affected") or "").strip():
        raw = row["people_affected"].strip()
        if raw.isdigit():
            people = int(raw)
        else:
            errors.append(("people_affected", "Moet een geheel getal zijn."))
    if errors:
        return None, errors
    return (
        SignalDraft(
            channel=(row.get("channel") or "").strip(),
            title=row.get("title") or "",
            description=row.get("description") or "",
            regulations=_split(row.get("regulations", "")),
            observed_on=observed_on,
            people_affected=people,
            themes=_split(row.get("themes", "")),
            impact=row.get("impact") or "",
            proposed_solution=row.get("proposed_solution") or "",
        ),
        [],
    )


def import_signals(session: Session, submitter: User, text: str, threshold: float, progress=None) -> ImportReport:
    """Import every valid row (each in its own savepoint); the caller commits."""
    report = ImportReport()
    header, rows = read_rows(text)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        report.errors.append((1, ",".join(missing), "Deze kolommen ontbreken in de kopregel."))
        return report
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        draft, errors = draft_from_row(row)
        if draft is not None:
            try:
                with session.begin_nested():
                    signal, _decision = submit_signal(session, submitter, draft, threshold=threshold)
            except DomainError as error:
                errors = [(name, message) for name, messages in error.fields.items() for message in messages] or [("", error.message)]
            else:
                report.imported.append(signal.reference)
                report.masked_rows += bool(signal.masked)
        report.errors.extend((number, name, message) for name, message in errors)
        if progress is not None:
            progress(1)
    return report
