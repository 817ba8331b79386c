"""Signal pages: report a signal, list the signals one may see, detail and workflow steps."""

from flask import Blueprint

bp = Blueprint("intake", __name__)

from app.intake import correction, routes  # noqa: E402,F401
