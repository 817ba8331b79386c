"""Proposed knelpunten: open and recent signals that describe the same problem, found before anyone notices.

Signals of the window (open ones, and all of the last ``WINDOW_DAYS``) are turned into
feature bags once (``signal_features``: stemmed words, a concept map of consequences and
situations, regulations with the router's evidence; see ``signals.proposal_features``).
``refresh_proposals`` then either clusters the whole window (average linkage, see
``signals.proposal_cluster``) or - for a handful of new signals - places each new one
against the existing proposals and recent signals only (``GroupIndex``).

A proposal whose signals resemble those already linked to a knelpunt is an offer to add them
to that knelpunt. A dismissed proposal keeps collecting signals silently and comes back only
once it has grown by half. Creating, adopting, dismissing and reopening write audit events
(entity_type ``proposal``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from signals import permissions, proposal_cluster, proposal_embed
from signals.audit import record_event
from signals.errors import N_, FieldErrors, Message, NotFound, PermissionDenied, TransitionNotAllowed
from signals.models import Knelpunt, Proposal, ProposalIndex, Regulation, Signal, SignalFeatures, User, utcnow
from signals.proposal_cluster import (
    BLOCKS,
    MIN_SIZE,
    GroupIndex,
    Vocabulary,
    build_vocabulary,
    cluster,
    combine,
    to_matrix,
)
from signals.proposal_features import regulation_features, text_features, weigh

#: signals older than this are only considered while still open
WINDOW_DAYS = 180
#: "recent" for growth: the last four weeks
RECENT_DAYS = 28
#: router suggestions below this confidence are not regulation evidence
SUGGESTION_MIN = 0.3
#: with more new signals than this share of the window (or this many), cluster everything again
FULL_SHARE = 0.2
FULL_MIN = 50
#: a window of at most this many signals is clustered whole whenever something is new (unless an
#: incremental refresh is asked for explicitly): a couple of seconds, and exactly what the nightly run
#: would find - placing signals as they come drifts from it (issue 15's planted corpus, the groups
#: arriving ten at a time after the noise: 15 of 19 found and 26% foreign, against 17 of 19 and 18%
#: clustered whole; the held-out groups 4 of 8 and 23% against 6 of 8 and 4%)
FULL_WINDOW = 2000
#: an incremental refresh compares each new signal exactly with this many signals of its nearest
#: buckets (closest by meaning first), and with every member of the proposals those belong to
NEAREST = 40
#: of a new signal's nearest buckets, this many candidates get their exact projected cosine before
#: the NEAREST are picked (``proposal_embed.centred_scores``); the rest are ranked by a cheaper bound
EXACT = 500
#: see ``_unconsidered``
LOOKBACK_IDS = 500
#: a dismissed proposal returns once it has this many times the signals it had when dismissed
REGROW_FACTOR = 1.5
#: a regulation is named for the proposal when this share of its signals is about it
REGULATION_SHARE = 0.3

PROPOSAL_STATUSES = {
    "open": N_("Voorgesteld"),
    "dismissed": N_("Afgewezen"),
    "adopted": N_("Overgenomen"),
    "gone": N_("Vervallen"),
}



@dataclass
class RefreshResult:
    """What one refresh did."""

    mode: str
    considered: int = 0
    #: signals whose stored features (vectors) were read: the window when full, a neighbourhood when incremental
    loaded: int = 0
    created: list[int] = field(default_factory=list)
    grown: list[int] = field(default_factory=list)
    reopened: list[int] = field(default_factory=list)
    gone: list[int] = field(default_factory=list)


# -- features ------------------------------------------------------------------------------------


def signal_bag(signal: Signal) -> dict:
    """The feature bag of one signal: its words and concepts, and its regulations with the router's evidence."""
    from signals.privacy import text_for_matching

    bag = text_features(
        text_for_matching(signal.title, already_masked=True),
        text_for_matching(signal.description, already_masked=True),
        text_for_matching(signal.impact, already_masked=True),
    )
    linked = [link.regulation.code for link in signal.regulation_links]
    suggested = [
        (s.get("regulation"), float(s.get("confidence") or 0))
        for s in (signal.routing_suggestions or [])
        if s.get("regulation") and float(s.get("confidence") or 0) >= SUGGESTION_MIN
    ]
    bag.update(regulation_features(linked, [] if linked else suggested[:3]))
    return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in bag.items()}


def _window_query(now: dt.datetime):
    from signals.vocabulary import OPEN_STATUSES

    since = now - dt.timedelta(days=WINDOW_DAYS)
    return (
        select(Signal)
        .where(Signal.status != "merged", or_(Signal.created_at >= since, Signal.status.in_(OPEN_STATUSES)))
        .options(selectinload(Signal.regulation_links), selectinload(Signal.ministry_links))
        .order_by(Signal.id)
    )


def signal_embedding_text(signal: Signal) -> str:
    """What the sentence model reads of a signal (masked text, placeholders dropped)."""
    from signals.privacy import text_for_matching

    return proposal_embed.signal_text(
        text_for_matching(signal.title, already_masked=True),
        text_for_matching(signal.description, already_masked=True),
        text_for_matching(signal.impact, already_masked=True),
    )


def _stored_features(session: Session, ids) -> tuple[dict[int, dict], dict[int, bytes | None]]:
    """The stored bags and embeddings of ``ids`` (those that have them)."""
    ids = list(ids)
    bags: dict[int, dict] = {}
    embeddings: dict[int, bytes | None] = {}
    for chunk in range(0, len(ids), 900):
        part = ids[chunk : chunk + 900]
        rows = session.execute(
            select(SignalFeatures.signal_id, SignalFeatures.bag, SignalFeatures.embedding).where(SignalFeatures.signal_id.in_(part))
        )
        for signal_id, bag, embedding in rows:
            bags[signal_id] = bag
            embeddings[signal_id] = embedding
    return bags, embeddings


