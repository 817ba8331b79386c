"""Report a signal, the signals one may see, a signal's detail and its workflow steps."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.filters_ui import filter_panel
from app.form_errors import add_domain_errors
from app.intake import bp
from app.intake.checks import check_args, signal_list_checks
from app.intake.forms import FeedbackForm, FilterForm, SignalForm, SplitForm, TransitionForm
from app.intake.panel import build_steps, whats_next
from app.intake.privacy_preview import privacy_step
from app.mail import commit_and_deliver
from app.privacy_notice import flash_masked, masked_notice, removed_from, removed_from_event
from app.security import role_required
from signals import permissions, reference
from signals.access import find_signal_by_reference, get_signal_for, list_signals_for
from signals.deadlines import deadline_state
from signals.errors import N_, InvalidInput
from signals.followup import get_contact_for, give_feedback, split_signal
from signals.intake import SignalDraft, submit_signal
from signals.models import Signal, utcnow
from signals.permissions import (
    may_handle_signals,
    may_rate_answers,
    may_reroute_to_any,
    may_submit,
    may_work_with_signals,
)
from signals.similarity import find_similar
from signals.vocabulary import OPEN_STATUSES, OUTCOMES, STATUSES, THEMES
from signals.workflow import accept_and_ask, allowed_transitions, followed_signal, transition_signal
from signals.worklist import linkable_knelpunten, merged_into, open_question, similar_to_draft


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
    if request.method == "POST" and "controleer" in request.form:
        # without JavaScript: show similar signals for what is typed so far, store nothing
        similar = similar_to_draft(db.session, current_user, form.title.data or "", form.description.data or "")
        return render_template("intake/new.html", form=form, regulations=regulations, label=reference.regulation_label, similar=similar, checked=True)
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
    frontline = permissions.is_role(current_user, permissions.FRONTLINE)
    # the frontline chooses between its own reports and the organisation's; "actie nodig" is
    # what waits for the frontline: questions to answer and answers to rate
    who = request.args.get("wie") if request.args.get("wie") in ("mij", "organisatie") else "organisatie"
    action_needed = frontline and request.args.get("actie") == "ja"
    checks = signal_list_checks(request.args)
    backlog = checks.pop("statuses", None)
    status = filters.status.data or backlog
    if action_needed:
        status = ["needs_info", "answered"]
    page = list_signals_for(
        db.session,
        current_user,
        status=status,
        query=filters.q.data or None,
        submitter_id=current_user.id if frontline and who == "mij" else None,
        page=request.args.get("page", 1, type=int),
        **checks,
    )
    return render_template(
        "intake/index.html",
        page=page,
        filters=filters,
        check_args=check_args(request.args),
        who=who if frontline else None,
        action_needed=action_needed,
        **filter_panel("signals"),
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
        form.co_ministries.choices = [(code, code) for code, _label in ministries]
        form.outcome.choices = [("", _("Kies een uitkomst"))] + [(k, _(v)) for k, v in OUTCOMES.items()]
        form.note.label.text = _(NOTE_LABELS[rule.action])
        if rule.action == "provide_info" and not permissions.is_role(current_user, permissions.FRONTLINE):
            form.note.label.text = _("Waarom gaat u verder zonder aanvulling?")
        forms[rule.action] = form
    return forms


def _visible_history(signal: Signal) -> list:
    """The signal's events; the internal ones only for those who may see internal notes."""
    from signals.teamwork import visible_signal_history

    return visible_signal_history(db.session, current_user, signal)


