"""Similar signals: same regulation or similar words (TF-IDF cosine), to spot duplicates.

The score is scikit-learn's ``TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5),
sublinear_tf=True)`` fitted on the signal and its candidates, then the cosine. Fitting it on
every detail page cut 3,000 texts into n-grams and counted them in Python: about 2 s of CPU per
page at a million signals, the same for every page view. So the n-gram counts of a text are
kept per process (``_Counts``; a text's counts never change, only its IDF within the set does)
and the TF-IDF of the set is computed from them with numpy, by the vectorizer's own formulas
(``_tfidf_cosines``; ``tests/signals/test_similarity.py`` holds it to the vectorizer).

Even from cached counts, weighing the set's three million n-gram occurrences cost about 200 ms a
view. But the candidates (the 3,000 newest signals the user sees) are the same for every older
signal the user opens until a new signal comes in, and the signal compared changes only the IDF
of its own n-grams. So the statistics of a few sets without that signal are kept too
(``_CandidateSet``: each candidate's term frequencies, the document frequencies, each candidate's
squared length), and a view corrects them for the signal's own n-grams only
(``_CandidateSet.cosines``). A new set (a new signal, another user's scope, one of the newest
signals opened, which is not its own candidate) is weighed in full once.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sqlalchemy import select
from sqlalchemy.orm import Session

from signals.access import visible_signals
from signals.models import Signal, SignalRegulation, User
from signals.privacy import text_for_matching

#: how many recent signals are compared; older ones rarely are live duplicates
CANDIDATE_LIMIT = 3000
MIN_SCORE = 0.25
#: added to the score of a candidate about one of the same regulations
REGULATION_BONUS = 0.1
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
        #: changes whenever the ids start over (a candidate set built before is stale)
        self.generation = getattr(self, "generation", 0) + 1

    def __call__(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        return self.with_generation(texts)[1]

    def with_generation(self, texts: list[str]) -> tuple[int, list[tuple[np.ndarray, np.ndarray]]]:
        """The texts' n-grams and the generation of the ids they are given in."""
        with self.lock:
            if len(self.vocabulary) > self.max_vocabulary:
                self.clear()
            return self.generation, [self._one(text) for text in texts]

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


