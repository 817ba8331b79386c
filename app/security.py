"""Log-in plumbing: session users, bearer tokens and the role guard."""

from __future__ import annotations

from functools import wraps

from flask import abort, request, url_for
from flask_babel import gettext
from flask_login import current_user

from app.extensions import db, login_manager
from signals.accounts import user_for_token
from signals.errors import N_
from signals.models import User
from signals.permissions import is_role


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    user = db.session.get(User, int(user_id)) if user_id.isdigit() else None
    return user if user is not None and user.is_active else None


def bearer_user() -> User | None:
    """The user of the request's bearer token, if it carries a valid one."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return user_for_token(db.session, token.strip())


def safe_next(target: str | None, fallback: str = "main.index") -> str:
    """Where to go after a form (``next``): only a path on this site, never another host.

    Refuses absolute and protocol-relative URLs (``https://…``, ``//…``, ``/\\…``), backslashes and
    control characters, which browsers may turn into another host; anything else becomes ``fallback``.
    """
    if target and _is_local_path(target):
        return target
    return url_for(fallback)


def _is_local_path(target: str) -> bool:
    from urllib.parse import urlsplit

    if not target.startswith("/") or target.startswith(("//", "/\\")):
        return False
    if "\\" in target or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def role_required(*questions):
    """Allow the view only to logged-in users for whom a question of ``signals.permissions`` says yes
    (``role_required(may_administer)``); every logged-in user when none is given.

    Role tuples of ``signals.permissions`` (``*LETTER_ROLES``) are accepted too, and asked there.
    """

    def allowed(user) -> bool:
        roles = [q for q in questions if isinstance(q, str)]
        asked = [q for q in questions if callable(q)]
        return (bool(roles) and is_role(user, *roles)) or any(question(user) for question in asked)

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if questions and not allowed(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


login_manager.login_view = "auth.login"
login_manager.login_message = N_("Log in om deze pagina te zien.")
login_manager.localize_callback = gettext
login_manager.login_message_category = "info"
