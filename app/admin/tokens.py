"""API tokens on their own admin page: create (shown once), list with last use and expiry, revoke."""

from __future__ import annotations

import datetime as dt

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from app.admin import bp
from app.extensions import db
from app.security import role_required
from signals import permissions
from signals.accounts import create_token, list_tokens, revoke_token, token_state
from signals.models import ApiToken, User, utcnow

#: expiry offered by default for a new token
DEFAULT_EXPIRY_DAYS = 90


class NewTokenForm(FlaskForm):
    user = SelectField(_l("Voor gebruiker"), validators=[DataRequired(_l("Kies een gebruiker."))], coerce=str)
    name = StringField(_l("Waarvoor is deze sleutel?"), validators=[Optional(), Length(max=100)])
    expires_in_days = IntegerField(
        _l("Geldig (dagen, 0 is zonder einddatum)"),
        default=DEFAULT_EXPIRY_DAYS,
        validators=[InputRequired(_l("Vul een aantal dagen in.")), NumberRange(0, 3650, _l("Kies 0 tot en met 3650 dagen."))],
    )


class RevokeForm(FlaskForm):
    pass


def _form() -> NewTokenForm:
    form = NewTokenForm()
    users = db.session.scalars(db.select(User).where(User.is_active.is_(True)).order_by(User.email)).all()
    form.user.choices = [("", _("Kies een gebruiker"))] + [(str(u.id), f"{u.email} ({u.role}, {u.organisation_code})") for u in users]
    return form


@bp.route("/sleutels", methods=["GET", "POST"])
@role_required()
def api_tokens():
    if not permissions.may_administer(current_user):
        abort(403)
    form = _form()
    new_token = None
    status = 200
    if form.validate_on_submit():
        user = db.session.get(User, int(form.user.data)) if form.user.data.isdigit() else None
        if user is None:
            form.user.errors.append(_("Kies een gebruiker."))
            status = 422
        else:
            days = form.expires_in_days.data
            expires_at = utcnow() + dt.timedelta(days=days) if days else None
            token, new_token = create_token(db.session, user, name=form.name.data or "", actor=current_user, expires_at=expires_at)
            db.session.commit()
            flash(_("Sleutel %(prefix)s… aangemaakt voor %(email)s.", prefix=token.prefix, email=user.email), "success")
    elif form.errors:
        status = 422
    return render_template(
        "admin/api_tokens.html",
        form=form,
        tokens=list_tokens(db.session),
        state=token_state,
        new_token=new_token,
        revoke_form=RevokeForm(),
    ), status


@bp.post("/sleutels/<int:token_id>/intrekken")
@role_required()
def revoke_api_token(token_id: int):
    if not permissions.may_administer(current_user):
        abort(403)
    token = db.get_or_404(ApiToken, token_id)
    if RevokeForm().validate_on_submit() and token.revoked_at is None:
        revoke_token(db.session, token, current_user)
        db.session.commit()
        flash(_("Sleutel %(prefix)s… ingetrokken; hij werkt niet meer.", prefix=token.prefix), "success")
    return redirect(url_for(".api_tokens"))
