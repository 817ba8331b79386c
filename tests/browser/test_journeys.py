"""Each role's journey end to end in a real browser, with axe-core on every page it visits."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import expect, logout

pytestmark = pytest.mark.browser

VAGUE_TEXT = "Mensen raken in de knel en niemand weet waarom."


def action(page, title: str):
    """The step of the signal page's action panel called ``title``, unfolded if it was folded."""
    heading = page.locator("h3, summary").filter(has_text=re.compile(rf"^\s*{re.escape(title)}\s*$"))
    step = page.locator(".kp-action").filter(has=heading)
    if step.evaluate("el => el.tagName") == "DETAILS" and step.get_attribute("open") is None:
        step.locator("summary").click()
    return step


def test_frontline_reports_a_signal_and_later_reads_the_answer(page, login_as, check_a11y):
    """Does a frontline worker get clear errors, the privacy notice, and in the end the ministry's answer?"""
    login_as(page, "frontline")
    check_a11y(page, "frontline start page")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Signaal melden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signaal melden")
    check_a11y(page, "intake form")

    # Sent empty: an error summary that has focus and links to each field in error.
    page.get_by_role("button", name="Signaal versturen").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("Er is iets niet goed ingevuld")
    links = summary.get_by_role("link")
    expect(links).to_have_count(3)
    assert [links.nth(i).get_attribute("href") for i in range(3)] == ["#channel", "#title", "#description"]
    expect(links.nth(2)).to_have_text(re.compile(r"^Wat ging er mis\? Beschrijf"))  # no "?:"
    for field_id in ("channel", "title", "description"):
        field = page.locator(f"#{field_id}")
        expect(field).to_have_attribute("aria-invalid", "true")
        described = field.get_attribute("aria-describedby").split()
        assert f"{field_id}-error" in described
        expect(page.locator(f"#{field_id}-error")).to_be_visible()
    check_a11y(page, "intake form with errors")
    links.nth(1).click()
    expect(page.locator("#title")).to_be_focused()

    # Filled in, with a BSN and an e-mail address in the text: both are masked and the worker is told.
    page.get_by_label("Kanaal").select_option("GEM-BL")
    page.get_by_label("Korte titel").fill("Gift van moeder leidt tot terugvordering")
    page.get_by_label("Wat ging er mis?").fill(
        "Mijn cliënt (BSN 111222333, jan.jansen@example.com) in de bijstand kreeg boodschappen van "
        "zijn moeder en moet nu alles terugbetalen."
    )
    # The inline privacy preview shows the masked text before sending; seen, the form is stored in one step.
    expect(page.locator("#privacy-preview")).to_contain_text("[BSN]")
    page.get_by_label("Aantal betrokken mensen").fill("1")
    page.get_by_label("Niet-realistisch mensbeeld").check()
    page.get_by_role("button", name="Signaal versturen").click()
    page.wait_for_url(re.compile(r"/signalen/\d+$"))
    notice = page.locator(".utrecht-alert--warning")
    expect(notice).to_contain_text("We hebben een BSN en een e-mailadres uit uw tekst verwijderd")
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("Uw signaal is ontvangen onder kenmerk")
    body = page.locator("main").inner_text()
    assert "111222333" not in body and "jan.jansen@example.com" not in body
    assert "[BSN]" in body
    expect(page.get_by_text("Doorgezet", exact=True)).to_be_visible()
    signal_url = page.url
    title = "Gift van moeder leidt tot terugvordering"
    check_a11y(page, "signal detail after submitting (masked notice)")
    logout(page)
    check_a11y(page, "login page after logging out")

    # Triage SZW accepts and answers.
    login_as(page, "triage")
    check_a11y(page, "triage queue")
    page.get_by_role("link", name=title).click()
    check_a11y(page, "triage: routed signal")
    action(page, "In behandeling nemen").get_by_role("button", name="In behandeling nemen", exact=True).click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("U hebt het signaal in behandeling genomen")
    check_a11y(page, "triage: signal in progress")
    answer = action(page, "Beantwoorden")
    answer.get_by_role("button", name="Beantwoorden").click()
    expect(page.locator("#error-summary")).to_be_focused()
    check_a11y(page, "triage: answer form with errors")
    answer = action(page, "Beantwoorden")
    answer.get_by_label("Uitkomst").select_option("taken_up")
    answer.get_by_label("Antwoord aan de frontlijn").fill(
        "Giften van familie tellen voortaan tot een vast bedrag niet mee."
    )
    answer.get_by_role("button", name="Beantwoorden").click()
    expect(page.locator(".utrecht-alert--ok").first).to_contain_text("Het antwoord is vastgelegd")
    check_a11y(page, "triage: answered signal")
    logout(page)

    # The frontline worker finds the answer through "Mijn signalen".
    login_as(page, "frontline")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn signalen").click()
    check_a11y(page, "frontline: my signals")
    page.get_by_role("link", name=title).first.click()
    assert page.url == signal_url
    answer_box = page.get_by_role("region", name=re.compile("Antwoord van SZW"))
    expect(answer_box).to_contain_text("Giften van familie tellen voortaan")
    expect(answer_box).to_contain_text("Opgepakt")
    expect(page.get_by_text("Beantwoord", exact=True).first).to_be_visible()
    check_a11y(page, "frontline: answered signal")


