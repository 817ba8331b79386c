"""Ministry classifier: learns from labelled situations which ministry owns the rule, and works with the lexicon.

Frontline workers describe situations, not statutes. The lexicon (``text_router``)
recognises named regulations and typical phrasing; this classifier reads the rest:
TF-IDF over words (1-2 grams) and characters (3-5 grams inside words) with a
multinomial logistic regression, trained on the labelled corpus
(``signals/data/routing_corpus.csv``), on the reference data itself (every
regulation's title and terms as a short document for its ministry) and on the
routing decisions people made.

The two are combined per ministry: ``score = log p_model + LEXICON_WEIGHT * lexicon``
followed by a softmax, so a named law (lexicon near 1) decides, and a text the
lexicon does not know is decided by the model. The top probability is the
confidence; at or above the tuned threshold the signal is routed automatically,
below it the coordinator decides.

Privacy placeholders such as ``[BSN]`` are never read: tokens in square brackets
are dropped before anything else.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
CORPUS_PATH = DATA_DIR / "routing_corpus.csv"
ARTIFACT_PATH = DATA_DIR / "routing_classifier.joblib"

#: weight of the lexicon's per-ministry confidence against the model's log-probability
LEXICON_WEIGHT = 10.0
#: regularisation of the logistic model (SGD alpha; lower = less regularised)
MODEL_ALPHA = 2e-4
#: automatic routing at or above this combined probability; tuned by held-out source (see routing evaluate)
AUTO_THRESHOLD = 0.5
#: reference documents count this much as a corpus example
REFERENCE_WEIGHT = 0.5

_BRACKETS = re.compile(r"\[[^\]\n]{0,40}\]")
_SPACES = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """The text as the classifier reads it: privacy placeholders like [BSN] removed, whitespace collapsed."""
    return _SPACES.sub(" ", _BRACKETS.sub(" ", text or "")).strip()


@dataclass(frozen=True)
class Example:
    """One labelled situation."""

    text: str
    ministry: str
    co_ministries: tuple[str, ...] = ()
    source: str = ""
    names_rule: bool | None = None


def read_examples(path: str | Path | io.TextIOBase, normalise: Callable[[str], str | None] | None = None) -> list[Example]:
    """Labelled examples from a CSV with columns text, lead_ministry[, co_ministries, source, names_rule].

    ``normalise`` maps a ministry code to today's code (EZ -> EZK); rows whose lead it
    cannot map raise ValueError with the line number.
    """
    handle = open(path, newline="", encoding="utf-8-sig") if isinstance(path, (str, Path)) else path
    try:
        reader = csv.DictReader(handle)
        missing = {"text", "lead_ministry"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"kolommen ontbreken: {', '.join(sorted(missing))}")
        examples = []
        for line, row in enumerate(reader, start=2):
            text = (row.get("text") or "").strip()
            lead = (row.get("lead_ministry") or "").strip()
            if not text:
                continue
            code = normalise(lead) if normalise else lead.upper()
            if not code:
                raise ValueError(f"regel {line}: onbekend ministerie {lead!r}")
            co = []
            for part in re.split(r"[;,\s]+", row.get("co_ministries") or ""):
                if part:
                    mapped = normalise(part) if normalise else part.upper()
                    if mapped and mapped != code:
                        co.append(mapped)
            named = (row.get("names_rule") or "").strip().lower()
            examples.append(
                Example(
                    text=text,
                    ministry=code,
                    co_ministries=tuple(co),
                    source=(row.get("source") or "").strip() or f"row-{line}",
                    names_rule=None if not named else named in ("yes", "ja", "true", "1"),
                )
            )
        return examples
    finally:
        if isinstance(path, (str, Path)):
            handle.close()


POLICY_AREAS_PATH = DATA_DIR / "policy_areas.csv"


def policy_areas() -> list[tuple[str, str, str]]:
    """(ministry, area, terms) from ``policy_areas.csv``: what each ministry is about."""
    if not POLICY_AREAS_PATH.exists():
        return []
    with POLICY_AREAS_PATH.open(newline="", encoding="utf-8") as fh:
        return [(row["ministry"].strip(), row["area"].strip(), row["terms"].strip()) for row in csv.DictReader(fh)]


def reference_documents(profiles) -> list[tuple[str, str]]:
    """(text, ministry) per regulation (title, abbreviation, terms) and per policy area, so unseen topics are not blank."""
    documents = [(f"{area} ; {terms}", ministry) for ministry, area, terms in policy_areas()]
    for profile in profiles:
        words = [profile.title, profile.abbreviation or ""] + [term for term, _kind, _weight in profile.terms]
        documents.append((" ; ".join(w for w in words if w), profile.ministry))
    return documents


def lexicon_by_ministry(suggestions) -> dict[str, float]:
    """The lexicon's best confidence per ministry from a list of Suggestions."""
    best: dict[str, float] = {}
    for suggestion in suggestions:
        if suggestion.confidence > best.get(suggestion.ministry, 0.0):
            best[suggestion.ministry] = suggestion.confidence
    return best


