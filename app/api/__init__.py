"""The JSON API under /api/v1 (DESIGN §8), with bearer tokens."""

from flask import Blueprint

bp = Blueprint("api", __name__)

from app.api import followup, proposals, reports, routes  # noqa: E402,F401
