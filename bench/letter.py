"""Build a large dataset (default 50 000 signals) in a temporary SQLite database and time the year's letter.

`python -m bench.letter [--signals N] [--database-url URL]` prints time and memory
(growth of peak RSS, or tracemalloc with --tracemalloc) of building the letter and of
each renderer, plus the process's peak RSS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import tempfile
import time
import tracemalloc

from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.orm import Session

from reports import charts, render
from reports.letter import build_bottleneck_letter
from reports.periods import parse_period
from signals.models import Base, Channel, Regulation, Signal, SignalMinistry, SignalRegulation
from signals.reference import DATA_DIR, load_reference_data
from signals.vocabulary import THEMES

UTC = dt.UTC
STATUSES = ["routed", "in_progress", "needs_info", "answered", "closed", "merged"]
OUTCOMES = ["taken_up", "further_study", "not_taken_up", "already_addressed"]


def generate(session: Session, count: int, year: int = 2026, seed: int = 7) -> None:
    """Insert ``count`` signals spread over ``year`` and the year before, with links, in bulk."""
    rng = random.Random(seed)
    channels = session.scalars(select(Channel.code)).all()
    regulations = session.execute(select(Regulation.id, Regulation.ministry_code)).all()
    themes = list(THEMES)
    titles = [t["title"] for t in json.loads((DATA_DIR / "demo_signals.json").read_text(encoding="utf-8"))]
    start = dt.datetime(year - 1, 1, 1, tzinfo=UTC)
    span = int((dt.datetime(year, 12, 1, tzinfo=UTC) - start).total_seconds())
    batch = 5000
    for offset in range(0, count, batch):
        signals, links, regs = [], [], []
        for i in range(offset, min(count, offset + batch)):
            created = start + dt.timedelta(seconds=rng.randrange(span))
            status = rng.choice(STATUSES)
            answered = created + dt.timedelta(days=rng.randint(3, 150)) if status in ("answered", "closed") else None
            regulation_id, ministry = rng.choice(regulations)
            signals.append(
                {
                    "id": i + 1,
                    "reference": f"SIG-B-{i + 1:07d}",
                    "status": status,
                    "title": rng.choice(titles),
                    "description": "Beschrijving die nooit in een brief mag staan.",
                    "channel_code": rng.choice(channels),
                    "organisation_code": "GEM",
                    "people_affected": rng.choice([None, 1, 1, 2, 5, 40]),
                    "themes": rng.sample(themes, rng.randint(0, 2)),
                    "masked": [],
                    "routing_suggestions": [],
                    "outcome": rng.choice(OUTCOMES) if answered else None,
                    "due_at": created + dt.timedelta(days=91) if rng.random() < 0.8 else None,
                    "created_at": created,
                    "updated_at": created,
                    "answered_at": answered,
                }
            )
            links.append({"signal_id": i + 1, "ministry_code": ministry, "is_lead": True})
            regs.append({"signal_id": i + 1, "regulation_id": regulation_id, "position": 0})
        session.execute(insert(Signal), signals)
        session.execute(insert(SignalMinistry), links)
        session.execute(insert(SignalRegulation), regs)
    session.commit()
    # what autovacuum (PostgreSQL) or a maintenance job would do after a bulk load: planner statistics
    session.execute(text("ANALYZE"))
    session.commit()


TRACE_MEMORY = False


def measure(label: str, func):
    """Run ``func``; print its time and memory.

    By default memory is the growth of the process's peak RSS (cheap, includes C libraries such as
    lxml and Pango); with --tracemalloc it is the peak of Python allocations, which slows the run.
    """
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if TRACE_MEMORY:
        tracemalloc.start()
    started = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - started
    if TRACE_MEMORY:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        memory = f"traced peak {peak / 1e6:8.1f} MB"
    else:
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
        memory = f"peak RSS +{grown:7.1f} MB"
    size = f", output {len(result) / 1e6:.1f} MB" if isinstance(result, bytes | bytearray) else ""
    print(f"{label:<28} {elapsed:8.2f} s   {memory}{size}", flush=True)
    return result


def main(argv: list[str] | None = None) -> None:
    """Generate, build the year's letter, render every format; print figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--signals", type=int, default=int(os.environ.get("BENCH_SIGNALS", 50_000)))
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--tracemalloc", action="store_true", help="Python allocation peaks (slower).")
    args = parser.parse_args(argv)
    global TRACE_MEMORY
    TRACE_MEMORY = args.tracemalloc
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{folder}/bench.db"
        engine = create_engine(url)
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            load_reference_data(session)
            session.commit()
            started = time.perf_counter()
            generate(session, args.signals)
            print(f"{args.signals} signals generated in {time.perf_counter() - started:.1f} s ({url.split(':')[0]})")
            period = parse_period("2026")
            letter = measure("build letter (2026)", lambda: build_bottleneck_letter(session, period))
            print(f"  annex rows: {len(letter['tables']['annex']['rows'])}")
            images = measure("static charts (1 Kaleido)", lambda: charts.static_images(charts.build_figures(letter)))
            measure("render html", lambda: render.render_html(letter))
            measure("render pdf", lambda: render.render_pdf(letter, images))
            measure("render docx", lambda: render.render_docx(letter, images))
            measure("render csv", lambda: render.render_csv(letter))
            measure("render xlsx", lambda: render.render_xlsx(letter))
        engine.dispose()
    print(f"peak RSS of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
