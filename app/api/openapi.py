"""The OpenAPI document, generated with apispec from the input schemas."""

from __future__ import annotations

from functools import lru_cache

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

from app.api.schemas import (
    FeedbackInSchema,
    KnelpuntInSchema,
    LinkInSchema,
    SignalInSchema,
    SplitInSchema,
    StatusInSchema,
    SuggestInSchema,
    TransitionInSchema,
)

ERROR = {"$ref": "#/components/schemas/Error"}


def _responses(ok: int, description: str, *errors: int) -> dict:
    responses = {str(ok): {"description": description}}
    for status in errors:
        responses[str(status)] = {"description": "Fout", "content": {"application/json": {"schema": ERROR}}}
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
    ok_list = {"description": "Mogelijke knelpunten, sterkste en snelst groeiende eerst", "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Proposal"}}, "total": {"type": "integer"}}}}}}
    spec.path(
        path="/knelpunten/proposals",
        operations={
            "get": {
                "summary": "Mogelijke knelpunten: signalen die over hetzelfde probleem lijken te gaan",
                "description": "Nieuwe signalen worden eerst (incrementeel) meegewogen. De coördinator ziet alle voorstellen, een beleidsmedewerker die van het eigen ministerie.",
                "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": ["open", "dismissed", "adopted", "gone"], "default": "open"}}],
                "responses": {"200": ok_list, **{k: v for k, v in _responses(200, "", 401, 403).items() if k != "200"}},
            }
        },
    )
    spec.path(path="/knelpunten/proposals/{proposal_id}", operations={"get": {"parameters": proposal_id, "responses": _responses(200, "Het voorstel", 401, 403, 404)}})
    spec.path(
        path="/knelpunten/proposals/{proposal_id}/adopt",
        operations={"post": {"summary": "Maak er in één stap een knelpunt van (of voeg toe aan het voorgestelde knelpunt)", "parameters": proposal_id, "requestBody": _body("AdoptIn"), "responses": _responses(201, "Knelpunt vastgelegd", 400, 401, 403, 404, 409, 422)}},
    )
    spec.path(
        path="/knelpunten/proposals/{proposal_id}/dismiss",
        operations={"post": {"summary": "Wijs het voorstel af met een reden; het komt pas terug als het met de helft groeit", "parameters": proposal_id, "requestBody": _body("DismissIn"), "responses": _responses(200, "Afgewezen", 400, 401, 403, 404, 409, 422)}},
    )


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
    spec.components.schema("LinkIn", schema=LinkInSchema)
    spec.components.schema("StatusIn", schema=StatusInSchema)
    spec.components.schema("FeedbackIn", schema=FeedbackInSchema)
    spec.components.schema("SplitIn", schema=SplitInSchema)
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
    signal_id = [{"name": "signal_id", "in": "path", "required": True, "schema": {"type": "integer"}}]
    spec.path(
        path="/signals",
        operations={
            "post": {
                "summary": "Meld een signaal",
                "requestBody": _body("SignalIn"),
                "responses": _responses(201, "Opgeslagen en gerouteerd", 400, 401, 403, 413, 422),
            },
            "get": {
                "summary": "Signalen die u mag zien",
                "parameters": [
                    {"name": n, "in": "query", "schema": {"type": t}}
                    for n, t in (("status", "string"), ("ministry", "string"), ("channel", "string"), ("q", "string"), ("page", "integer"), ("per_page", "integer"))
                ],
                "responses": _responses(200, "Een pagina signalen", 401, 403, 422),
            },
        },
    )
    spec.path(path="/signals/{signal_id}", operations={"get": {"parameters": signal_id, "responses": _responses(200, "Het signaal", 401, 404)}})
    spec.path(
        path="/signals/{signal_id}/history",
        operations={"get": {"parameters": signal_id, "responses": _responses(200, "De geschiedenis", 401, 404)}},
    )
    spec.path(
        path="/signals/{signal_id}/transitions",
        operations={
            "post": {
                "parameters": signal_id,
                "requestBody": _body("TransitionIn"),
                "responses": _responses(200, "De stap is gezet", 400, 401, 403, 404, 409, 422),
            }
        },
    )
    spec.path(
        path="/routing/suggest",
        operations={"post": {"requestBody": _body("SuggestIn"), "responses": _responses(200, "Routeringsvoorstel", 400, 401, 422)}},
    )
    spec.path(
        path="/reference/{kind}",
        operations={
            "get": {
                "security": [],
                "parameters": [
                    {"name": "kind", "in": "path", "required": True, "schema": {"type": "string", "enum": ["ministries", "organisations", "channels", "regulations"]}}
                ],
                "responses": _responses(200, "Referentiegegevens", 404),
            }
        },
    )
    spec.path(
        path="/signals/{signal_id}/feedback",
        operations={"post": {"parameters": signal_id, "requestBody": _body("FeedbackIn"), "responses": _responses(200, "Beoordeling vastgelegd", 400, 401, 403, 404, 409, 422)}},
    )
    spec.path(
        path="/signals/{signal_id}/split",
        operations={"post": {"parameters": signal_id, "requestBody": _body("SplitIn"), "responses": _responses(201, "Tweede signaal gemaakt", 400, 401, 403, 404, 409, 422)}},
    )
    spec.path(path="/signals/{signal_id}/similar", operations={"get": {"parameters": signal_id, "responses": _responses(200, "Vergelijkbare signalen", 401, 404)}})
    knelpunt_id = [{"name": "knelpunt_id", "in": "path", "required": True, "schema": {"type": "integer"}}]
    spec.path(
        path="/knelpunten",
        operations={
            "get": {"summary": "Knelpunten die u mag zien", "responses": _responses(200, "Knelpunten", 401)},
            "post": {"summary": "Leg een knelpunt vast", "requestBody": _body("KnelpuntIn"), "responses": _responses(201, "Vastgelegd", 400, 401, 403, 422)},
        },
    )
    spec.path(path="/knelpunten/{knelpunt_id}", operations={"get": {"parameters": knelpunt_id, "responses": _responses(200, "Het knelpunt met signal_count", 401, 404)}})
    spec.path(
        path="/knelpunten/{knelpunt_id}/signals",
        operations={"post": {"parameters": knelpunt_id, "requestBody": _body("LinkIn"), "responses": _responses(200, "Gekoppeld", 400, 401, 403, 404, 422)}},
    )
    spec.path(
        path="/knelpunten/{knelpunt_id}/signals/{signal_id}",
        operations={"delete": {"parameters": knelpunt_id + signal_id, "responses": _responses(200, "Losgekoppeld", 401, 403, 404)}},
    )
    spec.path(
        path="/knelpunten/{knelpunt_id}/transitions",
        operations={"post": {"parameters": knelpunt_id, "requestBody": _body("StatusIn"), "responses": _responses(200, "Status gewijzigd", 400, 401, 403, 404, 409, 422)}},
    )
    spec.path(path="/knelpunten/{knelpunt_id}/history", operations={"get": {"parameters": knelpunt_id, "responses": _responses(200, "Geschiedenis", 401, 404)}})
    _proposal_paths(spec)
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
                "responses": _responses(200, "De brief", 401, 403, 422),
            }
        },
    )
    return spec.to_dict()
