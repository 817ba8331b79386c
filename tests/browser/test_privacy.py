"""Look before you send and take it back: the privacy preview, correcting and withdrawing, in Chromium with axe."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import expect

pytestmark = pytest.mark.browser

NOTE = "Mevrouw Jansen (06-12345678) uit de Dorpsstraat 12 in Utrecht kreeg geld van haar zoon Kevin en moet de bijstand terugbetalen."


def _fill(page, title: str) -> None:
    page.goto("/signalen/nieuw")
    page.get_by_label("Kanaal").select_option("GEM-BL")
    page.get_by_label("Korte titel").fill(title)
    page.get_by_label("Wat ging er mis?").fill(NOTE)


def test_inline_preview_then_correct_and_withdraw(page, login_as, check_a11y):
    """Does the form show the masked text while typing, and can the submitter correct and withdraw the signal?"""
    login_as(page, "frontline")
    _fill(page, "Gift van zoon (inline)")
    preview = page.locator("#privacy-preview")
    expect(preview).to_contain_text("[NAAM]")
    expect(preview).to_contain_text("een naam")
    assert "Jansen" not in preview.inner_text()
    check_a11y(page, "intake form with inline privacy preview")
    page.get_by_role("button", name="Signaal versturen").click()
    page.wait_for_url(re.compile(r"/signalen/\d+$"))
    assert "Jansen" not in page.locator("main").inner_text()
    expect(page.get_by_role("heading", name="Aanpassen of intrekken")).to_be_visible()
    check_a11y(page, "signal detail with correct/withdraw")

    page.get_by_role("link", name="Signaal aanpassen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signaal aanpassen")
    check_a11y(page, "correct signal")
    page.get_by_label("Korte titel").fill("Gift van zoon (aangepast)")
    page.get_by_role("button", name="Aanpassing opslaan").click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("Uw signaal is aangepast.")

    page.get_by_role("link", name="Signaal intrekken").click()
    check_a11y(page, "withdraw signal")
    page.get_by_role("button", name="Ja, signaal intrekken").click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("ingetrokken")
    expect(page.get_by_role("heading", name="Aanpassen of intrekken")).to_have_count(0)


def test_second_step_without_javascript(browser, live_server, login_as, check_a11y):
    """Without JavaScript, does the form show the masked text as a second step, stored only on Bevestigen?"""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        login_as(page, "frontline")
        _fill(page, "Gift van zoon (zonder JavaScript)")
        page.get_by_role("button", name="Signaal versturen").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Controleer uw signaal")
        body = page.locator("main").inner_text()
        assert "[NAAM]" in body and "[ADRES]" in body and "Jansen" not in body
        page.get_by_role("button", name="Aanpassen").click()
        expect(page.get_by_label("Wat ging er mis?")).to_have_value(NOTE)
        page.get_by_role("button", name="Signaal versturen").click()
        page.get_by_role("button", name="Bevestigen").click()
        page.wait_for_url(re.compile(r"/signalen/\d+$"))
        expect(page.locator(".utrecht-alert--warning")).to_contain_text("een naam")
    finally:
        context.close()
    # axe needs script: the same second step, with JavaScript on, before the inline preview has answered
    page = browser.new_context(base_url=live_server.url, locale="nl-NL").new_page()
    login_as(page, "frontline")
    page.goto("/signalen/nieuw")
    page.evaluate("document.getElementById('preview-seen').remove()")  # as if the preview never answered
    page.get_by_label("Kanaal").select_option("GEM-BL")
    page.get_by_label("Korte titel").fill("Gift van zoon (tweede stap)")
    page.get_by_label("Wat ging er mis?").fill(NOTE)
    page.get_by_role("button", name="Signaal versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Controleer uw signaal")
    check_a11y(page, "privacy confirmation step")
    page.context.close()