class MinistryModel:
    """TF-IDF (words + characters) and a logistic model per ministry (SGD, fast enough for 100,000 texts)."""

    def __init__(self, alpha: float = MODEL_ALPHA, max_char_features: int = 60000):
        self.alpha = alpha
        self.max_char_features = max_char_features
        self.classes: list[str] = []
        self._word = self._char = self._weights = self._bias = None

    def fit(self, texts: Sequence[str], labels: Sequence[str], weights: Sequence[float] | None = None) -> MinistryModel:
        import numpy as np
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import SGDClassifier

        cleaned = [_model_text(t) for t in texts]
        self._word = TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, min_df=1, max_features=50000, token_pattern=r"(?u)\b\w\w+\b"
        )
        self._char = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2, max_features=self.max_char_features
        )
        matrix = hstack([self._word.fit_transform(cleaned), self._char.fit_transform(cleaned)]).tocsr()
        classifier = SGDClassifier(loss="log_loss", alpha=self.alpha, max_iter=20, tol=None, random_state=0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            classifier.fit(matrix, list(labels), sample_weight=None if weights is None else np.asarray(weights, dtype=float))
        self.classes = [str(c) for c in classifier.classes_]
        coef = classifier.coef_
        if coef.shape[0] == 1:  # two classes: sklearn keeps one row
            coef = np.vstack([-coef[0], coef[0]])
            intercept = np.array([-classifier.intercept_[0], classifier.intercept_[0]])
        else:
            intercept = classifier.intercept_
        self._weights = coef.astype("float32")
        self._bias = intercept.astype("float32")
        return self

    def _matrix(self, texts: Sequence[str]):
        from scipy.sparse import hstack

        cleaned = [_model_text(t) for t in texts]
        return hstack([self._word.transform(cleaned), self._char.transform(cleaned)]).tocsr()

    def log_proba(self, texts: Sequence[str]):
        """Log-probabilities per class (rows = texts, columns = ``classes``)."""
        import numpy as np

        scores = np.asarray(self._matrix(texts) @ self._weights.T) + self._bias
        # one logistic model per ministry, normalised over ministries (as predict_proba does one-vs-rest)
        log_sigmoid = -np.logaddexp(0.0, -scores)
        top = log_sigmoid.max(axis=1, keepdims=True)
        return log_sigmoid - (top + np.log(np.exp(log_sigmoid - top).sum(axis=1, keepdims=True)))

    def explain(self, text: str, ministry: str, limit: int = 3) -> tuple[str, ...]:
        """The words of ``text`` that push most towards ``ministry`` (for the routing explanation)."""
        if ministry not in self.classes:
            return ()
        row = self._weights[self.classes.index(ministry)] - self._weights.mean(axis=0)
        words: dict[str, str] = {}
        for match in re.finditer(r"[^\W\d_]{4,}", clean_text(text)):
            words.setdefault(_model_text(match.group()), match.group())
        if not words:
            return ()
        scores = self._matrix(list(words)) @ row
        ranked = sorted(zip(scores, words.values(), strict=True), key=lambda pair: -pair[0])
        return tuple(word for score, word in ranked[:limit] if score > 0)


def _model_text(text: str) -> str:
    from signals.text_router import fold

    return fold(clean_text(text)).lower()


@dataclass
class Prediction:
    """The combined view on one text: probability per ministry, best first, and the words behind the top one."""

    ministry: str | None
    confidence: float
    probabilities: dict[str, float]
    lexicon: dict[str, float] = field(default_factory=dict)
    words: tuple[str, ...] = ()


class RoutingClassifier:
    """The model plus the combination rule and threshold; pickled as one artifact."""

    def __init__(self, model: MinistryModel, lexicon_weight: float = LEXICON_WEIGHT, threshold: float = AUTO_THRESHOLD):
        self.model = model
        self.lexicon_weight = lexicon_weight
        self.threshold = threshold
        self.fingerprint = ""
        self.metrics: dict = {}

    @property
    def classes(self) -> list[str]:
        return self.model.classes

    def combine(self, log_proba_row, lexicon: dict[str, float]) -> dict[str, float]:
        """Softmax over ministries of model log-probability plus weighted lexicon confidence."""
        scores = {}
        for index, ministry in enumerate(self.model.classes):
            scores[ministry] = float(log_proba_row[index]) + self.lexicon_weight * lexicon.get(ministry, 0.0)
        for ministry, value in lexicon.items():  # a ministry the model never saw still counts through the lexicon
            if ministry not in scores:
                scores[ministry] = math.log(1e-4) + self.lexicon_weight * value
        top = max(scores.values())
        exp = {m: math.exp(s - top) for m, s in scores.items()}
        total = sum(exp.values())
        return dict(sorted(((m, v / total) for m, v in exp.items()), key=lambda item: -item[1]))

    def predict(self, text: str, lexicon: dict[str, float], explain: bool = True) -> Prediction:
        probabilities = self.combine(self.model.log_proba([text])[0], lexicon)
        ministry, confidence = next(iter(probabilities.items()))
        words = self.model.explain(text, ministry) if explain else ()
        return Prediction(ministry, confidence, probabilities, lexicon, words)

    def predict_many(self, texts: Sequence[str], lexicons: Sequence[dict[str, float]]) -> list[dict[str, float]]:
        rows = self.model.log_proba(texts) if texts else []
        return [self.combine(row, lexicon) for row, lexicon in zip(rows, lexicons, strict=True)]

    # -- persistence ----------------------------------------------------------------------------

    def dumps(self) -> bytes:
        import joblib

        buffer = io.BytesIO()
        joblib.dump(self, buffer, compress=3)
        return buffer.getvalue()

    @staticmethod
    def loads(blob: bytes) -> RoutingClassifier:
        import joblib

        return joblib.load(io.BytesIO(blob))


def corpus_fingerprint(path: Path = CORPUS_PATH, extra: Iterable[str] = ()) -> str:
    """Hash of the corpus and reference CSVs: a shipped artifact is only used when it matches."""
    digest = hashlib.sha256()
    for name in (path, DATA_DIR / "regulations.csv", DATA_DIR / "regulation_terms.csv", POLICY_AREAS_PATH):
        if Path(name).exists():
            digest.update(Path(name).read_bytes())
    for item in extra:
        digest.update(item.encode("utf-8"))
    return digest.hexdigest()[:16]


def train_classifier(
    examples: Sequence[Example],
    profiles,
    decisions: Sequence[tuple[str, str]] = (),
    alpha: float = MODEL_ALPHA,
    lexicon_weight: float = LEXICON_WEIGHT,
    threshold: float = AUTO_THRESHOLD,
) -> RoutingClassifier:
    """Train on corpus examples, the reference data and people's routing decisions (text, ministry)."""
    texts = [e.text for e in examples]
    labels = [e.ministry for e in examples]
    weights = [1.0] * len(texts)
    for text, ministry in reference_documents(profiles):
        texts.append(text)
        labels.append(ministry)
        weights.append(REFERENCE_WEIGHT)
    for text, ministry in decisions:
        texts.append(text)
        labels.append(ministry)
        weights.append(1.0)
    model = MinistryModel(alpha=alpha).fit(texts, labels, weights)
    return RoutingClassifier(model, lexicon_weight=lexicon_weight, threshold=threshold)


# -- evaluation -------------------------------------------------------------------------------


@dataclass
class Evaluation:
    """How routing did on labelled examples, against the majority baseline."""

    total: int
    correct: int
    routed: int
    routed_correct: int
    threshold: float
    majority_class: str
    majority_correct: int
    per_ministry: dict[str, dict[str, float]]
    confusion: dict[str, Counter]
    unnamed_total: int = 0
    unnamed_correct: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def coverage(self) -> float:
        return self.routed / self.total if self.total else 0.0

    @property
    def auto_precision(self) -> float:
        return self.routed_correct / self.routed if self.routed else 0.0

    @property
    def baseline_accuracy(self) -> float:
        return self.majority_correct / self.total if self.total else 0.0

    @property
    def unnamed_accuracy(self) -> float:
        return self.unnamed_correct / self.unnamed_total if self.unnamed_total else 0.0

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "accuracy": round(self.accuracy, 4),
            "coverage": round(self.coverage, 4),
            "auto_precision": round(self.auto_precision, 4),
            "threshold": self.threshold,
            "baseline_accuracy": round(self.baseline_accuracy, 4),
            "majority_class": self.majority_class,
            "unnamed_total": self.unnamed_total,
            "unnamed_accuracy": round(self.unnamed_accuracy, 4),
            "per_ministry": self.per_ministry,
        }


