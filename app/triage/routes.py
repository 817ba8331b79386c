"""The triage queue: signals the user's ministry leads on, oldest first."""

from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.intake.forms import FilterForm
from app.security import role_required
from app.triage import bp
from signals.access import list_signals_for
from signals.vocabulary import STATUSES

QUEUE_STATUSES = ("routed", "in_progress", "needs_info")


@bp.get("/")
@role_required("triage")
def queue():
    filters = FilterForm(request.args)
    filters.status.choices = [("", _("Alle open statussen"))] + [(k, _(STATUSES[k])) for k in QUEUE_STATUSES + ("answered", "closed")]
    page = list_signals_for(
        db.session,
        current_user,
        status=filters.status.data or list(QUEUE_STATUSES),
        lead_ministry=current_user.organisation_code,
        query=filters.q.data or None,
        oldest_first=True,
        page=request.args.get("page", 1, type=int),
    )
    return render_template("triage/queue.html", page=page, filters=filters)
