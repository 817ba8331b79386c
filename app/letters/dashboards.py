"""Dashboards per role, with filters for period, ministry, channel, regulation and theme."""

from __future__ import annotations

import datetime as dt

from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.letters import dashboard_bp as bp
from app.letters.forms import DashboardForm
from app.letters.routes import period_choices
from app.security import role_required
from reports.aggregation import Filters
from reports.dashboard import DASHBOARD_ROLES, build_dashboard, chart_divs
from reports.periods import make_period, parse_period
from reports.publish import list_published_letters
from signals.access import list_signals_for
from signals.reference import list_channels, list_current_ministries, list_regulations
from signals.vocabulary import THEMES


def _choices(form: DashboardForm) -> None:
    everything = [("", _("Alle"))]
    form.period.choices = period_choices()
    ministries = list_current_ministries(db.session)
    if current_user.role == "triage":
        ministries = [m for m in ministries if m.code == current_user.organisation_code]
    form.ministry.choices = everything + [(m.code, f"{m.code} – {m.name}") for m in ministries]
    form.channel.choices = everything + [(c.code, f"{c.code} – {c.name}") for c in list_channels(db.session)]
    form.regulation.choices = everything + [
        (r.code, f"{r.abbreviation or r.title} – {r.code}") for r in list_regulations(db.session)
    ]
    form.theme.choices = everything + [(code, _(label)) for code, label in THEMES.items()]


@bp.get("/")
@role_required(*DASHBOARD_ROLES)
def index():
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
    dashboard = build_dashboard(db.session, current_user, period, filters)
    recent = None
    if current_user.role == "frontline":
        recent = list_signals_for(db.session, current_user, status=["answered", "closed"], per_page=10)
    letters = list_published_letters(db.session, current_user)[:10] if current_user.role in ("liaison", "coordinator", "triage") else []
    return render_template(
        "dashboards/index.html",
        form=form,
        dashboard=dashboard,
        charts=chart_divs(dashboard),
        recent=recent,
        letters=letters,
    )
