"""Measure every screen, the API, the letter, import and intake on a generated database, each
beside its ceiling measured in the same run: `python -m bench.run --db URL`.

Fill the database first with `python -m bench.generate --signals N --db URL`. Prints ONE table:

* pages and API lists: served in-process through the real app (login, templates, everything but
  the socket); the ceiling is the raw SQL the screen needs (its count and its page of rows),
  run through the same engine;
* the letter: building its data, and each rendering, in a fresh process each (so memory growth is
  the job's own); the ceiling is the raw SQL of its aggregates;
* import: `import_signals` on a generated CSV (rows/s) against one executemany INSERT of the
  same rows;
* intake: `POST /api/v1/signals` under gunicorn (4 workers) with 32 connections (wrk when
  installed, else a small thread-based load generator) against a bare one-row-insert endpoint
  under the same gunicorn.

Tests never assert timings; this prints them. ``--quick`` runs each thing a couple of times only
(for the smoke test).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import http.client
import io
import json
import multiprocessing
import os
import random
import re
import shutil
import signal as os_signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-password"


@dataclass
class Row:
    what: str
    samples: list[float] = field(default_factory=list)
    ceiling: list[float] = field(default_factory=list)
    note: str = ""
    #: for throughput rows: (rate, ceiling rate) per second
    rate: tuple[float, float] | None = None
    latency: tuple[float, float, float] | None = None  # p50, p95, p99 in seconds (load tests)


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, int(round(q * len(ordered) + 0.5)) - 1))
    return ordered[index]


def timed(func, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        samples.append(time.perf_counter() - started)
    return samples


# ---------------------------------------------------------------------------------------------
# the raw SQL every screen needs (its ceiling)

OPEN = "('routed', 'in_progress', 'needs_info')"
LEAD_SZW = "SELECT signal_id FROM signal_ministry WHERE ministry_code = 'SZW' AND is_lead = :t"
ROUTED_SZW = "SELECT signal_id FROM signal_ministry WHERE ministry_code = 'SZW'"
PAGE_COLUMNS = "s.id, s.reference, s.status, s.title, s.channel_code, s.created_at, s.due_at"


def page_sql(where: str, order: str = "s.created_at DESC", limit: int = 25) -> list[str]:
    return [
        f"SELECT count(*) FROM signal s WHERE {where}",
        f"SELECT {PAGE_COLUMNS} FROM signal s WHERE {where} ORDER BY {order} LIMIT {limit}",
    ]


def search_condition(dialect: str, word: str) -> str:
    if dialect == "sqlite":
        return f"s.id IN (SELECT rowid FROM signal_fts WHERE signal_fts MATCH '\"{word}\"*')"
    return f"s.search_vector @@ to_tsquery('dutch', '{word}:*')"  # the stored column (signals.search)


def month_expr(dialect: str, column: str) -> str:
    return f"strftime('%Y-%m', {column})" if dialect == "sqlite" else f"to_char({column}, 'YYYY-MM')"


def ceilings(dialect: str, year_start: str, year_end: str) -> dict[str, list[str]]:
    """Raw SQL per measured thing: the least any implementation must ask the database."""
    in_year = f"s.created_at >= '{year_start}' AND s.created_at < '{year_end}'"
    lead_join = "JOIN signal_ministry m ON m.signal_id = s.id AND m.is_lead = :t"
    month = month_expr(dialect, "s.created_at")
    dashboard = [
        f"SELECT count(*), sum(CASE WHEN s.status IN {OPEN} THEN 1 ELSE 0 END) FROM signal s WHERE {in_year}",
        f"SELECT {month}, count(*) FROM signal s WHERE {in_year} GROUP BY 1",
        f"SELECT m.ministry_code, count(*) FROM signal s {lead_join} WHERE {in_year} GROUP BY 1",
        f"SELECT s.outcome, count(*) FROM signal s WHERE {in_year} GROUP BY 1",
    ]
    letter = dashboard + [
        f"SELECT s.channel_code, m.ministry_code, s.outcome, count(*) FROM signal s {lead_join} WHERE {in_year} GROUP BY 1, 2, 3",
        f"SELECT r.regulation_id, count(*) FROM signal s JOIN signal_regulation r ON r.signal_id = s.id WHERE {in_year} GROUP BY 1",
        f"SELECT m.ministry_code, count(*), sum(CASE WHEN s.answered_at > s.due_at THEN 1 ELSE 0 END) FROM signal s {lead_join} WHERE {in_year} GROUP BY 1",
        f"SELECT s.themes FROM signal s WHERE {in_year} AND s.themes IS NOT NULL",
        "SELECT k.id, k.reference, k.title, k.status, (SELECT count(*) FROM signal x WHERE x.knelpunt_id = k.id) FROM knelpunt k",
    ]
    return {
        "triage queue /behandelen/": page_sql(f"s.status IN {OPEN} AND s.id IN ({LEAD_SZW})", "s.created_at"),
        "frontline start /": page_sql("s.organisation_code = 'GEM'", limit=5)
        + ["SELECT status, count(*) FROM signal WHERE organisation_code = 'GEM' GROUP BY status"],
        "frontline list /signalen/": page_sql("s.organisation_code = 'GEM'"),
        "liaison start /": [
            f"SELECT m.ministry_code, count(*), sum(CASE WHEN s.status IN {OPEN} THEN 1 ELSE 0 END) "
            f"FROM signal s {lead_join} GROUP BY 1"
        ],
        "coordinator unrouted /coordinatie/": page_sql("s.status = 'received'", "s.created_at"),
        "coordinator overview /coordinatie/overzicht": [
            f"SELECT m.ministry_code, s.status, count(*) FROM signal s {lead_join} WHERE s.status IN {OPEN} "
            "OR s.status = 'answered' GROUP BY 1, 2",
            f"SELECT m.ministry_code, count(*) FROM signal s {lead_join} GROUP BY 1",
        ],
        "dashboard liaison": dashboard,
        "dashboard coordinator": dashboard,
        "dashboard triage (SZW)": [q.replace("WHERE", f"WHERE s.id IN ({LEAD_SZW}) AND", 1) for q in dashboard],
        "dashboard frontline (GEM)": [q.replace("WHERE", "WHERE s.organisation_code = 'GEM' AND", 1) for q in dashboard],
        "knelpunten list /knelpunten/": [
            "SELECT count(*) FROM knelpunt",
            "SELECT k.id, k.reference, k.title, k.status, (SELECT count(*) FROM signal x WHERE x.knelpunt_id = k.id) "
            "FROM knelpunt k ORDER BY k.created_at DESC LIMIT 25",
        ],
        "search 'bijstand' (triage SZW)": page_sql(
            f"{search_condition(dialect, 'bijstand')} AND s.id IN ({LEAD_SZW})"
        ),
        "search 'bijstand' (coordinator)": page_sql(search_condition(dialect, "bijstand")),
        "search 'kraamzorg', in no signal (triage SZW)": page_sql(
            f"{search_condition(dialect, 'kraamzorg')} AND s.id IN ({LEAD_SZW})"
        ),
        "API GET /signals?status&ministry": page_sql(
            "s.status = 'in_progress' AND s.id IN (SELECT signal_id FROM signal_ministry WHERE ministry_code = 'SZW')",
            limit=50,
        ),
        "API GET /signals (triage SZW, no filter)": page_sql(f"s.id IN ({ROUTED_SZW})"),
        "API GET /signals?q=bijstand (triage SZW)": page_sql(
            f"{search_condition(dialect, 'bijstand')} AND s.id IN ({ROUTED_SZW})"
        ),
        # {signal} and {knelpunt}: the ids measure_pages opens (see page_targets)
        "signal detail with history (triage SZW)": [
            "SELECT * FROM signal WHERE id = {signal}",
            "SELECT * FROM signal_ministry WHERE signal_id = {signal}",
            "SELECT * FROM audit_event WHERE signal_id = {signal} ORDER BY created_at, id",
        ],
        "letters page /brieven/": [
            "SELECT id, period, scope, version, title, published_at FROM published_letter ORDER BY published_at DESC",
            "SELECT letter_id, format FROM letter_file",
        ],
        "proposals /knelpunten/voorstellen (coordinator)": [
            "SELECT * FROM proposal WHERE status = 'open' ORDER BY strength DESC",
        ],
        "knelpunt detail (coordinator)": [
            "SELECT * FROM knelpunt WHERE id = {knelpunt}",
            f"SELECT {PAGE_COLUMNS} FROM signal s WHERE s.knelpunt_id = {{knelpunt}} ORDER BY s.created_at",
        ],
        "letter data (year)": letter,
    }


# ---------------------------------------------------------------------------------------------
# pages in-process


def make_app(url: str, rate_limit: str | None = None, storage: str = "database://"):
    """The app on ``url`` for in-process measurements; ``rate_limit``: the API's limit, counted in
    ``storage`` (the database, as a server without Redis counts it, or ``redis://…``; off when None)."""
    from app import create_app
    from config import Config

    config = Config()
    config.SQLALCHEMY_DATABASE_URI = url
    config.SECRET_KEY = "bench-only-not-secret"
    config.SESSION_COOKIE_SECURE = False
    config.WTF_CSRF_ENABLED = False
    config.RATELIMIT_ENABLED = rate_limit is not None
    if rate_limit is not None:
        config.RATELIMIT_API = rate_limit
        config.RATELIMIT_STORAGE_URI = storage
    config.MAIL_BACKEND = "memory"
    if url.startswith("sqlite"):
        config.SQLALCHEMY_ENGINE_OPTIONS = {"connect_args": {"timeout": 30}}
    return create_app(config)


def logged_in(app, email: str):
    client = app.test_client()
    response = client.post("/auth/login", data={"email": email, "password": PASSWORD})
    if response.status_code != 302:
        raise SystemExit(f"bench: cannot log in as {email} ({response.status_code}); did bench.generate run?")
    return client


def api_token(app, email: str) -> str:
    from app.extensions import db
    from signals.accounts import create_token
    from signals.models import User

    with app.app_context():
        user = db.session.query(User).filter_by(email=email).one()
        _token, plain = create_token(db.session, user)
        db.session.commit()
        return plain


PAGES = [
    # (row label, user email, path)
    ("triage queue /behandelen/", "triage-szw@example.org", "/behandelen/"),
    ("frontline start /", "frontline-gem@example.org", "/"),
    ("frontline list /signalen/", "frontline-gem@example.org", "/signalen/"),
    ("liaison start /", "liaison@example.org", "/"),
    ("coordinator unrouted /coordinatie/", "coordinator@example.org", "/coordinatie/"),
    ("coordinator overview /coordinatie/overzicht", "coordinator@example.org", "/coordinatie/overzicht"),
    ("dashboard liaison", "liaison@example.org", "/dashboard/"),
    ("dashboard coordinator", "coordinator@example.org", "/dashboard/"),
    ("dashboard triage (SZW)", "triage-szw@example.org", "/dashboard/"),
    ("dashboard frontline (GEM)", "frontline-gem@example.org", "/dashboard/"),
    ("knelpunten list /knelpunten/", "coordinator@example.org", "/knelpunten/"),
    ("search 'bijstand' (triage SZW)", "triage-szw@example.org", "/signalen/?q=bijstand"),
    ("search 'bijstand' (coordinator)", "coordinator@example.org", "/signalen/?q=bijstand"),
    ("search 'kraamzorg', in no signal (triage SZW)", "triage-szw@example.org", "/signalen/?q=kraamzorg"),
    ("signal detail with history (triage SZW)", "triage-szw@example.org", "/signalen/{signal}"),
    ("letters page /brieven/", "coordinator@example.org", "/brieven/"),
    ("proposals /knelpunten/voorstellen (coordinator)", "coordinator@example.org", "/knelpunten/voorstellen"),
    ("knelpunt detail (coordinator)", "coordinator@example.org", "/knelpunten/{knelpunt}"),
]

#: API lists as the triage user of SZW asks for them: (row label, path)
API_LISTS = [
    ("API GET /signals?status&ministry", "/api/v1/signals?status=in_progress&ministry=SZW&per_page=50"),
    ("API GET /signals (triage SZW, no filter)", "/api/v1/signals"),
    ("API GET /signals?q=bijstand (triage SZW)", "/api/v1/signals?q=bijstand"),
]


#: the proposals screen first brings the proposals up to date (on read); on a freshly generated
#: database that is a full refresh of the window (minutes at a million), not the screen
PROPOSALS_REFRESHED_ON_READ = 5_000
PROPOSALS_FULL = "flask --app app knelpunten propose --full"


def _proposals_waiting(app) -> int:
    from app.extensions import db
    from signals.proposals import pending_signals

    with app.app_context():
        return pending_signals(db.session)


def page_targets(engine) -> dict[str, int]:
    """The signal and knelpunt the detail rows open: the oldest signal SZW is handling (the first
    of its queue, with the longest history) and the newest knelpunt."""
    with engine.connect() as connection:
        signal = connection.execute(
            text(
                "SELECT s.id FROM signal s WHERE s.status = 'in_progress' AND EXISTS (SELECT 1 FROM signal_ministry m "
                "WHERE m.signal_id = s.id AND m.ministry_code = 'SZW' AND m.is_lead = :t) ORDER BY s.created_at LIMIT 1"
            ),
            {"t": True},
        ).scalar()
        knelpunt = connection.execute(text("SELECT id FROM knelpunt ORDER BY created_at DESC LIMIT 1")).scalar()
    return {"signal": signal or 0, "knelpunt": knelpunt or 0}


def measure_pages(url: str, repeat: int, sql: dict[str, list[str]]) -> list[Row]:
    app = make_app(url)
    rows = []
    engine = create_engine(url)
    clients: dict[str, object] = {}
    targets = page_targets(engine)
    for label, email, path in PAGES:
        if "{" in path and not all(targets.values()):
            continue  # nothing to open (a database without knelpunten or handled signals)
        path = path.format(**targets)
        statements = [
            statement.replace("{signal}", str(targets["signal"])).replace("{knelpunt}", str(targets["knelpunt"]))
            for statement in sql[label]
        ]
        client = clients.get(email) or logged_in(app, email)
        clients[email] = client
        if path == "/knelpunten/voorstellen" and (waiting := _proposals_waiting(app)) > PROPOSALS_REFRESHED_ON_READ:
            rows.append(Row(label, note=f"not measured: {waiting:,} signals wait for a full refresh ({PROPOSALS_FULL})"))
            _progress(rows[-1])
            continue

        def get(client=client, path=path, label=label):
            response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"bench: {label} answered {response.status_code}")

        get()  # warm up (templates, caches)
        rows.append(Row(label, timed(get, repeat), raw_sql_samples(engine, statements, repeat)))
        _progress(rows[-1])
    token = api_token(app, "triage-szw@example.org")
    client = app.test_client()
    for label, path in API_LISTS:

        def api_get(path=path, label=label):
            response = client.get(path, headers={"Authorization": f"Bearer {token}"})
            if response.status_code != 200:
                raise SystemExit(f"bench: {label} answered {response.status_code}")

        api_get()
        rows.append(Row(label, timed(api_get, repeat), raw_sql_samples(engine, sql[label], repeat)))
        _progress(rows[-1])
    engine.dispose()
    return rows


