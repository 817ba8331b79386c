"""WSGI entry points for bench.run's load test, both served by the same gunicorn settings.

* ``bench.wsgi:knelpunt()`` — the real app (DATABASE_URL, SECRET_KEY from the environment);
* ``bench.wsgi:bare()`` — the ceiling: one endpoint that parses the JSON body and inserts one
  signal row with a single INSERT and COMMIT through the same engine settings, nothing else.
"""

from __future__ import annotations

import os


def knelpunt():
    from app import create_app

    return create_app()


def bare():
    from flask import Flask, jsonify, request
    from sqlalchemy import create_engine, insert

    from signals.models import Signal, utcnow

    url = os.environ["DATABASE_URL"]
    engine = create_engine(url, pool_pre_ping=True)
    if url.startswith("sqlite"):
        from sqlalchemy import event

        @event.listens_for(engine, "connect")
        def _as_the_app_does(dbapi_connection, _record):  # app/__init__.py's SQLite settings, for a fair ceiling
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()

    app = Flask(__name__)
    table = Signal.__table__

    @app.post("/api/v1/signals")
    def insert_one():
        payload = request.get_json(force=True)
        now = utcnow()
        with engine.begin() as connection:
            new_id = connection.execute(
                insert(table)
                .values(
                    status="received",
                    title=str(payload.get("title", ""))[:200],
                    description=str(payload.get("description", "")),
                    channel_code=payload.get("channel", "GEM-BL"),
                    organisation_code="GEM",
                    created_at=now,
                    updated_at=now,
                )
                .returning(table.c.id)
            ).scalar_one()
        return jsonify({"id": new_id}), 201

    return app
