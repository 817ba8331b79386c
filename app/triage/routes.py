"""The triage queue: signals the user's ministry leads on, with claim, assign, bulk steps and export."""

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.extensions import db
from app.filters_ui import filter_panel
from app.form_errors import FAILED, attempt, translate
from app.intake.forms import FilterForm
from app.security import role_required
from app.triage import bp
from reports.signal_list import signals_csv, signals_xlsx
from signals import permissions
from signals.access import get_signal_for, list_signals_for
from signals.deadlines import BACKLOG_STATUSES
from signals.errors import InvalidInput, NotFound
from signals.models import StandardAnswer, User, utcnow
from signals.permissions import has_ministry_queue, may_work_with_signals
from signals.teamwork import (
    assign_signal,
    bulk_accept,
    bulk_assign,
    delete_standard_answer,
    list_standard_answers,
    list_team,
    save_standard_answer,
    selected_signals,
)
from signals.vocabulary import OUTCOMES, STATUSES

QUEUE_STATUSES = BACKLOG_STATUSES
#: sortable columns of the queue: query value -> ordering in signals.access
SORTS = ("reference", "-reference", "title", "-title", "status", "-status", "created", "-created", "due", "-due")
WHO = ("alle", "mij", "niemand")


class QueueFilterForm(FilterForm):
    late = BooleanField(_l("Alleen signalen over de termijn"))
    order = SelectField(
        _l("Volgorde"), choices=[("oldest", _l("Oudste eerst")), ("due", _l("Termijn eerst"))], default="oldest"
    )
    wie = SelectField(
        _l("Behandelaar"),
        choices=[("alle", _l("Iedereen")), ("mij", _l("Door mij opgepakt")), ("niemand", _l("Nog niet opgepakt"))],
        default="alle",
    )


class AssignForm(FlaskForm):
    """Claim or hand a signal to a colleague."""

    assignee = SelectField(_l("Toewijzen aan"), validators=[Optional()])


class NoteForm(FlaskForm):
    text = TextAreaField(
        _l("Interne notitie"),
        validators=[DataRequired(_l("Schrijf de notitie.")), Length(max=5000)],
        render_kw={"rows": 3},
    )


class StandardAnswerForm(FlaskForm):
    title = StringField(
        _l("Naam"),
        validators=[
            DataRequired(_l("Geef het standaardantwoord een naam.")),
            Length(min=3, max=200, message=_l("Tussen 3 en 200 tekens.")),
        ],
    )
    outcome = SelectField(_l("Past bij uitkomst"), validators=[Optional()])
    text = TextAreaField(
        _l("Tekst voor de melder"),
        validators=[DataRequired(_l("Schrijf de tekst van het antwoord.")), Length(max=10_000)],
        render_kw={"rows": 6},
    )


def _queue_query(filters: QueueFilterForm) -> dict:
    """The list_signals_for arguments of the queue as filtered and sorted now."""
    sort = request.args.get("sort")
    order = sort if sort in SORTS else (filters.order.data if filters.order.data in ("oldest", "due") else "oldest")
    who = filters.wie.data if filters.wie.data in WHO else "alle"
    return {
        "status": filters.status.data or list(QUEUE_STATUSES),
        "include_reopen_requests": not filters.status.data,
        "lead_ministry": current_user.organisation_code,
        "query": filters.q.data or None,
        "overdue_at": utcnow() if filters.late.data else None,
        "assignee_id": current_user.id if who == "mij" else None,
        "unassigned": who == "niemand",
        "order": order,
    }


def _filters() -> QueueFilterForm:
    filters = QueueFilterForm(request.args)
    filters.status.choices = [("", _("Alle open statussen"))] + [
        (k, _(STATUSES[k])) for k in QUEUE_STATUSES + ("answered", "closed")
    ]
    return filters


