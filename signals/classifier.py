"""Ministry classifier: learns from labelled situations which ministry owns the rule, and works with the lexicon.

Frontline workers describe situations, not statutes. The lexicon (``text_router``)
recognises named regulations and typical phrasing; this classifier reads the rest:
TF-IDF over words (1-2 grams) and characters (3-5 grams inside words) with a
multinomial logistic regression, trained on the labelled corpus
(``signals/data/routing_corpus.csv``), on the reference data itself (every
regulation's title and terms as a short document for its ministry) and on the
routing decisions people made. A complement naive Bayes model on the same features is its
second opinion: its log-likelihood, weighted by ``NB_WEIGHT``, is added to the logistic
model's log-probabilities (seventh round: by source 85.2% -> 87.3% right, 69.7% -> 74.9%
routed automatically at 95%).

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
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
CORPUS_PATH = DATA_DIR / "routing_corpus.csv"
ARTIFACT_PATH = DATA_DIR / "routing_classifier.joblib"

#: weight of the lexicon's per-ministry confidence against the model's log-probability
LEXICON_WEIGHT = 10.0
#: the model's log-probabilities are multiplied by this before the softmax (calibration, tuned by source)
MODEL_SCALE = 1.0
#: regularisation of the logistic model (SGD alpha; lower = less regularised)
MODEL_ALPHA = 2e-4
#: automatic routing at or above this combined probability; tuned by held-out source (see routing evaluate)
AUTO_THRESHOLD = 0.5
#: reference documents count this much as a corpus example
REFERENCE_WEIGHT = 2.0
#: weight of the naive Bayes second opinion (complement NB on the same features) added to the logistic
#: model's log-probabilities; 0 switches it off. Chosen by source on the corpus (seventh round)
NB_WEIGHT = 0.5
#: additive smoothing of that naive Bayes model (small: a word seen with one ministry speaks for it)
NB_ALPHA = 0.03
#: a corpus row weighs (rows from its source) ** -SOURCE_WEIGHT_POWER, scaled to a mean of 1 over the corpus:
#: a source that gave fifteen situations does not teach its own wording fifteen times as hard as a source
#: that gave one. Routing has to generalise to sources it never saw (tenth round, by source: 78.8% -> 80.2%
#: routed automatically at 95%, the same gain on reshuffled folds and on the ninth round's corpus); 0 switches it off
SOURCE_WEIGHT_POWER = 0.5

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
    """(text, ministry) per regulation (title, abbreviation, names), per situation phrase and per policy area.

    Each situation phrase ("de bus neemt geen contant geld") is a short document of its own,
    so the model learns how people describe a regulation's ground, not only its names.
    """
    documents = [(f"{area} ; {terms}", ministry) for ministry, area, terms in policy_areas()]
    for profile in profiles:
        names = [profile.title, profile.abbreviation or ""]
        for term, kind, _weight in profile.terms:
            if kind == "phrase" or len(term.split()) >= 3:
                documents.append((term, profile.ministry))
            else:
                names.append(term)
        documents.append((" ; ".join(w for w in names if w), profile.ministry))
    return documents


def lexicon_by_ministry(suggestions) -> dict[str, float]:
    """The lexicon's best confidence per ministry from a list of Suggestions."""
    best: dict[str, float] = {}
    for suggestion in suggestions:
        if suggestion.confidence > best.get(suggestion.ministry, 0.0):
            best[suggestion.ministry] = suggestion.confidence
    return best


#: hashed feature space per block (words, characters): no vocabulary to fit or store
WORD_FEATURES = 2**18
CHAR_FEATURES = 2**18
#: passes of SGD over the data: many for the small corpus, few for 100,000 decisions
MAX_EPOCHS = 30
EPOCH_BUDGET = 200_000  # examples x passes; a large retrain converges in fewer passes
MIN_EPOCHS = 3

_TOKEN = re.compile(r"[^\W\d_]{2,}")


def _tokens(text: str) -> list[str]:
    """Lower-case, accent-free words of two or more letters, placeholders dropped."""
    return _TOKEN.findall(_model_text(text))


