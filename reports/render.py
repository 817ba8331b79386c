"""Renderers of the letter's data: HTML (interactive), PDF (WeasyPrint), DOCX, CSV and XLSX.

Each takes the dict of ``reports.letter.build_bottleneck_letter`` and returns bytes.
CSV layout (one file, long format): columns ``tabel,rij,kolom,waarde`` — the table id
(``brief`` for the letter's metadata, then ``summary``, ``per_month``, …, ``annex``),
the 1-based row number, the column's Dutch label and the value. Pivot on ``tabel`` to
get each table back.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
from pathlib import Path

import jinja2

from reports import charts as chart_tools
from reports.letter import changes_text, fmt_int, fmt_num, regulations_text
from reports.letterhead import count_phrase, short_dutch_date
from reports.palette import ministry_css
from signals.errors import N_

FORMATS = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXTENSIONS = {fmt: fmt for fmt in FORMATS}
#: PDF and DOCX list at most this many annex rows; the full list is in the CSV/XLSX (and HTML)
ANNEX_PRINT_LIMIT = 1000

TEMPLATES = Path(__file__).resolve().parent / "templates"
_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True
)
_env.filters["int"] = fmt_int
_env.filters["num"] = fmt_num
_env.filters["short_date"] = short_dutch_date
_env.globals.update(
    regulations_text=regulations_text,
    changes_text=changes_text,
    count_phrase=count_phrase,
    ministry_css=ministry_css(".letter .kp-ministry--{code}"),
)
#: the PDF is tagged PDF/UA-1 (ISO 14289-1): structure tree, language, title shown, bookmarks from headings
PDF_VARIANT = "pdf/ua-1"



def plotly_js_path() -> Path:
    """The plotly.js bundled with the installed plotly package (the pinned version)."""
    import plotly

    return Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def plotly_js_version() -> str:
    """Version of the bundled plotly.js."""
    from plotly.offline import get_plotlyjs_version

    return get_plotlyjs_version()


def display_table(table_id: str, table: dict) -> dict:
    """A table as shown under its chart: signals per month is pivoted to months × ministries."""
    if table_id != "per_month" or not table["rows"]:
        return table
    months = sorted({r[0] for r in table["rows"]})
    ministries = sorted({r[1] for r in table["rows"]})
    counts = {(r[0], r[1]): r[2] for r in table["rows"]}
    return {
        "title": table["title"],
        "columns": [{"key": "month", "label": N_("Maand")}]
        + [{"key": m, "label": m} for m in ministries]
        + [{"key": "total", "label": N_("Totaal")}],
        "rows": [
            [m] + [counts.get((m, x), 0) for x in ministries] + [sum(counts.get((m, x), 0) for x in ministries)]
            for m in months
        ],
    }


def render_html(letter: dict, plotly_js_url: str | None = None) -> bytes:
    """The interactive page; plotly.js inlined (self-contained file) unless ``plotly_js_url`` is given."""
    figures = chart_tools.build_figures(letter)
    chart_html = {
        chart_id: fig.to_html(
            full_html=False,
            include_plotlyjs=False,
            div_id=f"chart-{chart_id}",
            config={"displaylogo": False, "responsive": True, "locale": "nl"},
        )
        for chart_id, fig in figures.items()
    }
    plotly_js = None if plotly_js_url else plotly_js_path().read_text(encoding="utf-8")
    html = _env.get_template("letter.html").render(
        letter=letter,
        mode="interactive",
        chart_html=chart_html,
        plotly_js=plotly_js,
        plotly_js_url=plotly_js_url,
        plotly_version=plotly_js_version(),
        display_table=display_table,
        annex_limit=None,
    )
    return html.encode("utf-8")


def render_print_html(letter: dict, images: dict[str, bytes]) -> str:
    """The print version of the page (static charts as data URIs), for WeasyPrint."""
    image_uris = {k: "data:image/png;base64," + base64.b64encode(v).decode("ascii") for k, v in images.items()}
    return _env.get_template("letter.html").render(
        letter=letter,
        mode="print",
        images=image_uris,
        display_table=display_table,
        annex_limit=ANNEX_PRINT_LIMIT,
    )


def render_pdf(letter: dict, images: dict[str, bytes] | None = None) -> bytes:
    """PDF through WeasyPrint, with static charts."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.WARNING)  # its progress log is one line per page
    images = images if images is not None else chart_tools.static_images(chart_tools.build_figures(letter))
    return HTML(string=render_print_html(letter, images), base_url=str(TEMPLATES)).write_pdf(
        pdf_variant=PDF_VARIANT, custom_metadata=True
    )


