"""Idempotency-Key: a retried POST returns the first answer and changes nothing; another body is 422."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from signals.models import AuditEvent, Signal

BODY = {
    "channel": "GEM-BL",
    "title": "Gift van moeder telt als inkomen",
    "description": "Een cliënt in de bijstand kreeg boodschappen van zijn moeder en moet nu alles terugbetalen.",
    "regulations": ["BWBR0015703"],
}


def _post(client, token, path, body, key=None):
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(path, data=data, content_type="application/json", headers=headers)


def _count(db, model=Signal) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_same_key_same_body_replays_the_first_answer(client, db, make_user, make_token):
    token = make_token(make_user("frontline", "GEM"))
    first = _post(client, token, "/api/v1/signals", BODY, key="a1b2c3")
    assert first.status_code == 201
    events = _count(db, AuditEvent)
    # the same JSON, spaced and ordered differently, is the same request
    again = _post(client, token, "/api/v1/signals", json.dumps(dict(reversed(BODY.items())), indent=2), key="a1b2c3")
    assert again.status_code == 201
    assert again.get_json() == first.get_json()
    assert again.headers["Location"] == first.headers["Location"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert _count(db) == 1
    assert _count(db, AuditEvent) == events  # nothing recorded twice


def test_same_key_other_body_is_422_and_changes_nothing(client, db, make_user, make_token):
    token = make_token(make_user("frontline", "GEM"))
    assert _post(client, token, "/api/v1/signals", BODY, key="k-1").status_code == 201
    other = _post(client, token, "/api/v1/signals", {**BODY, "title": "Iets anders"}, key="k-1")
    assert other.status_code == 422
    assert other.get_json()["error"]["code"] == "idempotency_key_reused"
    assert "Idempotency-Key" in other.get_json()["error"]["fields"]
    assert _count(db) == 1


def test_without_a_key_each_post_is_a_new_signal(client, db, make_user, make_token):
    token = make_token(make_user("frontline", "GEM"))
    assert _post(client, token, "/api/v1/signals", BODY).status_code == 201
    assert _post(client, token, "/api/v1/signals", BODY).status_code == 201
    assert _count(db) == 2


def test_a_refused_request_is_replayed_as_refused_and_keeps_nothing(client, db, make_user, make_token):
    token = make_token(make_user("frontline", "GEM"))
    bad = {**BODY, "channel": "NOPE"}
    first = _post(client, token, "/api/v1/signals", bad, key="bad-1")
    assert first.status_code == 422
    again = _post(client, token, "/api/v1/signals", bad, key="bad-1")
    assert (again.status_code, again.get_json()) == (422, first.get_json())
    assert _count(db) == 0


def test_keys_belong_to_their_user(client, db, make_user, make_token):
    one, two = make_token(make_user("frontline", "GEM")), make_token(make_user("frontline", "GEM"))
    assert _post(client, one, "/api/v1/signals", BODY, key="shared").status_code == 201
    assert _post(client, two, "/api/v1/signals", BODY, key="shared").status_code == 201
    assert _count(db) == 2


def test_a_retried_transition_is_not_applied_twice(client, db, make_user, make_token, make_signal):
    signal = make_signal(status="routed")
    token = make_token(make_user("triage", signal.lead_ministry_code))
    path = f"/api/v1/signals/{signal.id}/transitions"
    first = _post(client, token, path, {"to": "in_progress"}, key="accept-1")
    again = _post(client, token, path, {"to": "in_progress"}, key="accept-1")
    assert first.status_code == again.status_code == 200
    assert again.get_json() == first.get_json()
    # without the key the same step is refused: it was applied once
    assert _post(client, token, path, {"to": "in_progress"}).status_code == 409


def test_malformed_keys_are_422(client, make_user, make_token):
    token = make_token(make_user("frontline", "GEM"))
    response = _post(client, token, "/api/v1/signals", BODY, key="x" * 201)
    assert response.status_code == 422
    assert "Idempotency-Key" in response.get_json()["error"]["fields"]
