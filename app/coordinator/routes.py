"""Unrouted signals with the router's suggestions, and open work per ministry."""

from flask import render_template, request
from flask_login import current_user

from app.coordinator import bp
from app.extensions import db
from app.security import role_required
from reports.periods import parse_period, recent_periods
from signals.access import list_signals_for
from signals.deadlines import local_now_date
from signals.models import utcnow
from signals.permissions import may_coordinate
from signals.stats import open_counts_per_ministry, period_record_per_ministry


@bp.get("/")
@role_required(may_coordinate)
def unrouted():
    page = list_signals_for(
        db.session, current_user, status="received", order="oldest", page=request.args.get("page", 1, type=int)
    )
    return render_template("coordinator/unrouted.html", page=page)


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