class _CandidateSet:
    """The TF-IDF statistics of a set of candidate texts, without the text they are compared to:
    ``n`` texts, their term frequencies (1 + ln count) as a candidates x n-grams matrix, each
    n-gram's document frequency among them, and each candidate's squared length with the IDF of a
    set of ``n + 1`` texts in which the text compared has none of their n-grams."""

    def __init__(self, generation: int, rows: list[tuple[np.ndarray, np.ndarray]]):
        self.generation, self.n = generation, len(rows)
        lengths = np.fromiter((len(ids) for ids, _counts_ in rows), np.int64, len(rows))
        ids = np.concatenate([ids for ids, _counts_ in rows]) if rows else np.zeros(0, np.int64)
        frequencies = 1.0 + np.log(np.concatenate([counts for _ids, counts in rows]) if rows else np.zeros(0))
        self.size = int(ids.max()) + 1 if len(ids) else 0
        self.document_frequency = np.bincount(ids, minlength=self.size)  # a text lists each of its n-grams once
        row_of = np.repeat(np.arange(self.n), lengths)
        weights = frequencies * self._idf(self.document_frequency)[ids]
        self.squares = np.bincount(row_of, weights=weights**2, minlength=self.n)
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        self.frequencies = sparse.csr_matrix((frequencies, ids, indptr), shape=(self.n, self.size)).tocsc()

    def _idf(self, document_frequency: np.ndarray) -> np.ndarray:
        """The vectorizer's smooth IDF in a set of ``n + 1`` texts: ln((1 + n) / (1 + df)) + 1."""
        return np.log((2.0 + self.n) / (1.0 + document_frequency)) + 1.0

    def cosines(self, ids: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """The cosine of the text with n-grams ``ids`` (``counts`` times each) with each candidate, in
        the TF-IDF space of the set and that text: only the IDF of the text's own n-grams differs
        from the set's statistics (one more document has them), so only the candidates' entries in
        those n-grams' columns are read."""
        known = ids < self.size
        document_frequency = np.zeros(len(ids))
        document_frequency[known] = self.document_frequency[ids[known]]
        idf_without = self._idf(document_frequency)  # as the candidates' squares were summed
        idf = self._idf(document_frequency + 1.0)  # with the text compared
        weights = (1.0 + np.log(counts)) * idf
        norm = np.sqrt(np.sum(weights**2))
        if not self.n or norm == 0:
            return np.zeros(self.n)
        weights /= norm
        shared = self.frequencies[:, ids[known]].tocoo()  # candidates x the text's n-grams they hold
        column = np.flatnonzero(known)[shared.col]
        correction = np.bincount(
            shared.row, weights=shared.data**2 * (idf_without[column] ** 2 - idf[column] ** 2), minlength=self.n
        )
        dots = np.bincount(shared.row, weights=shared.data * idf[column] * weights[column], minlength=self.n)
        norms = np.sqrt(np.maximum(self.squares - correction, 0.0))
        return np.where(norms > 0, dots / np.where(norms > 0, norms, 1.0), 0.0)


class _Sets:
    """Per process: the statistics of the last few candidate sets, by a key their caller gives
    (what the set was read from, so a set seen before needs no text prepared)."""

    def __init__(self, sets: int = 4):
        self.max_sets = sets
        self.lock = threading.Lock()
        self.sets: OrderedDict[Hashable, _CandidateSet] = OrderedDict()

    def clear(self) -> None:
        with self.lock:
            self.sets.clear()

    def cosines(self, text: str, key: Hashable, candidates: Callable[[], list[str]]) -> np.ndarray:
        """``_CandidateSet.cosines`` of ``text`` with the set ``key`` names (``candidates()`` gives its
        texts when it is not kept, or was built on ids the n-gram cache has since started over)."""
        generation, ((ids, counts),) = _counts.with_generation([text])
        with self.lock:
            known = self.sets.get(key)
            if known is not None:
                self.sets.move_to_end(key)
        if known is None or known.generation != generation:
            # the text again with the candidates: both in the ids of one generation
            generation, ((ids, counts), *rows) = _counts.with_generation([text, *candidates()])
            known = _CandidateSet(generation, rows)
            with self.lock:
                self.sets[key] = known
                while len(self.sets) > self.max_sets:
                    self.sets.popitem(last=False)
        return known.cosines(ids, counts)


_sets = _Sets()


def _tfidf_cosines(texts: list[str]) -> np.ndarray:
    """The cosine of ``texts[0]`` with each of ``texts[1:]`` in the TF-IDF space of all of them,
    as ``VECTORIZER`` fitted on ``texts`` gives it: tf = 1 + ln(count), idf = ln((1 + n) / (1 + df)) + 1,
    rows scaled to length 1 (a text without n-grams scores 0)."""
    generation, rows = _counts.with_generation(texts)
    (ids, counts), *candidates = rows
    return _CandidateSet(generation, candidates).cosines(ids, counts)


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

    def texts(rows):
        return [text_for_matching(f"{s.title} {s.description}", already_masked=True) for s in rows]

    # the rows as read name the set (ids and texts: an edited text is another set)
    scores = _sets.cosines(texts([signal])[0], tuple(candidates), lambda: texts(candidates))
    # only a candidate the regulation's bonus can lift over the threshold needs its links read
    within_reach = [c.id for c, score in zip(candidates, scores, strict=True) if score + REGULATION_BONUS >= MIN_SCORE]
    same_regulation: set[int] = set()
    if regulation_ids and within_reach:
        same_regulation = set(
            session.scalars(
                select(SignalRegulation.signal_id).where(
                    SignalRegulation.regulation_id.in_(regulation_ids), SignalRegulation.signal_id.in_(within_reach)
                )
            )
        )
    ranked = []
    for candidate, score in zip(candidates, scores, strict=True):
        bonus = REGULATION_BONUS if candidate.id in same_regulation else 0.0
        if score + bonus >= MIN_SCORE:
            ranked.append((candidate.id, round(float(min(1.0, score + bonus)), 3), candidate.id in same_regulation))
    ranked.sort(key=lambda s: s[1], reverse=True)  # stable: equal scores keep the newest first
    ranked = ranked[:limit]
    shown = {s.id: s for s in session.scalars(select(Signal).where(Signal.id.in_([r[0] for r in ranked])))}
    return [SimilarSignal(shown[signal_id], score, same) for signal_id, score, same in ranked]
