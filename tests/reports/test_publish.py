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


def test_letter_list_names_files_without_reading_their_bytes(db, make_user):
    """Does the list of published letters (the letters page, the liaison's start page) leave the
    frozen data and the files' bytes in the database, and still serve them when opened?"""
    from sqlalchemy import inspect

    liaison = make_user("liaison", "BZK")
    published = publish_letter(db.session, liaison, parse_period("2026-Q3"), "SZW")
    db.session.commit()
    pdf = next(f.content for f in published.files if f.format == "pdf")
    db.session.expire_all()

    [listed] = list_published_letters(db.session, liaison)
    assert sorted(f.format for f in listed.files) == ["csv", "docx", "html", "pdf", "xlsx"]
    assert "data" in inspect(listed).unloaded
    assert all("content" in inspect(f).unloaded for f in listed.files)
    assert get_letter_file(db.session, liaison, listed.id, "pdf").content == pdf
    assert listed.data["scope"] == published.data["scope"]
