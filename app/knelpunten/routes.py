"""Knelpunt pages. Load (scoped), check, act through signals.knelpunten, respond."""

from __future__ import annotations

import re

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.form_errors import add_domain_errors
from app.knelpunten import bp
from app.knelpunten.filters import filter_form, filters_from
from app.knelpunten.forms import ConfirmForm, KnelpuntForm, KnelpuntStatusForm, LinkForm
from app.mail import commit_and_deliver
from app.privacy_notice import flash_masked, removed_from
from app.security import role_required
from signals import reference
from signals.access import find_signal_by_reference
from signals.errors import InvalidInput, TransitionNotAllowed
from signals.knelpunt_search import search_knelpunten_page
from signals.knelpunten import (
    INSTRUMENTS,
    KNELPUNT_STATUSES,
    allowed_knelpunt_transitions,
    create_knelpunt,
    get_knelpunt_for,
    knelpunt_counts,
    knelpunt_history,
    link_signals,
    set_knelpunt_regulations,
    suggest_regulations,
    transition_knelpunt,
    unlink_signal,
    update_knelpunt,
    visible_linked_signals,
)
from signals.permissions import is_own_ministry_only, may_edit_knelpunt, may_manage_knelpunten, may_see_knelpunten


def _signal_ids(text: str, form_field) -> list[int] | None:
    """Signal ids from typed references (SIG-2026-000042 or 42), or None after noting errors."""
    ids, unknown = [], []
    for token in filter(None, re.split(r"[\s,;]+", text or "")):
        signal = find_signal_by_reference(db.session, current_user, token)
        if signal is None:
            unknown.append(token)
        elif signal.id not in ids:
            ids.append(signal.id)
    if unknown:
        form_field.errors = list(form_field.errors) + [
            _("Deze signalen kennen we niet of u hebt er geen toegang toe: %(refs)s", refs=", ".join(unknown[:10]))
        ]
        return None
    return ids


def _regulation_codes(text: str) -> list[str]:
    """Regulation codes or BWB ids as typed, separated by spaces, commas or semicolons."""
    return [token for token in re.split(r"[\s,;]+", text or "") if token]


def _regulation_suggestions(signals) -> list[dict]:
    """The signals' regulations ranked by evidence, for the form's hint."""
    return [
        {"code": regulation.code, "title": regulation.title, "lead": lead, "total": total}
        for regulation, lead, total in suggest_regulations(signals)
    ][:8]


def _knelpunt_form(obj=None) -> KnelpuntForm:
    form = KnelpuntForm(obj=obj)
    ministries = [(m.code, f"{m.code} – {m.name}") for m in reference.list_current_ministries(db.session)]
    if is_own_ministry_only(current_user):
        form.ministry.choices = [c for c in ministries if c[0] == current_user.organisation_code]
    else:
        form.ministry.choices = [("", _("Kies een ministerie"))] + ministries
    form.co_ministries.choices = ministries
    form.instrument.choices = [("", _("Nog niet bekend"))] + [(k, _(v)) for k, v in INSTRUMENTS.items()]
    return form


@bp.get("/")
@role_required(may_see_knelpunten)
def index():
    form = filter_form(db.session, request.args)
    page = search_knelpunten_page(
        db.session, current_user, filters_from(form), page=request.args.get("page", 1, type=int)
    )
    items = page.items
    counts = knelpunt_counts(db.session, [k.id for k in items])
    filtered = any(request.args.get(name) for name in ("q", "ministry", "status", "regulation", "period"))
    return render_template(
        "knelpunten/index.html",
        page=page,
        page_args={name: request.args.get(name) or None for name in ("q", "ministry", "status", "regulation", "period", "sort")},
        items=items,
        counts=counts,
        status=form.status.data,
        statuses=KNELPUNT_STATUSES,
        form=form,
        filtered=filtered,
        ministry_names=dict(form.ministry.choices),
    )


