"""One colour per ministry, everywhere: dashboard charts, the letter's HTML and its PDF.

Colours are fixed per ministry code (not by position in a chart), so SZW has the same colour
in every chart, filter and document. Retired ministries share their successor's colour.
Each colour has at least 3:1 contrast on white (WCAG 1.4.11, graphical objects); charts never
rely on colour alone (every chart has its data table and legend labels).
"""

from __future__ import annotations

#: current ministries (cabinet of 2026-02-23) -> colour
MINISTRY_COLOURS = {
    "AZ": "#5B3F8C",
    "BZ": "#0B6E8A",
    "BZK": "#1F5FA8",
    "DEF": "#556B2F",
    "EZK": "#B35900",
    "FIN": "#8A1F5F",
    "IENW": "#00796B",
    "JENV": "#7A4E1D",
    "LVVN": "#2E7D32",
    "OCW": "#C2185B",
    "SZW": "#D1460F",
    "VWS": "#3949AB",
}
#: retired ministries take their successor's colour (DESIGN §9)
RETIRED = {"AENM": "JENV", "VRO": "BZK", "KGG": "EZK", "EZ": "EZK"}
#: anything else (no ministry yet, an unknown code)
OTHER = "#6B6B6B"


def ministry_colour(code: str | None) -> str:
    """The colour of ministry ``code`` (its successor's when retired; grey when unknown)."""
    code = (code or "").upper()
    return MINISTRY_COLOURS.get(RETIRED.get(code, code), OTHER)


def ministry_colours(codes) -> dict[str, str]:
    """Colour per code, for a chart legend or a CSS block."""
    return {code: ministry_colour(code) for code in codes}


def ministry_css(selector: str = ".kp-ministry--{code}", prop: str = "--kp-ministry-colour") -> str:
    """CSS rules that set ``prop`` per ministry class, so pages and the letter use the same colours."""
    codes = list(MINISTRY_COLOURS) + list(RETIRED)
    return "\n".join(f"{selector.format(code=code)} {{ {prop}: {ministry_colour(code)}; }}" for code in codes)
