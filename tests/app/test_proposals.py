"""Proposed knelpunten through the API, the screens, the CLI and the weekly digest."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from signals.intake import SignalDraft, submit_signal
from signals.models import AuditEvent, Knelpunt, Notification, Proposal, Signal, utcnow
from signals.proposal_features import text_features
from signals.proposals import refresh_proposals
from tests.conftest import login
from tests.signals.proposal_corpus import GROUPS, noise_signals, preload_vectors

WW = next(g for g in GROUPS if g["key"] == "ww-eerste-betaling")["signals"]
BEURS = next(g for g in GROUPS if g["key"] == "uitwonendenbeurs-controle")["signals"]


@pytest.fixture(autouse=True)
def _embeddings(monkeypatch):
    """Group by meaning as production does (the suite switches the sentence model off elsewhere)."""
    monkeypatch.setenv("KNELPUNT_PROPOSAL_EMBEDDINGS", "on")
    preload_vectors()
AFTREK = next(g for g in GROUPS if g["key"] == "zorgkostenaftrek")["signals"]


def _submit(db, make_user, rows, days_ago=3):
    ids = []
    for n, (title, description, channel, org, regs) in enumerate(rows):
        user = make_user("frontline", org)
        draft = SignalDraft(channel=channel, title=title, description=description, regulations=regs)
        signal, _ = submit_signal(db.session, user, draft, created_at=utcnow() - dt.timedelta(days=days_ago + n))
        ids.append(signal.id)
    db.session.commit()
    return ids


def _api(client, token, path, method="get", **kwargs):
    return getattr(client, method)(f"/api/v1{path}", headers={"Authorization": f"Bearer {token}"}, **kwargs)


def _post(client, make_user, make_token, rows, prefix):
    """POST each row to /api/v1/signals, each with its own frontline user's token; returns the ids."""
    ids = []
    for n, (title, description, channel, _org, regs) in enumerate(rows):
        token = make_token(make_user("frontline", "GEM", email=f"{prefix}{n}@example.org"))
        body = {"channel": channel, "title": title, "description": description, "regulations": regs}
        response = client.post("/api/v1/signals", json=body, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 201, response.get_json()
        ids.append(response.get_json()["id"])
    return ids


def _proposal_with(items, ids):
    return next((p for p in items if set(p["signal_ids"]) & set(ids)), None)


def test_api_lists_a_proposal_for_paraphrased_signals(client, db, make_user, make_token):
    ww = _submit(db, make_user, WW[:6])
    _submit(db, make_user, noise_signals(40, seed=3))
    coordinator = make_user("coordinator", "BZK")
    response = _api(client, make_token(coordinator), "/knelpunten/proposals")
    assert response.status_code == 200
    proposal = _proposal_with(response.json["items"], ww)
    assert proposal is not None
    assert len(set(proposal["signal_ids"]) & set(ww)) >= 5
    assert proposal["signal_count"] == len(proposal["signal_ids"])
    assert proposal["title"]
    assert len(proposal["channels"]) >= 3
    assert proposal["regulations"][0]["code"] == "BWBR0004045"  # the Werkloosheidswet, with the words that said so
    assert proposal["lead_ministry"] == "SZW"
    # the ministry that leads sees it; another ministry and frontline do not
    assert _proposal_with(_api(client, make_token(make_user("triage", "SZW")), "/knelpunten/proposals").json["items"], ww)
    assert not _proposal_with(_api(client, make_token(make_user("triage", "VWS")), "/knelpunten/proposals").json["items"], ww)
    assert _api(client, make_token(make_user("frontline", "GEM")), "/knelpunten/proposals").status_code == 403
    assert "/knelpunten/proposals" in client.get("/api/v1/openapi.json").json["paths"]


def test_adopt_on_screen_links_the_checked_signals_only(client, db, make_user):
    ww = _submit(db, make_user, WW[:6])
    coordinator = make_user("coordinator", "BZK")
    login(client, coordinator)
    page = client.get("/knelpunten/voorstellen")
    assert page.status_code == 200 and "Mogelijke knelpunten" in page.get_data(as_text=True)
    proposal = db.session.scalars(select(Proposal).where(Proposal.status == "open")).first()
    assert proposal is not None and set(proposal.signal_ids) <= set(ww)
    detail = client.get(f"/knelpunten/voorstellen/{proposal.id}")
    assert detail.status_code == 200 and "Knelpunt maken met deze signalen" in detail.get_data(as_text=True)
    keep, drop = proposal.signal_ids[:-1], proposal.signal_ids[-1]
    token = client.get(f"/knelpunten/voorstellen/{proposal.id}").get_data(as_text=True).split('name="csrf_token" type="hidden" value="')[-1].split('"')[0]
    response = client.post(
        f"/knelpunten/voorstellen/{proposal.id}/overnemen",
        data={"title": "Geen inkomen tussen ontslag en eerste WW-betaling", "ministry": "SZW", "signals": keep, "csrf_token": token},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    knelpunt = db.session.scalars(select(Knelpunt)).one()
    assert knelpunt.title == "Geen inkomen tussen ontslag en eerste WW-betaling"
    assert sorted(s.id for s in knelpunt.signals) == sorted(keep)
    assert db.session.get(Signal, drop).knelpunt_id is None
    db.session.refresh(proposal)
    assert proposal.status == "adopted" and proposal.adopted_knelpunt_id == knelpunt.id
    assert db.session.scalars(select(AuditEvent).where(AuditEvent.entity_type == "proposal", AuditEvent.action == "adopted")).one()
    # a new signal like these is now offered to that knelpunt instead of proposed anew
    new = _submit(db, make_user, WW[6:8])
    refresh_proposals(db.session)
    db.session.commit()
    offer = db.session.scalars(select(Proposal).where(Proposal.status == "open", Proposal.knelpunt_id == knelpunt.id)).first()
    assert offer is not None and set(offer.signal_ids) & set(new)
    assert f"Toevoegen aan {knelpunt.reference}" in client.get("/knelpunten/voorstellen").get_data(as_text=True)


def test_dismiss_needs_a_reason_and_returns_after_growing_by_half(client, db, make_user, make_token):
    zvw = _submit(db, make_user, AFTREK[:4], days_ago=40)
    coordinator = make_user("coordinator", "BZK")
    token = make_token(coordinator)
    proposal = _proposal_with(_api(client, token, "/knelpunten/proposals").json["items"], zvw)
    assert proposal is not None
    missing = _api(client, token, f"/knelpunten/proposals/{proposal['id']}/dismiss", method="post", json={"reason": ""})
    assert missing.status_code == 422 and "reason" in missing.json["error"]["fields"]
    ok = _api(client, token, f"/knelpunten/proposals/{proposal['id']}/dismiss", method="post", json={"reason": "Bekend; valt onder voorlichting door de Belastingdienst."})
    assert ok.status_code == 200 and ok.json["status"] == "dismissed"
    assert not _proposal_with(_api(client, token, "/knelpunten/proposals").json["items"], zvw)
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.entity_type == "proposal", AuditEvent.action == "dismissed")).one()
    assert "voorlichting" in event.note
    size = proposal["signal_count"]
    _submit(db, make_user, AFTREK[4:5])  # one more is not half more: stays away
    assert not _proposal_with(_api(client, token, "/knelpunten/proposals").json["items"], zvw)
    _submit(db, make_user, AFTREK[5:6])
    back = _proposal_with(_api(client, token, "/knelpunten/proposals").json["items"], zvw)
    assert back is not None and back["signal_count"] >= 1.5 * size
    assert db.session.scalars(select(AuditEvent).where(AuditEvent.entity_type == "proposal", AuditEvent.action == "reopened")).first()


