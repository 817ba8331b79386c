"""`flask --app app report bottleneck-letter --period … [--ministry …] --format … -o FILE`."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from app.extensions import db
from reports import render
from reports.aggregation import validate_ministry
from reports.letter import build_bottleneck_letter
from reports.letterhead import letterhead_from_config
from reports.periods import parse_period
from signals.errors import InvalidInput

report_cli = AppGroup("report", help="Rapportages: de knelpuntenbrief.")


@report_cli.command("bottleneck-letter")
@click.option("--period", required=True, help="2026-Q3 (kwartaal), 2026-H1 (halfjaar) of 2026 (jaar).")
@click.option(
    "--ministry", default=None, help="Code van een ministerie, bijvoorbeeld SZW; weglaten voor alle ministeries."
)
@click.option("--format", "fmt", type=click.Choice(list(render.FORMATS) + ["json"]), default="html", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True, help="Bestand om te schrijven."
)
def bottleneck_letter(period, ministry, fmt, output):
    """Write the bottleneck letter of a period (and ministry) to a file."""
    try:
        parsed = parse_period(period)
        code = validate_ministry(db.session, ministry)
    except InvalidInput as error:
        for name, messages in error.fields.items():
            for message in messages:
                click.echo(f"{name}: {message}", err=True)
        raise SystemExit(2) from error
    letter = build_bottleneck_letter(db.session, parsed, code, letterhead=letterhead_from_config(current_app.config))
    from reports.export import annex_source

    content = (
        render.canonical_json(letter)
        if fmt == "json"
        else render.render(letter, fmt, annex=annex_source(db.session, letter))
    )
    with open(output, "wb") as handle:
        handle.write(content)
    click.echo(f"{letter['title']}: {letter['tables']['annex']['count']} signalen, {fmt} geschreven naar {output}")
