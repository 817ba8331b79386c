"""Learning from routing decisions (DESIGN §5.3): model versions, retraining, rollback.

Every routing decision a coordinator or triage officer made (the ``route`` and
``reroute`` audit events with a person as actor) is a labelled example: the text
of the signal and the ministry chosen, the latest decision per signal winning.
``retrain`` trains a new ministry classifier on the corpus, the reference data
and those decisions, evaluates it on the corpus next to the active model, and
stores it as a new version; it becomes active only if it does not evaluate
worse. ``rollback`` re-activates an earlier version. Without any stored version
the classifier shipped in ``signals/data`` is used.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session, undefer

from signals.classifier import (
    ARTIFACT_PATH,
    CORPUS_PATH,
    Example,
    RoutingClassifier,
    lexicon_by_ministry,
    read_examples,
    score,
    train_classifier,
)
from signals.models import AuditEvent, RoutingModel, Signal
from signals.reference import current_ministry_codes

#: actions whose ministry a person chose: each is a labelled example
MANUAL_ACTIONS = ("route", "reroute")

_lock = threading.Lock()
_cache: dict = {"key": None, "classifier": None}


def collect_decisions(session: Session) -> list[tuple[str, str]]:
    """(text, ministry) for every signal a person routed or re-routed, the latest decision winning.

    One query joins the audit events to their signals' texts (no ORM objects), so 100,000
    decisions are read in a few seconds.
    """
    codes = current_ministry_codes(session)
    decided: dict[int, tuple[str, str]] = {}
    rows = session.execute(
        select(AuditEvent.signal_id, AuditEvent.data, Signal.title, Signal.description)
        .join(Signal, Signal.id == AuditEvent.signal_id)
        .where(AuditEvent.action.in_(MANUAL_ACTIONS), AuditEvent.actor_id.is_not(None))
        .order_by(AuditEvent.created_at, AuditEvent.id)
        .execution_options(yield_per=10_000)
    )
    for signal_id, data, title, description in rows:
        data = data or {}
        ministry = codes.get(str(data.get("ministry") or "").strip().upper())
        # only decisions people made: automatic routings (regulation, text, inherited, portfolio) teach nothing
        if ministry and data.get("method") == "manual":
            decided[signal_id] = (f"{title}\n{description}", ministry)
    return list(decided.values())


def collect_examples(session: Session) -> list[tuple[str, str]]:
    """Backwards-compatible name for :func:`collect_decisions`."""
    return collect_decisions(session)


def load_corpus(session: Session | None = None) -> list[Example]:
    """The labelled corpus shipped in ``signals/data``, ministry codes mapped to today's."""
    codes = current_ministry_codes(session) if session is not None else {}
    return read_examples(CORPUS_PATH, (lambda code: codes.get(code.strip().upper())) if codes else None)


def shipped_classifier() -> RoutingClassifier | None:
    """The classifier trained on the corpus and shipped with the code, if present and readable."""
    if not ARTIFACT_PATH.exists():
        return None
    try:
        return RoutingClassifier.loads(ARTIFACT_PATH.read_bytes())
    except Exception:  # an artifact from another library version: fall back to training
        return None


def active_classifier(session: Session, profiles: Callable[[], list]) -> RoutingClassifier | None:
    """The active stored version, else the shipped artifact, else one trained now (cached per process)."""
    active = session.execute(
        select(RoutingModel.id, RoutingModel.created_at).where(RoutingModel.is_active.is_(True)).order_by(RoutingModel.id.desc()).limit(1)
    ).first()
    active_id = active[0] if active else None
    # id and time together: an id can come back after a rollback (tests, restored backups)
    key = ("db", active_id, str(active[1])) if active else ("shipped",)
    with _lock:
        if _cache["key"] == key:
            return _cache["classifier"]
        classifier = None
        if active_id:
            blob = session.scalar(select(RoutingModel.artifact).where(RoutingModel.id == active_id))
            if blob:
                classifier = RoutingClassifier.loads(blob)
        if classifier is None:
            classifier = shipped_classifier()
        if classifier is None:
            classifier = train_classifier(load_corpus(session), profiles())
        _cache["key"], _cache["classifier"] = key, classifier
        return classifier


def forget_cached_classifier() -> None:
    """Drop the process caches (after a retrain or rollback, or a change of reference data, in this process)."""
    with _lock:
        _cache["key"] = _cache["classifier"] = None


