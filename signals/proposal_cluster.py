"""Grouping signals by meaning: pairwise similarity over feature vectors and average-linkage clustering.

Pure functions over plain data (no database): the domain module ``signals.proposals`` feeds
them the window of open and recent signals, and the benchmark feeds them a million.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse

from signals import proposal_embed

#: weight of each feature block in a signal's vector: words, concepts, regulations. The routing model's
#: distribution over the ministries as a fourth block (0.3-0.6), or as a gate lowering links whose
#: distributions disagree, ranked a group's paraphrases higher on every seen set but found no more
#: groups without more foreign signals (round 10, second pass; README), so it is not used
BLOCKS = {"w": 1.0, "c": 0.7, "r": 0.45}
#: similarity of two signals = W_FEATURES x cosine of their feature vectors + W_MEANING x the cosine
#: of their CENTRED and projected sentence embeddings (``proposal_embed.centred``; the projected cosine
#: mapped onto the scale these thresholds were set on, ``proposal_embed.meaning_map``) rescaled so MEANING_FLOOR is 0
#: and 1 is 1; when either signal has no embedding, the feature cosine alone. Round 6 tried half and
#: half with MIN_COHESION 0.2 and MERGE_RATIO 0.65: better on each of the three seen sets (29 of their
#: 38 groups found, 11.6% foreign, against 27 and 14.9%), worse on the unseen third held-out set (4 of
#: 12, 23.0%, against 7 of 12, 19.4%) - a narrow optimum of the seen groups; not kept (README)
W_FEATURES = 0.4
W_MEANING = 0.6
MEANING_FLOOR = 0.1
#: pairs below this similarity are not kept at all
EDGE_FLOOR = 0.12
#: two groups merge while the average similarity between their members is at least this
LINK_THRESHOLD = 0.16
#: a proposal needs this many signals
MIN_SIZE = 3
#: and never grows beyond this many in one clustering pass
MAX_SIZE = 60
#: a member whose average similarity to the rest of its group is below this is dropped (purity).
#: 0.24 until round 10; with the projected embeddings (``proposal_embed.projection``) the groups are
#: purer, and 0.2 finds the most seen groups at about the foreign share 0.24 had without it (0.18-0.24
#: tried, cross-validated by set: README)
MIN_COHESION = 0.2
#: ... or below this fraction of the group's mean cohesion
RELATIVE_COHESION = 0.7
#: ... or when fewer than this share of the other members count it among their CORE_NEIGHBOURS
#: nearest signals of the whole window: a near miss (same regulation, another problem) is close to
#: the group, but the group's own paraphrases are closer to each other than to it
CORE_NEIGHBOURS = 5
MIN_INDEGREE = 0.15
#: two groups of several signals merge only if they are this alike compared with the tighter one
#: (0.6 split a group of six paraphrases in a small window once the router read one of them differently)
MERGE_RATIO = 0.55
TYPICAL = "mean"
#: how many neighbours per signal are kept in the similarity graph
NEIGHBOURS = 30
#: hubness: a signal whose HUB_NEIGHBOURS nearest signals are all close (a generic complaint that
#: resembles many problems a little) pulls foreign signals into whichever group it joins. Each link loses
#: HUB_PENALTY x how much closer its two ends' nearest neighbours are on average than those of the
#: clustered signals on average; links are only lowered, never raised (raising the links of signals
#: with far neighbours as well - CSLS - found more groups but let those loners into them). Round 8 (README): on every seen set
#: the same groups found, and on three of them fewer foreign signals (k 8-15 with 0.3-0.5 and k 20-30
#: with 0.3 alike; 0.7, or 0.5 with k 20-30, lost a group). k is
#: larger than a group, so a group's own paraphrases do not make it a hub (k 10 with penalty 0.5 split
#: a group of six among 40 signals)
HUB_NEIGHBOURS = 30
HUB_PENALTY = 0.3


@dataclass
class Vocabulary:
    """Feature -> column, and document frequencies over a window, for IDF."""

    index: dict[str, int] = field(default_factory=dict)
    df: Counter = field(default_factory=Counter)
    documents: int = 0

    def idf(self) -> dict[str, float]:
        n = max(self.documents, 1)
        return {f: math.log((1 + n) / (1 + d)) + 1.0 for f, d in self.df.items()}

    def default_idf(self) -> float:
        return math.log(1 + max(self.documents, 1)) + 1.0


def build_vocabulary(bags: list[dict], background: bool = True) -> Vocabulary:
    """Columns and document frequencies of ``bags``; with ``background`` the frequencies also count a
    fixed set of typical signals, so a small window (a new installation) still knows which words are common."""
    vocabulary = Vocabulary()
    for bag in bags:
        vocabulary.df.update(bag.keys())
    vocabulary.documents = len(bags)
    if background:
        df, documents = background_frequencies()
        vocabulary.df.update(df)
        vocabulary.documents += documents
    for feature in vocabulary.df:
        vocabulary.index[feature] = len(vocabulary.index)
    return vocabulary


@lru_cache(maxsize=1)
def background_frequencies() -> tuple[Counter, int]:
    """Document frequencies of the words and concepts of the shipped example signals (signals/data)."""
    import json
    from pathlib import Path

    from signals.proposal_features import text_features

    path = Path(__file__).parent / "data" / "demo_signals.json"
    if not path.exists():
        return Counter(), 0
    items = json.loads(path.read_text(encoding="utf-8"))
    df: Counter = Counter()
    for item in items:
        df.update(text_features(item.get("title", ""), item.get("description", ""), item.get("impact", "")).keys())
    return df, len(items)


def to_matrix(vectors: list[dict[str, float]], vocabulary: Vocabulary) -> sparse.csr_matrix:
    rows, cols, values = [], [], []
    for i, vector in enumerate(vectors):
        for feature, value in vector.items():
            col = vocabulary.index.get(feature)
            if col is not None:
                rows.append(i)
                cols.append(col)
                values.append(value)
    return sparse.csr_matrix(
        (np.asarray(values, dtype=np.float32), (rows, cols)), shape=(len(vectors), max(len(vocabulary.index), 1))
    )


def combine(features, meaning, both):
    """The similarity of pairs from their feature cosine, their embedding cosine and whether both
    have an embedding (scalars or numpy arrays)."""
    scale, shift = proposal_embed.meaning_map()
    rescaled = np.clip((scale * np.asarray(meaning) + shift - MEANING_FLOOR) / (1.0 - MEANING_FLOOR), 0.0, 1.0)
    return np.where(both, W_FEATURES * np.asarray(features) + W_MEANING * rescaled, features)


def _dense_rows(matrix: sparse.csr_matrix, dense: np.ndarray, has: np.ndarray, start: int, stop: int) -> np.ndarray:
    """Combined similarities of rows start..stop with every row."""
    features = (matrix[start:stop] @ matrix.T).toarray()
    meaning = dense[start:stop] @ dense.T
    return combine(features, meaning, has[start:stop, None] & has[None, :])


def similarity_graph(
    matrix: sparse.csr_matrix, floor: float | None = None, neighbours: int | None = None, dense: np.ndarray | None = None
) -> dict[int, dict[int, float]]:
    """Similarities >= ``floor``, at most ``neighbours`` per row (made symmetric); with ``dense``
    (one embedding per row, zeros where missing) the combined similarity."""
    floor = EDGE_FLOOR if floor is None else floor
    neighbours = NEIGHBOURS if neighbours is None else neighbours
    graph: dict[int, dict[int, float]] = {i: {} for i in range(matrix.shape[0])}
    has = None if dense is None else np.linalg.norm(dense, axis=1) > 0
    step = 2000 if dense is None else 500
    for start in range(0, matrix.shape[0], step):
        if dense is None:
            block = (matrix[start : start + step] @ matrix.T).tocsr()
        else:
            block = _dense_rows(matrix, dense, has, start, min(start + step, matrix.shape[0]))
        for offset in range(block.shape[0]):
            i = start + offset
            if dense is None:
                row = block.getrow(offset)
                cols, vals = row.indices, row.data
            else:
                vals = block[offset]
                cols = np.flatnonzero(vals >= floor)
                vals = vals[cols]
            keep = vals >= floor
            cols, vals = cols[keep], vals[keep]
            if len(cols) > neighbours + 1:
                top = np.argpartition(-vals, neighbours + 1)[: neighbours + 1]
                cols, vals = cols[top], vals[top]
            for j, v in zip(cols.tolist(), vals.tolist(), strict=True):
                if j != i:
                    graph[i][j] = max(graph[i].get(j, 0.0), v)
                    graph[j][i] = max(graph[j].get(i, 0.0), v)
    return graph


def average_linkage(graph: dict[int, dict[int, float]], threshold: float | None = None, max_size: int | None = None) -> list[list[int]]:
    """Agglomerative clustering with average linkage on a sparse graph (missing pairs count as 0)."""
    threshold = LINK_THRESHOLD if threshold is None else threshold
    max_size = MAX_SIZE if max_size is None else max_size
    members: dict[int, list[int]] = {i: [i] for i in graph}
    links: dict[int, dict[int, float]] = {i: dict(neighbours) for i, neighbours in graph.items()}
    #: sum of the similarities inside each cluster, to compare a merge with how tight both parts are
    inside: dict[int, float] = {i: 0.0 for i in graph}
    heap = []
    for a, neighbours in links.items():
        for b, s in neighbours.items():
            if a < b and s >= threshold:
                heap.append((-s, a, b, 1, 1))
    heapq.heapify(heap)
    while heap:
        negative, a, b, size_a, size_b = heapq.heappop(heap)
        if a not in members or b not in members or len(members[a]) != size_a or len(members[b]) != size_b:
            continue  # stale entry: one of the two has merged since
        if size_a + size_b > max_size:
            continue
        if size_a > 1 and size_b > 1 and -negative < MERGE_RATIO * max(_mean_inside(inside[a], size_a), _mean_inside(inside[b], size_b)):
            continue  # two tight groups only loosely alike: two problems, not one
        # merge b into a
        inside[a] += inside.pop(b) + links[a].get(b, 0.0)
        members[a].extend(members.pop(b))
        link_b = links.pop(b)
        link_a = links[a]
        link_a.pop(b, None)
        for c, total in link_b.items():
            if c == a:
                continue
            link_a[c] = link_a.get(c, 0.0) + total
            links[c][a] = link_a[c]
            links[c].pop(b, None)
        size = len(members[a])
        for c, total in link_a.items():
            average = total / (size * len(members[c]))
            if average >= threshold:
                x, y = (a, c) if a < c else (c, a)
                heapq.heappush(heap, (-average, x, y, len(members[x]), len(members[y])))
    return [sorted(m) for m in members.values()]


def _typical(values: list[float]) -> float:
    """How close a member is to the others: the mean, or with TYPICAL="median" the median, which one
    very similar neighbour cannot pull up."""
    if TYPICAL == "median":
        ordered = sorted(values)
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return sum(values) / len(values)


def _mean_inside(total: float, size: int) -> float:
    return total / (size * (size - 1) / 2) if size > 1 else 0.0


def prune(cluster: list[int], graph: dict[int, dict[int, float]], min_cohesion: float | None = None) -> list[int]:
    """Drop members whose average similarity to the others is too low (absolutely, or compared
    with how close the group is on average), weakest first; then those few others have among
    their nearest neighbours."""
    min_cohesion = MIN_COHESION if min_cohesion is None else min_cohesion
    kept = list(cluster)
    while len(kept) > 2:
        scores = [(_typical([graph[i].get(j, 0.0) for j in kept if j != i]), i) for i in kept]
        mean = sum(score for score, _ in scores) / len(scores)
        worst, who = min(scores)
        if worst >= max(min_cohesion, RELATIVE_COHESION * mean):
            break
        kept.remove(who)
    nearest = {i: set(sorted(graph[i], key=lambda j: -graph[i][j])[:CORE_NEIGHBOURS]) for i in kept}
    while len(kept) > 2:
        chosen = [(sum(1 for o in kept if o != i and i in nearest[o]) / (len(kept) - 1), i) for i in kept]
        worst, who = min(chosen)
        if worst >= MIN_INDEGREE:
            break
        kept.remove(who)
    return kept


def reduce_hubs(graph: dict[int, dict[int, float]]) -> dict[int, dict[int, float]]:
    """The graph with each link lowered by how much of a hub its two ends are (HUB_PENALTY); links
    that fall below EDGE_FLOOR are dropped."""
    if not graph or HUB_PENALTY <= 0:
        return graph
    reach = {i: sum(heapq.nlargest(HUB_NEIGHBOURS, neighbours.values())) / HUB_NEIGHBOURS for i, neighbours in graph.items()}
    typical = sum(reach.values()) / len(reach)
    reduced: dict[int, dict[int, float]] = {i: {} for i in graph}
    for i, neighbours in graph.items():
        for j, s in neighbours.items():
            value = s - HUB_PENALTY * max(0.0, (reach[i] + reach[j]) / 2 - typical)
            if value >= EDGE_FLOOR:
                reduced[i][j] = value
    return reduced


def cluster(matrix: sparse.csr_matrix, dense: np.ndarray | None = None) -> tuple[list[list[int]], dict[int, dict[int, float]]]:
    """Groups of row numbers that describe the same problem, biggest first, and the graph used."""
    graph = reduce_hubs(similarity_graph(matrix, dense=dense))
    groups = []
    for group in average_linkage(graph):
        if len(group) >= MIN_SIZE:
            group = prune(group, graph)
            if len(group) >= MIN_SIZE:
                groups.append(group)
    groups.sort(key=len, reverse=True)
    return groups, graph


#: features in more than this share of the window are not used to find candidates (they are
#: still counted when the candidates are scored); keeps a search at a million signals fast
RETRIEVAL_MAX_SHARE = 0.02
#: how many candidates are scored exactly per new signal
CANDIDATES = 300
#: up to this many signals a new one is also compared with every embedding (one matrix-vector
#: product); beyond, candidates come from the inverted index and the groups' members only
DENSE_SEARCH_MAX = 200_000


@dataclass
class Placement:
    """Where a new signal went: an existing group, a new group with earlier signals, or nowhere."""

    row: int
    group: object | None = None
    new_group: list[int] | None = None
    similarity: float = 0.0


class GroupIndex:
    """The vectors of a window of signals and the groups they form, to place a new signal
    without clustering again: candidates come from an inverted index over the rarer features,
    are scored exactly, and the signal joins the group it is on average closest to."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        matrix: sparse.csr_matrix,
        groups: dict[object, list[int]] | None = None,
        dense: np.ndarray | None = None,
    ):
        self.vocabulary = vocabulary
        self.idf = vocabulary.idf()
        self.default_idf = vocabulary.default_idf()
        self.csr = matrix.tocsr()
        self.csc = self.csr.tocsc()
        self.base_rows, self.base_cols = self.csr.shape
        self.col_df = np.diff(self.csc.indptr)
        self.cap = max(25, int(RETRIEVAL_MAX_SHARE * self.base_rows))
        self.extra: list[dict[int, float]] = []
        #: embeddings of the base rows (zeros where missing) and of the added ones
        self.dense = dense
        self.has = None if dense is None else np.any(dense != 0, axis=1)
        #: a million embeddings are kept int8 (x127, as stored): 384 MB instead of 1.5 GB
        self.dense_scale = 1.0 / 127.0 if dense is not None and dense.dtype == np.int8 else 1.0
        self.extra_dense: list[np.ndarray | None] = []
        self.groups: dict[object, list[int]] = {g: list(rows) for g, rows in (groups or {}).items()}
        self.group_of: dict[int, object] = {r: g for g, rows in self.groups.items() for r in rows}
        #: mean similarity between the members of a group (see ``_join_floor``), computed when needed
        self._inner: dict[object, float] = {}

    # -- vectors ---------------------------------------------------------------------------

    def vector(self, bag: dict) -> dict[int, float]:
        from signals.proposal_features import weigh

        weighted = weigh(bag, self.idf, self.default_idf, BLOCKS)
        vector = {}
        for feature, value in weighted.items():
            col = self.vocabulary.index.get(feature)
            if col is None:
                col = self.vocabulary.index[feature] = len(self.vocabulary.index)
            vector[col] = value
        return vector

    def _row(self, row: int) -> dict[int, float]:
        if row >= self.base_rows:
            return self.extra[row - self.base_rows]
        start, end = self.csr.indptr[row], self.csr.indptr[row + 1]
        return dict(zip(self.csr.indices[start:end].tolist(), self.csr.data[start:end].tolist(), strict=True))

    def _embedding(self, row: int) -> np.ndarray | None:
        if row >= self.base_rows:
            return self.extra_dense[row - self.base_rows]
        if self.dense is None or not self.has[row]:
            return None
        return self.dense[row].astype(np.float32) * self.dense_scale

    def _dot_rows(self, vector: dict[int, float], rows: list[int], embedding: np.ndarray | None = None) -> dict[int, float]:
        """Exact similarity of a signal (``vector``, ``embedding``) to each of ``rows``."""
        features = self._feature_dot(vector, rows)
        if embedding is None:
            return features
        result = {}
        base = [r for r in rows if r < self.base_rows]
        if base and self.dense is not None:
            index = np.asarray(base, dtype=np.int64)
            meaning = (self.dense[index] @ embedding) * self.dense_scale
            values = combine(np.array([features[r] for r in base]), meaning, self.has[index])
            result.update(zip(base, values.tolist(), strict=True))
        else:
            result.update((r, features[r]) for r in base)
        for r in rows:
            if r >= self.base_rows:
                other = self.extra_dense[r - self.base_rows]
                result[r] = float(combine(features[r], float(other @ embedding), True)) if other is not None else features[r]
        return result

    def _feature_dot(self, vector: dict[int, float], rows: list[int]) -> dict[int, float]:
        result: dict[int, float] = {}
        base = [r for r in rows if r < self.base_rows]
        if base:
            cols = np.fromiter((c for c in vector if c < self.base_cols), dtype=np.int64)
            if len(cols):
                vals = np.fromiter((vector[c] for c in cols.tolist()), dtype=np.float32)
                scores = self.csr[base][:, cols] @ vals
                result.update(zip(base, np.asarray(scores).ravel().tolist(), strict=True))
            else:
                result.update((r, 0.0) for r in base)
        for r in rows:
            if r >= self.base_rows:
                other = self.extra[r - self.base_rows]
                result[r] = sum(v * other.get(c, 0.0) for c, v in vector.items())
        return result

    def neighbours(self, vector: dict[int, float], limit: int = CANDIDATES, embedding: np.ndarray | None = None) -> dict[int, float]:
        """Rows most similar to a signal, scored exactly, above the edge floor."""
        rare = [(c, v) for c, v in vector.items() if c < self.base_cols and self.col_df[c] <= self.cap]
        candidates: list[int] = []
        if rare and self.base_rows:
            cols = np.array([c for c, _ in rare], dtype=np.int64)
            vals = np.array([v for _, v in rare], dtype=np.float32)
            partial = np.asarray(self.csc[:, cols] @ vals).ravel()
            hits = np.flatnonzero(partial)
            if len(hits) > limit:
                hits = hits[np.argpartition(-partial[hits], limit)[:limit]]
            candidates = hits.tolist()
        if embedding is not None and self.dense is not None and 0 < self.base_rows <= DENSE_SEARCH_MAX:
            meaning = (self.dense @ embedding) * self.dense_scale
            top = np.argpartition(-meaning, min(limit, self.base_rows - 1))[:limit]
            candidates = sorted(set(candidates) | set(top.tolist()))
        candidates.extend(range(self.base_rows, self.base_rows + len(self.extra)))
        scores = self._dot_rows(vector, candidates, embedding)
        return {r: s for r, s in scores.items() if s >= EDGE_FLOOR}

    # -- placing ---------------------------------------------------------------------------

    def add(self, bag: dict, joinable=None, embedding: np.ndarray | None = None) -> Placement:
        """Add a signal's features (and embedding); join a group (``joinable(group)`` says which may
        grow), form a new one with unassigned neighbours, or stay alone."""
        vector = self.vector(bag)
        row = self.base_rows + len(self.extra)
        self.extra.append(vector)
        self.extra_dense.append(embedding)
        near = self.neighbours(vector, embedding=embedding)
        near.pop(row, None)
        best = 0.0
        touched = [
            g
            for g in {self.group_of[r] for r in near if r in self.group_of}
            if (joinable is None or joinable(g)) and len(self.groups[g]) < MAX_SIZE
        ]
        sims = self._dot_rows(vector, sorted({r for g in touched for r in self.groups[g]}), embedding)  # one product for all
        averages = sorted(((sum(sims[r] for r in self.groups[g]) / len(self.groups[g]), str(g), g) for g in touched), key=lambda t: (-t[0], t[1]))
        if averages:
            best = averages[0][0]
        for average, _key, group in averages:
            # it joins only as close to the group as the full clustering keeps a member (see ``prune``):
            # a signal merely on the group's subject is not enough
            if average >= max(LINK_THRESHOLD, self._join_floor(group)):
                self.attach(group, row)
                return Placement(row, group=group, similarity=average)
        loose = sorted((r for r, s in near.items() if r not in self.group_of and s >= LINK_THRESHOLD), key=lambda r: -near[r])[:NEIGHBOURS]
        if len(loose) + 1 >= MIN_SIZE:
            rows = [row, *loose]
            pairs = self._pairwise(rows)
            graph: dict[int, dict[int, float]] = {
                r: {o: float(pairs[a, b]) for b, o in enumerate(rows) if b != a and pairs[a, b] >= EDGE_FLOOR} for a, r in enumerate(rows)
            }
            for group in average_linkage(graph):
                if row in group and len(group) >= MIN_SIZE:
                    group = prune(group, graph)
                    if row in group and len(group) >= MIN_SIZE:
                        return Placement(row, new_group=group, similarity=best)
        return Placement(row, similarity=best)

    def _join_floor(self, group: object) -> float:
        """How close a new signal must be to ``group`` on average to join it: MIN_COHESION, or
        RELATIVE_COHESION of how close the members are to each other, as ``prune`` keeps members."""
        if group not in self._inner:
            rows = self.groups[group]
            if len(rows) < 2:
                self._inner[group] = 0.0
            else:
                pairs = self._pairwise(rows)
                self._inner[group] = float((pairs.sum() - np.trace(pairs)) / (len(rows) * (len(rows) - 1)))
        return max(MIN_COHESION, RELATIVE_COHESION * self._inner[group])

    def _pairwise(self, rows: list[int]) -> np.ndarray:
        """The similarity of every pair of ``rows`` (len x len), in two matrix products."""
        width = max(len(self.vocabulary.index), self.base_cols)
        data, cols, indptr = [], [], [0]
        for r in rows:
            vector = self._row(r)
            cols.extend(vector.keys())
            data.extend(vector.values())
            indptr.append(len(cols))
        matrix = sparse.csr_matrix((np.asarray(data, dtype=np.float32), np.asarray(cols, dtype=np.int64), indptr), shape=(len(rows), width))
        features = (matrix @ matrix.T).toarray()
        embeddings = [self._embedding(r) for r in rows]
        has = np.array([e is not None for e in embeddings])
        if not has.any():
            return features
        zeros = np.zeros_like(next(e for e in embeddings if e is not None), dtype=np.float32)
        dense = np.stack([e if e is not None else zeros for e in embeddings]).astype(np.float32)
        return combine(features, dense @ dense.T, has[:, None] & has[None, :])

    def attach(self, group: object, row: int) -> None:
        """Put ``row`` in ``group`` (a new one when unknown)."""
        self.groups.setdefault(group, []).append(row)
        self.group_of[row] = group
        self._inner.pop(group, None)

    def register(self, group: object, rows: list[int]) -> None:
        """Record a group formed from ``rows`` (after ``add`` proposed it)."""
        self._inner.pop(group, None)
        self.groups[group] = list(rows)
        for r in rows:
            self.group_of[r] = group


