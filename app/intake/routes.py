"""Report a signal, the signals one may see, a signal's detail and its workflow steps."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.filters_ui import filter_panel
from app.form_errors import add_domain_errors
from app.intake import bp
from app.intake.checks import check_args, signal_list_checks
from app.intake.forms import FeedbackForm, FilterForm, SignalForm, SplitForm, TransitionForm
from app.intake.privacy_preview import privacy_step
from app.mail import commit_and_deliver
from app.privacy_notice import flash_masked, masked_notice, removed_from, removed_from_event
from app.security import role_required
from signals import reference
from signals.access import find_signal_by_reference, get_signal_for, list_signals_for
from signals.audit import list_signal_history
from signals.deadlines import deadline_state
from signals.errors import N_, InvalidInput
from signals.followup import get_contact_for, give_feedback, split_signal
from signals.intake import SignalDraft, submit_signal
from signals.models import Signal, utcnow
from signals.permissions import (
    may_handle_signals,
    may_make_knelpunt_from,
    may_rate,
    may_rate_answers,
    may_reroute_to_any,
    may_split,
    may_submit,
    may_work_with_signals,
)
from signals.similarity import find_similar
from signals.vocabulary import OPEN_STATUSES, OUTCOMES, STATUSES, THEMES
from signals.workflow import allowed_transitions, followed_signal, transition_signal


def _signal_form() -> SignalForm:
    form = SignalForm()
    form.channel.choices = [("", _("Kies een kanaal"))] + [
        (c.code, f"{c.name} ({c.code})") for c in reference.list_channels(db.session, active_only=True)
    ]
    form.themes.choices = [(code, _(label)) for code, label in THEMES.items()]
    return form


@bp.route("/nieuw", methods=["GET", "POST"])
@role_required(may_submit)
def new():
    form = _signal_form()
    regulations = reference.list_regulations(db.session)
    if form.validate_on_submit():
        codes, unknown = [], False
        for name, typed in form.regulation_inputs():
            regulation = reference.resolve_regulation_input(db.session, typed)
            if regulation is None:
                getattr(form, name).errors.append(_("Deze regeling kennen we niet. Kies er een uit de lijst of laat het veld leeg."))
                unknown = True
            else:
                codes.append(regulation.code)
        if not unknown:
            draft = SignalDraft(
                channel=form.channel.data,
                title=form.title.data,
                description=form.description.data,
                regulations=codes,
                observed_on=form.observed_on.data,
                people_affected=form.people_affected.data,
                themes=form.themes.data or [],
                impact=form.impact.data or "",
                proposed_solution=form.proposed_solution.data or "",
                contact=form.contact.data or "",
            )
            step = privacy_step(form, draft)
            if step is not None:
                return step
            try:
                signal, _decision = submit_signal(
                    db.session, current_user, draft, threshold=current_app.config["ROUTING_THRESHOLD"]
                )
            except InvalidInput as error:
                add_domain_errors(form, error, {"regulations": "regulation_1"})
            else:
                commit_and_deliver()
                if signal.masked:
                    flash(masked_notice(signal.masked), "warning")
                flash(_("Uw signaal is ontvangen onder kenmerk %(ref)s.", ref=signal.reference), "success")
                return redirect(url_for(".detail", signal_id=signal.id))
    status = 422 if form.errors else 200
    return render_template("intake/new.html", form=form, regulations=regulations, label=reference.regulation_label), status


@bp.get("/")
@role_required(may_work_with_signals)
def index():
    filters = FilterForm(request.args)
    filters.status.choices = [("", _("Alle statussen"))] + [(k, _(v)) for k, v in STATUSES.items()]
    checks = signal_list_checks(request.args)
    backlog = checks.pop("statuses", None)
    page = list_signals_for(
        db.session,
        current_user,
        status=filters.status.data or backlog,
        query=filters.q.data or None,
        page=request.args.get("page", 1, type=int),
        **checks,
    )
    return render_template(
        "intake/index.html", page=page, filters=filters, check_args=check_args(request.args), **filter_panel("signals")
    )


NOTE_LABELS = {
    "route": N_("Toelichting"),
    "reroute": N_("Reden voor het doorzetten"),
    "accept": N_("Notitie"),
    "request_info": N_("Uw vraag aan de melder"),
    "provide_info": N_("Uw aanvulling"),
    "answer": N_("Reden"),
    "close": N_("Notitie"),
    "reopen": N_("Reden om te heropenen"),
    "merge": N_("Toelichting"),
}


def _transition_forms(signal: Signal) -> dict[str, TransitionForm]:
    """One prepared form per step the current user may take on ``signal``."""
    ministries = [(m.code, f"{m.code} – {m.name}") for m in reference.list_current_ministries(db.session)]
    forms = {}
    for to, rule in allowed_transitions(signal, current_user):
        form = TransitionForm(prefix=rule.action, to=to)
        form.ministry.choices = [("", _("Kies een ministerie"))] + ministries
        form.co_ministries.choices = ministries
        form.outcome.choices = [("", _("Kies een uitkomst"))] + [(k, _(v)) for k, v in OUTCOMES.items()]
        form.note.label.text = _(NOTE_LABELS[rule.action])
        forms[rule.action] = form
    return forms


def _render_detail(signal: Signal, forms: dict[str, TransitionForm], status: int = 200, feedback_form=None, split_form=None):
    history = list_signal_history(db.session, signal.id)
    can_rate = signal.status == "answered" and may_rate(current_user, signal)
    if can_rate:  # the rating form closes or asks to reopen; the bare steps would only confuse
        forms = {action: form for action, form in forms.items() if action not in ("close", "reopen")}
    can_split = signal.status in OPEN_STATUSES and may_split(current_user, signal)
    return (
        render_template(
            "intake/detail.html",
            signal=signal,
            followed=followed_signal(signal),
            forms=forms,
            history=history,
            deadline=deadline_state(signal, utcnow()),
            contact=get_contact_for(db.session, current_user, signal),
            similar=find_similar(db.session, current_user, signal) if signal.status != "closed" else [],
            feedback_form=(feedback_form or FeedbackForm()) if can_rate else None,
            split_form=(split_form or SplitForm()) if can_split else None,
            regulations=reference.list_regulations(db.session) if can_split else [],
            label=reference.regulation_label,
            can_make_knelpunt=may_make_knelpunt_from(current_user, signal),
        ),
        status,
    )


@bp.get("/<int:signal_id>")
@role_required(may_work_with_signals)
def detail(signal_id: int):
    signal = get_signal_for(db.session, current_user, signal_id)
    return _render_detail(signal, _transition_forms(signal))


ACTION_MESSAGES = {
    "route": N_("Het signaal is doorgezet."),
    "reroute": N_("Het signaal is doorgezet naar een ander ministerie."),
    "accept": N_("U hebt het signaal in behandeling genomen."),
    "request_info": N_("De vraag om aanvulling is verstuurd."),
    "provide_info": N_("Uw aanvulling is doorgegeven aan het ministerie."),
    "answer": N_("Het antwoord is vastgelegd en zichtbaar voor de melder."),
    "close": N_("Het signaal is afgesloten."),
    "reopen": N_("Het signaal is heropend."),
    "merge": N_("Het signaal is samengevoegd."),
}


@bp.post("/<int:signal_id>/stap/<action>")
@role_required(may_work_with_signals)
def transition(signal_id: int, action: str):
    signal = get_signal_for(db.session, current_user, signal_id)
    forms = _transition_forms(signal)
    form = forms.get(action)
    if form is None:
        flash(_("Deze stap kan niet vanuit de huidige status van het signaal."), "error")
        return redirect(url_for(".detail", signal_id=signal.id)), 303
    if form.validate_on_submit():
        target = None
        if form.target.data:
            target = find_signal_by_reference(db.session, current_user, form.target.data)
            if target is None:
                form.target.errors.append(_("Geen signaal met dit kenmerk gevonden."))
                return _render_detail(signal, forms, 422)
        try:
            event = transition_signal(
                db.session,
                signal,
                form.to.data,
                current_user,
                note=form.note.data,
                ministry=form.ministry.data or None,
                co_ministries=form.co_ministries.data or [],
                outcome=form.outcome.data or None,
                response=form.response.data,
                target=target,
            )
        except InvalidInput as error:
            db.session.rollback()
            add_domain_errors(form, error)
            return _render_detail(get_signal_for(db.session, current_user, signal_id), forms, 422)
        commit_and_deliver()
        flash_masked(removed_from_event(event))
        flash(_(ACTION_MESSAGES[action]), "success")
        if action == "reroute" and not may_reroute_to_any(current_user):  # triage handed it on: back to the queue
            return redirect(url_for("triage.queue"))
        return redirect(url_for(".detail", signal_id=signal.id))
    return _render_detail(signal, forms, 422)


@bp.post("/<int:signal_id>/beoordeling")
@role_required(may_rate_answers)
def feedback(signal_id: int):
    signal = get_signal_for(db.session, current_user, signal_id)
    form = FeedbackForm()
    if form.validate_on_submit():
        try:
            give_feedback(db.session, signal, current_user, form.useful.data == "ja", form.comment.data or "")
        except InvalidInput as error:
            db.session.rollback()
            add_domain_errors(form, error)
            signal = get_signal_for(db.session, current_user, signal_id)
            return _render_detail(signal, _transition_forms(signal), 422, feedback_form=form)
        commit_and_deliver()
        flash_masked(removed_from(signal))
        if form.useful.data == "ja":
            flash(_("Dank u. Het signaal is afgesloten."), "success")
        else:
            flash(_("Dank u. Het ministerie is gevraagd opnieuw naar het signaal te kijken."), "success")
        return redirect(url_for(".detail", signal_id=signal.id))
    return _render_detail(signal, _transition_forms(signal), 422, feedback_form=form)


@bp.post("/<int:signal_id>/splitsen")
@role_required(may_handle_signals)
def split(signal_id: int):
    signal = get_signal_for(db.session, current_user, signal_id)
    form = SplitForm()
    if form.validate_on_submit():
        codes = []
        if form.regulation.data:
            regulation = reference.resolve_regulation_input(db.session, form.regulation.data)
            if regulation is None:
                form.regulation.errors = [_("Deze regeling kennen we niet. Kies er een uit de lijst of laat het veld leeg.")]
                return _render_detail(signal, _transition_forms(signal), 422, split_form=form)
            codes = [regulation.code]
        try:
            part = split_signal(db.session, signal, current_user, form.title.data, form.description.data, codes)
        except InvalidInput as error:
            db.session.rollback()
            add_domain_errors(form, error, {"regulations": "regulation"})
            signal = get_signal_for(db.session, current_user, signal_id)
            return _render_detail(signal, _transition_forms(signal), 422, split_form=form)
        commit_and_deliver()
        flash_masked(removed_from(part))
        flash(_("Het tweede probleem is nu signaal %(ref)s.", ref=part.reference), "success")
        return redirect(url_for(".detail", signal_id=signal.id))
    return _render_detail(signal, _transition_forms(signal), 422, split_form=form)


@bp.get("/<int:signal_id>/geschiedenis")
@role_required(may_work_with_signals)
def history(signal_id: int):
    signal = get_signal_for(db.session, current_user, signal_id)
    return render_template(
        "audit.html",
        subject=signal.reference,
        title=signal.title,
        events=list_signal_history(db.session, signal.id),
        back=url_for(".detail", signal_id=signal.id),
        statuses={k: _(v) for k, v in STATUSES.items()},
    )
