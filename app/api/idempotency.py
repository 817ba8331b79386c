"""Idempotency-Key on every POST of the API: a client may retry safely.

The first answer to (user, key) is stored in the same transaction as the change it reports, so after a
crash either both exist or neither: a retry with the same key and body gets the stored answer (with
``Idempotent-Replayed: true``) and changes nothing; the same key with another body is 422. Two
simultaneous requests with one key cannot both be stored: the unique (user, key) constraint lets the
first win, and the second answers with the first's answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from flask import Response, g, request
from flask_babel import gettext as _
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from app.api import bp
from app.errors import json_error
from app.extensions import db
from signals.models import IdempotencyRecord, utcnow

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 200
#: how long a key is remembered
RETENTION = dt.timedelta(hours=24)


def _fingerprint() -> str:
    """Method, path and body; JSON bodies compare by content, not by spacing or key order."""
    raw = request.get_data(cache=True)
    try:
        body = json.dumps(json.loads(raw), sort_keys=True, separators=(",", ":")).encode("utf-8")
    except ValueError:
        body = raw
    digest = hashlib.sha256()
    for part in (request.method.encode(), request.path.encode("utf-8"), body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def _find(user_id: int, key: str) -> IdempotencyRecord | None:
    record = db.session.scalars(
        select(IdempotencyRecord).where(IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key)
    ).first()
    if record is not None and _as_utc(record.created_at) < utcnow() - RETENTION:
        db.session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.id == record.id))
        db.session.commit()
        return None
    return record


def _as_utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _replay(record: IdempotencyRecord, fingerprint: str):
    if record.fingerprint != fingerprint:
        return json_error(
            422,
            _("Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel."),
            "idempotency_key_reused",
            {HEADER: [_("Al gebruikt voor een ander verzoek.")]},
        )
    response = Response(record.body, status=record.status_code, content_type=record.content_type)
    if record.location:
        response.headers["Location"] = record.location
    response.headers["Idempotent-Replayed"] = "true"
    return response


def begin() -> Response | None:
    """Before the handler: replay a known key, refuse a misused one, or remember it for the answer."""
    g.pop("idempotency", None)
    if request.method != "POST" or HEADER not in request.headers:
        return None
    key = request.headers[HEADER].strip()
    if not key or len(key) > MAX_KEY_LENGTH or not key.isprintable():
        return json_error(
            422,
            _("Een Idempotency-Key is 1 tot 200 leesbare tekens lang."),
            "invalid",
            {HEADER: [_("Een Idempotency-Key is 1 tot 200 leesbare tekens lang.")]},
        )
    fingerprint = _fingerprint()
    user = g.api_user
    record = _find(user.id, key)
    if record is not None:
        return _replay(record, fingerprint)
    g.idempotency = {"user_id": user.id, "key": key, "fingerprint": fingerprint, "deferred": False}
    return None


def defer_commit() -> bool:
    """Called by commit_and_deliver: inside a keyed request the change is committed with its answer."""
    state = g.get("idempotency")
    if state is None:
        return False
    db.session.flush()
    state["deferred"] = True
    return True


@bp.after_request
def finish(response: Response) -> Response:
    """Store the answer with the change (one commit); a 5xx is not stored, so the client can retry."""
    state = g.pop("idempotency", None)
    if state is None:
        return response
    if response.status_code >= 500:
        db.session.rollback()
        return response
    if response.status_code >= 400:
        db.session.rollback()  # nothing of a refused request is kept, only its answer
    record = IdempotencyRecord(
        user_id=state["user_id"],
        key=state["key"],
        method=request.method,
        path=request.path[:500],
        fingerprint=state["fingerprint"],
        status_code=response.status_code,
        body=response.get_data(),
        content_type=response.content_type or "application/json",
        location=response.headers.get("Location"),
    )
    db.session.add(record)
    try:
        db.session.commit()
    except IntegrityError:
        # another request with the same key committed first: answer as it did, keep nothing of ours
        db.session.rollback()
        winner = _find(state["user_id"], state["key"])
        return _replay(winner, state["fingerprint"]) if winner is not None else response
    if state["deferred"]:
        from app.mail import deliver_after_commit

        deliver_after_commit()
    return response
