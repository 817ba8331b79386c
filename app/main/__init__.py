"""Start pages per role, health check and shared template context."""

from flask import Blueprint

bp = Blueprint("main", __name__)

from app.main.routes import register_context  # noqa: E402,F401  (routes attach to bp)