def test_only_the_lead_ministry_or_coordinator_decides(client, db, make_user, make_token):
    ww = _submit(db, make_user, WW[:5])
    token = make_token(make_user("coordinator", "BZK"))
    proposal = _proposal_with(_api(client, token, "/knelpunten/proposals").json["items"], ww)
    other = make_token(make_user("triage", "VWS"))
    assert _api(client, other, f"/knelpunten/proposals/{proposal['id']}/dismiss", method="post", json={"reason": "x"}).status_code == 404
    wrong = _api(client, token, f"/knelpunten/proposals/{proposal['id']}/adopt", method="post", json={"signal_ids": [999999]})
    assert wrong.status_code == 422 and "signal_ids" in wrong.json["error"]["fields"]
    bad = _api(client, token, f"/knelpunten/proposals/{proposal['id']}/adopt", method="post", data="{", content_type="application/json")
    assert bad.status_code == 400
    made = _api(client, token, f"/knelpunten/proposals/{proposal['id']}/adopt", method="post", json={"signal_ids": proposal["signal_ids"]})
    assert made.status_code == 201 and made.json["knelpunt"]["reference"].startswith("KNP-")
    again = _api(client, token, f"/knelpunten/proposals/{proposal['id']}/adopt", method="post", json={"signal_ids": proposal["signal_ids"]})
    assert again.status_code == 409


def test_cli_propose_prints_proposals_and_incremental_considers_only_new(runner, db, make_user):
    _submit(db, make_user, WW[:5])
    result = runner.invoke(args=["knelpunten", "propose"])
    assert result.exit_code == 0, result.output
    assert "Mogelijke knelpunten: 1" in result.output and "BWBR" not in result.output.split("\n")[0]
    _submit(db, make_user, WW[5:6])
    again = runner.invoke(args=["knelpunten", "propose", "--incremental"])
    assert again.exit_code == 0 and "incrementeel): 1 signalen bekeken" in again.output and "1 gegroeid" in again.output