def tokenised(text: str) -> str:
    """The text as the model reads it: its words joined by single spaces (computed once per text)."""
    return " ".join(_tokens(text))


def word_features(tokens: str) -> list[str]:
    """Words and word pairs of a ``tokenised`` text (analyser of the word block)."""
    words = tokens.split()
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


#: lengths of the character n-grams read inside each word (4 alone does as well as 3-5 by source, at a third of the cost)
CHAR_NGRAMS = (4,)


@lru_cache(maxsize=200_000)
def _word_grams(word: str) -> tuple[str, ...]:
    """Character n-grams of one word with its boundaries (' huurtoeslag ' -> ' hu', 'huu', ...)."""
    padded = f" {word} "
    return tuple(padded[i : i + n] for n in CHAR_NGRAMS for i in range(len(padded) - n + 1))


def char_features(tokens: str) -> list[str]:
    """Character n-grams inside the words of a ``tokenised`` text; cached per word, so 100,000 texts are cheap."""
    grams: list[str] = []
    for word in tokens.split():
        grams.extend(_word_grams(word))
    return grams


class MinistryModel:
    """Hashed words (1-2 grams) and characters (3-5 grams in words), TF-IDF weighted, and a logistic model per ministry,
    with a complement naive Bayes model on the same features as a second opinion.

    Hashing needs no vocabulary: fitting 100,000 texts is one pass, the artifact keeps
    only the IDF and the (sparse) weights, and one text is scored from its non-zero
    features alone, which also gives the explanation without transforming each word again.
    """

    def __init__(self, alpha: float = MODEL_ALPHA, balanced: bool = True, nb_weight: float = NB_WEIGHT, nb_alpha: float = NB_ALPHA):
        self.alpha = alpha
        self.balanced = balanced
        self.nb_weight = nb_weight
        self.nb_alpha = nb_alpha
        self.classes: list[str] = []
        self._idf = self._weights = self._bias = None
        self._nb_rows = self._nb_table = self._nb_default = None

    @staticmethod
    def _hashers():
        from sklearn.feature_extraction.text import HashingVectorizer

        common = {"alternate_sign": False, "norm": None, "lowercase": False}
        return (
            HashingVectorizer(analyzer=word_features, n_features=WORD_FEATURES, **common),
            HashingVectorizer(analyzer=char_features, n_features=CHAR_FEATURES, **common),
        )

    def _counts(self, texts: Sequence[str]):
        """Raw term counts of both blocks side by side (sparse, one row per text)."""
        from scipy.sparse import hstack

        words, chars = self._hashers()
        tokens = [tokenised(text) for text in texts]
        return hstack([words.transform(tokens), chars.transform(tokens)]).tocsr()

    def _weigh(self, counts):
        """Sublinear TF times IDF, each block scaled to unit length (so words and characters count alike)."""
        import numpy as np

        matrix = counts.astype("float32")
        matrix.data = (1.0 + np.log(matrix.data)) * self._idf[matrix.indices]
        for start, stop in ((0, WORD_FEATURES), (WORD_FEATURES, WORD_FEATURES + CHAR_FEATURES)):
            block = matrix[:, start:stop]
            norms = np.sqrt(np.asarray(block.multiply(block).sum(axis=1)).ravel())
            norms[norms == 0] = 1.0
            scale = np.repeat(1.0 / norms, np.diff(matrix.indptr))
            in_block = (matrix.indices >= start) & (matrix.indices < stop)
            matrix.data[in_block] *= scale[in_block]
        return matrix

    def fit(self, texts: Sequence[str], labels: Sequence[str], weights: Sequence[float] | None = None) -> MinistryModel:
        import numpy as np
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import SGDClassifier

        counts = self._counts(texts)
        documents = np.bincount(counts.indices, minlength=counts.shape[1])
        self._idf = (np.log((1 + counts.shape[0]) / (1 + documents)) + 1.0).astype("float32")
        matrix = self._weigh(counts)
        weights = np.ones(len(labels)) if weights is None else np.asarray(weights, dtype=float)
        self._fit_naive_bayes(matrix, labels, weights)
        if self.balanced:  # every ministry weighs the same in total, however many examples it has
            per_class = Counter()
            for label, weight in zip(labels, weights, strict=True):
                per_class[label] += weight
            mean = sum(per_class.values()) / len(per_class)
            weights = weights * np.array([mean / per_class[label] for label in labels])
        epochs = max(MIN_EPOCHS, min(MAX_EPOCHS, math.ceil(EPOCH_BUDGET / max(1, len(labels)))))
        classifier = SGDClassifier(loss="log_loss", alpha=self.alpha, max_iter=epochs, tol=None, random_state=0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            classifier.fit(matrix, list(labels), sample_weight=weights)
        self.classes = [str(c) for c in classifier.classes_]
        coef = classifier.coef_
        if coef.shape[0] == 1:  # two classes: sklearn keeps one row
            coef = np.vstack([-coef[0], coef[0]])
            intercept = np.array([-classifier.intercept_[0], classifier.intercept_[0]])
        else:
            intercept = classifier.intercept_
        coef[np.abs(coef) < 1e-4] = 0.0  # features never seen stay out of the artifact
        self._weights = csr_matrix(coef.T.astype("float32"))  # features x classes
        self._bias = intercept.astype("float32")
        if [str(c) for c in self._nb_classes] != self.classes:  # both sort the labels; never mix up columns
            raise RuntimeError("naive Bayes and logistic model disagree on the ministries")
        del self._nb_classes
        return self

    def _fit_naive_bayes(self, matrix, labels: Sequence[str], weights) -> None:
        """Complement naive Bayes on the same weighted features, kept for the features training saw.

        Its log-likelihood of a text is ``X @ F``; a feature training never saw has the same
        value in every ministry's column up to the ministry's own smoothing total, so one
        default row stands for all of them and the artifact holds only the seen features.
        """
        import numpy as np
        from sklearn.naive_bayes import ComplementNB

        self._nb_classes = sorted(set(labels))
        if not self.nb_weight:
            self._nb_rows = self._nb_table = self._nb_default = None
            return
        nb = ComplementNB(alpha=self.nb_alpha).fit(matrix, list(labels), sample_weight=weights)
        self._nb_classes = list(nb.classes_)
        seen = np.flatnonzero(nb.feature_all_ > 0).astype("int64")
        complement_total = (nb.feature_all_ + self.nb_alpha - nb.feature_count_).sum(axis=1)
        self._nb_rows = seen
        self._nb_table = np.ascontiguousarray(nb.feature_log_prob_[:, seen].T, dtype="float32")  # seen features x classes
        self._nb_default = (np.log(complement_total) - np.log(self.nb_alpha)).astype("float32")

    def _naive_bayes(self, matrix):
        """``X @ F`` of the naive Bayes model for a batch (rows = texts), or None when it is off."""
        import numpy as np

        if getattr(self, "_nb_table", None) is None:
            return None
        seen = matrix[:, self._nb_rows]
        unseen_mass = np.asarray(matrix.sum(axis=1)).ravel() - np.asarray(seen.sum(axis=1)).ravel()
        return np.asarray(seen @ self._nb_table) + unseen_mass[:, None] * self._nb_default

    def _blend(self, log_proba, naive_bayes):
        """The logistic log-probabilities plus the weighted naive Bayes log-likelihood, normalised again."""
        import numpy as np

        if naive_bayes is None:
            return log_proba
        scores = log_proba + self.nb_weight * naive_bayes
        return scores - np.logaddexp.reduce(scores, axis=1, keepdims=True)

    def _matrix(self, texts: Sequence[str]):
        return self._weigh(self._counts(texts))

    def log_proba(self, texts: Sequence[str]):
        """Log-probabilities per class (rows = texts, columns = ``classes``): one-vs-rest normalised over ministries."""
        import numpy as np

        matrix = self._matrix(texts)
        logistic = _normalised_log_sigmoid(np.asarray((matrix @ self._weights).todense()) + self._bias)
        return self._blend(logistic, self._naive_bayes(matrix))

    # -- one text, fast: no sparse matrices, only the text's own features --------------------------

    def _table(self):
        """(feature indices with a weight, sorted; their weights as a dense rows x classes table), built once per process."""
        import numpy as np

        table = self.__dict__.get("_compact")
        if table is None:
            weights = self._weights.tocsr()
            rows = np.flatnonzero(np.diff(weights.indptr)).astype("int64")
            table = (rows, np.asarray(weights[rows].todense(), dtype="float32"))
            self.__dict__["_compact"] = table
        return table

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_compact", None)  # derived from the weights; rebuilt on first use
        return state

    def features_of(self, text: str):
        """(feature indices, weighted values) of one text, exactly as ``_matrix`` computes them for a batch."""
        import numpy as np

        counts: Counter = Counter()
        tokens = tokenised(text)
        for feature in word_features(tokens):
            counts[_feature_index(feature, 0)] += 1
        for gram in char_features(tokens):
            counts[_feature_index(gram, 1)] += 1
        if not counts:
            return np.zeros(0, dtype="int64"), np.zeros(0, dtype="float32")
        indices = np.fromiter(counts.keys(), dtype="int64", count=len(counts))
        values = np.fromiter(counts.values(), dtype="float32", count=len(counts))
        values = (1.0 + np.log(values)) * self._idf[indices]
        words = indices < WORD_FEATURES
        for block in (words, ~words):
            norm = float(np.sqrt((values[block] ** 2).sum()))
            if norm:
                values[block] /= norm
        return indices, values

    def log_proba_one(self, text: str):
        """Log-probabilities per class for one text, and the text's features (for ``explain``)."""
        import numpy as np

        indices, values = self.features_of(text)
        rows, table = self._table()
        position = np.searchsorted(rows, indices)
        known = position < len(rows)
        known[known] = rows[position[known]] == indices[known]
        weights = table[position[known]]
        scores = values[known] @ weights + self._bias
        logistic = _normalised_log_sigmoid(scores.reshape(1, -1))
        naive_bayes = None
        if getattr(self, "_nb_table", None) is not None:
            nb_position = np.searchsorted(self._nb_rows, indices)
            nb_known = nb_position < len(self._nb_rows)
            nb_known[nb_known] = self._nb_rows[nb_position[nb_known]] == indices[nb_known]
            naive_bayes = values[nb_known] @ self._nb_table[nb_position[nb_known]] + values[~nb_known].sum() * self._nb_default
            naive_bayes = naive_bayes.reshape(1, -1)
        return self._blend(logistic, naive_bayes)[0], (indices[known], values[known], weights)

    def explain(self, text: str, ministry: str, limit: int = 3, features=None) -> tuple[str, ...]:
        """The words of ``text`` that push most towards ``ministry``: each word's features times their coefficients.

        Only the non-zero features of the one vector are looked at (``features`` from
        ``log_proba_one`` when already computed).
        """
        if ministry not in self.classes:
            return ()
        if features is None:
            features = self.log_proba_one(text)[1]
        indices, values, weights = features
        column = self.classes.index(ministry)
        # how much more each feature says for this ministry than for the average one
        contribution = dict(zip(indices.tolist(), (values * (weights[:, column] - weights.mean(axis=1))).tolist(), strict=True))
        quotes: dict[str, str] = {}
        for match in re.finditer(r"[^\W\d_]{4,}", clean_text(text)):
            word = _model_text(match.group())
            if word not in _NOT_EXPLAINING:
                quotes.setdefault(word, match.group())
        ranked = []
        for word, quote in quotes.items():
            total = contribution.get(_feature_index(word, 0), 0.0)
            for gram in _word_grams(word):
                total += contribution.get(_feature_index(gram, 1), 0.0)
            ranked.append((total, quote))
        ranked.sort(key=lambda pair: -pair[0])
        return tuple(quote for total, quote in ranked[:limit] if total > 0)


#: everyday words that never explain a routing, however the weights fall
_NOT_EXPLAINING = frozenset(
    """aan alle alleen andere bent bij daar daarom dan dat deze die dit doen door een eens elke en geen
    heeft hebben heel hier hij hoe hun ieder iets jaar jaren kan kunnen krijgt laat maar meer mijn moet moeten
    naar niet niets niemand noch nog omdat ook over steeds terwijl tot uit van veel voor waar want wat weer weet
    welke werd wie wil wordt worden zich zijn zonder zou zouden client clienten cliente mevrouw meneer vrouw
    man mensen iemand vraag vraagt zegt krijgen gaat komt staat""".split()
)


@lru_cache(maxsize=500_000)
def _feature_index(feature: str, block: int) -> int:
    """Column of a word (block 0) or character (block 1) feature, as HashingVectorizer computes it."""
    from sklearn.utils import murmurhash3_32

    if block == 0:
        return abs(murmurhash3_32(feature, positive=False)) % WORD_FEATURES
    return WORD_FEATURES + abs(murmurhash3_32(feature, positive=False)) % CHAR_FEATURES


def _normalised_log_sigmoid(scores):
    import numpy as np

    log_sigmoid = -np.logaddexp(0.0, -scores)
    top = log_sigmoid.max(axis=1, keepdims=True)
    return log_sigmoid - (top + np.log(np.exp(log_sigmoid - top).sum(axis=1, keepdims=True)))


class _Folding(dict):
    """str.translate table that strips accents (ë -> e), filled per character on first sight."""

    def __missing__(self, code: int) -> str:
        import unicodedata

        folded = "".join(c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c))
        self[code] = folded
        return folded


