"""The knelpuntenbrief reads as a Kamerbrief: letterhead, kenmerk, Dutch dates and grammar, its own period, PDF/UA."""

from __future__ import annotations

import datetime as dt
import io
import re

import pikepdf
import pytest
from PIL import Image

from config import LETTER_SETTINGS
from reports import render
from reports.charts import build_figures
from reports.letter import build_bottleneck_letter, changes_text
from reports.letterhead import CONFIG_KEYS, count_phrase, dutch_date, letterhead_from_config
from reports.palette import MINISTRY_COLOURS, RETIRED, ministry_colour
from reports.periods import parse_period
from reports.publish import publish_letter
from signals.audit import record_event
from tests.reports.factories import NOW, UTC, make_dataset, make_knelpunt

LETTERHEAD = letterhead_from_config(
    {
        "LETTER_SENDER": "Ministerie van Voorbeeldzaken",
        "LETTER_SIGNATORY_TITLE": "De staatssecretaris van Voorbeeldzaken,",
        "LETTER_SIGNATORY_NAME": "A. Voorbeeld",
        "LETTER_ADDRESSEE": "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal|Postbus 20018|2500 EA Den Haag",
        "LETTER_KENMERK_PREFIX": "VBZ",
    }
)


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "0 nieuwe knelpunten"), (1, "1 nieuw knelpunt"), (2, "2 nieuwe knelpunten"), (1234, "1.234 nieuwe knelpunten")],
)
def test_counts_follow_dutch_grammar(n, expected):
    assert count_phrase(n, "nieuw knelpunt", "nieuwe knelpunten") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2026, 11, 30), "30 november 2026"),
        (dt.datetime(2026, 3, 31, 22, 30, tzinfo=UTC), "1 april 2026"),  # Dutch time is already the next day
        ("2026-08-01", "1 augustus 2026"),
    ],
)
def test_dates_are_written_out_in_dutch(value, expected):
    assert dutch_date(value) == expected


def test_every_letter_setting_of_the_environment_reaches_the_letterhead():
    assert set(LETTER_SETTINGS) == set(CONFIG_KEYS)
    assert LETTERHEAD["addressee"] == [
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Postbus 20018",
        "2500 EA Den Haag",
    ]
    assert letterhead_from_config({})["sender"]  # a deployment without settings still has a full letterhead


def test_letter_carries_sender_addressee_date_kenmerk_subject_and_signature(db, make_signal):
    make_dataset(db, make_signal)
    make_knelpunt(db, "Giften tellen als inkomen", "SZW", dt.datetime(2026, 8, 5, tzinfo=UTC))
    letter = build_bottleneck_letter(db.session, parse_period("2026-Q3"), "SZW", now=NOW, letterhead=LETTERHEAD)
    sending = letter["sending"]
    assert sending["date"] == "1 november 2026"
    assert sending["kenmerk"] == "VBZ-2026-Q3-SZW"
    assert sending["subject"].startswith("Knelpuntenbrief derde kwartaal 2026")
    html = render.render_html(letter).decode()
    for text in (
        "Ministerie van Voorbeeldzaken",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "1 november 2026",
        "VBZ-2026-Q3-SZW",
        "Geachte voorzitter,",
        "Hoogachtend,",
        "De staatssecretaris van Voorbeeldzaken,",
        "A. Voorbeeld",
    ):
        assert text in html, text
    # one new knelpunt: singular, never "1 nieuwe knelpunten"
    assert "1 nieuw knelpunt vastgesteld" in " ".join(letter["summary"]["paragraphs"])
    assert "1 nieuw knelpunt vastgesteld" in html and "1 nieuwe knelpunten" not in html
    # no ISO dates in the letter's text (the CSV keeps them for machines)
    body = re.sub(r"<(script|style)[\s\S]*?</\1>", "", html)
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", re.sub(r"<[^>]+>", " ", body))


def test_follow_up_reports_only_what_changed_within_the_period(db, make_signal):
    """A Q3 letter, built in December, groups by the status at 30 September and never lists a November change."""
    earlier = make_knelpunt(db, "Kostendelersnorm", "SZW", dt.datetime(2026, 2, 1, tzinfo=UTC), status="addressed")
    for when, frm, to, note in (
        (dt.datetime(2026, 8, 10, tzinfo=UTC), "open", "in_study", "Onderzoek gestart"),
        (dt.datetime(2026, 11, 30, tzinfo=UTC), "in_study", "addressed", "Opgelost in november"),
    ):
        event = record_event(db.session, "knelpunt", earlier.id, "status", from_state=frm, to_state=to, note=note)
        event.created_at = when
    db.session.commit()
    letter = build_bottleneck_letter(
        db.session, parse_period("2026-Q3"), now=dt.datetime(2026, 12, 5, tzinfo=UTC), letterhead=LETTERHEAD
    )
    groups = {g["key"]: g["items"] for g in letter["follow_up"]}
    assert [k["reference"] for k in groups["in_study"]] == [earlier.reference]
    assert groups["addressed"] == []
    item = groups["in_study"][0]
    assert [c["note"] for c in item["changes"]] == ["Onderzoek gestart"]
    assert changes_text(item["changes"]).startswith("10 augustus 2026: Nog geen oplossing → In onderzoek")
    assert "november" not in render.render_html(letter).decode().split("Stand van zaken eerder gemelde knelpunten")[-1].split("Rode draden")[0]

    q4 = build_bottleneck_letter(db.session, parse_period("2026-Q4"), now=dt.datetime(2026, 12, 5, tzinfo=UTC))
    q4_groups = {g["key"]: g["items"] for g in q4["follow_up"]}
    assert [c["note"] for c in q4_groups["addressed"][0]["changes"]] == ["Opgelost in november"]


