"""Log-in and log-out."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from app.auth import passwords, routes  # noqa: E402,F401
