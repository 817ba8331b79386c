"""API for follow-up: knelpunten, feedback, split and similar signals."""

from __future__ import annotations

from flask import jsonify, url_for

from app.api import bp
from app.api import serializers as out
from app.api.routes import _int_arg, _load, _user
from app.api.schemas import (
    FeedbackInSchema,
    KnelpuntInSchema,
    KnelpuntPatchSchema,
    LinkInSchema,
    SplitInSchema,
    StatusInSchema,
)
from app.extensions import db
from app.privacy_notice import removed_from, removed_from_event
from signals.access import get_signal_for
from signals.followup import give_feedback, split_signal
from signals.knelpunten import (
    create_knelpunt,
    get_knelpunt_for,
    knelpunt_counts,
    knelpunt_history,
    link_signals,
    list_knelpunten_page,
    transition_knelpunt,
    unlink_signal,
    update_knelpunt,
)
from signals.similarity import find_similar


def _knelpunt_body(knelpunt) -> dict:
    return out.knelpunt_json(knelpunt, knelpunt_counts(db.session, [knelpunt.id])[knelpunt.id])


@bp.get("/knelpunten")
def list_knelpunten():
    from flask import request

    page = list_knelpunten_page(
        db.session,
        _user(),
        status=request.args.get("status") or None,
        ministry=request.args.get("ministry") or None,
        page=_int_arg("page", 1, 1, 1_000_000),
        per_page=_int_arg("per_page", 25, 1, 100),
    )
    counts = knelpunt_counts(db.session, [k.id for k in page.items])
    return jsonify(
        {
            "items": [out.knelpunt_json(k, counts[k.id]) for k in page.items],
            "total": page.total,
            "page": page.page,
            "per_page": page.per_page,
            "pages": page.pages,
        }
    )


@bp.post("/knelpunten")
def create_knelpunt_api():
    data = _load(KnelpuntInSchema())
    knelpunt = create_knelpunt(db.session, _user(), **data)
    removed = removed_from(knelpunt)
    response = jsonify({**_knelpunt_body(knelpunt), "removed_personal_data": removed})
    response.status_code = 201
    response.headers["Location"] = url_for(".get_knelpunt", knelpunt_id=knelpunt.id)
    return response


@bp.route("/knelpunten/<int:knelpunt_id>", methods=["GET", "PATCH"])
def get_knelpunt(knelpunt_id: int):
    # one rule for both methods: with two rules werkzeug answers an out-of-range id with 405, not 404
    from flask import request

    knelpunt = get_knelpunt_for(db.session, _user(), knelpunt_id)
    if request.method == "GET":
        return jsonify(_knelpunt_body(knelpunt))
    data = _load(KnelpuntPatchSchema())
    update_knelpunt(db.session, knelpunt, _user(), **data)
    return jsonify({**_knelpunt_body(knelpunt), "removed_personal_data": removed_from(knelpunt)})


@bp.post("/knelpunten/<int:knelpunt_id>/signals")
def link_knelpunt_signals(knelpunt_id: int):
    knelpunt = get_knelpunt_for(db.session, _user(), knelpunt_id)
    data = _load(LinkInSchema())
    link_signals(db.session, knelpunt, _user(), data["signal_ids"])
    return jsonify(_knelpunt_body(knelpunt))


@bp.delete("/knelpunten/<int:knelpunt_id>/signals/<int:signal_id>")
def unlink_knelpunt_signal(knelpunt_id: int, signal_id: int):
    knelpunt = get_knelpunt_for(db.session, _user(), knelpunt_id)
    unlink_signal(db.session, knelpunt, _user(), signal_id)
    return jsonify(_knelpunt_body(knelpunt))


@bp.post("/knelpunten/<int:knelpunt_id>/transitions")
def knelpunt_transition(knelpunt_id: int):
    knelpunt = get_knelpunt_for(db.session, _user(), knelpunt_id)
    data = _load(StatusInSchema())
    event = transition_knelpunt(db.session, knelpunt, data["to"], _user(), note=data.get("note"))
    return jsonify({"knelpunt": _knelpunt_body(knelpunt), "event": out.event_json(event), "removed_personal_data": removed_from_event(event)})


@bp.get("/knelpunten/<int:knelpunt_id>/history")
def knelpunt_history_api(knelpunt_id: int):
    knelpunt = get_knelpunt_for(db.session, _user(), knelpunt_id)
    return jsonify({"items": [out.event_json(e) for e in knelpunt_history(db.session, knelpunt)], "knelpunt_id": knelpunt.id})


@bp.post("/signals/<int:signal_id>/feedback")
def signal_feedback(signal_id: int):
    signal = get_signal_for(db.session, _user(), signal_id)
    data = _load(FeedbackInSchema())
    give_feedback(db.session, signal, _user(), data["useful"], data.get("comment") or "")
    removed = removed_from(signal)
    return jsonify({**out.signal_json(signal), "removed_personal_data": removed})


@bp.post("/signals/<int:signal_id>/split")
def signal_split(signal_id: int):
    signal = get_signal_for(db.session, _user(), signal_id)
    data = _load(SplitInSchema())
    part = split_signal(db.session, signal, _user(), data["title"], data["description"], data.get("regulations"))
    response = jsonify({"original": out.signal_json(signal), "part": out.signal_json(part), "removed_personal_data": removed_from(part)})
    response.status_code = 201
    return response


@bp.get("/signals/<int:signal_id>/similar")
def signal_similar(signal_id: int):
    signal = get_signal_for(db.session, _user(), signal_id)
    similar = find_similar(db.session, _user(), signal)
    return jsonify(
        {
            "items": [
                {"id": s.signal.id, "reference": s.signal.reference, "title": s.signal.title, "status": s.signal.status, "score": s.score, "same_regulation": s.same_regulation}
                for s in similar
            ]
        }
    )
