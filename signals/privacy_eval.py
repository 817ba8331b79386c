"""Measure a personal-data detector against the annotated corpus (tests/signals/privacy_corpus.jsonl).

Recall per kind counts annotated spans: a span is found when every word
character in it lies under some detection (of any kind: an address masked as a
postcode is still gone). Precision is counted in words: of the words a detector
masked (a word overlapping a detection), the share that lies in an annotated span.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "signals" / "privacy_corpus.jsonl"
CORPUS_KINDS = (
    "bsn", "iban", "email", "phone", "name", "address", "postcode", "plate", "case_number", "birth_date",
)
_WORD = re.compile(r"\w+")

Detector = Callable[[str], Iterable[tuple[int, int]]]


def load_corpus(path: Path = CORPUS, part: str | None = None) -> list[dict]:
    """The corpus notes, optionally only one set ("tune" or "holdout")."""
    notes = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [note for note in notes if part is None or note["set"] == part]


@dataclass
class Score:
    found: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    masked_words: int = 0
    wrong_words: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (id, kind, text)
    false_hits: list[tuple[str, str]] = field(default_factory=list)  # (id, word)

    def recall(self, kind: str) -> float | None:
        return self.found.get(kind, 0) / self.total[kind] if self.total.get(kind) else None

    @property
    def precision(self) -> float:
        return 1.0 if not self.masked_words else 1 - self.wrong_words / self.masked_words

    def lines(self) -> list[str]:
        out = []
        for kind in CORPUS_KINDS:
            if self.total.get(kind):
                out.append(f"recall {kind:<12} {self.recall(kind):.3f}  ({self.found.get(kind, 0)}/{self.total[kind]})")
        out.append(f"precision (words)     {self.precision:.3f}  ({self.masked_words - self.wrong_words}/{self.masked_words})")
        return out


def _covered(covered: list[bool], start: int, end: int, text: str) -> bool:
    return all(covered[i] for i in range(start, end) if text[i].isalnum())


def score(notes: Iterable[dict], detect: Detector) -> Score:
    """Score ``detect`` (text -> spans) on ``notes``."""
    result = Score()
    for note in notes:
        text = note["text"]
        covered = [False] * len(text)
        detections = list(detect(text))
        for start, end in detections:
            for i in range(max(0, start), min(len(text), end)):
                covered[i] = True
        expected = [False] * len(text)
        for span in note["spans"]:
            kind = span["kind"]
            result.total[kind] = result.total.get(kind, 0) + 1
            for i in range(span["start"], span["end"]):
                expected[i] = True
            if _covered(covered, span["start"], span["end"], text):
                result.found[kind] = result.found.get(kind, 0) + 1
            else:
                result.misses.append((note["id"], kind, text[span["start"] : span["end"]]))
        for word in _WORD.finditer(text):
            if any(covered[word.start() : word.end()]):
                result.masked_words += 1
                if not any(expected[word.start() : word.end()]):
                    result.wrong_words += 1
                    result.false_hits.append((note["id"], word.group()))
    return result