_FOLDING = _Folding()


def _model_text(text: str) -> str:
    """Lower-case and accent-free, privacy placeholders removed (what the model reads)."""
    text = clean_text(text)
    return (text if text.isascii() else text.translate(_FOLDING)).lower()


@dataclass
class Prediction:
    """The combined view on one text: probability per ministry, best first, and the words behind the top one."""

    ministry: str | None
    confidence: float
    probabilities: dict[str, float]
    lexicon: dict[str, float] = field(default_factory=dict)
    words: tuple[str, ...] = ()
    #: the text's features as the model read them (what ``RoutingClassifier.explain`` weighs)
    features: tuple | None = field(default=None, repr=False, compare=False)


class RoutingClassifier:
    """The model plus the combination rule and threshold; pickled as one artifact."""

    def __init__(
        self,
        model: MinistryModel,
        lexicon_weight: float = LEXICON_WEIGHT,
        threshold: float = AUTO_THRESHOLD,
        model_scale: float = MODEL_SCALE,
    ):
        self.model = model
        self.lexicon_weight = lexicon_weight
        self.model_scale = model_scale
        self.threshold = threshold
        self.fingerprint = ""
        self.metrics: dict = {}

    @property
    def classes(self) -> list[str]:
        return self.model.classes

    def combine(self, log_proba_row, lexicon: dict[str, float]) -> dict[str, float]:
        """Softmax over ministries of the scaled model log-probability plus the weighted lexicon confidence."""
        return self.combine_scores(
            {ministry: float(log_proba_row[index]) for index, ministry in enumerate(self.model.classes)}, lexicon
        )

    def combine_scores(self, log_proba: dict[str, float], lexicon: dict[str, float]) -> dict[str, float]:
        """``combine`` for log-probabilities given per ministry; best first."""
        scale = getattr(self, "model_scale", 1.0)
        scores = {m: scale * value + self.lexicon_weight * lexicon.get(m, 0.0) for m, value in log_proba.items()}
        for ministry, value in lexicon.items():  # a ministry the model never saw still counts through the lexicon
            if ministry not in scores:
                scores[ministry] = scale * math.log(1e-4) + self.lexicon_weight * value
        if not scores:
            return {}
        top = max(scores.values())
        exp = {m: math.exp(s - top) for m, s in scores.items()}
        total = sum(exp.values())
        return dict(sorted(((m, v / total) for m, v in exp.items()), key=lambda item: -item[1]))

    def predict(self, text: str, lexicon: dict[str, float], explain: bool = True) -> Prediction:
        """The combined view on one text; ``explain=False`` leaves the words out (``explain`` gives them later)."""
        log_proba, features = self.model.log_proba_one(text)
        probabilities = self.combine(log_proba, lexicon)
        ministry, confidence = next(iter(probabilities.items()))
        prediction = Prediction(ministry, confidence, probabilities, lexicon, features=features)
        if explain:
            prediction.words = self.explain(text, prediction)
        return prediction

    def explain(self, text: str, prediction: Prediction) -> tuple[str, ...]:
        """The words of ``text`` behind ``prediction``'s ministry, from the features it read."""
        return self.model.explain(text, prediction.ministry, features=prediction.features)

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


