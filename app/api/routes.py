"""API handlers: load, check access, act, respond — as the screens do."""

from __future__ import annotations

from flask import current_app, g, jsonify, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from marshmallow import Schema, ValidationError
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import BadRequest

from app.api import bp
from app.api import serializers as out
from app.api.openapi import build_openapi
from app.api.schemas import (
    CorrectionInSchema,
    SignalInSchema,
    SuggestInSchema,
    TransitionInSchema,
    WithdrawInSchema,
    flatten_errors,
)
from app.errors import json_error
from app.extensions import db
from app.intake.checks import signal_list_checks
from app.mail import commit_and_deliver
from app.privacy_notice import removed_from_event
from app.security import bearer_user
from signals import reference
from signals.access import find_signal_by_reference, get_signal_for, list_signals_for
from signals.errors import FieldErrors, InvalidInput, NotFound
from signals.followup import get_contact_for
from signals.intake import SignalDraft, decide_routing, find_by_external_id, resolve_regulation_codes, submit_signal
from signals.routing import ministry_alternatives
from signals.teamwork import visible_signal_history
from signals.vocabulary import STATUSES
from signals.workflow import transition_signal

PUBLIC_ENDPOINTS = {"api.openapi", "api.reference_list"}


@bp.before_request
def authenticate():
    """Bearer token for every call; a logged-in browser session may read (GET) too."""
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    user = bearer_user()
    if user is None and request.method == "GET" and current_user.is_authenticated:
        user = current_user._get_current_object()
    if user is None:
        return json_error(401, _("Log in of geef een geldige API-sleutel mee (Authorization: Bearer …)."))
    g.api_user = user
    return None


def _user():
    return g.api_user


def _load(schema: Schema) -> dict:
    """Parse the JSON body with ``schema``; bad JSON is 400, bad fields 422."""
    try:
        payload = request.get_json(force=True, silent=False)
    except BadRequest:
        raise InvalidJSON() from None
    if not isinstance(payload, dict):
        raise InvalidJSON()
    try:
        return schema.load(payload)
    except ValidationError as error:
        raise InvalidInput(flatten_errors(error.messages)) from error


class InvalidJSON(InvalidInput):
    """The body is not a JSON object."""

    code = "bad_json"
    status = 400

    def __init__(self):
        super().__init__({}, "De inhoud van het verzoek is geen geldig JSON-object.")


@bp.get("/openapi.json")
def openapi():
    return jsonify(build_openapi())


@bp.get("/reference/<kind>")
def reference_list(kind: str):
    listings = {
        "ministries": lambda: [out.ministry_json(m) for m in reference.list_ministries(db.session)],
        "organisations": lambda: [out.organisation_json(o) for o in reference.list_organisations(db.session)],
        "channels": lambda: [out.channel_json(c) for c in reference.list_channels(db.session)],
        "regulations": lambda: [out.regulation_json(r) for r in reference.list_regulations(db.session)],
    }
    if kind not in listings:
        return json_error(404, _("Onbekende lijst. Kies uit: ministries, organisations, channels, regulations."))
    items = listings[kind]()
    return jsonify({"items": items, "count": len(items)})


@bp.post("/signals")
def create_signal():
    data = _load(SignalInSchema())
    draft = SignalDraft(**{k: data.get(k) for k in SignalDraft.__dataclass_fields__})
    draft.impact = draft.impact or ""
    draft.proposed_solution = draft.proposed_solution or ""
    draft.contact = draft.contact or ""
    draft.external_id = (draft.external_id or "").strip()
    existing = _existing_by_external_id(draft)
    if existing is not None:
        return existing
    try:
        signal, decision = submit_signal(db.session, _user(), draft, threshold=current_app.config["ROUTING_THRESHOLD"])
        # the answer is made from what is in hand, before the commit expires it (no reloading)
        body = out.signal_json(signal)
        body["removed_personal_data"] = list(signal.masked or [])
        body["routing"] = {**decision.as_dict(), "alternatives": ministry_alternatives(decision), "suggestions": decision.alternatives}
        location = url_for(".get_signal", signal_id=signal.id)
        commit_and_deliver()
    except IntegrityError:
        # the same external id arrived twice at once: the other request stored it first
        db.session.rollback()
        existing = _existing_by_external_id(draft)
        if existing is None:
            raise
        return existing
    response = jsonify(body)
    response.status_code = 201
    response.headers["Location"] = location
    return response


