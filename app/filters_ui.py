"""Saved filters on list pages: save, apply (a link) and delete with confirmation."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length

from app.extensions import db
from app.form_errors import translate
from app.security import role_required
from signals.errors import InvalidInput
from signals.filters import PAGES, delete_filter, list_filters, save_filter
from signals.permissions import may_work_with_signals

bp = Blueprint("filters", __name__)

#: list page -> endpoint that shows it
ENDPOINTS = {"signals": "intake.index", "queue": "triage.queue"}


class SaveFilterForm(FlaskForm):
    name = StringField(_l("Naam van dit filter"), validators=[DataRequired(_l("Geef het filter een naam.")), Length(max=100)])
    page = HiddenField()
    query = HiddenField()


class DeleteFilterForm(FlaskForm):
    """An empty form: its CSRF token confirms the deletion."""


def filter_panel(page: str) -> dict:
    """What a list template needs to show saved filters and the save form."""
    form = SaveFilterForm(page=page, query=request.query_string.decode("utf-8", "replace"), formdata=None)
    return {"saved_filters": list_filters(db.session, current_user, page), "save_filter_form": form, "filter_page": page}


@bp.post("/bewaren")
@role_required(may_work_with_signals)
def save():
    form = SaveFilterForm()
    page = form.page.data if form.page.data in PAGES else "signals"
    if form.validate_on_submit():
        try:
            saved = save_filter(db.session, current_user, page, form.name.data, form.query.data)
        except InvalidInput as error:
            db.session.rollback()
            flash(" ".join(translate(m) for messages in error.fields.values() for m in messages), "error")
        else:
            db.session.commit()
            flash(_("Filter „%(name)s” bewaard.", name=saved.name), "success")
            return redirect(url_for(ENDPOINTS[page]) + (f"?{saved.query}" if saved.query else ""))
    else:
        flash(_("Geef het filter een naam."), "error")
    return redirect(url_for(ENDPOINTS[page]) + (f"?{form.query.data}" if form.query.data else ""))


@bp.route("/<int:filter_id>/verwijderen", methods=["GET", "POST"])
@role_required(may_work_with_signals)
def delete(filter_id: int):
    form = DeleteFilterForm()
    saved = next((f for page in PAGES for f in list_filters(db.session, current_user, page) if f.id == filter_id), None)
    if saved is None:
        flash(_("Dit filter bestaat niet."), "error")
        return redirect(url_for("main.index"))
    if request.method == "POST" and form.validate_on_submit():
        delete_filter(db.session, current_user, filter_id)
        db.session.commit()
        flash(_("Filter verwijderd."), "success")
        return redirect(url_for(ENDPOINTS[saved.page]))
    return render_template(
        "confirm.html",
        form=form,
        title=_("Filter verwijderen?"),
        question=_("Wilt u het filter „%(name)s” verwijderen? De signalen zelf blijven bestaan.", name=saved.name),
        confirm_label=_("Ja, verwijderen"),
        cancel_url=url_for(ENDPOINTS[saved.page]),
    )
