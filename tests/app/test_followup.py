"""Follow-up through the screens and the API: knelpunten, feedback, deadlines, mail, history."""

from __future__ import annotations

import datetime as dt

import pytest

from signals.models import AuditEvent, Knelpunt
from tests.conftest import login


@pytest.fixture
def coordinator_headers(make_user, make_token):
    return {"Authorization": f"Bearer {make_token(make_user('coordinator', 'BZK'))}"}


def test_knelpunt_api_create_get_link_and_counts(client, make_signal, coordinator_headers):
    a, b, c = make_signal(), make_signal(org="UWV", channel="UWV-MW"), make_signal()
    response = client.post(
        "/api/v1/knelpunten",
        json={
            "title": "Giften in de bijstand",
            "ministry": "SZW",
            "signal_ids": [a.id, b.id],
            "problem": "Giften worden verrekend.",
            "consequences": "Schulden.",
            "solution_direction": "Vrijlatingsgrens.",
        },
        headers=coordinator_headers,
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["signal_count"], body["channel_count"], body["status"]) == (2, 2, "open")
    kid = body["id"]
    assert client.get(f"/api/v1/signals/{a.id}", headers=coordinator_headers).get_json()["knelpunt_id"] == kid
    linked = client.post(f"/api/v1/knelpunten/{kid}/signals", json={"signal_ids": [c.id]}, headers=coordinator_headers)
    assert linked.get_json()["signal_count"] == 3
    unlinked = client.delete(f"/api/v1/knelpunten/{kid}/signals/{a.id}", headers=coordinator_headers)
    assert unlinked.get_json()["signal_count"] == 2
    assert client.get(f"/api/v1/knelpunten/{kid}", headers=coordinator_headers).get_json()["signal_count"] == 2
    listing = client.get("/api/v1/knelpunten", headers=coordinator_headers).get_json()
    assert [k["id"] for k in listing["items"]] == [kid]
    moved = client.post(f"/api/v1/knelpunten/{kid}/transitions", json={"to": "rejected"}, headers=coordinator_headers)
    assert moved.status_code == 422 and "note" in moved.get_json()["error"]["fields"]
    illegal = client.post(f"/api/v1/knelpunten/{kid}/transitions", json={"to": "addressed"}, headers=coordinator_headers)
    assert illegal.status_code == 409
    history = client.get(f"/api/v1/knelpunten/{kid}/history", headers=coordinator_headers).get_json()["items"]
    assert history[0]["action"] == "created"


@pytest.mark.parametrize(
    ("payload", "field", "status"),
    [
        ({"ministry": "SZW"}, "title", 422),
        ({"title": "x"}, "ministry", 422),
        ({"title": "x", "ministry": "QQ"}, "ministry", 422),
        ({"title": "x", "ministry": "SZW", "signal_ids": ["a"]}, "signal_ids", 422),
        ({"title": "x", "ministry": "SZW", "signal_ids": [999999]}, "signal_ids", 422),
        ({"title": "x", "ministry": "SZW", "instrument": "decreet"}, "instrument", 422),
    ],
)
def test_knelpunt_api_names_bad_fields(client, coordinator_headers, payload, field, status):
    response = client.post("/api/v1/knelpunten", json=payload, headers=coordinator_headers)
    assert response.status_code == status
    assert field in response.get_json()["error"]["fields"]


def test_knelpunten_are_scoped_in_the_api(client, make_signal, make_user, make_token, coordinator_headers):
    signal = make_signal(org="GEM")
    kid = client.post(
        "/api/v1/knelpunten", json={"title": "Giften tellen als inkomen", "ministry": "SZW", "signal_ids": [signal.id]}, headers=coordinator_headers
    ).get_json()["id"]
    for role, org, visible in [("frontline", "GEM", True), ("frontline", "UWV", False), ("triage", "SZW", True), ("triage", "FIN", False)]:
        headers = {"Authorization": f"Bearer {make_token(make_user(role, org))}"}
        assert (client.get(f"/api/v1/knelpunten/{kid}", headers=headers).status_code == 200) is visible, (role, org)
        assert (len(client.get("/api/v1/knelpunten", headers=headers).get_json()["items"]) == 1) is visible


