"""Functional administration: users, API tokens and reference data."""

from flask import Blueprint

bp = Blueprint("admin", __name__)

from app.admin import routes, tokens  # noqa: E402,F401
