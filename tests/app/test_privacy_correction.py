"""The submitter corrects or withdraws a signal until the ministry accepts it (audited), on screen and through the API."""

from __future__ import annotations

from sqlalchemy import select

from signals.models import AuditEvent, Signal, SignalContact
from tests.conftest import login


def _headers(make_token, user):
    return {"Authorization": f"Bearer {make_token(user)}"}


def test_submitter_corrects_text_on_screen_and_it_is_masked(client, db, make_signal):
    # Can the submitter improve the text of a routed signal, masked again and audited?
    signal = make_signal(status="routed")
    login(client, signal.submitter)
    page = client.get(f"/signalen/{signal.id}")
    assert "Signaal aanpassen" in page.get_data(as_text=True)
    response = client.post(
        f"/signalen/{signal.id}/aanpassen",
        data={"title": "Gift van zus", "description": "Cliënt Mohammed El Amrani kreeg geld van zijn zus.", "impact": "", "proposed_solution": ""},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "een naam" in response.get_data(as_text=True)
    db.session.expire_all()
    stored = db.session.get(Signal, signal.id)
    assert stored.title == "Gift van zus" and "Amrani" not in stored.description and "name" in stored.masked
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.signal_id == signal.id, AuditEvent.action == "correct")).one()
    assert event.data["fields"] == ["title", "description"]


def test_submitter_withdraws_and_the_contact_is_removed(client, db, make_signal):
    # Does withdrawing take the signal out of handling, audit it and remove the contact details?
    signal = make_signal(status="routed")
    db.session.add(SignalContact(signal_id=signal.id, contact="06-12345678"))
    db.session.commit()
    login(client, signal.submitter)
    assert client.get(f"/signalen/{signal.id}/intrekken").status_code == 200
    response = client.post(f"/signalen/{signal.id}/intrekken", data={"reason": "Dubbel gemeld."}, follow_redirects=True)
    assert "ingetrokken" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Signal, signal.id).status == "withdrawn"
    assert db.session.scalars(select(SignalContact).where(SignalContact.signal_id == signal.id)).all() == []
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "withdraw")).one()
    assert (event.from_state, event.to_state, event.note) == ("routed", "withdrawn", "Dubbel gemeld.")


def test_no_correction_once_the_ministry_accepted(client, db, make_signal, make_user, make_token):
    # Is correcting or withdrawing refused after acceptance, and for anyone but the submitter?
    accepted = make_signal(status="in_progress")
    login(client, accepted.submitter)
    assert "Signaal aanpassen" not in client.get(f"/signalen/{accepted.id}").get_data(as_text=True)
    assert client.post(f"/signalen/{accepted.id}/intrekken", data={}).status_code == 403
    refused = client.post(f"/api/v1/signals/{accepted.id}/correction", json={"title": "Nieuw"}, headers=_headers(make_token, accepted.submitter))
    assert refused.status_code == 403
    routed = make_signal(status="routed")
    colleague = make_user("frontline", "GEM")
    assert client.post(f"/api/v1/signals/{routed.id}/withdraw", json={}, headers=_headers(make_token, colleague)).status_code == 403


def test_api_correct_and_withdraw(client, db, make_signal, make_token):
    # Can the submitter correct (masked, reported) and then withdraw through the API?
    signal = make_signal(status="routed")
    headers = _headers(make_token, signal.submitter)
    bad = client.post(f"/api/v1/signals/{signal.id}/correction", json={"status": "closed"}, headers=headers)
    assert bad.status_code == 422 and "status" in bad.get_json()["error"]["fields"]
    corrected = client.post(f"/api/v1/signals/{signal.id}/correction", json={"description": "Mevrouw Jansen belde vanaf 06-12345678."}, headers=headers)
    assert corrected.status_code == 200, corrected.get_json()
    body = corrected.get_json()
    assert "Jansen" not in body["description"] and set(body["removed_personal_data"]) == {"phone", "name"}
    withdrawn = client.post(f"/api/v1/signals/{signal.id}/withdraw", json={"reason": "Opgelost door de gemeente."}, headers=headers)
    assert withdrawn.status_code == 200
    assert withdrawn.get_json()["signal"]["status"] == "withdrawn"
