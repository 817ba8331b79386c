"""Parliament and policy screens in Chromium with axe-core: the liaison's start page, the letter inside
the app and its downloads, a regulation's dossier and a filtered dashboard. Screenshots go to
tests/browser/screenshots/ for review."""

from __future__ import annotations

import io
import re

import pytest

from tests.browser.helpers import NARROW, expect, sideways_overflow

pytestmark = pytest.mark.browser

PDF_TIMEOUT = 120_000
PARTICIPATIEWET = "BWBR0015703"


@pytest.fixture(scope="module")
def knelpunt(live_server):
    """One knelpunt about the Participatiewet, in study, with the background signal about gifts."""
    from app.extensions import db
    from signals.knelpunten import create_knelpunt, transition_knelpunt

    with live_server.app.app_context():
        coordinator = live_server.user("coordinator")
        signal_id = live_server.signal_id("Gift van familie leidt tot terugvordering")
        k = create_knelpunt(
            db.session,
            coordinator,
            title="Giften van familie tellen als inkomen",
            ministry="SZW",
            regulations=[PARTICIPATIEWET],
            signal_ids=[signal_id],
            problem="Kleine giften worden gekort op de bijstand.",
            consequences="Mensen moeten terugbetalen en krijgen schulden.",
            solution_direction="Een vrijlatingsgrens voor giften.",
        )
        transition_knelpunt(db.session, k, "in_study", coordinator)
        db.session.commit()
        return k.id