def _ensure_features(
    session: Session, signals: list[Signal], now: dt.datetime, centroids=None
) -> tuple[dict[int, dict], dict[int, bytes | None], list[int]]:
    """Bags and embeddings for every signal (computed and stored for the new ones, with their bucket
    when ``centroids`` are known); returns (bags, embeddings, new ids)."""
    bags, embeddings = _stored_features(session, [s.id for s in signals])
    fresh = [signal for signal in signals if signal.id not in bags]
    vectors = proposal_embed.embed([signal_embedding_text(signal) for signal in fresh]) if fresh else None
    buckets = None
    if vectors is not None and centroids is not None:
        buckets = proposal_cluster.nearest_buckets(centroids, proposal_embed.centred(vectors), 1)[:, 0]
    new = []
    for n, signal in enumerate(fresh):
        bag = signal_bag(signal)
        blob = proposal_embed.pack(vectors[n]) if vectors is not None else None
        bags[signal.id] = bag
        embeddings[signal.id] = blob
        bucket = int(buckets[n]) if buckets is not None else None
        session.add(SignalFeatures(signal_id=signal.id, bag=bag, embedding=blob, computed_at=now, bucket=bucket))
        new.append(signal.id)
    session.flush()
    return bags, embeddings, new


def _unconsidered_ids(session: Session, now: dt.datetime) -> list[int] | None:
    """Once a full refresh has built the index: the window's signals without stored features, looked
    for only beyond the newest signal with features (less LOOKBACK_IDS, for signals committed late or
    whose features were dropped) - two primary-key ranges, not the window. A signal that re-enters
    the window long after (reopened) waits for the next full refresh. None without an index."""
    from sqlalchemy import func

    from signals.vocabulary import OPEN_STATUSES

    if session.scalar(select(ProposalIndex.id).limit(1)) is None:
        return None
    newest = session.scalar(select(func.max(SignalFeatures.signal_id)))
    if newest is None:
        return None
    since = now - dt.timedelta(days=WINDOW_DAYS)
    considered = select(SignalFeatures.signal_id).where(SignalFeatures.signal_id == Signal.id).exists()
    return list(
        session.scalars(
            select(Signal.id)
            .where(
                Signal.id > newest - LOOKBACK_IDS,
                ~considered,
                Signal.status != "merged",
                or_(Signal.created_at >= since, Signal.status.in_(OPEN_STATUSES)),
            )
            .order_by(Signal.id)
        )
    )


def pending_signals(session: Session, now: dt.datetime | None = None) -> int:
    """How many signals of the window were not yet considered (cheap: see ``_unconsidered_ids``)."""
    from sqlalchemy import func

    from signals.vocabulary import OPEN_STATUSES

    now = now or utcnow()
    ids = _unconsidered_ids(session, now)
    if ids is not None:
        return len(ids)
    since = now - dt.timedelta(days=WINDOW_DAYS)
    return session.scalar(
        select(func.count(Signal.id))
        .outerjoin(SignalFeatures, SignalFeatures.signal_id == Signal.id)
        .where(
            SignalFeatures.signal_id.is_(None),
            Signal.status != "merged",
            or_(Signal.created_at >= since, Signal.status.in_(OPEN_STATUSES)),
        )
    ) or 0


def forget_features(session: Session, signal: Signal) -> None:
    """Drop a signal's stored features after its text or regulations changed, so they are computed again."""
    row = session.get(SignalFeatures, signal.id)
    if row is not None:
        session.delete(row)


# -- refresh ---------------------------------------------------------------------------------


class _Vectors:
    """IDF-weighted vectors and embeddings of the window's signals, for scoring members of a proposal."""

    def __init__(self, bags: dict[int, dict], embeddings: dict[int, bytes | None], vocabulary: Vocabulary | None = None):
        order = list(bags)
        if vocabulary is None:
            vocabulary = build_vocabulary([bags[i] for i in order])
        else:  # the window's frequencies as the last full refresh counted them; columns for what is loaded
            for i in order:
                for feature in bags[i]:
                    vocabulary.index.setdefault(feature, len(vocabulary.index))
        self.vocabulary = vocabulary
        idf, default = self.vocabulary.idf(), self.vocabulary.default_idf()
        self.vectors = {i: weigh(bags[i], idf, default, BLOCKS) for i in order}
        self.embeddings = {i: proposal_embed.centred(proposal_embed.unpack(embeddings.get(i))) for i in order}

    def dense(self, ids: list[int]):
        """The embeddings of ``ids`` as rows (zeros where missing), or None when none has one."""
        if not any(self.embeddings.get(i) is not None for i in ids):
            return None
        import numpy as np

        matrix = np.zeros((len(ids), proposal_embed.DIM), dtype=np.float32)
        for row, signal_id in enumerate(ids):
            if self.embeddings.get(signal_id) is not None:
                matrix[row] = self.embeddings[signal_id]
        return matrix

    def similarity(self, a: int, b: int) -> float:
        va, vb = self.vectors.get(a, {}), self.vectors.get(b, {})
        if len(vb) < len(va):
            va, vb = vb, va
        features = sum(v * vb.get(f, 0.0) for f, v in va.items())
        ea, eb = self.embeddings.get(a), self.embeddings.get(b)
        if ea is None or eb is None:
            return features
        return float(combine(features, float(ea @ eb), True))


