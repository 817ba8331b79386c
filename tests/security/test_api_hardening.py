"""The API answers out-of-range ids and odd bodies with a 4xx in the standard error shape, never a 500."""

from __future__ import annotations

import pytest

from signals.knelpunten import create_knelpunt

HUGE = 93949987406708457472  # > 2**63: no database key can hold it


def _auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def _assert_error(response, status: int) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    body = response.get_json()
    assert set(body) == {"error"} and body["error"]["code"] and body["error"]["message"]
    return body["error"]


@pytest.fixture
def coordinator_token(make_user, make_token):
    return make_token(make_user("coordinator", "BZK"))


@pytest.mark.parametrize(
    "method,path",
    [
        ("post", f"/api/v1/knelpunten/{HUGE}/transitions"),
        ("get", f"/api/v1/knelpunten/{HUGE}"),
        ("get", f"/api/v1/signals/{HUGE}"),
        ("post", f"/api/v1/signals/{HUGE}/feedback"),
        ("delete", f"/api/v1/knelpunten/1/signals/{HUGE}"),
        ("get", f"/api/v1/signals/{2**63}/history"),
    ],
)
def test_ids_beyond_64_bits_in_paths_are_404(client, coordinator_token, method, path):
    response = getattr(client, method)(path, json={"to": "in_study"}, headers=_auth(coordinator_token))
    _assert_error(response, 404)


def test_largest_64_bit_id_is_simply_not_found(client, coordinator_token):
    _assert_error(client.get(f"/api/v1/signals/{2**63 - 1}", headers=_auth(coordinator_token)), 404)


def test_ids_beyond_64_bits_in_bodies_are_422_on_the_field(client, db, make_user, make_token, make_signal):
    coordinator = make_user("coordinator", "BZK")
    token = make_token(coordinator)
    signal = make_signal()
    knelpunt = create_knelpunt(db.session, coordinator, title="Gift telt als inkomen", ministry="SZW", signal_ids=[signal.id])
    db.session.commit()
    created = client.post(
        "/api/v1/knelpunten", json={"title": "Te groot", "ministry": "SZW", "signal_ids": [HUGE]}, headers=_auth(token)
    )
    assert "signal_ids" in _assert_error(created, 422)["fields"]
    linked = client.post(f"/api/v1/knelpunten/{knelpunt.id}/signals", json={"signal_ids": [signal.id, HUGE]}, headers=_auth(token))
    assert "signal_ids" in _assert_error(linked, 422)["fields"]
    merged = client.post(f"/api/v1/signals/{signal.id}/transitions", json={"to": "merged", "target": str(HUGE)}, headers=_auth(token))
    assert merged.status_code in (409, 422) and "error" in merged.get_json()


@pytest.mark.parametrize(
    "body,status",
    [
        ("[]", 400),
        ('"useful"', 400),
        ("null", 400),
        ("{not json", 400),
        ('{"useful": "yes"}', 422),
        ('{"useful": 1}', 422),
        ('{"useful": null}', 422),
        ('{"useful": false, "comment": ["a"]}', 422),
        ('{"useful": false, "comment": {"x": 1}}', 422),
        ('{"comment": 12}', 422),
    ],
)
def test_odd_feedback_bodies_are_400_or_422(client, make_user, make_token, make_signal, body, status):
    signal = make_signal(status="answered")
    frontline = make_user("frontline", "GEM")
    response = client.post(
        f"/api/v1/signals/{signal.id}/feedback",
        data=body,
        content_type="application/json",
        headers=_auth(make_token(frontline)),
    )
    _assert_error(response, status)


def test_every_operation_documents_its_errors_and_every_post_its_idempotency_key(client):
    document = client.get("/api/v1/openapi.json").get_json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert any(c.startswith("2") for c in codes), (method, path)
            if operation.get("security", None) != []:
                assert {"401", "403", "429"} <= codes, (method, path, codes)
            if "{" in path:
                assert "404" in codes, (method, path)
            if method == "post":
                assert {"400", "409", "413", "422"} <= codes, (method, path, codes)
                assert "Idempotency-Key" in {p["name"] for p in operation["parameters"]}, (method, path)
