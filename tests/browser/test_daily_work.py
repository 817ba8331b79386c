"""A working day in Knelpunt (issue 13): each journey at 1366 and 390 px, axe-core on every page.

The journeys count the clicks a person needs (link, button, checkbox or summary clicks;
typing and choosing from a list are not counted), so the closing note can compare them.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import expect, logout, overflowing_elements

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
WIDTHS = [pytest.param(DESKTOP, id="1366"), pytest.param(PHONE, id="390")]


class Clicks:
    """Counts the clicks of a journey."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def click(self, locator):
        locator.click()
        self.count += 1


def shot(page, screenshot_dir, name: str) -> None:
    width = page.viewport_size["width"]
    page.screenshot(path=str(screenshot_dir / f"daily-{name}-{width}.png"), full_page=True)


def step(page, title: str):
    """The step of the action panel called ``title`` (a section or a folded <details>)."""
    heading = page.locator("h3, summary").filter(has_text=re.compile(rf"^\s*{re.escape(title)}\s*$"))
    return page.locator(".kp-action").filter(has=heading)


def open_step(page, clicks: Clicks, title: str):
    found = step(page, title)
    if found.evaluate("el => el.tagName") == "DETAILS" and found.get_attribute("open") is None:
        clicks.click(found.locator("summary"))
    return found


def no_sideways_scroll(page) -> None:
    assert not overflowing_elements(page), overflowing_elements(page)


