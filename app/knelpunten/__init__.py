"""Knelpunten: list, create from signals, detail with linked signals, status and history."""

from flask import Blueprint

bp = Blueprint("knelpunten", __name__)

from app.knelpunten import follow, proposals, routes  # noqa: E402,F401