def _filter_args(filters: QueueFilterForm) -> dict:
    """The current filters as query arguments (for sort links, paging and exports)."""
    return {
        "q": filters.q.data or None,
        "status": filters.status.data or None,
        "late": "y" if filters.late.data else None,
        "order": filters.order.data,
        "wie": filters.wie.data if filters.wie.data != "alle" else None,
        "sort": request.args.get("sort") if request.args.get("sort") in SORTS else None,
    }


def _team_choices() -> list[tuple[str, str]]:
    return [
        (str(u.id), (u.name or u.email) + (" " + _("(ikzelf)") if u.id == current_user.id else ""))
        for u in list_team(db.session, current_user.organisation_code)
    ]


@bp.get("/")
@role_required(has_ministry_queue)
def queue():
    filters = _filters()
    now = utcnow()
    page = list_signals_for(
        db.session, current_user, page=request.args.get("page", 1, type=int), **_queue_query(filters)
    )
    return render_template(
        "triage/queue.html",
        page=page,
        filters=filters,
        now=now,
        args=_filter_args(filters),
        team=_team_choices(),
        **filter_panel("queue"),
    )


@bp.get("/export.<fmt>")
@role_required(has_ministry_queue)
def export(fmt: str):
    """The filtered queue (all pages) as CSV or XLSX; texts as stored, so masked."""
    if fmt not in ("csv", "xlsx"):
        raise NotFound(_("Onbekend bestandsformaat."))
    filters = _filters()
    query = _queue_query(filters)
    signals, number = [], 1
    while True:
        page = list_signals_for(db.session, current_user, page=number, per_page=500, count_cap=None, **query)
        signals.extend(page.items)
        if not page.has_next:
            break
        number += 1
    stamp = utcnow().strftime("%Y%m%d")
    name = f"werkvoorraad-{current_user.organisation_code}-{stamp}.{fmt}"
    if fmt == "csv":
        body, mimetype = signals_csv(signals), "text/csv; charset=utf-8"
    else:
        body, mimetype = signals_xlsx(signals), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.post("/bulk")
@role_required(has_ministry_queue)
def bulk():
    """A step on the selected rows: accept, assign, merge or link them to a knelpunt."""
    form = FlaskForm()
    back = request.form.get("back") or url_for(".queue")
    if not back.startswith("/") or back.startswith("//"):
        back = url_for(".queue")
    if not form.validate_on_submit():
        flash(_("Het formulier is verlopen. Probeer het opnieuw."), "error")
        return redirect(back), 303
    ids = [int(v) for v in request.form.getlist("signaal") if v.isdigit()]
    signals = selected_signals(db.session, current_user, ids)
    step = request.form.get("stap")
    if not signals:
        flash(_("Kies eerst een of meer signalen met de vakjes in de eerste kolom."), "error")
        return redirect(back), 303
    if step == "accept":
        result = bulk_accept(db.session, current_user, signals)
    elif step == "assign":
        raw = request.form.get("assignee") or ""
        assignee = db.session.get(User, int(raw)) if raw.isdigit() else None
        if raw and assignee is None:
            flash(_("Kies een collega."), "error")
            return redirect(back), 303
        result = bulk_assign(db.session, current_user, signals, assignee)
    elif step == "merge":
        if len(signals) != 2:
            flash(_("Kies precies twee signalen om samen te voegen."), "error")
            return redirect(back), 303
        first, second = sorted(signals, key=lambda s: s.created_at)
        # the newer one goes into the older; the confirmation shows both texts and offers the other way round
        return redirect(url_for("intake.merge_confirm", signal_id=second.id, met=first.reference)), 303
    elif step == "knelpunt":
        return redirect(url_for("knelpunten.new", signalen=" ".join(s.reference for s in signals))), 303
    else:
        flash(_("Kies wat u met de gekozen signalen wilt doen."), "error")
        return redirect(back), 303
    if result.done:
        flash(_("Gedaan voor %(refs)s.", refs=", ".join(result.done)), "success")
    for reference, reason in result.skipped:
        flash(_("Niet gedaan voor %(ref)s: %(reason)s", ref=reference, reason=translate(reason)), "warning")
    return redirect(back), 303


