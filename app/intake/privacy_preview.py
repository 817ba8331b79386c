"""Look before you send: the intake form shows the masked text before the signal is stored.

Without JavaScript the form posts to a second step (the masked text, the
original input in hidden fields, "Bevestigen" or "Aanpassen"); with JavaScript
app/static/js/privacy-preview.js asks ``/signalen/nieuw/voorbeeld`` for the
masked text while the user types and shows it inline, and the form is then
stored in one step. Only a text the guard changes needs confirming.
"""

from __future__ import annotations

from flask import jsonify, render_template, request
from flask_babel import gettext as _
from flask_login import current_user  # noqa: F401  (role_required reads it)

from app.intake import bp
from app.privacy_notice import masked_notice
from app.security import role_required
from signals.intake import SUBMITTER_ROLES
from signals.privacy import mask_fields

PREVIEW_FIELDS = ("title", "description", "impact", "proposed_solution")
CONFIRM, CHANGE = "bevestigen", "aanpassen"


def masked_preview(values: dict[str, str]) -> tuple[dict[str, str], tuple[str, ...]]:
    """The texts as they would be stored, and the kinds removed."""
    fields, kinds = mask_fields({name: (values.get(name) or "").strip() for name in PREVIEW_FIELDS})
    return {name: fields[name] or "" for name in PREVIEW_FIELDS}, kinds


def privacy_step(form, draft):
    """A response for the confirmation step, or None when the signal may be stored now."""
    choice = request.form.get("privacy_step", "")
    if choice == CHANGE:
        return render_template("intake/new.html", form=form, **_new_context()), 200
    if choice == CONFIRM or request.form.get("preview_seen") == "1":
        return None
    fields, kinds = masked_preview({name: getattr(draft, name) for name in PREVIEW_FIELDS})
    if not kinds:
        return None
    labels = {name: getattr(form, name).label.text for name in PREVIEW_FIELDS}
    return render_template("intake/preview.html", form=form, fields=fields, labels=labels, notice=masked_notice(kinds)), 200


def _new_context() -> dict:
    from app.extensions import db
    from signals import reference

    return {"regulations": reference.list_regulations(db.session), "label": reference.regulation_label}


@bp.post("/nieuw/voorbeeld")
@role_required(*SUBMITTER_ROLES)
def preview():
    """The masked texts for the inline preview (JSON; the form's CSRF token is required)."""
    fields, kinds = masked_preview({name: request.form.get(name, "")[:10_000] for name in PREVIEW_FIELDS})
    return jsonify(
        {
            "masked": list(kinds),
            "notice": masked_notice(kinds) if kinds else _("Er is niets verwijderd: uw tekst gaat zo naar het ministerie."),
            "fields": fields,
        }
    )
