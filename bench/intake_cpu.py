"""CPU per API post in one process, without a load test around it: `python -m bench.intake_cpu --db URL`.

Posts ``--posts`` signals through ``POST /api/v1/signals`` with the Flask test client (the app as
gunicorn serves it: the API rate limit on and counted in the database or ``--storage``, a fresh external id per post,
two of three posts naming a regulation, one of three routed by its text) after a warm-up, and prints
the process CPU per post, the wall time per post and the SQL statements per post; on a PostgreSQL
server on this machine also the CPU its backends spent on them (read from /proc: the statements'
planning and execution, which the app's own CPU does not show). ``--profile`` prints the functions
that took most of the CPU (cProfile, cumulative).

The CPU figure is the steady one on a shared machine; the wall time moves with the load.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import time

from bench.run import LOAD_ENV, api_token, bodies, make_app, pid_cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--warm", type=int, default=30)
    parser.add_argument(
        "--storage", default="database://", help="where the rate limit is counted: database:// (default) or redis://HOST/DB"
    )
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sort", default="cumulative", help="cProfile order: cumulative, tottime")
    parser.add_argument("--lines", type=int, default=45)
    parser.add_argument("--dump", help="with --profile: also write the profile to this file (pstats, for print_callees)")
    args = parser.parse_args(argv)

    app = make_app(args.db, rate_limit=LOAD_ENV["RATELIMIT_API"], storage=args.storage)  # as served
    token = api_token(app, "frontline-gem@example.org")
    payloads = bodies(args.posts + args.warm, with_external=True)
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def post(body: str) -> None:
        response = client.post("/api/v1/signals", data=body, headers=headers)
        if response.status_code != 201:
            raise SystemExit(f"bench: post answered {response.status_code}: {response.get_data(as_text=True)[:500]}")

    for body in payloads[: args.warm - args.warm // 2]:
        post(body)
    from sqlalchemy import event

    from app.extensions import db

    statements = [0]

    def count(*_args):
        statements[0] += 1

    with app.app_context():
        engine = db.engine
    backends = ServerCPU(engine)
    # half the warm-up on the connections just opened (psycopg prepares a statement at its fifth use)
    for body in payloads[args.warm - args.warm // 2 : args.warm]:
        post(body)
    event.listen(engine, "before_cursor_execute", count)
    server_started = backends.seconds()
    profiler = cProfile.Profile(time.process_time) if args.profile else None  # CPU, not waits
    started, cpu_started = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    for body in payloads[args.warm :]:
        post(body)
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    server = backends.seconds() - server_started if server_started is not None else None
    event.remove(engine, "before_cursor_execute", count)
    n = args.posts
    print(
        f"{n} posts: CPU {cpu * 1000 / n:.2f} ms/post, wall {wall * 1000 / n:.2f} ms/post, "
        f"{statements[0] / n:.1f} SQL statements/post"
        + (f", database server CPU {server * 1000 / n:.2f} ms/post" if server is not None else "")
        + f"; rate limit in {args.storage}; load {os.getloadavg()[0]:.1f}"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.lines)
        if args.dump:
            profiler.dump_stats(args.dump)


class ServerCPU:
    """CPU seconds of the PostgreSQL backends serving ``engine``'s connections, when the server runs on
    this machine (their /proc entries readable); None otherwise (SQLite runs inside the app's process)."""

    def __init__(self, engine):
        self.pids: set[int] = set()
        if engine.dialect.name != "postgresql":
            return
        from sqlalchemy import event

        engine.dispose()  # the connections opened from now on are the ones counted

        @event.listens_for(engine, "connect")
        def remember(dbapi_connection, _record):
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.pids.add(cursor.fetchone()[0])

    def seconds(self) -> float | None:
        readings = [cpu for cpu in map(pid_cpu, list(self.pids)) if cpu is not None]  # a copy: connections open meanwhile
        return sum(readings) if readings else None


if __name__ == "__main__":
    main()
