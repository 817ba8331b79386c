"""Users, their API tokens, and the reference data with how certain each row is."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from app.admin import bp
from app.admin.forms import (
    DeadlineForm,
    InviteForm,
    MailTemplateForm,
    MoveRegulationForm,
    ReferenceFilterForm,
    RetireMinistryForm,
    TokenForm,
    UserEditForm,
    UserSearchForm,
)
from app.extensions import db
from app.form_errors import FAILED, attempt
from app.knelpunten.forms import ConfirmForm
from app.mail import commit_and_deliver
from app.security import role_required
from signals import reference
from signals.accounts import create_token
from signals.invitations import (
    INVITE_HOURS,
    current_organisations,
    invite_user,
    search_users,
    send_reset_link,
    set_active,
    update_user,
)
from signals.models import ApiToken, Ministry, Regulation, User
from signals.notifications import DEFAULT_TEMPLATES, TEMPLATE_LABELS, get_template, save_template
from signals.permissions import may_administer
from signals.portfolio import move_regulation, retire_ministry
from signals.portfolio_preview import retirement_preview
from signals.vocabulary import ROLES


def _user_form(form_class=None):
    form = (form_class or InviteForm)()
    form.role.choices = [("", _("Kies een rol"))] + [(k, _(v)) for k, v in ROLES.items()]
    form.organisation.choices = [SelectChoice("", _("Kies een organisatie"))] + _organisation_choices()
    return form


def _organisation_choices() -> list[SelectChoice]:
    """Organisations grouped as a person looks for them: ministries, agencies, each agency's offices,
    municipalities. Retired ministries (AENM, KGG, VRO, EZ) are not offered."""
    organisations = current_organisations(db.session)
    names = {o.code: o.name for o in organisations}

    def group(o) -> str:
        if o.is_ministry:
            return _("Ministeries")
        if o.parent_code:
            return _("Kantoren van %(agency)s", agency=f"{names.get(o.parent_code, o.parent_code)} ({o.parent_code})")
        if o.kind == "gemeente":
            return _("Gemeenten")
        return _("Uitvoeringsorganisaties en andere")

    order = [_("Ministeries"), _("Uitvoeringsorganisaties en andere")]
    grouped: dict[str, list] = {}
    for o in organisations:
        grouped.setdefault(group(o), []).append(SelectChoice(o.code, f"{o.name} ({o.code})", optgroup=group(o)))
    keys = order + sorted(k for k in grouped if k not in order and k != _("Gemeenten")) + [_("Gemeenten")]
    return [choice for key in keys for choice in grouped.get(key, [])]


@bp.route("/gebruikers", methods=["GET", "POST"])
@role_required(may_administer)
def users():
    """Searchable user list and the invitation form: the new user gets an e-mail with a one-time link."""
    form = _user_form()
    if form.validate_on_submit():
        invited = attempt(form, lambda: invite_user(
            db.session, form.email.data, form.role.data, form.organisation.data, form.name.data or "",
            actor=current_user, base_url=current_app.config["BASE_URL"],
        ))
        if invited is not FAILED:
            user, _link = invited
            commit_and_deliver()
            flash(_("Uitnodiging verstuurd naar %(email)s. De link werkt één keer en is %(hours)s uur geldig.", email=user.email, hours=INVITE_HOURS), "success")
            return redirect(url_for(".users"))
    status = 422 if form.errors else 200
    search = UserSearchForm(request.args)
    search.role.choices = [("", _("Alle rollen"))] + [(k, _(v)) for k, v in ROLES.items()]
    search.active.choices = [("", _("Actief en uitgeschakeld")), ("active", _("Actief")), ("inactive", _("Uitgeschakeld"))]
    found = search_users(db.session, search.q.data, search.role.data, search.active.data)
    return render_template("admin/users.html", form=form, search=search, users=found), status


@bp.route("/gebruikers/<int:user_id>", methods=["GET", "POST"])
@role_required(may_administer)
def user_detail(user_id: int):
    """Edit name, role and organisation; deactivate or reactivate; send a new password link."""
    user = db.get_or_404(User, user_id)
    form = UserEditForm(data={"name": user.name, "role": user.role, "organisation": user.organisation_code} if request.method == "GET" else None)
    form.role.choices = [(k, _(v)) for k, v in ROLES.items()]
    form.organisation.choices = _organisation_choices()
    if user.organisation_code not in {c.value for c in form.organisation.choices}:
        form.organisation.choices = [SelectChoice(user.organisation_code, user.organisation_code)] + form.organisation.choices
    if form.validate_on_submit():
        changed = attempt(form, lambda: update_user(db.session, user, current_user, form.name.data or "", form.role.data, form.organisation.data))
        if changed is not FAILED:
            db.session.commit()
            flash(_("Gegevens van %(email)s opgeslagen.", email=user.email) if changed else _("Er was niets veranderd."), "success")
            return redirect(url_for(".user_detail", user_id=user.id))
    return render_template("admin/user.html", user=user, form=form, confirm=ConfirmForm()), 422 if form.errors else 200


@bp.post("/gebruikers/<int:user_id>/actief")
@role_required(may_administer)
def user_active(user_id: int):
    user = db.get_or_404(User, user_id)
    form = ConfirmForm()
    if request.form.get("active") not in ("0", "1"):
        abort(400)  # the page's button always says which way
    if form.validate_on_submit():
        active = request.form.get("active") == "1"
        set_active(db.session, user, current_user, active)
        db.session.commit()
        flash(_("%(email)s kan weer inloggen.", email=user.email) if active else _("%(email)s is uitgeschakeld: inloggen en API-sleutels werken niet meer.", email=user.email), "success")
    return redirect(url_for(".user_detail", user_id=user.id))


@bp.post("/gebruikers/<int:user_id>/wachtwoordlink")
@role_required(may_administer)
def user_reset(user_id: int):
    user = db.get_or_404(User, user_id)
    form = ConfirmForm()
    if request.form.get("confirm") != "1":
        abort(400)  # only from the button on the user's page
    if form.validate_on_submit():
        send_reset_link(db.session, user, current_user, base_url=current_app.config["BASE_URL"])
        commit_and_deliver()
        flash(_("Een link om een nieuw wachtwoord te kiezen is naar %(email)s gestuurd. Het oude wachtwoord werkt niet meer.", email=user.email), "success")
    return redirect(url_for(".user_detail", user_id=user.id))


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
    """The reference data, filterable by kind and text; retired ministries only on request."""
    form = ReferenceFilterForm(request.args)
    kinds = [("", _("Alles")), ("ministries", _("Ministeries")), ("organisations", _("Organisaties")), ("channels", _("Kanalen")), ("regulations", _("Regelingen"))]
    form.kind.choices = kinds
    kind = form.kind.data if form.kind.data in dict(kinds) else ""
    words = (form.q.data or "").lower().split()

    def matches(*texts) -> bool:
        haystack = " ".join(t or "" for t in texts).lower()
        return all(word in haystack for word in words)

    def wanted(name: str) -> bool:
        return not kind or kind == name

    ministries = [m for m in reference.list_ministries(db.session) if (form.show_retired.data or m.valid_until is None) and matches(m.code, m.name)]
    return render_template(
        "admin/reference.html",
        form=form,
        ministries=ministries if wanted("ministries") else None,
        organisations=[o for o in reference.list_organisations(db.session) if matches(o.code, o.name)] if wanted("organisations") else None,
        channels=[c for c in reference.list_channels(db.session) if matches(c.code, c.name)] if wanted("channels") else None,
        regulations=[r for r in reference.list_regulations(db.session) if matches(r.code, r.title, r.abbreviation)] if wanted("regulations") else None,
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
        moved = attempt(form, lambda: move_regulation(db.session, regulation, form.ministry.data, current_user, co_ministries=form.co_ministries.data or []))
        if moved is not FAILED:
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
        moved = attempt(form, lambda: retire_ministry(db.session, ministry, form.successor.data, form.valid_until.data, current_user))
        if moved is not FAILED:
            db.session.commit()
            flash(_("%(code)s is opgeheven; %(n)d open signalen zijn naar %(successor)s gegaan.", code=code, n=len(moved), successor=ministry.successor_code), "success")
            return redirect(url_for(".reference_data"))
    preview = retirement_preview(db.session, ministry)
    return render_template("admin/retire_ministry.html", form=form, ministry=ministry, preview=preview), 422 if form.errors else 200
