"""Dossier per regulation: /regelingen and /regelingen/<BWB-id>."""

from flask import Blueprint

bp = Blueprint("regulations", __name__)

from app.regulations import routes  # noqa: E402,F401  (routes register on bp)