def evaluate_on(classifier: RoutingClassifier | None, router, examples: list[Example], threshold: float | None = None, lexicons=None):
    """Figures for ``classifier`` + lexicon ``router`` on ``examples`` (lexicon alone when no classifier)."""
    if lexicons is None:
        lexicons = [lexicon_by_ministry(router.suggest(e.text, limit=20)) for e in examples]
    if classifier is not None:
        rows = classifier.predict_many([e.text for e in examples], lexicons)
        predictions = [next(iter(row.items())) for row in rows]
        threshold = classifier.threshold if threshold is None else threshold
    else:
        predictions = [max(lex.items(), key=lambda item: item[1]) if lex else (None, 0.0) for lex in lexicons]
        threshold = 0.5 if threshold is None else threshold
    return score(examples, predictions, threshold)


@dataclass
class RetrainResult:
    """What a retrain learnt, how the new and the active model do on the corpus, and which one routes now."""

    examples: int
    accuracy_before: float
    accuracy_after: float
    model_id: int | None
    activated: bool
    seconds: float


def retrain_router(session: Session, profiles, router=None, corpus: list[Example] | None = None) -> RetrainResult:
    """Train a new version from the corpus, reference data and people's decisions; activate it unless worse."""
    from signals.text_router import TextRouter

    started = time.perf_counter()
    decisions = collect_decisions(session)
    corpus = corpus if corpus is not None else load_corpus(session)
    router = router or TextRouter(profiles)
    current = active_classifier(session, lambda: profiles)
    base = current or shipped_classifier()
    kwargs = {}
    if base is not None:
        kwargs = {
            "lexicon_weight": base.lexicon_weight,
            "model_scale": getattr(base, "model_scale", 1.0),
            "threshold": base.threshold,
            "alpha": base.model.alpha,
        }
    new = train_classifier(corpus, profiles, decisions, **kwargs)
    lexicons = [lexicon_by_ministry(router.suggest(e.text, limit=20)) for e in corpus]
    before = evaluate_on(current, router, corpus, lexicons=lexicons)
    after = evaluate_on(new, router, corpus, lexicons=lexicons)
    activated = after.accuracy >= before.accuracy
    new.metrics = {"corpus": after.as_dict(), "previous_corpus": before.as_dict(), "decisions": len(decisions)}
    if activated:
        session.execute(update(RoutingModel).values(is_active=False))
    model = RoutingModel(
        examples=[],
        accuracy_before=before.accuracy,
        accuracy_after=after.accuracy,
        artifact=new.dumps(),
        metrics=new.metrics,
        is_active=activated,
        note=f"{len(decisions)} routeerbeslissingen" + ("" if activated else "; niet in gebruik: slechter op het corpus"),
    )
    session.add(model)
    session.flush()
    forget_cached_classifier()
    return RetrainResult(len(decisions), before.accuracy, after.accuracy, model.id, activated, time.perf_counter() - started)


def list_versions(session: Session) -> list[RoutingModel]:
    """Stored model versions, newest first (without loading the artifacts)."""
    return list(session.scalars(select(RoutingModel).order_by(RoutingModel.id.desc())))


def rollback(session: Session, model_id: int | None = None) -> RoutingModel | None:
    """Activate version ``model_id`` (default: the version before the active one); None = back to the shipped model.

    Raises LookupError when the version does not exist or has no stored classifier.
    """
    versions = session.scalars(
        select(RoutingModel).options(undefer(RoutingModel.artifact)).where(RoutingModel.artifact.is_not(None)).order_by(RoutingModel.id.desc())
    ).all()
    if model_id is None:
        active = next((v for v in versions if v.is_active), None)
        older = [v for v in versions if active is not None and v.id < active.id]
        target = older[0] if older else None  # nothing older than the version in use: the shipped model
    else:
        target = next((v for v in versions if v.id == model_id), None)
        if target is None:
            raise LookupError(model_id)
    session.execute(update(RoutingModel).values(is_active=False))
    if target is not None:
        target.is_active = True
    session.flush()
    forget_cached_classifier()
    return target


def latest_examples(session: Session) -> tuple[int | None, list[tuple[str, str]]]:
    """The decisions the active version learnt from are inside its artifact; kept for older callers."""
    model = session.scalars(select(RoutingModel).order_by(RoutingModel.id.desc()).limit(1)).first()
    if model is None:
        return None, []
    return model.id, [(text, code) for text, code in (model.examples or [])]
