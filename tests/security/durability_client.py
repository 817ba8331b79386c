"""The durability test's client (tests/security/test_durability.py), in a module of its own that imports
only the standard library: the test starts it in spawned processes, which import this module alone."""

from __future__ import annotations

import http.client
import json
import time

PER_CLIENT = 20
DEADLINE = 90  # seconds for the whole exchange, a safety net only


def submit_all(number: int, port: int, token: str, run: str, acknowledged, results) -> None:
    """Submit PER_CLIENT signals, each with its own key, retrying until a 2xx (or a real 4xx) answer."""
    outcomes = []
    stop = time.time() + DEADLINE
    for n in range(PER_CLIENT):
        title = f"Duurzaamheid {run} client {number} melding {n}"
        body = json.dumps(
            {
                "channel": "GEM-BL",
                "title": title,
                "description": "Een cliënt in de bijstand kreeg boodschappen van zijn moeder en moet alles terugbetalen.",
                "regulations": ["BWBR0015703"],
            }
        )
        key = f"{run}-{number}-{n}"
        interrupted = False
        outcome = {"title": title, "key": key, "status": None, "id": None, "replayed": False}
        while time.time() < stop:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
                connection.request(
                    "POST",
                    "/api/v1/signals",
                    body=body.encode("utf-8"),
                    headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Idempotency-Key": key},
                )
                response = connection.getresponse()
                payload = response.read()
                connection.close()
            except (OSError, http.client.HTTPException):
                interrupted = True  # no answer: the server is gone or restarting
                time.sleep(0.1)
                continue
            if response.status >= 500:
                interrupted = True
                time.sleep(0.1)
                continue
            outcome["status"] = response.status
            if 200 <= response.status < 300:
                outcome["id"] = json.loads(payload)["id"]
                outcome["replayed"] = response.getheader("Idempotent-Replayed") == "true"
                with acknowledged.get_lock():
                    acknowledged.value += 1
            else:
                outcome["error"] = payload.decode(errors="replace")[:300]
            break
        outcome["interrupted"] = interrupted
        outcomes.append(outcome)
    results.put(outcomes)
