"""Screens for proposed knelpunten ("Mogelijke knelpunten"): list, detail, adopt in one step, dismiss."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from app.extensions import db
from app.form_errors import add_domain_errors
from app.knelpunten import bp
from app.mail import commit_and_deliver
from app.security import role_required
from signals import permissions, reference
from signals.access import visible_signals
from signals.errors import InvalidInput
from signals.models import Signal
from signals.proposals import (
    adopt_proposal,
    dismiss_proposal,
    get_proposal_for,
    list_proposals_for,
    proposal_signals,
    refresh_up_to_date,
)


class AdoptForm(FlaskForm):
    title = StringField(_l("Titel van het knelpunt"), validators=[DataRequired(_l("Geef het knelpunt een titel.")), Length(max=200)])
    ministry = SelectField(_l("Verantwoordelijk ministerie"), validators=[DataRequired(_l("Kies het verantwoordelijke ministerie."))])
    signals = SelectMultipleField(
        _l("Signalen die het knelpunt krijgt"),
        coerce=int,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validators=[DataRequired(_l("Kies minstens één signaal."))],
    )


class DismissForm(FlaskForm):
    reason = TextAreaField(
        _l("Waarom is dit geen knelpunt?"),
        validators=[DataRequired(_l("Geef de reden waarom dit geen knelpunt is.")), Length(max=2000)],
        render_kw={"rows": 3},
    )


def _check_reader() -> None:
    if not permissions.may_see_proposals(current_user):
        abort(403)


@bp.get("/voorstellen")
@role_required()
def proposals():
    _check_reader()
    refresh_up_to_date(db.session)
    items = list_proposals_for(db.session, current_user)
    return render_template("knelpunten/proposals.html", items=items)


def _render_proposal(proposal, adopt_form=None, dismiss_form=None, code=200):
    members = proposal_signals(db.session, proposal)
    visible_ids = set(db.session.scalars(visible_signals(current_user).with_only_columns(Signal.id).where(Signal.id.in_([s.id for s in members]))))
    visible = [s for s in members if s.id in visible_ids]
    may_act = proposal.status == "open" and permissions.may_act_on_proposal(current_user, proposal.lead_ministry_code)
    if adopt_form is None:
        adopt_form = AdoptForm(formdata=None, title=proposal.title, ministry=proposal.lead_ministry_code, signals=[s.id for s in visible])
    ministries = [(m.code, f"{m.code} – {m.name}") for m in reference.list_current_ministries(db.session)]
    if not permissions.may_route_any(current_user):
        ministries = [c for c in ministries if c[0] == current_user.organisation_code]
    adopt_form.ministry.choices = ministries
    adopt_form.signals.choices = [(s.id, f"{s.reference} – {s.title} ({s.channel_code}, {s.created_at:%d-%m-%Y})") for s in visible]
    return (
        render_template(
            "knelpunten/proposal.html",
            proposal=proposal,
            signals=visible,
            hidden_count=len(members) - len(visible),
            may_act=may_act,
            adopt_form=adopt_form,
            dismiss_form=dismiss_form or DismissForm(formdata=None),
        ),
        code,
    )


@bp.get("/voorstellen/<int:proposal_id>")
@role_required()
def proposal_detail(proposal_id: int):
    _check_reader()
    return _render_proposal(get_proposal_for(db.session, current_user, proposal_id))


@bp.post("/voorstellen/<int:proposal_id>/overnemen")
@role_required()
def proposal_adopt(proposal_id: int):
    _check_reader()
    proposal = get_proposal_for(db.session, current_user, proposal_id)
    form = AdoptForm()
    members = proposal_signals(db.session, proposal)
    form.signals.choices = [(s.id, s.reference) for s in members]
    form.ministry.choices = [(m.code, m.code) for m in reference.list_current_ministries(db.session)]
    if form.validate_on_submit():
        try:
            knelpunt = adopt_proposal(db.session, current_user, proposal, list(form.signals.data), title=form.title.data, ministry=form.ministry.data)
        except InvalidInput as error:
            db.session.rollback()
            add_domain_errors(form, error, {"signal_ids": "signals"})
        else:
            commit_and_deliver()
            flash(_("Knelpunt %(ref)s vastgelegd met %(n)d signalen.", ref=knelpunt.reference, n=len(form.signals.data)), "success")
            return redirect(url_for(".detail", knelpunt_id=knelpunt.id))
    return _render_proposal(proposal, adopt_form=form, code=422)


@bp.post("/voorstellen/<int:proposal_id>/afwijzen")
@role_required()
def proposal_dismiss(proposal_id: int):
    _check_reader()
    proposal = get_proposal_for(db.session, current_user, proposal_id)
    form = DismissForm()
    if form.validate_on_submit():
        try:
            dismiss_proposal(db.session, current_user, proposal, form.reason.data)
        except InvalidInput as error:
            db.session.rollback()
            add_domain_errors(form, error)
        else:
            commit_and_deliver()
            flash(_("Voorstel afgewezen. Het komt pas terug als er de helft meer signalen bij komen."), "success")
            return redirect(url_for(".proposals"))
    return _render_proposal(proposal, dismiss_form=form, code=422)