def source_weights(examples: Sequence[Example], power: float = SOURCE_WEIGHT_POWER) -> list[float]:
    """Per example (rows from its source) ** -power, scaled to a mean of 1 (all 1.0 when power is 0)."""
    if not examples or not power:
        return [1.0] * len(examples)
    per_source = Counter(e.source for e in examples)
    raw = [per_source[e.source] ** -power for e in examples]
    mean = sum(raw) / len(raw)
    return [w / mean for w in raw]


def train_classifier(
    examples: Sequence[Example],
    profiles,
    decisions: Sequence[tuple[str, str]] = (),
    alpha: float = MODEL_ALPHA,
    lexicon_weight: float = LEXICON_WEIGHT,
    threshold: float = AUTO_THRESHOLD,
    model_scale: float = MODEL_SCALE,
    reference_weight: float = REFERENCE_WEIGHT,
    balanced: bool = True,
    source_weight_power: float = SOURCE_WEIGHT_POWER,
) -> RoutingClassifier:
    """Train on corpus examples, the reference data and people's routing decisions (text, ministry).

    Corpus examples are weighted down by how many rows their source gave (``source_weight_power``),
    so the corpus as a whole still weighs as many rows as it has; reference documents and decisions
    keep their own weights.
    """
    texts = [e.text for e in examples]
    labels = [e.ministry for e in examples]
    weights = source_weights(examples, source_weight_power)
    for text, ministry in reference_documents(profiles):
        texts.append(text)
        labels.append(ministry)
        weights.append(reference_weight)
    for text, ministry in decisions:
        texts.append(text)
        labels.append(ministry)
        weights.append(1.0)
    model = MinistryModel(alpha=alpha, balanced=balanced).fit(texts, labels, weights)
    return RoutingClassifier(model, lexicon_weight=lexicon_weight, threshold=threshold, model_scale=model_scale)


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
    """The lowest threshold whose automatic routes reach ``target`` precision (highest coverage).

    The threshold is a confidence that occurs, judged with every prediction that ties with it, and
    it is not rounded: rounding it down let in routes below the tuned cut (94.9% instead of 95%).
    """
    ranked = sorted(
        ((confidence, is_right(e, m)) for e, (m, confidence) in zip(examples, predictions, strict=True) if m),
        key=lambda pair: -pair[0],
    )
    best = 1.0
    right = 0
    for count, (confidence, ok) in enumerate(ranked, start=1):
        right += ok
        if count < len(ranked) and ranked[count][0] == confidence:
            continue  # a tie is routed together or not at all
        if right / count >= target:
            best = confidence
    return min(best, 0.99)


def group_folds(examples: Sequence[Example], folds: int = 5) -> list[tuple[list[int], list[int]]]:
    """GroupKFold over ``source``: every source is tested by a model that never saw it."""
    from sklearn.model_selection import GroupKFold

    groups = [e.source for e in examples]
    n = min(folds, len(set(groups)))
    if n < 2:
        raise ValueError("minstens twee bronnen nodig om per bron te toetsen")
    indices = list(range(len(examples)))
    return [(list(train), list(test)) for train, test in GroupKFold(n_splits=n).split(indices, groups=groups)]