def letter_css() -> str:
    """The letter's stylesheet with the ministry colours, for the page inside the app (a static file there)."""
    parts = [(TEMPLATES / name).read_text(encoding="utf-8") for name in ("letter.css", "letter-screen.css")]
    return "\n".join([*parts, ministry_css(".letter .kp-ministry--{code}")]) + "\n"


def render_app_html(letter: dict, translate=None) -> str:
    """The letter's content for a page inside the app: no <html>, charts as JSON for a static script (CSP-safe)."""
    figures = chart_tools.build_figures(letter)
    chart_json = {chart_id: chart_tools.figure_json(fig) for chart_id, fig in figures.items()}
    return _env.get_template("letter_body.html").render(
        letter=letter,
        mode="app",
        chart_json=chart_json,
        display_table=display_table,
        annex_limit=None,
    )


def render_docx(letter: dict, images: dict[str, bytes] | None = None) -> bytes:
    """A Word document with headings, tables and chart images."""
    from reports.render_docx import build_docx

    images = images if images is not None else chart_tools.static_images(chart_tools.build_figures(letter))
    return build_docx(letter, images, display_table, ANNEX_PRINT_LIMIT)


def render_csv(letter: dict, annex=None) -> bytes:
    """All tables in one long-format CSV: tabel,rij,kolom,waarde (see the module docstring).

    ``annex``: a callable giving the full annex rows (reports.export.annex_source); without it the
    letter's own extract is written. To stream a large annex to a file, use reports.export.
    """
    from reports.export import write_csv

    buffer = io.BytesIO()
    write_csv(letter, buffer, annex)
    return buffer.getvalue()


def render_xlsx(letter: dict, annex=None) -> bytes:
    """One sheet with the letter's metadata, then one sheet per table (openpyxl, write-only)."""
    from reports.export import write_xlsx

    buffer = io.BytesIO()
    write_xlsx(letter, buffer, annex)
    return buffer.getvalue()


def render(
    letter: dict, fmt: str, images: dict[str, bytes] | None = None, plotly_js_url: str | None = None, annex=None
) -> bytes:
    """One format of the letter; ``annex`` (reports.export.annex_source) puts the whole annex in CSV and XLSX."""
    if fmt == "html":
        return render_html(letter, plotly_js_url=plotly_js_url)
    if fmt == "pdf":
        return render_pdf(letter, images)
    if fmt == "docx":
        return render_docx(letter, images)
    if fmt == "csv":
        return render_csv(letter, annex)
    if fmt == "xlsx":
        return render_xlsx(letter, annex)
    raise ValueError(f"unknown format {fmt!r}")


def render_all(letter: dict, formats: tuple[str, ...] = tuple(FORMATS), annex=None) -> dict[str, bytes]:
    """Several formats; static charts are drawn once, in one Kaleido session, for PDF and DOCX together."""
    images = None
    if {"pdf", "docx"} & set(formats):
        images = chart_tools.static_images(chart_tools.build_figures(letter))
    return {fmt: render(letter, fmt, images, annex=annex) for fmt in formats}


def canonical_json(data: dict) -> bytes:
    """The letter's data as stable JSON bytes (sorted keys, UTF-8)."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def checksum(data: dict, files: dict[str, bytes]) -> str:
    """SHA-256 over the data and every rendered file, in format order."""
    digest = hashlib.sha256(canonical_json(data))
    for fmt in sorted(files):
        digest.update(fmt.encode("ascii"))
        digest.update(hashlib.sha256(files[fmt]).digest())
    return digest.hexdigest()
