"""Routing: which ministry leads on a signal, and which are co-responsible (DESIGN §5).

A named regulation decides; without one the text router reads the words. Both
follow a retired ministry's successor.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from signals.classifier import RoutingClassifier
from signals.learning import active_classifier, cache_generation, forget_cached_classifier
from signals.models import Ministry, Regulation, RegulationTerm, RoutingModel
from signals.reference import current_ministry_codes
from signals.text_router import RegulationProfile, TextRouter

#: None: use the threshold tuned with the active classifier (see ``routing evaluate``)
DEFAULT_THRESHOLD: float | None = None
#: a regulation is attached to a signal only when the lexicon found its words at least this surely
REGULATION_EVIDENCE = 0.5
#: a second ministry is co-responsible (samenloop) when its own regulation is named this surely
SAMENLOOP_EVIDENCE = 0.6


@dataclass
class RoutingDecision:
    """The outcome of routing: a lead ministry (or none), co-ministries and why."""

    ministry: str | None
    co_ministries: list[str]
    method: str
    confidence: float | None
    explanation: str
    #: codes of the regulations that decided, lead first
    regulations: list[str] = field(default_factory=list)
    #: the router's ranked suggestions: [{ministry, regulation, confidence, matched}]
    alternatives: list[dict] = field(default_factory=list)
    #: combined probability per ministry, best first (text routing with the classifier)
    ministry_probabilities: dict[str, float] = field(default_factory=dict)

    @property
    def is_routed(self) -> bool:
        return self.ministry is not None

    def as_dict(self) -> dict:
        return {
            "ministry": self.ministry,
            "co_ministries": list(self.co_ministries),
            "method": self.method,
            "confidence": None if self.confidence is None else round(self.confidence, 3),
            "explanation": self.explanation,
        }


def _current_code(session: Session, code: str | None, codes: dict[str, str] | None = None) -> str | None:
    if not code:
        return None
    codes = codes if codes is not None else current_ministry_codes(session)
    return codes.get(code.strip().upper())


def route_by_regulations(session: Session, regulations: list[Regulation]) -> RoutingDecision:
    """Lead ministry of the first regulation; the others' ministries and the lead's co-ministries co-responsible."""
    lead_regulation = regulations[0]
    codes = current_ministry_codes(session)
    lead = _current_code(session, lead_regulation.ministry_code, codes)
    co: list[str] = []
    candidates = list(lead_regulation.co_ministries)
    for regulation in regulations[1:]:
        candidates.append(regulation.ministry_code)
        candidates.extend(regulation.co_ministries)
    for code in candidates:
        current = _current_code(session, code, codes)
        if current and current != lead and current not in co:
            co.append(current)
    names = ", ".join(f"{r.title} ({r.code})" for r in regulations)
    explanation = f"Gerouteerd op de genoemde regeling: {lead_regulation.title} valt onder {lead}."
    if len(regulations) > 1:
        explanation += f" Samenloop met {names.split(', ', 1)[1]}."
    if co:
        explanation += f" Medeverantwoordelijk: {', '.join(co)}."
    return RoutingDecision(
        ministry=lead,
        co_ministries=co,
        method="regulation",
        confidence=1.0,
        explanation=explanation,
        regulations=[r.code for r in regulations],
    )


_router_lock = threading.Lock()
_router_cache: dict = {"generation": None, "key": None, "checked": 0.0, "state": None}
#: how often (seconds) a process checks the database for reference data or a model version changed by another process
RECHECK_SECONDS = 30.0
#: changes to these tables change what routing reads
_WATCHED = (Regulation, RegulationTerm, Ministry, RoutingModel)
_WATCHED_TABLES = frozenset(model.__table__.name for model in _WATCHED)


@dataclass
class _RoutingState:
    """What routing reads that does not change per call: built once per process and reference-data version."""

    router: TextRouter
    classifier: RoutingClassifier | None
    codes: dict[str, str]  # every ministry code -> the code holding its portfolio today
    titles: dict[str, str]  # regulation code -> title


def _reference_fingerprint(session: Session) -> tuple:
    """Key that changes whenever regulations, their terms, ministries' successors or the active model change, in any process."""
    regulations = session.execute(
        select(Regulation.id, Regulation.ministry_code, Regulation.title, Regulation.abbreviation).order_by(
            Regulation.id
        )
    ).all()
    terms = session.execute(select(func.count(RegulationTerm.id), func.max(RegulationTerm.id), func.sum(RegulationTerm.weight))).one()
    successors = session.execute(select(Ministry.code, Ministry.successor_code).order_by(Ministry.code)).all()
    active = session.execute(
        select(RoutingModel.id, RoutingModel.created_at).where(RoutingModel.is_active.is_(True)).order_by(RoutingModel.id.desc()).limit(1)
    ).first()
    return (hash(tuple(regulations)), tuple(terms), hash(tuple(successors)), tuple(active) if active else None)