def refresh_proposals(session: Session, now: dt.datetime | None = None, full: bool | None = None) -> RefreshResult:
    """Bring proposals up to date with the signals; ``full`` None decides by how much is new.

    Incremental (the usual case): only signals without stored features are compared, each with its
    nearest neighbours: the signals of its nearest buckets (``ProposalIndex``) closest by meaning, and
    the members of the proposals and knelpunten those belong to - the rest of the window is not read.
    Without an index (before the first full refresh, or without a sentence model) the window's stored
    features are loaded instead. The caller commits.
    """
    now = now or utcnow()
    unconsidered = None if full else _unconsidered_ids(session, now)
    pending = 0 if full else (len(unconsidered) if unconsidered is not None else pending_signals(session, now))
    if not full and not pending:
        return RefreshResult(mode="incremental")
    index = session.get(ProposalIndex, 1)
    indexed = index is not None and index.centroids is not None and proposal_embed.available()
    if full is None and index is not None and index.documents <= FULL_WINDOW:
        full = True  # a small window: cluster it whole
    if not full and indexed and (full is False or pending <= max(FULL_MIN, FULL_SHARE * index.documents)):
        return _refresh_from_buckets(session, index, now, unconsidered or [])
    if full is None and index is None and proposal_embed.available():
        full = True  # no index yet: build it
    signals = list(session.scalars(_window_query(now)))
    by_id = {s.id: s for s in signals}
    bags, embeddings, new = _ensure_features(session, signals, now)
    stored = list(session.scalars(select(Proposal).where(Proposal.status.in_(("open", "dismissed")))))
    if full is None:
        full = not stored or len(signals) <= FULL_WINDOW or len(new) > max(FULL_MIN, FULL_SHARE * len(signals))
    result = RefreshResult(mode="full" if full else "incremental", considered=len(signals) if full else len(new), loaded=len(signals))
    if not signals:
        return result
    vectors = _Vectors(bags, embeddings)
    if full:
        _refresh_full(session, signals, bags, stored, vectors, now, result)
        _build_index(session, [s.id for s in signals], vectors, now)
    elif new:
        _refresh_incremental(session, signals, bags, new, stored, vectors, now, result)
    touched = set(result.created) | set(result.grown) | set(result.reopened)
    for proposal in session.scalars(select(Proposal).where(Proposal.status.in_(("open", "dismissed")))):
        if proposal.id in touched or full:
            _summarise(session, proposal, by_id, vectors, now)
    session.flush()
    return result


def _build_index(session: Session, order: list[int], vectors: _Vectors, now: dt.datetime) -> None:
    """After a full refresh: centroids of the window's embeddings, each signal's bucket, and the
    window's feature frequencies - what an incremental refresh needs instead of the window."""
    import numpy as np
    from sqlalchemy import update

    with_embedding = [i for i in order if vectors.embeddings.get(i) is not None]
    centroids = None
    session.execute(update(SignalFeatures).where(SignalFeatures.bucket.is_not(None)).values(bucket=None))
    if with_embedding:
        rows = np.stack([vectors.embeddings[i] for i in with_embedding]).astype(np.float32)
        centroids = proposal_cluster.kmeans(rows, proposal_cluster.bucket_count(len(with_embedding)))
        buckets = np.concatenate([np.argmax(rows[start : start + 50_000] @ centroids.T, axis=1) for start in range(0, len(rows), 50_000)])
        session.execute(
            update(SignalFeatures), [{"signal_id": i, "bucket": int(b)} for i, b in zip(with_embedding, buckets.tolist(), strict=True)]
        )
    index = session.get(ProposalIndex, 1)
    if index is None:
        index = ProposalIndex(id=1)
        session.add(index)
    index.centroids = centroids.astype(np.float32).tobytes() if centroids is not None else None
    index.frequencies = dict(vectors.vocabulary.df)
    index.documents = vectors.vocabulary.documents
    index.built_at = now
    session.flush()