@bp.route("/nieuw", methods=["GET", "POST"])
@role_required(may_manage_knelpunten)
def new():
    form = _knelpunt_form()
    if request.method == "GET" and request.args.get("signalen"):
        form.signals.data = request.args["signalen"]
    status = 200
    suggestions = []
    if form.signals.data:
        typed = []
        for token in filter(None, re.split(r"[\s,;]+", form.signals.data)):
            signal = find_signal_by_reference(db.session, current_user, token)
            if signal is not None and signal not in typed:
                typed.append(signal)
        suggestions = _regulation_suggestions(typed)
    if form.validate_on_submit():
        ids = _signal_ids(form.signals.data, form.signals)
        if ids is not None:
            try:
                knelpunt = create_knelpunt(
                    db.session,
                    current_user,
                    form.title.data,
                    form.ministry.data,
                    ids,
                    problem=form.problem.data,
                    consequences=form.consequences.data,
                    solution_direction=form.solution_direction.data,
                    instrument=form.instrument.data or None,
                    co_ministries=form.co_ministries.data or [],
                    regulations=_regulation_codes(form.regulations.data),
                )
            except InvalidInput as error:
                db.session.rollback()
                add_domain_errors(form, error, {"signal_ids": "signals"})
            else:
                removed = removed_from(knelpunt)
                commit_and_deliver()
                flash_masked(removed)
                flash(_("Knelpunt %(ref)s vastgelegd.", ref=knelpunt.reference), "success")
                return redirect(url_for(".detail", knelpunt_id=knelpunt.id))
    if form.errors:
        status = 422
    return render_template("knelpunten/form.html", form=form, knelpunt=None, suggestions=suggestions), status


def _render_detail(knelpunt, status_form=None, link_form=None, code=200):
    allowed = allowed_knelpunt_transitions(knelpunt, current_user)
    if status_form is None:
        status_form = KnelpuntStatusForm()
    status_form.to.choices = [("", _("Kies een status"))] + [(to, _(KNELPUNT_STATUSES[to])) for to in allowed]
    return (
        render_template(
            "knelpunten/detail.html",
            knelpunt=knelpunt,
            counts=knelpunt_counts(db.session, [knelpunt.id])[knelpunt.id],
            signals=visible_linked_signals(db.session, current_user, knelpunt),
            can_edit=bool(allowed) or (may_manage_knelpunten(current_user) and may_edit_knelpunt(current_user, knelpunt.ministry_code)),
            status_form=status_form if allowed else None,
            link_form=link_form or LinkForm(),
            confirm_form=ConfirmForm(),
            statuses=KNELPUNT_STATUSES,
            instruments=INSTRUMENTS,
        ),
        code,
    )


@bp.get("/<int:knelpunt_id>")
@role_required(may_see_knelpunten)
def detail(knelpunt_id: int):
    return _render_detail(get_knelpunt_for(db.session, current_user, knelpunt_id))


@bp.route("/<int:knelpunt_id>/bewerken", methods=["GET", "POST"])
@role_required(may_manage_knelpunten)
def edit(knelpunt_id: int):
    knelpunt = get_knelpunt_for(db.session, current_user, knelpunt_id)
    form = _knelpunt_form(obj=knelpunt)
    del form.signals, form.ministry, form.co_ministries
    if request.method == "GET":
        form.regulations.data = " ".join(r.code for r in knelpunt.regulations)
    suggestions = _regulation_suggestions(visible_linked_signals(db.session, current_user, knelpunt))
    if form.validate_on_submit():
        try:
            update_knelpunt(
                db.session,
                knelpunt,
                current_user,
                title=form.title.data,
                problem=form.problem.data,
                consequences=form.consequences.data,
                solution_direction=form.solution_direction.data,
                instrument=form.instrument.data or None,
            )
            set_knelpunt_regulations(db.session, knelpunt, current_user, _regulation_codes(form.regulations.data))
        except InvalidInput as error:
            db.session.rollback()
            add_domain_errors(form, error)
        else:
            removed = removed_from(knelpunt)
            commit_and_deliver()
            flash_masked(removed)
            flash(_("Knelpunt bijgewerkt."), "success")
            return redirect(url_for(".detail", knelpunt_id=knelpunt.id))
    return render_template("knelpunten/form.html", form=form, knelpunt=knelpunt, suggestions=suggestions), 422 if form.errors else 200


