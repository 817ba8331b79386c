"""The OpenAPI document, generated with apispec from the input schemas."""

from __future__ import annotations

from functools import lru_cache

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

from app.api.schemas import (
    CorrectionInSchema,
    FeedbackInSchema,
    KnelpuntInSchema,
    KnelpuntPatchSchema,
    LinkInSchema,
    SignalInSchema,
    SplitInSchema,
    StatusInSchema,
    SuggestInSchema,
    TransitionInSchema,
    WithdrawInSchema,
)
from reports.render import FORMATS as LETTER_FORMATS

ERROR = {"$ref": "#/components/schemas/Error"}

#: every status an authenticated call can answer besides its own: no or a bad token, a role without access,
#: too many requests for this token
AUTH_ERRORS = (401, 403, 429)
#: statuses of a call with a JSON body: not JSON (400), too large (413), bad fields or a reused
#: Idempotency-Key with another body (422), the same key still being answered (409)
BODY_ERRORS = (400, 409, 413, 422)
ERROR_DESCRIPTIONS = {
    400: "Geen geldig JSON-object",
    401: "Niet ingelogd of ongeldige API-sleutel",
    403: "Geen toegang met deze rol of organisatie",
    404: "Bestaat niet of niet zichtbaar voor u",
    409: "Stap niet toegestaan in deze status, of dezelfde Idempotency-Key wordt nog verwerkt",
    413: "Verzoek te groot",
    422: "Ongeldige velden (fields noemt ze), of een Idempotency-Key die al voor een ander verzoek is gebruikt",
    429: "Te veel verzoeken; probeer het later opnieuw (Retry-After)",
}
IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "Een unieke sleutel per bedoeld verzoek (bijv. een UUID). Hetzelfde verzoek met dezelfde sleutel "
    "geeft het eerste antwoord opnieuw, zonder het nog eens uit te voeren; een ander verzoek met dezelfde sleutel is 422. "
    "Sleutels gelden per gebruiker, 24 uur.",
    "schema": {"type": "string", "minLength": 1, "maxLength": 200},
}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _responses(ok: int, description: str, *errors: int, schema: dict | None = None, public: bool = False) -> dict:
    ok_response: dict = {"description": description}
    if schema is not None:
        ok_response["content"] = {"application/json": {"schema": schema}}
    responses = {str(ok): ok_response}
    for status in sorted({*errors, *(() if public else AUTH_ERRORS)}):
        responses[str(status)] = {
            "description": ERROR_DESCRIPTIONS.get(status, "Fout"),
            "content": {"application/json": {"schema": ERROR}},
        }
    return responses


