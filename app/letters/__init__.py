"""Bottleneck letters (/brieven) and the dashboards per role (/dashboard)."""

from flask import Blueprint

bp = Blueprint("letters", __name__)
dashboard_bp = Blueprint("dashboards", __name__)

from app.letters import dashboards, routes  # noqa: E402,F401
