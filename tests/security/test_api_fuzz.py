"""Schemathesis against the app's own OpenAPI document, as every role: never a 5xx, every answer as documented.

Bounded: FUZZ_EXAMPLES generated cases per operation, per role and per mode (valid and invalid input),
so the whole run stays around a minute. The count of cases run is printed at the end of the session.
"""

from __future__ import annotations

import copy
import os

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from signals.knelpunten import create_knelpunt
from tests.security import SUMMARY

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 5))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
#: role -> organisation of the fuzzing users
ROLES = {"frontline": "GEM", "triage": "SZW", "coordinator": "BZK", "liaison": "BZK", "admin": "BZK"}


@pytest.fixture
def fuzz_data(db, make_user, make_token, make_signal):
    """Tokens per role and some signals and a knelpunt, so low ids exist and lead somewhere."""
    tokens = {role: make_token(make_user(role, org)) for role, org in ROLES.items()}
    signals = [make_signal(status=status) for status in ("routed", "in_progress", "answered", "needs_info", "closed")]
    coordinator = make_user("coordinator", "BZK")
    knelpunt = create_knelpunt(db.session, coordinator, title="Gift telt als inkomen", ministry="SZW", signal_ids=[signals[0].id])
    db.session.commit()
    return tokens, max(s.id for s in signals) + 1, knelpunt.id + 1


def _schemas(app, highest_signal: int, highest_knelpunt: int):
    """The served document as it is (for invalid input), and one whose path ids stay among existing rows,
    so that valid input gets past the look-up to the body and the workflow."""
    raw = app.test_client().get("/api/v1/openapi.json").get_json()
    as_served = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    narrowed = copy.deepcopy(raw)
    for operations in narrowed["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and parameter["name"] in ("signal_id", "knelpunt_id"):
                    high = highest_signal if parameter["name"] == "signal_id" else highest_knelpunt
                    parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": high}
    existing = schemathesis.openapi.from_dict(narrowed)
    existing.app = app
    return {GenerationMode.POSITIVE: existing, GenerationMode.NEGATIVE: as_served}


def _first_failure(error: BaseException) -> str:
    inner = getattr(error, "exceptions", None) or [error]
    return "; ".join(f"{type(e).__name__}: {str(e).strip().splitlines()[0] if str(e).strip() else ''}" for e in inner)[:400]


def _fuzz(operation, mode, role: str, token: str, failures: list[str]) -> int:
    """Run FUZZ_EXAMPLES generated cases of one operation as one role; the number of cases run."""
    cases = 0

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        nonlocal cases
        cases += 1
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        try:
            case.validate_response(response, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as error:  # collect them all, with the request that caused each
            failures.append(
                f"{operation.label} as {role} ({mode.value}): {response.status_code} "
                f"for {case.formatted_path} body={case.body!r:.150}\n{_first_failure(error)}"
            )

    run()
    return cases


def test_api_never_fails_and_answers_as_documented(app, fuzz_data):
    tokens, highest_signal, highest_knelpunt = fuzz_data
    schemas = _schemas(app, highest_signal, highest_knelpunt)
    failures: list[str] = []
    cases = 0
    operations = set()
    for mode, schema in schemas.items():
        for result in schema.get_all_operations():
            operation = result.ok()
            operations.add(operation.label)
            for role, token in tokens.items():
                cases += _fuzz(operation, mode, role, token, failures)
    SUMMARY.append(
        f"schemathesis: {cases} cases on {len(operations)} operations x {len(tokens)} roles x 2 modes, {len(failures)} failures"
    )
    assert not failures, f"{len(failures)} of {cases} cases failed:\n" + "\n".join(sorted(set(failures))[:60])
