"""The JSON API under /api/v1 (DESIGN §8), with bearer tokens."""

from flask import Blueprint

bp = Blueprint("api", __name__)

from app.api import (  # noqa: E402,F401
    followup,
    idempotency,  # noqa: E402  (after routes: its check runs once the caller is known)
    proposals,
    reports,
    routes,
)

bp.before_request(idempotency.begin)


def _api_limit() -> str:
    from flask import current_app

    return current_app.config["RATELIMIT_API"]


# a rate limit per token (RATELIMIT_API), counted in the shared storage
from app.extensions import limiter  # noqa: E402
from app.ratelimit import api_client_key  # noqa: E402

limiter.limit(_api_limit, key_func=api_client_key)(bp)
