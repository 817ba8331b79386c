"""import-signals in bulk: the rows it stores are the rows the form stores, and a file imported twice adds nothing."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from signals import intake
from signals.audit import list_signal_history
from signals.importer import import_rows, import_signals, read_xlsx_rows
from signals.intake import SignalDraft, submit_signal
from signals.models import Notification, Signal

ROWS = [
    # (title, description, regulations)
    ("Gift van moeder", "Een cliënt in de bijstand kreeg boodschappen van zijn moeder, BSN 111222333, en moet alles terugbetalen.", "BWBR0015703"),
    ("Huurtoeslag terug", "Na een kleine loonsverhoging moet een alleenstaande moeder de hele huurtoeslag terugbetalen.", ""),
    ("Onduidelijk", "Iets ging mis maar wat precies weet niemand.", ""),
]


def _csv(rows, external_ids=None) -> str:
    lines = ["channel;title;description;regulations;external_id"]
    for index, (title, description, regulations) in enumerate(rows):
        external = external_ids[index] if external_ids else ""
        lines.append(f"GEM-BL;{title};{description};{regulations};{external}")
    return "\n".join(lines) + "\n"


def _as_stored(db, signal: Signal) -> dict:
    """What a user sees of a stored signal, without its id, reference and moment."""
    reference = signal.reference
    history = [
        (e.action, e.from_state, e.to_state, e.note, e.data, e.actor_id)
        for e in list_signal_history(db.session, signal.id)
    ]
    mails = sorted(
        (n.kind, n.recipient, n.subject.replace(reference, "REF"), n.body.replace(reference, "REF").replace(f"/signalen/{signal.id}", "/signalen/ID"))
        for n in db.session.scalars(select(Notification).where(Notification.signal_id == signal.id))
    )
    return {
        "status": signal.status,
        "texts": (signal.title, signal.description, signal.impact, signal.proposed_solution),
        "masked": signal.masked,
        "routing": (signal.routing_method, signal.routing_confidence, signal.routing_explanation, signal.routing_suggestions),
        "ministries": (signal.lead_ministry_code, signal.co_ministry_codes),
        "regulations": [r.code for r in signal.regulations],
        "due": signal.due_at.date() if signal.due_at else None,
        "routed": signal.routed_at is not None,
        "history": history,
        "mails": mails,
    }


def _raw_rows(db, signal: Signal) -> list[dict]:
    """The signal's row and its audit events' rows as the database holds them (JSON as text or NULL),
    without ids, references and moments."""
    connection = db.session.connection()
    moments = ("created_at", "updated_at", "routed_at", "deadline_started_at", "due_at", "late_from", "very_late_from")
    rows = [
        *connection.exec_driver_sql(f"SELECT * FROM signal WHERE id = {int(signal.id)}").mappings(),
        *connection.exec_driver_sql(f"SELECT * FROM audit_event WHERE signal_id = {int(signal.id)} ORDER BY id").mappings(),
    ]
    return [{k: v for k, v in row.items() if k not in (*moments, "id", "reference", "entity_id", "signal_id")} for row in rows]


@pytest.mark.parametrize("by_driver", [False, True], ids=["core", "copy-or-executemany"])
def test_import_stores_what_the_form_stores(db, make_user, monkeypatch, by_driver):
    # Do the rows of an import batch, written by Core or by the driver itself (COPY on PostgreSQL,
    # executemany on SQLite), hold what the form's signal holds, down to the stored column values?
    monkeypatch.setattr(intake, "BULK_ROWS", 2 if by_driver else 10**9)  # the form writes one row: Core
    make_user("triage", "SZW")
    make_user("triage", "BZK")
    submitter = make_user("frontline", "GEM")
    report = import_signals(db.session, submitter, _csv(ROWS), threshold=None)
    db.session.commit()
    assert report.errors == [] and len(report.imported) == 3 and report.masked_rows == 1
    imported = [db.session.scalars(select(Signal).where(Signal.reference == ref)).one() for ref in report.imported]
    by_form = []
    for title, description, regulations in ROWS:
        draft = SignalDraft(channel="GEM-BL", title=title, description=description, regulations=regulations.split())
        by_form.append(submit_signal(db.session, submitter, draft)[0])
    db.session.commit()
    for stored, expected in zip(imported, by_form, strict=True):
        assert stored.reference == f"SIG-{stored.created_at.year}-{stored.id:06d}"
        assert _as_stored(db, stored) == _as_stored(db, expected)
        assert _raw_rows(db, stored) == _raw_rows(db, expected)
    assert "111222333" not in imported[0].description  # masked before it was stored
    assert imported[0].status == "routed" and _as_stored(db, imported[0])["mails"]  # the triage team hears of it


def test_importing_the_same_file_twice_creates_nothing_new(db, make_user):
    submitter = make_user("frontline", "GEM")
    text = _csv(ROWS + [ROWS[0]], external_ids=["EXT-1", "EXT-2", "", "EXT-1"])
    first = import_signals(db.session, submitter, text, threshold=None, commit=db.session.commit)
    db.session.commit()
    assert len(first.imported) == 3 and first.skipped == [first.imported[0]]  # the same id twice in one file
    count = db.session.scalar(select(func.count()).select_from(Signal))
    second = import_signals(db.session, submitter, _csv(ROWS[:2], external_ids=["EXT-1", "EXT-2"]), threshold=None)
    db.session.commit()
    assert second.imported == [] and second.skipped == first.imported[:2]
    assert db.session.scalar(select(func.count()).select_from(Signal)) == count


def test_xlsx_rows_import_like_csv_rows_and_are_known_the_second_time(db, make_user):
    from openpyxl import Workbook

    submitter = make_user("frontline", "GEM")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Channel", "Title", "Description", "Regulations", "People_affected", "External_id"])
    sheet.append(["GEM-BL", ROWS[0][0], ROWS[0][1], ROWS[0][2], 3, 12345])
    sheet.append(["GEM-BL", ROWS[1][0], ROWS[1][1], None, None, "X-2"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    for attempt in range(2):
        header, rows = read_xlsx_rows(buffer.getvalue())
        report = import_rows(db.session, submitter, header, rows, threshold=None)
        db.session.commit()
        if attempt == 0:
            assert len(report.imported) == 2 and report.errors == []
            first = db.session.scalars(select(Signal).where(Signal.reference == report.imported[0])).one()
            assert first.external_id == "12345" and first.people_affected == 3
        else:
            assert report.imported == [] and len(report.skipped) == 2


MORE_ROWS = ROWS + [
    ("Toeslag en bijstand", "De huurtoeslag en de bijstand rekenen elk met een ander inkomen, mevrouw Jansen betaalt twee keer terug.", ""),
    ("Wachtlijst", "Een gezin wacht al een jaar op jeugdzorg en de gemeente verwijst naar de wachtlijst.", ""),
    ("Kinderopvang", "De kinderopvangtoeslag wordt teruggevorderd omdat het rooster een week later kwam.", ""),
    ("Boete", "Een verkeersboete van 90 euro liep op tot 400 euro bij het CJIB door aanmaningskosten.", ""),
]


def test_a_large_file_masked_and_routed_by_worker_processes_stores_the_same(db, make_user, monkeypatch):
    # Does an import of several batches, masked and routed in two worker processes while the batches
    # are written, store exactly what the same import does in one process, and skip repeats across batches?
    import signals.importer as importer

    make_user("triage", "SZW")
    make_user("triage", "BZK")
    submitter = make_user("frontline", "GEM")
    monkeypatch.setattr(importer, "BATCH_SIZE", 3)
    pools = []
    start_pool = importer._start_pool
    monkeypatch.setattr(importer, "_start_pool", lambda *args: pools.append(start_pool(*args)) or pools[-1])
    rows = MORE_ROWS * 2
    reports = []
    for workers, prefix in ((2, "P"), (1, "S")):
        ids = [f"{prefix}-{index % len(MORE_ROWS)}" for index in range(len(rows))]  # the second half repeats the first
        reports.append(import_signals(db.session, submitter, _csv(rows, ids), threshold=None, commit=db.session.commit, workers=workers))
        db.session.commit()
    pooled, single = reports
    assert len(pools) == 1 and pools[0] is not None  # the first import forked its workers, the second did not
    assert pooled.errors == [] and len(pooled.imported) == len(MORE_ROWS) and pooled.skipped == pooled.imported
    assert len(single.imported) == len(MORE_ROWS) and pooled.masked_rows == single.masked_rows == 2
    for one, other in zip(pooled.imported, single.imported, strict=True):
        first, second = (db.session.scalars(select(Signal).where(Signal.reference == ref)).one() for ref in (one, other))
        assert _as_stored(db, first) == _as_stored(db, second)
