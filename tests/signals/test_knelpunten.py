"""Knelpunten: creation from signals, counts, scoping and their own workflow."""

from __future__ import annotations

import pytest

from signals.errors import InvalidInput, NotFound, PermissionDenied, TransitionNotAllowed
from signals.knelpunten import (
    create_knelpunt,
    get_knelpunt_for,
    knelpunt_counts,
    knelpunt_history,
    link_signals,
    list_knelpunten_page,
    transition_knelpunt,
    unlink_signal,
)


def _make(db, actor, signals, ministry="SZW", **kw):
    return create_knelpunt(db.session, actor, "Giften in de bijstand", ministry, [s.id for s in signals], problem="Giften worden verrekend.", **kw)


def test_counts_come_from_linked_signals(db, make_signal, make_user):
    coordinator = make_user("coordinator", "BZK")
    a = make_signal(org="GEM")
    b = make_signal(org="UWV", channel="UWV-MW")
    a.people_affected, b.people_affected = 3, 40
    knelpunt = _make(db, coordinator, [a, b], instrument="wetswijziging")
    db.session.commit()
    counts = knelpunt_counts(db.session, [knelpunt.id])[knelpunt.id]
    assert (counts.signals, counts.channels, counts.people_affected) == (2, 2, 43)
    assert counts.channel_codes == ["GEM-BL", "UWV-MW"]
    assert knelpunt.regulations == []  # chosen by a person, never copied from the signals
    assert knelpunt.reference.startswith("KNP-")


def test_regulations_are_suggested_by_evidence_and_chosen_by_a_person(db, make_signal, make_user):
    from signals.knelpunten import set_knelpunt_regulations, suggest_regulations
    from signals.models import AuditEvent

    coordinator = make_user("coordinator", "BZK")
    a = make_signal(regulations=["BWBR0015703"])
    b = make_signal(regulations=["BWBR0015703", "BWBR0009709"])
    c = make_signal(regulations=["BWBR0008659", "BWBR0015703"])
    ranked = [(r.code, lead, total) for r, lead, total in suggest_regulations([a, b, c])]
    assert ranked[0] == ("BWBR0015703", 2, 3)
    assert ("BWBR0009709", 0, 1) in ranked  # mentioned once, never the lead: last in line
    knelpunt = _make(db, coordinator, [a, b, c], regulations=["BWBR0015703"])
    assert [r.code for r in knelpunt.regulations] == ["BWBR0015703"]
    set_knelpunt_regulations(db.session, knelpunt, coordinator, ["BWBR0015703", "BWBR0008659"])
    db.session.commit()
    assert [r.code for r in knelpunt.regulations] == ["BWBR0015703", "BWBR0008659"]
    event = db.session.query(AuditEvent).filter_by(entity_type="knelpunt", action="regulations").one()
    assert event.data == {"before": ["BWBR0015703"], "after": ["BWBR0015703", "BWBR0008659"]}
    with pytest.raises(InvalidInput) as error:
        set_knelpunt_regulations(db.session, knelpunt, coordinator, ["BWBR0000000"])
    assert "regulations" in error.value.fields


def test_link_and_unlink_write_history(db, make_signal, make_user):
    coordinator = make_user("coordinator", "BZK")
    a, b = make_signal(), make_signal()
    knelpunt = _make(db, coordinator, [a])
    link_signals(db.session, knelpunt, coordinator, [b.id])
    unlink_signal(db.session, knelpunt, coordinator, a.id)
    db.session.commit()
    assert [s.id for s in knelpunt.signals] == [b.id]
    assert [e.action for e in knelpunt_history(db.session, knelpunt)] == ["created", "signal_linked", "signal_linked", "signal_unlinked"]


def test_knelpunten_are_scoped_like_signals(db, make_signal, make_user):
    coordinator = make_user("coordinator", "BZK")
    gem_signal = make_signal(org="GEM")
    knelpunt = _make(db, coordinator, [gem_signal])
    db.session.commit()
    assert get_knelpunt_for(db.session, make_user("frontline", "GEM"), knelpunt.id) == knelpunt
    assert get_knelpunt_for(db.session, make_user("triage", "SZW"), knelpunt.id) == knelpunt
    for outsider in (make_user("frontline", "UWV"), make_user("triage", "FIN")):
        with pytest.raises(NotFound):
            get_knelpunt_for(db.session, outsider, knelpunt.id)
        assert list_knelpunten_page(db.session, outsider).items == []


def test_co_ministry_sees_but_only_lead_or_coordinator_changes(db, make_signal, make_user):
    coordinator = make_user("coordinator", "BZK")
    knelpunt = _make(db, coordinator, [make_signal()], co_ministries=["BZK"])
    db.session.commit()
    bzk = make_user("triage", "BZK")
    assert get_knelpunt_for(db.session, bzk, knelpunt.id) == knelpunt
    with pytest.raises(PermissionDenied):
        transition_knelpunt(db.session, knelpunt, "in_study", bzk)


