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
    clicks.click(panel.get_by_role("button", name="In behandeling nemen"))
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("in behandeling genomen")

    ask = open_step(page, clicks, "Aanvulling vragen aan de melder")
    ask.get_by_label("Uw vraag aan de melder").fill("Hoe lang duurde de opname precies?")
    clicks.click(ask.get_by_role("button", name="Aanvulling vragen aan de melder"))
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
