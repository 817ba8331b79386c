"""Dashboards per role, with filters for period, ministry, channel, regulation and theme."""

from __future__ import annotations

import datetime as dt

from flask import Response, abort, render_template, request
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.knelpunten.filters import regulation_label
from app.letters import dashboard_bp as bp
from app.letters.forms import DashboardForm
from app.letters.routes import period_choices, period_name
from app.security import role_required
from reports.aggregation import Filters
from reports.dashboard import build_dashboard, chart_json
from reports.exports import EXPORT_FORMATS, export_filename, export_table
from reports.periods import Period, make_period, parse_period
from reports.publish import list_published_letters
from reports.render import display_table
from signals import permissions
from signals.access import list_signals_for
from signals.deadlines import ANSWERED_STATUSES
from signals.permissions import may_see_dashboards
from signals.reference import list_channels, list_current_ministries, list_regulations
from signals.vocabulary import THEMES


def _choices(form: DashboardForm) -> None:
    everything = [("", _("Alle"))]
    form.period.choices = period_choices()
    ministries = list_current_ministries(db.session)
    if permissions.is_own_ministry_only(current_user):
        ministries = [m for m in ministries if m.code == current_user.organisation_code]
    form.ministry.choices = everything + [(m.code, m.name) for m in ministries]
    form.channel.choices = everything + [(c.code, f"{c.code} – {c.name}") for c in list_channels(db.session)]
    form.regulation.choices = everything + sorted(
        ((r.code, regulation_label(r)) for r in list_regulations(db.session)), key=lambda choice: choice[1].lower()
    )
    form.theme.choices = everything + [(code, _(label)) for code, label in THEMES.items()]


def translate_table(table: dict) -> dict:
    """A report table with its title, column labels and row names (Dutch msgids, or codes) in the user's language."""
    return {
        **table,
        "title": _(table["title"]),
        "columns": [{**c, "label": _(c["label"])} for c in table["columns"]],
        # the first cell names the row: a status, outcome, theme or time bucket (msgids), or a code
        "rows": [[_(row[0]) if isinstance(row[0], str) and row[0] else row[0], *row[1:]] for row in table["rows"]],
    }


def translated_display_table(table_id: str, table: dict) -> dict:
    """reports.render.display_table (the table under a chart), translated."""
    return translate_table(display_table(table_id, table))


def translate_dashboard(dashboard: dict, period: Period) -> dict:
    """The dashboard with its labels (Dutch msgids from reports.dashboard) in the user's language."""
    return {
        **dashboard,
        "period_label": period_name(period),
        "previous_label": period_name(period.previous()),
        "figures": [
            {**f, "label": _(f["label"]), "change": format_change(f["value"], f["previous"])}
            for f in dashboard["figures"]
        ],
        "tables": {key: translate_table(t) for key, t in dashboard["tables"].items()},
        "charts": [{**c, "title": _(c["title"])} for c in dashboard["charts"]],
    }


def format_change(current: float | None, previous: float | None) -> str:
    """Change against the previous period in the user's locale, e.g. '+12 (+8,5%)' or '+12 (+8.5%)'."""
    if current is None or previous is None:
        return "—"
    diff = current - previous
    sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
    text = sign + format_decimal(abs(diff), format="#,##0" if float(diff).is_integer() else "#,##0.0")
    if previous:
        text += f" ({sign}{format_decimal(abs(100.0 * diff / previous), format='#,##0.0')}%)"
    return text


def _dashboard_for_request() -> tuple[DashboardForm, dict]:
    """The filter form (cleaned) and the translated dashboard it asks for."""
    today = dt.date.today()
    form = DashboardForm(request.args)
    _choices(form)
    if not form.period.data:
        form.period.data = make_period(today.year, "Q", (today.month - 1) // 3 + 1).code
    if request.args and not form.validate():
        # a filter outside the choices (another ministry, a typo) is dropped, never trusted
        for field in (form.ministry, form.channel, form.regulation, form.theme):
            if field.errors:
                field.data = ""
        if form.period.errors:
            form.period.data = make_period(today.year, "Q", (today.month - 1) // 3 + 1).code
    period = parse_period(form.period.data)
    filters = Filters(
        channel=form.channel.data or None,
        regulation=form.regulation.data or None,
        theme=form.theme.data or None,
        ministry=form.ministry.data or None,
    )
    dashboard = translate_dashboard(build_dashboard(db.session, current_user, period, filters), period)
    names = {code: name for code, name in form.ministry.choices if code}
    for table_id in ("per_ministry",):
        table = dashboard["tables"][table_id]
        table["rows"] = [[names.get(row[0], row[0]), *row[1:]] for row in table["rows"]]
    return form, dashboard


@bp.get("/")
@role_required(may_see_dashboards)
def index():
    form, dashboard = _dashboard_for_request()
    recent = None
    if permissions.may_rate_answers(current_user):
        recent = list_signals_for(db.session, current_user, status=list(ANSWERED_STATUSES), per_page=10)
    letters = (
        list_published_letters(db.session, current_user)[:10]
        if permissions.may_read_letters(current_user)
        else []
    )
    return render_template(
        "dashboards/index.html",
        form=form,
        dashboard=dashboard,
        charts=chart_json(dashboard, translate=_),
        export_args={k: v for k, v in request.args.items() if k in ("period", "ministry", "channel", "regulation", "theme") and v},
        recent=recent,
        letters=letters,
        display_table=translated_display_table,
    )


#: the dashboard's tables that can be exported, by id (the key figures are "figures")
EXPORTABLE = ("figures", "backlog_now", "per_ministry", "per_channel", "status", "outcomes", "per_month", "themes", "answer_time", "punctuality")


@bp.get("/export/<table_id>.<fmt>")
@role_required(may_see_dashboards)
def export(table_id: str, fmt: str):
    """One table of the dashboard, with the same filters, as CSV or XLSX."""
    if table_id not in EXPORTABLE or fmt not in EXPORT_FORMATS:
        abort(404)
    form, dashboard = _dashboard_for_request()
    if table_id == "figures":
        table = {
            "title": _("Kerncijfers"),
            "columns": [{"key": "figure", "label": _("Kengetal")}, {"key": "value", "label": dashboard["period_label"]}, {"key": "previous", "label": dashboard["previous_label"]}],
            "rows": [[f["label"], f["value"], f["previous"]] for f in dashboard["figures"]],
        }
    else:
        table = translated_display_table(table_id, dashboard["tables"][table_id]) if table_id == "per_month" else dashboard["tables"][table_id]
    name = export_filename(f"dashboard-{dashboard['period']}-{table_id}", fmt)
    response = Response(export_table(table, fmt, table_id), content_type=EXPORT_FORMATS[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
