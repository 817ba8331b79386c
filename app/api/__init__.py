"""The JSON API under /api/v1 (DESIGN §8), with bearer tokens."""

from flask import Blueprint

bp = Blueprint("api", __name__)

from app.api import routes  # noqa: E402,F401
from app.api import followup  # noqa: E402,F401
from app.api import reports  # noqa: E402,F401