def _body(schema: str) -> dict:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _proposal_paths(spec: APISpec) -> None:
    """Proposed knelpunten (issue 15): list, one, adopt, dismiss."""
    from app.api.proposals import AdoptInSchema, DismissInSchema

    spec.components.schema("AdoptIn", schema=AdoptInSchema)
    spec.components.schema("DismissIn", schema=DismissInSchema)
    regulation = {
        "type": "object",
        "properties": {
            "code": {"type": "string"},
            "title": {"type": "string"},
            "signals": {"type": "integer", "description": "Hoeveel signalen van het voorstel over deze regeling gaan"},
            "evidence": {"type": "array", "items": {"type": "string"}, "description": "De woorden die op de regeling wezen"},
        },
    }
    spec.components.schema(
        "Proposal",
        {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "status": {"type": "string", "enum": ["open", "dismissed", "adopted", "gone"]},
                "title": {"type": "string", "description": "Voorgestelde titel: die van het meest centrale signaal"},
                "signal_ids": {"type": "array", "items": {"type": "integer"}, "description": "Sterkste eerst"},
                "signal_count": {"type": "integer"},
                "regulations": {"type": "array", "items": regulation},
                "lead_ministry": {"type": "string", "nullable": True},
                "co_ministries": {"type": "array", "items": {"type": "string"}},
                "channels": {"type": "array", "items": {"type": "string"}},
                "organisations": {"type": "array", "items": {"type": "string"}},
                "people_affected": {"type": "integer"},
                "growth": {"type": "object", "properties": {"last_4_weeks": {"type": "integer"}, "before": {"type": "integer"}}},
                "strength": {"type": "number"},
                "cohesion": {"type": "number", "description": "Gemiddelde gelijkenis van de signalen (0-1)"},
                "terms": {"type": "array", "items": {"type": "string"}},
                "add_to_knelpunt": {"type": "object", "nullable": True, "description": "Gezet als de signalen bij een bestaand knelpunt horen"},
                "created_at": {"type": "string", "format": "date-time"},
            },
        },
    )
    proposal_id = [{"name": "proposal_id", "in": "path", "required": True, "schema": {"type": "integer"}}]
    listing = {"type": "object", "properties": {"items": {"type": "array", "items": _ref("Proposal")}, "total": {"type": "integer"}}}
    adopted = {
        "type": "object",
        "properties": {
            "proposal": _ref("Proposal"),
            "knelpunt": {"type": "object", "properties": {"id": {"type": "integer"}, "reference": {"type": "string"}}},
        },
    }
    spec.path(
        path="/knelpunten/proposals",
        operations={
            "get": {
                "summary": "Mogelijke knelpunten: signalen die over hetzelfde probleem lijken te gaan",
                "description": "Nieuwe signalen worden eerst (incrementeel) meegewogen. De coördinator ziet alle voorstellen, een beleidsmedewerker die van het eigen ministerie.",
                "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": ["open", "dismissed", "adopted", "gone"], "default": "open"}}],
                "responses": _responses(200, "Mogelijke knelpunten, sterkste en snelst groeiende eerst", schema=listing),
            }
        },
    )
    spec.path(
        path="/knelpunten/proposals/{proposal_id}",
        operations={"get": {"summary": "Eén voorstel", "parameters": proposal_id, "responses": _responses(200, "Het voorstel", 404, schema=_ref("Proposal"))}},
    )
    spec.path(
        path="/knelpunten/proposals/{proposal_id}/adopt",
        operations={"post": _post("Maak er in één stap een knelpunt van (of voeg toe aan het voorgestelde knelpunt)", "AdoptIn", 201, "Knelpunt vastgelegd", 404, schema=adopted, parameters=proposal_id)},
    )
    spec.path(
        path="/knelpunten/proposals/{proposal_id}/dismiss",
        operations={"post": _post("Wijs het voorstel af met een reden; het komt pas terug als het met de helft groeit", "DismissIn", 200, "Afgewezen", 404, schema=_ref("Proposal"), parameters=proposal_id)},
    )


def _post(summary: str, body: str, ok: int, description: str, *errors: int, schema: dict | None = None, parameters=()) -> dict:
    """A POST with a JSON body: its errors, and the Idempotency-Key header."""
    return {
        "summary": summary,
        "parameters": [*parameters, IDEMPOTENCY_KEY],
        "requestBody": _body(body),
        "responses": _responses(ok, description, *BODY_ERRORS, *errors, schema=schema),
    }


