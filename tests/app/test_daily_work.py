"""The daily work screens (issue 13) through the app, against the real database."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from signals.models import AuditEvent, Knelpunt, Organisation, Signal, SignalNote, StandardAnswer
from tests.conftest import login

VAGUE = "Mensen raken in de knel en niemand weet waarom."


def _events(db, signal, action):
    return db.session.query(AuditEvent).filter_by(signal_id=signal.id, action=action).all()


def test_every_cbs_municipality_is_an_organisation_whose_users_see_only_their_own_signals(
    client, db, make_user, make_signal
):
    """Do Amsterdam and Utrecht each see their own signals, not each other's or GEM's?"""
    municipalities = db.session.query(Organisation).filter_by(kind="gemeente").all()
    assert len(municipalities) == 342
    assert db.session.get(Organisation, "GM0363").name == "Gemeente Amsterdam"
    assert db.session.get(Organisation, "GM0518").name == "Gemeente 's-Gravenhage"
    amsterdam = make_signal(org="GM0363", title="Amsterdam: bijstand stopt bij opname")
    utrecht = make_signal(org="GM0344", title="Utrecht: bijstand stopt bij opname")
    login(client, make_user("frontline", "GM0363"))
    page = client.get("/signalen/").get_data(as_text=True)
    assert amsterdam.reference in page and utrecht.reference not in page
    assert client.get(f"/signalen/{utrecht.id}").status_code == 404


def test_signal_page_opens_the_likely_step_and_folds_the_rest(client, db, make_user, make_signal):
    """Does triage see "In behandeling nemen" open and first, re-routing folded, checkboxes for co-ministries?"""
    signal = make_signal()
    login(client, make_user("triage", "SZW"))
    html = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    assert html.index("kp-action--primary") < html.index('id="stap-reroute"')
    assert '<h3 class="utrecht-heading-3" id="action-accept">In behandeling nemen</h3>' in html
    assert (
        'type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input"\n              id="reroute-co_ministries-0"'
        in html
        or 'id="reroute-co_ministries-0"' in html
    )
    assert (
        "<select multiple" not in html and "multiple" not in html.split('id="stap-reroute"')[1].split("</details>")[0]
    )


def test_ministry_waiting_for_information_never_gets_the_frontline_form(client, db, make_user, make_signal):
    """After asking, does the ministry see 'Verder zonder aanvulling' instead of 'Uw aanvulling'?"""
    signal = make_signal(status="needs_info")
    login(client, make_user("triage", "SZW"))
    html = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    assert "Uw aanvulling" not in html
    assert "Verder zonder aanvulling" in html and "Waarom gaat u verder zonder aanvulling?" in html
    assert "kp-action--primary" not in html  # the ministry only waits


def test_frontline_sees_the_question_with_its_date_on_the_start_page(client, db, make_user, make_signal):
    """Is the ministry's question at the top of the frontline start page, with a date to answer by?"""
    signal = make_signal(status="needs_info")
    login(client, signal.submitter)
    html = client.get("/").get_data(as_text=True)
    assert "Wat wacht op u" in html and "Welke maand?" in html and "Antwoord graag vóór" in html
    assert html.index("Welke maand?") < html.index("Laatst door mij gemeld")
    detail = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    assert "Vraag van SZW" in detail and "Wat gebeurt er nu?" in detail


def test_co_responsible_ministry_gets_an_explanation_not_actions(client, db, make_user, make_signal):
    """Does VWS, co-responsible through samenloop, read why it cannot act?"""
    signal = make_signal(regulations=["BWBR0015703", "BWBR0018451"])
    co = [code for code in signal.co_ministry_codes]
    assert co, "the second regulation should make a co-ministry"
    login(client, make_user("triage", co[0]))
    html = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    assert "medeverantwoordelijk voor dit signaal" in html
    assert "In behandeling nemen" not in html


