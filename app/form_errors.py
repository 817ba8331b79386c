"""Putting the domain's field errors on a WTForm, so they show beside the right field."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_wtf import FlaskForm

from signals.errors import DomainError, Message


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