def test_frontline_rates_answer_via_api(client, make_signal, make_user, make_token):
    signal = make_signal(status="answered")
    headers = {"Authorization": f"Bearer {make_token(make_user('frontline', 'GEM'))}"}
    bad = client.post(f"/api/v1/signals/{signal.id}/feedback", json={"useful": "nee"}, headers=headers)
    assert bad.status_code == 422 and "useful" in bad.get_json()["error"]["fields"]
    missing = client.post(f"/api/v1/signals/{signal.id}/feedback", json={"useful": False}, headers=headers)
    assert missing.status_code == 422 and "comment" in missing.get_json()["error"]["fields"]
    response = client.post(f"/api/v1/signals/{signal.id}/feedback", json={"useful": False, "comment": "Gaat over iets anders."}, headers=headers)
    body = response.get_json()
    assert response.status_code == 200 and body["reopen_requested"] is True and body["status"] == "answered"
    szw = {"Authorization": f"Bearer {make_token(make_user('triage', 'SZW'))}"}
    reopened = client.post(f"/api/v1/signals/{signal.id}/transitions", json={"to": "in_progress", "note": "We kijken opnieuw."}, headers=szw)
    assert reopened.get_json()["signal"]["reopen_requested"] is False


def test_merged_signal_shows_target_answer_in_api(client, make_signal, make_user, make_token):
    target = make_signal(org="GEM")
    duplicate = make_signal(org="UWV", channel="UWV-MW")
    szw = {"Authorization": f"Bearer {make_token(make_user('triage', 'SZW'))}"}
    client.post(f"/api/v1/signals/{duplicate.id}/transitions", json={"to": "merged", "target": target.reference}, headers=szw)
    client.post(f"/api/v1/signals/{target.id}/transitions", json={"to": "in_progress"}, headers=szw)
    client.post(f"/api/v1/signals/{target.id}/transitions", json={"to": "answered", "outcome": "taken_up", "response": "Aangepast."}, headers=szw)
    uwv = {"Authorization": f"Bearer {make_token(make_user('frontline', 'UWV'))}"}
    body = client.get(f"/api/v1/signals/{duplicate.id}", headers=uwv).get_json()
    assert (body["status"], body["effective_status"], body["response"], body["outcome"]) == ("merged", "answered", "Aangepast.", "taken_up")


def test_split_via_api(client, make_signal, make_user, make_token):
    signal = make_signal(status="in_progress")
    szw = {"Authorization": f"Bearer {make_token(make_user('triage', 'SZW'))}"}
    response = client.post(
        f"/api/v1/signals/{signal.id}/split", json={"title": "Tweede", "description": "Zorgtoeslag ook.", "regulations": ["BWBR0018451"]}, headers=szw
    )
    assert response.status_code == 201
    assert response.get_json()["part"]["ministry"] == "VWS"


def test_similar_signals_listed(client, make_signal, coordinator_headers):
    a = make_signal(title="Gift van moeder teruggevorderd", description="Boodschappen van moeder tellen als inkomen in de bijstand.")
    b = make_signal(title="Gift van vader teruggevorderd", description="Boodschappen van vader tellen als inkomen in de bijstand.")
    make_signal(title="Studiefinanciering", description="Uitwonendenbeurs teruggevorderd na controle.", regulations=["BWBR0011453"])
    items = client.get(f"/api/v1/signals/{a.id}/similar", headers=coordinator_headers).get_json()["items"]
    assert items[0]["id"] == b.id and items[0]["same_regulation"] is True


