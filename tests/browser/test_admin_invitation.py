"""The invitation flow in Chromium with axe-core: the admin invites, the new user opens the one-time link
from the e-mail, chooses a password, lands logged in; the link does not work a second time."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from tests.browser.helpers import expect, logout

pytestmark = pytest.mark.browser

PASSWORD = "mijn eigen lange wachtwoord"


def _mailed_link(live_server, email: str) -> str:
    from app.extensions import db
    from signals.models import Notification

    with live_server.app.app_context():
        mail = db.session.scalars(select(Notification).where(Notification.recipient == email).order_by(Notification.id.desc())).first()
        return re.search(r"http\S+(/auth/wachtwoord-kiezen/\S+)", mail.body).group(1)


def test_admin_invites_and_the_new_user_chooses_a_password(page, live_server, login_as, check_a11y, screenshot_dir):
    """Does an invitation reach the user as a one-time link, with no password ever shown to the admin?"""
    login_as(page, "admin")
    page.get_by_label(re.compile(r"^E-mailadres")).fill("uitgenodigd@svb.example.org")
    page.get_by_label(re.compile(r"^Naam")).fill("Uitgenodigde Collega")
    page.get_by_label(re.compile(r"^Rol")).select_option("frontline")
    organisation = page.get_by_label(re.compile(r"^Organisatie"))
    assert not {"AENM", "KGG", "VRO", "EZ"} & set(organisation.locator("option").evaluate_all("els => els.map(e => e.value)"))
    organisation.select_option("SVB")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    flash = page.locator(".utrecht-alert--ok")
    expect(flash).to_contain_text("Uitnodiging verstuurd naar uitgenodigd@svb.example.org")
    assert "wachtwoord:" not in flash.inner_text().lower()
    page.get_by_label("Zoeken op naam").fill("uitgenodigde")
    page.get_by_role("button", name="Zoeken").click()
    users = page.get_by_role("table", name="Gebruikers")
    expect(users.locator("tbody tr")).to_have_count(1)
    expect(users).to_contain_text("Uitgenodigd")
    check_a11y(page, "admin: users searched after an invitation")
    page.screenshot(path=str(screenshot_dir / "admin-users.png"), full_page=True)
    users.get_by_role("link", name=re.compile("Uitgenodigde Collega")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitgenodigde Collega")
    check_a11y(page, "admin: one user")
    logout(page)

    link = _mailed_link(live_server, "uitgenodigd@svb.example.org")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom bij Knelpunt")
    check_a11y(page, "invited user: choose a password")
    page.get_by_label("Nieuw wachtwoord").fill(PASSWORD)
    page.get_by_label("Herhaal het nieuwe wachtwoord").fill("iets anders")
    page.get_by_role("button", name="Wachtwoord instellen").click()
    expect(page.locator("#error-summary")).to_be_focused()
    check_a11y(page, "invited user: passwords differ")
    page.get_by_label("Nieuw wachtwoord").fill(PASSWORD)
    page.get_by_label("Herhaal het nieuwe wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Wachtwoord instellen").click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("Welkom bij Knelpunt")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    logout(page)

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet meer")
    check_a11y(page, "invitation link used twice")
    page.get_by_role("link", name="Naar de inlogpagina").click()
    page.get_by_label("E-mailadres").fill("uitgenodigd@svb.example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("U bent ingelogd")