def test_triage_asks_for_information_and_reroutes_with_a_reason(page, live_server, login_as, check_a11y):
    """Can triage ask the frontline for information, and re-route only with a reason?"""
    signal_id, reference, status = live_server.make_signal(
        "Kostendelersnorm bij inwonende mantelzorger",
        "Een dochter trekt in bij haar zieke vader om voor hem te zorgen; zijn bijstand gaat omlaag.",
        regulations=["BWBR0015703"],
    )
    assert status == "routed"
    login_as(page, "triage")
    page.get_by_label("Zoeken").fill(reference)
    page.get_by_role("button", name="Filteren").click()
    check_a11y(page, "triage queue filtered")
    page.get_by_role("link", name="Kostendelersnorm bij inwonende mantelzorger").click()
    action(page, "In behandeling nemen").get_by_role("button", name="In behandeling nemen", exact=True).click()

    # Asking for information needs the question.
    ask = action(page, "Aanvulling vragen aan de melder")
    ask.get_by_role("button", name="Aanvulling vragen aan de melder").click()
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("[aria-invalid=true]")).to_have_count(1)
    check_a11y(page, "triage: ask for information, with errors")
    ask = action(page, "Aanvulling vragen aan de melder")
    ask.get_by_label("Uw vraag aan de melder").fill("Hoeveel verdient de dochter ongeveer?")
    ask.get_by_role("button", name="Aanvulling vragen aan de melder").click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("De vraag om aanvulling is verstuurd")
    assert live_server.signal_status(signal_id) == "needs_info"
    check_a11y(page, "triage: signal waiting for information")
    logout(page)

    # The frontline adds the information.
    login_as(page, "frontline")
    page.goto(f"/signalen/{signal_id}")
    give = action(page, "Aanvulling geven")
    # The question stands next to the answer box, tied to it as its description.
    expect(give.get_by_label("Uw aanvulling")).to_have_accessible_description(
        re.compile("Hoeveel verdient de dochter ongeveer?")
    )
    check_a11y(page, "frontline: signal with a question")
    give.get_by_label("Uw aanvulling").fill("Zij werkt parttime en verdient rond het minimumloon.")
    give.get_by_role("button", name="Aanvulling geven").click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("Uw aanvulling is doorgegeven")
    expect(page.get_by_text("In behandeling", exact=True).first).to_be_visible()
    check_a11y(page, "frontline: information given")
    logout(page)

    # Re-routing (a step on a routed signal) without a reason is refused; with one, the signal leaves the queue.
    other_id, _ref, status = live_server.make_signal(
        "Eigen bijdrage Wmo stapelt met zorgkosten",
        "Een oudere met een kleine AOW betaalt eigen bijdragen voor thuiszorg en hulpmiddelen tegelijk.",
        regulations=["BWBR0015703"],
    )
    login_as(page, "triage")
    page.get_by_role("link", name="Eigen bijdrage Wmo stapelt met zorgkosten").click()
    reroute = action(page, "Doorzetten naar een ander ministerie")
    reroute.get_by_label("Ministerie (verplicht)").select_option("VWS")
    reroute.get_by_role("button", name="Doorzetten naar een ander ministerie").click()
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#error-summary")).to_contain_text("Reden voor het doorzetten")
    check_a11y(page, "triage: re-route without a reason")
    reroute = action(page, "Doorzetten naar een ander ministerie")
    reroute.get_by_label("Ministerie (verplicht)").select_option("VWS")
    reroute.get_by_label("Reden voor het doorzetten").fill("Het gaat om de zorgtaak, niet om de bijstand.")
    reroute.get_by_role("button", name="Doorzetten naar een ander ministerie").click()
    page.wait_for_url(re.compile(r"/behandelen/"))
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("doorgezet naar een ander ministerie")
    expect(page.get_by_role("link", name="Eigen bijdrage Wmo stapelt met zorgkosten")).to_have_count(0)
    assert live_server.signal_status(other_id) == "routed"
    check_a11y(page, "triage queue after re-routing")
    logout(page)

    login_as(page, "triage_vws")
    expect(page.get_by_role("link", name="Eigen bijdrage Wmo stapelt met zorgkosten")).to_be_visible()