_STR = {"type": "string"}
_NSTR = {"type": "string", "nullable": True}
_INT = {"type": "integer"}
_NINT = {"type": "integer", "nullable": True}
_STRS = {"type": "array", "items": _STR}
RESPONSE_SCHEMAS = {
    "Signal": {
        "type": "object",
        "required": ["id", "reference", "status", "title", "description", "channel", "organisation", "regulations"],
        "properties": {
            "id": _INT,
            "reference": _STR,
            "status": _STR,
            "status_label": _STR,
            "title": _STR,
            "description": _STR,
            "channel": _STR,
            "organisation": _STR,
            "regulations": _STRS,
            "ministry": _NSTR,
            "co_ministries": _STRS,
            "routing": {"type": "object"},
            "observed_on": _NSTR,
            "people_affected": _NINT,
            "themes": _STRS,
            "impact": _NSTR,
            "proposed_solution": _NSTR,
            "masked": {"type": "array"},
            "outcome": _NSTR,
            "response": _NSTR,
            "merged_into": _NINT,
            "follows": {"type": "object", "nullable": True},
            "effective_status": _STR,
            "knelpunt_id": _NINT,
            "due_at": _NSTR,
            "deadline": {"nullable": True},
            "feedback": {"type": "object", "nullable": True},
            "reopen_requested": {"type": "boolean"},
            "created_at": _NSTR,
            "updated_at": _NSTR,
            "contact": _NSTR,
        },
    },
    "SignalPage": {
        "type": "object",
        "required": ["items", "total", "page", "per_page", "pages"],
        "properties": {
            "items": {"type": "array", "items": _ref("Signal")},
            "total": {"type": "integer", "description": "Aantal gevonden signalen; bij meer dan 10.000 staat hier 10.000 en is total_capped waar"},
            "total_capped": {"type": "boolean", "description": "Er zijn meer signalen dan total (er wordt tot 10.000 geteld)"},
            "page": _INT,
            "per_page": _INT,
            "pages": _INT,
        },
    },
    "Event": {
        "type": "object",
        "required": ["id", "action", "at"],
        "properties": {
            "id": _INT,
            "action": _STR,
            "from": _NSTR,
            "to": _NSTR,
            "note": _NSTR,
            "data": {"type": "object"},
            "actor": _NSTR,
            "actor_role": _NSTR,
            "at": _NSTR,
        },
    },
    "SignalHistory": {
        "type": "object",
        "required": ["items", "signal_id"],
        "properties": {"items": {"type": "array", "items": _ref("Event")}, "signal_id": _INT},
    },
    "SignalTransition": {
        "type": "object",
        "required": ["signal", "event"],
        "properties": {"signal": _ref("Signal"), "event": _ref("Event")},
    },
    "SignalSplit": {
        "type": "object",
        "required": ["original", "part"],
        "properties": {"original": _ref("Signal"), "part": _ref("Signal")},
    },
    "SimilarSignals": {
        "type": "object",
        "required": ["items"],
        "properties": {
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "reference", "score"],
                    "properties": {"id": _INT, "reference": _STR, "title": _STR, "status": _STR, "score": {"type": "number"}, "same_regulation": {"type": "boolean"}},
                },
            }
        },
    },
    "RoutingSuggestion": {
        "type": "object",
        "required": ["ministry", "co_ministries", "method"],
        "properties": {
            "ministry": _NSTR,
            "co_ministries": _STRS,
            "method": _NSTR,
            "confidence": {"type": "number", "nullable": True},
            "explanation": _NSTR,
            "regulations": {"type": "array"},
            "alternatives": {"type": "array"},
            "suggestions": {"type": "array"},
        },
    },
    "Knelpunt": {
        "type": "object",
        "required": ["id", "reference", "title", "status", "signal_count"],
        "properties": {
            "id": _INT,
            "reference": _STR,
            "title": _STR,
            "status": _STR,
            "status_reason": _NSTR,
            "ministry": _NSTR,
            "co_ministries": {"type": "array", "nullable": True},
            "problem": _NSTR,
            "consequences": _NSTR,
            "solution_direction": _NSTR,
            "instrument": _NSTR,
            "regulations": _STRS,
            "signal_count": _INT,
            "channel_count": _INT,
            "channels": _STRS,
            "people_affected": _NINT,
            "created_at": _NSTR,
            "updated_at": _NSTR,
        },
    },
    "KnelpuntList": {
        "type": "object",
        "required": ["items", "total", "page", "per_page", "pages"],
        "properties": {
            "items": {"type": "array", "items": _ref("Knelpunt")},
            "total": {"type": "integer", "description": "Aantal gevonden knelpunten"},
            "page": _INT,
            "per_page": _INT,
            "pages": _INT,
        },
    },
    "KnelpuntHistory": {
        "type": "object",
        "required": ["items", "knelpunt_id"],
        "properties": {"items": {"type": "array", "items": _ref("Event")}, "knelpunt_id": _INT},
    },
    "KnelpuntTransition": {
        "type": "object",
        "required": ["knelpunt", "event"],
        "properties": {"knelpunt": _ref("Knelpunt"), "event": _ref("Event")},
    },
    "ReferenceList": {
        "type": "object",
        "required": ["items", "count"],
        "properties": {"items": {"type": "array", "items": {"type": "object", "required": ["code"], "properties": {"code": _STR}}}, "count": _INT},
    },
}


LETTER_MEDIA_TYPES = tuple(LETTER_FORMATS.values())


