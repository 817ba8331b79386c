"""Retraining the text router from manual routing decisions (DESIGN §5.3)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from signals.models import AuditEvent, Regulation, RoutingModel, Signal, SignalRegulation
from signals.reference import resolve_ministry
from signals.text_router import TextRouter

#: actions whose ministry a person chose: each is a labelled example
MANUAL_ACTIONS = ("route", "reroute")


def _representative_regulations(session: Session) -> dict[str, str]:
    """Per ministry, the regulation its signals are most often about (label for ministry-only examples)."""
    counts: dict[str, Counter] = {}
    rows = session.execute(
        select(Regulation.ministry_code, Regulation.code).join(SignalRegulation, SignalRegulation.regulation_id == Regulation.id)
    ).all()
    for ministry, code in rows:
        counts.setdefault(ministry, Counter())[code] += 1
    for regulation in session.scalars(select(Regulation).order_by(Regulation.code)):
        counts.setdefault(regulation.ministry_code, Counter()).setdefault(regulation.code, 0)
    return {ministry: counter.most_common(1)[0][0] for ministry, counter in counts.items() if counter}


def collect_examples(session: Session) -> list[tuple[str, str]]:
    """(text, regulation code) for every signal a person routed or re-routed, latest decision winning."""
    decided: dict[int, str] = {}
    events = session.execute(
        select(AuditEvent.signal_id, AuditEvent.data)
        .where(AuditEvent.action.in_(MANUAL_ACTIONS), AuditEvent.actor_id.is_not(None), AuditEvent.signal_id.is_not(None))
        .order_by(AuditEvent.created_at, AuditEvent.id)
    ).all()
    for signal_id, data in events:
        ministry = resolve_ministry(session, (data or {}).get("ministry"))
        # only decisions people made: automatic routings (regulation, text, inherited, portfolio) teach nothing
        if ministry is not None and (data or {}).get("method") == "manual":
            decided[signal_id] = ministry.code
    if not decided:
        return []
    representative = _representative_regulations(session)
    examples = []
    for signal in session.scalars(select(Signal).where(Signal.id.in_(decided))):
        ministry = decided[signal.id]
        own = [r.code for r in signal.regulations if resolve_ministry(session, r.ministry_code).code == ministry]
        code = own[0] if own else representative.get(ministry)
        if code:
            examples.append((f"{signal.title}\n{signal.description}", code))
    return examples


def _accuracy(router_for, examples: list[tuple[str, str]], ministry_of: dict[str, str]) -> float:
    """Share of examples whose top suggestion has the right ministry (leave-one-out when learning)."""
    if not examples:
        return 0.0
    hits = 0
    for index, (text, code) in enumerate(examples):
        router = router_for(examples[:index] + examples[index + 1 :])
        suggestions = router.suggest(text, limit=1)
        if suggestions and suggestions[0].ministry == ministry_of.get(code):
            hits += 1
    return hits / len(examples)


@dataclass
class RetrainResult:
    """What a retrain learnt and how well it routes its own examples."""

    examples: int
    accuracy_before: float
    accuracy_after: float
    model_id: int | None


def retrain_router(session: Session, profiles, max_evaluated: int = 200) -> RetrainResult:
    """Collect the labelled examples, measure, and store them as the router's new model."""
    examples = collect_examples(session)
    ministry_of = {p.code: p.ministry for p in profiles}
    sample = examples[:max_evaluated]
    before = _accuracy(lambda _rest: TextRouter(profiles), sample, ministry_of)
    after = _accuracy(lambda rest: TextRouter(profiles, rest), sample, ministry_of) if len(sample) > 1 else before
    model = RoutingModel(examples=[list(e) for e in examples], accuracy_before=before, accuracy_after=after)
    session.add(model)
    session.flush()
    return RetrainResult(len(examples), before, after, model.id)


def latest_examples(session: Session) -> tuple[int | None, list[tuple[str, str]]]:
    """The examples of the newest routing model, with its id."""
    model = session.scalars(select(RoutingModel).order_by(RoutingModel.id.desc()).limit(1)).first()
    if model is None:
        return None, []
    return model.id, [(text, code) for text, code in model.examples]