def test_triage_cannot_link_signals_it_cannot_see(db, make_signal, make_user):
    szw = make_user("triage", "SZW")
    fin_signal = make_signal(regulations=["BWBR0011353"])
    with pytest.raises(InvalidInput) as error:
        create_knelpunt(db.session, szw, "Giften in de bijstand", "SZW", [fin_signal.id])
    assert "signal_ids" in error.value.fields


def test_triage_creates_only_for_own_ministry_and_frontline_not_at_all(db, make_signal, make_user):
    signal = make_signal()
    with pytest.raises(PermissionDenied):
        create_knelpunt(db.session, make_user("triage", "SZW"), "Giften in de bijstand", "FIN", [signal.id])
    with pytest.raises(PermissionDenied):
        create_knelpunt(db.session, make_user("frontline", "GEM"), "Giften in de bijstand", "SZW", [signal.id])


@pytest.mark.parametrize(
    ("path", "ok"),
    [
        (["in_study", "solution_underway", "addressed"], True),
        (["in_study", "addressed"], True),
        (["addressed"], False),
        (["in_study", "open"], False),
    ],
)
def test_knelpunt_workflow(db, make_signal, make_user, path, ok):
    coordinator = make_user("coordinator", "BZK")
    knelpunt = _make(db, coordinator, [make_signal()])
    if ok:
        for to in path:
            transition_knelpunt(db.session, knelpunt, to, coordinator)
        assert knelpunt.status == path[-1]
    else:
        with pytest.raises(TransitionNotAllowed):
            for to in path:
                transition_knelpunt(db.session, knelpunt, to, coordinator)


def test_rejecting_needs_a_reason(db, make_signal, make_user):
    coordinator = make_user("coordinator", "BZK")
    knelpunt = _make(db, coordinator, [make_signal()])
    with pytest.raises(InvalidInput) as error:
        transition_knelpunt(db.session, knelpunt, "rejected", coordinator)
    assert "note" in error.value.fields
    transition_knelpunt(db.session, knelpunt, "rejected", coordinator, note="Bewuste keuze van de wetgever.")
    assert (knelpunt.status, knelpunt.status_reason) == ("rejected", "Bewuste keuze van de wetgever.")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"title": ""}, "title"), ({"ministry": "XYZ"}, "ministry"), ({"ministry": None}, "ministry"), ({"instrument": "decreet"}, "instrument"), ({"regulations": ["BWBR0000000"]}, "regulations")],
)
def test_bad_knelpunt_fields_are_named(db, make_user, kwargs, field):
    args = {"title": "Titel", "ministry": "SZW", "signal_ids": []}
    args.update(kwargs)
    with pytest.raises(InvalidInput) as error:
        create_knelpunt(db.session, make_user("coordinator", "BZK"), **args)
    assert field in error.value.fields


@pytest.mark.parametrize(
    ("title", "ok"),
    [
        ("Giften tellen als inkomen", True),
        ("  Wajong  ", True),
        ("K", False),
        ("  Kort ", False),  # four characters once trimmed
        ("12345678", False),
        ("!!!???...", False),
        ("2026 - 07", False),
        ("x" * 201, False),
    ],
)
def test_a_knelpunt_needs_a_real_title(db, make_signal, make_user, title, ok):
    """Is a title of five characters or more, with words, the only kind a knelpunt accepts?"""
    coordinator = make_user("coordinator", "BZK")
    signal = make_signal()
    if ok:
        assert create_knelpunt(db.session, coordinator, title, "SZW", [signal.id]).title == title.strip()
    else:
        with pytest.raises(InvalidInput) as error:
            create_knelpunt(db.session, coordinator, title, "SZW", [signal.id])
        assert list(error.value.fields) == ["title"]


def test_a_knelpunt_needs_a_signal_and_keeps_its_last_one(db, make_signal, make_user):
    """Is a knelpunt without signals refused, and may its last signal not be unlinked?"""
    coordinator = make_user("coordinator", "BZK")
    with pytest.raises(InvalidInput) as error:
        create_knelpunt(db.session, coordinator, "Giften tellen als inkomen", "SZW", [])
    assert "signal_ids" in error.value.fields
    a, b = make_signal(), make_signal()
    knelpunt = _make(db, coordinator, [a, b])
    unlink_signal(db.session, knelpunt, coordinator, a.id)
    with pytest.raises(TransitionNotAllowed) as refused:
        unlink_signal(db.session, knelpunt, coordinator, b.id)
    assert "signal_id" in refused.value.fields
    assert b.knelpunt_id == knelpunt.id


def test_changing_the_title_follows_the_same_rule(db, make_signal, make_user):
    from signals.knelpunten import update_knelpunt

    coordinator = make_user("coordinator", "BZK")
    knelpunt = _make(db, coordinator, [make_signal()])
    with pytest.raises(InvalidInput) as error:
        update_knelpunt(db.session, knelpunt, coordinator, title="...")
    assert "title" in error.value.fields
    update_knelpunt(db.session, knelpunt, coordinator, title="Giften van familie tellen als inkomen")
    assert knelpunt.title == "Giften van familie tellen als inkomen"
