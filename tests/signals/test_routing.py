"""Routing rules of DESIGN §5: regulation first, then text; successors are followed."""

from __future__ import annotations

import pytest

from signals.intake import SignalDraft, submit_signal
from signals.models import Regulation
from signals.reference import find_regulation, resolve_ministry
from signals.routing import get_classifier, route_by_regulations, route_by_text


@pytest.mark.parametrize(
    ("codes", "lead", "co"),
    [
        (["BWBR0015703"], "SZW", []),  # Participatiewet
        (["BWBR0008659"], "BZK", []),  # Wet op de huurtoeslag: BZK, executed by Toeslagen (FIN)
        (["BWBR0018451"], "VWS", []),  # zorgtoeslag
        (["BWBR0017017"], "SZW", []),  # kinderopvangtoeslag
        (["BWBR0011453"], "OCW", []),  # studiefinanciering
        (["BWBR0015703", "BWBR0008659"], "SZW", ["BZK"]),  # samenloop: lead first
        (["BWBR0008659", "BWBR0015703"], "BZK", ["SZW"]),
        (["BWBR0015703", "BWBR0002221"], "SZW", []),  # same ministry twice: no co-ministry
        (["BWBR0034925"], "VWS", ["JENV"]),  # Jeugdwet carries its own co-ministry
        (["BWBR0017745"], "SZW", ["FIN"]),  # Wfsv
        (["BWBR0018472", "BWBR0018451", "BWBR0017017"], "FIN", ["VWS", "SZW"]),
    ],
)
def test_named_regulation_decides_lead_and_co_ministries(db, codes, lead, co):
    regulations = [find_regulation(db.session, c) for c in codes]
    decision = route_by_regulations(db.session, regulations)
    assert decision.ministry == lead
    assert decision.co_ministries == co
    assert decision.method == "regulation"
    assert decision.confidence == 1.0


def test_regulation_of_retired_ministry_routes_to_successor(db):
    regulation = find_regulation(db.session, "BWBR0008659")
    regulation.ministry_code = "VRO"  # as it was between 2024 and 2026
    try:
        assert route_by_regulations(db.session, [regulation]).ministry == "BZK"
    finally:
        db.session.rollback()


@pytest.mark.parametrize(("code", "current"), [("VRO", "BZK"), ("AENM", "JENV"), ("KGG", "EZK"), ("EZ", "EZK"), ("SZW", "SZW")])
def test_retired_ministry_resolves_to_successor(db, code, current):
    assert resolve_ministry(db.session, code).code == current


def test_acceptance_sentence_is_routed_to_szw_by_its_words(db):
    text = "Mijn cliënt in de bijstand kreeg boodschappen van zijn moeder en moet nu alles terugbetalen"
    decision = route_by_text(db.session, text)
    assert decision.ministry == "SZW"
    assert decision.method == "text"
    assert decision.confidence >= 0.5
    assert "bijstand" in decision.explanation
    assert decision.regulations[0] == "BWBR0015703"


def test_vague_text_is_left_for_the_coordinator_with_suggestions(db):
    decision = route_by_text(db.session, "De regels zijn te ingewikkeld en mensen raken in de knel.")
    assert decision.ministry is None
    # no ministry is sure enough: well below the tuned threshold (0.53 against 0.88 since the fifth corpus round)
    assert decision.confidence < get_classifier(db.session).threshold - 0.2
    assert decision.ministry_probabilities  # the coordinator still sees the suggestions


def test_text_below_threshold_stays_received(db, make_user):
    user = make_user("frontline", "GEM")
    # a text that points nowhere in particular (since the tenth round "mensen begrijpen de brief niet" reads as
    # the government communication that held-out 9 brought into the corpus, AZ's ground, and is routed)
    draft = SignalDraft(channel="GEM-BL", title="Lastig", description="De regels zijn ingewikkeld en mensen raken in de knel.")
    signal, decision = submit_signal(db.session, user, draft)
    assert signal.status == "received"
    assert signal.lead_ministry_code is None
    assert decision.ministry is None


def test_high_threshold_leaves_even_clear_text_unrouted(db, make_user):
    user = make_user("frontline", "GEM")
    draft = SignalDraft(channel="GEM-BL", title="Bijstand", description="Bijstand teruggevorderd na gift.")
    signal, _ = submit_signal(db.session, user, draft, threshold=1.01)
    assert signal.status == "received"
    assert signal.routing_suggestions and signal.routing_suggestions[0]["ministry"] == "SZW"


def test_text_routing_follows_successor_of_retired_ministry(db):
    regulation = db.session.query(Regulation).filter_by(code="BWBR0008659").one()
    regulation.ministry_code = "VRO"
    db.session.flush()
    try:
        # threshold 0: this is about the successor, not the certainty. The text is about who is entitled
        # under the scheme's own conditions, which is the scheme's ministry's (a recovery by Toeslagen is
        # FIN's by the labelling rules, and since the seventh round's model the text alone says so)
        decision = route_by_text(db.session, "Geen huurtoeslag omdat de kale huur boven de huurtoeslaggrens ligt.", threshold=0.0)
        assert decision.ministry == "BZK"
        assert decision.alternatives and all(a["ministry"] != "VRO" for a in decision.alternatives)
    finally:
        db.session.rollback()


def test_named_regulation_wins_over_text(db, make_user):
    user = make_user("frontline", "GEM")
    draft = SignalDraft(
        channel="GEM-BL", title="Bijstand", description="Over de bijstand, maar het gaat om de zorgtoeslag.", regulations=["BWBR0018451"]
    )
    signal, decision = submit_signal(db.session, user, draft)
    assert (signal.lead_ministry_code, decision.method) == ("VWS", "regulation")
