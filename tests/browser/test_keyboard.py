"""The intake form with the keyboard alone: skip link, visible focus, error summary, typing, Space and Enter."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import assert_focus_visible, expect, focus_style

pytestmark = pytest.mark.browser

MAX_TABS = 60


def active_id(page) -> str:
    return page.evaluate("() => document.activeElement.id")


def tab_to(page, selector: str, key: str = "Tab") -> list[str]:
    """Press Tab (or Shift+Tab) until the element matching ``selector`` has focus.

    Every element that gets focus on the way must show a visible focus indicator.
    Returns the elements passed, for the failure message.
    """
    passed = []
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        if page.evaluate("() => document.activeElement === document.body"):
            continue
        passed.append(assert_focus_visible(page)["element"])
        if page.evaluate("(sel) => document.activeElement.matches(sel)", selector):
            return passed
    raise AssertionError(f"{selector} never got focus with {key}; focus went through {passed}")


def test_intake_form_works_with_the_keyboard_alone(page, login_as, check_a11y):
    """Can someone who does not use a mouse skip to the content, recover from errors and send a signal?"""
    login_as(page, "frontline")
    page.goto("/signalen/nieuw")

    # The first Tab lands on the skip link, which then shows; Enter moves focus to <main>.
    page.keyboard.press("Tab")
    skip = page.locator(".utrecht-skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Naar de inhoud")
    expect(skip).to_be_in_viewport()
    assert_focus_visible(page)
    check_a11y(page, "intake form with the skip link focused")
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
    assert page.url.endswith("#main")

    # From <main>, the next Tab is the form's first field; onward to the button, sent empty with Enter.
    page.keyboard.press("Tab")
    assert active_id(page) == "channel", focus_style(page)
    assert_focus_visible(page)
    tab_to(page, "button[type=submit]:not(.kp-user__form button)")
    expect(page.get_by_role("button", name="Signaal versturen")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    # The error summary has focus; its links lead to the fields.
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    check_a11y(page, "intake form with errors (keyboard)")
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link").first).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator("#channel")).to_be_focused()
    expect(page.locator("#channel")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("label[for=channel]")).to_be_in_viewport()

    # Fill it in: arrow keys in the select, typing in the text fields, Space on a checkbox.
    page.keyboard.press("ArrowDown")
    assert page.locator("#channel").input_value() != ""
    tab_to(page, "#title")
    page.keyboard.type("Termijn voor bezwaar te kort")
    tab_to(page, "#description")
    page.keyboard.type(
        "Een bewoner kreeg de beschikking van de huurtoeslag pas na drie weken door een verhuizing "
        "en kon daardoor niet meer op tijd bezwaar maken."
    )
    tab_to(page, "#themes-0")
    page.keyboard.press("Space")
    expect(page.locator("#themes-0")).to_be_checked()
    tab_to(page, "#impact")
    page.keyboard.type("Zij moet nu duizenden euro's terugbetalen.")

    # Shift+Tab goes back; Tab forward again to the button, Enter sends.
    page.keyboard.press("Shift+Tab")
    assert active_id(page) != "impact"
    assert_focus_visible(page)
    tab_to(page, "#impact")
    tab_to(page, "button[type=submit]:not(.kp-user__form button)")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/signalen/\d+$"))
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("Uw signaal is ontvangen onder kenmerk")
    expect(page.get_by_role("heading", level=1)).to_have_text("Termijn voor bezwaar te kort")
    check_a11y(page, "signal detail after a keyboard-only report")


def test_every_link_and_button_on_the_detail_page_shows_focus(page, live_server, login_as):
    """Does every control a triage officer tabs through on a signal show where focus is?"""
    signal_id, _reference, _status = live_server.make_signal(
        "Focus zichtbaar op de detailpagina",
        "Een cliënt in de bijstand kreeg een gift van zijn zus en moet die terugbetalen.",
        regulations=["BWBR0015703"],
    )
    login_as(page, "triage")
    page.goto(f"/signalen/{signal_id}")
    seen = set()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement === document.body"):
            break
        seen.add(assert_focus_visible(page)["element"])
        if page.evaluate("() => document.activeElement.closest('footer') !== null"):
            break
    assert any(s.startswith("button") for s in seen), f"Tab never reached a button of the workflow steps: {seen}"
