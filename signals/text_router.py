"""Text router: recognise from a Dutch free-text signal which regulation, and so which ministry, it is about.

The router is a weighted lexicon. Every regulation has terms (its title and
abbreviation automatically, plus aliases and typical phrasing from
``regulation_terms.csv`` or the database) with a weight saying how strongly the
term alone points at it. Text and terms are normalised the same way (case,
accents, punctuation) and matched on word boundaries, tolerant of Dutch
plurals, diminutives and compounds ("bijstandsuitkering" hits "bijstand").
Short abbreviations match case-sensitively so "ww" in a sentence is not the WW.

Evidence per regulation is summed with diminishing returns. Where the same words
also point at a regulation of another ministry, only the margin over that
runner-up counts, so an ambiguous word cannot route on its own while two
different schemes named in one text (samenloop) both score high. The sum is
turned into a confidence in 0..1 for which ``ROUTING_THRESHOLD`` is the cut.

Optionally a character n-gram TF-IDF model trained on labelled examples (manual
re-routes) adds evidence; the explanation always quotes words from the text.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
import warnings
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import NamedTuple

ROUTING_THRESHOLD = 0.5

#: weight of the automatic title and abbreviation terms
AUTO_TERM_WEIGHT = 1.0
#: each further distinct term of a regulation counts this much less than the previous one
DECAY = 0.6
#: a repeated occurrence of the same term adds this fraction of its weight (at most twice)
REPEAT_BONUS = 0.1
#: how much of a competing ministry's weight on the same words is subtracted
COMPETITION = 0.75
#: an ambiguous word keeps at least this fraction of its weight
MIN_SHARE = 0.15
#: steepness of the evidence-to-confidence curve: one term of weight ~0.46 reaches 0.5
CURVE = 1.5
#: weight of the example-trained model in the blend (noisy-or on top of the lexicon)
MODEL_WEIGHT = 0.7
#: below this probability the model's guess is noise and is ignored
MODEL_MIN_PROBABILITY = 0.3
#: cosine similarity to the nearest example below which the model is ignored, and above floor+span fully trusted
SIMILARITY_FLOOR = 0.25
SIMILARITY_SPAN = 0.3

_MIN_PREFIX_LEN = 5  # a term must be this long to be the first part of a compound
_MIN_SUFFIX_LEN = 5  # ... or the last part of one
_MIN_REST = 3  # the other part of a compound must be at least this long
_MAX_COMPOUND_LEN = 60  # longer 'words' are noise, not compounds
_WORD_CACHE_SIZE = 200_000  # distinct words remembered per router (a few tens of MB at most)
_COMMON_SHORT_WORDS = frozenset({"wet", "van", "op", "de", "het", "en", "in", "tot", "met", "een"})
_VOWELS = frozenset("aeiou")
_WORD_RE = re.compile(r"[^\W_]+")
_YEAR_RE = re.compile(r"^\d{4}$")
_PLACEHOLDER_RE = re.compile(r"\[[^\]\n]{0,40}\]")


@dataclass(frozen=True)
class RegulationProfile:
    """What the router knows about one regulation."""

    code: str
    title: str
    abbreviation: str | None
    ministry: str  # current responsible ministry code
    terms: tuple[tuple[str, str, float], ...] = ()  # (term, kind, weight)


@dataclass(frozen=True)
class Suggestion:
    """One ranked guess: regulation, its ministry, a confidence and the words that decided it."""

    regulation: str
    ministry: str
    confidence: float
    matched: tuple[str, ...]


@dataclass(frozen=True)
class _Term:
    """A compiled term: normalised tokens, which of them are case-sensitive, and its weight."""

    index: int  # position in TextRouter._terms
    profile: int  # position in TextRouter._profiles
    text: str
    weight: float
    tokens: tuple[str, ...]
    case_sensitive: tuple[bool, ...]


class _Match(NamedTuple):
    """A term found in the text: the span it covers, and the span to quote (a tuple: made by the thousand)."""

    term: _Term
    start: int
    end: int
    quote_start: int
    quote_end: int


def fold(text: str) -> str:
    """Strip accents (cliënt -> client) and compatibility forms; keep case."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Words (letters and digits) with their offsets; punctuation and hyphens separate words."""
    return [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]


