"""Each role's journey through the screens, as a person would click it."""

from __future__ import annotations

import re

from signals.models import Signal
from tests.conftest import login

ACCEPTANCE_TEXT = "Mijn cliënt in de bijstand kreeg boodschappen van zijn moeder en moet nu alles terugbetalen"


def _submit(client, **fields):
    data = {"channel": "GEM-BL", "title": "Boodschappen van moeder", "description": ACCEPTANCE_TEXT}
    data.update(fields)
    return client.post("/signalen/nieuw", data=data, follow_redirects=True)


def test_frontline_submits_and_later_reads_the_answer(client, db, make_user):
    frontline = make_user("frontline", "GEM")
    login(client, frontline)
    page = _submit(client)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Doorgezet" in html and "SZW" in html and "bijstand" in html
    signal = db.session.query(Signal).one()

    client.post("/auth/logout")
    login(client, make_user("triage", "SZW"))
    queue = client.get("/behandelen/").get_data(as_text=True)
    assert signal.reference in queue
    client.post(f"/signalen/{signal.id}/stap/accept", data={"accept-to": "in_progress"})
    response = client.post(
        f"/signalen/{signal.id}/stap/answer",
        data={"answer-to": "answered", "answer-outcome": "taken_up", "answer-response": "Giften tellen voortaan niet mee."},
        follow_redirects=True,
    )
    assert "Het antwoord is vastgelegd" in response.get_data(as_text=True)

    client.post("/auth/logout")
    login(client, frontline)
    detail = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    assert "Beantwoord" in detail and "Giften tellen voortaan niet mee." in detail and "Opgepakt" in detail