@bp.post("/<int:knelpunt_id>/status")
@role_required(may_manage_knelpunten)
def change_status(knelpunt_id: int):
    knelpunt = get_knelpunt_for(db.session, current_user, knelpunt_id)
    form = KnelpuntStatusForm()
    form.to.choices = [(to, to) for to in allowed_knelpunt_transitions(knelpunt, current_user)]
    if form.validate_on_submit():
        try:
            transition_knelpunt(db.session, knelpunt, form.to.data, current_user, note=form.note.data)
        except InvalidInput as error:
            db.session.rollback()
            add_domain_errors(form, error)
            return _render_detail(get_knelpunt_for(db.session, current_user, knelpunt_id), status_form=form, code=422)
        removed = removed_from(knelpunt)
        commit_and_deliver()
        flash_masked(removed)
        flash(_("Status van het knelpunt aangepast."), "success")
        return redirect(url_for(".detail", knelpunt_id=knelpunt.id))
    return _render_detail(knelpunt, status_form=form, code=422)


@bp.post("/<int:knelpunt_id>/koppelen")
@role_required(may_manage_knelpunten)
def link(knelpunt_id: int):
    knelpunt = get_knelpunt_for(db.session, current_user, knelpunt_id)
    form = LinkForm()
    if form.validate_on_submit():
        ids = _signal_ids(form.signals.data, form.signals)
        if ids is not None:
            try:
                link_signals(db.session, knelpunt, current_user, ids)
            except InvalidInput as error:
                db.session.rollback()
                add_domain_errors(form, error, {"signal_ids": "signals"})
            else:
                commit_and_deliver()
                flash(_("Signalen gekoppeld."), "success")
                return redirect(url_for(".detail", knelpunt_id=knelpunt.id))
    return _render_detail(knelpunt, link_form=form, code=422)


@bp.route("/<int:knelpunt_id>/ontkoppelen/<int:signal_id>", methods=["GET", "POST"])
@role_required(may_manage_knelpunten)
def unlink(knelpunt_id: int, signal_id: int):
    knelpunt = get_knelpunt_for(db.session, current_user, knelpunt_id)
    form = ConfirmForm()
    if request.method == "GET":
        signal = next((s for s in visible_linked_signals(db.session, current_user, knelpunt) if s.id == signal_id), None)
        if signal is None:
            return redirect(url_for(".detail", knelpunt_id=knelpunt.id))
        return render_template(
            "confirm.html",
            form=form,
            title=_("Signaal loskoppelen?"),
            question=_("Wilt u signaal %(signal)s loskoppelen van knelpunt %(knelpunt)s? Het signaal blijft bestaan.", signal=signal.reference, knelpunt=knelpunt.reference),
            confirm_label=_("Ja, loskoppelen"),
            cancel_url=url_for(".detail", knelpunt_id=knelpunt.id),
        )
    if form.validate_on_submit():
        try:
            unlink_signal(db.session, knelpunt, current_user, signal_id)
        except TransitionNotAllowed as refused:  # the last signal stays: a knelpunt needs one
            flash(_(refused.message), "error")
        else:
            flash(_("Signaal losgekoppeld."), "success")
    return redirect(url_for(".detail", knelpunt_id=knelpunt.id))


@bp.get("/<int:knelpunt_id>/geschiedenis")
@role_required(may_see_knelpunten)
def history(knelpunt_id: int):
    knelpunt = get_knelpunt_for(db.session, current_user, knelpunt_id)
    return render_template("audit.html", subject=knelpunt.reference, title=knelpunt.title, events=knelpunt_history(db.session, knelpunt), back=url_for(".detail", knelpunt_id=knelpunt.id), statuses={k: _(v) for k, v in KNELPUNT_STATUSES.items()})