def _is_case_sensitive(token: str) -> bool:
    """Short abbreviations (WW, Pw, AOW) only match in their own case."""
    return len(token) <= 3 and token != token.lower() and token.lower() not in _COMMON_SHORT_WORDS


@lru_cache(maxsize=8192)
def _inflections(word: str) -> frozenset[str]:
    """Surface forms of a lower-case Dutch word: plurals, diminutives, -e forms."""
    forms = {word}
    if len(word) < 4 or not word.isalpha():
        return frozenset(forms)
    forms |= {word + "s", word + "en", word + "e", word + "je", word + "tje", word + "jes", word + "tjes"}
    last, prev, before = word[-1], word[-2], word[-3]
    if word.endswith("e"):
        forms |= {word + "n", word + "s"}
    if last not in _VOWELS:
        if prev in _VOWELS and before not in _VOWELS:  # gift-en, boodschap-pen
            forms |= {word + last + "en", word + last + "e"}
        if prev == before and prev in _VOWELS:  # loon -> lonen
            forms |= {word[:-2] + last + "en", word[:-2] + last + "e"}
    if last == "f":
        forms |= {word[:-1] + "ven", word[:-1] + "ve"}
    if last == "s":
        forms |= {word[:-1] + "zen", word[:-1] + "ze"}
    if word.endswith("heid"):
        forms.add(word[:-4] + "heden")
    return frozenset(forms)


@lru_cache(maxsize=8192)
def _compound_heads(word: str) -> tuple[str, ...]:
    """Ways a word can start a compound: as is or with a linking -s-, -e- or -en-."""
    heads = {word, word + "s", word + "en", word + "e"}
    if word.endswith("e"):
        heads.add(word + "n")
    return tuple(sorted(heads))


