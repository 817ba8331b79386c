"""The coordinator sees signals that belong together as a possible knelpunt, and makes one of them in one step."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import expect
from tests.signals.proposal_corpus import GROUPS

pytestmark = pytest.mark.browser


def test_coordinator_turns_a_proposal_into_a_knelpunt(page, live_server, login_as, check_a11y):
    """Does a group of paraphrased signals show up as a proposal, with clear errors, and become a knelpunt?"""
    rows = next(g for g in GROUPS if g["key"] == "zorgkostenaftrek")["signals"]
    references = [live_server.make_signal(title, description, regulations=regs)[1] for title, description, _c, _o, regs in rows]
    login_as(page, "coordinator")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mogelijke knelpunten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mogelijke knelpunten")
    check_a11y(page, "coordinator: possible knelpunten")
    table = page.get_by_role("table", name="Mogelijke knelpunten")
    table.get_by_role("link", name=re.compile("zorgkosten", re.I)).first.click()
    check_a11y(page, "coordinator: proposal")

    page.get_by_role("button", name="Voorstel afwijzen").click()
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#reason")).to_have_attribute("aria-invalid", "true")
    check_a11y(page, "coordinator: proposal dismissed without a reason")

    boxes = page.locator("input[name=signals]")
    expect(boxes.first).to_be_checked()
    kept = boxes.count() - 1
    boxes.last.uncheck()
    page.get_by_label("Titel van het knelpunt").fill("Aftrek zorgkosten bereikt chronisch zieken niet")
    page.get_by_role("button", name="Knelpunt maken met deze signalen").click()
    page.wait_for_url(re.compile(r"/knelpunten/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Aftrek zorgkosten bereikt chronisch zieken niet")
    linked = page.get_by_role("table", name="Gekoppelde signalen")
    expect(linked.locator("tbody tr")).to_have_count(kept)
    assert any(ref in linked.inner_text() for ref in references)
