"""Log-in and log-out: lock-out per account and per address, the second factor, expiry after inactivity."""

from __future__ import annotations

import time

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from app.auth import bp
from app.auth.forms import CodeForm, LoginForm
from app.extensions import db, limiter
from app.security import safe_next
from signals import login as login_security
from signals.accounts import authenticate, get_user_by_email
from signals.models import User
from signals.permissions import must_use_second_factor

#: how long a password-checked log-in may wait for its second factor
PENDING_SECONDS = 300


def _address() -> str:
    return request.remote_addr or ""


def _locked_message(seconds: int) -> str:
    minutes = max(1, (seconds + 59) // 60)
    return _(
        "Te veel mislukte pogingen voor dit account. Het is tijdelijk geblokkeerd: probeer het over %(minutes)s minuten opnieuw, of vraag de beheerder om hulp.",
        minutes=minutes,
    )


def _complete_login(user: User, method: str = "password"):
    """The log-in itself: a fresh session (no fixation), the audit event, then on to ``next``."""
    target = session.get("pending_next") or request.args.get("next")
    locale = session.get("locale")
    session.clear()
    if locale:
        session["locale"] = locale
    login_security.register_success(db.session, user, _address(), method)
    db.session.commit()
    login_user(user)
    session.permanent = True
    session["last_seen"] = int(time.time())
    flash(_("U bent ingelogd."), "success")
    return redirect(safe_next(target))


def _pending_user() -> User | None:
    """The user whose password was right and who still owes the second factor (within five minutes)."""
    pending = session.get("pending_login")
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    user = db.session.get(User, pending.get("user"))
    return user if user is not None and user.is_active else None


def _second_factor_required(user: User) -> bool:
    return must_use_second_factor(user, current_app.config["TOTP_REQUIRED_ROLES"])


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN"], methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        threshold = current_app.config["LOGIN_LOCKOUT_THRESHOLD"]
        remaining = login_security.lockout_remaining(db.session, form.email.data, threshold)
        if remaining:
            form.password.errors.append(_locked_message(remaining))
            return render_template("auth/login.html", form=form), 429
        user = authenticate(db.session, form.email.data, form.password.data)
        if user is None:
            known = get_user_by_email(db.session, form.email.data)
            locked = login_security.register_failure(
                db.session, form.email.data, known, threshold, current_app.config["LOGIN_LOCKOUT_MINUTES"], _address()
            )
            db.session.commit()
            if locked:
                form.password.errors.append(_locked_message(current_app.config["LOGIN_LOCKOUT_MINUTES"] * 60))
                return render_template("auth/login.html", form=form), 429
            form.password.errors.append(_("Dit e-mailadres en wachtwoord horen niet bij elkaar."))
            return render_template("auth/login.html", form=form), 400
        if login_security.has_second_factor(db.session, user) or _second_factor_required(user):
            session["pending_login"] = {"user": user.id, "at": int(time.time())}
            session["pending_next"] = request.args.get("next")
            if login_security.has_second_factor(db.session, user):
                return redirect(url_for(".second_factor"))
            return redirect(url_for(".enrol"))
        return _complete_login(user)
    if form.errors:
        status = 400
    return render_template("auth/login.html", form=form), status


@bp.route("/tweede-stap", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN"], methods=["POST"])
def second_factor():
    user = _pending_user()
    if user is None:
        flash(_("Log opnieuw in."), "info")
        return redirect(url_for(".login"))
    form = CodeForm()
    status = 200
    if form.validate_on_submit():
        threshold = current_app.config["LOGIN_LOCKOUT_THRESHOLD"]
        remaining = login_security.lockout_remaining(db.session, user.email, threshold)
        if remaining:
            form.code.errors.append(_locked_message(remaining))
            return render_template("auth/second_factor.html", form=form), 429
        if login_security.verify_second_factor(db.session, user, form.code.data):
            return _complete_login(user, "totp")
        login_security.register_failure(db.session, user.email, user, threshold, current_app.config["LOGIN_LOCKOUT_MINUTES"], _address())
        db.session.commit()
        form.code.errors.append(_("Deze code klopt niet of is al gebruikt. Neem de nieuwste code uit uw app."))
        status = 400
    elif form.errors:
        status = 400
    return render_template("auth/second_factor.html", form=form), status


@bp.route("/tweestapsverificatie", methods=["GET", "POST"])
def enrol():
    """Set up the authenticator app: for a logged-in user by choice, for a pending one when their role requires it."""
    user = current_user._get_current_object() if current_user.is_authenticated else _pending_user()
    if user is None:
        return redirect(url_for(".login", next=url_for(".enrol")))
    secret = login_security.start_enrolment(db.session, user)
    db.session.commit()
    enrolled = login_security.has_second_factor(db.session, user)
    form = CodeForm()
    status = 200
    if not enrolled and form.validate_on_submit():
        if login_security.confirm_enrolment(db.session, user, form.code.data):
            db.session.commit()
            if not current_user.is_authenticated:
                return _complete_login(user, "totp")
            flash(_("Tweestapsverificatie staat aan. Bij het inloggen vragen we voortaan ook een code."), "success")
            return redirect(url_for("main.index"))
        db.session.rollback()
        form.code.errors.append(_("Deze code klopt niet. Controleer de tijd op uw telefoon en neem de nieuwste code."))
        status = 400
    elif form.errors:
        status = 400
    uri = login_security.provisioning_uri(user, secret)
    return render_template(
        "auth/enrol.html",
        form=form,
        enrolled=enrolled,
        secret=secret,
        qr_svg=None if enrolled else _qr_data_uri(uri),
        required=_second_factor_required(user),
    ), status


def _qr_data_uri(text: str) -> str:
    import segno

    return segno.make(text, error="m").svg_data_uri(scale=5, border=2)


@bp.post("/logout")
def logout():
    if current_user.is_authenticated:
        from signals.audit import record_event

        record_event(db.session, "user", current_user.id, "logout", actor=current_user._get_current_object())
        db.session.commit()
    logout_user()
    session.clear()
    flash(_("U bent uitgelogd."), "info")
    return redirect(url_for("auth.login"))


# The session lives in a cookie: every write sends the whole cookie back. A background
# request (the intake form's privacy preview) that wrote last_seen on each call could
# answer after a concurrent form post and put back a cookie without that post's flash
# message. Touching last_seen once a minute keeps such writes rare (and the cookie, sent
# only when the session changes, is then renewed at least once a minute); the idle limit is
# then at most a minute late.
LAST_SEEN_RESOLUTION = 60


@bp.before_app_request
def expire_idle_session():
    """Log out after SESSION_IDLE_MINUTES without a request (server-side, whatever the cookie says)."""
    if request.endpoint == "static" or not current_user.is_authenticated or "Authorization" in request.headers:
        return None
    now = int(time.time())
    idle = current_app.config["SESSION_IDLE_MINUTES"] * 60
    last_seen = session.get("last_seen")
    if last_seen is not None and now - int(last_seen) > idle:
        logout_user()
        session.clear()
        flash(
            _("U bent automatisch uitgelogd na %(minutes)s minuten zonder activiteit. Log opnieuw in.", minutes=idle // 60),
            "info",
        )
        if request.path.startswith("/api/"):
            return None  # the API answers 401 itself
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?") if request.method == "GET" else None))
    if last_seen is None or now - int(last_seen) >= LAST_SEEN_RESOLUTION:
        session["last_seen"] = now
    return None