def _routing_state(session: Session) -> _RoutingState:
    """The cached state; rebuilt when this process changed reference data or the model, or every RECHECK_SECONDS when the database did."""
    generation = cache_generation()
    now = time.monotonic()
    cache = _router_cache
    if cache["state"] is not None and cache["generation"] == generation and now - cache["checked"] < RECHECK_SECONDS:
        return cache["state"]
    with _router_lock:
        key = _reference_fingerprint(session)
        if cache["state"] is None or cache["key"] != key or cache["generation"] != generation:
            profiles = build_profiles(session)
            cache["state"] = _RoutingState(
                router=TextRouter(profiles),
                classifier=active_classifier(session, lambda: profiles),
                codes=current_ministry_codes(session),
                titles={p.code: p.title for p in profiles},
            )
            cache["key"], cache["generation"] = key, generation
        cache["checked"] = now
        return cache["state"]


def _touched(session: Session, objects) -> bool:
    return any(isinstance(obj, _WATCHED) for obj in objects)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:
    """A flushed change to reference data or model versions: forget the caches now, and again when it commits or rolls back."""
    if _touched(session, session.new) or _touched(session, session.dirty) or _touched(session, session.deleted):
        session.info["routing_changed"] = True
        forget_cached_classifier()


@event.listens_for(Session, "do_orm_execute")
def _after_bulk_statement(state) -> None:
    """Bulk UPDATE/DELETE/INSERT statements on the watched tables count as a change too."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    table = getattr(state.statement, "table", None)
    if table is not None and getattr(table, "name", None) in _WATCHED_TABLES:
        state.session.info["routing_changed"] = True
        forget_cached_classifier()


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_soft_rollback")
def _after_transaction(session: Session, *_args) -> None:
    if session.info.pop("routing_changed", False):
        forget_cached_classifier()


def build_profiles(session: Session) -> list[RegulationProfile]:
    """The router's view of every regulation: current ministry, title, abbreviation and terms."""
    regulations = session.scalars(select(Regulation)).all()
    codes = current_ministry_codes(session)
    terms: dict[int, list[tuple[str, str, float]]] = {}
    for term in session.scalars(select(RegulationTerm)):
        terms.setdefault(term.regulation_id, []).append((term.term, term.kind, term.weight))
    return [
        RegulationProfile(
            code=r.code,
            title=r.title,
            abbreviation=r.abbreviation or None,
            ministry=_current_code(session, r.ministry_code, codes) or r.ministry_code,
            terms=tuple(terms.get(r.id, ())),
        )
        for r in regulations
    ]


def get_text_router(session: Session) -> TextRouter:
    """The text router built from the current reference data, cached per process until it changes."""
    return _routing_state(session).router


def get_classifier(session: Session) -> RoutingClassifier | None:
    """The active ministry classifier (a stored model version, else the shipped one), cached per process."""
    return _routing_state(session).classifier


