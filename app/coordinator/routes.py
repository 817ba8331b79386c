"""Unrouted signals with the router's suggestions (and why), routing from the queue, and open work per ministry."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.coordinator import bp
from app.extensions import db
from app.form_errors import translate
from app.security import role_required
from reports.periods import parse_period, recent_periods
from signals import reference
from signals.access import get_signal_for, list_signals_for
from signals.deadlines import local_now_date
from signals.errors import InvalidInput
from signals.models import utcnow
from signals.permissions import may_coordinate
from signals.stats import open_counts_per_ministry, period_record_per_ministry
from signals.teamwork import age_in_days, route_from_queue, suggestions_for_many


@bp.get("/")
@role_required(may_coordinate)
def unrouted():
    page = list_signals_for(
        db.session, current_user, status="received", order="oldest", page=request.args.get("page", 1, type=int)
    )
    now = utcnow()
    suggestions = suggestions_for_many(db.session, page.items)
    rows = [(signal, found, age_in_days(signal, now)) for signal, found in zip(page.items, suggestions, strict=True)]
    return render_template(
        "coordinator/unrouted.html",
        page=page,
        rows=rows,
        ministries=reference.list_current_ministries(db.session),
        regulations=reference.list_regulations(db.session),
    )


@bp.post("/<int:signal_id>/doorzetten")
@role_required(may_coordinate)
def route(signal_id: int):
    """Route one signal from the queue: the ministry, and optionally the regulation it is about."""
    from flask_wtf import FlaskForm

    signal = get_signal_for(db.session, current_user, signal_id)
    back = url_for(".unrouted", page=request.form.get("page", type=int) or None)
    if not FlaskForm().validate_on_submit():
        flash(_("Het formulier is verlopen. Probeer het opnieuw."), "error")
        return redirect(back), 303
    ministry = (request.form.get("ministry") or "").strip() or None
    regulation = (request.form.get("regulation") or "").strip() or None
    if not ministry and not regulation:
        flash(_("%(ref)s: kies een ministerie of een regeling.", ref=signal.reference), "error")
        return redirect(back), 303
    try:
        route_from_queue(db.session, signal, current_user, ministry, regulation, note=request.form.get("note") or "")
    except InvalidInput as error:
        db.session.rollback()
        flash(signal.reference + ": " + " ".join(translate(m) for ms in error.fields.values() for m in ms), "error")
        return redirect(back), 303
    flash(
        _("%(ref)s is doorgezet naar %(ministry)s.", ref=signal.reference, ministry=signal.lead_ministry_code),
        "success",
    )
    return redirect(back), 303


@bp.get("/overzicht")
@role_required(may_coordinate)
def overview():
    """Two questions, answered apart: the backlog now, and the record of a period (default: this quarter)."""
    now = utcnow()
    periods = recent_periods(local_now_date(now))
    period = parse_period(request.args.get("periode") or periods[0].code, field="periode")
    return render_template(
        "coordinator/overview.html",
        rows=open_counts_per_ministry(db.session, now),
        record=period_record_per_ministry(db.session, period.start, period.end, now),
        period=period,
        periods=periods,
    )
