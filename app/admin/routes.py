"""Users, their API tokens, and the reference data with how certain each row is."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from app.admin import bp
from app.admin.forms import DeadlineForm, MailTemplateForm, MoveRegulationForm, RetireMinistryForm, TokenForm, UserForm
from app.extensions import db
from app.form_errors import add_domain_errors
from app.security import role_required
from signals import reference
from signals.accounts import create_token, create_user
from signals.errors import InvalidInput
from signals.models import ApiToken, Ministry, Regulation, User
from signals.notifications import DEFAULT_TEMPLATES, TEMPLATE_LABELS, get_template, save_template
from signals.permissions import may_administer
from signals.portfolio import move_regulation, retire_ministry
from signals.vocabulary import ROLES


def _user_form() -> UserForm:
    form = UserForm()
    form.role.choices = [("", _("Kies een rol"))] + [(k, _(v)) for k, v in ROLES.items()]
    form.organisation.choices = [("", _("Kies een organisatie"))] + [
        (o.code, f"{o.code} – {o.name}") for o in reference.list_organisations(db.session)
    ]
    return form


@bp.route("/gebruikers", methods=["GET", "POST"])
@role_required(may_administer)
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
            add_domain_errors(form, error)
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
@role_required(may_administer)
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
@role_required(may_administer)
def reference_data():
    return render_template(
        "admin/reference.html",
        ministries=reference.list_ministries(db.session),
        organisations=reference.list_organisations(db.session),
        channels=reference.list_channels(db.session),
        regulations=reference.list_regulations(db.session),
    )


@bp.route("/termijnen", methods=["GET", "POST"])
@role_required(may_administer)
def deadlines():
    ministries = reference.list_current_ministries(db.session)
    forms = {m.code: DeadlineForm(prefix=m.code, obj=m) for m in ministries}
    status = 200
    code = request.form.get("ministry")
    if request.method == "POST" and code in forms:
        form = forms[code]
        if form.validate_on_submit():
            ministry = db.session.get(Ministry, code)
            reference.set_ministry_deadlines(
                db.session, ministry, form.accept_within_working_days.data, form.answer_within_weeks.data, current_user
            )
            db.session.commit()
            flash(_("Termijnen van %(code)s opgeslagen. Ze gelden voor signalen die vanaf nu worden doorgezet of geaccepteerd.", code=code), "success")
            return redirect(url_for(".deadlines"))
        status = 422
    return render_template("admin/deadlines.html", ministries=ministries, forms=forms), status


@bp.get("/e-mailteksten")
@role_required(may_administer)
def mail_templates():
    rows = [(key, _(TEMPLATE_LABELS[key]), get_template(db.session, key)[0]) for key in DEFAULT_TEMPLATES]
    return render_template("admin/mail_templates.html", rows=rows)


@bp.route("/e-mailteksten/<key>", methods=["GET", "POST"])
@role_required(may_administer)
def mail_template(key: str):
    if key not in DEFAULT_TEMPLATES:
        abort(404)
    subject, body = get_template(db.session, key)
    form = MailTemplateForm(data={"subject": subject, "body": body} if request.method == "GET" else None)
    if form.validate_on_submit():
        save_template(db.session, key, form.subject.data, form.body.data, current_user)
        db.session.commit()
        flash(_("E-mailtekst opgeslagen."), "success")
        return redirect(url_for(".mail_templates"))
    return render_template("admin/mail_template.html", form=form, key=key, label=_(TEMPLATE_LABELS[key])), 422 if form.errors else 200


def _current_ministry_choices():
    return [(m.code, f"{m.code} – {m.name}") for m in reference.list_current_ministries(db.session)]


@bp.route("/referentie/regeling/<int:regulation_id>", methods=["GET", "POST"])
@role_required(may_administer)
def move_regulation_view(regulation_id: int):
    regulation = db.get_or_404(Regulation, regulation_id)
    form = MoveRegulationForm(data={"ministry": regulation.ministry_code, "co_ministries": regulation.co_ministries} if request.method == "GET" else None)
    form.ministry.choices = _current_ministry_choices()
    form.co_ministries.choices = _current_ministry_choices()
    if form.validate_on_submit():
        try:
            moved = move_regulation(db.session, regulation, form.ministry.data, current_user, co_ministries=form.co_ministries.data or [])
        except InvalidInput as error:
            db.session.rollback()
            add_domain_errors(form, error)
        else:
            db.session.commit()
            flash(_("%(title)s valt nu onder %(ministry)s; %(n)d open signalen zijn meegegaan.", title=regulation.title, ministry=regulation.ministry_code, n=len(moved)), "success")
            return redirect(url_for(".reference_data"))
    return render_template("admin/move_regulation.html", form=form, regulation=regulation), 422 if form.errors else 200


@bp.route("/referentie/ministerie/<code>/opheffen", methods=["GET", "POST"])
@role_required(may_administer)
def retire_ministry_view(code: str):
    ministry = db.get_or_404(Ministry, code)
    if ministry.valid_until is not None:
        flash(_("Dit ministerie bestaat al niet meer."), "info")
        return redirect(url_for(".reference_data"))
    form = RetireMinistryForm()
    form.successor.choices = [("", _("Kies de opvolger"))] + [c for c in _current_ministry_choices() if c[0] != code]
    if form.validate_on_submit():
        try:
            moved = retire_ministry(db.session, ministry, form.successor.data, form.valid_until.data, current_user)
        except InvalidInput as error:
            db.session.rollback()
            add_domain_errors(form, error)
        else:
            db.session.commit()
            flash(_("%(code)s is opgeheven; %(n)d open signalen zijn naar %(successor)s gegaan.", code=code, n=len(moved), successor=ministry.successor_code), "success")
            return redirect(url_for(".reference_data"))
    return render_template("admin/retire_ministry.html", form=form, ministry=ministry), 422 if form.errors else 200
