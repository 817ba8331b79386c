"""Regulation pages: the list by name and the dossier per law, with exports. Aggregates only for liaisons."""

from __future__ import annotations

from flask import Response, abort, render_template
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.regulations import bp
from app.security import role_required
from reports.charts import PALETTE, _layout, figure_json
from reports.dossier import (
    build_dossier,
    get_regulation_or_404,
    knelpunten_table,
    list_dossier_signals,
    regulation_index,
    signals_table,
)
from reports.exports import EXPORT_FORMATS, export_filename, export_table
from signals.permissions import may_see_dashboards


def translate_table(table: dict) -> dict:
    """Title and column labels (Dutch msgids) in the user's language."""
    return {**table, "title": _(table["title"]), "columns": [{**c, "label": _(c["label"])} for c in table["columns"]]}


def trend_json(table: dict) -> str:
    """The trend as a plotly bar chart (JSON for static/js/charts.js)."""
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=[r[0] for r in table["rows"]], y=[r[1] for r in table["rows"]], marker_color=PALETTE[0]))
    fig.update_layout(yaxis_title=_("Aantal signalen"), height=300)
    fig.update_xaxes(type="category")
    fig = _layout(fig, "")
    fig.update_layout(title=None, margin={"t": 20})
    return figure_json(fig)


@bp.get("/")
@role_required(may_see_dashboards)
def index():
    rows = regulation_index(db.session, current_user)
    return render_template("regulations/index.html", rows=rows)


@bp.get("/<code>")
@role_required(may_see_dashboards)
def dossier(code: str):
    regulation = get_regulation_or_404(db.session, code)
    data = build_dossier(db.session, current_user, regulation)
    tables = {key: translate_table(table) for key, table in data["tables"].items()}
    return render_template(
        "regulations/dossier.html",
        dossier=data,
        tables=tables,
        trend_json=trend_json(data["tables"]["trend"]) if data["tables"]["trend"]["rows"] else None,
    )


#: what the dossier exports: the signals (not for liaisons), the knelpunten and each table
DOSSIER_EXPORTS = ("signals", "knelpunten", "trend", "outcomes", "statuses", "themes", "samenloop", "per_ministry")


@bp.get("/<code>/export/<part>.<fmt>")
@role_required(may_see_dashboards)
def export(code: str, part: str, fmt: str):
    """One part of the dossier as CSV or XLSX; the signal list only for roles that work with signals."""
    if part not in DOSSIER_EXPORTS or fmt not in EXPORT_FORMATS:
        abort(404)
    regulation = get_regulation_or_404(db.session, code)
    if part == "signals":
        from signals.permissions import may_work_with_signals

        if not may_work_with_signals(current_user):
            abort(403)
        table = signals_table(list_dossier_signals(db.session, current_user, regulation))
    else:
        data = build_dossier(db.session, current_user, regulation)
        table = knelpunten_table(data["knelpunten"]) if part == "knelpunten" else data["tables"][part]
    table = translate_table(table)
    name = export_filename(f"dossier-{regulation.code}-{part}", fmt)
    response = Response(export_table(table, fmt, part), content_type=EXPORT_FORMATS[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@bp.app_template_filter("isodate")
def isodate(value: str | None) -> str:
    """An ISO date string (as the JSON-ready reports carry) in the user's locale."""
    import datetime as dt

    from flask_babel import format_date

    return format_date(dt.date.fromisoformat(value[:10]), "medium") if value else "—"
