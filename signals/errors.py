"""Domain errors, each mapped to one HTTP status by the web layer.

Messages are Dutch msgids marked with ``N_`` so Babel extracts them; the web
layer translates them for the user's language.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a message for translation without translating it here."""
    return message


class Message(str):
    """A message filled in with values that keeps its msgid, so the web layer can still translate it."""

    msgid: str
    params: dict

    def __new__(cls, msgid: str, **params) -> Message:
        message = super().__new__(cls, msgid % params if params else msgid)
        message.msgid, message.params = msgid, params
        return message


class DomainError(Exception):
    """Base class: a rule of the domain refused the request."""

    code = "error"
    status = 400

    def __init__(self, message: str, fields: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class InvalidInput(DomainError):
    """One or more fields are missing or wrong."""

    code = "invalid"
    status = 422

    def __init__(self, fields: dict[str, list[str]], message: str = N_("Niet alle velden zijn goed ingevuld.")):
        super().__init__(message, fields)


class NotFound(DomainError):
    """The object does not exist, or the user may not know it exists."""

    code = "not_found"
    status = 404


class PermissionDenied(DomainError):
    """The user may see the object but not do this."""

    code = "forbidden"
    status = 403


class TransitionNotAllowed(DomainError):
    """The workflow does not allow this change from the current state."""

    code = "conflict"
    status = 409


class FieldErrors:
    """Collects messages per field and raises them together."""

    def __init__(self) -> None:
        self.fields: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.fields.setdefault(field, []).append(message)

    def raise_if_any(self) -> None:
        if self.fields:
            raise InvalidInput(self.fields)
