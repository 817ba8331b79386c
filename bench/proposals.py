"""Benchmark of incremental proposals: placing one new signal among 1,000,000 (issue 15).

A worker keeps the window's vectors and groups in a ``GroupIndex``; a new signal is compared
with the proposals and recent signals through an inverted index over its rarer features and
joins a group, forms one, or stays alone - nothing is clustered again. This script builds such
an index cheaply (feature bags of real-looking texts, each row made distinct with extra words
drawn from a Zipf-distributed synthetic vocabulary, as a large corpus has), then times ``add``
for new signals written as paraphrases and noise. Prints figures; asserts nothing.

Run: `python -m bench.proposals` (BENCH_PROPOSAL_SIGNALS sets the size, default 1,000,000).
"""

from __future__ import annotations

import math
import os
import random
import statistics
import time
from collections import Counter

import numpy as np
from scipy import sparse

from signals import proposal_cluster as pc
from signals import proposal_embed
from signals.proposal_features import IDF_POWER, regulation_features, text_features

TARGET_MS = 200.0


def _pool(rng: random.Random) -> list[dict]:
    """Feature bags of the shipped demo signals and generated noise, as templates for rows; and the
    planted groups' signals (bag, text) as the new signals to place."""
    from tests.signals.proposal_corpus import GROUPS, noise_signals

    bags = []
    for title, description, _channel, _org, regs in noise_signals(500, seed=rng.randint(0, 10**6)):
        bag = text_features(title, description)
        bag.update(regulation_features(regs, []))
        bags.append(bag)
    queries = []
    for group in GROUPS:
        for title, description, _channel, _org, regs in group["signals"]:
            bag = text_features(title, description)
            bag.update(regulation_features(regs, []))
            queries.append((bag, proposal_embed.signal_text(title, description)))
    return bags, queries


def build_index(count: int, rng: random.Random, extra_words: int = 12, synthetic: int = 300_000, group_size: int = 5):
    """A GroupIndex over ``count`` rows plus groups over a tenth of them; returns (index, seconds)."""
    started = time.perf_counter()
    pool, queries = _pool(rng)
    vocabulary = pc.Vocabulary()
    for bag in pool:
        for feature in bag:
            vocabulary.index.setdefault(feature, len(vocabulary.index))
    base = len(vocabulary.index)
    for k in range(synthetic):
        vocabulary.index[f"w:syn{k}"] = base + k
    # rows: a template bag plus Zipf-drawn words, built column-wise with numpy
    pool_cols = [np.array([vocabulary.index[f] for f in bag], dtype=np.int32) for bag in pool]
    pool_vals = [np.array([1.0 + math.log(v) if f[0] != "r" else float(v) for f, v in bag.items()], dtype=np.float32) for bag in pool]
    nprng = np.random.default_rng(rng.randint(0, 10**6))
    template = nprng.integers(0, len(pool), size=count)
    lengths = np.array([len(pool_cols[t]) for t in template]) + extra_words
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    indices = np.empty(indptr[-1], dtype=np.int32)
    data = np.empty(indptr[-1], dtype=np.float32)
    zipf = np.minimum(nprng.zipf(1.3, size=count * extra_words), synthetic) - 1 + base
    for t in range(len(pool)):
        rows = np.flatnonzero(template == t)
        width = len(pool_cols[t])
        for j in range(width):
            indices[indptr[rows] + j] = pool_cols[t][j]
            data[indptr[rows] + j] = pool_vals[t][j]
    extra_pos = (indptr[1:] - extra_words)[:, None] + np.arange(extra_words)[None, :]
    indices[extra_pos.ravel()] = zipf
    data[extra_pos.ravel()] = 1.0
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(count, len(vocabulary.index)))
    matrix.sum_duplicates()
    # IDF over the million, weighted like signals.proposal_features.weigh, rows normalised
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    vocabulary.df = Counter({f: int(df[c]) for f, c in vocabulary.index.items() if df[c]})
    vocabulary.documents = count
    idf = (np.log((1 + count) / (1 + df)) + 1.0) ** IDF_POWER
    scale = np.ones(matrix.shape[1], dtype=np.float32)
    for feature, col in vocabulary.index.items():
        scale[col] = pc.BLOCKS.get(feature[0], 0.0) * (1.0 if feature[0] == "r" else idf[col])
    matrix = matrix @ sparse.diags(scale.astype(np.float32))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = sparse.diags((1.0 / np.maximum(norms, 1e-9)).astype(np.float32)) @ matrix
    matrix = matrix.tocsr().astype(np.float32)
    grouped = nprng.permutation(count)[: count // 10]
    groups = {("p", g): grouped[g * group_size : (g + 1) * group_size].tolist() for g in range(len(grouped) // group_size)}
    # embeddings as stored (int8, x127): each row its template's direction plus noise, so rows differ
    dense = None
    if proposal_embed.available():
        directions = proposal_embed.centred(proposal_embed.embed([f"signaal {t}" for t in range(len(pool))]))
        dense = np.empty((count, proposal_embed.DIM), dtype=np.int8)
        for start in range(0, count, 100_000):
            part = directions[template[start : start + 100_000]] + nprng.normal(0, 0.03, (min(100_000, count - start), proposal_embed.DIM))
            part /= np.linalg.norm(part, axis=1, keepdims=True)
            dense[start : start + 100_000] = np.rint(part * 127).astype(np.int8)
    index = pc.GroupIndex(vocabulary, matrix, groups, dense=dense)
    return index, queries, time.perf_counter() - started


def main() -> None:
    count = int(os.environ.get("BENCH_PROPOSAL_SIGNALS", 1_000_000))
    rng = random.Random(15)
    index, queries, seconds = build_index(count, rng)
    print(f"index of {count:,} signals ({index.csr.nnz:,} features) built in {seconds:.1f} s (once per worker)")
    timings, outcomes = [], Counter()
    cpu = []
    for n in range(300):
        bag, text = rng.choice(queries)
        bag = dict(bag)
        started, started_cpu = time.perf_counter(), time.process_time()
        vectors = proposal_embed.embed([f"{text} ({n})"])  # a new text: never cached
        placement = index.add(bag, embedding=None if vectors is None else proposal_embed.centred(vectors[0]))
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        if placement.new_group:
            index.register(("new", n), placement.new_group)
        outcomes["joined" if placement.group is not None else "new group" if placement.new_group else "alone"] += 1
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1] * 1000
    print(
        f"incremental placement of one new signal: p50 {statistics.median(timings) * 1000:.1f} ms, "
        f"p95 {p95:.1f} ms, max {timings[-1] * 1000:.1f} ms over {len(timings)} signals "
        f"(target p95 < {TARGET_MS:.0f} ms: {'met' if p95 < TARGET_MS else 'NOT met'}); {dict(outcomes)}"
    )
    cpu.sort()
    print(
        f"CPU time per signal (embedding included: {'yes' if proposal_embed.available() else 'no model'}): "
        f"p50 {statistics.median(cpu) * 1000:.1f} ms, p95 {cpu[int(len(cpu) * 0.95) - 1] * 1000:.1f} ms; "
        f"load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