def _refresh_from_buckets(session: Session, index: ProposalIndex, now: dt.datetime, unconsidered: list[int]) -> RefreshResult:
    """The incremental refresh that reads only the new signals' neighbourhood (see ``refresh_proposals``)."""
    import numpy as np


    centroids = np.frombuffer(index.centroids, dtype=np.float32).reshape(-1, proposal_embed.DIM)
    fresh = []
    for chunk in _chunks(unconsidered):
        fresh.extend(session.scalars(_window_query(now).where(Signal.id.in_(chunk))))
    bags, embeddings, new = _ensure_features(session, fresh, now, centroids=centroids)
    result = RefreshResult(mode="incremental", considered=len(new))
    if not new:
        return result
    # 1. candidates: the signals of each new one's nearest buckets, closest by meaning first
    mine = {i: proposal_embed.centred(proposal_embed.unpack(embeddings.get(i))) for i in new}
    placed = [i for i in new if mine[i] is not None]
    candidates: set[int] = set()
    if placed:
        queries = np.stack([mine[i] for i in placed])
        near = proposal_cluster.nearest_buckets(centroids, queries, proposal_cluster.probes(len(centroids)))
        # only the window's signals have a bucket (a full refresh clears the others); one that left
        # the window since is dropped below, when the candidates' signals are read
        rows = session.execute(
            select(SignalFeatures.signal_id, SignalFeatures.embedding, SignalFeatures.bucket).where(
                SignalFeatures.bucket.in_(sorted({int(b) for b in near.ravel()}))
            )
        ).all()
        if rows:
            ids = np.array([r[0] for r in rows])
            buckets = np.array([r[2] for r in rows])
            scores = proposal_embed.centred_scores([r[1] for r in rows], queries, exact=EXACT)
            for n in range(len(placed)):
                where = np.flatnonzero(np.isin(buckets, near[n]))
                mine_scores = scores[where, n]
                top = where[np.argpartition(-mine_scores, min(NEAREST, len(where) - 1))[:NEAREST]] if len(where) > NEAREST else where
                candidates.update(ids[top].tolist())
    candidates -= set(new)
    # 2. with them, whole: the proposals they are in, and the knelpunten they are linked to
    touched = _proposals_with(session, candidates)
    memberships = (
        session.execute(select(Proposal.id, Proposal.signal_ids, Proposal.knelpunt_id).where(Proposal.id.in_(sorted(touched)))).all()
        if touched
        else []
    )
    wanted = set(candidates) | {i for _p, ids, _k in memberships for i in ids or []}
    signals = {s.id: s for s in fresh}
    for chunk in _chunks(sorted(wanted - set(signals))):
        signals.update((s.id, s) for s in session.scalars(_window_query(now).where(Signal.id.in_(chunk))))
    knelpunten = {s.knelpunt_id for s in signals.values() if s.knelpunt_id}
    if knelpunten:
        for s in session.scalars(_window_query(now).where(Signal.knelpunt_id.in_(sorted(knelpunten)))):
            signals.setdefault(s.id, s)
    if knelpunten:
        touched |= set(
            session.scalars(
                select(Proposal.id).where(Proposal.status.in_(("open", "dismissed")), Proposal.knelpunt_id.in_(sorted(knelpunten)))
            )
        )
    chosen = sorted(touched)
    stored = list(session.scalars(select(Proposal).where(Proposal.id.in_(chosen)))) if chosen else []
    for p in stored:  # a proposal's members that left the window are simply not compared
        for chunk in _chunks(sorted(set(p.signal_ids or []) - set(signals))):
            signals.update((s.id, s) for s in session.scalars(_window_query(now).where(Signal.id.in_(chunk))))
    old_bags, old_embeddings = _stored_features(session, [i for i in signals if i not in bags])
    bags.update(old_bags)
    embeddings.update(old_embeddings)
    loaded = [signals[i] for i in sorted(signals) if i in bags]
    result.loaded = len(loaded)
    vocabulary = Vocabulary(documents=index.documents)
    frequencies = _frequencies(index)
    vocabulary.df.update({f: frequencies[f] for f in {f for i in signals if i in bags for f in bags[i]} if f in frequencies})
    # the index counted the window of its full refresh; the neighbourhood's signals that came since (its
    # new signals, and earlier arrivals such as a young group's first paraphrases) are counted in too, or a
    # new problem's own words keep the weight of words nobody used and pull two new problems together
    late = set(new) | _considered_since(session, set(bags) - set(new), index.built_at)
    for i in late:
        vocabulary.df.update(bags[i].keys())
    vocabulary.documents += len(late)
    vectors = _Vectors({s.id: bags[s.id] for s in loaded}, embeddings, vocabulary=vocabulary)
    _refresh_local(session, loaded, bags, new, stored, vectors, now, result)
    by_id = {s.id: s for s in loaded}
    for proposal_id in dict.fromkeys([*result.created, *result.grown, *result.reopened]):
        _summarise(session, session.get(Proposal, proposal_id), by_id, vectors, now)
    session.flush()
    return result


def _considered_since(session: Session, ids: set[int], since: dt.datetime | None) -> set[int]:
    """Those of ``ids`` whose features were computed after ``since`` (the index's full refresh)."""
    if since is None:
        return set()
    found: set[int] = set()
    for chunk in _chunks(sorted(ids)):
        found.update(
            session.scalars(select(SignalFeatures.signal_id).where(SignalFeatures.signal_id.in_(chunk), SignalFeatures.computed_at > since))
        )
    return found


_FREQUENCIES: dict[tuple, dict] = {}


def _frequencies(index: ProposalIndex) -> dict:
    """The index's feature frequencies, decoded once per process and index version (a large window's
    vocabulary is megabytes of JSON)."""
    key = (index.id, index.built_at.isoformat() if index.built_at else None, index.documents)
    if key not in _FREQUENCIES:
        _FREQUENCIES.clear()
        _FREQUENCIES[key] = index.frequencies or {}
    return _FREQUENCIES[key]


def _proposals_with(session: Session, signal_ids: set[int]) -> set[int]:
    """Open and dismissed proposals that hold any of ``signal_ids``, by the index on
    ``signal_features.proposal_id`` (kept by ``_point``): a few rows, not every proposal's id list."""
    if not signal_ids:
        return set()
    pointed: set[int] = set()
    for chunk in _chunks(sorted(signal_ids)):
        pointed.update(
            session.scalars(
                select(SignalFeatures.proposal_id).where(SignalFeatures.signal_id.in_(chunk), SignalFeatures.proposal_id.is_not(None))
            )
        )
    if not pointed:
        return set()
    return set(session.scalars(select(Proposal.id).where(Proposal.id.in_(sorted(pointed)), Proposal.status.in_(("open", "dismissed")))))


def _point(session: Session, proposal_id: int | None, signal_ids, only_from: int | None = None) -> None:
    """Record on the signals' features which proposal holds them (``proposal_id`` None: none); with
    ``only_from`` only where they still point at that proposal."""
    from sqlalchemy import update

    for chunk in _chunks(sorted(set(signal_ids))):
        stmt = update(SignalFeatures).where(SignalFeatures.signal_id.in_(chunk))
        if only_from is not None:
            stmt = stmt.where(SignalFeatures.proposal_id == only_from)
        session.execute(stmt.values(proposal_id=proposal_id).execution_options(synchronize_session=False))


def func_for(dialect: str):
    from sqlalchemy import func

    return func.json_each if dialect == "sqlite" else func.json_array_elements_text


def sa_true():
    from sqlalchemy import true

    return true()


