"""`flask --app app privacy rescan [--dry-run]`: the current guard over texts stored before it."""

from __future__ import annotations

from sqlalchemy import select

from signals.models import AuditEvent, Signal

OLD_TEXT = "Mevrouw Jansen uit de Dorpsstraat 12 in Utrecht belde over de bijstand; zoon Kevin (7)."


def _store_unmasked(db, make_signal):
    """A signal and a note as an older guard let them through (names and street passed)."""
    signal = make_signal(status="needs_info")
    signal.description = OLD_TEXT
    note = db.session.scalars(select(AuditEvent).where(AuditEvent.signal_id == signal.id, AuditEvent.action == "request_info")).one()
    note.note = "Bel mevrouw Jansen op 06-12345678."
    db.session.commit()
    return signal.id, note.id


def test_dry_run_counts_but_changes_nothing(runner, db, make_signal):
    # Does --dry-run report what it would mask and leave the data as it was?
    signal_id, _note_id = _store_unmasked(db, make_signal)
    result = runner.invoke(args=["privacy", "rescan", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Proefdraai" in result.output
    assert "name: 3" in result.output and "address: 1" in result.output and "phone: 1" in result.output
    db.session.expire_all()
    assert db.session.get(Signal, signal_id).description == OLD_TEXT
    assert not db.session.scalars(select(AuditEvent).where(AuditEvent.action == "privacy_rescan")).all()


def test_rescan_masks_with_an_audit_event_per_record_and_is_idempotent(runner, db, make_signal):
    # Are stored texts masked, each changed record audited, and does a second run change nothing?
    signal_id, note_id = _store_unmasked(db, make_signal)
    first = runner.invoke(args=["privacy", "rescan"])
    assert first.exit_code == 0, first.output
    assert "signal: 1 van" in first.output and "audit_event: 1 van" in first.output
    db.session.expire_all()
    signal = db.session.get(Signal, signal_id)
    assert "Jansen" not in signal.description and "Dorpsstraat" not in signal.description and "Utrecht" in signal.description
    assert {"name", "address"} <= set(signal.masked)
    assert "Jansen" not in db.session.get(AuditEvent, note_id).note
    audits = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "privacy_rescan")).all()
    assert len(audits) == 2
    assert {tuple(a.data["fields"]) for a in audits} == {("description",), ("note",)}
    second = runner.invoke(args=["privacy", "rescan"])
    assert second.exit_code == 0
    assert "signal: 0 van" in second.output and "niets gevonden" not in first.output
    assert len(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "privacy_rescan")).all()) == 2
