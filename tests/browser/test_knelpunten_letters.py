"""The coordinator establishes a knelpunt from signals; the liaison reads and downloads the bottleneck letter."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import expect, logout

pytestmark = pytest.mark.browser

#: rendering a letter as PDF (weasyprint, charts as images) takes a while
PDF_TIMEOUT = 90_000


def test_coordinator_establishes_a_knelpunt_from_a_signal(page, live_server, login_as, check_a11y):
    """Can the coordinator turn a signal into a knelpunt, with clear errors, and move it on?"""
    signal_id, reference, _status = live_server.make_signal(
        "Gift van buren telt als inkomen",
        "Buren deden boodschappen voor een gezin in de bijstand; de gemeente rekent het als inkomen en vordert terug.",
        regulations=["BWBR0015703"],
    )
    login_as(page, "coordinator")
    page.goto(f"/signalen/{signal_id}")
    page.locator("#stap-knelpunt summary").click()
    page.get_by_role("link", name="Nieuw knelpunt vastleggen op basis van dit signaal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuw knelpunt")
    expect(page.get_by_label("Signalen")).to_have_value(reference)
    check_a11y(page, "coordinator: new knelpunt form")

    page.get_by_role("button", name="Opslaan").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(page.locator("#title")).to_have_attribute("aria-invalid", "true")
    expect(summary.get_by_role("link", name=re.compile("Titel"))).to_have_attribute("href", "#title")
    check_a11y(page, "coordinator: new knelpunt with errors")

    page.get_by_label("Titel").fill("Giften tellen als inkomen in de bijstand")
    page.get_by_label("Verantwoordelijk ministerie").select_option("SZW")
    page.get_by_label("Wat gaat er mis?").fill("Kleine giften van familie en buren worden als inkomen gekort.")
    page.get_by_label("Gevolgen voor mensen", exact=False).first.fill(
        "Terugvorderingen en schulden bij mensen met het minimum."
    )
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/knelpunten/\d+$"))
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("vastgelegd")
    expect(page.get_by_role("heading", level=1)).to_have_text("Giften tellen als inkomen in de bijstand")
    expect(page.get_by_role("table", name="Gekoppelde signalen")).to_contain_text(reference)
    check_a11y(page, "coordinator: knelpunt detail")
    knelpunt_url = page.url

    # Rejecting needs a reason; moving it into study does not.
    status = page.locator("section.kp-action").filter(has=page.get_by_role("heading", name="Status wijzigen"))
    status.get_by_label("Nieuwe status").select_option("rejected")
    status.get_by_role("button", name="Status opslaan").click()
    expect(page.locator("#error-summary")).to_be_focused()
    check_a11y(page, "coordinator: knelpunt status without a reason")
    status = page.locator("section.kp-action").filter(has=page.get_by_role("heading", name="Status wijzigen"))
    status.get_by_label("Nieuwe status").select_option("in_study")
    status.get_by_role("button", name="Status opslaan").click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("Status van het knelpunt aangepast")
    expect(page.get_by_text("In onderzoek", exact=True)).to_be_visible()
    check_a11y(page, "coordinator: knelpunt in study")

    page.get_by_role("link", name="Geschiedenis", exact=True).click()
    check_a11y(page, "coordinator: knelpunt history")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Knelpunten", exact=True).click()
    expect(page.get_by_role("link", name="Giften tellen als inkomen in de bijstand")).to_be_visible()
    check_a11y(page, "coordinator: knelpunten list")

    # The signal now points at its knelpunt.
    page.goto(f"/signalen/{signal_id}")
    page.get_by_role("link", name=re.compile("Giften tellen als inkomen in de bijstand")).click()
    assert page.url == knelpunt_url


def test_liaison_publishes_reads_and_downloads_the_bottleneck_letter(page, login_as, check_a11y):
    """Can a liaison choose a letter, publish it, open the published letter and download its PDF?"""
    login_as(page, "liaison")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Knelpuntenbrieven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Knelpuntenbrieven")
    check_a11y(page, "liaison: letters")

    page.get_by_label("Reikwijdte").select_option("ALL")
    page.get_by_role("button", name="Brief kiezen").click()
    expect(page.get_by_role("heading", name=re.compile("Brief over"))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^PDF"))).to_have_attribute("href", re.compile(r"format=pdf"))
    check_a11y(page, "liaison: letter chosen")

    # Publishing renders and stores every format (the PDF too), so it takes a few seconds.
    page.get_by_role("button", name="Brief publiceren").click(timeout=PDF_TIMEOUT)
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("is gepubliceerd", timeout=PDF_TIMEOUT)
    check_a11y(page, "liaison: letter published")
    page.get_by_role("table", name="Gepubliceerde brieven").get_by_role("link").first.click()
    downloads = page.get_by_role("navigation", name="Brief downloaden")
    expect(downloads).to_be_visible()
    check_a11y(page, "liaison: published letter")
    with page.expect_download() as download_info:
        downloads.get_by_role("link", name=re.compile(r"^PDF")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    logout(page)


def test_letter_web_version_passes_axe(page, login_as, check_a11y):
    """Is the web version of the bottleneck letter free of axe violations?"""
    login_as(page, "liaison")
    page.goto("/brieven/?period=&ministry=ALL")
    period = page.get_by_label("Periode").input_value()
    page.goto(f"/brieven/voorbeeld?period={period}&ministry=ALL")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_a11y(page, "letter, web version")