def _progress(row: Row) -> None:
    """One line per measured row on stderr, while the run goes on (the table comes at the end)."""
    p50 = statistics.median(row.samples) * 1000 if row.samples else float("nan")
    ceiling = statistics.median(row.ceiling) * 1000 if row.ceiling else float("nan")
    print(f"bench: {row.what}: p50 {p50:.0f} ms (ceiling {ceiling:.0f} ms) {row.note}", file=sys.stderr, flush=True)


def raw_sql_samples(engine, statements: list[str], repeat: int) -> list[float]:
    with engine.connect() as connection:

        def run():
            for statement in statements:
                connection.execute(text(statement), {"t": True}).fetchall()

        run()
        return timed(run, repeat)


# ---------------------------------------------------------------------------------------------
# the letter, one fresh process per measurement


def _letter_job(url: str, what: str, year: int, queue) -> None:
    import resource

    def rss_now() -> float:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6

    app = make_app(url)
    from app.extensions import db
    from reports import render
    from reports.letter import build_bottleneck_letter
    from reports.periods import parse_period

    with app.app_context():
        db.session.execute(text("SELECT 1"))
        period = parse_period(str(year))
        before = rss_now()
        peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        size = 0
        if what == "data":
            letter = build_bottleneck_letter(db.session, period)
            size = len(json.dumps(letter, default=str))
        elif what == "json":
            client = app.test_client()
            token = api_token(app, "coordinator@example.org")
            started = time.perf_counter()
            response = client.get(
                f"/api/v1/reports/bottleneck-letter?period={year}", headers={"Authorization": f"Bearer {token}"}
            )
            size = len(response.get_data())
        else:
            letter = build_bottleneck_letter(db.session, period)
            if what in ("csv", "xlsx"):
                from reports.export import WRITERS, annex_source

                sink = _CountingSink()
                WRITERS[what](letter, sink, annex_source(db.session, letter))
                size = sink.size
            else:
                size = len(render.render(letter, what))
        elapsed = time.perf_counter() - started
        growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - max(before, peak_before)
        queue.put((elapsed, max(0.0, growth), size))


