"""The loop's API: shapes, status codes and error format of DESIGN §8."""

from __future__ import annotations

import pytest

ACCEPTANCE_TEXT = "Mijn cliënt in de bijstand kreeg boodschappen van zijn moeder en moet nu alles terugbetalen"


@pytest.fixture
def frontline_headers(make_user, make_token):
    return {"Authorization": f"Bearer {make_token(make_user('frontline', 'GEM'))}"}


@pytest.fixture
def szw_headers(make_user, make_token):
    return {"Authorization": f"Bearer {make_token(make_user('triage', 'SZW'))}"}


def test_whole_loop_through_the_api(client, frontline_headers, szw_headers):
    created = client.post(
        "/api/v1/signals", json={"channel": "GEM-BL", "title": "Boodschappen", "description": ACCEPTANCE_TEXT}, headers=frontline_headers
    )
    assert created.status_code == 201
    body = created.get_json()
    assert body["status"] == "routed"
    assert body["reference"].startswith("SIG-")
    assert body["routing"]["ministry"] == "SZW"
    assert body["routing"]["method"] == "text"
    assert body["routing"]["confidence"] >= 0.5
    assert "bijstand" in body["routing"]["explanation"]
    assert body["masked"] == []
    sid = body["id"]
    accepted = client.post(f"/api/v1/signals/{sid}/transitions", json={"to": "in_progress"}, headers=szw_headers)
    assert accepted.status_code == 200 and accepted.get_json()["signal"]["status"] == "in_progress"
    answered = client.post(
        f"/api/v1/signals/{sid}/transitions",
        json={"to": "answered", "outcome": "taken_up", "response": "Giften tot een redelijk bedrag tellen niet meer mee."},
        headers=szw_headers,
    )
    assert answered.status_code == 200
    seen = client.get(f"/api/v1/signals/{sid}", headers=frontline_headers).get_json()
    assert seen["status"] == "answered"
    assert seen["outcome"] == "taken_up"
    assert seen["response"].startswith("Giften")
    history = client.get(f"/api/v1/signals/{sid}/history", headers=frontline_headers).get_json()["items"]
    assert [(e["from"], e["to"]) for e in history] == [
        (None, "received"),
        ("received", "routed"),
        ("routed", "in_progress"),
        ("in_progress", "answered"),
    ]


def test_named_regulations_route_with_co_ministries(client, frontline_headers):
    response = client.post(
        "/api/v1/signals",
        json={
            "channel": "GEM-BL",
            "title": "Samenloop",
            "description": "Bijstand en huurtoeslag samen.",
            "regulations": ["BWBR0015703", "BWBR0008659"],
            "observed_on": "2026-10-01",
            "people_affected": 3,
            "themes": ["samenloop"],
        },
        headers=frontline_headers,
    )
    assert response.status_code == 201
    routing = response.get_json()["routing"]
    assert (routing["ministry"], routing["co_ministries"], routing["method"]) == ("SZW", ["BZK"], "regulation")


def test_personal_data_is_masked_and_reported(client, frontline_headers):
    response = client.post(
        "/api/v1/signals",
        json={"channel": "GEM-BL", "title": "Bijstand", "description": "Cliënt met BSN 111222333 en IBAN NL91ABNA0417164300 belde vanaf 06-12345678."},
        headers=frontline_headers,
    )
    body = response.get_json()
    assert response.status_code == 201
    assert set(body["masked"]) == {"bsn", "iban", "phone"}
    assert "111222333" not in body["description"] and "[BSN]" in body["description"]
    assert "NL91ABNA0417164300" not in str(body)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": "x", "description": "y"}, "channel"),
        ({"channel": "GEM-BL", "description": "y"}, "title"),
        ({"channel": "GEM-BL", "title": "x"}, "description"),
        ({"channel": "NOPE", "title": "x", "description": "y"}, "channel"),
        ({"channel": "GEM-BL", "title": "x", "description": "y", "regulations": ["BWBR9999999"]}, "regulations"),
        ({"channel": "GEM-BL", "title": "x", "description": "y", "regulations": "BWBR0015703"}, "regulations"),
        ({"channel": "GEM-BL", "title": "x", "description": "y", "themes": ["onzin"]}, "themes"),
        ({"channel": "GEM-BL", "title": "x", "description": "y", "people_affected": "veel"}, "people_affected"),
        ({"channel": "GEM-BL", "title": "x", "description": "y", "people_affected": 0}, "people_affected"),
        ({"channel": "GEM-BL", "title": "x", "description": "y", "observed_on": "gisteren"}, "observed_on"),
        ({"channel": "GEM-BL", "title": "x", "description": "y", "observed_on": "2999-01-01"}, "observed_on"),
        ({"channel": "GEM-BL", "title": "x" * 201, "description": "y"}, "title"),
        ({"channel": "GEM-BL", "title": 5, "description": "y"}, "title"),
    ],
)
def test_bad_fields_are_named_with_422(client, frontline_headers, payload, field):
    response = client.post("/api/v1/signals", json=payload, headers=frontline_headers)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "invalid"
    assert field in error["fields"], error


