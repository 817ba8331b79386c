"""Bulk import of signals from CSV or XLSX: each row through the same intake as the form, errors per row.

Rows go in batches: one query per batch finds the rows whose ``external_id`` (the channel's own
reference) is already stored, and those are skipped, so importing the same file twice creates
nothing new. ``commit`` (when given) is called after every batch: a large import that stops half-way
can simply be run again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from signals.errors import DomainError
from signals.intake import SignalDraft, submit_signal
from signals.models import Signal, User

COLUMNS = ("channel", "title", "description", "regulations", "observed_on", "people_affected", "themes", "impact", "proposed_solution", "external_id")
BATCH_SIZE = 500
REQUIRED_COLUMNS = ("channel", "title", "description")


@dataclass
class ImportReport:
    """What an import stored and which rows it refused, with the reasons per field."""

    imported: list[str] = field(default_factory=list)
    #: references of signals already stored under the row's external_id (not imported again)
    skipped: list[str] = field(default_factory=list)
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


def read_xlsx_rows(data: bytes) -> tuple[list[str], Iterator[dict[str, str]]]:
    """The header and the rows of the first sheet of an XLSX workbook, as text (dates as JJJJ-MM-DD)."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    first = next(values, None) or ()
    header = [str(h or "").strip().lower() for h in first]

    def text(value) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def rows():
        for row in values:
            if row is None or all(v is None for v in row):
                continue
            yield {name: text(value) for name, value in zip(header, row, strict=False) if name}
        workbook.close()

    return header, rows()


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
            external_id=(row.get("external_id") or "").strip(),
        ),
        [],
    )


def import_signals(
    session: Session, submitter: User, text: str, threshold: float, progress=None, commit=None
) -> ImportReport:
    """Import every valid row of a CSV text (each in its own savepoint); the caller commits."""
    header, rows = read_rows(text)
    return import_rows(session, submitter, header, rows, threshold, progress, commit)


def import_rows(
    session: Session, submitter: User, header: list[str], rows, threshold: float, progress=None, commit=None
) -> ImportReport:
    """Import rows (dicts by column name) in batches; rows whose external_id is known are skipped."""
    report = ImportReport()
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        report.errors.append((1, ",".join(missing), "Deze kolommen ontbreken in de kopregel."))
        return report
    numbered = enumerate(rows, start=2)  # row 1 is the header
    while batch := list(itertools.islice(numbered, BATCH_SIZE)):
        known = _known_external_ids(session, [row for _number, row in batch])
        for number, row in batch:
            _import_row(session, submitter, number, row, threshold, known, report)
            if progress is not None:
                progress(1)
        if commit is not None:
            commit()
    return report


def _key(row: dict[str, str]) -> tuple[str, str] | None:
    external_id = (row.get("external_id") or "").strip()
    return ((row.get("channel") or "").strip().upper(), external_id) if external_id else None


def _known_external_ids(session: Session, rows: list[dict[str, str]]) -> dict[tuple[str, str], str]:
    """(channel, external_id) -> reference of the signals already stored for this batch's rows, in one query."""
    keys = {key for row in rows if (key := _key(row))}
    if not keys:
        return {}
    found = session.execute(
        select(Signal.channel_code, Signal.external_id, Signal.reference).where(
            Signal.external_id.in_({external_id for _channel, external_id in keys})
        )
    ).all()
    return {(channel, external_id): reference for channel, external_id, reference in found if (channel, external_id) in keys}


def _import_row(session, submitter, number, row, threshold, known, report) -> None:
    key = _key(row)
    if key is not None and key in known:
        report.skipped.append(known[key])
        return
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
            if key is not None:
                known[key] = signal.reference  # the same id twice in one file: the second is a repeat
    report.errors.extend((number, name, message) for name, message in errors)
