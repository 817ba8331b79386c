"""Similar signals: same regulation or similar words (TF-IDF cosine), to spot duplicates.

The score is scikit-learn's ``TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5),
sublinear_tf=True)`` fitted on the signal and its candidates, then the cosine. Fitting it on
every detail page cut 3,000 texts into n-grams and counted them in Python: about 2 s of CPU per
page at a million signals, the same for every page view. So the n-gram counts of a text are
kept per process (``_Counts``; a text's counts never change, only its IDF within the set does)
and the TF-IDF of the set is computed from them with numpy, by the vectorizer's own formulas
(``_tfidf_cosines``; ``tests/signals/test_similarity.py`` holds it to the vectorizer).
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sqlalchemy import select
from sqlalchemy.orm import Session

from signals.access import visible_signals
from signals.models import Signal, SignalRegulation, User
from signals.privacy import text_for_matching

#: how many recent signals are compared; older ones rarely are live duplicates
CANDIDATE_LIMIT = 3000
MIN_SCORE = 0.25
#: the vectorizer the scores are defined by (only its analyzer is run here)
VECTORIZER = {"analyzer": "char_wb", "ngram_range": (3, 5), "sublinear_tf": True, "min_df": 1}


@dataclass
class SimilarSignal:
    """A signal that looks like the one at hand, and why."""

    signal: Signal
    score: float
    same_regulation: bool


class _Counts:
    """Per process: each text's n-grams as (ids, counts), the most recently used texts first out
    last. Ids index a vocabulary shared by all texts; both are dropped when they grow too big."""

    def __init__(self, texts: int = 20_000, vocabulary: int = 2_000_000):
        self.analyze = TfidfVectorizer(**VECTORIZER).build_analyzer()
        self.max_texts, self.max_vocabulary = texts, vocabulary
        self.lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        self.vocabulary: dict[str, int] = {}
        self.texts: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()

    def __call__(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        with self.lock:
            if len(self.vocabulary) > self.max_vocabulary:
                self.clear()
            return [self._one(text) for text in texts]

    def _one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        known = self.texts.get(text)
        if known is not None:
            self.texts.move_to_end(text)
            return known
        grams = Counter(self.analyze(text))
        ids = np.fromiter((self.vocabulary.setdefault(g, len(self.vocabulary)) for g in grams), np.int64, len(grams))
        counts = np.fromiter(grams.values(), np.float64, len(grams))
        self.texts[text] = (ids, counts)
        if len(self.texts) > self.max_texts:
            self.texts.popitem(last=False)
        return ids, counts


_counts = _Counts()


def _tfidf_cosines(texts: list[str]) -> np.ndarray:
    """The cosine of ``texts[0]`` with each of ``texts[1:]`` in the TF-IDF space of all of them,
    as ``VECTORIZER`` fitted on ``texts`` gives it: tf = 1 + ln(count), idf = ln((1 + n) / (1 + df)) + 1,
    rows scaled to length 1 (a text without n-grams scores 0). Flat arrays, no sorting: the
    document frequencies and the dot products are bincounts over the shared vocabulary's ids."""
    rows = _counts(texts)
    lengths = np.fromiter((len(ids) for ids, _counts_ in rows), np.int64, len(rows))
    if not lengths.sum():
        return np.zeros(len(texts) - 1)
    ids = np.concatenate([ids for ids, _counts_ in rows])
    counts = np.concatenate([counts for _ids, counts in rows])
    row_of = np.repeat(np.arange(len(rows)), lengths)
    size = int(ids.max()) + 1
    document_frequency = np.bincount(ids, minlength=size)  # a text lists each of its n-grams once
    weights = (1.0 + np.log(counts)) * (np.log((1 + len(texts)) / (1 + document_frequency[ids])) + 1.0)
    norms = np.sqrt(np.bincount(row_of, weights=weights**2, minlength=len(rows)))
    weights /= np.where(norms > 0, norms, 1.0)[row_of]
    first = np.zeros(size)
    first[ids[: lengths[0]]] = weights[: lengths[0]]
    return np.bincount(row_of, weights=weights * first[ids], minlength=len(rows))[1:]


def find_similar(session: Session, user: User, signal: Signal, limit: int = 5) -> list[SimilarSignal]:
    """Signals ``user`` may see that resemble ``signal`` (excluding itself and what merged into it).

    The candidates are read as (id, title, description); only the signals shown are loaded whole.
    """
    regulation_ids = [link.regulation_id for link in signal.regulation_links]
    stmt = (
        visible_signals(user)
        .with_only_columns(Signal.id, Signal.title, Signal.description)
        .where(Signal.id != signal.id, Signal.status != "merged")
        .order_by(Signal.created_at.desc())
        .limit(CANDIDATE_LIMIT)
    )
    candidates = session.execute(stmt).all()
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
    scores = _tfidf_cosines(texts)
    ranked = []
    for candidate, score in zip(candidates, scores, strict=True):
        bonus = 0.1 if candidate.id in same_regulation else 0.0
        if score + bonus >= MIN_SCORE:
            ranked.append((candidate.id, round(float(min(1.0, score + bonus)), 3), candidate.id in same_regulation))
    ranked.sort(key=lambda s: s[1], reverse=True)  # stable: equal scores keep the newest first
    ranked = ranked[:limit]
    shown = {s.id: s for s in session.scalars(select(Signal).where(Signal.id.in_([r[0] for r in ranked])))}
    return [SimilarSignal(shown[signal_id], score, same) for signal_id, score, same in ranked]
