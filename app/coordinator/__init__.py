"""The coordinator's pages: the unrouted queue and the overview per ministry."""

from flask import Blueprint

bp = Blueprint("coordinator", __name__)

from app.coordinator import routes  # noqa: E402,F401
