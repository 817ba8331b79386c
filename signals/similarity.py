"""Similar signals: same regulation or similar words (TF-IDF cosine), to spot duplicates."""

from __future__ import annotations

from dataclasses import dataclass

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity
from sqlalchemy import select
from sqlalchemy.orm import Session

from signals.access import visible_signals
from signals.models import Signal, SignalRegulation, User
from signals.privacy import text_for_matching

#: how many recent signals are compared; older ones rarely are live duplicates
CANDIDATE_LIMIT = 3000
MIN_SCORE = 0.25


@dataclass
class SimilarSignal:
    """A signal that looks like the one at hand, and why."""

    signal: Signal
    score: float
    same_regulation: bool


def find_similar(session: Session, user: User, signal: Signal, limit: int = 5) -> list[SimilarSignal]:
    """Signals ``user`` may see that resemble ``signal`` (excluding itself and what merged into it)."""
    regulation_ids = [link.regulation_id for link in signal.regulation_links]
    stmt = (
        visible_signals(user)
        .where(Signal.id != signal.id, Signal.status != "merged")
        .order_by(Signal.created_at.desc())
        .limit(CANDIDATE_LIMIT)
    )
    candidates = list(session.scalars(stmt))
    if not candidates:
        return []
    same_regulation: set[int] = set()
    if regulation_ids:
        same_regulation = set(
            session.scalars(
                select(SignalRegulation.signal_id).where(
                    SignalRegulation.regulation_id.in_(regulation_ids),
                    SignalRegulation.signal_id.in_([c.id for c in candidates]),
                )
            )
        )
    texts = [text_for_matching(f"{s.title} {s.description}", already_masked=True) for s in [signal, *candidates]]
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=1)
    matrix = vectorizer.fit_transform(texts)
    scores = cosine_similarity(matrix[0], matrix[1:]).ravel()
    ranked = []
    for candidate, score in zip(candidates, scores, strict=True):
        bonus = 0.1 if candidate.id in same_regulation else 0.0
        if score + bonus >= MIN_SCORE:
            ranked.append(SimilarSignal(candidate, round(float(min(1.0, score + bonus)), 3), candidate.id in same_regulation))
    ranked.sort(key=lambda s: s.score, reverse=True)
    return ranked[:limit]
