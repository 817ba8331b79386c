"""The submitter corrects or withdraws a signal until the ministry accepts it (web pages)."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.extensions import db
from app.form_errors import FAILED, attempt
from app.intake import bp
from app.mail import commit_and_deliver
from app.privacy_notice import flash_masked
from app.security import role_required
from signals.access import get_signal_for
from signals.correction import correct_signal, withdraw_signal
from signals.errors import PermissionDenied
from signals.intake import SUBMITTER_ROLES, TEXT_MAX, TITLE_MAX
from signals.permissions import may_correct_signal


class CorrectionForm(FlaskForm):
    title = StringField(
        _l("Korte titel"),
        validators=[DataRequired(_l("Geef het signaal een korte titel.")), Length(max=TITLE_MAX, message=_l("De titel mag hoogstens 200 tekens lang zijn."))],
    )
    description = TextAreaField(
        _l("Wat ging er mis?"),
        validators=[
            DataRequired(_l("Beschrijf wat er gebeurde en welke regel het veroorzaakt.")),
            Length(max=TEXT_MAX, message=_l("Deze tekst mag hoogstens 10.000 tekens lang zijn.")),
        ],
        render_kw={"rows": 7},
    )
    impact = TextAreaField(_l("Gevolgen voor mensen"), validators=[Optional(), Length(max=TEXT_MAX, message=_l("Deze tekst mag hoogstens 10.000 tekens lang zijn."))])
    proposed_solution = TextAreaField(
        _l("Voorstel voor een oplossing"), validators=[Optional(), Length(max=TEXT_MAX, message=_l("Deze tekst mag hoogstens 10.000 tekens lang zijn."))]
    )


class WithdrawForm(FlaskForm):
    reason = TextAreaField(_l("Waarom trekt u het signaal in? (optioneel)"), validators=[Optional(), Length(max=2000, message=_l("Hoogstens 2.000 tekens."))])


def _own_signal(signal_id: int):
    signal = get_signal_for(db.session, current_user, signal_id)
    if not may_correct_signal(current_user, signal):
        raise PermissionDenied(_("Alleen de melder kan een signaal aanpassen of intrekken, en alleen zolang het ministerie het nog niet in behandeling nam."))
    return signal


@bp.route("/<int:signal_id>/aanpassen", methods=["GET", "POST"])
@role_required(*SUBMITTER_ROLES)
def correct(signal_id: int):
    signal = _own_signal(signal_id)
    form = CorrectionForm(obj=signal)
    if form.validate_on_submit():
        removed = attempt(form, lambda: correct_signal(
            db.session, signal, current_user, title=form.title.data, description=form.description.data,
            impact=form.impact.data or "", proposed_solution=form.proposed_solution.data or "",
        ))
        if removed is not FAILED:
            commit_and_deliver()
            flash_masked(removed)
            flash(_("Uw signaal is aangepast."), "success")
            return redirect(url_for(".detail", signal_id=signal.id))
    return render_template("intake/correct.html", form=form, signal=signal), 422 if form.errors else 200


@bp.route("/<int:signal_id>/intrekken", methods=["GET", "POST"])
@role_required(*SUBMITTER_ROLES)
def withdraw(signal_id: int):
    signal = _own_signal(signal_id)
    form = WithdrawForm()
    if form.validate_on_submit():
        withdraw_signal(db.session, signal, current_user, form.reason.data or "")
        commit_and_deliver()
        flash(_("Uw signaal is ingetrokken. Het ministerie behandelt het niet meer."), "success")
        return redirect(url_for(".detail", signal_id=signal.id))
    return render_template("intake/withdraw.html", form=form, signal=signal), 422 if form.errors else 200


bp.add_app_template_global(may_correct_signal, "may_correct_signal")
