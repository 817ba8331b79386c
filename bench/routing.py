"""Benchmark of routing: suggestion latency in process, and `routing retrain` on many decisions.

Builds a temporary SQLite database (or BENCH_DATABASE_URL) with the reference data,
times route_by_text on every corpus text (p50/p95), then stores BENCH_DECISIONS
(default 100,000) signals with a person's routing decision each — texts varied
from the corpus — and times a full retrain (collect, train, evaluate on the corpus,
store the version). Prints figures; asserts nothing. Run: `python -m bench.routing`.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time

from config import TestConfig


def _percentiles(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
    return f"p50 {statistics.median(samples) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def main() -> None:
    print(f"Load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    count = int(os.environ.get("BENCH_DECISIONS", 100_000))
    folder = tempfile.mkdtemp(prefix="knelpunt-bench-routing-")
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{folder}/bench.db")
    config.SQLALCHEMY_ENGINE_OPTIONS = {}

    from sqlalchemy import insert

    from app import create_app
    from app.extensions import db
    from signals.learning import load_corpus, retrain_router
    from signals.models import AuditEvent, Signal, User
    from signals.reference import load_reference_data
    from signals.routing import build_profiles, get_classifier, get_text_router, route_by_text

    app = create_app(config)
    rng = random.Random(11)
    with app.app_context():
        db.drop_all()
        db.create_all()
        load_reference_data(db.session)
        db.session.commit()
        corpus = load_corpus(db.session)
        started = time.perf_counter()
        get_text_router(db.session)
        get_classifier(db.session)
        print(f"Router and classifier loaded in {time.perf_counter() - started:.2f} s")
        samples, cpu = [], []
        for example in corpus:
            started, started_cpu = time.perf_counter(), time.process_time()
            route_by_text(db.session, example.text)
            samples.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        print(f"route_by_text on {len(samples)} corpus texts: {_percentiles(samples)} (CPU time {_percentiles(cpu)})")

        coordinator = User(email="bench-coordinator@example.org", role="coordinator", organisation_code="BZK", password_hash="x")
        db.session.add(coordinator)
        db.session.commit()
        openings = ["Melding:", "Cliënt meldt:", "Uit het spreekuur:", "Signaal van de balie:", ""]
        rows, events = [], []
        started = time.perf_counter()
        for index in range(count):
            example = corpus[rng.randrange(len(corpus))]
            words = example.text.split()
            rng.shuffle(words[len(words) // 2 :])
            rows.append(
                {
                    "id": index + 1,
                    "reference": f"SIG-2026-{index + 1:07d}",
                    "status": "routed",
                    "channel_code": "GEM-BL",
                    "organisation_code": "GEM",
                    "title": example.text[:60],
                    "description": f"{rng.choice(openings)} {' '.join(words)}",
                }
            )
            events.append(
                {
                    "entity_type": "signal",
                    "entity_id": str(index + 1),
                    "action": "route",
                    "actor_id": coordinator.id,
                    "signal_id": index + 1,
                    "data": {"ministry": example.ministry, "co_ministries": [], "method": "manual"},
                }
            )
            if len(rows) == 10_000:
                db.session.execute(insert(Signal), rows)
                db.session.execute(insert(AuditEvent), events)
                rows, events = [], []
        if rows:
            db.session.execute(insert(Signal), rows)
            db.session.execute(insert(AuditEvent), events)
        db.session.commit()
        print(f"Stored {count} signals with a routing decision in {time.perf_counter() - started:.1f} s")
        started_cpu = time.process_time()
        result = retrain_router(db.session, build_profiles(db.session), get_text_router(db.session))
        db.session.commit()
        print(
            f"routing retrain on {result.examples} decisions: {result.seconds:.1f} s, "
            f"CPU time {time.process_time() - started_cpu:.1f} s "
            f"(corpus accuracy before {result.accuracy_before:.1%}, after {result.accuracy_after:.1%}, "
            f"{'activated' if result.activated else 'kept the previous model'})"
        )


if __name__ == "__main__":
    main()
    print(f"Load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