def _render_detail(signal: Signal, forms: dict[str, TransitionForm], status: int = 200, feedback_form=None, split_form=None):
    history = _visible_history(signal)
    # the rating form closes or asks to reopen; the bare steps would only confuse. Once the
    # frontline asked to look again, the form goes away until the ministry answers anew.
    rating_open = signal.status == "answered" and signal.reopen_requested_at is None
    can_rate = permissions.may_rate(current_user, signal) and rating_open
    if permissions.may_rate(current_user, signal):
        forms = {action: form for action, form in forms.items() if action not in ("close", "reopen")}
    can_split = signal.status in OPEN_STATUSES and permissions.may_split(current_user, signal)
    question = open_question(db.session, signal)
    similar = find_similar(db.session, current_user, signal) if signal.status not in ("closed", "merged") else []
    can_link = permissions.may_link_to_knelpunt(current_user, signal)
    return (
        render_template(
            "intake/detail.html",
            signal=signal,
            followed=followed_signal(signal),
            steps=build_steps(signal, forms, current_user),
            whats_next=whats_next(signal, current_user, question),
            question=question,
            merged=merged_into(db.session, current_user, signal),
            history=history,
            deadline=deadline_state(signal, utcnow()),
            contact=get_contact_for(db.session, current_user, signal),
            similar=similar,
            may_merge="merge" in forms,
            feedback_form=(feedback_form or FeedbackForm()) if can_rate else None,
            split_form=(split_form or SplitForm()) if can_split else None,
            regulations=reference.list_regulations(db.session) if can_split else [],
            label=reference.regulation_label,
            can_make_knelpunt=can_link,
            knelpunt_choices=linkable_knelpunten(db.session, current_user, signal) if can_link and not signal.knelpunt else None,
            is_co_ministry=permissions.is_co_ministry_of(current_user, signal),
            can_ask_on_accept="accept" in forms,  # whoever accepts may also ask (both are the lead ministry's steps)
            is_frontline=permissions.is_role(current_user, permissions.FRONTLINE),
            **_teamwork_context(signal, forms),
        ),
        status,
    )


def _teamwork_context(signal: Signal, forms: dict) -> dict:
    """Claim and assign, internal notes, standard answers and the next signal of the queue."""
    from app.triage.routes import AssignForm, NoteForm
    from signals.teamwork import list_notes, list_standard_answers, list_team, next_in_queue

    context: dict = {"assign_form": None, "notes": [], "note_form": None, "standard_answers": [], "next_signal": None}
    if permissions.may_claim(current_user, signal):
        team = list_team(db.session, current_user.organisation_code)
        form = AssignForm(formdata=None)
        form.assignee.choices = [("", _("Niemand"))] + [(str(u.id), u.name or u.email) for u in team]
        form.assignee.data = str(signal.assignee_id or "")
        context["assign_form"] = form
    if permissions.may_see_internal_notes(current_user, signal):
        context["notes"] = list_notes(db.session, signal, current_user)
        context["note_form"] = NoteForm(formdata=None)
    if "answer" in forms and permissions.may_keep_standard_answers(current_user):
        answers = list_standard_answers(db.session, current_user.organisation_code)
        context["standard_answers"] = answers
        chosen = next((a for a in answers if a.id == request.args.get("standaard", type=int)), None)
        if chosen is not None and not forms["answer"].response.data:
            forms["answer"].response.data = chosen.text
            forms["answer"].outcome.data = chosen.outcome or forms["answer"].outcome.data
            forms["answer"].standard_answer.data = str(chosen.id)
    context["next_signal"] = next_in_queue(db.session, current_user, signal)
    return context


@bp.get("/<int:signal_id>")
@role_required(may_work_with_signals)
def detail(signal_id: int):
    signal = get_signal_for(db.session, current_user, signal_id)
    return _render_detail(signal, _transition_forms(signal))


ACTION_MESSAGES = {
    "route": N_("Het signaal is doorgezet."),
    "reroute": N_("Het signaal is doorgezet naar een ander ministerie."),
    "accept": N_("U hebt het signaal in behandeling genomen."),
    "accept_and_ask": N_("U hebt het signaal in behandeling genomen. De vraag om aanvulling is verstuurd."),
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
        asking = action == "accept" and bool(request.form.get("en_vragen"))
        try:
            if asking:  # accept and ask in one step: two audit events, one unit of work
                event = accept_and_ask(db.session, signal, current_user, form.question.data, note=form.note.data)[-1]
            else:
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
        if action == "answer" and (form.standard_answer.data or "").isdigit():
            from signals.teamwork import record_standard_answer_use

            record_standard_answer_use(db.session, signal, current_user, int(form.standard_answer.data))
        flash_masked(removed_from_event(event))
        flash(_(ACTION_MESSAGES["accept_and_ask" if asking else action]), "success")
        if action == "reroute" and not may_reroute_to_any(current_user):  # triage handed it on: back to the queue
            return redirect(url_for("triage.queue"))
        if action == "merge" and target is not None:
            return redirect(url_for(".detail", signal_id=target.id))
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
        events=_visible_history(signal),
        back=url_for(".detail", signal_id=signal.id),
        statuses={k: _(v) for k, v in STATUSES.items()},
    )


