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
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from signals import permissions
from signals.errors import N_, DomainError
from signals.intake import SignalDraft, decide_routing, validate_draft, write_new_signals
from signals.models import Signal, User, utcnow
from signals.privacy import mask_fields, text_for_matching
from signals.routing import RoutingDecision, route_texts, text_routing_kit

COLUMNS = ("channel", "title", "description", "regulations", "observed_on", "people_affected", "themes", "impact", "proposed_solution", "external_id")
BATCH_SIZE = 1000
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
    session: Session, submitter: User, text: str, threshold: float, progress=None, commit=None, workers: int | None = None
) -> ImportReport:
    """Import every valid row of a CSV text; the caller commits (``commit`` is called per batch)."""
    header, rows = read_rows(text)
    return import_rows(session, submitter, header, rows, threshold, progress, commit, workers)


def import_rows(
    session: Session,
    submitter: User,
    header: list[str],
    rows,
    threshold: float,
    progress=None,
    commit=None,
    workers: int | None = None,
) -> ImportReport:
    """Import rows (dicts by column name) in batches; rows whose external_id is known are skipped.

    Per batch: one query finds the known external ids, every row is validated, masked and routed in
    Python (the classifier reads the batch's texts at once), and the rows go in with one multi-row
    INSERT per table — signals (id and reference included), their regulations and ministries, the
    contacts, the audit events (``submitted`` and ``route``, as a signal sent through the form gets
    them) and the outbox rows for the triage teams. The stored rows are the ones ``submit_signal``
    writes (tests/signals/test_importer.py compares them).

    A file of more than one batch is masked and routed by ``workers`` processes (default: one per
    core, at most two) while this one validates and writes: batch n+1 is read while batch n is
    written. They route with the reference data as it was when the first full batch started.
    """
    report = ImportReport()
    if not permissions.may_submit(submitter):
        report.errors.append((1, "", N_("Alleen frontlijnmedewerkers en coördinatoren kunnen signalen melden.")))
        return report
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        report.errors.append((1, ",".join(missing), "Deze kolommen ontbreken in de kopregel."))
        return report
    if workers is None:
        workers = min(MAX_WORKERS, os.cpu_count() or 1)
    numbered = enumerate(rows, start=2)  # row 1 is the header
    seen: dict[tuple[str, str], str] = {}
    pool = None
    pending = None  # the batch being masked and routed while the one before it is written
    try:
        while batch := list(itertools.islice(numbered, BATCH_SIZE)):
            checked = _check_batch(session, batch, seen, report)
            if pool is None and workers > 1 and len(batch) == BATCH_SIZE:
                pool = _start_pool(session, threshold, workers)
            work = _start_work(pool, workers, session, threshold, checked.prepared)
            if pending is not None:
                _finish_batch(session, submitter, threshold, seen, report, *pending, progress, commit)
            pending = (checked, work, len(batch))
        if pending is not None:
            _finish_batch(session, submitter, threshold, seen, report, *pending, progress, commit)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
    return report


#: processes that mask and route a large import beside the one that writes
MAX_WORKERS = 2


@dataclass
class _Prepared:
    number: int
    draft: SignalDraft
    regulations: list
    key: tuple[str, str] | None
    fields: dict | None = None
    masked: tuple = ()
    decision: RoutingDecision | None = None

    def raw_fields(self) -> dict:
        draft = self.draft
        return {
            "title": draft.title.strip(),
            "description": draft.description.strip(),
            "impact": (draft.impact or "").strip(),
            "proposed_solution": (draft.proposed_solution or "").strip(),
        }


@dataclass
class _Checked:
    prepared: list[_Prepared]
    #: (place in report.skipped, key) of repeats of an external id earlier in the file
    repeats: list[tuple[int, tuple[str, str]]]


def _check_batch(session, batch, seen, report) -> _Checked:
    """Known and repeated external ids skipped, every other row validated (errors to the report)."""
    known = _known_external_ids(session, [row for _number, row in batch])
    checked = _Checked([], [])
    for number, row in batch:
        key = _key(row)
        if key is not None and key in known:
            report.skipped.append(known[key])
            continue
        if key is not None and key in seen:
            checked.repeats.append((len(report.skipped), key))
            report.skipped.append(seen[key])
            continue
        draft, errors = draft_from_row(row)
        if draft is not None:
            try:
                regulations = validate_draft(session, draft)
            except DomainError as error:
                errors = [(name, message) for name, messages in error.fields.items() for message in messages] or [("", error.message)]
            else:
                checked.prepared.append(_Prepared(number, draft, regulations, key))
                if key is not None:
                    seen[key] = ""  # the same id twice in one file: the second is a repeat (reference below)
        report.errors.extend((number, name, message) for name, message in errors)
    return checked


