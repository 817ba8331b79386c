"""Plain-dict shapes of domain objects for the API."""

from __future__ import annotations

from signals.deadlines import deadline_state
from signals.models import AuditEvent, Channel, Ministry, Organisation, Regulation, Signal, utcnow
from signals.vocabulary import STATUSES
from signals.workflow import followed_signal


def _iso(value):
    return value.isoformat() if value is not None else None


def signal_json(signal: Signal, now=None) -> dict:
    """A signal as the API shows it; the texts are the masked ones, as stored.

    A merged signal shows the outcome and answer of the signal it follows.
    """
    followed = followed_signal(signal)
    now = now or utcnow()
    return {
        "id": signal.id,
        "reference": signal.reference,
        "status": signal.status,
        "status_label": STATUSES[signal.status],
        "title": signal.title,
        "description": signal.description,
        "channel": signal.channel_code,
        "external_id": signal.external_id,
        "organisation": signal.organisation_code,
        "regulations": [r.code for r in signal.regulations],
        "ministry": signal.lead_ministry_code,
        "co_ministries": signal.co_ministry_codes,
        "routing": {
            "ministry": signal.lead_ministry_code,
            "co_ministries": signal.co_ministry_codes,
            "method": signal.routing_method,
            "confidence": signal.routing_confidence,
            "explanation": signal.routing_explanation,
            "suggestions": signal.routing_suggestions or [],
        },
        "observed_on": _iso(signal.observed_on),
        "people_affected": signal.people_affected,
        "themes": signal.themes or [],
        "impact": signal.impact,
        "proposed_solution": signal.proposed_solution,
        "masked": signal.masked or [],
        "outcome": followed.outcome,
        "response": followed.response or None,
        "merged_into": signal.merged_into_id,
        "follows": None if followed is signal else {"id": followed.id, "reference": followed.reference, "status": followed.status},
        "effective_status": followed.status,
        "knelpunt_id": signal.knelpunt_id,
        "due_at": _iso(signal.due_at),
        "deadline": deadline_state(signal, now),
        "feedback": None
        if signal.feedback_at is None
        else {"useful": signal.feedback_useful, "comment": signal.feedback_comment, "at": _iso(signal.feedback_at)},
        "reopen_requested": signal.reopen_requested_at is not None,
        "created_at": _iso(signal.created_at),
        "updated_at": _iso(signal.updated_at),
        "routed_at": _iso(signal.routed_at),
        "answered_at": _iso(signal.answered_at),
        "closed_at": _iso(signal.closed_at),
    }


def event_json(event: AuditEvent) -> dict:
    """One history entry."""
    return {
        "id": event.id,
        "action": event.action,
        "from": event.from_state,
        "to": event.to_state,
        "note": event.note,
        "data": event.data or {},
        "actor": event.actor.email if event.actor else None,
        "actor_role": event.actor.role if event.actor else None,
        "at": _iso(event.created_at),
    }


def ministry_json(m: Ministry) -> dict:
    return {
        "code": m.code,
        "name": m.name,
        "valid_from": _iso(m.valid_from),
        "valid_until": _iso(m.valid_until),
        "successor": m.successor_code,
        "is_current": m.valid_until is None,
        "certainty": m.certainty,
        "note": m.note,
        "deadlines": {"accept_within_working_days": m.accept_within_working_days, "answer_within_weeks": m.answer_within_weeks},
    }


def organisation_json(o: Organisation) -> dict:
    return {
        "code": o.code,
        "name": o.name,
        "kind": o.kind,
        "owner_ministry": o.owner_ministry_code,
        "is_ministry": o.is_ministry,
        "main_tasks": o.main_tasks,
        "certainty": o.certainty,
        "parent": o.parent_code,  # the agency of an office (UWV for UWV-ALKMAAR), else null
        "place": o.office.place if o.office is not None else None,
    }


def channel_json(c: Channel) -> dict:
    return {
        "code": c.code,
        "name": c.name,
        "organisation": c.organisation_code,
        "description": c.description,
        "is_active": c.is_active,
        "certainty": c.certainty,
    }


def regulation_json(r: Regulation) -> dict:
    return {
        "code": r.code,
        "bwb_id": r.bwb_id,
        "title": r.title,
        "abbreviation": r.abbreviation,
        "aliases": r.aliases,
        "ministry": r.ministry_code,
        "co_ministries": r.co_ministries,
        "executed_by": r.executed_by,
        "certainty": r.certainty,
        "note": r.note,
    }


def knelpunt_json(knelpunt, counts) -> dict:
    """A knelpunt with the counts derived from its linked signals."""
    return {
        "id": knelpunt.id,
        "reference": knelpunt.reference,
        "title": knelpunt.title,
        "status": knelpunt.status,
        "status_reason": knelpunt.status_reason or None,
        "ministry": knelpunt.ministry_code,
        "co_ministries": knelpunt.co_ministries,
        "problem": knelpunt.problem,
        "consequences": knelpunt.consequences,
        "solution_direction": knelpunt.solution_direction,
        "instrument": knelpunt.instrument,
        "regulations": [r.code for r in knelpunt.regulations],
        "signal_count": counts.signals,
        "channel_count": counts.channels,
        "channels": counts.channel_codes,
        "people_affected": counts.people_affected,
        "created_at": _iso(knelpunt.created_at),
        "updated_at": _iso(knelpunt.updated_at),
    }
