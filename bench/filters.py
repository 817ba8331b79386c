"""Every list with its filters at scale: `python -m bench.filters --db URL [--repeat N]`.

``bench.run`` times each screen as it first opens. People then filter: a status, a ministry, a
period, a deadline check, a search word with a filter beside it, a page further on, a sort order.
This times those combinations - the queue, the signal list, the knelpunten list, the dashboard and
the API list - as the triage user of SZW and the coordinator ask for them (in process, the Flask
test client, after one warm-up request each), prints p50 and p95 per request and marks every p95
over the 300 ms target of issue 12. Use a database from ``bench.generate``.
"""

from __future__ import annotations

import argparse
import os
import statistics

from bench.run import api_token, logged_in, make_app, pct, timed

TARGET_MS = 300

#: (who, path): screens, as the person would filter them
PAGES = [
    ("triage-szw@example.org", "/behandelen/?status=needs_info"),
    ("triage-szw@example.org", "/behandelen/?status=closed"),
    ("triage-szw@example.org", "/behandelen/?late=y"),
    ("triage-szw@example.org", "/behandelen/?wie=niemand"),
    ("triage-szw@example.org", "/behandelen/?sort=-title"),
    ("triage-szw@example.org", "/behandelen/?sort=due&page=20"),
    ("triage-szw@example.org", "/behandelen/?q=bijstand&status=needs_info"),
    ("triage-szw@example.org", "/behandelen/?q=terugvordering"),
    ("triage-szw@example.org", "/signalen/?q=bijstand&status=in_progress"),
    ("triage-szw@example.org", "/signalen/?q=bijstand&status=closed"),
    ("triage-szw@example.org", "/signalen/?status=needs_info"),
    ("triage-szw@example.org", "/signalen/?page=200"),
    ("coordinator@example.org", "/signalen/?q=bijstand&status=needs_info"),
    ("coordinator@example.org", "/signalen/?q=toeslag+terugvordering"),
    ("coordinator@example.org", "/signalen/?ministry=FIN&deadline=very_late"),
    ("coordinator@example.org", "/signalen/?backlog=1"),
    ("coordinator@example.org", "/signalen/?received=2025-Q3&q=bijstand"),
    ("coordinator@example.org", "/signalen/?answered=2025"),
    ("coordinator@example.org", "/knelpunten/?q=toeslag"),
    ("coordinator@example.org", "/knelpunten/?status=open&ministry=SZW"),
    ("coordinator@example.org", "/dashboard/?period=2025&ministry=SZW"),
    ("coordinator@example.org", "/dashboard/?period=2025-Q3&channel=UWV-KC"),
    ("frontline-gem@example.org", "/signalen/?q=bijstand"),
    ("frontline-gem@example.org", "/signalen/?status=answered&page=5"),
]

#: (whose token, path)
API = [
    ("triage-szw@example.org", "/api/v1/signals?status=needs_info"),
    ("triage-szw@example.org", "/api/v1/signals?status=closed&per_page=100"),
    ("triage-szw@example.org", "/api/v1/signals?status=in_progress&q=bijstand"),
    ("triage-szw@example.org", "/api/v1/signals?status=needs_info&q=bijstand"),
    ("triage-szw@example.org", "/api/v1/signals?q=bijstand&channel=UWV-KC"),
    ("triage-szw@example.org", "/api/v1/signals?q=bijstand+boete"),
    ("triage-szw@example.org", "/api/v1/signals?deadline=late"),
    ("triage-szw@example.org", "/api/v1/signals?backlog=1&per_page=100"),
    ("triage-szw@example.org", "/api/v1/signals?received=2025-Q3"),
    ("triage-szw@example.org", "/api/v1/signals?received=2025-Q3&q=bijstand"),
    ("triage-szw@example.org", "/api/v1/signals?page=400"),
    ("coordinator@example.org", "/api/v1/signals?lead_ministry=FIN&status=answered"),
    ("coordinator@example.org", "/api/v1/signals?ministry=SZW&answered=2025"),
    ("coordinator@example.org", "/api/v1/signals?q=bijstand&status=withdrawn"),
    ("coordinator@example.org", "/api/v1/signals?q=toeslag&deadline=very_late"),
    ("coordinator@example.org", "/api/v1/signals?page=2000&per_page=100"),
    ("coordinator@example.org", "/api/v1/knelpunten?status=open"),
]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--only", help="time only the paths that contain this text")
    args = parser.parse_args(argv)
    app = make_app(args.db)
    clients: dict[str, object] = {}
    tokens: dict[str, str] = {}
    over = 0
    print(f"{'p50 ms':>7} {'p95 ms':>7}  status  who / path")
    for kind, who, path in [("page", *p) for p in PAGES] + [("api", *p) for p in API]:
        if args.only and args.only not in path:
            continue
        if kind == "page":
            client = clients.get(who) or logged_in(app, who)
            clients[who] = client
            headers = {}
        else:
            client = app.test_client()
            tokens[who] = tokens.get(who) or api_token(app, who)
            headers = {"Authorization": f"Bearer {tokens[who]}"}
        codes = set()

        def get(client=client, path=path, headers=headers, codes=codes):
            codes.add(client.get(path, headers=headers).status_code)

        get()  # warm up
        samples = timed(get, args.repeat)
        p50, p95 = statistics.median(samples) * 1000, pct(samples, 0.95) * 1000
        late = p95 > TARGET_MS
        over += late
        print(f"{p50:7.0f} {p95:7.0f}  {','.join(map(str, sorted(codes))):6s}  {who.split('@')[0]} {path}{'  OVER' if late else ''}", flush=True)
    print(f"{over} over {TARGET_MS} ms at p95; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