def _chunks(ids: list[int], size: int = 900):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _groups_for(signal_ids: list[int], by_id: dict[int, Signal]) -> list[tuple[int | None, list[int]]]:
    """Split a cluster into (knelpunt id or None, unlinked members): linked signals pull the rest to their knelpunt."""
    linked = Counter(by_id[i].knelpunt_id for i in signal_ids if by_id[i].knelpunt_id)
    unlinked = [i for i in signal_ids if not by_id[i].knelpunt_id]
    if linked:
        knelpunt_id, _ = linked.most_common(1)[0]
        return [(knelpunt_id, unlinked)] if unlinked else []
    return [(None, unlinked)] if len(unlinked) >= MIN_SIZE else []


def _refresh_full(session, signals, bags, stored, vectors: _Vectors, now, result: RefreshResult) -> None:
    by_id = {s.id: s for s in signals}
    order = [s.id for s in signals]
    matrix = to_matrix([vectors.vectors[i] for i in order], vectors.vocabulary)
    clusters, _graph = cluster(matrix, dense=vectors.dense(order))
    wanted: list[tuple[int | None, list[int]]] = []
    for rows in clusters:
        wanted.extend(_groups_for([order[r] for r in rows], by_id))
    unmatched = {p.id: p for p in stored}
    for knelpunt_id, members in wanted:
        match = _matching(members, knelpunt_id, unmatched.values())
        if match is not None:
            del unmatched[match.id]
            _set_members(session, match, members, now, result)
        else:
            proposal = _create(session, members, knelpunt_id, now)
            result.created.append(proposal.id)
    for proposal in unmatched.values():
        if proposal.status == "open":
            _gone(session, proposal, now, result)


#: a cluster continues the stored proposal it shares at least this share of the smaller of the two with
MATCH_SHARE = 0.5


def _matching(members: list[int], knelpunt_id: int | None, proposals) -> Proposal | None:
    """The proposal (of the same knelpunt, or of none) a cluster continues: the one sharing the largest
    part of the smaller of the two, if that is at least MATCH_SHARE; None when it is a new one."""
    match, best = None, 0.0
    for proposal in proposals:
        if proposal.knelpunt_id != knelpunt_id:
            continue
        overlap = len(set(members) & set(proposal.signal_ids or []))
        score = overlap / max(1, min(len(members), len(proposal.signal_ids or [])))
        if score > best:
            match, best = proposal, score
    return match if best >= MATCH_SHARE else None


def _gone(session: Session, proposal: Proposal, now: dt.datetime, result: RefreshResult) -> None:
    """An open proposal no clustering continues any more."""
    proposal.status = "gone"
    proposal.updated_at = now
    record_event(session, "proposal", proposal.id, "gone", from_state="open", to_state="gone", data={"signals": proposal.signal_ids})
    result.gone.append(proposal.id)


def _refresh_incremental(session, signals, bags, new, stored, vectors: _Vectors, now, result: RefreshResult) -> None:
    by_id = {s.id: s for s in signals}
    new_set = set(new)
    old = [s.id for s in signals if s.id not in new_set]
    row_of = {signal_id: row for row, signal_id in enumerate(old)}
    groups: dict[object, list[int]] = {}
    for proposal in stored:
        rows = [row_of[i] for i in proposal.signal_ids or [] if i in row_of]
        if rows:
            groups[("p", proposal.id)] = rows
    for signal_id in old:
        knelpunt_id = by_id[signal_id].knelpunt_id
        if knelpunt_id:
            groups.setdefault(("k", knelpunt_id), []).append(row_of[signal_id])
    index = GroupIndex(vectors.vocabulary, to_matrix([vectors.vectors[i] for i in old], vectors.vocabulary), groups, dense=vectors.dense(old))
    ids_by_row = list(old)
    proposals = {p.id: p for p in stored}
    for signal_id in new:
        placement = index.add(bags[signal_id], embedding=vectors.embeddings.get(signal_id))
        ids_by_row.append(signal_id)
        signal = by_id[signal_id]
        if signal.knelpunt_id:  # already linked: it strengthens its knelpunt's group, proposes nothing
            index.attach(("k", signal.knelpunt_id), placement.row)
            continue
        if placement.group is not None:
            kind, key = placement.group
            if kind == "p":
                proposal = proposals[key]
            else:
                proposal = next((p for p in proposals.values() if p.knelpunt_id == key and p.status == "open"), None)
                if proposal is None:
                    proposal = _create(session, [], key, now)
                    proposals[proposal.id] = proposal
                    result.created.append(proposal.id)
            _set_members(session, proposal, [*proposal.signal_ids, signal_id], now, result)
        elif placement.new_group:
            members = [ids_by_row[r] for r in placement.new_group]
            for knelpunt_id, group_members in _groups_for(members, by_id):
                proposal = _create(session, group_members, knelpunt_id, now)
                proposals[proposal.id] = proposal
                result.created.append(proposal.id)
                index.register(("p", proposal.id), [r for r in placement.new_group if ids_by_row[r] in set(group_members)])


