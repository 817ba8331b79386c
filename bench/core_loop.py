"""Benchmark of the core loop: intake with routing, scoped lists and search, and the API.

Builds a temporary SQLite database (or BENCH_DATABASE_URL), fills it through the
real intake, then times the operations a frontline worker and a ministry repeat
all day. Prints figures; asserts nothing. Run: `python -m bench.core_loop`
(BENCH_SIGNALS sets the size, default 5000).
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
import tracemalloc

from config import TestConfig


def _percentiles(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    return f"p50 {statistics.median(samples) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def main() -> None:
    """Fill a database through the intake and print timings and memory."""
    count = int(os.environ.get("BENCH_SIGNALS", 5000))
    folder = tempfile.mkdtemp(prefix="knelpunt-bench-")
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{folder}/bench.db")
    config.SQLALCHEMY_ENGINE_OPTIONS = {}

    import json

    from app import create_app
    from app.extensions import db
    from signals import accounts
    from signals.access import list_signals_for
    from signals.accounts import create_token, create_user
    from signals.demo import VAGUE_NOTES
    from signals.intake import SignalDraft, submit_signal
    from signals.reference import DATA_DIR, load_reference_data
    from signals.routing import route_by_text
    from signals.search import install_fulltext

    accounts.PASSWORD_METHOD = "pbkdf2:sha256:1000"
    app = create_app(config)
    rng = random.Random(7)
    templates = json.loads((DATA_DIR / "demo_signals.json").read_text(encoding="utf-8"))
    with app.app_context():
        db.drop_all()
        db.create_all()
        with db.engine.begin() as connection:
            install_fulltext(connection)
        load_reference_data(db.session)
        users = {
            org: create_user(
                db.session, f"bench-{org.lower()}@example.org", "frontline", org, password="bench-password"
            )[0]
            for org in ("GEM", "UWV", "SVB", "BD")
        }
        szw, _ = create_user(db.session, "bench-szw@example.org", "triage", "SZW", password="bench-password")
        db.session.commit()

        tracemalloc.start()
        started = time.perf_counter()
        for index in range(count):
            template = rng.choice(templates)
            title, text = rng.choice(VAGUE_NOTES) if index % 20 == 0 else (template["title"], template["description"])
            draft = SignalDraft(
                channel=rng.choice(template["channels"]),
                title=title,
                description=text,
                regulations=list(template["regulations"]) if index % 3 else [],
            )
            submit_signal(db.session, users[rng.choice(list(users))], draft)
            if index % 500 == 499:
                db.session.commit()
        db.session.commit()
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"intake: {count} signals in {elapsed:.1f} s = {count / elapsed:.0f} signals/s (mask, validate, route, audit); peak Python memory {peak / 2**20:.1f} MiB"
        )

        samples = []
        for _ in range(300):
            template = rng.choice(templates)
            t0 = time.perf_counter()
            route_by_text(db.session, f"{template['title']}\n{template['description']}")
            samples.append(time.perf_counter() - t0)
        print(f"text routing: {_percentiles(samples)}")

        for label, kwargs in [
            (
                "triage queue page (SZW, oldest first)",
                {"status": ["routed", "in_progress", "needs_info"], "lead_ministry": "SZW", "order": "oldest"},
            ),
            ("frontline list page (GEM)", {}),
            ("search 'bijstand' (SZW)", {"query": "bijstand"}),
        ]:
            user = szw if "SZW" in label else users["GEM"]
            samples = []
            for _ in range(50):
                t0 = time.perf_counter()
                page = list_signals_for(db.session, user, **kwargs)
                samples.append(time.perf_counter() - t0)
            print(f"{label}: {_percentiles(samples)} ({page.total} matching)")

        token = create_token(db.session, users["GEM"])[1]
        db.session.commit()
        client = app.test_client()
        headers = {"Authorization": f"Bearer {token}"}
        samples = []
        for _ in range(200):
            template = rng.choice(templates)
            t0 = time.perf_counter()
            response = client.post(
                "/api/v1/signals",
                json={"channel": "GEM-BL", "title": template["title"], "description": template["description"]},
                headers=headers,
            )
            samples.append(time.perf_counter() - t0)
            assert response.status_code == 201
        print(f"POST /api/v1/signals: {_percentiles(samples)}")
        samples = []
        for _ in range(100):
            t0 = time.perf_counter()
            client.get("/api/v1/signals?per_page=50", headers=headers)
            samples.append(time.perf_counter() - t0)
        print(f"GET /api/v1/signals?per_page=50: {_percentiles(samples)}")


if __name__ == "__main__":
    main()