# -- buckets: an inverted file over the embeddings ------------------------------------------------

#: about this many signals per bucket (at most MAX_BUCKETS buckets)
BUCKET_SIZE = 100
MAX_BUCKETS = 1024
#: at most this many buckets are searched per new signal
PROBES = 4
#: k-means learns from at most this many signals
KMEANS_SAMPLE = 50_000


def bucket_count(signals: int) -> int:
    return max(1, min(MAX_BUCKETS, signals // BUCKET_SIZE))


def probes(buckets: int) -> int:
    """How many of the nearest buckets a new signal looks in: a third of them in a small window,
    PROBES of a thousand in a large one."""
    return max(1, min(PROBES, math.ceil(buckets / 3)))


def kmeans(rows: np.ndarray, k: int, iterations: int = 8, seed: int = 15) -> np.ndarray:
    """Spherical k-means: ``k`` unit centroids of unit ``rows`` (float32), from a sample."""
    rng = np.random.default_rng(seed)
    if len(rows) > KMEANS_SAMPLE:
        rows = rows[rng.choice(len(rows), KMEANS_SAMPLE, replace=False)]
    k = max(1, min(k, len(rows)))
    centroids = rows[rng.choice(len(rows), k, replace=False)].astype(np.float32)
    for _ in range(iterations):
        nearest = np.argmax(rows @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, nearest, rows)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centroids = np.where(norms > 0, sums / np.maximum(norms, 1e-9), centroids).astype(np.float32)
    return centroids


def nearest_buckets(centroids: np.ndarray, vectors: np.ndarray, count: int) -> np.ndarray:
    """For each row of ``vectors`` the ``count`` nearest centroids (rows x count)."""
    scores = np.atleast_2d(vectors) @ centroids.T
    count = min(count, centroids.shape[0])
    return np.argsort(-scores, axis=1)[:, :count]