def _refresh_local(session, signals, bags, new, stored, vectors: _Vectors, now, result: RefreshResult) -> None:
    """Place new signals by clustering their neighbourhood (``signals``: the new ones, their nearest
    signals and every member of the proposals and knelpunten those are in) exactly as a full refresh
    clusters the window, and apply each cluster that holds a new signal exactly as a full refresh applies
    the window's clusters: it continues the proposal it shares most with (``_matching``) or, holding no
    proposal's signals, becomes a new one. An open proposal of no knelpunt then holds what its cluster
    holds - it gains the cluster's other signals and loses members the clustering left out (the loose
    neighbours a young group picked up before its own paraphrases arrived); a dismissed proposal or one
    of a knelpunt is only added to. Signals a cluster takes from another open proposal leave that one,
    which is gone once fewer than MIN_SIZE remain, as in a full refresh.

    Round 7: this replaced rules that applied only part of the neighbourhood's clustering (new signals
    joined; members left only when the cluster still held most of the proposal; new signals too far from
    the proposal they were clustered with split off). Members the clustering left out early stayed out
    for good, and the seen sets found 28 of their 50 groups arriving incrementally against 36 clustered
    whole; applied as a full refresh applies them, 36 of 50 (README, "Proposed knelpunten")."""
    by_id = {s.id: s for s in signals}
    order = [s.id for s in signals]
    new_set = set(new)
    clusters, _graph = cluster(to_matrix([vectors.vectors[i] for i in order], vectors.vocabulary), dense=vectors.dense(order))
    wanted: list[tuple[int | None, list[int]]] = []
    for rows in clusters:
        members = [order[r] for r in rows]
        if any(i in new_set for i in members):
            wanted.extend(_groups_for(members, by_id))
    unmatched = {p.id: p for p in stored}
    taken: set[int] = set()
    for knelpunt_id, members in wanted:
        match = _matching(members, knelpunt_id, unmatched.values())
        if match is None and knelpunt_id is not None:  # one open offer per knelpunt, however little it shares
            match = next((p for p in unmatched.values() if p.knelpunt_id == knelpunt_id and p.status == "open"), None)
        if match is not None:
            del unmatched[match.id]
            current = list(match.signal_ids or [])
            if match.status == "open" and match.knelpunt_id is None:
                # members that left the window since are not in the neighbourhood: they stay until a full refresh
                target = [*[i for i in current if i not in by_id], *members]
            else:
                target = [*current, *[i for i in members if i not in set(current)]]
            _set_members(session, match, target, now, result)
        elif knelpunt_id is not None or len(members) >= MIN_SIZE:
            result.created.append(_create(session, members, knelpunt_id, now).id)
        else:
            continue
        taken.update(members)
    for proposal in unmatched.values():
        current = list(proposal.signal_ids or [])
        rest = [i for i in current if i not in taken]
        if proposal.status != "open" or proposal.knelpunt_id is not None or len(rest) == len(current):
            continue
        _set_members(session, proposal, rest, now, result)
        if len(rest) < MIN_SIZE:
            _gone(session, proposal, now, result)


def _create(session: Session, members: list[int], knelpunt_id: int | None, now: dt.datetime) -> Proposal:
    proposal = Proposal(status="open", signal_ids=list(members), knelpunt_id=knelpunt_id, created_at=now, updated_at=now, grown_at=now)
    session.add(proposal)
    session.flush()
    _point(session, proposal.id, members)
    record_event(session, "proposal", proposal.id, "created", to_state="open", data={"signals": list(members), "knelpunt": knelpunt_id})
    return proposal


def _set_members(session: Session, proposal: Proposal, members: list[int], now: dt.datetime, result: RefreshResult) -> None:
    before = set(proposal.signal_ids or [])
    members = list(dict.fromkeys(members))
    if set(members) == before:
        return
    proposal.signal_ids = members
    proposal.updated_at = now
    _point(session, proposal.id, set(members) - before)
    _point(session, None, before - set(members), only_from=proposal.id)
    if set(members) - before:
        proposal.grown_at = now
        if proposal.id not in result.created:
            result.grown.append(proposal.id)
    if proposal.status == "dismissed" and len(members) >= math.ceil(REGROW_FACTOR * max(1, proposal.dismissed_count)):
        proposal.status = "open"
        record_event(
            session,
            "proposal",
            proposal.id,
            "reopened",
            from_state="dismissed",
            to_state="open",
            note=f"Gegroeid van {proposal.dismissed_count} naar {len(members)} signalen.",
            data={"signals": members},
        )
        result.reopened.append(proposal.id)


def _summarise(session: Session, proposal: Proposal, by_id: dict[int, Signal], vectors: _Vectors, now: dt.datetime) -> None:
    """Title, regulations with evidence, counts, growth and strength from the member signals."""
    members = [by_id[i] for i in proposal.signal_ids or [] if i in by_id]
    if not members:
        return
    ids = [s.id for s in members]
    centrality = {
        i: (sum(vectors.similarity(i, j) for j in ids if j != i) / (len(ids) - 1) if len(ids) > 1 else 1.0) for i in ids
    }
    ordered = sorted(members, key=lambda s: -centrality[s.id])
    proposal.signal_ids = [s.id for s in ordered]
    proposal.cohesion = round(sum(centrality.values()) / len(ids), 3) if len(ids) > 1 else 0.0
    proposal.title = ordered[0].title[:200]
    # regulations: linked ones, else the router's, with the words that pointed at them
    counts: Counter = Counter()
    words: dict[str, Counter] = {}
    for signal in members:
        linked = [link.regulation.code for link in signal.regulation_links]
        codes = set(linked)
        for suggestion in signal.routing_suggestions or []:
            code = suggestion.get("regulation")
            if not code:
                continue
            if float(suggestion.get("confidence") or 0) >= SUGGESTION_MIN and not linked:
                codes.add(code)
            for word in suggestion.get("matched") or []:
                words.setdefault(code, Counter())[str(word).lower()] += 1
        counts.update(codes)
    threshold = max(1, math.ceil(REGULATION_SHARE * len(members)))
    codes = [code for code, n in counts.most_common() if n >= threshold][:5]
    regulations = {r.code: r for r in session.scalars(select(Regulation).where(Regulation.code.in_(codes)))} if codes else {}
    proposal.regulations = [
        {
            "code": code,
            "title": regulations[code].title,
            "abbreviation": regulations[code].abbreviation,
            "ministry": regulations[code].ministry_code,
            "signals": counts[code],
            "words": [w for w, _ in words.get(code, Counter()).most_common(5)],
        }
        for code in codes
        if code in regulations
    ]
    ministries = Counter(s.lead_ministry_code for s in members if s.lead_ministry_code)
    if ministries:
        lead = ministries.most_common(1)[0][0]
    elif proposal.regulations:
        lead = proposal.regulations[0]["ministry"]
    else:
        lead = None
    if proposal.knelpunt_id:
        knelpunt = session.get(Knelpunt, proposal.knelpunt_id)
        lead = knelpunt.ministry_code if knelpunt else lead
    proposal.lead_ministry_code = lead
    others = []
    for signal in members:
        for link in signal.ministry_links:
            if link.ministry_code != lead and link.ministry_code not in others:
                others.append(link.ministry_code)
    proposal.co_ministry_codes = " ".join(sorted(others))
    proposal.channels = sorted({s.channel_code for s in members})
    proposal.organisations = sorted({s.organisation_code for s in members})
    proposal.people_affected = sum(s.people_affected or 1 for s in members)
    recent_since = now - dt.timedelta(days=RECENT_DAYS)
    proposal.recent_count = sum(1 for s in members if _aware(s.created_at) >= recent_since)
    proposal.earlier_count = len(members) - proposal.recent_count
    proposal.strength = round(
        len(members) * (0.5 + proposal.cohesion) + 0.5 * (len(proposal.channels) - 1) + 0.5 * (len(proposal.organisations) - 1), 2
    )
    terms: Counter = Counter()
    for signal_id in ids:
        for feature, value in vectors.vectors.get(signal_id, {}).items():
            if feature[0] in "wc":
                terms[feature] += value
    proposal.top_terms = [f[2:].replace("_", " ") for f, _ in terms.most_common(8)]


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