# --- masking and text routing, here or in worker processes ---------------------------------------

#: (routing kit, threshold) for the worker processes: set just before they fork, so they inherit it
_WORKER_KIT: tuple | None = None


def _mask_and_route(items: list[tuple[dict, bool]], kit: tuple | None = None, threshold=None) -> list[tuple]:
    """(masked fields, kinds masked, text routing decision or None) per (fields, routed by text?).

    The texts routed by their words go to the classifier together, as one batch."""
    if kit is None:
        kit, threshold = _WORKER_KIT
    masked = [mask_fields(fields) for fields, _by_text in items]
    texts = [
        text_for_matching(f"{fields['title']}\n{fields['description']}", already_masked=True)
        for (fields, _kinds), (_raw, by_text) in zip(masked, items, strict=True)
        if by_text
    ]
    decisions = iter(route_texts(kit, texts, threshold) if texts else ())
    return [(fields, kinds, next(decisions) if by_text else None) for (fields, kinds), (_raw, by_text) in zip(masked, items, strict=True)]


def _start_pool(session, threshold, workers: int):
    """Worker processes (forked: they inherit the reference snapshot, router and classifier built here)."""
    global _WORKER_KIT
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    _WORKER_KIT = (text_routing_kit(session), threshold)
    try:
        return multiprocessing.get_context("fork").Pool(workers)
    finally:
        _WORKER_KIT = None


def _chunks(items: list[tuple[dict, bool]], workers: int) -> list[list[tuple[dict, bool]]]:
    """The batch in ``workers`` parts; in one part when a part would hold a single text to route (the
    classifier reads one text by its single-text path, and a batch of texts must be read as a batch)."""
    size = -(-len(items) // workers)
    parts = [items[start : start + size] for start in range(0, len(items), size)] if items else []
    texts = sum(by_text for _fields, by_text in items)
    if texts > 1 and any(sum(by_text for _fields, by_text in part) == 1 for part in parts):
        return [items]
    return parts


class _Done:
    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value


def _start_work(pool, workers, session, threshold, prepared: list[_Prepared]):
    items = [(item.raw_fields(), not item.regulations) for item in prepared]
    if pool is None:
        return _Done(_mask_and_route(items, text_routing_kit(session), threshold) if items else [])
    parts = _chunks(items, workers)
    return pool.map_async(_mask_and_route, parts) if parts else _Done([])


def _finish_batch(session, submitter, threshold, seen, report, checked: _Checked, work, size: int, progress, commit) -> None:
    """Take the batch's masking and routing, write it, report, commit."""
    results = work.get()
    if results and isinstance(results[0], list):  # from the pool: one list per part
        results = [result for part in results for result in part]
    prepared = checked.prepared
    for item, (fields, masked, decision) in zip(prepared, results, strict=True):
        item.fields, item.masked = fields, masked
        item.decision = decision if decision is not None else decide_routing(session, item.regulations, "", threshold)
    if prepared:
        references = _write(session, submitter, prepared, utcnow())
        for item, reference in zip(prepared, references, strict=True):
            report.imported.append(reference)
            report.masked_rows += bool(item.masked)
            if item.key is not None:
                seen[item.key] = reference
    for place, key in checked.repeats:
        report.skipped[place] = seen[key]
    if progress is not None:
        progress(size)
    if commit is not None:
        commit()


def _write(session: Session, submitter: User, prepared: list[_Prepared], now) -> list[str]:
    """The batch's rows, one multi-row INSERT per table (the API's and the form's rows:
    ``intake.write_new_signals``); returns the new references in order. The outbox rows wait for
    ``deadlines check`` to send them."""
    return write_new_signals(session, submitter, prepared, now).references


def _key(row: dict[str, str]) -> tuple[str, str] | None:
    external_id = (row.get("external_id") or "").strip()
    return ((row.get("channel") or "").strip().upper(), external_id) if external_id else None


def _known_external_ids(session: Session, rows: list[dict[str, str]]) -> dict[tuple[str, str], str]:
    """(channel, external_id) -> reference of the signals already stored for this batch's rows, in one query."""
    keys = {key for row in rows if (key := _key(row))}
    if not keys:
        return {}
    # both columns named, so the unique (channel_code, external_id) index answers it (PostgreSQL has no skip scan)
    found = session.execute(
        select(Signal.channel_code, Signal.external_id, Signal.reference).where(
            Signal.channel_code.in_({channel for channel, _external_id in keys}),
            Signal.external_id.in_({external_id for _channel, external_id in keys}),
        )
    ).all()
    return {(channel, external_id): reference for channel, external_id, reference in found if (channel, external_id) in keys}