def test_rating_not_useful_removes_the_form_and_speaks_to_the_frontline(client, db, make_signal):
    """After 'niet bruikbaar', is the rating form gone and the ministry's instruction not shown?"""
    signal = make_signal(status="answered")
    login(client, signal.submitter)
    page = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    assert "Wat vindt u van het antwoord?" in page and "verplicht bij Nee" in page
    client.post(f"/signalen/{signal.id}/beoordeling", data={"useful": "nee", "comment": "Er staat niet in wat nu."})
    page = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    assert "Wat vindt u van het antwoord?" not in page
    assert "U vond het antwoord niet bruikbaar" in page
    assert "heropen het signaal" not in page.lower()


def test_merge_from_similar_shows_both_texts_then_lists_the_merged_signal_on_its_target(
    client, db, make_user, make_signal
):
    """Can triage merge a duplicate from 'Lijkt op' after seeing both texts, and does the target list it?"""
    original = make_signal(title="Gift van familie leidt tot terugvordering")
    duplicate = make_signal(title="Gift van familie leidt tot terugvordering bijstand")
    login(client, make_user("triage", "SZW"))
    detail = client.get(f"/signalen/{duplicate.id}").get_data(as_text=True)
    assert f"/signalen/{duplicate.id}/samenvoegen?met={original.reference}" in detail
    confirm = client.get(f"/signalen/{duplicate.id}/samenvoegen?met={original.reference}")
    text = confirm.get_data(as_text=True)
    assert confirm.status_code == 200
    assert original.description in text and duplicate.title in text and "Ja, samenvoegen" in text
    done = client.post(
        f"/signalen/{duplicate.id}/stap/merge",
        data={"merge-to": "merged", "merge-target": original.reference, "merge-note": "Zelfde regel."},
        follow_redirects=True,
    )
    page = done.get_data(as_text=True)
    assert db.session.get(Signal, duplicate.id).status == "merged"
    assert "Samengevoegde signalen" in page and duplicate.reference in page
    unknown = client.get(f"/signalen/{original.id}/samenvoegen?met=SIG-1999-000001")
    assert unknown.status_code == 422 and "Geen signaal met dit kenmerk gevonden." in unknown.get_data(as_text=True)


def test_claim_and_assign_within_the_ministry_are_audited(client, db, make_user, make_signal):
    """Can triage claim a signal and hand it to a colleague, but not to someone of another ministry?"""
    signal = make_signal()
    me, colleague, outsider = make_user("triage", "SZW"), make_user("triage", "SZW"), make_user("triage", "FIN")
    login(client, me)
    client.post(f"/behandelen/{signal.id}/toewijzen", data={"assignee": str(me.id)})
    assert db.session.get(Signal, signal.id).assignee_id == me.id
    client.post(f"/behandelen/{signal.id}/toewijzen", data={"assignee": str(colleague.id)})
    assert db.session.get(Signal, signal.id).assignee_id == colleague.id
    refused = client.post(
        f"/behandelen/{signal.id}/toewijzen", data={"assignee": str(outsider.id)}, follow_redirects=True
    )
    assert "Kies een collega van het eerstverantwoordelijke ministerie." in refused.get_data(as_text=True)
    assert db.session.get(Signal, signal.id).assignee_id == colleague.id
    assert len(_events(db, signal, "claim")) == 1 and len(_events(db, signal, "assign")) == 1
    queue = client.get("/behandelen/?wie=niemand").get_data(as_text=True)
    assert signal.reference not in queue