# -- reading ---------------------------------------------------------------------------------


def visible_proposals(user: User, statuses: tuple[str, ...] = ("open",)):
    """Proposals ``user`` may see: all for the coordinator, those its ministry leads for triage."""
    stmt = select(Proposal).where(Proposal.status.in_(statuses))
    if permissions.sees_all_proposals(user):
        return stmt
    if permissions.may_see_proposals(user):
        return stmt.where(Proposal.lead_ministry_code == user.organisation_code)
    return stmt.where(Proposal.id == -1)


def list_proposals_for(session: Session, user: User, statuses: tuple[str, ...] = ("open",)) -> list[Proposal]:
    """Proposals, strongest and fastest-growing first (offers to existing knelpunten included)."""
    items = list(session.scalars(visible_proposals(user, statuses)))
    items = [p for p in items if p.signal_count]
    items.sort(key=lambda p: (-(p.strength + p.recent_count), -p.recent_count, p.id))
    return items


def get_proposal_for(session: Session, user: User, proposal_id: int) -> Proposal:
    proposal = session.scalars(visible_proposals(user, tuple(PROPOSAL_STATUSES)).where(Proposal.id == proposal_id)).first()
    if proposal is None:
        raise NotFound(N_("Dit voorstel bestaat niet of u hebt er geen toegang toe."))
    return proposal


def proposal_signals(session: Session, proposal: Proposal) -> list[Signal]:
    """The proposal's signals in its own order (strongest first)."""
    rows = {s.id: s for s in session.scalars(select(Signal).where(Signal.id.in_(proposal.signal_ids or [])))}
    return [rows[i] for i in proposal.signal_ids or [] if i in rows]


def proposal_as_dict(proposal: Proposal) -> dict:
    """The API's view of a proposal."""
    knelpunt = proposal.knelpunt
    return {
        "id": proposal.id,
        "status": proposal.status,
        "title": proposal.title,
        "signal_ids": list(proposal.signal_ids or []),
        "signal_count": proposal.signal_count,
        "regulations": [
            {"code": r["code"], "title": r["title"], "signals": r["signals"], "evidence": r["words"]} for r in proposal.regulations or []
        ],
        "lead_ministry": proposal.lead_ministry_code,
        "co_ministries": proposal.co_ministries,
        "channels": list(proposal.channels or []),
        "organisations": list(proposal.organisations or []),
        "people_affected": proposal.people_affected,
        "growth": {"last_4_weeks": proposal.recent_count, "before": proposal.earlier_count},
        "strength": proposal.strength,
        "cohesion": proposal.cohesion,
        "terms": list(proposal.top_terms or []),
        "add_to_knelpunt": {"id": knelpunt.id, "reference": knelpunt.reference} if knelpunt is not None else None,
        "created_at": proposal.created_at.isoformat() if proposal.created_at else None,
    }


# -- acting ----------------------------------------------------------------------------------


def _check_actor(user: User, proposal: Proposal) -> None:
    if not permissions.may_act_on_proposal(user, proposal.lead_ministry_code):
        raise PermissionDenied(N_("Alleen de coördinator en het ministerie dat leidt kunnen over dit voorstel beslissen."))
    if proposal.status != "open":
        raise TransitionNotAllowed(N_("Over dit voorstel is al beslist."), {"proposal": [N_("Dit voorstel staat niet meer open.")]})