def test_liaison_start_page_shows_letters_work_per_ministry_knelpunten_and_trend(page, login_as, check_a11y, knelpunt, screenshot_dir):
    """Does the liaison land on a page with the letters, open and late per ministry by name, knelpunten and a trend?"""
    login_as(page, "liaison")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overzicht voor de Kamer")
    per_ministry = page.get_by_role("table", name=re.compile("Signalen per eerstverantwoordelijk ministerie"))
    expect(per_ministry).to_contain_text("Ministerie van Sociale Zaken en Werkgelegenheid")
    expect(page.get_by_role("table", name="Signalen per maand, laatste 12 maanden").locator("tbody tr")).to_have_count(12)
    expect(page.locator("#chart-trend svg").first).to_be_visible(timeout=60_000)  # plotly.js loads after the page
    check_a11y(page, "liaison: start page")
    page.screenshot(path=str(screenshot_dir / "liaison-start.png"), full_page=True)

    # every figure leads on: the knelpunten count in study for SZW opens the filtered list
    knelpunten = page.get_by_role("table", name="Knelpunten per verantwoordelijk ministerie en status")
    knelpunten.get_by_role("link", name=re.compile("in onderzoek, Ministerie van Sociale Zaken")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Knelpunten")
    expect(page.get_by_label("Ministerie")).to_have_value("SZW")
    expect(page.get_by_label("Status")).to_have_value("in_study")
    expect(page.get_by_role("link", name="Giften van familie tellen als inkomen")).to_be_visible()
    check_a11y(page, "liaison: knelpunten filtered from the start page")

    page.set_viewport_size(NARROW)
    page.goto("/")
    assert sideways_overflow(page) == 0


def test_letter_inside_the_app_with_a_way_back_and_accessible_pdf(page, login_as, check_a11y, knelpunt, screenshot_dir):
    """Can the liaison read the running quarter's draft inside the app, go back, and download a tagged PDF?"""
    import pikepdf

    login_as(page, "liaison")
    page.get_by_role("link", name=re.compile("^Conceptbrief .* bekijken")).click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Knelpuntenbrief")
    expect(page.get_by_text("Aan de Voorzitter van de Tweede Kamer")).to_be_visible()
    expect(page.get_by_text("Ons kenmerk")).to_be_visible()
    expect(page.get_by_text("Hoogachtend,")).to_be_visible()
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()  # inside the app's layout
    check_a11y(page, "liaison: draft letter in the app")
    page.screenshot(path=str(screenshot_dir / "letter-in-app.png"), full_page=False)

    downloads = page.get_by_role("navigation", name="Brief downloaden")
    for name in ("PDF", "Word", "Excel", "CSV"):
        expect(downloads.get_by_role("link", name=re.compile(f"^{name}"))).to_be_visible()
    with page.expect_download(timeout=PDF_TIMEOUT) as download_info:
        downloads.get_by_role("link", name=re.compile("^PDF")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        pdf = pikepdf.open(io.BytesIO(handle.read()))
    assert str(pdf.Root.Lang) == "nl" and "/StructTreeRoot" in pdf.Root
    assert pdf.open_metadata().get("pdfuaid:part") == "1"
    with page.expect_download() as xlsx_info:
        downloads.get_by_role("link", name=re.compile("^Excel")).click()
    assert xlsx_info.value.suggested_filename.endswith(".xlsx")

    downloads.get_by_role("link", name="Terug naar de knelpuntenbrieven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Knelpuntenbrieven")


def test_regulation_dossier_shows_signals_knelpunten_and_exports(page, login_as, check_a11y, knelpunt, screenshot_dir):
    """Does a policy officer get everything about the Participatiewet on one page, with a link to the law and exports?"""
    login_as(page, "coordinator")
    page.goto(f"/regelingen/{PARTICIPATIEWET}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Participatiewet (Pw)")
    expect(page.get_by_role("link", name="de tekst op wetten.overheid.nl")).to_have_attribute(
        "href", f"https://wetten.overheid.nl/{PARTICIPATIEWET}"
    )
    expect(page.get_by_role("table", name="Knelpunten over deze regeling")).to_contain_text("Giften van familie tellen als inkomen")
    signals = page.get_by_role("table", name="Signalen over deze regeling")
    expect(signals).to_contain_text("Kostendelersnorm raakt mantelzorgers")
    check_a11y(page, "coordinator: dossier of the Participatiewet")
    page.screenshot(path=str(screenshot_dir / "dossier.png"), full_page=True)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV Signalen over deze regeling").click()
    with open(download_info.value.path(), encoding="utf-8-sig") as handle:
        text = handle.read()
    assert text.startswith("Kenmerk;Datum;Titel") and "Kostendelersnorm raakt mantelzorgers" in text

    # from the list of regulations, by name
    page.get_by_role("link", name="Alle regelingen").click()
    expect(page.get_by_role("link", name="Participatiewet (Pw)")).to_be_visible()
    check_a11y(page, "coordinator: regulations")


def test_dashboard_filtered_on_a_ministry_shows_only_its_rows(page, login_as, check_a11y, screenshot_dir):
    """With SZW chosen, do the per-ministry table and chart show SZW alone, with a table of contents and exports?"""
    login_as(page, "liaison")
    page.goto("/dashboard/")
    page.get_by_label("Ministerie", exact=False).first.select_option("SZW")
    page.get_by_role("button", name="Filteren").click()
    per_ministry = page.get_by_role("table", name=re.compile("open en te laat per ministerie", re.IGNORECASE))
    expect(per_ministry.locator("tbody tr")).to_have_count(1)
    expect(per_ministry).to_contain_text("Ministerie van Sociale Zaken en Werkgelegenheid")
    toc = page.get_by_role("navigation", name="Inhoud van het dashboard")
    expect(toc.get_by_role("link")).not_to_have_count(0)
    # each title once: the chart has no title of its own, the table's caption is for screen readers
    expect(page.get_by_role("heading", name="Signalen per maand, per ministerie")).to_have_count(1)
    assert "Signalen per maand, per ministerie" not in (page.locator("#chart-per_month").text_content(timeout=60_000) or "")
    check_a11y(page, "liaison: dashboard filtered on SZW")
    page.screenshot(path=str(screenshot_dir / "dashboard-szw.png"), full_page=True)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("^CSV .*open en te laat per ministerie", re.IGNORECASE)).click()
    assert download_info.value.suggested_filename.endswith("per_ministry.csv")