@bp.post("/<int:signal_id>/toewijzen")
@role_required(has_ministry_queue)
def assign(signal_id: int):
    """Claim a signal ("Ik pak dit op") or give it to a colleague; back to the signal."""
    signal = get_signal_for(db.session, current_user, signal_id)
    if FlaskForm().validate_on_submit():  # the domain checks the colleague, with a message
        raw = request.form.get("assignee", "")
        assignee = db.session.get(User, int(raw)) if raw.isdigit() else None
        try:
            assign_signal(db.session, signal, current_user, assignee)
        except InvalidInput as error:
            db.session.rollback()
            flash(" ".join(translate(m) for ms in error.fields.values() for m in ms), "error")
            return redirect(url_for("intake.detail", signal_id=signal_id)), 303
        if assignee is None:
            flash(_("Het signaal is weer van het hele team."), "success")
        elif assignee.id == current_user.id:
            flash(_("U hebt het signaal opgepakt."), "success")
        else:
            flash(_("Het signaal is toegewezen aan %(name)s.", name=assignee.name or assignee.email), "success")
    return redirect(url_for("intake.detail", signal_id=signal.id)), 303


@bp.post("/<int:signal_id>/notitie")
@role_required(may_work_with_signals)
def note(signal_id: int):
    """An internal note; the frontline never sees it."""
    from signals.teamwork import add_note

    signal = get_signal_for(db.session, current_user, signal_id)
    form = NoteForm()
    if form.validate_on_submit():
        try:
            add_note(db.session, signal, current_user, form.text.data)
        except InvalidInput as error:
            db.session.rollback()
            flash(" ".join(translate(m) for ms in error.fields.values() for m in ms), "error")
        else:
            flash(_("Interne notitie opgeslagen."), "success")
    else:
        flash(_("Schrijf de notitie."), "error")
    return redirect(url_for("intake.detail", signal_id=signal.id) + "#notities"), 303


def _answer_form(answer: StandardAnswer | None = None) -> StandardAnswerForm:
    form = StandardAnswerForm(obj=answer)
    form.outcome.choices = [("", _("Geen vaste uitkomst"))] + [(k, _(v)) for k, v in OUTCOMES.items()]
    return form


@bp.route("/standaardantwoorden", methods=["GET", "POST"])
@role_required(has_ministry_queue)
def standard_answers():
    """The ministry's standard answers: list, add, change and remove."""
    if not permissions.may_keep_standard_answers(current_user):
        raise NotFound(_("Deze pagina bestaat niet."))
    editing = None
    if request.values.get("id", type=int):
        editing = db.session.get(StandardAnswer, request.values.get("id", type=int))
        if editing is None or editing.ministry_code != current_user.organisation_code:
            raise NotFound(_("Dit standaardantwoord bestaat niet."))
    if request.method == "POST" and request.form.get("verwijderen") and editing is not None:
        if FlaskForm().validate_on_submit():
            delete_standard_answer(db.session, current_user, editing)
            flash(_("Standaardantwoord verwijderd."), "success")
        return redirect(url_for(".standard_answers")), 303
    form = _answer_form(editing)
    if form.validate_on_submit():
        saved = attempt(form, lambda: save_standard_answer(
            db.session, current_user, form.title.data, form.text.data, form.outcome.data or None, editing
        ))
        if saved is not FAILED:
            flash(_("Standaardantwoord opgeslagen."), "success")
            return redirect(url_for(".standard_answers")), 303
    return (
        render_template(
            "triage/standard_answers.html",
            answers=list_standard_answers(db.session, current_user.organisation_code),
            form=form,
            editing=editing,
            delete_form=FlaskForm(),
        ),
        422 if form.errors else 200,
    )