class _CountingSink(io.RawIOBase):
    """A file that only counts what is written (a streamed export to nowhere)."""

    def __init__(self):
        self.size = 0

    def writable(self):
        return True

    def write(self, data):
        self.size += len(data)
        return len(data)


def measure_letter(url: str, year: int, repeat: int, sql: list[str], formats: list[str]) -> list[Row]:
    engine = create_engine(url)
    ceiling = raw_sql_samples(engine, [s.replace("{year}", str(year)) for s in sql], repeat)
    engine.dispose()
    context = multiprocessing.get_context("spawn")
    rows = []
    for what in dict.fromkeys(["data", "json", *formats]):  # "--letter-formats json" measures the JSON once
        samples, growths, sizes = [], [], []
        for _ in range(repeat if what in ("data", "json") else 1):
            queue = context.Queue()
            process = context.Process(target=_letter_job, args=(url, what, year, queue))
            process.start()
            elapsed, growth, size = queue.get(timeout=3600)
            process.join()
            samples.append(elapsed)
            growths.append(growth)
            sizes.append(size)
        label = {"data": "letter data (year)", "json": "letter API JSON (year)"}.get(what, f"letter {what.upper()} (year)")
        rows.append(
            Row(
                label,
                samples,
                ceiling if what == "data" else [],
                note=f"RSS +{max(growths):.0f} MB, {max(sizes) / 1e6:.1f} MB out",
            )
        )
        _progress(rows[-1])
    return rows