def test_intake_form_shows_field_errors_and_keeps_nothing(client, db, make_user):
    login(client, make_user("frontline", "GEM"))
    response = client.post("/signalen/nieuw", data={"channel": "", "title": "", "description": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Er is iets niet goed ingevuld" in html
    assert 'href="#channel"' in html and 'href="#title"' in html and 'href="#description"' in html
    assert 'aria-invalid="true"' in html
    assert db.session.query(Signal).count() == 0


def test_unknown_regulation_in_form_is_tied_to_its_field(client, db, make_user):
    login(client, make_user("frontline", "GEM"))
    response = _submit(client, regulation_1="Wet op de maanlanding")
    assert response.status_code == 422
    assert "Deze regeling kennen we niet" in response.get_data(as_text=True)
    assert db.session.query(Signal).count() == 0


def test_regulation_picked_by_alias_or_label_routes_by_regulation(client, db, make_user):
    login(client, make_user("frontline", "GEM"))
    _submit(client, description="Het gaat mis bij de toeslag.", regulation_1="huurtoeslag")
    _submit(client, description="Het gaat mis.", regulation_1="Wet op de zorgtoeslag (Wzt) – BWBR0018451")
    ministries = sorted(s.lead_ministry_code for s in db.session.query(Signal))
    assert ministries == ["BZK", "VWS"]


def test_privacy_notice_tells_what_was_masked(client, db, make_user):
    login(client, make_user("frontline", "GEM"))
    description = ACCEPTANCE_TEXT + " Zijn BSN is 111222333, mail hem op iemand@example.org."
    preview = _submit(client, description=description).get_data(as_text=True)  # look before you send
    assert "Controleer uw signaal" in preview and "[BSN]" in preview and db.session.query(Signal).count() == 0
    page = _submit(client, description=description, privacy_step="bevestigen")
    html = page.get_data(as_text=True)
    assert "We hebben een BSN en een e-mailadres uit uw tekst verwijderd" in html
    stored = db.session.query(Signal).one()
    assert "111222333" not in stored.description and "[BSN]" in stored.description


def test_triage_asks_for_information_and_frontline_answers(client, make_signal, make_user):
    signal = make_signal(status="in_progress")
    login(client, make_user("triage", "SZW"))
    missing = client.post(f"/signalen/{signal.id}/stap/request_info", data={"request_info-to": "needs_info"})
    assert missing.status_code == 422 and "Geef een toelichting of reden" in missing.get_data(as_text=True)
    client.post(f"/signalen/{signal.id}/stap/request_info", data={"request_info-to": "needs_info", "request_info-note": "Welke maand?"})
    client.post("/auth/logout")
    login(client, make_user("frontline", "GEM"))
    detail = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    assert "Aanvulling gevraagd" in detail and "Welke maand?" in detail and "Aanvulling geven" in detail
    client.post(f"/signalen/{signal.id}/stap/provide_info", data={"provide_info-to": "in_progress", "provide_info-note": "Maart."})
    assert "In behandeling" in client.get(f"/signalen/{signal.id}").get_data(as_text=True)


def test_triage_reroute_requires_reason_and_moves_signal(client, make_signal, make_user):
    signal = make_signal()
    login(client, make_user("triage", "SZW"))
    missing = client.post(f"/signalen/{signal.id}/stap/reroute", data={"reroute-to": "routed", "reroute-ministry": "VWS"})
    assert missing.status_code == 422
    done = client.post(
        f"/signalen/{signal.id}/stap/reroute",
        data={"reroute-to": "routed", "reroute-ministry": "VWS", "reroute-note": "Gaat over zorg."},
    )
    assert done.status_code == 302
    assert client.get(f"/signalen/{signal.id}").status_code == 404


def test_coordinator_routes_an_unrouted_signal(client, db, make_user):
    frontline = make_user("frontline", "GEM")
    login(client, frontline)
    # vague enough to stay below the tuned threshold (with the title "Onduidelijke brief" the seventh
    # round's model routes it to AZ at 0.814, just over its 0.810: letters nobody understands are AZ's
    # in the corpus)
    _submit(client, title="Lastig", description="Mensen begrijpen de brief niet en raken in de knel.")
    signal = db.session.query(Signal).one()
    assert signal.status == "received"
    client.post("/auth/logout")
    login(client, make_user("coordinator", "BZK"))
    assert signal.reference in client.get("/coordinatie/").get_data(as_text=True)
    client.post(f"/signalen/{signal.id}/stap/route", data={"route-to": "routed", "route-ministry": "FIN"})
    db.session.refresh(signal)
    assert (signal.status, signal.lead_ministry_code) == ("routed", "FIN")
    assert signal.reference not in client.get("/coordinatie/").get_data(as_text=True)
    assert "FIN" in client.get("/coordinatie/overzicht").get_data(as_text=True)


def test_admin_creates_user_and_token(client, db, make_user):
    login(client, make_user("admin", "BZK"))
    response = client.post(
        "/beheer/gebruikers", data={"email": "nieuw@example.org", "role": "triage", "organisation": "SZW"}, follow_redirects=True
    )
    assert "Uitnodiging verstuurd naar nieuw@example.org" in response.get_data(as_text=True)  # issue 14: invitation by e-mail
    wrong = client.post("/beheer/gebruikers", data={"email": "x@example.org", "role": "triage", "organisation": "UWV"})
    assert wrong.status_code == 422 and "hoort bij een ministerie" in wrong.get_data(as_text=True)
    from signals.accounts import get_user_by_email

    user = get_user_by_email(db.session, "nieuw@example.org")
    token_page = client.post(f"/beheer/gebruikers/{user.id}/sleutels", data={"name": "koppeling"}).get_data(as_text=True)
    token = re.search(r'<code id="new-token">([^<]+)</code>', token_page).group(1)
    assert client.get("/api/v1/signals", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert "Referentiegegevens" in client.get("/beheer/referentie").get_data(as_text=True)


def test_each_role_lands_on_its_start_page(client, make_user):
    expected = {"frontline": "Signaal melden", "triage": "Werkvoorraad", "coordinator": "Niet gerouteerde", "liaison": "Overzicht voor de Kamer", "admin": "Gebruikers"}
    for role, text in expected.items():
        user = make_user(role, "SZW" if role == "triage" else "BZK" if role != "frontline" else "GEM")
        login(client, user)
        assert text in client.get("/", follow_redirects=True).get_data(as_text=True), role
        client.post("/auth/logout")


def test_wrong_password_is_refused_and_pages_need_login(client, make_user):
    user = make_user()
    response = client.post("/auth/login", data={"email": user.email, "password": "wrong-password"})
    assert response.status_code == 400
    assert "horen niet bij elkaar" in response.get_data(as_text=True)
    assert client.get("/signalen/").status_code == 302


def test_frontline_cannot_open_triage_or_admin_pages(client, make_user):
    login(client, make_user("frontline", "GEM"))
    assert client.get("/behandelen/").status_code == 403
    assert client.get("/beheer/gebruikers").status_code == 403
    assert client.get("/coordinatie/").status_code == 403


def test_admin_moves_a_regulation_after_confirming(client, db, make_signal, make_user):
    from signals.reference import find_regulation

    signal = make_signal(regulations=["BWBR0008659"])
    regulation = find_regulation(db.session, "BWBR0008659")
    login(client, make_user("admin", "BZK"))
    unconfirmed = client.post(f"/beheer/referentie/regeling/{regulation.id}", data={"ministry": "FIN"})
    assert unconfirmed.status_code == 422 and "Bevestig" in unconfirmed.get_data(as_text=True)
    done = client.post(f"/beheer/referentie/regeling/{regulation.id}", data={"ministry": "FIN", "confirm": "y"}, follow_redirects=True)
    try:
        assert "1 open signalen zijn meegegaan" in done.get_data(as_text=True)
        db.session.refresh(signal)
        assert signal.lead_ministry_code == "FIN"
    finally:
        regulation.ministry_code = "BZK"
        db.session.commit()


def test_saved_filter_is_kept_applied_and_deleted_after_confirmation(client, db, make_signal, make_user):
    from signals.models import SavedFilter

    make_signal(status="in_progress")
    login(client, make_user("triage", "SZW"))
    page = client.get("/behandelen/?status=in_progress&late=y").get_data(as_text=True)
    assert "Filter bewaren" in page
    response = client.post(
        "/filters/bewaren", data={"name": "Mijn late zaken", "page": "queue", "query": "status=in_progress&late=y&page=3&evil=1"}
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("/behandelen/?late=y&status=in_progress")
    saved = db.session.query(SavedFilter).one()
    assert saved.query == "late=y&status=in_progress"
    assert "Mijn late zaken" in client.get("/behandelen/").get_data(as_text=True)
    assert "Filter verwijderen?" in client.get(f"/filters/{saved.id}/verwijderen").get_data(as_text=True)
    client.post(f"/filters/{saved.id}/verwijderen")
    assert db.session.query(SavedFilter).count() == 0


def test_someone_elses_saved_filter_cannot_be_deleted(client, db, make_user):
    from signals.filters import save_filter
    from signals.models import SavedFilter

    owner = make_user("triage", "SZW")
    saved = save_filter(db.session, owner, "queue", "Van een ander", "status=routed")
    db.session.commit()
    login(client, make_user("triage", "SZW"))
    client.post(f"/filters/{saved.id}/verwijderen")
    assert db.session.query(SavedFilter).count() == 1
