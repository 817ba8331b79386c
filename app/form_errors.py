"""Putting the domain's field errors on a WTForm, so they show beside the right field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import gettext as _
from flask_wtf import FlaskForm

from app.extensions import db
from signals.errors import DomainError, InvalidInput, Message

#: what ``attempt`` returns when the domain refused the form's input
FAILED: Any = object()


def translate(message: str) -> str:
    """A domain message in the user's language, with its values filled in after translating."""
    if isinstance(message, Message):
        return _(message.msgid, **message.params)
    return _(message)


def add_domain_errors(form: FlaskForm, error: DomainError, aliases: dict[str, str] | None = None) -> None:
    """Attach each translated message to its field (renamed by ``aliases``); others to the form as a whole."""
    for name, messages in error.fields.items():
        field = getattr(form, (aliases or {}).get(name, name), None)
        translated = [translate(m) for m in messages]
        if field is not None and hasattr(field, "errors"):
            field.errors = list(field.errors) + translated
        else:
            form.form_errors.extend(translated)


def attempt(form: FlaskForm, action: Callable[[], Any], aliases: dict[str, str] | None = None) -> Any:
    """Run the domain ``action`` of a validated form and return its result; when the domain refuses the
    input (InvalidInput), roll back, put its messages beside the fields and return ``FAILED``."""
    try:
        return action()
    except InvalidInput as error:
        db.session.rollback()
        add_domain_errors(form, error, aliases)
        return FAILED
