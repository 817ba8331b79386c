"""Following a knelpunt: a button on its page; an e-mail on every status change (signals.subscriptions)."""

from __future__ import annotations

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.knelpunten import bp
from app.knelpunten.forms import ConfirmForm
from app.security import role_required
from signals.knelpunten import get_knelpunt_for
from signals.permissions import may_follow_knelpunten
from signals.subscriptions import follow, is_following, unfollow


def _toggle(knelpunt_id: int, change, message: str):
    """Follow or unfollow (``change``) the knelpunt after a confirmed POST, then back to its page."""
    knelpunt = get_knelpunt_for(db.session, current_user, knelpunt_id)
    if ConfirmForm().validate_on_submit():
        change(db.session, current_user, knelpunt)
        db.session.commit()
        flash(message, "success")
    return redirect(url_for(".detail", knelpunt_id=knelpunt.id))


@bp.post("/<int:knelpunt_id>/volgen")
@role_required(may_follow_knelpunten)
def follow_knelpunt(knelpunt_id: int):
    return _toggle(knelpunt_id, follow, _("U volgt dit knelpunt. U krijgt een e-mail bij elke nieuwe status."))


@bp.post("/<int:knelpunt_id>/niet-meer-volgen")
@role_required(may_follow_knelpunten)
def unfollow_knelpunt(knelpunt_id: int):
    return _toggle(knelpunt_id, unfollow, _("U volgt dit knelpunt niet meer."))


@bp.app_context_processor
def follow_helpers():
    """`follow_state(knelpunt)` for the knelpunt page: None (may not follow), True or False."""

    def follow_state(knelpunt):
        if not current_user.is_authenticated or not may_follow_knelpunten(current_user):
            return None
        return is_following(db.session, current_user, knelpunt)

    return {"follow_state": follow_state, "follow_form": ConfirmForm}
