"""The letter as a Word document (python-docx): headings, tables and chart images."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from reports.letter import changes_text, fmt_int, fmt_num, regulations_text

ACCENT = RGBColor(0x00, 0x50, 0x8A)


def _cell_text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return fmt_int(value)
    if isinstance(value, float):
        return fmt_num(value)
    return str(value)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _add_table(document, table: dict, caption: str | None = None, limit: int | None = None, font_size: float = 8.5):
    document.add_paragraph(caption or table["title"], style="Caption")
    rows = table["rows"][:limit] if limit else table["rows"]
    grid = document.add_table(rows=1, cols=len(table["columns"]))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    header = grid.rows[0]
    _repeat_header(header)
    for cell, column in zip(header.cells, table["columns"], strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(column["label"])
        run.bold = True
        run.font.size = Pt(font_size)
    if not rows:
        cells = grid.add_row().cells
        cells[0].text = "Geen gegevens in deze periode."
    for row in rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            run = cell.paragraphs[0].add_run(_cell_text(value))
            run.font.size = Pt(font_size)
    document.add_paragraph()
    return grid


def _knelpunt(document, k: dict, level: int) -> None:
    document.add_heading(f"{k['reference']} – {k['title']}", level=level)
    channels = ", ".join(f"{c['name']} ({c['count']})" for c in k["channels"])
    size = f"{k['signals']} signa{'al' if k['signals'] == 1 else 'len'}"
    if k["people_affected"]:
        size += f", {fmt_int(k['people_affected'])} geraakte mensen volgens de frontlijn"
    if channels:
        size += f"; kanalen: {channels}"
    solution = k["solution_direction"] or "—"
    if k["instrument_label"]:
        solution += f" (instrument: {k['instrument_label'].lower()})"
    ministry = f"{k['ministry_name']} ({k['ministry']})"
    if k["co_ministries"]:
        ministry += "; medeverantwoordelijk: " + ", ".join(k["co_ministries"])
    status = k["status_label"] + (f" – {k['status_reason']}" if k["status_reason"] else "")
    fields = [
        ("Regeling", regulations_text(k)),
        ("Wat gaat er mis", k["problem"] or "—"),
        ("Gevolgen voor mensen", k["consequences"] or "—"),
        ("Omvang", size),
        ("Oplossingsrichting", solution),
        ("Verantwoordelijk ministerie", ministry),
        ("Status", status),
    ]
    if "changes" in k:
        fields.append(("Wat is er veranderd", changes_text(k["changes"])))
    grid = document.add_table(rows=0, cols=2)
    grid.style = "Table Grid"
    for label, text in fields:
        cells = grid.add_row().cells
        cells[0].width, cells[1].width = Cm(4.5), Cm(11.5)
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = text
    document.add_paragraph()


def build_docx(letter: dict, images: dict[str, bytes], display_table, annex_limit: int | None) -> bytes:
    """The Word document's bytes."""
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        document.styles[name].font.color.rgb = ACCENT
        document.styles[name].font.name = "Arial"
    properties = document.core_properties
    properties.title = letter["title"]
    properties.author = "Knelpunt"
    properties.language = "nl-NL"

    document.add_paragraph("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal")
    document.add_heading(letter["title"], level=0)
    document.add_paragraph(
        f"Periode: {letter['period']['span']} ({letter['period']['code']})\n"
        f"Reikwijdte: {letter['scope']['name']}\nOpgesteld: {letter['generated_at'][:10]}"
    )

    document.add_heading("1. Aanleiding", level=1)
    for paragraph in letter["aanleiding"]:
        document.add_paragraph(paragraph)

    document.add_heading("2. Samenvatting in cijfers", level=1)
    for paragraph in letter["summary"]["paragraphs"]:
        document.add_paragraph(paragraph)
    _add_table(document, letter["tables"]["summary"], font_size=9.5)
    _add_table(document, letter["tables"]["outcomes"], font_size=9.5)

    document.add_heading("3. Nieuwe knelpunten", level=1)
    if letter["new_knelpunten"]:
        document.add_paragraph(f"In deze periode zijn {len(letter['new_knelpunten'])} nieuwe knelpunten vastgesteld.")
        for k in letter["new_knelpunten"]:
            _knelpunt(document, k, 2)
    else:
        document.add_paragraph("In deze periode zijn geen nieuwe knelpunten vastgesteld.")

    document.add_heading("4. Stand van zaken eerder gemelde knelpunten", level=1)
    if any(group["items"] for group in letter["follow_up"]):
        for group in letter["follow_up"]:
            document.add_heading(f"{group['label']} ({len(group['items'])})", level=2)
            for k in group["items"]:
                _knelpunt(document, k, 3)
            if not group["items"]:
                document.add_paragraph("Geen knelpunten in deze groep.")
    else:
        document.add_paragraph(
            "Er zijn geen eerder gemelde knelpunten die nog openstaan of in deze periode zijn veranderd."
        )

    document.add_heading("5. Rode draden", level=1)
    for paragraph in letter["themes"]:
        document.add_paragraph(paragraph)
    _add_table(document, letter["tables"]["themes"], font_size=9.5)

    document.add_heading("6. Cijfers in beeld", level=1)
    for chart in letter["charts"]:
        document.add_heading(chart["title"], level=2)
        if chart["id"] in images:
            picture = document.add_picture(io.BytesIO(images[chart["id"]]), width=Cm(16.5))
            # the picture's alt text, for screen readers in Word
            picture._inline.docPr.set("descr", f"Grafiek: {chart['title']}. De cijfers staan in de tabel eronder.")
        _add_table(
            document,
            display_table(chart["table"], letter["tables"][chart["table"]]),
            "Tabel bij de grafiek: " + chart["title"],
        )

    document.add_heading("Bijlage: overzicht van de signalen", level=1)
    annex = letter["tables"]["annex"]
    document.add_paragraph(
        f"Alle {fmt_int(annex.get('count', len(annex['rows'])))} signalen in deze periode en reikwijdte. Titels zijn bij binnenkomst "
        "ontdaan van persoonsgegevens; beschrijvingen en melders staan niet in deze brief."
    )
    if annex_limit and annex.get("count", len(annex["rows"])) > min(annex_limit, len(annex["rows"])):
        document.add_paragraph(
            f"Dit document toont de eerste {fmt_int(annex_limit)} signalen. Het volledige overzicht staat in de "
            "bijbehorende CSV- en Excel-bestanden."
        )
    _add_table(document, annex, limit=annex_limit, font_size=7.5)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