# ---------------------------------------------------------------------------------------------
# import


def _children_cpu() -> float:
    """CPU seconds used by this process's finished child processes (the import's workers, once joined)."""
    times = os.times()
    return times.children_user + times.children_system


def measure_import(url: str, count: int) -> Row:
    from signals.models import Signal

    app = make_app(url)
    rng = random.Random(11)
    templates = json.loads((ROOT / "signals" / "data" / "demo_signals.json").read_text(encoding="utf-8"))
    stamp = int(time.time())
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    has_external = "external_id" in Signal.__table__.c
    writer.writerow(["channel", "title", "description", "regulations", *(["external_id"] if has_external else [])])
    for index in range(count):
        template = rng.choice(templates)
        regulations = " ".join(template["regulations"]) if index % 3 else ""
        writer.writerow(
            [template["channels"][0], template["title"], template["description"], regulations]
            + ([f"BENCH-{stamp}-{index}"] if has_external else [])
        )
    data = buffer.getvalue()
    from sqlalchemy import event

    from app.extensions import db
    from signals.importer import import_signals
    from signals.models import User

    with app.app_context():
        user = db.session.query(User).filter_by(email="coordinator@example.org").one()
        statements = [0]

        def count_statement(*_args):
            statements[0] += 1

        event.listen(db.engine, "before_cursor_execute", count_statement)
        started, cpu_started, children_started = time.perf_counter(), time.process_time(), _children_cpu()
        report = import_signals(db.session, user, data, threshold=0.5, commit=db.session.commit)
        db.session.commit()
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        workers_cpu = _children_cpu() - children_started  # the import's masking and routing processes
        event.remove(db.engine, "before_cursor_execute", count_statement)
        imported = len(report.imported)
        # the ceiling: the same number of rows in one executemany INSERT, committed
        rows = [
            {
                "status": "received", "title": t["title"], "description": t["description"],
                "channel_code": t["channels"][0], "organisation_code": "BZK", "themes": [], "masked": [],
                "routing_suggestions": [],
            }
            for t in (rng.choice(templates) for _ in range(count))
        ]  # fmt: skip
        from sqlalchemy import func, select

        from signals import tallies

        last_id = db.session.scalar(select(func.max(Signal.id))) or 0
        started = time.perf_counter()
        db.session.execute(Signal.__table__.insert(), rows)
        db.session.commit()
        bare = time.perf_counter() - started
        # the ceiling's rows bypassed the app: count them into the summary table, so figures still agree
        tallies.add_signals(db.session, db.session.scalars(select(Signal.id).where(Signal.id > last_id)))
        db.session.commit()
    rate, ceiling_rate = imported / elapsed, count / bare
    return Row(
        f"import-signals CSV ({count} rows)",
        note=(
            f"{rate:,.0f} rows/s vs {ceiling_rate:,.0f} rows/s bare executemany; {imported} imported; "
            f"{statements[0] / max(1, imported):.2f} SQL statements per signal; "
            f"CPU {(cpu + workers_cpu) * 1000 / max(1, imported):.2f} ms per row ({cpu * 1000 / max(1, imported):.2f} "
            f"writing, {workers_cpu * 1000 / max(1, imported):.2f} in the workers); load {os.getloadavg()[0]:.1f}"
        ),
        rate=(rate, ceiling_rate),
    )