def is_right(example: Example, ministry: str | None) -> bool:
    """Right when the lead is predicted, or a co-responsible ministry on samenloop."""
    return ministry is not None and (ministry == example.ministry or ministry in example.co_ministries)


def score(
    examples: Sequence[Example], predictions: Sequence[tuple[str | None, float]], threshold: float, baseline_from: Sequence[Example] | None = None
) -> Evaluation:
    """Figures for (predicted ministry, confidence) per example at ``threshold``."""
    majority = Counter(e.ministry for e in (baseline_from or examples)).most_common(1)
    majority_class = majority[0][0] if majority else ""
    correct = routed = routed_correct = unnamed_total = unnamed_correct = 0
    confusion: dict[str, Counter] = {}
    ministries = sorted({e.ministry for e in examples} | {p for p, _ in predictions if p})
    tp: Counter = Counter()
    predicted: Counter = Counter()
    for example, (ministry, confidence) in zip(examples, predictions, strict=True):
        right = is_right(example, ministry)
        correct += right
        confusion.setdefault(example.ministry, Counter())[ministry or "-"] += 1
        if ministry:
            predicted[ministry] += 1
            tp[ministry] += ministry == example.ministry
        if ministry and confidence >= threshold:
            routed += 1
            routed_correct += right
        if example.names_rule is False:
            unnamed_total += 1
            unnamed_correct += right
    actual = Counter(e.ministry for e in examples)
    per_ministry = {
        m: {
            "support": actual[m],
            "recall": round(tp[m] / actual[m], 4) if actual[m] else 0.0,
            "precision": round(tp[m] / predicted[m], 4) if predicted[m] else 0.0,
        }
        for m in ministries
    }
    return Evaluation(
        total=len(examples),
        correct=correct,
        routed=routed,
        routed_correct=routed_correct,
        threshold=threshold,
        majority_class=majority_class,
        majority_correct=sum(e.ministry == majority_class for e in examples),
        per_ministry=per_ministry,
        confusion=confusion,
        unnamed_total=unnamed_total,
        unnamed_correct=unnamed_correct,
    )


def tune_threshold(examples: Sequence[Example], predictions: Sequence[tuple[str | None, float]], target: float = 0.95) -> float:
    """The lowest threshold whose automatic routes reach ``target`` precision (highest coverage)."""
    ranked = sorted(
        ((confidence, is_right(e, m)) for e, (m, confidence) in zip(examples, predictions, strict=True) if m),
        key=lambda pair: -pair[0],
    )
    best = 1.0
    right = 0
    for count, (confidence, ok) in enumerate(ranked, start=1):
        right += ok
        if right / count >= target:
            best = confidence
    return round(min(best, 0.99), 3)


def group_folds(examples: Sequence[Example], folds: int = 5) -> list[tuple[list[int], list[int]]]:
    """GroupKFold over ``source``: every source is tested by a model that never saw it."""
    from sklearn.model_selection import GroupKFold

    groups = [e.source for e in examples]
    n = min(folds, len(set(groups)))
    if n < 2:
        raise ValueError("minstens twee bronnen nodig om per bron te toetsen")
    indices = list(range(len(examples)))
    return [(list(train), list(test)) for train, test in GroupKFold(n_splits=n).split(indices, groups=groups)]
