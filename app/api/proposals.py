"""API for proposed knelpunten: list (kept up to date on read), adopt in one step, dismiss with a reason."""

from __future__ import annotations

from flask import jsonify, request, url_for
from marshmallow import Schema, fields, validate

from app.api import bp
from app.api.routes import _load, _user
from app.extensions import db
from app.mail import commit_and_deliver
from signals import permissions
from signals.errors import N_, PermissionDenied
from signals.proposals import (
    PROPOSAL_STATUSES,
    adopt_proposal,
    dismiss_proposal,
    get_proposal_for,
    list_proposals_for,
    proposal_as_dict,
    refresh_up_to_date,
)


class AdoptInSchema(Schema):
    signal_ids = fields.List(fields.Integer(strict=True), required=True, metadata={"description": "De signalen van het voorstel die het knelpunt krijgt"})
    title = fields.String(validate=validate.Length(min=1, max=200), metadata={"description": "Titel; standaard die van het voorstel"})
    ministry = fields.String(validate=validate.Length(max=16), metadata={"description": "Leidend ministerie; standaard dat van het voorstel"})


class DismissInSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000), metadata={"description": "Waarom dit geen knelpunt is"})


def _check_reader() -> None:
    if not permissions.may_see_proposals(_user()):
        raise PermissionDenied(N_("Alleen de coördinator en beleidsmedewerkers van ministeries zien mogelijke knelpunten."))


@bp.get("/knelpunten/proposals")
def list_proposals():
    _check_reader()
    refresh_up_to_date(db.session)
    status = request.args.get("status") or "open"
    statuses = (status,) if status in PROPOSAL_STATUSES else ("open",)
    items = list_proposals_for(db.session, _user(), statuses)
    return jsonify({"items": [proposal_as_dict(p) for p in items], "total": len(items)})


@bp.get("/knelpunten/proposals/<int:proposal_id>")
def get_proposal(proposal_id: int):
    _check_reader()
    return jsonify(proposal_as_dict(get_proposal_for(db.session, _user(), proposal_id)))


@bp.post("/knelpunten/proposals/<int:proposal_id>/adopt")
def adopt(proposal_id: int):
    _check_reader()
    proposal = get_proposal_for(db.session, _user(), proposal_id)
    data = _load(AdoptInSchema())
    knelpunt = adopt_proposal(db.session, _user(), proposal, data["signal_ids"], title=data.get("title"), ministry=data.get("ministry"))
    commit_and_deliver()
    body = {"proposal": proposal_as_dict(proposal), "knelpunt": {"id": knelpunt.id, "reference": knelpunt.reference}}
    return jsonify(body), 201, {"Location": url_for("api.get_knelpunt", knelpunt_id=knelpunt.id)}


@bp.post("/knelpunten/proposals/<int:proposal_id>/dismiss")
def dismiss(proposal_id: int):
    _check_reader()
    proposal = get_proposal_for(db.session, _user(), proposal_id)
    data = _load(DismissInSchema())
    dismiss_proposal(db.session, _user(), proposal, data["reason"])
    commit_and_deliver()
    return jsonify(proposal_as_dict(proposal))
