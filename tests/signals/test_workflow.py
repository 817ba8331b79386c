"""The transition table of DESIGN §4: every legal step works, every other one is refused."""

from __future__ import annotations

import itertools

import pytest

from signals.audit import list_signal_history
from signals.errors import InvalidInput, PermissionDenied, TransitionNotAllowed
from signals.vocabulary import STATUSES
from signals.workflow import TRANSITIONS, transition_signal

# What each legal step needs to succeed, and who takes it.
LEGAL = [
    ("routed", "routed", "triage", {"ministry": "VWS", "note": "Gaat over zorg."}),
    ("routed", "in_progress", "triage", {}),
    ("in_progress", "needs_info", "triage", {"note": "Om welke maand gaat het?"}),
    ("needs_info", "in_progress", "frontline", {"note": "Het ging om maart."}),
    ("needs_info", "in_progress", "triage", {"note": "Telefonisch aangevuld."}),
    ("in_progress", "answered", "triage", {"outcome": "taken_up", "response": "We passen de regel aan."}),
    ("in_progress", "answered", "triage", {"outcome": "not_taken_up", "response": "Nee.", "note": "Bewuste keuze."}),
    ("answered", "closed", "frontline", {}),
    ("answered", "closed", "coordinator", {}),
    ("answered", "in_progress", "frontline", {"note": "Het antwoord gaat niet over mijn vraag."}),
    ("routed", "merged", "coordinator", {"target": True}),
    ("in_progress", "merged", "triage", {"target": True}),
    ("needs_info", "merged", "triage", {"target": True}),
]


def _actor(make_user, role, signal):
    org = {"triage": signal.lead_ministry_code, "frontline": signal.organisation_code, "coordinator": "BZK"}[role]
    return make_user(role, org)


@pytest.mark.parametrize(("frm", "to", "role", "kwargs"), LEGAL)
def test_legal_transition_changes_state_and_writes_audit_event(db, make_signal, make_user, frm, to, role, kwargs):
    signal = make_signal(status=frm)
    kwargs = dict(kwargs)
    if kwargs.get("target"):
        kwargs["target"] = make_signal(status="routed")
    before = len(list_signal_history(db.session, signal.id))
    transition_signal(db.session, signal, to, _actor(make_user, role, signal), **kwargs)
    db.session.commit()
    history = list_signal_history(db.session, signal.id)
    assert signal.status == to
    assert len(history) == before + 1
    assert (history[-1].from_state, history[-1].to_state) == (frm, to)
    assert history[-1].actor is not None


def test_received_signal_is_routed_by_coordinator(db, make_signal, make_user):
    signal = make_signal(regulations=[], title="Vraag", description="De regels zijn ingewikkeld.", status="received")
    assert signal.status == "received"
    transition_signal(db.session, signal, "routed", make_user("coordinator", "BZK"), ministry="SZW", co_ministries=["FIN"])
    assert signal.status == "routed"
    assert signal.lead_ministry_code == "SZW"
    assert signal.co_ministry_codes == ["FIN"]
    assert signal.routing_method == "manual"


ALL_PAIRS = [(a, b) for a, b in itertools.product(STATUSES, STATUSES) if (a, b) not in TRANSITIONS]
REACHABLE = ("routed", "in_progress", "needs_info", "answered", "closed")


@pytest.mark.parametrize(("frm", "to"), [(a, b) for a, b in ALL_PAIRS if a in REACHABLE])
def test_illegal_transition_is_refused_with_conflict(db, make_signal, make_user, frm, to):
    signal = make_signal(status=frm)
    with pytest.raises(TransitionNotAllowed):
        transition_signal(db.session, signal, to, make_user("coordinator", "BZK"), note="x", ministry="SZW")
    assert signal.status == frm


def test_every_pair_is_either_legal_or_refused():
    assert len(ALL_PAIRS) + len(TRANSITIONS) == len(STATUSES) ** 2


@pytest.mark.parametrize(
    ("frm", "to", "kwargs", "field"),
    [
        ("routed", "routed", {"ministry": "VWS"}, "note"),
        ("routed", "routed", {"note": "Hoort elders."}, "ministry"),
        ("routed", "routed", {"ministry": "XYZ", "note": "x"}, "ministry"),
        ("routed", "routed", {"ministry": "SZW", "note": "x"}, "ministry"),
        ("in_progress", "needs_info", {}, "note"),
        ("in_progress", "answered", {"response": "Antwoord"}, "outcome"),
        ("in_progress", "answered", {"outcome": "taken_up"}, "response"),
        ("in_progress", "answered", {"outcome": "bogus", "response": "x"}, "outcome"),
        ("in_progress", "answered", {"outcome": "not_taken_up", "response": "Nee."}, "note"),
        ("answered", "in_progress", {}, "note"),
        ("routed", "merged", {}, "target"),
    ],
)
def test_missing_reason_or_field_is_named(db, make_signal, make_user, frm, to, kwargs, field):
    signal = make_signal(status=frm)
    with pytest.raises(InvalidInput) as error:
        transition_signal(db.session, signal, to, make_user("triage", signal.lead_ministry_code), **kwargs)
    assert field in error.value.fields
    assert signal.status == frm


def test_triage_of_co_ministry_cannot_accept(db, make_signal, make_user):
    signal = make_signal(regulations=["BWBR0015703", "BWBR0008659"])  # Pw (SZW) + huurtoeslag (BZK)
    assert signal.co_ministry_codes == ["BZK"]
    with pytest.raises(PermissionDenied):
        transition_signal(db.session, signal, "in_progress", make_user("triage", "BZK"))


def test_frontline_cannot_accept_and_other_org_cannot_answer_request(db, make_signal, make_user):
    signal = make_signal(status="needs_info", org="UWV", channel="UWV-MW")
    with pytest.raises(PermissionDenied):
        transition_signal(db.session, signal, "in_progress", make_user("frontline", "SVB"), note="x")
    routed = make_signal()
    with pytest.raises(PermissionDenied):
        transition_signal(db.session, routed, "in_progress", make_user("frontline", "GEM"))


def test_merge_with_itself_is_refused(db, make_signal, make_user):
    signal = make_signal()
    with pytest.raises(InvalidInput):
        transition_signal(db.session, signal, "merged", make_user("coordinator", "BZK"), target=signal)


def test_reroute_to_retired_ministry_follows_successor(db, make_signal, make_user):
    signal = make_signal()
    transition_signal(db.session, signal, "routed", make_user("triage", "SZW"), ministry="VRO", note="Wonen.")
    assert signal.lead_ministry_code == "BZK"
