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

    engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)
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
