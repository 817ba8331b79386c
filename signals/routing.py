"""Routing: which ministry leads on a signal, and which are co-responsible (DESIGN §5).

A named regulation decides; without one the text router reads the words. Both
follow a retired ministry's successor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from signals import refcache
from signals.classifier import RoutingClassifier
from signals.learning import active_classifier
from signals.models import Regulation, RegulationTerm
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
    """The text router built from the current reference data, kept with the process's reference snapshot
    (rebuilt when regulations or their terms change, in any process: signals/refcache.py)."""
    return refcache.snapshot(session).get_derived("text_router", lambda: TextRouter(build_profiles(session)))


def get_classifier(session: Session) -> RoutingClassifier | None:
    """The active ministry classifier (a stored model version, else the shipped one), kept with the snapshot."""
    return refcache.snapshot(session).get_derived(
        "classifier", lambda: active_classifier(session, lambda: build_profiles(session))
    )


def route_by_text(session: Session, text: str, threshold: float | None = DEFAULT_THRESHOLD) -> RoutingDecision:
    """Decide the lead ministry from free text: the lexicon's evidence and the classifier together.

    Below ``threshold`` (default: the active classifier's tuned threshold) no ministry is
    chosen and the coordinator decides. Regulations are attached only when the text names
    or clearly describes them; the explanation quotes the words that decided.
    """
    return route_many_by_text(session, [text], threshold)[0]


def route_many_by_text(session: Session, texts: list[str], threshold: float | None = DEFAULT_THRESHOLD) -> list[RoutingDecision]:
    """``route_by_text`` for many texts at once (an import batch): the classifier reads them in one go."""
    return route_texts(text_routing_kit(session), texts, threshold)


def text_routing_kit(session: Session) -> tuple:
    """What text routing reads, from the reference snapshot: (snapshot, router, classifier). Nothing in
    it needs the session afterwards, so the import's worker processes route with it on their own."""
    return refcache.snapshot(session), get_text_router(session), get_classifier(session)


def route_texts(kit: tuple, texts: list[str], threshold: float | None = DEFAULT_THRESHOLD) -> list[RoutingDecision]:
    """``route_many_by_text`` with the reference already in hand (``text_routing_kit``)."""
    reference, router, classifier = kit
    codes = reference.current_codes
    if threshold is None:
        threshold = classifier.threshold if classifier is not None else 0.5
    parts = []
    for text in texts:
        alternatives: list[dict] = []
        for suggestion in router.suggest(text, limit=20):
            alternatives.append(
                {
                    "ministry": _current_code(None, suggestion.ministry, codes),
                    "regulation": suggestion.regulation,
                    "confidence": round(suggestion.confidence, 3),
                    "matched": list(suggestion.matched),
                }
            )
        lexicon: dict[str, float] = {}
        for alt in alternatives:
            if alt["ministry"] and alt["confidence"] > lexicon.get(alt["ministry"], 0.0):
                lexicon[alt["ministry"]] = alt["confidence"]
        parts.append((alternatives, lexicon))
    modelled = [i for i, text in enumerate(texts) if classifier is not None and text and text.strip()]
    predicted: dict[int, tuple] = {}
    if len(modelled) == 1:  # one text: the classifier's own single-text path
        index = modelled[0]
        prediction = classifier.predict(texts[index], parts[index][1], explain=False)
        # its words are quoted only when the lexicon found no evidence, from the features already read
        predicted[index] = (
            prediction.probabilities,
            lambda text=texts[index], p=prediction: classifier.explain(text, p),
        )
    elif modelled:
        rows = classifier.predict_many([texts[i] for i in modelled], [parts[i][1] for i in modelled])
        for i, row in zip(modelled, rows, strict=True):
            top = next(iter(row))
            # the model's words are quoted only when the lexicon found no evidence: asked for then
            predicted[i] = (row, lambda text=texts[i], top=top: classifier.model.explain(text, top))
    return [
        _text_decision(reference, codes, text, alternatives, lexicon, predicted.get(index), threshold)
        for index, (text, (alternatives, lexicon)) in enumerate(zip(texts, parts, strict=True))
    ]


def _text_decision(reference, codes, text, alternatives, lexicon, model, threshold) -> RoutingDecision:
    if model is not None:
        model_probabilities, model_words = model
        probabilities = {}
        for code, probability in model_probabilities.items():
            current = _current_code(None, code, codes) or code
            probabilities[current] = probabilities.get(current, 0.0) + probability
        ministry, confidence = max(probabilities.items(), key=lambda item: item[1])

    elif lexicon:
        probabilities = dict(sorted(lexicon.items(), key=lambda item: -item[1]))
        ministry, confidence = next(iter(probabilities.items()))

        def model_words():
            return ()

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
    titles = {
        a["regulation"]: found.title for a in alternatives if (found := reference.regulations_by_key.get(a["regulation"].upper()))
    }
    if evidence:
        top = evidence[0]
        words = ", ".join(f"‘{w}’" for w in _distinct_words(top["matched"])) or "—"
        explanation = (
            f"Herkend als {titles.get(top['regulation'], top['regulation'])} ({ministry}) "
            f"door de woorden {words}; zekerheid {confidence:.0%}."
        )
    else:
        words = ", ".join(f"‘{w}’" for w in model_words()) or "—"
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
