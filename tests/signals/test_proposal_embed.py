"""The sentence embeddings' centring and projection (signals.proposal_embed): what the grouping
compares. No sentence model is needed: the vectors are made here or shipped."""

from __future__ import annotations

import numpy as np

from signals import proposal_embed
from signals.proposal_embed import DIM


def _units(rows: np.ndarray) -> np.ndarray:
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _as_stored(rows: np.ndarray) -> np.ndarray:
    return np.stack([proposal_embed.unpack(proposal_embed.pack(r)) for r in rows])


def test_stored_rows_score_as_their_projected_vectors():
    """The incremental refresh ranks a bucket's stored rows with centred_scores; it must give the
    cosine of the rows as centred() makes them, projection included, and -1 for a row without one."""
    assert proposal_embed.projection() is not None  # the shipped one
    rng = np.random.default_rng(3)
    rows = _units(rng.normal(size=(20, DIM)).astype(np.float32))
    blobs = [proposal_embed.pack(r) for r in rows] + [None]
    queries = proposal_embed.centred(_units(rng.normal(size=(3, DIM)).astype(np.float32)))
    scores = proposal_embed.centred_scores(blobs, queries)
    expected = proposal_embed.centred(_as_stored(rows)) @ queries.T
    assert np.allclose(scores[:20], expected, atol=1e-4)
    assert (scores[20] == -1.0).all()


def test_without_a_projection_centring_alone(monkeypatch):
    monkeypatch.setattr(proposal_embed, "projection", lambda: None)
    rng = np.random.default_rng(4)
    rows = _units(rng.normal(size=(5, DIM)).astype(np.float32))
    shifted = rows - proposal_embed.CENTRE_WEIGHT * proposal_embed.centre()
    assert np.allclose(proposal_embed.centred(rows), _units(shifted), atol=1e-6)
    assert proposal_embed.meaning_map() == (1.0, 0.0)
    blobs = [proposal_embed.pack(r) for r in rows]
    queries = proposal_embed.centred(rows[:2])
    assert np.allclose(proposal_embed.centred_scores(blobs, queries), proposal_embed.centred(_as_stored(rows)) @ queries.T, atol=1e-4)


def _planted(rng, problems: int, per_problem: int, styles: np.ndarray) -> list[np.ndarray]:
    """Groups whose paraphrases share a weak problem direction and differ by a strong style (who
    writes, which channel) that every group shares - as paraphrases in a sentence model do."""
    groups = []
    for _ in range(problems):
        problem = rng.normal(size=DIM)
        rows = [0.6 * problem + 2.0 * styles[rng.integers(len(styles))] + 0.5 * rng.normal(size=DIM) for _ in range(per_problem)]
        groups.append(_units(np.array(rows, dtype=np.float32)))
    return groups


def _separation(groups: list[np.ndarray], matrix: np.ndarray | None) -> float:
    """Mean cosine within groups less the mean cosine between them (centring left out)."""
    rows = np.vstack(groups)
    if matrix is not None:
        rows = rows @ matrix
    rows = _units(rows)
    labels = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
    cosines = rows @ rows.T
    same = labels[:, None] == labels[None, :]
    off = ~np.eye(len(rows), dtype=bool)
    return float(cosines[same & off].mean() - cosines[~same].mean())


def test_a_projection_learned_on_some_groups_separates_new_ones(monkeypatch):
    """Fitted on planted groups, the projection tells paraphrases from other problems better on
    groups it never saw: the directions in which paraphrases vary weigh less."""
    monkeypatch.setattr(proposal_embed, "centre", lambda: None)
    rng = np.random.default_rng(5)
    styles = rng.normal(size=(6, DIM))
    seen, unseen = _planted(rng, 40, 7, styles), _planted(rng, 15, 7, styles)
    matrix = proposal_embed.fit_projection(seen)
    assert matrix.shape == (DIM, DIM) and np.isfinite(matrix).all()
    assert _separation(unseen, matrix) > _separation(unseen, None) + 0.05


def test_the_meaning_map_of_no_change_is_the_identity(monkeypatch):
    monkeypatch.setattr(proposal_embed, "centre", lambda: None)
    rng = np.random.default_rng(6)
    window = _units(rng.normal(size=(30, DIM)).astype(np.float32))
    scale, shift = proposal_embed.fit_meaning_map(np.eye(DIM, dtype=np.float32), [window])
    assert abs(scale - 1.0) < 1e-4 and abs(shift) < 1e-4


def test_the_shipped_projection_is_what_the_script_computes(tmp_path):
    """signals/data/proposal_embedding_projection.npz is `python -m signals.proposal_embed projection`
    over the seen sets (the tuning corpus and held-out 1-6, from their shipped vectors): not fitted on
    held-out 7 or later, which estimate unseen problems."""
    path = tmp_path / "projection.npz"
    proposal_embed.write_projection(path)
    with np.load(path) as fresh, np.load(proposal_embed.PROJECTION_PATH) as shipped:
        assert np.allclose(fresh["matrix"].astype(np.float32), shipped["matrix"].astype(np.float32), atol=2e-3)
        assert abs(float(fresh["scale"]) - float(shipped["scale"])) < 1e-3
        assert abs(float(fresh["shift"]) - float(shipped["shift"])) < 1e-3
    matrix, scale, shift = proposal_embed.projection()
    assert matrix.shape == (DIM, DIM)
    assert 0.9 < scale < 1.1 and -0.1 < shift < 0.1  # the projected cosines stay on the thresholds' scale


def test_many_stored_rows_rank_a_shortlist_exactly():
    """With ``exact`` only each query's shortlist gets its projected cosine; every row of it ranks
    before the others, and a query's nearest rows are the same as with every cosine exact."""
    rng = np.random.default_rng(7)
    rows = _units(rng.normal(size=(400, DIM)).astype(np.float32))
    blobs = [proposal_embed.pack(r) for r in rows]
    queries = proposal_embed.centred(_units(rows[:2] + 0.3 * rng.normal(size=(2, DIM)).astype(np.float32)))
    full = proposal_embed.centred_scores(blobs, queries)
    short = proposal_embed.centred_scores(blobs, queries, exact=50)
    for n in range(2):
        exact = short[:, n] >= -1.0
        assert exact.sum() == 50
        assert np.allclose(short[exact, n], full[exact, n], atol=1e-5)
        assert short[~exact, n].max() < short[exact, n].min()
        assert set(np.argsort(-short[:, n])[:10]) == set(np.argsort(-full[:, n])[:10])