@lru_cache(maxsize=1)
def build_openapi() -> dict:
    """The API description served at /api/v1/openapi.json."""
    spec = APISpec(
        title="Knelpunt API",
        version="1.0.0",
        openapi_version="3.0.3",
        plugins=[MarshmallowPlugin()],
        servers=[{"url": "/api/v1"}],
        components={"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        security=[{"bearer": []}],
    )
    spec.components.schema("SignalIn", schema=SignalInSchema)
    spec.components.schema("SuggestIn", schema=SuggestInSchema)
    spec.components.schema("TransitionIn", schema=TransitionInSchema)
    spec.components.schema("KnelpuntIn", schema=KnelpuntInSchema)
    spec.components.schema("KnelpuntPatch", schema=KnelpuntPatchSchema)
    spec.components.schema("LinkIn", schema=LinkInSchema)
    spec.components.schema("StatusIn", schema=StatusInSchema)
    spec.components.schema("FeedbackIn", schema=FeedbackInSchema)
    spec.components.schema("SplitIn", schema=SplitInSchema)
    spec.components.schema("CorrectionIn", schema=CorrectionInSchema)
    spec.components.schema("WithdrawIn", schema=WithdrawInSchema)
    spec.components.schema(
        "Error",
        {
            "type": "object",
            "properties": {
                "error": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string"},
                        "message": {"type": "string"},
                        "fields": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
                    },
                }
            },
        },
    )
    for name, schema in RESPONSE_SCHEMAS.items():
        spec.components.schema(name, schema)
    ids = {"type": "integer", "format": "int64", "minimum": 1}
    signal_id = [{"name": "signal_id", "in": "path", "required": True, "schema": ids}]
    knelpunt_id = [{"name": "knelpunt_id", "in": "path", "required": True, "schema": ids}]
    spec.path(
        path="/signals",
        operations={
            "post": {
                **_post("Meld een signaal", "SignalIn", 201, "Opgeslagen en gerouteerd", schema=_ref("Signal")),
                "description": "Met external_id (de eigen referentie van het kanaal, uniek per kanaal) is melden "
                "herhaalbaar: een tweede melding met hetzelfde external_id maakt niets nieuws en geeft het al "
                "opgeslagen signaal terug met status 200.",
            },
            "get": {
                "summary": "Signalen die u mag zien",
                "parameters": [
                    {"name": n, "in": "query", "schema": {"type": t}}
                    for n, t in (("status", "string"), ("ministry", "string"), ("channel", "string"), ("q", "string"), ("page", "integer"), ("per_page", "integer"))
                ],
                "responses": _responses(200, "Een pagina signalen", 422, schema=_ref("SignalPage")),
            },
        },
    )
    spec.path(
        path="/signals/{signal_id}",
        operations={"get": {"summary": "Eén signaal", "parameters": signal_id, "responses": _responses(200, "Het signaal", 404, schema=_ref("Signal"))}},
    )
    spec.path(
        path="/signals/{signal_id}/correction",
        operations={
            "post": _post(
                "Pas de teksten aan zolang het ministerie het signaal niet in behandeling nam (gemaskeerd)",
                "CorrectionIn", 200, "Aangepast", 404, schema=_ref("Signal"), parameters=signal_id,
            )
        },
    )
    spec.path(
        path="/signals/{signal_id}/withdraw",
        operations={
            "post": _post(
                "Trek het signaal in zolang het ministerie het niet in behandeling nam", "WithdrawIn", 200, "Ingetrokken", 404,
                schema=_ref("SignalTransition"), parameters=signal_id,
            )
        },
    )
    spec.path(
        path="/signals/{signal_id}/history",
        operations={"get": {"summary": "De geschiedenis van een signaal", "parameters": signal_id, "responses": _responses(200, "De geschiedenis", 404, schema=_ref("SignalHistory"))}},
    )
    spec.path(
        path="/signals/{signal_id}/transitions",
        operations={"post": _post("Zet een stap in de workflow", "TransitionIn", 200, "De stap is gezet", 404, schema=_ref("SignalTransition"), parameters=signal_id)},
    )
    spec.path(
        path="/routing/suggest",
        operations={"post": _post("Routeringsvoorstel voor een tekst (slaat niets op)", "SuggestIn", 200, "Routeringsvoorstel", schema=_ref("RoutingSuggestion"))},
    )
    spec.path(
        path="/reference/{kind}",
        operations={
            "get": {
                "summary": "Referentiegegevens",
                "security": [],
                "parameters": [
                    {"name": "kind", "in": "path", "required": True, "schema": {"type": "string", "enum": ["ministries", "organisations", "channels", "regulations"]}}
                ],
                "responses": _responses(200, "Referentiegegevens", 404, 429, schema=_ref("ReferenceList"), public=True),
            }
        },
    )
    spec.path(
        path="/signals/{signal_id}/feedback",
        operations={"post": _post("Beoordeel het antwoord", "FeedbackIn", 200, "Beoordeling vastgelegd", 404, schema=_ref("Signal"), parameters=signal_id)},
    )
    spec.path(
        path="/signals/{signal_id}/split",
        operations={"post": _post("Splits een tweede probleem af", "SplitIn", 201, "Tweede signaal gemaakt", 404, schema=_ref("SignalSplit"), parameters=signal_id)},
    )
    spec.path(
        path="/signals/{signal_id}/similar",
        operations={"get": {"summary": "Vergelijkbare signalen", "parameters": signal_id, "responses": _responses(200, "Vergelijkbare signalen", 404, schema=_ref("SimilarSignals"))}},
    )
    spec.path(
        path="/knelpunten",
        operations={
            "get": {
                "summary": "Knelpunten die u mag zien, nieuwste eerst, per pagina (per_page 1 tot en met 100, standaard 25)",
                "parameters": [
                    {"name": n, "in": "query", "schema": {"type": t}}
                    for n, t in (("status", "string"), ("ministry", "string"), ("page", "integer"), ("per_page", "integer"))
                ],
                "responses": _responses(200, "Knelpunten", 422, schema=_ref("KnelpuntList")),
            },
            "post": _post("Leg een knelpunt vast", "KnelpuntIn", 201, "Vastgelegd", schema=_ref("Knelpunt")),
        },
    )
    spec.path(
        path="/knelpunten/{knelpunt_id}",
        operations={
            "get": {"summary": "Eén knelpunt", "parameters": knelpunt_id, "responses": _responses(200, "Het knelpunt met signal_count", 404, schema=_ref("Knelpunt"))},
            "patch": {
                "summary": "Wijzig titel, probleem, gevolgen, oplossingsrichting of instrument",
                "parameters": knelpunt_id,
                "requestBody": _body("KnelpuntPatch"),
                "responses": _responses(200, "Gewijzigd", *BODY_ERRORS, 404, schema=_ref("Knelpunt")),
            },
        },
    )
    spec.path(
        path="/knelpunten/{knelpunt_id}/signals",
        operations={"post": _post("Koppel signalen aan een knelpunt", "LinkIn", 200, "Gekoppeld", 404, schema=_ref("Knelpunt"), parameters=knelpunt_id)},
    )
    spec.path(
        path="/knelpunten/{knelpunt_id}/signals/{signal_id}",
        operations={"delete": {"summary": "Koppel een signaal los (niet het laatste: 409)", "parameters": knelpunt_id + signal_id, "responses": _responses(200, "Losgekoppeld", 404, 409, schema=_ref("Knelpunt"))}},
    )
    spec.path(
        path="/knelpunten/{knelpunt_id}/transitions",
        operations={"post": _post("Wijzig de status van een knelpunt", "StatusIn", 200, "Status gewijzigd", 404, schema=_ref("KnelpuntTransition"), parameters=knelpunt_id)},
    )
    _proposal_paths(spec)
    spec.path(
        path="/knelpunten/{knelpunt_id}/history",
        operations={"get": {"summary": "De geschiedenis van een knelpunt", "parameters": knelpunt_id, "responses": _responses(200, "Geschiedenis", 404, schema=_ref("KnelpuntHistory"))}},
    )
    letter_ok = _responses(200, "De brief", 422)
    letter_ok["200"]["content"] = {
        "application/json": {"schema": {"type": "object"}},
        **{media.split(";")[0]: {"schema": {"type": "string", "format": "binary"}} for media in LETTER_MEDIA_TYPES},
    }
    spec.path(
        path="/reports/bottleneck-letter",
        operations={
            "get": {
                "summary": "De knelpuntenbrief voor een periode en een scope",
                "parameters": [
                    {"name": "period", "in": "query", "required": True, "schema": {"type": "string", "example": "2026-Q3"}},
                    {"name": "ministry", "in": "query", "schema": {"type": "string"}},
                    {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "html", "pdf", "docx", "csv", "xlsx"]}},
                ],
                "responses": letter_ok,
            }
        },
    )
    _regulation_dossier_path(spec)
    return spec.to_dict()


