"""One unit of work per request, for pages and API alike, decided in one place.

A request that changes something (POST, PUT, PATCH, DELETE) and succeeds (status below 400)
is committed, and then the mail it queued is delivered (``app.mail.commit_and_deliver``). Any
request that ends in an error - a domain error turned into a 4xx by ``app.errors``, a form shown
again with its errors (422), or an exception - is rolled back, so nothing half-done survives,
also when the same session outlives the request (tests keep one app context).

Views therefore neither commit nor roll back themselves; the few that still call
``commit_and_deliver`` do so harmlessly (the commit here then has nothing left to do).
"""

from __future__ import annotations

from flask import Flask, request

from app.extensions import db
from app.mail import commit_and_deliver

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def register(app: Flask) -> None:
    """Install the commit/rollback hooks on ``app``."""

    @app.after_request
    def finish_unit_of_work(response):
        if response.status_code >= 400:
            db.session.rollback()
        elif request.method in WRITE_METHODS:
            commit_and_deliver()
        return response

    @app.teardown_request
    def rollback_on_exception(error):
        if error is not None:
            db.session.rollback()