@bp.get("/<int:signal_id>/samenvoegen")
@role_required(may_work_with_signals)
def merge_confirm(signal_id: int):
    """Both texts side by side before a merge; the confirmation posts the merge step."""
    signal = get_signal_for(db.session, current_user, signal_id)
    forms = _transition_forms(signal)
    form = forms.get("merge")
    if form is None:
        flash(_("Dit signaal kan nu niet worden samengevoegd."), "error")
        return redirect(url_for(".detail", signal_id=signal.id)), 303
    typed = (request.args.get("met") or request.args.get("merge-target") or "").strip()
    target = find_signal_by_reference(db.session, current_user, typed) if typed else None
    if target is None or target.id == signal.id or target.status == "merged":
        if not typed:
            message = _("Kies of typ het signaal waarmee u wilt samenvoegen.")
        elif target is None:
            message = _("Geen signaal met dit kenmerk gevonden.")
        elif target.id == signal.id:
            message = _("Een signaal kan niet met zichzelf worden samengevoegd.")
        else:
            message = _("Dat signaal is zelf al samengevoegd; kies het signaal waarin het opging.")
        form.target.data = typed
        form.target.errors = [message]
        return _render_detail(signal, forms, 422)
    form.target.data = target.reference
    return render_template(
        "intake/merge_confirm.html",
        signal=signal,
        target=target,
        form=form,
        reverse_possible=permissions.may_merge(current_user, target) and target.status in OPEN_STATUSES,
    )


@bp.route("/<int:signal_id>/knelpunt", methods=["GET", "POST"])
@role_required(may_work_with_signals)
def link_knelpunt(signal_id: int):
    """Link the signal to a knelpunt picked from a list, after a confirmation showing both texts."""
    from app.knelpunten.forms import ConfirmForm
    from signals.knelpunten import get_knelpunt_for, link_signals

    signal = get_signal_for(db.session, current_user, signal_id)
    if not permissions.may_link_to_knelpunt(current_user, signal):
        abort(403)
    knelpunt_id = request.values.get("knelpunt", type=int)
    if not knelpunt_id:
        flash(_("Kies een knelpunt."), "error")
        return redirect(url_for(".detail", signal_id=signal.id)), 303
    knelpunt = get_knelpunt_for(db.session, current_user, knelpunt_id)
    form = ConfirmForm()
    if request.method == "POST" and form.validate_on_submit():
        link_signals(db.session, knelpunt, current_user, [signal.id])
        flash(_("Signaal %(signal)s is gekoppeld aan knelpunt %(knelpunt)s.", signal=signal.reference, knelpunt=knelpunt.reference), "success")
        return redirect(url_for(".detail", signal_id=signal.id))
    return render_template("intake/link_confirm.html", signal=signal, knelpunt=knelpunt, form=form)


@bp.post("/vergelijkbaar")
@role_required(may_submit)
def similar_json():
    """Similar signals for the text being typed on the intake form (the static script asks this)."""
    title = (request.form.get("title") or "")[:200]
    description = (request.form.get("description") or "")[:10_000]
    found = similar_to_draft(db.session, current_user, title, description) if len(title + description) >= 25 else []
    return {
        "similar": [
            {
                "reference": item.signal.reference,
                "title": item.signal.title,
                "status": _(STATUSES[item.signal.status]),
                "match": _("overeenkomst %(pct)s%%", pct=round(item.score * 100)),
                "url": url_for(".detail", signal_id=item.signal.id),
            }
            for item in found
        ]
    }