@pytest.mark.parametrize("viewport", WIDTHS)
def test_triage_accepts_asks_and_frontline_answers_and_rates(
    page, live_server, login_as, check_a11y, screenshot_dir, viewport
):
    """Accept, ask, answer the question, answer the signal, rate it 'not useful': each step is where one looks."""
    page.set_viewport_size(viewport)
    width = viewport["width"]
    title = f"Bijstand stopt bij kort verblijf in ziekenhuis {width}"
    signal_id, reference, status = live_server.make_signal(
        title,
        "Een cliënt die drie weken in het ziekenhuis lag, verloor zijn bijstand omdat hij niet op zijn adres verbleef.",
        regulations=["BWBR0015703"],
    )
    assert status == "routed"

    login_as(page, "triage")
    clicks = Clicks(page)
    clicks.click(page.get_by_role("link", name=title))
    # the likely step is open and first; re-routing is folded
    panel = page.locator("#acties")
    expect(panel.locator(".kp-action--primary h3")).to_have_text("In behandeling nemen")
    expect(step(page, "Doorzetten naar een ander ministerie").locator("summary")).to_be_visible()
    shot(page, screenshot_dir, "triage-routed")
    check_a11y(page, f"triage: routed signal, action panel ({width})")
    no_sideways_scroll(page)
    # accept and ask in one step: the question field sits in the open accept step
    accept = step(page, "In behandeling nemen")
    accept.get_by_label(re.compile("^Meteen een vraag aan de melder")).fill("Hoe lang duurde de opname precies?")
    clicks.click(accept.get_by_role("button", name="In behandeling nemen en vraag stellen"))
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("in behandeling genomen")
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("De vraag om aanvulling is verstuurd")
    # the ministry does not see the frontline's form, only a way to go on without the answer
    expect(page.get_by_label("Uw aanvulling")).to_have_count(0)
    expect(step(page, "Verder zonder aanvulling")).to_have_count(1)
    shot(page, screenshot_dir, "triage-waiting")
    check_a11y(page, f"triage: waiting for information ({width})")
    triage_clicks = clicks.count
    logout(page)

    # The frontline sees the question at the top of the start page, with its date.
    login_as(page, "frontline")
    clicks = Clicks(page)
    todo = page.get_by_role("region", name="Wat wacht op u")
    expect(todo).to_contain_text("Hoe lang duurde de opname precies?")
    expect(todo).to_contain_text("Antwoord graag vóór")
    shot(page, screenshot_dir, "frontline-start")
    check_a11y(page, f"frontline: start page with a question ({width})")
    no_sideways_scroll(page)
    clicks.click(todo.get_by_role("link", name=title))
    give = step(page, "Aanvulling geven")
    expect(give).to_have_class(re.compile("kp-action--primary"))
    give.get_by_label("Uw aanvulling").fill("Drie weken, daarna revalidatie thuis.")
    shot(page, screenshot_dir, "frontline-question")
    check_a11y(page, f"frontline: answering a question ({width})")
    clicks.click(give.get_by_role("button", name="Aanvulling geven"))
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("Uw aanvulling is doorgegeven")
    frontline_answer_clicks = clicks.count
    logout(page)

    login_as(page, "triage")
    clicks = Clicks(page)
    page.goto(f"/signalen/{signal_id}")
    answer = step(page, "Beantwoorden")
    expect(answer).to_have_class(re.compile("kp-action--primary"))
    expect(answer.locator("label", has_text="Reden")).to_contain_text("verplicht bij Niet opgepakt")
    answer.get_by_label("Uitkomst").select_option("further_study")
    answer.get_by_label("Antwoord aan de frontlijn").fill(
        "We zoeken uit hoe vaak een korte opname tot stopzetting leidt."
    )
    clicks.click(answer.get_by_role("button", name="Beantwoorden"))
    expect(page.locator(".utrecht-alert--ok").first).to_contain_text("Het antwoord is vastgelegd")
    triage_clicks += clicks.count
    logout(page)

    # The frontline rates the answer as not useful: the form goes, the words fit the frontline.
    login_as(page, "frontline")
    clicks = Clicks(page)
    todo = page.get_by_role("region", name="Wat wacht op u")
    clicks.click(todo.get_by_role("link", name=title))
    rate = page.locator(".kp-action", has=page.get_by_role("heading", name="Wat vindt u van het antwoord?"))
    expect(rate.locator("label", has_text="Toelichting")).to_contain_text("verplicht bij Nee")
    clicks.click(rate.get_by_label("Nee, het ministerie moet er opnieuw naar kijken"))
    rate.get_by_label(re.compile("^Toelichting")).fill("Er staat niet in wat de cliënt nu moet doen.")
    clicks.click(rate.get_by_role("button", name="Beoordeling versturen"))
    expect(page.locator(".kp-flash")).to_contain_text("opnieuw naar het signaal te kijken")
    expect(page.get_by_role("heading", name="Wat vindt u van het antwoord?")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("U vond het antwoord niet bruikbaar")
    expect(page.locator("main")).not_to_contain_text("Heropen het signaal")
    shot(page, screenshot_dir, "frontline-rated")
    check_a11y(page, f"frontline: after rating not useful ({width})")
    print(
        f"CLICKS {width}: triage accept+ask+answer={triage_clicks}, frontline answer question={frontline_answer_clicks}, frontline rate={clicks.count}"
    )


@pytest.mark.parametrize("viewport", WIDTHS)
def test_frontline_reports_and_sees_similar_signals_while_typing(
    page, live_server, login_as, check_a11y, screenshot_dir, viewport
):
    """Does the intake form show similar signals while typing, and is it usable at phone width?"""
    page.set_viewport_size(viewport)
    width = viewport["width"]
    login_as(page, "frontline")
    clicks = Clicks(page)
    clicks.click(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Signaal melden"))
    no_sideways_scroll(page)
    page.get_by_label("Kanaal").select_option("GEM-BL")
    page.get_by_label("Korte titel").fill(f"Kostendelersnorm bij mantelzorg {width}")
    page.get_by_label("Wat ging er mis?").fill(
        "Een zoon trekt in bij zijn zieke moeder om voor haar te zorgen; haar bijstand gaat omlaag."
    )
    live = page.locator("#similar-live")
    expect(live).to_contain_text("Kostendelersnorm raakt mantelzorgers")  # a background signal of the seed
    shot(page, screenshot_dir, "intake-similar")
    check_a11y(page, f"intake form with similar signals ({width})")
    clicks.click(page.get_by_role("button", name="Signaal versturen"))
    page.wait_for_url(re.compile(r"/signalen/\d+$"))
    expect(page.locator(".kp-flash")).to_contain_text("Uw signaal is ontvangen")
    check_a11y(page, f"frontline: signal just reported ({width})")
    print(f"CLICKS {width}: frontline report={clicks.count}")


def test_similar_signals_without_javascript(browser, live_server, login_as):
    """Without JavaScript, does 'Controleer op vergelijkbare signalen' show them, storing nothing?

    (axe-core needs JavaScript in the page; the same form is checked with it in the test above.)
    """
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, java_script_enabled=False, locale="nl-NL")
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        login_as(page, "frontline")
        page.goto("/signalen/nieuw")
        page.get_by_label("Korte titel").fill("Mantelzorger verlaagt bijstand")
        page.get_by_label("Wat ging er mis?").fill(
            "Een zoon trekt in bij zijn zieke moeder om voor haar te zorgen; haar bijstand gaat omlaag."
        )
        page.get_by_role("button", name="Controleer op vergelijkbare signalen").click()
        expect(page.locator("#similar-live")).to_contain_text("Kostendelersnorm raakt mantelzorgers")
        expect(page.get_by_label("Korte titel")).to_have_value("Mantelzorger verlaagt bijstand")
    finally:
        context.close()


@pytest.mark.parametrize("viewport", WIDTHS)
def test_triage_merges_from_lijkt_op_and_bulk_assigns(
    page, live_server, login_as, check_a11y, screenshot_dir, viewport
):
    """Merge a duplicate straight from 'Lijkt op' after seeing both texts; then tick rows and assign them."""
    page.set_viewport_size(viewport)
    width = viewport["width"]
    text = "Een vrouw in de bijstand kreeg van haar broer geld voor een wasmachine en moet alles terugbetalen."
    _id, original, _s = live_server.make_signal(f"Wasmachine van broer {width}", text, regulations=["BWBR0015703"])
    dup_id, duplicate, _s = live_server.make_signal(
        f"Wasmachine van broer, dubbel {width}", text, regulations=["BWBR0015703"]
    )

    login_as(page, "triage")
    clicks = Clicks(page)
    clicks.click(page.get_by_role("link", name=f"Wasmachine van broer, dubbel {width}"))
    similar = page.get_by_role("region", name="Lijkt op")
    clicks.click(similar.get_by_role("link", name=f"Samenvoegen met {original}").first)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{duplicate} samenvoegen met {original}?")
    expect(page.locator(".kp-compare")).to_contain_text("geld voor een wasmachine")
    shot(page, screenshot_dir, "merge-confirm")
    check_a11y(page, f"triage: merge confirmation with both texts ({width})")
    no_sideways_scroll(page)
    clicks.click(page.get_by_role("button", name="Ja, samenvoegen"))
    expect(page.get_by_role("region", name="Samengevoegde signalen")).to_contain_text(duplicate)
    assert live_server.signal_status(dup_id) == "merged"
    check_a11y(page, f"triage: merge target lists the merged signal ({width})")
    merge_clicks = clicks.count

    # Bulk: tick two rows of the queue and assign them to oneself.
    clicks = Clicks(page)
    clicks.click(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=re.compile("^Werkvoorraad")))
    queue = page.locator("form.kp-queue")
    boxes = queue.locator("input[name=signaal]")
    expect(boxes.first).to_be_visible()
    clicks.click(boxes.nth(0))
    clicks.click(boxes.nth(1))
    shot(page, screenshot_dir, "queue-selected")
    check_a11y(page, f"triage queue with rows selected ({width})")
    no_sideways_scroll(page)
    clicks.click(queue.get_by_role("button", name="Toewijzen", exact=True))
    expect(page.locator(".kp-flash")).to_contain_text("Gedaan voor")
    page.get_by_text("Status, behandelaar, volgorde").click()  # the rarer filters are folded
    page.get_by_label("Behandelaar").select_option("mij")
    page.get_by_role("button", name="Filteren").click()
    expect(page.locator("form.kp-queue tbody tr")).to_have_count(2)
    print(f"CLICKS {width}: merge from Lijkt op={merge_clicks}, bulk-assign two={clicks.count}")
    # back to nobody, so the other width starts from the same queue
    for box in range(2):
        page.locator("form.kp-queue input[name=signaal]").nth(box).check()
    page.get_by_label("Toewijzen aan").select_option("")
    page.locator("form.kp-queue").get_by_role("button", name="Toewijzen", exact=True).click()


