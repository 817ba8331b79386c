"""Helpers for the browser tests: availability, focus, overflow and log-out."""

from __future__ import annotations

import os
import re

import pytest

WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 360, "height": 780}


def unavailable(reason: str) -> None:
    """Skip, or fail when KNELPUNT_BROWSER_TESTS=required (CI must not skip the browser tests silently)."""
    if os.environ.get("KNELPUNT_BROWSER_TESTS", "").lower() == "required":
        pytest.fail(f"{reason} (KNELPUNT_BROWSER_TESTS=required)", pytrace=False)
    pytest.skip(reason)


try:
    from playwright.sync_api import expect
except ImportError:  # in requirements-dev.txt; without it the `browser` fixture skips (or fails, when required)
    expect = None


def path_of(url: str) -> str:
    """The path and query of ``url``."""
    return re.sub(r"^https?://[^/]+", "", url)


def logout(page) -> None:
    """Log out with the header button."""
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(re.compile(r"/auth/login"))


FOCUS_STYLE_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    element: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
  };
}"""


def focus_style(page) -> dict:
    """The focused element and the computed outline/box-shadow that make its focus visible."""
    return page.evaluate(FOCUS_STYLE_JS)


def assert_focus_visible(page) -> dict:
    """Fail unless the focused element shows an outline (2 px or more) or a focus box-shadow."""
    style = focus_style(page)
    visible = (style["outlineStyle"] != "none" and style["outlineWidth"] >= 2) or style["boxShadow"] not in ("", "none")
    assert visible, f"no visible focus indicator on {style['element']}: {style}"
    return style


OVERFLOWING_JS = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
    }
    return false;
  };
  return [...document.body.querySelectorAll('*')]
    .filter(el => el.getBoundingClientRect().right > width + 1 && (!clipped(el) || getComputedStyle(el).position === 'absolute'))
    .filter(el => ![...el.children].some(c => c.getBoundingClientRect().right > width + 1))
    .slice(0, 5)
    .map(el => el.outerHTML.slice(0, 160));
}"""


def overflowing_elements(page) -> list[str]:
    """The innermost elements that stick out to the right of the viewport (not inside a scroll box)."""
    return page.evaluate(OVERFLOWING_JS)


def sideways_overflow(page) -> int:
    """How many pixels the page is wider than the viewport (0 is good)."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