def test_published_kenmerk_carries_the_version(db, make_signal, make_user, monkeypatch):
    # static charts need a browser; the kenmerk does not
    monkeypatch.setattr(render.chart_tools, "static_images", lambda figures: {k: _png() for k in figures})
    make_dataset(db, make_signal)
    liaison = make_user("liaison", "BZK")
    first = publish_letter(db.session, liaison, parse_period("2026-Q3"), None, now=NOW, letterhead=LETTERHEAD)
    second = publish_letter(db.session, liaison, parse_period("2026-Q3"), None, now=NOW, letterhead=LETTERHEAD)
    db.session.commit()
    assert first.data["sending"]["kenmerk"] == "VBZ-2026-Q3-ALL-v1"
    assert second.data["sending"]["kenmerk"] == "VBZ-2026-Q3-ALL-v2"
    html = next(f for f in second.files if f.format == "html").content.decode()
    assert "VBZ-2026-Q3-ALL-v2" in html


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def _structure_types(pdf: pikepdf.Pdf) -> tuple[set[str], list]:
    """Every structure type in the tree, and the Figure elements."""
    types: set[str] = set()
    figures = []
    stack = [pdf.Root.StructTreeRoot]
    seen = 0
    while stack and seen < 200_000:
        node = stack.pop()
        seen += 1
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                kind = str(node.S)
                types.add(kind)
                if kind == "/Figure":
                    figures.append(node)
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                stack.extend(k for k in kids if isinstance(k, pikepdf.Dictionary))
            elif isinstance(kids, pikepdf.Dictionary):
                stack.append(kids)
    return types, figures


def test_pdf_is_tagged_pdf_ua_with_language_title_and_bookmarks(db, make_signal):
    """PDF/UA-1 as far as a machine can check: tagged structure, language, title shown, bookmarks, alt texts, fonts."""
    make_dataset(db, make_signal)
    make_knelpunt(db, "Giften tellen als inkomen", "SZW", dt.datetime(2026, 8, 5, tzinfo=UTC))
    letter = build_bottleneck_letter(db.session, parse_period("2026-Q3"), now=NOW, letterhead=LETTERHEAD)
    images = {chart_id: _png() for chart_id in build_figures(letter)}  # no browser needed for the check
    pdf = pikepdf.open(io.BytesIO(render.render_pdf(letter, images)))

    assert str(pdf.Root.Lang) == "nl"
    assert bool(pdf.Root.MarkInfo.Marked) is True
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
    assert str(pdf.docinfo.Title) == letter["title"]
    meta = pdf.open_metadata()
    assert meta.get("pdfuaid:part") == "1"
    assert meta.get("dc:title") == letter["title"]

    types, figures = _structure_types(pdf)
    assert {"/H1", "/H2", "/H3", "/P", "/Table", "/TR", "/TH", "/TD", "/Figure", "/L", "/LI"} <= types
    assert figures and all(str(f.get("/Alt", "")).startswith("Grafiek:") for f in figures)

    with pdf.open_outline() as outline:
        titles = []
        stack = list(outline.root)
        while stack:
            item = stack.pop(0)
            titles.append(item.title)
            stack.extend(item.children)
    for heading in (
        letter["title"],
        "1. Aanleiding",
        "2. Samenvatting in cijfers",
        "3. Nieuwe knelpunten",
        "4. Stand van zaken eerder gemelde knelpunten",
        "5. Rode draden",
        "Bijlage 1. Cijfers in beeld",
        "Bijlage 2. Overzicht van de signalen",
    ):
        assert heading in titles, heading

    for page in pdf.pages:
        for font in (page.Resources.get("/Font") or {}).values():
            descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor")
            assert descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_each_ministry_has_one_distinct_colour_visible_on_white():
    colours = list(MINISTRY_COLOURS.values())
    assert len(set(colours)) == len(colours)
    for colour in colours:
        assert (1.05) / (_luminance(colour) + 0.05) >= 3.0, colour
    for retired, successor in RETIRED.items():
        assert ministry_colour(retired) == ministry_colour(successor)


def test_charts_and_letter_use_the_ministry_colours(db, make_signal):
    make_dataset(db, make_signal)
    letter = build_bottleneck_letter(db.session, parse_period("2026-Q3"), now=NOW)
    per_month = build_figures(letter)["per_month"]
    assert {trace.name: trace.marker.color for trace in per_month.data} == {
        trace.name: ministry_colour(trace.name) for trace in per_month.data
    }
    css = render.letter_css()
    assert f".letter .kp-ministry--SZW {{ --kp-ministry-colour: {MINISTRY_COLOURS['SZW']}; }}" in css
