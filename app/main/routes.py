"""The start page per role, the health check and what every template gets."""

from __future__ import annotations

from decimal import Decimal
from numbers import Real

from flask import Flask, jsonify, redirect, render_template, url_for
from flask_babel import format_date, format_datetime, format_decimal, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import text

from app.extensions import db
from app.main import bp
from app.security import safe_next
from signals import permissions
from signals.access import list_signals_for
from signals.deadlines import PAUSED_STATUSES, deadline_state
from signals.knelpunten import KNELPUNT_STATUSES
from signals.models import utcnow
from signals.stats import status_counts
from signals.vocabulary import ACTIONS, DEADLINE_STATES, OUTCOMES, ROLES, STATUSES, THEMES

#: how many open questions and answers to rate the start page lists (the rest behind a link)
WORKLIST_SHOWN = 20

NAV = {
    permissions.FRONTLINE: [
        ("intake.new", _l("Signaal melden")),
        ("intake.index", _l("Mijn signalen")),
        ("knelpunten.index", _l("Knelpunten")),
        ("dashboards.index", _l("Dashboard")),
    ],
    permissions.TRIAGE: [
        ("triage.queue", _l("Werkvoorraad")),
        ("intake.index", _l("Alle signalen van mijn ministerie")),
        ("knelpunten.index", _l("Knelpunten")),
        ("knelpunten.proposals", _l("Mogelijke knelpunten")),
        ("dashboards.index", _l("Dashboard")),
        ("letters.index", _l("Knelpuntenbrieven")),
    ],
    permissions.COORDINATOR: [
        ("coordinator.unrouted", _l("Niet gerouteerd")),
        ("coordinator.overview", _l("Overzicht ministeries")),
        ("intake.index", _l("Alle signalen")),
        ("knelpunten.index", _l("Knelpunten")),
        ("knelpunten.proposals", _l("Mogelijke knelpunten")),
        ("dashboards.index", _l("Dashboard")),
        ("letters.index", _l("Knelpuntenbrieven")),
        ("intake.new", _l("Signaal melden")),
    ],
    permissions.LIAISON: [
        ("main.index", _l("Start")),
        ("dashboards.index", _l("Dashboard")),
        ("letters.index", _l("Knelpuntenbrieven")),
        ("knelpunten.index", _l("Knelpunten")),
    ],
    permissions.ADMIN: [
        ("admin.users", _l("Gebruikers")),
        ("admin.reference_data", _l("Referentiegegevens")),
        ("admin.deadlines", _l("Termijnen")),
        ("admin.mail_templates", _l("E-mailteksten")),
        ("admin.api_tokens", _l("API-sleutels")),
    ],
}


@bp.get("/")
def index():
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    if permissions.sees_signals_of_organisation(current_user):
        from signals.worklist import answers_to_rate, count_waiting_for, open_questions_for

        page = list_signals_for(db.session, current_user, submitter_id=current_user.id, per_page=5)
        counts = status_counts(db.session, current_user)
        return render_template(
            "main/start_frontline.html",
            page=page,
            counts=counts,
            questions=open_questions_for(db.session, current_user, limit=WORKLIST_SHOWN),
            to_rate=answers_to_rate(db.session, current_user, limit=WORKLIST_SHOWN),
            waiting=count_waiting_for(db.session, current_user),
        )
    if permissions.has_ministry_queue(current_user):
        return redirect(url_for("triage.queue"))
    if permissions.may_coordinate(current_user):
        return redirect(url_for("coordinator.unrouted"))
    if permissions.may_administer(current_user):
        return redirect(url_for("admin.users"))
    return _liaison_start()


def _liaison_start():
    """The liaison's start page: letters, open and late per ministry, knelpunten by status, the trend."""
    from reports.charts import figure_json
    from reports.overview import liaison_overview, trend_figure
    from reports.publish import list_published_letters

    overview = liaison_overview(db.session)
    letters = list_published_letters(db.session, current_user)
    trend_json = figure_json(
        trend_figure(overview["trend"], _("Signalen per maand, laatste 12 maanden"), _("Aantal signalen"))
    )
    return render_template(
        "main/start_liaison.html",
        overview=overview,
        latest_letter=letters[0] if letters else None,
        trend_json=trend_json,
        knelpunt_status_labels={k: _(v) for k, v in KNELPUNT_STATUSES.items()},
    )


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # the probe must answer, whatever the database says
        return jsonify({"status": "error", "database": "unreachable"}), 503
    return jsonify({"status": "ok", "database": "ok"})


@bp.post("/taal/<code>")
def set_language(code: str):
    """Switch the interface language: stored on the user, and in the session for anyone."""
    from flask import abort, current_app, flash, request, session
    from flask_babel import refresh

    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    session["locale"] = code
    if current_user.is_authenticated:
        current_user.locale = code
        db.session.commit()
    refresh()  # the confirmation below is already in the new language
    flash(_("Taal aangepast."), "success")
    return redirect(safe_next(request.form.get("next")))


def register_context(app: Flask) -> None:
    """Labels, navigation and date formatting for every template."""

    @app.context_processor
    def inject():
        items = NAV.get(permissions.role_of(current_user), []) if current_user.is_authenticated else []
        return {
            "nav_items": items,
            "current_locale": get_locale(),
            "status_labels": {k: _(v) for k, v in STATUSES.items()},
            "outcome_labels": {k: _(v) for k, v in OUTCOMES.items()},
            "theme_labels": {k: _(v) for k, v in THEMES.items()},
            "role_labels": {k: _(v) for k, v in ROLES.items()},
            "action_labels": {k: _(v) for k, v in ACTIONS.items()},
            "deadline_labels": {k: _(v) for k, v in DEADLINE_STATES.items()},
            "deadline_of": lambda signal: deadline_state(signal, utcnow()),
            "deadline_paused": lambda signal: signal.status in PAUSED_STATUSES,
            "deadline_filter_labels": {
                "on_time": _("op tijd"),
                "late": _("te laat (ook ruim te laat)"),
                "only_late": _("te laat, niet ruim te laat"),
                "very_late": _("ruim te laat"),
            },
        }

    # the permission questions, so templates ask ``may_split(current_user, signal)`` instead of comparing roles
    app.jinja_env.globals.update(permissions.template_questions())

    app.jinja_env.filters["date"] = lambda value: format_date(value, "medium") if value else "—"
    app.jinja_env.filters["datetime"] = lambda value: format_datetime(value, "medium") if value else "—"
    app.jinja_env.filters["number"] = format_number


def format_number(value, digits: int | None = None):
    """A count or amount in the user's locale (1.234,5 in Dutch, 1,234.5 in English), with exactly
    ``digits`` decimals if given; None is a dash, anything else is shown as it is."""
    if isinstance(value, bool) or not isinstance(value, (Real, Decimal)):
        return "—" if value is None else value
    if digits is None:
        return format_decimal(value)
    return format_decimal(value, format="#,##0" + ("." + "0" * digits if digits else ""))
