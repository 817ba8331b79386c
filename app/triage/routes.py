"""The triage queue: signals the user's ministry leads on, oldest (or most urgent) first."""

from flask import render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import BooleanField, SelectField

from app.extensions import db
from app.filters_ui import filter_panel
from app.intake.forms import FilterForm
from app.security import role_required
from app.triage import bp
from signals.access import list_signals_for
from signals.deadlines import BACKLOG_STATUSES
from signals.models import utcnow
from signals.permissions import has_ministry_queue
from signals.vocabulary import STATUSES

QUEUE_STATUSES = BACKLOG_STATUSES


class QueueFilterForm(FilterForm):
    late = BooleanField(_l("Alleen signalen over de termijn"))
    order = SelectField(_l("Volgorde"), choices=[("oldest", _l("Oudste eerst")), ("due", _l("Termijn eerst"))], default="oldest")


@bp.get("/")
@role_required(has_ministry_queue)
def queue():
    filters = QueueFilterForm(request.args)
    filters.status.choices = [("", _("Alle open statussen"))] + [(k, _(STATUSES[k])) for k in QUEUE_STATUSES + ("answered", "closed")]
    now = utcnow()
    page = list_signals_for(
        db.session,
        current_user,
        status=filters.status.data or list(QUEUE_STATUSES),
        include_reopen_requests=not filters.status.data,
        lead_ministry=current_user.organisation_code,
        query=filters.q.data or None,
        overdue_at=now if filters.late.data else None,
        order=filters.order.data if filters.order.data in ("oldest", "due") else "oldest",
        page=request.args.get("page", 1, type=int),
    )
    return render_template("triage/queue.html", page=page, filters=filters, now=now, **filter_panel("queue"))