def _strip_years(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop trailing years: 'Vreemdelingenwet 2000' is also called 'Vreemdelingenwet'."""
    while len(tokens) > 1 and _YEAR_RE.match(tokens[-1][2]):
        tokens = tokens[:-1]
    return tokens


class _ExampleModel:
    """Character n-gram TF-IDF + logistic regression trained on (text, regulation code) examples."""

    def __init__(self, examples: list[tuple[str, str]]):
        import numpy as np  # heavy: import only when used
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        texts = [_normalise_for_model(text) for text, _ in examples]
        labels = [code for _, code in examples]
        self.vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=1)
        matrix = self.vectorizer.fit_transform(texts)
        self.matrix, self.labels = matrix, labels
        # one-vs-rest liblinear trains in milliseconds on a few hundred short texts
        self.classifier = OneVsRestClassifier(LogisticRegression(C=10.0, solver="liblinear"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # few examples per class is the normal case here
            self.classifier.fit(matrix, labels)
        self.classes: list[str] = list(self.classifier.classes_)
        # the per-class models stacked, so predicting is one sparse-dense product instead of a loop
        self.weights = np.vstack([e.coef_[0] for e in self.classifier.estimators_])
        self.intercepts = np.array([e.intercept_[0] for e in self.classifier.estimators_])

    def predict(self, text: str) -> dict[str, float]:
        """Probability per known regulation code, damped unless the text resembles an example of it."""
        row = self.vectorizer.transform([_normalise_for_model(text)])
        similarity: dict[str, float] = {}
        for label, value in zip(self.labels, (self.matrix @ row.T).toarray().ravel(), strict=True):
            similarity[label] = max(similarity.get(label, 0.0), float(value))
        # with few examples the classifier is sure of something for any text; closeness to a real
        # example is what makes its guess worth anything
        probabilities = self._probabilities(row)
        return {
            code: float(probability) * min(1.0, max(0.0, (similarity[code] - SIMILARITY_FLOOR) / SIMILARITY_SPAN))
            for code, probability in zip(self.classes, probabilities, strict=True)
        }

    def _probabilities(self, row) -> list[float]:
        """One-vs-rest probabilities per class, normalised like OneVsRestClassifier.predict_proba."""
        import numpy as np

        odds = 1.0 / (1.0 + np.exp(-(row @ self.weights.T).ravel() - self.intercepts))
        if len(self.classes) == 2:  # one model, for the second class
            return [1.0 - float(odds[0]), float(odds[0])]
        return [float(p) for p in odds / odds.sum()]

    def explain(self, text: str, code: str, limit: int = 3) -> tuple[str, ...]:
        """The words of ``text`` whose n-grams push most towards ``code``."""
        words = {}
        for start, end, word in tokenize(text):
            if len(word) >= 5:
                words.setdefault(_normalise_for_model(word), text[start:end])
        if not words or code not in self.classes:
            return ()
        if len(self.classes) == 2:  # one model for the second class, its mirror for the first
            row = self.weights[0] * (1 if self.classes[1] == code else -1)
        else:
            row = self.weights[self.classes.index(code)]
        scores = self.vectorizer.transform(list(words)) @ row
        ranked = sorted(zip(scores, words.values(), strict=True), key=lambda pair: -pair[0])
        return tuple(quote for score, quote in ranked[:limit] if score > 0)


def _normalise_for_model(text: str) -> str:
    """Lower-case, accent-free, punctuation as spaces."""
    return " ".join(word for _, _, word in tokenize(fold(text).lower()))


class TextRouter:
    """Suggests regulations and ministries for a Dutch text; build once, call ``suggest`` often."""

    def __init__(self, profiles: Iterable[RegulationProfile], examples: Iterable[tuple[str, str]] = ()):
        self._profiles: list[RegulationProfile] = list(profiles)
        self._terms: list[_Term] = []
        # single-word terms: surface form -> terms
        self._exact: dict[str, list[_Term]] = defaultdict(list)
        self._exact_cs: dict[str, list[_Term]] = defaultdict(list)
        # multi-word terms by the surface forms of their first word
        self._multi: dict[str, list[_Term]] = defaultdict(list)
        self._multi_cs: dict[str, list[_Term]] = defaultdict(list)
        # compound parts: head (first part) and tail (last part) forms -> terms
        self._heads: dict[str, list[_Term]] = defaultdict(list)
        self._tails: dict[str, list[_Term]] = defaultdict(list)
        # per multi-word term: accepted forms of each following word, and compound heads of the last
        self._follow: dict[int, tuple[frozenset[str], ...]] = {}
        self._last_heads: dict[int, tuple[str, ...]] = {}
        # per distinct word of the texts read so far: what it gives on its own (see _word)
        self._words: dict[str, tuple] = {}

        abbreviation_tokens = self._abbreviation_tokens()
        for position, profile in enumerate(self._profiles):
            seen: dict[tuple[tuple[str, ...], tuple[bool, ...]], float] = {}
            for text, weight, force_lower in self._raw_terms(profile):
                for tokens, flags in self._compile(text, force_lower, abbreviation_tokens):
                    if seen.get((tokens, flags), -1.0) < weight:
                        seen[(tokens, flags)] = weight
                        self._add_term(position, text, weight, tokens, flags)
        self._model = None
        examples = [(text, code) for text, code in examples if text and code]
        if len({code for _, code in examples}) >= 2:
            self._model = _ExampleModel(examples)

    # -- building -------------------------------------------------------------------------------

    def _abbreviation_tokens(self) -> set[str]:
        """All case-sensitive tokens in use, so an upper-case variant never steals another's name."""
        tokens = set()
        for profile in self._profiles:
            texts = [t for t, _, _ in profile.terms] + (profile.abbreviation or "").split("/")
            for text in texts:
                tokens |= {w for _, _, w in tokenize(fold(text)) if _is_case_sensitive(w)}
        return tokens

    @staticmethod
    def _raw_terms(profile: RegulationProfile) -> list[tuple[str, float, bool]]:
        """Title, abbreviation(s) and listed terms as (text, weight, always case-insensitive)."""
        raw = [(profile.title, AUTO_TERM_WEIGHT, True)]
        for part in (profile.abbreviation or "").split("/"):
            if part.strip():
                raw.append((part.strip(), AUTO_TERM_WEIGHT, False))
        for term, _kind, weight in profile.terms:
            if term and term.strip():
                raw.append((term.strip(), max(0.0, min(1.0, float(weight))), False))
        return raw

    @staticmethod
    def _compile(text: str, force_lower: bool, abbreviation_tokens: set[str]):
        """Token variants of one term: as written, without a trailing year, upper-cased abbreviation."""
        tokens = tokenize(fold(text))
        if not tokens:
            return []
        variants = [tokens]
        stripped = _strip_years(tokens)
        if stripped is not tokens:
            variants.append(stripped)
        result = []
        for variant in variants:
            words = [w for _, _, w in variant]
            flags = tuple(False if force_lower else _is_case_sensitive(w) for w in words)
            normal = tuple(w if cs else w.lower() for w, cs in zip(words, flags, strict=True))
            result.append((normal, flags))
            # 'Wmo' is also written 'WMO'; 2-letter ones ('Pw' vs 'PW') are too easily confused
            if any(cs and len(w) == 3 and w != w.upper() for w, cs in zip(normal, flags, strict=True)):
                upper = tuple(w.upper() if cs else w for w, cs in zip(normal, flags, strict=True))
                if not any(
                    cs and w != n and w in abbreviation_tokens for w, n, cs in zip(upper, normal, flags, strict=True)
                ):
                    result.append((upper, flags))
        return result

    def _add_term(self, profile: int, text: str, weight: float, tokens: tuple[str, ...], flags: tuple[bool, ...]):
        """Index one compiled term for exact, multi-word and compound lookups."""
        term = _Term(len(self._terms), profile, text, weight, tokens, flags)
        self._terms.append(term)
        first_forms = (tokens[0],) if flags[0] else _inflections(tokens[0])
        if len(tokens) == 1:
            index = self._exact_cs if flags[0] else self._exact
            for form in first_forms:
                index[form].append(term)
            word = tokens[0]
            if not flags[0] and word.isalpha():
                if len(word) >= _MIN_PREFIX_LEN:
                    for head in _compound_heads(word):
                        self._heads[head].append(term)
                if len(word) >= _MIN_SUFFIX_LEN:
                    for form in _inflections(word):
                        self._tails[form].append(term)
            return
        index = self._multi_cs if flags[0] else self._multi
        for form in first_forms:
            index[form].append(term)
        self._follow[term.index] = tuple(
            frozenset({w}) if cs else _inflections(w) for w, cs in zip(tokens[1:], flags[1:], strict=True)
        )
        last, last_cs = tokens[-1], flags[-1]
        heads = () if last_cs or len(last) < _MIN_PREFIX_LEN or not last.isalpha() else _compound_heads(last)
        self._last_heads[term.index] = heads

    # -- matching -------------------------------------------------------------------------------

    def _find(self, text: str) -> list[_Match]:
        """All term occurrences in ``text``, nested ones removed (the longest match wins)."""
        words = tokenize(text)
        analysed = [self._word(w) for _, _, w in words]
        folded = [a[0] for a in analysed]
        lowered = [a[1] for a in analysed]
        found: list[_Match] = []
        last_word = len(words) - 1
        for i, (start, _end, _) in enumerate(words):
            _folded, _lowered, own, multi, by_second, loose = analysed[i]
            for term, rel_start, rel_end, quote_start, quote_end in own:
                found.append(_Match(term, start + rel_start, start + rel_end, start + quote_start, start + quote_end))
            if not multi or i == last_word:
                continue
            # only the multi-word terms whose second word is the next word (or may head a compound) are tried
            following = lowered[i + 1]
            candidates = (
                *by_second.get((True, folded[i + 1]), ()),
                *by_second.get((False, following), ()),
                *loose.get(following[:_MIN_PREFIX_LEN], ()),
            )
            for position in sorted(set(candidates)) if len(candidates) > 1 else candidates:
                term = multi[position]
                last = self._match_rest(term, folded, lowered, i)
                if last is not None:
                    found.append(_Match(term, start, words[last][1], start, words[last][1]))
        return self._drop_nested(found)

    def _word(self, word: str) -> tuple[str, str, tuple, tuple, dict, dict]:
        """What one word gives on its own, cached per router (texts repeat their words): its folded and
        lower-case forms, the single-word and compound matches (offsets relative to the word) in the
        order ``_find`` reads them, the multi-word terms that may start with it, those terms (by their
        place) under the forms of their second word, and those whose second (and last) word may also
        start a compound, under the first letters every such compound starts with."""
        cached = self._words.get(word)
        if cached is not None:
            return cached
        exact = fold(word)
        low = exact.lower()
        length = len(word)
        own = [(term, 0, length, 0, length) for term in self._exact.get(low, ())]
        own += [(term, 0, length, 0, length) for term in self._exact_cs.get(exact, ())]
        if _MIN_PREFIX_LEN + _MIN_REST <= len(low) <= _MAX_COMPOUND_LEN and low.isalpha():
            own += [(m.term, m.start, m.end, m.quote_start, m.quote_end) for m in self._compounds(low, 0, length)]
        multi = (*self._multi.get(low, ()), *self._multi_cs.get(exact, ()))
        by_second: dict[tuple[bool, str], list[int]] = defaultdict(list)
        loose: dict[str, list[int]] = defaultdict(list)
        for position, term in enumerate(multi):
            case_sensitive = term.case_sensitive[1]
            for form in self._follow[term.index][0]:
                by_second[(case_sensitive, form)].append(position)
            if len(term.tokens) == 2 and self._last_heads[term.index]:
                # every head starts with the last word itself (_compound_heads), which is this long at least
                loose[term.tokens[1][:_MIN_PREFIX_LEN]].append(position)
        cached = (exact, low, tuple(own), multi, dict(by_second), dict(loose))
        if len(self._words) >= _WORD_CACHE_SIZE:
            self._words.clear()
        self._words[word] = cached
        return cached

    def _match_rest(self, term: _Term, folded: list[str], lowered: list[str], i: int) -> int | None:
        """Index of the last text word if the words after ``i`` continue ``term``, else None."""
        follow = self._follow[term.index]
        if i + len(follow) >= len(folded):
            return None
        for offset, forms in enumerate(follow, start=1):
            j = i + offset
            cs = term.case_sensitive[offset]
            word = folded[j] if cs else lowered[j]
            if word in forms:
                continue
            heads = self._last_heads[term.index] if offset == len(follow) else ()
            if not any(word.startswith(h) and len(word) - len(h) >= _MIN_REST for h in heads):
                return None
        return i + len(follow)

    def _compounds(self, word: str, start: int, end: int) -> list[_Match]:
        """Terms that form the first or last part of a compound word (huurtoeslag|schuld, verkeers|boete)."""
        found = []
        same_length = end - start == len(word)  # offsets inside the word are only safe if folding kept length
        seen: set[int] = set()
        for cut in range(len(word) - _MIN_REST, _MIN_PREFIX_LEN - 1, -1):
            for term in self._heads.get(word[:cut], ()):
                if term.index not in seen:
                    seen.add(term.index)
                    found.append(_Match(term, start, start + cut if same_length else end, start, end))
        # the first part of a Dutch compound says which scheme it is (huurtoeslag|schuld), so a last
        # part that overlaps a first part (huur|toeslagschuld) is not read
        head_end = max((m.end for m in found), default=start) if same_length else start
        for cut in range(max(_MIN_REST, head_end - start), len(word) - _MIN_SUFFIX_LEN + 1):
            for term in self._tails.get(word[cut:], ()):
                if term.index not in seen:
                    seen.add(term.index)
                    found.append(_Match(term, start + cut if same_length else start, end, start, end))
        return found

    @staticmethod
    def _drop_nested(found: list[_Match]) -> list[_Match]:
        """Keep a match only if no longer match covers it ('huurtoeslag' hides 'toeslag')."""
        found.sort(key=lambda m: (m.start, -m.end))
        kept: list[_Match] = []
        reach = -1
        for (_start, end), group in groupby(found, key=lambda m: (m.start, m.end)):
            if end <= reach:
                continue
            kept.extend(group)
            reach = max(reach, end)
        return kept

    # -- scoring --------------------------------------------------------------------------------

    def _lexicon_scores(self, text: str) -> dict[int, tuple[float, list[tuple[float, int, str]]]]:
        """Per profile: confidence and the quoted words (weight, position, quote)."""
        # the best weight per (span, profile)
        by_span: dict[tuple[int, int], dict[int, _Match]] = defaultdict(dict)
        for match in self._find(text):
            slot = by_span[(match.start, match.end)]
            best = slot.get(match.term.profile)
            if best is None or best.term.weight < match.term.weight:
                slot[match.term.profile] = match
        evidence: dict[int, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
        quotes: dict[int, dict[str, tuple[float, int]]] = defaultdict(dict)
        for slot in by_span.values():
            for profile, match in slot.items():
                ministry = self._profiles[profile].ministry
                rival = max(
                    (m.term.weight for p, m in slot.items() if self._profiles[p].ministry != ministry), default=0.0
                )
                weight = match.term.weight
                share = max(weight - COMPETITION * rival, MIN_SHARE * weight)
                evidence[profile][match.term.index].append(share)
                quote = text[match.quote_start : match.quote_end]
                known = quotes[profile].get(quote)
                if known is None or known[0] < weight:
                    quotes[profile][quote] = (weight, match.quote_start)
        scores = {}
        for profile, per_term in evidence.items():
            firsts = sorted((max(shares) for shares in per_term.values()), reverse=True)
            total = sum(w * DECAY**rank for rank, w in enumerate(firsts))
            total += sum(REPEAT_BONUS * max(s) * min(len(s) - 1, 2) for s in per_term.values())
            confidence = 1.0 - math.exp(-CURVE * total)
            ranked = sorted(((w, pos, q) for q, (w, pos) in quotes[profile].items()), key=lambda x: (-x[0], x[1]))
            scores[profile] = (confidence, ranked)
        return scores

    def suggest(self, text: str, limit: int = 5) -> list[Suggestion]:
        """Best-first regulation suggestions for ``text``; [] when nothing in it points anywhere."""
        if not text or not text.strip() or limit <= 0:
            return []
        # privacy placeholders ([BSN], [NAAM]) are never read; blanking keeps the quote offsets right
        text = _PLACEHOLDER_RE.sub(lambda match: " " * len(match.group()), text)
        scores = self._lexicon_scores(text)
        confidence = {p: c for p, (c, _) in scores.items()}
        quotes = {p: tuple(q for _, _, q in ranked) for p, (_, ranked) in scores.items()}
        if self._model is not None:
            position = {p.code: i for i, p in enumerate(self._profiles)}
            for code, probability in self._model.predict(text).items():
                p = position.get(code)
                if p is None or probability < MODEL_MIN_PROBABILITY:
                    continue
                blended = 1.0 - (1.0 - confidence.get(p, 0.0)) * (1.0 - MODEL_WEIGHT * probability)
                if blended > confidence.get(p, 0.0) + 0.01:
                    confidence[p] = blended
                    if not quotes.get(p):
                        quotes[p] = self._model.explain(text, code)
        ranked = sorted(confidence.items(), key=lambda item: (-item[1], self._profiles[item[0]].code))
        return [
            Suggestion(
                regulation=self._profiles[p].code,
                ministry=self._profiles[p].ministry,
                confidence=round(float(min(c, 0.999)), 4),
                matched=quotes.get(p, ()),
            )
            for p, c in ranked[:limit]
            if c > 0.0
        ]


def load_terms_csv(path: str | Path) -> dict[str, list[tuple[str, str, float]]]:
    """Read ``regulation_terms.csv`` (code,term,kind,weight) into code -> [(term, kind, weight)]."""
    terms: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    with Path(path).open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code, term = (row.get("code") or "").strip(), (row.get("term") or "").strip()
            if not code or not term:
                continue
            weight = float((row.get("weight") or "1").strip() or 1)
            terms[code].append((term, (row.get("kind") or "alias").strip() or "alias", weight))
    return dict(terms)