def test_coordinator_routes_a_signal_the_router_could_not_place(page, live_server, login_as, check_a11y):
    """Does a vague signal wait for the coordinator, who can route it?"""
    signal_id, reference, status = live_server.make_signal("Vastgelopen", VAGUE_TEXT)
    assert status == "received"
    login_as(page, "coordinator")
    expect(page.get_by_role("heading", level=1)).to_have_text("Niet gerouteerde signalen")
    check_a11y(page, "coordinator: unrouted queue")
    page.get_by_role("link", name="Vastgelopen").click()
    expect(page.get_by_text("Ontvangen", exact=True)).to_be_visible()
    check_a11y(page, "coordinator: unrouted signal")
    route = action(page, "Doorzetten naar een ministerie")
    route.get_by_role("button", name="Doorzetten naar een ministerie").click()
    expect(page.locator("#error-summary")).to_be_focused()
    check_a11y(page, "coordinator: route without a ministry")
    route = action(page, "Doorzetten naar een ministerie")
    route.get_by_label("Ministerie (verplicht)").select_option("BZK")
    route.get_by_label("Toelichting").fill("Begrijpelijke brieven van de overheid: BZK.")
    route.get_by_role("button", name="Doorzetten naar een ministerie").click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("Het signaal is doorgezet")
    expect(page.get_by_text("Doorgezet", exact=True)).to_be_visible()
    assert live_server.signal_status(signal_id) == "routed"
    check_a11y(page, "coordinator: routed signal")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Niet gerouteerd").click()
    expect(page.get_by_role("link", name="Vastgelopen")).to_have_count(0)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Overzicht ministeries").click()
    check_a11y(page, "coordinator: open work per ministry")


def test_admin_creates_a_user_and_an_api_token(page, login_as, check_a11y):
    """Can the administrator add a user and give them a working API token?"""
    login_as(page, "admin")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gebruikers")
    check_a11y(page, "admin: users")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#email")).to_have_attribute("aria-invalid", "true")
    check_a11y(page, "admin: new user with errors")

    page.get_by_label(re.compile(r"^E-mailadres")).fill("nieuw@uwv.example.org")
    page.get_by_label(re.compile(r"^Naam")).fill("Nieuwe collega")
    page.get_by_label(re.compile(r"^Rol")).select_option("frontline")
    page.get_by_label(re.compile(r"^Organisatie")).select_option("UWV")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("Uitnodiging verstuurd naar nieuw@uwv.example.org")
    check_a11y(page, "admin: user invited")

    page.get_by_role("link", name="Sleutels van nieuw@uwv.example.org").click()
    expect(page.get_by_text("Deze gebruiker heeft nog geen sleutels.")).to_be_visible()
    check_a11y(page, "admin: tokens of a user")
    page.get_by_label("Waarvoor is deze sleutel?").fill("Koppeling klantcontactsysteem")
    page.get_by_role("button", name="Sleutel aanmaken").click()
    token = page.locator("#new-token").inner_text().strip()
    assert token.startswith("kp_")
    expect(page.get_by_role("table", name="Bestaande sleutels")).to_contain_text("Koppeling klantcontactsysteem")
    check_a11y(page, "admin: token created")

    response = page.request.get("/api/v1/signals", headers={"Authorization": f"Bearer {token}"})
    assert response.status == 200, response.text()