def _existing_by_external_id(draft: SignalDraft):
    """200 with the signal the channel already sent under this external id, if the caller may see it."""
    if not draft.external_id:
        return None
    found = find_by_external_id(db.session, draft.channel, draft.external_id)
    if found is None:
        return None
    signal = get_signal_for(db.session, _user(), found.id)  # NotFound when it is not the caller's to see
    response = jsonify(out.signal_json(signal))
    response.headers["Location"] = url_for(".get_signal", signal_id=signal.id)
    return response


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or not (low <= int(raw) <= high):
        raise InvalidInput({name: [f"Geef een geheel getal van {low} tot en met {high}."]})
    return int(raw)


@bp.get("/signals")
def list_signals():
    status = request.args.get("status") or None
    statuses = status.split(",") if status else None
    if statuses and any(s not in STATUSES for s in statuses):
        raise InvalidInput({"status": ["Onbekende status."]})
    page_number = _int_arg("page", 1, 1, 1_000_000)
    per_page = _int_arg("per_page", 25, 1, 100)
    checks = signal_list_checks(request.args, lead_arg="lead_ministry")
    backlog = checks.pop("statuses", None)
    page = list_signals_for(
        db.session,
        _user(),
        status=statuses or backlog,
        **checks,
        ministry=request.args.get("ministry") or None,
        channel=request.args.get("channel") or None,
        query=request.args.get("q") or None,
        page=page_number,
        per_page=per_page,
    )
    return jsonify(
        {
            "items": [out.signal_json(s) for s in page.items],
            "total": page.total,
            "total_capped": page.total_capped,
            "page": page.page,
            "per_page": page.per_page,
            "pages": page.pages,
        }
    )


@bp.get("/signals/<int:signal_id>")
def get_signal(signal_id: int):
    signal = get_signal_for(db.session, _user(), signal_id)
    return jsonify({**out.signal_json(signal), "contact": get_contact_for(db.session, _user(), signal)})


@bp.get("/signals/<int:signal_id>/history")
def signal_history(signal_id: int):
    signal = get_signal_for(db.session, _user(), signal_id)
    events = visible_signal_history(db.session, _user(), signal)
    return jsonify({"items": [out.event_json(e) for e in events], "signal_id": signal.id})


@bp.post("/signals/<int:signal_id>/transitions")
def transition(signal_id: int):
    user = _user()
    signal = get_signal_for(db.session, user, signal_id)
    data = _load(TransitionInSchema())
    target = None
    if data.get("target") not in (None, ""):
        target = find_signal_by_reference(db.session, user, str(data["target"]))
        if target is None:
            raise InvalidInput({"target": ["Geen signaal met dit nummer of kenmerk gevonden."]})
    event = transition_signal(
        db.session,
        signal,
        data["to"],
        user,
        note=data.get("note"),
        ministry=data.get("ministry"),
        co_ministries=data.get("co_ministries") or [],
        outcome=data.get("outcome"),
        response=data.get("response"),
        target=target,
    )
    return jsonify({"signal": out.signal_json(signal), "event": out.event_json(event), "removed_personal_data": removed_from_event(event)})


@bp.post("/signals/<int:signal_id>/correction")
def correct_signal_api(signal_id: int):
    """The submitter corrects the texts until the ministry accepts the signal (masked like the intake)."""
    from signals.correction import TEXT_FIELDS, correct_signal

    user = _user()
    signal = get_signal_for(db.session, user, signal_id)
    data = _load(CorrectionInSchema())
    removed = correct_signal(db.session, signal, user, **{name: data[name] for name in TEXT_FIELDS if data.get(name) is not None})
    commit_and_deliver()
    return jsonify({**out.signal_json(signal), "removed_personal_data": list(removed)})


@bp.post("/signals/<int:signal_id>/withdraw")
def withdraw_signal_api(signal_id: int):
    """The submitter withdraws the signal until the ministry accepts it."""
    from signals.correction import withdraw_signal

    user = _user()
    signal = get_signal_for(db.session, user, signal_id)
    data = _load(WithdrawInSchema())
    event = withdraw_signal(db.session, signal, user, data.get("reason") or "")
    commit_and_deliver()
    return jsonify({"signal": out.signal_json(signal), "event": out.event_json(event), "removed_personal_data": removed_from_event(event)})


@bp.post("/routing/suggest")
def suggest():
    data = _load(SuggestInSchema())
    errors = FieldErrors()
    regulations = resolve_regulation_codes(db.session, data["regulations"], errors)
    errors.raise_if_any()
    decision = decide_routing(
        db.session, regulations, f"{data['title']}\n{data['description']}", current_app.config["ROUTING_THRESHOLD"]
    )
    return jsonify(
        {
            **decision.as_dict(),
            "regulations": decision.regulations,
            "alternatives": ministry_alternatives(decision, limit=5),
            "suggestions": decision.alternatives,
        }
    )


@bp.errorhandler(NotFound)
def not_found(error: NotFound):
    return json_error(404, _(error.message))