def test_weekly_digest_goes_once_to_coordinators_and_the_lead_ministry(runner, db, make_user):
    _submit(db, make_user, WW[:5])
    coordinator = make_user("coordinator", "BZK")
    triage = make_user("triage", "SZW")
    elsewhere = make_user("triage", "VWS")
    for _ in range(2):
        assert runner.invoke(args=["deadlines", "check"]).exit_code == 0
    mails = db.session.scalars(select(Notification).where(Notification.kind == "proposal_digest")).all()
    assert sorted(m.recipient for m in mails) == sorted([coordinator.email, triage.email])
    assert elsewhere.email not in {m.recipient for m in mails}
    assert "/knelpunten/voorstellen/" in mails[0].body


def test_privacy_placeholders_are_not_read_as_words():
    bag = text_features("Boete [BSN]", "Meneer [naam] met [telefoonnummer] kreeg een boete.")
    assert not any("bsn" in f or "naam" in f or "telefoon" in f for f in bag)
    assert bag["c:boete"] >= 2


def test_signals_posted_through_the_api_are_grouped_by_the_cron_command(client, runner, db, make_user, make_token):
    """What an outside check does: POST paraphrases among noise, run the cron command, read the proposals."""
    ids = _post(client, make_user, make_token, [*BEURS, *noise_signals(30, seed=5)], "api")
    planted = ids[: len(BEURS)]
    result = runner.invoke(args=["knelpunten", "propose", "--incremental"])
    assert result.exit_code == 0, result.output
    coordinator = make_token(make_user("coordinator", "BZK"))
    items = _api(client, coordinator, "/knelpunten/proposals").json["items"]
    proposal = _proposal_with(items, planted)
    assert proposal is not None, items
    assert len(set(proposal["signal_ids"]) & set(planted)) >= 0.75 * len(planted)
    assert proposal["signal_count"] == len(proposal["signal_ids"])
    assert proposal["title"] in {title for title, *_ in BEURS}
    assert set(proposal["channels"]) >= {"IR-CC", "GEM-BL", "NO"}
    assert proposal["regulations"] and proposal["regulations"][0]["code"] == "BWBR0011453"  # Wet studiefinanciering


def test_signals_posted_after_a_first_read_are_grouped_on_the_next_read(client, db, make_user, make_token):
    """An outsider's sequence: post unrelated signals, read the proposals (which builds the index),
    post a group of paraphrases, read again - no cron command in between."""

    coordinator = make_token(make_user("coordinator", "BZK"))
    _post(client, make_user, make_token, noise_signals(40, seed=7), "ruis")
    assert _api(client, coordinator, "/knelpunten/proposals").status_code == 200
    planted = _post(client, make_user, make_token, BEURS, "beurs")
    items = _api(client, coordinator, "/knelpunten/proposals").json["items"]
    proposal = _proposal_with(items, planted)
    assert proposal is not None, items
    assert len(set(proposal["signal_ids"]) & set(planted)) >= 0.75 * len(planted)


def test_an_outside_check_posting_groups_among_500_signals_reads_them_on_the_next_read(client, db, make_user, make_token):
    """Issue 15's outside check, as it will be run: 500 unrelated signals and then two planted groups
    posted through POST /api/v1/signals (each by its own frontline token), then one
    GET /api/v1/knelpunten/proposals - no cron command, no other step. A window this small is
    clustered whole on that read. The groups: one of the tuning corpus, and one of the second held-out
    set that the full clustering finds (tests/signals/test_proposals_heldout_2.py has the figures for
    all of that set); this test checks the path, that set the quality."""
    from tests.signals import proposal_heldout_2

    proposal_heldout_2.preload_vectors()
    school = next(g for g in proposal_heldout_2.HELD_OUT_GROUPS if g["key"] == "thuiszitter-ouders-beboet")["signals"]

    _post(client, make_user, make_token, noise_signals(500), "ruis")
    planted = {"beurs": _post(client, make_user, make_token, BEURS, "beurs"), "school": _post(client, make_user, make_token, school, "school")}
    response = _api(client, make_token(make_user("coordinator", "BZK")), "/knelpunten/proposals")
    assert response.status_code == 200
    for key, ids in planted.items():
        proposal = max(response.json["items"], key=lambda p: len(set(p["signal_ids"]) & set(ids)))
        mine = len(set(proposal["signal_ids"]) & set(ids))
        print(f"\n{key}: {mine}/{len(ids)} in voorstel {proposal['id']} van {proposal['signal_count']} signalen")
        assert mine >= 0.75 * len(ids), proposal
        assert proposal["signal_count"] - mine <= 2, proposal
