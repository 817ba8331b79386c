"""Every page in each role's menu and on its start page, checked with axe; screenshots at 1280 and 360 px."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import NARROW, WIDE, expect, overflowing_elements, path_of, sideways_overflow

pytestmark = pytest.mark.browser

ROLES = ["frontline", "triage", "coordinator", "liaison", "admin"]
#: links per page we follow at most, so a long list does not slow the suite down
MAX_LINKS = 15
#: links that answer with a file, not a page
FILE_LINK = re.compile(r"/download\b|/gepubliceerd/\d+/\w+$|\.(js|css|pdf|docx|xlsx|csv)$")


def _same_site_links(page, scope: str) -> list[str]:
    """Paths of the same-site links in ``scope`` (skip link, fragments and downloads left out)."""
    hrefs = (
        page.locator(scope)
        .locator("a[href]")
        .evaluate_all(
            """links => links
            .filter(a => a.origin === location.origin && !a.hash && !a.hasAttribute('download'))
            .map(a => a.pathname + a.search)"""
        )
    )
    return [h for h in dict.fromkeys(hrefs) if not FILE_LINK.search(h.split("?")[0])]


@pytest.mark.parametrize("role", ROLES)
def test_every_page_in_the_menu_and_on_the_start_page_passes_axe(role, page, login_as, check_a11y):
    """Is every page a role can reach from its menu and start page free of axe violations?"""
    login_as(page, role)
    check_a11y(page, f"{role}: start page")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)

    nav = page.get_by_role("navigation", name="Hoofdmenu")
    expect(nav).to_be_visible()
    nav_links = _same_site_links(page, "nav[aria-label=Hoofdmenu]")
    start_links = _same_site_links(page, "main")
    assert nav_links, f"{role} has no menu"

    # One page per route (a second "Sleutels van …" link adds nothing), at most MAX_LINKS of them.
    seen_routes = {_route(path_of(page.url))}
    candidates = [p for p in dict.fromkeys(nav_links + start_links) if _route(p) not in seen_routes]
    for path in candidates[:MAX_LINKS]:
        if _route(path) in seen_routes:
            continue
        seen_routes.add(_route(path))
        response = page.goto(path)
        assert response.status == 200, f"{role}: {path} answered {response.status}"
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        check_a11y(page, f"{role}: {path}")
        # From each menu page, also one level deeper: the first signal or item it lists.
        if path in nav_links:
            for deeper in _same_site_links(page, "main"):
                if _route(deeper) in seen_routes:
                    continue
                seen_routes.add(_route(deeper))
                response = page.goto(deeper)
                assert response.status == 200, f"{role}: {deeper} (from {path}) answered {response.status}"
                check_a11y(page, f"{role}: {deeper} (from {path})")
                break


def _route(path: str) -> str:
    """The route a path belongs to: /signalen/12 and /signalen/13 are one page to check."""
    return re.sub(r"/\d+(?=/|$)", "/<id>", path.split("?")[0])


def _main_pages(live_server) -> dict[str, list[tuple[str, str]]]:
    answered = live_server.signal_id("AOW-gat na emigratie")
    needs_info = live_server.signal_id("Toeslag terug na kleine inkomensstijging")
    routed = live_server.signal_id("Gift van familie leidt tot terugvordering")
    return {
        "frontline": [
            ("frontline-start", "/"),
            ("frontline-intake", "/signalen/nieuw"),
            ("frontline-signals", "/signalen/"),
            ("frontline-answered-signal", f"/signalen/{answered}"),
            ("frontline-needs-info-signal", f"/signalen/{needs_info}"),
            ("frontline-dashboard", "/dashboard/"),
        ],
        "triage": [("triage-queue", "/behandelen/"), ("triage-routed-signal", f"/signalen/{routed}")],
        "coordinator": [
            ("coordinator-unrouted", "/coordinatie/"),
            ("coordinator-overview", "/coordinatie/overzicht"),
            ("coordinator-signals", "/signalen/"),
            ("coordinator-knelpunten", "/knelpunten/"),
            ("coordinator-new-knelpunt", "/knelpunten/nieuw"),
        ],
        "liaison": [("liaison-start", "/"), ("liaison-dashboard", "/dashboard/"), ("liaison-letters", "/brieven/")],
        "admin": [
            ("admin-users", "/beheer/gebruikers"),
            ("admin-reference", "/beheer/referentie"),
            ("admin-deadlines", "/beheer/termijnen"),
            ("admin-mail-templates", "/beheer/e-mailteksten"),
        ],
    }


def test_main_pages_fit_at_1280_and_360_px_and_are_saved_as_screenshots(browser, live_server, login_as, screenshot_dir):
    """Does every main page fit the screen without sideways scrolling, on a desktop and on a phone?"""
    problems = []
    for viewport, width in ((WIDE, 1280), (NARROW, 360)):
        context = browser.new_context(base_url=live_server.url, viewport=viewport, locale="nl-NL")
        try:
            page = context.new_page()
            page.goto("/auth/login")
            page.screenshot(path=str(screenshot_dir / f"login-{width}.png"), full_page=True)
            if overflow := sideways_overflow(page):
                problems.append(f"login at {width}px: {overflow}px too wide")
            for role, pages in _main_pages(live_server).items():
                login_as(page, role)
                for name, path in pages:
                    page.goto(path)
                    page.screenshot(path=str(screenshot_dir / f"{name}-{width}.png"), full_page=True)
                    if overflow := sideways_overflow(page):
                        problems.append(f"{name} at {width}px: {overflow}px too wide: {overflowing_elements(page)}")
                if role == "frontline":
                    page.goto("/signalen/nieuw")
                    page.get_by_role("button", name="Signaal versturen").click()
                    page.screenshot(path=str(screenshot_dir / f"frontline-intake-errors-{width}.png"), full_page=True)
                    if overflow := sideways_overflow(page):
                        problems.append(f"intake errors at {width}px: {overflow}px too wide")
                page.get_by_role("button", name="Uitloggen").click()
                page.wait_for_url("**/auth/login")
        finally:
            context.close()
    assert not problems, "pages wider than the screen:\n" + "\n".join(problems)