@pytest.mark.parametrize("viewport", WIDTHS)
def test_coordinator_routes_from_the_queue(page, live_server, login_as, check_a11y, screenshot_dir, viewport):
    """Does the unrouted queue show age and reasons, and route a signal (with its regulation) in one click?"""
    page.set_viewport_size(viewport)
    width = viewport["width"]
    title = f"Vastgelopen {width}"
    # vague on purpose: the router leaves it for the coordinator
    signal_id, reference, status = live_server.make_signal(title, "Mensen raken in de knel en niemand weet waarom.")
    assert status == "received"
    login_as(page, "coordinator")
    clicks = Clicks(page)
    row = page.locator("tr", has=page.get_by_role("link", name=title))
    expect(row).to_contain_text("dag")
    shot(page, screenshot_dir, "coordinator-queue")
    check_a11y(page, f"coordinator: unrouted queue with suggestions ({width})")
    no_sideways_scroll(page)
    menu = page.get_by_role("navigation", name="Hoofdmenu").locator("ul")
    if width == 1366:  # the coordinator's menu fits one line
        heights = menu.evaluate("ul => [...ul.children].map(li => Math.round(li.getBoundingClientRect().top))")
        assert len(set(heights)) == 1, heights
    row.get_by_label("Ministerie").select_option("FIN")
    row.get_by_label("Regeling (optioneel)").select_option(label="Algemene wet inkomensafhankelijke regelingen")
    clicks.click(row.get_by_role("button", name=re.compile("^Doorzetten")))
    expect(page.locator(".kp-flash")).to_contain_text(f"{reference} is doorgezet naar FIN")
    assert live_server.signal_status(signal_id) == "routed"
    check_a11y(page, f"coordinator: after routing from the queue ({width})")
    print(f"CLICKS {width}: coordinator route={clicks.count}")
