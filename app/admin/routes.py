"""Users, their API tokens, and the reference data with how certain each row is."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from app.admin import bp
from app.admin.forms import TokenForm, UserForm
from app.extensions import db
from app.security import role_required
from signals import reference
from signals.accounts import create_token, create_user
from signals.errors import InvalidInput
from signals.models import ApiToken, User
from signals.vocabulary import ROLES


def _user_form() -> UserForm:
    form = UserForm()
    form.role.choices = [("", _("Kies een rol"))] + [(k, _(v)) for k, v in ROLES.items()]
    form.organisation.choices = [("", _("Kies een organisatie"))] + [
        (o.code, f"{o.code} – {o.name}") for o in reference.list_organisations(db.session)
    ]
    return form


@bp.route("/gebruikers", methods=["GET", "POST"])
@role_required("admin")
def users():
    form = _user_form()
    status = 200
    if form.validate_on_submit():
        try:
            user, password = create_user(
                db.session, form.email.data, form.role.data, form.organisation.data, name=form.name.data or "", actor=current_user
            )
        except InvalidInput as error:
            db.session.rollback()
            for name, messages in error.fields.items():
                getattr(form, name).errors.extend(_(m) for m in messages)
            status = 422
        else:
            db.session.commit()
            flash(_("Gebruiker %(email)s aangemaakt. Tijdelijk wachtwoord: %(password)s", email=user.email, password=password), "success")
            return redirect(url_for(".users"))
    elif form.errors:
        status = 422
    all_users = db.session.scalars(select(User).order_by(User.organisation_code, User.email)).all()
    return render_template("admin/users.html", form=form, users=all_users), status


@bp.route("/gebruikers/<int:user_id>/sleutels", methods=["GET", "POST"])
@role_required("admin")
def tokens(user_id: int):
    user = db.get_or_404(User, user_id)
    form = TokenForm()
    new_token = None
    if form.validate_on_submit():
        _token, new_token = create_token(db.session, user, name=form.name.data or "", actor=current_user)
        db.session.commit()
    existing = db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at)).all()
    return render_template("admin/tokens.html", user=user, form=form, tokens=existing, new_token=new_token)


@bp.get("/referentie")
@role_required("admin")
def reference_data():
    return render_template(
        "admin/reference.html",
        ministries=reference.list_ministries(db.session),
        organisations=reference.list_organisations(db.session),
        channels=reference.list_channels(db.session),
        regulations=reference.list_regulations(db.session),
    )
