"""Choosing a password through a one-time link (invitation, reset) and the forced change after an
admin set one. The domain rules live in signals.invitations."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask import session as http_session
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import PasswordField
from wtforms.validators import DataRequired

from app.auth import bp
from app.extensions import db
from app.form_errors import FAILED, attempt
from signals.invitations import change_password, find_link, use_link
from signals.models import User

#: pages a user who must change their password can still reach
ALLOWED_WHILE_FORCED = {"auth.change_password", "auth.logout", "auth.login", "auth.choose_password", "static", "main.set_language", "main.healthz"}


class ChoosePasswordForm(FlaskForm):
    password = PasswordField(
        _l("Nieuw wachtwoord"),
        validators=[DataRequired(_l("Kies een wachtwoord."))],
        description=_l("Minstens 8 tekens. Een zin van een paar woorden is sterk en goed te onthouden."),
        render_kw={"autocomplete": "new-password"},
    )
    repeat = PasswordField(
        _l("Herhaal het nieuwe wachtwoord"),
        validators=[DataRequired(_l("Herhaal het wachtwoord."))],
        render_kw={"autocomplete": "new-password"},
    )


class ChangePasswordForm(ChoosePasswordForm):
    current = PasswordField(
        _l("Huidige wachtwoord"),
        validators=[DataRequired(_l("Vul uw huidige wachtwoord in."))],
        render_kw={"autocomplete": "current-password"},
    )


@bp.route("/wachtwoord-kiezen/<token>", methods=["GET", "POST"])
def choose_password(token: str):
    """The page behind an invitation or reset link: choose a password, then you are logged in."""
    link = find_link(db.session, token)
    if link is None:
        return render_template("auth/link_expired.html"), 410
    form = ChoosePasswordForm()
    if form.validate_on_submit():
        user = attempt(form, lambda: use_link(db.session, token, form.password.data, form.repeat.data))
        if user is not FAILED:
            db.session.commit()
            login_user(user)
            flash(_("Uw wachtwoord is ingesteld. Welkom bij Knelpunt."), "success")
            return redirect(url_for("main.index"))
    response = render_template("auth/choose_password.html", form=form, user=link.user, purpose=link.purpose)
    return response, 422 if form.errors else 200, {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


@bp.route("/wachtwoord-wijzigen", methods=["GET", "POST"], endpoint="change_password")
def change_password_view():
    """Change your own password; required before anything else when an admin set it."""
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    form = ChangePasswordForm()
    if form.validate_on_submit():
        changed = attempt(form, lambda: change_password(db.session, current_user, form.current.data, form.password.data, form.repeat.data))
        if changed is not FAILED:
            db.session.commit()
            flash(_("Uw wachtwoord is gewijzigd."), "success")
            return redirect(url_for("main.index"))
    status = 422 if form.errors else 200
    return render_template("auth/change_password.html", form=form, forced=current_user.must_change_password), status


@bp.before_app_request
def force_password_change():
    """A user whose password someone else set goes to the change page first.

    Reads the flag straight from the database (one primary-key look-up), not from a cached user object.
    """
    user_id = http_session.get("_user_id")
    if not user_id or not str(user_id).isdigit() or request.endpoint in ALLOWED_WHILE_FORCED:
        return None
    if (request.endpoint or "").startswith("api."):
        return None
    must_change = db.session.scalar(select(User.must_change_password).where(User.id == int(user_id)))
    if must_change:
        return redirect(url_for("auth.change_password"))
    return None