def _regulation_dossier_path(spec: APISpec) -> None:
    """GET /regulations/{bwb_id}/dossier (issue 14): everything about one law, scoped to the caller."""
    spec.path(
        path="/regulations/{bwb_id}/dossier",
        operations={
            "get": {
                "summary": "Dossier van één regeling: signalen, knelpunten, ontwikkeling, uitkomsten, rode draden, samenloop",
                "description": (
                    "Alle cijfers over de signalen die de aanroeper mag zien (signals.access); een liaison krijgt "
                    "alleen totalen (`signals` is dan null). `regulation.url` linkt naar wetten.overheid.nl."
                ),
                "parameters": [
                    {"name": "bwb_id", "in": "path", "required": True, "schema": {"type": "string", "example": "BWBR0015703"}}
                ],
                "responses": {
                    **_responses(200, "Het dossier", 401, 403, 404),
                    "200": {
                        "description": "Het dossier",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "regulation": {"type": "object"},
                                        "figures": {"type": "object"},
                                        "knelpunten": {"type": "array", "items": {"type": "object"}},
                                        "tables": {"type": "object"},
                                        "signals": {"type": "array", "nullable": True, "items": {"type": "object"}},
                                    },
                                    "required": ["regulation", "figures", "knelpunten", "tables", "signals"],
                                }
                            }
                        },
                    },
                },
            }
        },
    )
