"""Personal data is masked on every way in (form, API, import, steps, answers, feedback, split, knelpunten),
and the submitter is told what was removed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from signals.models import AuditEvent, Knelpunt, Signal
from tests.conftest import login

NOTE = "Mevrouw Jansen (06-12345678) woont op de Dorpsstraat 12 in Utrecht; haar zoon Kevin (7) ook."


def assert_clean(text: str) -> None:
    for leaked in ("Jansen", "12345678", "Dorpsstraat", "Kevin"):
        assert leaked not in text, f"{leaked!r} leaked into {text!r}"
    assert "Utrecht" in text  # the municipality stays


@pytest.fixture
def frontline(make_user):
    return make_user("frontline", "GEM")


@pytest.fixture
def headers(make_token):
    return lambda user: {"Authorization": f"Bearer {make_token(user)}"}


def test_api_signal_masks_names_and_addresses_and_reports_them(client, frontline, headers):
    # Does a signal posted through the API come back masked, saying what was removed?
    response = client.post(
        "/api/v1/signals",
        json={"channel": "GEM-BL", "title": "Bijstand", "description": NOTE, "impact": "Dhr. P. de Vries ook.", "proposed_solution": "Bel 06-12345678."},
        headers=headers(frontline),
    )
    assert response.status_code == 201
    body = response.get_json()
    assert_clean(body["description"])
    assert "de Vries" not in body["impact"] and "12345678" not in body["proposed_solution"]
    assert set(body["removed_personal_data"]) == {"phone", "address", "name"}


def test_masked_bsn_does_not_route_to_the_owner_of_the_brp(client, frontline, headers):
    # Does the word "BSN" next to a masked number no longer make BZK (Wet BRP) co-responsible?
    response = client.post(
        "/api/v1/signals",
        json={
            "channel": "GEM-BL",
            "title": "Gift van zus",
            "description": "Cliënt in de bijstand, BSN 111222333, kreeg boodschappen van zijn zus en moet alles terugbetalen.",
        },
        headers=headers(frontline),
    )
    body = response.get_json()
    assert body["routing"]["ministry"] == "SZW"
    assert "BZK" not in body["routing"]["co_ministries"]
    assert "BSN" not in body["routing"]["explanation"]


def test_notes_answers_and_feedback_are_masked(client, db, make_signal, make_user, headers):
    # Are the frontline's answer to a question, the ministry's answer and the feedback masked?
    signal = make_signal(status="needs_info")
    submitter = signal.submitter
    triage = make_user("triage", signal.lead_ministry_code)
    given = client.post(
        f"/api/v1/signals/{signal.id}/transitions", json={"to": "in_progress", "note": NOTE}, headers=headers(submitter)
    )
    assert given.status_code == 200
    assert_clean(given.get_json()["event"]["note"])
    assert set(given.get_json()["removed_personal_data"]) == {"phone", "address", "name"}
    answered = client.post(
        f"/api/v1/signals/{signal.id}/transitions",
        json={"to": "answered", "outcome": "taken_up", "response": "Wij belden mevrouw Jansen op 06-12345678."},
        headers=headers(triage),
    )
    assert answered.status_code == 200
    assert "Jansen" not in answered.get_json()["signal"]["response"]
    rated = client.post(
        f"/api/v1/signals/{signal.id}/feedback",
        json={"useful": False, "comment": "Mevrouw Jansen is nog steeds boos, mail j.jansen@example.org."},
        headers=headers(submitter),
    )
    assert rated.status_code == 200
    assert "Jansen" not in rated.get_json()["feedback"]["comment"]
    assert set(rated.get_json()["removed_personal_data"]) == {"email", "name"}
    notes = " ".join(e.note for e in db.session.scalars(select(AuditEvent).where(AuditEvent.signal_id == signal.id)))
    assert "Jansen" not in notes and "12345678" not in notes


def test_split_and_knelpunt_texts_are_masked(client, db, make_signal, make_user, headers):
    # Are a split-off signal and a knelpunt's texts and status note masked too?
    signal = make_signal(status="in_progress")
    triage = make_user("triage", signal.lead_ministry_code)
    split = client.post(
        f"/api/v1/signals/{signal.id}/split", json={"title": "Tweede probleem", "description": NOTE}, headers=headers(triage)
    )
    assert split.status_code == 201
    assert_clean(split.get_json()["part"]["description"])
    assert "name" in split.get_json()["removed_personal_data"]
    created = client.post(
        "/api/v1/knelpunten",
        json={"title": "Giften in de bijstand", "ministry": signal.lead_ministry_code, "signal_ids": [signal.id], "problem": NOTE},
        headers=headers(triage),
    )
    assert created.status_code == 201, created.get_json()
    knelpunt = db.session.get(Knelpunt, created.get_json()["id"])
    assert_clean(knelpunt.problem)
    assert "address" in created.get_json()["removed_personal_data"]


def test_form_notice_names_what_was_removed_on_a_step(client, db, make_signal):
    # Does the frontline see on screen that a name was removed from its answer to a question?
    signal = make_signal(status="needs_info")
    login(client, signal.submitter)
    page = client.get(f"/signalen/{signal.id}")
    assert page.status_code == 200
    response = client.post(
        f"/signalen/{signal.id}/stap/provide_info",
        data={"provide_info-to": "in_progress", "provide_info-note": NOTE},
        follow_redirects=True,
    )
    text = response.get_data(as_text=True)
    assert "een naam" in text and "een adres" in text
    db.session.expire_all()
    notes = [e.note for e in db.session.scalars(select(AuditEvent).where(AuditEvent.action == "provide_info"))]
    assert notes and all("Jansen" not in note for note in notes)


def test_import_masks_each_row(runner, db, make_user, tmp_path):
    # Are imported rows masked like the form, and is the count reported?
    make_user("frontline", "GEM", email="import@example.org")
    path = tmp_path / "rows.csv"
    path.write_text(f'channel,title,description\nGEM-BL,Bijstand,"{NOTE}"\n', encoding="utf-8")
    result = runner.invoke(args=["import-signals", str(path), "--as", "import@example.org"])
    assert result.exit_code == 0, result.output
    assert "persoonsgegevens: 1" in result.output
    stored = db.session.scalars(select(Signal)).one()
    assert_clean(stored.description)


def _form(**overrides):
    data = {"channel": "GEM-BL", "title": "Gift van familie", "description": NOTE, "impact": "", "proposed_solution": "", "contact": ""}
    data.update(overrides)
    return data


def test_form_shows_masked_text_before_storing_without_javascript(client, db, frontline):
    # Does the form show the masked text and store nothing until the submitter confirms?
    login(client, frontline)
    preview = client.post("/signalen/nieuw", data=_form())
    assert preview.status_code == 200
    page = preview.get_data(as_text=True)
    assert "Controleer uw signaal" in page and "[NAAM]" in page and "[ADRES]" in page
    assert "een naam" in page  # the notice says what will be removed
    assert db.session.scalars(select(Signal)).all() == []
    changed = client.post("/signalen/nieuw", data=_form(privacy_step="aanpassen"))
    assert changed.status_code == 200 and "Signaal melden" in changed.get_data(as_text=True)
    assert "Mevrouw Jansen" in changed.get_data(as_text=True)  # the form comes back as typed, to correct
    assert db.session.scalars(select(Signal)).all() == []
    confirmed = client.post("/signalen/nieuw", data=_form(privacy_step="bevestigen"))
    assert confirmed.status_code == 302
    stored = db.session.scalars(select(Signal)).one()
    assert_clean(stored.description)


def test_form_without_personal_data_is_stored_in_one_step(client, db, frontline):
    # Is a text with nothing to remove stored straight away (nothing to confirm)?
    login(client, frontline)
    response = client.post("/signalen/nieuw", data=_form(description="Giften van familie tellen mee in de bijstand."))
    assert response.status_code == 302
    assert db.session.scalars(select(Signal)).one().title == "Gift van familie"


def test_inline_preview_returns_the_masked_texts(client, frontline):
    # Does the preview endpoint the script calls return what would be stored and the notice?
    login(client, frontline)
    body = client.post("/signalen/nieuw/voorbeeld", data={"description": NOTE, "title": "Bijstand"}).get_json()
    assert_clean(body["fields"]["description"])
    assert set(body["masked"]) == {"phone", "address", "name"}
    assert "een naam" in body["notice"]