def test_bulk_accept_and_assign_from_the_queue(client, db, make_user, make_signal):
    """Do ticked rows get accepted and assigned in one go, with a reason for what could not be done?"""
    first, second, started = make_signal(), make_signal(), make_signal(status="in_progress")
    me = make_user("triage", "SZW")
    login(client, me)
    ids = [str(first.id), str(second.id), str(started.id)]
    response = client.post("/behandelen/bulk", data={"stap": "accept", "signaal": ids}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert {db.session.get(Signal, s.id).status for s in (first, second)} == {"in_progress"}
    assert f"Niet gedaan voor {started.reference}" in page
    client.post("/behandelen/bulk", data={"stap": "assign", "assignee": str(me.id), "signaal": ids})
    assert all(db.session.get(Signal, s.id).assignee_id == me.id for s in (first, second, started))
    nothing = client.post("/behandelen/bulk", data={"stap": "accept"}, follow_redirects=True)
    assert "Kies eerst een of meer signalen" in nothing.get_data(as_text=True)


def test_queue_export_is_the_filtered_list_with_masked_text_only(client, db, make_user, make_signal):
    """Do CSV and XLSX hold exactly the queue's rows, masked, and nothing of another ministry?"""
    masked = make_signal(
        description="Cliënt met BSN 111222333 kreeg geld van zijn zus en moet de bijstand terugbetalen."
    )
    other = make_signal(regulations=["BWBR0018451"], title="Zorgtoeslag terug")
    login(client, make_user("triage", "SZW"))
    response = client.get("/behandelen/export.csv")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    references = [row[0] for row in rows[1:]]
    assert masked.reference in references and other.reference not in references
    body = response.get_data(as_text=True)
    assert "111222333" not in body and "[BSN]" in body
    book = load_workbook(io.BytesIO(client.get("/behandelen/export.xlsx").data))
    assert [c.value for c in book.active[1]][0] == "kenmerk"
    assert book.active.max_row == len(rows)
    assert client.get("/behandelen/export.pdf").status_code == 404


def test_queue_sorts_by_a_column(client, db, make_user, make_signal):
    """Does clicking 'Titel' sort the queue by title, and again reverse it?"""
    make_signal(title="Bbbb bijstand"), make_signal(title="Aaaa bijstand")
    login(client, make_user("triage", "SZW"))
    ascending = client.get("/behandelen/?sort=title").get_data(as_text=True)
    assert ascending.index("Aaaa bijstand") < ascending.index("Bbbb bijstand")
    assert 'aria-sort="ascending"' in ascending
    descending = client.get("/behandelen/?sort=-title").get_data(as_text=True)
    assert descending.index("Bbbb bijstand") < descending.index("Aaaa bijstand")


def test_internal_notes_are_never_shown_to_the_frontline(client, db, make_user, make_signal):
    """Is a ministry's note visible to the ministry and absent from the frontline's page and history?"""
    signal = make_signal()
    login(client, make_user("triage", "SZW"))
    client.post(f"/behandelen/{signal.id}/notitie", data={"text": "Overleg met UWV over de uitvoering."})
    assert db.session.query(SignalNote).count() == 1
    assert "Overleg met UWV" in client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    client.post("/auth/logout")
    login(client, signal.submitter)
    for path in (f"/signalen/{signal.id}", f"/signalen/{signal.id}/geschiedenis"):
        html = client.get(path).get_data(as_text=True)
        assert "Overleg met UWV" not in html and "Interne notitie" not in html
    assert client.post(f"/behandelen/{signal.id}/notitie", data={"text": "x"}).status_code == 403


def test_standard_answers_are_kept_per_ministry_and_fill_the_answer(client, db, make_user, make_signal):
    """Can triage keep a standard answer and have it fill the answer form (without JavaScript)?"""
    signal = make_signal(status="in_progress")
    login(client, make_user("triage", "SZW"))
    too_short = client.post("/behandelen/standaardantwoorden", data={"title": "x", "text": ""})
    assert too_short.status_code == 422
    client.post(
        "/behandelen/standaardantwoorden",
        data={"title": "Hardheidsclausule", "outcome": "taken_up", "text": "Dit valt onder de hardheidsclausule."},
    )
    answer = db.session.query(StandardAnswer).one()
    assert answer.ministry_code == "SZW"
    page = client.get(f"/signalen/{signal.id}?standaard={answer.id}").get_data(as_text=True)
    assert "Dit valt onder de hardheidsclausule.</textarea>" in page
    client.post("/auth/logout")
    login(client, make_user("triage", "FIN"))
    assert "Hardheidsclausule" not in client.get("/behandelen/standaardantwoorden").get_data(as_text=True)


def test_next_signal_and_menu_counts_for_triage(client, db, make_user, make_signal):
    """After a step, is there a way to the next signal, and does the menu count new work?"""
    first, second = make_signal(), make_signal()
    login(client, make_user("triage", "SZW"))
    page = client.get(f"/signalen/{first.id}").get_data(as_text=True)
    assert f'href="/signalen/{second.id}" rel="next"' in page
    assert 'kp-nav-count">2<' in page


def test_coordinator_routes_from_the_queue_and_records_the_regulation(client, db, make_user, make_signal):
    """Can the coordinator route from the unrouted list, setting the regulation, with age and reasons shown?"""
    signal = make_signal(regulations=[], status="received", title="Vastgelopen", description=VAGUE)
    login(client, make_user("coordinator", "BZK"))
    page = client.get("/coordinatie/").get_data(as_text=True)
    assert signal.reference in page and "0 dagen" in page
    nothing = client.post(
        f"/coordinatie/{signal.id}/doorzetten", data={"ministry": "", "regulation": ""}, follow_redirects=True
    )
    assert "kies een ministerie of een regeling" in nothing.get_data(as_text=True)
    client.post(f"/coordinatie/{signal.id}/doorzetten", data={"ministry": "", "regulation": "BWBR0015703"})
    routed = db.session.get(Signal, signal.id)
    assert routed.status == "routed" and routed.lead_ministry_code == "SZW"
    assert [r.code for r in routed.regulations] == ["BWBR0015703"]
    assert len(_events(db, routed, "regulation")) == 1


def test_knelpunt_needs_a_real_title_and_a_signal(client, db, make_user, make_signal):
    """Is a one-character title or a knelpunt without signals refused on the form?"""
    make_signal()
    login(client, make_user("coordinator", "BZK"))
    response = client.post("/knelpunten/nieuw", data={"title": "K", "ministry": "SZW", "signals": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Geef een titel van 5 tot 200 tekens" in html and "Noem minstens één signaal" in html
    assert db.session.query(Knelpunt).count() == 0


def test_similar_signals_while_typing_with_and_without_javascript(client, db, make_user, make_signal):
    """Does the intake form show similar signals before sending, through the endpoint and the check button?"""
    existing = make_signal(title="Gift van familie leidt tot terugvordering bijstand")
    login(client, existing.submitter)
    found = client.post(
        "/signalen/vergelijkbaar",
        data={"title": "Gift van familie", "description": "terugvordering van bijstand na een gift"},
    ).get_json()
    assert [item["reference"] for item in found["similar"]] == [existing.reference]
    page = client.post(
        "/signalen/nieuw",
        data={
            "controleer": "1",
            "channel": "GEM-BL",
            "title": "Gift van familie",
            "description": "terugvordering van bijstand na een gift",
        },
    )
    assert page.status_code == 200 and existing.reference in page.get_data(as_text=True)
    assert db.session.query(Signal).count() == 1  # nothing stored


def test_knelpunt_rules_answer_in_the_api_with_the_field(client, db, make_signal, make_user, make_token):
    """Do POST, PATCH and DELETE on knelpunten name the field (422) or refuse the conflict (409)?"""
    coordinator_headers = {"Authorization": f"Bearer {make_token(make_user('coordinator', 'BZK'))}"}
    signal = make_signal()
    short = client.post("/api/v1/knelpunten", json={"title": " ?! ", "ministry": "SZW", "signal_ids": [signal.id]}, headers=coordinator_headers)
    assert short.status_code == 422 and list(short.get_json()["error"]["fields"]) == ["title"]
    empty = client.post("/api/v1/knelpunten", json={"title": "Giften tellen als inkomen", "ministry": "SZW"}, headers=coordinator_headers)
    assert empty.status_code == 422 and "signal_ids" in empty.get_json()["error"]["fields"]
    created = client.post(
        "/api/v1/knelpunten", json={"title": "Giften tellen als inkomen", "ministry": "SZW", "signal_ids": [signal.id]}, headers=coordinator_headers
    )
    kid = created.get_json()["id"]
    patched = client.patch(f"/api/v1/knelpunten/{kid}", json={"title": "1234"}, headers=coordinator_headers)
    assert patched.status_code == 422 and "title" in patched.get_json()["error"]["fields"]
    patched = client.patch(f"/api/v1/knelpunten/{kid}", json={"title": "Giften van familie tellen als inkomen"}, headers=coordinator_headers)
    assert patched.status_code == 200 and patched.get_json()["title"] == "Giften van familie tellen als inkomen"
    last = client.delete(f"/api/v1/knelpunten/{kid}/signals/{signal.id}", headers=coordinator_headers)
    assert last.status_code == 409 and "signal_id" in last.get_json()["error"]["fields"]
    assert db.session.get(Signal, signal.id).knelpunt_id == kid


def test_accept_and_ask_in_one_step_keeps_both_audit_events(client, db, make_user, make_signal):
    """Can triage accept a routed signal and ask its question with one button, the trail showing both steps?"""
    signal = make_signal()
    login(client, make_user("triage", "SZW"))
    page = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    assert "In behandeling nemen en vraag stellen" in page and "verplicht bij In behandeling nemen en vraag stellen" in page
    empty = client.post(f"/signalen/{signal.id}/stap/accept", data={"accept-to": "in_progress", "en_vragen": "1"})
    assert empty.status_code == 422 and "Schrijf uw vraag aan de melder" in empty.get_data(as_text=True)
    assert db.session.get(Signal, signal.id).status == "routed"
    client.post(
        f"/signalen/{signal.id}/stap/accept",
        data={"accept-to": "in_progress", "accept-question": "Hoe lang duurde de opname?", "en_vragen": "1"},
    )
    assert db.session.get(Signal, signal.id).status == "needs_info"
    steps = [(e.from_state, e.to_state) for e in db.session.query(AuditEvent).filter_by(signal_id=signal.id).order_by(AuditEvent.id) if e.to_state]
    assert steps[-2:] == [("routed", "in_progress"), ("in_progress", "needs_info")]
    assert _events(db, signal, "request_info")[0].note == "Hoe lang duurde de opname?"


def test_history_hides_internal_events_from_the_frontline_in_page_and_api(client, db, make_user, make_signal, make_token):
    """Do claim, assign, internal notes and standard-answer use stay out of the frontline's history (page and API)?"""
    signal = make_signal(status="in_progress")
    triage = make_user("triage", "SZW")
    login(client, triage)
    client.post(f"/behandelen/{signal.id}/toewijzen", data={"assignee": str(triage.id)})
    client.post(f"/behandelen/{signal.id}/notitie", data={"text": "Overleg met UWV over de uitvoering."})
    client.post("/behandelen/standaardantwoorden", data={"title": "Hardheidsclausule", "outcome": "taken_up", "text": "Dit valt onder de hardheidsclausule."})
    answer = db.session.query(StandardAnswer).one()
    client.post(
        f"/signalen/{signal.id}/stap/answer",
        data={"answer-to": "answered", "answer-outcome": "taken_up", "answer-response": answer.text, "answer-standard_answer": str(answer.id)},
    )
    internal = {"claim", "note", "standard_answer_used"}
    ministry_view = client.get(f"/api/v1/signals/{signal.id}/history", headers={"Authorization": f"Bearer {make_token(triage)}"})
    assert internal <= {e["action"] for e in ministry_view.get_json()["items"]}
    frontline = signal.submitter
    api = client.get(f"/api/v1/signals/{signal.id}/history", headers={"Authorization": f"Bearer {make_token(frontline)}"})
    actions = {e["action"] for e in api.get_json()["items"]}
    assert "answer" in actions and not actions & internal
    client.post("/auth/logout")
    login(client, frontline)
    html = client.get(f"/signalen/{signal.id}/geschiedenis").get_data(as_text=True)
    assert "Hardheidsclausule" not in html and "Overleg met UWV" not in html


def test_agency_offices_are_organisations_that_see_their_own_signals(client, db, make_user, make_signal, make_token):
    """Is every office an organisation under its agency, seeing only the signals it logged itself?"""
    from signals.models import OrganisationOffice

    offices = db.session.query(OrganisationOffice).all()
    assert len(offices) >= 70
    assert {o.parent_code for o in offices} >= {"UWV", "IND", "KVK", "BD", "DUO", "CJIB"}
    alkmaar = db.session.get(Organisation, "UWV-ALKMAAR")
    assert (alkmaar.name, alkmaar.parent_code, alkmaar.owner_ministry_code) == ("UWV Alkmaar", "UWV", "SZW")
    own = make_signal(org="UWV-ALKMAAR", channel="UWV-MW", title="Alkmaar: WW stopt bij vrijwilligerswerk")
    other = make_signal(org="UWV-BREDA", channel="UWV-MW", title="Breda: WW stopt bij vrijwilligerswerk")
    login(client, make_user("frontline", "UWV-ALKMAAR"))
    page = client.get("/signalen/").get_data(as_text=True)
    assert own.reference in page and other.reference not in page
    assert client.get(f"/signalen/{other.id}").status_code == 404
    reference = client.get("/api/v1/reference/organisations", headers={"Authorization": f"Bearer {make_token(make_user('admin', 'BZK'))}"})
    rows = {o["code"]: o for o in reference.get_json()["items"]}
    assert (rows["UWV-ALKMAAR"]["parent"], rows["UWV-ALKMAAR"]["place"], rows["UWV"]["parent"]) == ("UWV", "Alkmaar", None)


def test_agency_sees_its_offices_signals_but_the_office_answers_and_rates(client, db, make_user, make_signal):
    """Does UWV's own frontline see what UWV Alkmaar logged, while the question and the rating stay
    with Alkmaar (no form, not in UWV's 'Wat wacht op u')?"""
    asked = make_signal(org="UWV-ALKMAAR", channel="UWV-MW", title="Alkmaar: WW stopt bij vrijwilligerswerk", status="needs_info")
    answered = make_signal(org="UWV-ALKMAAR", channel="UWV-MW", title="Alkmaar: WW-uitkering te laat", status="answered")
    elsewhere = make_signal(org="SVB", channel="SVB-KB", title="SVB: AOW-brief onduidelijk")
    login(client, make_user("frontline", "UWV"))
    listing = client.get("/signalen/").get_data(as_text=True)
    assert asked.reference in listing and answered.reference in listing and elsewhere.reference not in listing
    detail = client.get(f"/signalen/{answered.id}").get_data(as_text=True)
    assert "Wat vindt u van het antwoord?" not in detail
    start = client.get("/").get_data(as_text=True)
    assert "Welke maand?" not in start
    assert client.post(f"/signalen/{answered.id}/beoordeling", data={"useful": "ja"}).status_code in (403, 404)
    client.post("/auth/logout")
    login(client, asked.submitter)
    assert "Welke maand?" in client.get("/").get_data(as_text=True)


def test_admin_picks_an_office_under_its_agency(client, db, make_user):
    """Does the admin's organisation list group the offices under their agency, and take one?"""
    login(client, make_user("admin", "BZK"))
    page = client.get("/beheer/gebruikers").get_data(as_text=True)
    group = page.index('<optgroup label="Kantoren van Uitvoeringsinstituut Werknemersverzekeringen (UWV)">')
    assert group < page.index("UWV Alkmaar (UWV-ALKMAAR)") < page.index("</optgroup>", group)
    response = client.post(
        "/beheer/gebruikers",
        data={"email": "kantoor-alkmaar@example.org", "role": "frontline", "organisation": "UWV-ALKMAAR", "name": "Frontlijn Alkmaar"},
    )
    assert response.status_code == 302
    from signals.models import User

    assert db.session.query(User).filter_by(email="kantoor-alkmaar@example.org").one().organisation_code == "UWV-ALKMAAR"