def test_deadline_is_shown_and_late_filter_works(client, db, make_signal, make_user):
    fresh = make_signal()
    old = make_signal()
    old.due_at = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    old.deadline_started_at = dt.datetime.now(dt.UTC) - dt.timedelta(days=20)
    db.session.commit()
    login(client, make_user("triage", "SZW"))
    queue = client.get("/behandelen/").get_data(as_text=True)
    assert "Op tijd" in queue and "Te laat" in queue
    late = client.get("/behandelen/?late=y").get_data(as_text=True)
    assert old.reference in late and fresh.reference not in late
    client.post("/auth/logout")
    login(client, make_user("coordinator", "BZK"))
    overview = client.get("/coordinatie/overzicht").get_data(as_text=True)
    assert "Te laat" in overview


def test_coordinator_creates_knelpunt_on_screen_and_frontline_sees_it(client, db, make_signal, make_user):
    signal = make_signal(org="GEM")
    login(client, make_user("coordinator", "BZK"))
    form = client.get(f"/knelpunten/nieuw?signalen={signal.reference}").get_data(as_text=True)
    assert signal.reference in form
    missing = client.post("/knelpunten/nieuw", data={"title": "", "ministry": "", "signals": "SIG-0000-000000"})
    assert missing.status_code == 422 and "Geef het knelpunt een titel" in missing.get_data(as_text=True)
    response = client.post(
        "/knelpunten/nieuw",
        data={"title": "Giften in de bijstand", "ministry": "SZW", "signals": signal.reference, "problem": "Verrekening.", "instrument": "wetswijziging"},
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert "Giften in de bijstand" in html and "1 signaal" in html
    knelpunt = db.session.query(Knelpunt).one()
    client.post(f"/knelpunten/{knelpunt.id}/status", data={"to": "in_study"})
    assert "Geschiedenis van" in client.get(f"/knelpunten/{knelpunt.id}/geschiedenis").get_data(as_text=True)
    confirm = client.get(f"/knelpunten/{knelpunt.id}/ontkoppelen/{signal.id}").get_data(as_text=True)
    assert "loskoppelen?" in confirm
    client.post("/auth/logout")
    login(client, make_user("frontline", "GEM"))
    detail = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    assert knelpunt.reference in detail
    assert "In onderzoek" in client.get(f"/knelpunten/{knelpunt.id}").get_data(as_text=True)


def test_frontline_rates_answer_on_screen(client, db, make_signal, make_user):
    signal = make_signal(status="answered")
    login(client, make_user("frontline", "GEM"))
    assert "Wat vindt u van het antwoord?" in client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    missing = client.post(f"/signalen/{signal.id}/beoordeling", data={"useful": "nee"})
    assert missing.status_code == 422 and "waarom het antwoord niet bruikbaar" in missing.get_data(as_text=True)
    client.post(f"/signalen/{signal.id}/beoordeling", data={"useful": "ja"})
    db.session.refresh(signal)
    assert signal.status == "closed"


def test_mail_goes_to_triage_on_routing_and_submitter_on_answer(app, client, make_user, make_token):
    mailer = app.extensions["knelpunt_mailer"]
    mailer.outbox.clear()
    triage = make_user("triage", "SZW")
    frontline = make_user("frontline", "GEM")
    headers = {"Authorization": f"Bearer {make_token(frontline)}"}
    sid = client.post(
        "/api/v1/signals", json={"channel": "GEM-BL", "title": "Bijstand", "description": "Bijstand teruggevorderd.", "regulations": ["BWBR0015703"]}, headers=headers
    ).get_json()["id"]
    assert [m[0] for m in mailer.outbox] == [triage.email]
    szw = {"Authorization": f"Bearer {make_token(triage)}"}
    client.post(f"/api/v1/signals/{sid}/transitions", json={"to": "in_progress"}, headers=szw)
    client.post(f"/api/v1/signals/{sid}/transitions", json={"to": "needs_info", "note": "Welke maand?"}, headers=szw)
    assert mailer.outbox[-1][0] == frontline.email and "Welke maand?" in mailer.outbox[-1][2]
    client.post(f"/api/v1/signals/{sid}/transitions", json={"to": "in_progress", "note": "Maart."}, headers=headers)
    client.post(f"/api/v1/signals/{sid}/transitions", json={"to": "answered", "outcome": "taken_up", "response": "Opgelost."}, headers=szw)
    assert mailer.outbox[-1][0] == frontline.email and "Opgelost." in mailer.outbox[-1][2]


def test_deadlines_check_command_is_idempotent(runner, db, make_signal, make_user):
    make_user("coordinator", "BZK")
    signal = make_signal()
    signal.due_at = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    signal.deadline_started_at = dt.datetime.now(dt.UTC) - dt.timedelta(days=15)
    answered = make_signal(status="answered")
    answered.answered_at = dt.datetime.now(dt.UTC) - dt.timedelta(days=40)
    db.session.commit()
    first = runner.invoke(args=["deadlines", "check"])
    second = runner.invoke(args=["deadlines", "check"])
    assert "Geëscaleerd: 1; automatisch afgesloten: 1;" in first.output
    assert "Geëscaleerd: 0; automatisch afgesloten: 0; mails verstuurd: 0." in second.output
    db.session.refresh(answered)
    assert answered.status == "closed"
    event = db.session.query(AuditEvent).filter_by(signal_id=answered.id, action="close").one()
    assert event.actor_id is None and "Automatisch" in event.note


def test_admin_sets_deadlines_and_edits_mail_template(client, db, make_user):
    from signals.models import Ministry

    login(client, make_user("admin", "BZK"))
    bad = client.post("/beheer/termijnen", data={"ministry": "SZW", "SZW-accept_within_working_days": "0", "SZW-answer_within_weeks": "13"})
    assert bad.status_code == 422
    client.post("/beheer/termijnen", data={"ministry": "SZW", "SZW-accept_within_working_days": "5", "SZW-answer_within_weeks": "8"})
    ministry = db.session.get(Ministry, "SZW")
    assert (ministry.accept_within_working_days, ministry.answer_within_weeks) == (5, 8)
    ministry.accept_within_working_days, ministry.answer_within_weeks = 10, 13
    db.session.commit()
    client.post("/beheer/e-mailteksten/routed", data={"subject": "Nieuw: {reference}", "body": "Zie {url}"})
    assert "Nieuw: {reference}" in client.get("/beheer/e-mailteksten").get_data(as_text=True)


def test_signal_history_page_is_read_only(client, make_signal, make_user):
    signal = make_signal(status="in_progress")
    login(client, make_user("triage", "SZW"))
    page = client.get(f"/signalen/{signal.id}/geschiedenis").get_data(as_text=True)
    assert "In behandeling genomen" in page and "Gemeld" in page
    assert client.post(f"/signalen/{signal.id}/geschiedenis").status_code == 405


def test_knelpunten_api_lists_a_page_at_a_time(client, make_signal, coordinator_headers):
    """At a million signals there are thousands of knelpunten: the list comes a page at a time, newest first,
    with the total, and a bad page size is a 422 naming the field."""
    ids = []
    for n in range(5):
        body = {"title": f"Knelpunt {n}", "ministry": "SZW", "signal_ids": [make_signal().id], "problem": "Probleem."}
        ids.append(client.post("/api/v1/knelpunten", json=body, headers=coordinator_headers).get_json()["id"])
    first = client.get("/api/v1/knelpunten?per_page=2", headers=coordinator_headers).get_json()
    assert (first["total"], first["pages"], first["page"]) == (5, 3, 1)
    assert [k["id"] for k in first["items"]] == ids[::-1][:2]
    assert first["items"][0]["signal_count"] == 1
    last = client.get("/api/v1/knelpunten?per_page=2&page=3", headers=coordinator_headers).get_json()
    assert [k["id"] for k in last["items"]] == ids[:1]
    bad = client.get("/api/v1/knelpunten?per_page=500", headers=coordinator_headers)
    assert bad.status_code == 422 and "per_page" in bad.get_json()["error"]["fields"]
