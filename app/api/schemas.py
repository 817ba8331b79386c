"""Marshmallow schemas: the API's input shapes, also the source of the OpenAPI document."""

from __future__ import annotations

from marshmallow import EXCLUDE, RAISE, Schema, ValidationError, fields, validates_schema
from marshmallow.validate import Range

from signals.access import MAX_ID
from signals.intake import PEOPLE_MAX, TEXT_MAX, TITLE_MAX

MESSAGES = {
    "required": "Dit veld is verplicht.",
    "null": "Dit veld mag niet leeg (null) zijn.",
    "invalid": "Ongeldige waarde.",
}


def _messages(**extra: str) -> dict[str, str]:
    return {**MESSAGES, **extra}


def Text(required: bool = False, max_length: int | None = None, **kw):
    """A string field with Dutch messages and an optional maximum length."""
    from marshmallow.validate import Length

    validate = [Length(max=max_length, error=f"Hoogstens {max_length} tekens.")] if max_length else []
    return fields.String(
        required=required,
        validate=validate,
        error_messages=_messages(invalid="Moet tekst zijn."),
        **kw,
    )


def Codes(**kw):
    """A list of codes (strings)."""
    return fields.List(
        fields.String(error_messages=_messages(invalid="Moet een code (tekst) zijn.")),
        error_messages=_messages(invalid="Moet een lijst zijn."),
        **kw,
    )


class StrictBoolean(fields.Boolean):
    """JSON true or false only: not 1, 0, "yes" or "true" (1 == True would slip through truthy={True})."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


def SignalId():
    """A signal number: a positive 64-bit integer (a larger one is 422, never a database error)."""
    return fields.Integer(
        strict=True,
        validate=Range(min=1, max=MAX_ID, error="Geen bestaand signaalnummer."),
        error_messages=_messages(invalid="Moet een signaalnummer zijn."),
    )


class BaseSchema(Schema):
    class Meta:
        unknown = EXCLUDE


class SignalInSchema(BaseSchema):
    """A new signal."""

    channel = Text(required=True, max_length=16)
    title = Text(required=True, max_length=TITLE_MAX)
    description = Text(required=True, max_length=TEXT_MAX)
    regulations = Codes(load_default=list)
    observed_on = fields.Date(
        allow_none=True, error_messages=_messages(invalid="Gebruik een datum als JJJJ-MM-DD.")
    )
    people_affected = fields.Integer(
        strict=True,
        allow_none=True,
        validate=Range(min=1, max=PEOPLE_MAX, error=f"Vul een aantal van 1 tot en met {PEOPLE_MAX} in."),
        error_messages=_messages(invalid="Moet een geheel getal zijn."),
    )
    themes = Codes(load_default=list)
    impact = Text(max_length=TEXT_MAX, load_default="", allow_none=True)
    proposed_solution = Text(max_length=TEXT_MAX, load_default="", allow_none=True)
    contact = Text(max_length=500, load_default="", allow_none=True)
    #: the channel's own reference; a repeat returns the signal already stored (200)
    external_id = Text(max_length=100, load_default="", allow_none=True)


class SuggestInSchema(BaseSchema):
    """Text to route, stored nowhere."""

    title = Text(load_default="", max_length=TITLE_MAX)
    description = Text(load_default="", max_length=TEXT_MAX)
    regulations = Codes(load_default=list)
    channel = Text(load_default="", max_length=16)

    @validates_schema
    def some_text(self, data, **kwargs):
        if not (data.get("title") or "").strip() and not (data.get("description") or "").strip() and not data.get("regulations"):
            raise ValidationError("Geef een titel, een beschrijving of een regeling.", "description")


class TransitionInSchema(BaseSchema):
    """A workflow step."""

    to = Text(required=True, max_length=20)
    note = Text(load_default="", max_length=TEXT_MAX, allow_none=True)
    ministry = Text(load_default=None, allow_none=True, max_length=16)
    co_ministries = Codes(load_default=list)
    outcome = Text(load_default=None, allow_none=True, max_length=20)
    response = Text(load_default="", max_length=TEXT_MAX, allow_none=True)
    target = fields.Raw(load_default=None, allow_none=True)


def flatten_errors(messages) -> dict[str, list[str]]:
    """Marshmallow's nested messages as {field: [message, …]}."""
    if isinstance(messages, list):
        return {"_schema": [str(m) for m in messages]}
    flat: dict[str, list[str]] = {}
    for name, value in messages.items():
        if isinstance(value, dict):
            items = []
            for index, inner in value.items():
                inner_list = inner if isinstance(inner, list) else [inner]
                items.extend(f"[{index}] {m}" for m in inner_list)
            flat[name] = items
        else:
            flat[name] = [str(m) for m in (value if isinstance(value, list) else [value])]
    return flat


class KnelpuntPatchSchema(BaseSchema):
    """Changed descriptive fields of a knelpunt; fields left out stay as they are."""

    title = Text(max_length=200)
    problem = Text(max_length=TEXT_MAX, allow_none=True)
    consequences = Text(max_length=TEXT_MAX, allow_none=True)
    solution_direction = Text(max_length=TEXT_MAX, allow_none=True)
    instrument = Text(allow_none=True, max_length=20)


class KnelpuntInSchema(BaseSchema):
    """A new knelpunt, established from signals."""

    title = Text(required=True, max_length=200)
    ministry = Text(required=True, max_length=16)
    signal_ids = fields.List(
        SignalId(),
        load_default=list,
        error_messages=_messages(invalid="Moet een lijst zijn."),
    )
    problem = Text(load_default="", max_length=TEXT_MAX, allow_none=True)
    consequences = Text(load_default="", max_length=TEXT_MAX, allow_none=True)
    solution_direction = Text(load_default="", max_length=TEXT_MAX, allow_none=True)
    instrument = Text(load_default=None, allow_none=True, max_length=20)
    co_ministries = Codes(load_default=list)
    regulations = Codes(load_default=list)


class LinkInSchema(BaseSchema):
    """Signals to link to a knelpunt."""

    signal_ids = fields.List(
        SignalId(),
        required=True,
        error_messages=_messages(invalid="Moet een lijst zijn."),
    )


class StatusInSchema(BaseSchema):
    """A knelpunt's status change."""

    to = Text(required=True, max_length=20)
    note = Text(load_default="", max_length=TEXT_MAX, allow_none=True)


class FeedbackInSchema(BaseSchema):
    """The frontline's rating of an answer."""

    useful = StrictBoolean(required=True, error_messages=_messages(invalid="Moet true of false zijn."))
    comment = Text(load_default="", max_length=TEXT_MAX, allow_none=True)


class SplitInSchema(BaseSchema):
    """The second problem that becomes a signal of its own."""

    title = Text(required=True, max_length=TITLE_MAX)
    description = Text(required=True, max_length=TEXT_MAX)
    regulations = Codes(load_default=list)


class CorrectionInSchema(BaseSchema):
    """The submitter's corrected texts (only the fields given change)."""

    class Meta:
        unknown = RAISE

    title = Text(max_length=TITLE_MAX)
    description = Text(max_length=TEXT_MAX)
    impact = Text(max_length=TEXT_MAX)
    proposed_solution = Text(max_length=TEXT_MAX)


class WithdrawInSchema(BaseSchema):
    """Why the submitter withdraws the signal (optional)."""

    reason = Text(load_default="", max_length=2000, allow_none=True)