def route_by_text(session: Session, text: str, threshold: float | None = DEFAULT_THRESHOLD) -> RoutingDecision:
    """Decide the lead ministry from free text: the lexicon's evidence and the classifier together.

    Below ``threshold`` (default: the active classifier's tuned threshold) no ministry is
    chosen and the coordinator decides. Regulations are attached only when the text names
    or clearly describes them; the explanation quotes the words that decided.
    """
    state = _routing_state(session)
    suggestions = state.router.suggest(text, limit=20)
    alternatives: list[dict] = []
    codes = state.codes
    for suggestion in suggestions:
        ministry = _current_code(session, suggestion.ministry, codes)
        alternatives.append(
            {
                "ministry": ministry,
                "regulation": suggestion.regulation,
                "confidence": round(suggestion.confidence, 3),
                "matched": list(suggestion.matched),
            }
        )
    lexicon: dict[str, float] = {}
    for alt in alternatives:
        if alt["ministry"] and alt["confidence"] > lexicon.get(alt["ministry"], 0.0):
            lexicon[alt["ministry"]] = alt["confidence"]
    classifier = state.classifier
    if threshold is None:
        threshold = classifier.threshold if classifier is not None else 0.5
    if classifier is not None and text and text.strip():
        prediction = classifier.predict(text, lexicon)
        probabilities = {}
        for code, probability in prediction.probabilities.items():
            current = _current_code(session, code, codes) or code
            probabilities[current] = probabilities.get(current, 0.0) + probability
        ministry, confidence = max(probabilities.items(), key=lambda item: item[1])
        model_words = prediction.words
    elif lexicon:
        probabilities = dict(sorted(lexicon.items(), key=lambda item: -item[1]))
        ministry, confidence = next(iter(probabilities.items()))
        model_words = ()
    else:
        return RoutingDecision(
            ministry=None,
            co_ministries=[],
            method="text",
            confidence=0.0,
            explanation="In de tekst is geen regeling of regeling-specifiek woord herkend.",
        )
    alternatives = alternatives[:8]
    evidence = [a for a in alternatives if a["ministry"] == ministry and a["confidence"] >= REGULATION_EVIDENCE]
    titles = state.titles
    if evidence:
        top = evidence[0]
        words = ", ".join(f"‘{w}’" for w in _distinct_words(top["matched"])) or "—"
        explanation = (
            f"Herkend als {titles.get(top['regulation'], top['regulation'])} ({ministry}) "
            f"door de woorden {words}; zekerheid {confidence:.0%}."
        )
    else:
        words = ", ".join(f"‘{w}’" for w in model_words) or "—"
        explanation = (
            f"Geen regeling genoemd; de beschrijving lijkt het meest op situaties van {ministry} "
            f"(woorden {words}); zekerheid {confidence:.0%}."
        )
    probabilities = dict(sorted(probabilities.items(), key=lambda item: -item[1]))
    if confidence < threshold:
        return RoutingDecision(
            ministry=None,
            co_ministries=[],
            method="text",
            confidence=round(confidence, 4),
            explanation=explanation + f" Dat is onder de drempel van {threshold:.0%}: de coördinator beslist.",
            regulations=[],
            alternatives=alternatives,
            ministry_probabilities=probabilities,
        )
    co: list[str] = []
    regulations = [evidence[0]["regulation"]] if evidence else []
    for alt in alternatives:
        if alt["confidence"] >= max(SAMENLOOP_EVIDENCE, threshold) and alt["ministry"] and alt["ministry"] != ministry:
            if alt["ministry"] not in co:
                co.append(alt["ministry"])
                regulations.append(alt["regulation"])
                explanation += (
                    f" Samenloop met {titles.get(alt['regulation'], alt['regulation'])} ({alt['ministry']}) door "
                    + ", ".join(f"‘{w}’" for w in _distinct_words(alt["matched"]))
                    + "."
                )
    return RoutingDecision(
        ministry=ministry,
        co_ministries=co,
        method="text",
        confidence=round(confidence, 4),
        explanation=explanation,
        regulations=regulations,
        alternatives=alternatives,
        ministry_probabilities=probabilities,
    )


def _distinct_words(matched: list[str]) -> list[str]:
    """Matched words without repeats: "Boodschappen" adds nothing after "boodschappen van"."""
    kept: list[str] = []
    for word in matched:
        lowered = word.lower()
        if not any(lowered in k.lower() or k.lower() in lowered for k in kept):
            kept.append(word)
    return kept


def ministry_alternatives(decision: RoutingDecision, limit: int = 3) -> list[dict]:
    """The best confidence per ministry among the suggestions, best first."""
    if decision.ministry_probabilities:
        ranked = list(decision.ministry_probabilities.items())[:limit]
        return [{"ministry": m, "confidence": round(c, 3)} for m, c in ranked]
    best: dict[str, float] = {}
    for alt in decision.alternatives:
        if alt["ministry"] and alt["ministry"] not in best:
            best[alt["ministry"]] = alt["confidence"]
    return [{"ministry": m, "confidence": c} for m, c in list(best.items())[:limit]]
