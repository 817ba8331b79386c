"""Content-Security-Policy in a real browser: our own scripts and charts run, injected scripts do not."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.browser


def _csp_errors(page) -> list[str]:
    seen: list[str] = []
    page.on("console", lambda m: m.type == "error" and "Content Security Policy" in m.text and seen.append(m.text))
    return seen


def test_dashboard_charts_draw_under_the_policy(page, login_as, check_a11y):
    login_as(page, "coordinator")
    response = page.goto("/dashboard/", timeout=60_000)
    assert "nonce-" in response.headers["content-security-policy"]
    assert "unsafe-eval" not in response.headers["content-security-policy"]
    # plotly.js (served from our origin) ran the nonced inline chart scripts: the charts have drawn SVG
    page.wait_for_selector(".js-plotly-plot .main-svg")
    assert page.locator(".js-plotly-plot").count() >= 1
    check_a11y(page, "dashboard under CSP")


def test_letter_preview_charts_draw_by_hash(page, login_as):
    login_as(page, "coordinator")
    today = dt.date.today()
    period = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
    response = page.goto(f"/brieven/voorbeeld?period={period}&ministry=ALL", timeout=60_000)
    policy = response.headers["content-security-policy"]
    assert "'sha256-" in policy and "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    page.wait_for_selector(".js-plotly-plot .main-svg")


def test_injected_inline_script_is_refused(browser, live_server, login_as):
    """What stored XSS would try: an inline script without the nonce. The browser refuses it and says so."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    try:
        errors = _csp_errors(page)
        login_as(page, "frontline")
        page.goto("/")
        page.evaluate(
            """() => { const s = document.createElement('script'); s.textContent = 'window.__pwned = true';
                       document.body.appendChild(s); }"""
        )
        page.wait_for_timeout(200)  # let the console message arrive
        assert page.evaluate("() => window.__pwned === true") is False
        assert errors, "the browser did not report the refused inline script"
        # the same page, in a frame of another site, is refused too (frame-ancestors 'none')
        assert "frame-ancestors 'none'" in page.goto("/").headers["content-security-policy"]
    finally:
        context.close()


def test_token_page_and_second_factor_enrolment_pass_axe(page, login_as, check_a11y):
    login_as(page, "admin")
    page.goto("/beheer/sleutels")
    page.get_by_label("Voor gebruiker").select_option(label="liaison@bzk.example.org (liaison, BZK)")
    page.get_by_label("Waarvoor is deze sleutel?").fill("Koppeling dashboard")
    page.get_by_role("button", name="Sleutel aanmaken").click()
    assert page.locator("#new-token").inner_text().startswith("kp_")
    check_a11y(page, "API tokens, just created one")
    page.goto("/auth/tweestapsverificatie")
    assert page.locator("img[src^='data:image/svg+xml']").count() == 1
    check_a11y(page, "second factor enrolment")