# ---------------------------------------------------------------------------------------------
# intake under gunicorn


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(entry: str, url: str, workers: int, env: dict | None = None):
    """``entry`` served by gunicorn on a free port; its log goes to a file (a pipe nobody reads fills up
    and then blocks every worker on its next log line: that stopped all intake at 20k signals).
    No control socket: gunicorn 27 puts one at ~/.gunicorn/gunicorn.ctl, shared by every server of
    the user, so two servers started at once (the scale-out test) fought over it."""
    port = free_port()
    env = dict(os.environ, DATABASE_URL=url, SECRET_KEY="bench-only-not-secret", PYTHONPATH=str(ROOT), **(env or {}))
    log = tempfile.NamedTemporaryFile("w+b", prefix="bench-gunicorn-", suffix=".log", delete=False)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
         "--timeout", "120", "--log-level", "warning", "--no-control-socket", entry],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log,
    )  # fmt: skip
    process.log_path = log.name
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            with contextlib.suppress(OSError):
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            if process.poll() is not None:
                log.seek(0)
                raise SystemExit(f"bench: gunicorn {entry} exited: {log.read().decode(errors='replace')[-2000:]}")
            time.sleep(0.2)
        yield port
    finally:
        if process.poll() is not None:  # it died under us: say why (the log goes with it)
            log.seek(0)
            print(f"bench: gunicorn {entry} exited early: {log.read().decode(errors='replace')[-2000:]}", file=sys.stderr)
        process.send_signal(os_signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        os.unlink(log.name)


def pid_cpu(pid: int | str) -> float | None:
    """CPU seconds (user + system) process ``pid`` has used so far (Linux /proc); None when it is gone or unreadable."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime in clock ticks


def process_tree_cpu(port: int) -> float:
    """CPU seconds (user + system) used so far by the gunicorn listening on ``port`` and its workers (Linux)."""
    total = 0.0
    pids = [pid for pid in os.listdir("/proc") if pid.isdigit()]
    for pid in pids:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                command = fh.read()
        except OSError:
            continue
        if b"gunicorn" not in command or f"127.0.0.1:{port}".encode() not in command:
            continue
        total += pid_cpu(pid) or 0.0
    return total


def bodies(count: int, with_external: bool) -> list[str]:
    rng = random.Random(5)
    templates = json.loads((ROOT / "signals" / "data" / "demo_signals.json").read_text(encoding="utf-8"))
    stamp = int(time.time() * 1000)
    out = []
    for index in range(count):
        template = rng.choice(templates)
        body = {
            "channel": "GEM-BL",
            "title": template["title"],
            "description": template["description"],
            "regulations": list(template["regulations"]) if index % 3 else [],
        }
        if with_external:
            body["external_id"] = f"LOAD-{stamp}-{index}"
        out.append(json.dumps(body))
    return out


WRK_SCRIPT = """
local bodies = {%s}
local n = 0
local threads = 0
-- each wrk thread runs its own copy of this script: thread k sends bodies k, k+T, k+2T, ... so no
-- body (and no external id) is sent twice
setup = function(thread)
  thread:set("offset", threads)
  threads = threads + 1
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %s"
request = function()
  local index = (n * WRK_THREADS + (offset or 0)) %% #bodies
  n = n + 1
  return wrk.format(nil, nil, nil, bodies[index + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("BENCH %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.errors.status))
end
"""


WRK_THREADS = 2


def load(port: int, token: str, payloads: list[str], connections: int, seconds: float) -> tuple[float, tuple, int, int]:
    """(answered requests/s, (p50, p95, p99) seconds, failed requests, all requests) with wrk when installed."""
    if shutil.which("wrk"):
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            # the bodies are JSON: Lua long strings hold them as they are
            script.write(
                WRK_SCRIPT.replace("WRK_THREADS", str(WRK_THREADS)) % (",".join(f"[==[{p}]==]" for p in payloads), token)
            )
        try:
            result = subprocess.run(
                ["wrk", f"-t{WRK_THREADS}", f"-c{connections}", f"-d{max(1, int(seconds))}s", "--timeout", "10s",
                 "-s", script.name, f"http://127.0.0.1:{port}/api/v1/signals"],
                capture_output=True, text=True, timeout=seconds + 120,
            )  # fmt: skip
        finally:
            os.unlink(script.name)
        match = re.search(r"BENCH (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)", result.stdout)
        if not match:
            raise SystemExit(f"bench: wrk said {result.stdout[-1000:]} {result.stderr[-1000:]}")
        requests, duration_us, failed, p50, p95, p99 = (int(v) for v in match.groups())
        return (requests - failed) / (duration_us / 1e6), (p50 / 1e6, p95 / 1e6, p99 / 1e6), failed, requests
    return _thread_load(port, token, payloads, connections, seconds)


def _thread_load(port, token, payloads, connections, seconds):
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker(offset: int):
        n = offset
        own, bad = [], 0
        while time.perf_counter() < stop:
            body = payloads[n % len(payloads)]
            n += connections
            started = time.perf_counter()
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.request(
                    "POST", "/api/v1/signals", body=body,
                    headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
                )  # fmt: skip
                response = connection.getresponse()
                response.read()
                connection.close()
                if response.status >= 300:
                    bad += 1
            except OSError:
                bad += 1
            own.append(time.perf_counter() - started)
        with lock:
            latencies.extend(own)
            failures[0] += bad

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    answered = len(latencies) - failures[0]
    return answered / elapsed, (pct(latencies, 0.5), pct(latencies, 0.95), pct(latencies, 0.99)), failures[0], len(latencies)


def count_signals(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as connection:
        total = connection.execute(text("SELECT count(*) FROM signal")).scalar()
    engine.dispose()
    return total


#: the API's rate limit stays on but high enough for one token to send everything a load test sends;
#: counted where the app counts it (``app.ratelimit.storage_uri``: the database, or Redis when
#: RATELIMIT_STORAGE_URI or REDIS_URL is set in bench.run's environment, which gunicorn inherits)
LOAD_ENV = {"RATELIMIT_API": "10000000 per minute"}


def _warm_up(port: int, token: str, payloads: list[str], connections: int, limit: float = 120) -> None:
    """Load until every worker answers quickly (its caches and models loaded); a short fixed warm-up
    on a loaded machine measured booting workers, which is how an earlier run saw 0 signals/s."""
    deadline = time.time() + limit
    while True:
        _rate, latency, failed, requests = _thread_load(port, token, payloads, min(connections, 8), 2)
        if (requests and not failed and latency[2] < 1.0) or time.time() > deadline:
            return


def _load_one(entry: str, url: str, token: str, payloads: list[str], connections: int, seconds: float, workers: int, warm: float):
    """Serve ``entry``, warm every worker, then load it: (stored/s, latency, failed, requests, CPU s per request)."""
    with gunicorn(entry, url, workers, LOAD_ENV) as port:
        _warm_up(port, token, payloads[-200:], connections, warm)
        before, cpu_before = count_signals(url), process_tree_cpu(port)
        started = time.perf_counter()
        rate, latency, failed, requests = load(port, token, payloads[:-200], connections, seconds)
        elapsed = time.perf_counter() - started
        cpu = process_tree_cpu(port) - cpu_before
        stored = count_signals(url) - before
    # the rate that counts is what reached the database, not what the load generator heard back
    stored_rate = stored / max(elapsed, seconds)
    return stored_rate, latency, failed, requests, cpu / max(1, requests)


def _storage_scheme() -> str:
    from app.ratelimit import storage_uri

    return storage_uri(os.environ).split(":", 1)[0]


def measure_intake(url: str, seconds: float, connections: int = 32, workers: int = 4, warm: float = 120) -> Row:
    from signals.models import Signal

    app = make_app(url)
    token = api_token(app, "frontline-gem@example.org")
    # a fresh external id per request for the whole run (a repeat would be answered, not stored)
    payloads = bodies(max(4000, int(seconds * 1500)) + 200, "external_id" in Signal.__table__.c)
    load_before = os.getloadavg()[0]
    bare = _load_one("bench.wsgi:bare()", url, token, payloads, connections, seconds, workers, warm)
    ours = _load_one("bench.wsgi:knelpunt()", url, token, payloads, connections, seconds, workers, warm)
    rate, latency, failed, requests, cpu = ours
    bare_rate, bare_latency, bare_failed, _bare_requests, bare_cpu = bare
    row = Row(
        f"intake POST /api/v1/signals ({workers} workers, {connections} conn.)",
        note=(
            f"{rate:,.0f} stored/s vs bare insert {bare_rate:,.0f}/s (p99 {latency[2] * 1000:.0f} ms vs "
            f"{bare_latency[2] * 1000:.0f} ms); failed {failed}/{requests} vs {bare_failed}; "
            f"CPU {cpu * 1000:.1f} ms/request vs {bare_cpu * 1000:.1f} ms; load {load_before:.1f}→{os.getloadavg()[0]:.1f}; "
            f"{'wrk' if shutil.which('wrk') else 'thread load generator'}; rate limit in {_storage_scheme()}"
        ),
        rate=(rate, bare_rate),
        latency=latency,
    )
    row.ceiling = [bare_latency[0], bare_latency[1]]
    return row


# ---------------------------------------------------------------------------------------------
# the table


def print_table(rows: list[Row], header: str) -> None:
    print(header)
    print(f"| {'what':<52} | {'p50 ms':>8} | {'p95 ms':>8} | {'ceil p50':>8} | {'ceil p95':>8} | {'x ceil':>6} | note")
    print(f"|{'-' * 54}|{'-' * 10}|{'-' * 10}|{'-' * 10}|{'-' * 10}|{'-' * 8}|------")
    for row in rows:
        if row.latency:
            p50, p95 = row.latency[0], row.latency[1]
        elif row.samples:
            p50, p95 = statistics.median(row.samples), pct(row.samples, 0.95)
        else:
            p50 = p95 = None
        c50 = c95 = None
        if row.ceiling:
            c50, c95 = (row.ceiling[0], row.ceiling[1]) if row.latency else (statistics.median(row.ceiling), pct(row.ceiling, 0.95))
        if row.rate:
            ratio = f"{row.rate[0] / row.rate[1]:.2f}" if row.rate[1] else "—"  # share of the ceiling's rate
        elif c50:
            ratio = f"{p50 / c50:.1f}"
        else:
            ratio = "—"

        def ms(value):
            return f"{value * 1000:8.1f}" if value is not None else f"{'—':>8}"

        print(f"| {row.what:<52} | {ms(p50)} | {ms(p95)} | {ms(c50)} | {ms(c95)} | {ratio:>6} | {row.note}")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=20, help="samples per page (default 20)")
    parser.add_argument("--year", type=int, default=None, help="the letter's year (default: last year)")
    parser.add_argument("--intake-seconds", type=float, default=15)
    parser.add_argument("--import-rows", type=int, default=2000)
    parser.add_argument("--letter-formats", default="html,pdf,csv,xlsx")
    parser.add_argument("--skip", default="", help="comma separated: pages,letter,import,intake")
    parser.add_argument("--quick", action="store_true", help="a couple of samples each (smoke test)")
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat, args.intake_seconds, args.import_rows = 2, 2, 50
    skip = set(filter(None, args.skip.split(",")))
    import datetime as dt

    year = args.year or dt.date.today().year - 1
    engine = create_engine(args.db)
    dialect = engine.dialect.name
    with engine.connect() as connection:
        total = connection.execute(text("SELECT count(*) FROM signal")).scalar()
    engine.dispose()
    sql = ceilings(dialect, f"{year}-01-01", f"{year + 1}-01-01")
    load_note = os.getloadavg()
    rows: list[Row] = []
    if "pages" not in skip:
        rows += measure_pages(args.db, args.repeat, sql)
    if "letter" not in skip:
        formats = [f for f in args.letter_formats.split(",") if f]
        rows += measure_letter(args.db, year, max(1, min(args.repeat, 3)), sql["letter data (year)"], formats)
    if "import" not in skip:
        rows.append(measure_import(args.db, args.import_rows))
        _progress(rows[-1])
    if "intake" not in skip:
        rows.append(measure_intake(args.db, args.intake_seconds, warm=5 if args.quick else 120))
        _progress(rows[-1])
    print_table(
        rows,
        f"bench.run on {dialect}, {total:,} signals, letter year {year}; load average before "
        f"{load_note[0]:.1f}, after {os.getloadavg()[0]:.1f} (2 cores shared)",
    )


if __name__ == "__main__":
    main()