@pytest.mark.parametrize("body", ["{not json", "[1, 2]", '"text"', ""])
def test_bad_json_is_400(client, frontline_headers, body):
    response = client.post("/api/v1/signals", data=body, headers={**frontline_headers, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_json"


def test_too_large_body_is_413(client, frontline_headers):
    response = client.post(
        "/api/v1/signals", data="x" * (2 * 1024 * 1024), headers={**frontline_headers, "Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "too_large"


def test_illegal_transition_is_409_and_missing_reason_422(client, make_signal, szw_headers):
    signal = make_signal()
    response = client.post(f"/api/v1/signals/{signal.id}/transitions", json={"to": "answered"}, headers=szw_headers)
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "conflict"
    client.post(f"/api/v1/signals/{signal.id}/transitions", json={"to": "in_progress"}, headers=szw_headers)
    response = client.post(
        f"/api/v1/signals/{signal.id}/transitions",
        json={"to": "answered", "outcome": "not_taken_up", "response": "Nee."},
        headers=szw_headers,
    )
    assert response.status_code == 422
    assert "note" in response.get_json()["error"]["fields"]
    unknown = client.post(f"/api/v1/signals/{signal.id}/transitions", json={"to": "flying"}, headers=szw_headers)
    assert unknown.status_code == 422


def test_reroute_needs_a_known_ministry(client, make_signal, szw_headers):
    signal = make_signal()
    response = client.post(
        f"/api/v1/signals/{signal.id}/transitions", json={"to": "routed", "ministry": "XXX", "note": "x"}, headers=szw_headers
    )
    assert response.status_code == 422
    assert "ministry" in response.get_json()["error"]["fields"]


def test_merge_via_api_takes_target(client, make_signal, make_user, make_token):
    a, b = make_signal(), make_signal()
    headers = {"Authorization": f"Bearer {make_token(make_user('coordinator', 'BZK'))}"}
    response = client.post(f"/api/v1/signals/{a.id}/transitions", json={"to": "merged", "target": b.id}, headers=headers)
    assert response.status_code == 200
    assert response.get_json()["signal"]["merged_into"] == b.id


def test_suggest_stores_nothing_and_explains(client, db, frontline_headers):
    from signals.models import Signal

    response = client.post("/api/v1/routing/suggest", json={"title": "", "description": ACCEPTANCE_TEXT}, headers=frontline_headers)
    body = response.get_json()
    assert response.status_code == 200
    assert body["ministry"] == "SZW" and body["method"] == "text"
    assert body["alternatives"][0] == {"ministry": "SZW", "confidence": body["alternatives"][0]["confidence"]}
    assert "bijstand" in body["explanation"]
    assert db.session.query(Signal).count() == 0
    empty = client.post("/api/v1/routing/suggest", json={}, headers=frontline_headers)
    assert empty.status_code == 422


def test_list_filters_and_paging(client, make_signal, make_user, make_token):
    for _ in range(3):
        make_signal()
    make_signal(status="in_progress")
    headers = {"Authorization": f"Bearer {make_token(make_user('coordinator', 'BZK'))}"}
    page = client.get("/api/v1/signals?per_page=2&page=2", headers=headers).get_json()
    assert (page["total"], page["pages"], len(page["items"])) == (4, 2, 2)
    assert client.get("/api/v1/signals?status=in_progress", headers=headers).get_json()["total"] == 1
    assert client.get("/api/v1/signals?status=nope", headers=headers).status_code == 422
    assert client.get("/api/v1/signals?per_page=1000", headers=headers).status_code == 422


@pytest.mark.parametrize("kind", ["ministries", "organisations", "channels", "regulations"])
def test_reference_lists(client, kind):
    body = client.get(f"/api/v1/reference/{kind}").get_json()
    assert body["count"] == len(body["items"]) > 5


def test_reference_regulations_carry_aliases_and_certainty(client):
    items = {r["code"]: r for r in client.get("/api/v1/reference/regulations").get_json()["items"]}
    assert items["BWBR0015703"]["ministry"] == "SZW"
    assert "bijstand" in items["BWBR0015703"]["aliases"]
    assert items["X-WAM"]["certainty"] == "conflicting"
    assert client.get("/api/v1/reference/nonsense").status_code == 404


def test_openapi_and_healthz(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/signals" in spec["paths"] and "SignalIn" in spec["components"]["schemas"]
    assert client.get("/healthz").get_json()["status"] == "ok"


def test_unknown_api_path_is_json_404(client, frontline_headers):
    response = client.get("/api/v1/nothing-here", headers=frontline_headers)
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"