def adopt_proposal(
    session: Session, actor: User, proposal: Proposal, signal_ids: list[int], title: str | None = None, ministry: str | None = None
) -> Knelpunt:
    """Make a knelpunt of the chosen signals (or add them to the offered knelpunt), in one step; the caller commits."""
    _check_actor(actor, proposal)
    from signals.knelpunten import create_knelpunt, get_knelpunt_for, link_signals

    errors = FieldErrors()
    chosen = []
    for raw in signal_ids or []:
        if not isinstance(raw, int) or isinstance(raw, bool) or raw not in (proposal.signal_ids or []):
            errors.add("signal_ids", Message(N_("Signaal %(id)s hoort niet bij dit voorstel."), id=str(raw)[:20]))
        elif raw not in chosen:
            chosen.append(raw)
    if not chosen and not errors.fields:
        errors.add("signal_ids", N_("Kies minstens één signaal."))
    errors.raise_if_any()
    if proposal.knelpunt_id:
        knelpunt = get_knelpunt_for(session, actor, proposal.knelpunt_id)
        link_signals(session, knelpunt, actor, chosen)
    else:
        knelpunt = create_knelpunt(
            session,
            actor,
            (title if title is not None else proposal.title),
            ministry or proposal.lead_ministry_code,
            chosen,
            co_ministries=[c for c in proposal.co_ministries if c != (ministry or proposal.lead_ministry_code)],
            regulations=[r["code"] for r in proposal.regulations or []],
        )
    dropped = [i for i in proposal.signal_ids if i not in chosen]
    proposal.status = "adopted"
    proposal.adopted_knelpunt_id = knelpunt.id
    proposal.updated_at = utcnow()
    record_event(
        session,
        "proposal",
        proposal.id,
        "adopted",
        actor=actor,
        from_state="open",
        to_state="adopted",
        note=f"Overgenomen in knelpunt {knelpunt.reference}.",
        data={"knelpunt": knelpunt.id, "signals": chosen, "dropped": dropped},
    )
    session.flush()
    return knelpunt


def dismiss_proposal(session: Session, actor: User, proposal: Proposal, reason: str) -> None:
    """Set a proposal aside with a reason; it returns only once it has grown by half. The caller commits."""
    _check_actor(actor, proposal)
    reason = (reason or "").strip()
    if not reason:
        errors = FieldErrors()
        errors.add("reason", N_("Geef de reden waarom dit geen knelpunt is."))
        errors.raise_if_any()
    if len(reason) > 2000:
        errors = FieldErrors()
        errors.add("reason", N_("Hoogstens 2000 tekens."))
        errors.raise_if_any()
    proposal.status = "dismissed"
    proposal.dismissed_reason = reason
    proposal.dismissed_at = utcnow()
    proposal.dismissed_by_id = actor.id
    proposal.dismissed_count = proposal.signal_count
    proposal.updated_at = proposal.dismissed_at
    record_event(
        session,
        "proposal",
        proposal.id,
        "dismissed",
        actor=actor,
        from_state="open",
        to_state="dismissed",
        note=reason,
        data={"signals": list(proposal.signal_ids or [])},
    )
    session.flush()


# -- weekly digest ---------------------------------------------------------------------------

DIGEST_DAYS = 7


def proposals_url(proposal: Proposal | None = None, session: Session | None = None) -> str:
    from signals import notifications

    base_url = (session.info.get("base_url") if session is not None else None) or notifications.DEFAULT_BASE_URL
    base = f"{base_url.rstrip('/')}/knelpunten/voorstellen"
    return f"{base}/{proposal.id}" if proposal is not None else base


def _digest_line(session: Session, proposal: Proposal, now: dt.datetime) -> str:
    since = now - dt.timedelta(days=DIGEST_DAYS)
    fresh = "nieuw" if _aware(proposal.created_at) >= since else "gegroeid"
    target = f" (toevoegen aan {proposal.knelpunt.reference})" if proposal.knelpunt is not None else ""
    return (
        f"- {proposal.title}{target}: {proposal.signal_count} signalen, {proposal.recent_count} in de laatste 4 weken, "
        f"{len(proposal.channels or [])} kanalen; {fresh}. {proposals_url(proposal, session)}"
    )


def queue_proposal_digest(session: Session, now: dt.datetime | None = None) -> int:
    """Once a week: mail coordinators every new or grown proposal, and each ministry's triage team
    those it leads, through the outbox (one dedup key per week and scope). Returns rows queued."""
    from signals.notifications import queue_notification, team_emails

    now = now or utcnow()
    since = now - dt.timedelta(days=DIGEST_DAYS)
    year, week, _ = now.isocalendar()
    fresh = [
        p
        for p in session.scalars(select(Proposal).where(Proposal.status == "open"))
        if p.signal_count and (_aware(p.created_at) >= since or (p.grown_at is not None and _aware(p.grown_at) >= since))
    ]
    fresh.sort(key=lambda p: (-(p.strength + p.recent_count), p.id))
    queued = 0
    scopes: list[tuple[str, list[str], list[Proposal]]] = [("ALL", team_emails(session, None, permissions.COORDINATOR), fresh)]
    for ministry in sorted({p.lead_ministry_code for p in fresh if p.lead_ministry_code}):
        scopes.append((ministry, team_emails(session, ministry, permissions.TRIAGE), [p for p in fresh if p.lead_ministry_code == ministry]))
    for scope, recipients, items in scopes:
        if not items or not recipients:
            continue
        context = {
            "week": f"{year}-W{week:02d}",
            "count": len(items),
            "items": "\n".join(_digest_line(session, p, now) for p in items[:25]),
            "url": proposals_url(session=session),
        }
        queued += len(queue_notification(session, "proposal_digest", f"proposals:{year}-W{week:02d}:{scope}", recipients, context))
    return queued


def refresh_up_to_date(session: Session) -> RefreshResult | None:
    """Consider new signals before showing proposals (on read); a concurrent refresh that wins
    the race is fine, so a clash rolls back and shows what is stored."""
    from sqlalchemy.exc import IntegrityError

    if not pending_signals(session):
        return None
    try:
        result = refresh_proposals(session)
        session.commit()
        return result
    except IntegrityError:
        session.rollback()
        return None
