"""Publishing freezes a letter: stored files are served byte for byte after new signals arrive."""

import hashlib

import pytest
from sqlalchemy import select

from reports.periods import parse_period
from reports.publish import get_letter_file, list_published_letters, publish_letter
from signals.errors import PermissionDenied
from signals.models import AuditEvent
from tests.reports.factories import make_dataset


def test_published_letter_stays_byte_identical_after_new_signals(db, make_signal, make_user):
    make_dataset(db, make_signal)
    coordinator = make_user("coordinator", "BZK")
    letter = publish_letter(db.session, coordinator, parse_period("2026"), None)
    db.session.commit()
    before = {f.format: f.content for f in letter.files}
    assert set(before) == {"html", "pdf", "docx", "csv", "xlsx"}
    assert all(hashlib.sha256(f.content).hexdigest() == f.sha256 for f in letter.files)
    total_before = letter.data["summary"]["values"]["total"]

    for _ in range(3):
        make_signal()
    db.session.expire_all()
    for fmt, content in before.items():
        assert get_letter_file(db.session, coordinator, letter.id, fmt).content == content
    assert letter.data["summary"]["values"]["total"] == total_before

    event = db.session.scalars(select(AuditEvent).where(AuditEvent.entity_type == "letter")).one()
    assert event.entity_id == str(letter.id) and event.action == "publish"
    again = publish_letter(db.session, coordinator, parse_period("2026"), None)
    db.session.commit()
    assert again.version == 2 and again.data["summary"]["values"]["total"] == total_before + 3


def test_only_coordinator_or_liaison_publish_and_triage_reads_own_scope(db, make_user):
    with pytest.raises(PermissionDenied):
        publish_letter(db.session, make_user("triage", "SZW"), parse_period("2026-Q3"), "SZW")
    liaison = make_user("liaison", "BZK")
    szw = publish_letter(db.session, liaison, parse_period("2026-Q3"), "SZW")
    publish_letter(db.session, liaison, parse_period("2026-Q3"), "FIN")
    db.session.commit()
    assert [letter.scope for letter in list_published_letters(db.session, make_user("triage", "SZW"))] == ["SZW"]
    assert len(list_published_letters(db.session, liaison)) == 2
    assert list_published_letters(db.session, make_user("frontline", "GEM")) == []
    assert szw.version == 1
