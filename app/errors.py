"""Error pages and JSON errors: never a 500 for bad input."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from app.form_errors import translate
from signals.errors import DomainError

HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "too_many_requests",
}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def json_error(status: int, message: str, code: str | None = None, fields: dict | None = None):
    """The API's error body of DESIGN §8."""
    body = {"error": {"code": code or HTTP_CODES.get(status, "error"), "message": message}}
    if fields:
        body["error"]["fields"] = {name: [translate(m) for m in messages] for name, messages in fields.items()}
    return jsonify(body), status


def register(app: Flask) -> None:
    """Install the error handlers on ``app``."""

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError):
        if wants_json():
            return json_error(error.status, translate(error.message), error.code, error.fields)
        field_messages = [(name, translate(m)) for name, messages in (error.fields or {}).items() for m in messages]
        return (
            render_template("error.html", status=error.status, message=translate(error.message), field_messages=field_messages),
            error.status,
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        status = error.code or 500
        messages = {
            400: _("Het verzoek is niet goed opgebouwd."),
            401: _("Log in of geef een geldige API-sleutel mee."),
            403: _("U hebt geen toegang tot deze pagina."),
            404: _("Deze pagina bestaat niet of u hebt er geen toegang toe."),
            405: _("Deze methode is hier niet toegestaan."),
            413: _("Het verzoek is te groot."),
            429: _("Te veel pogingen. Probeer het over een minuut opnieuw."),
        }
        message = messages.get(status, error.description or _("Er ging iets mis."))
        if wants_json():
            return json_error(status, message)
        return render_template("error.html", status=status, message=message), status

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        message = _("Er ging iets mis aan onze kant. Probeer het later opnieuw.")
        if wants_json():
            return json_error(500, message, "server_error")
        return render_template("error.html", status=500, message=message), 500
