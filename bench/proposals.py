"""Benchmark of incremental proposals: placing one new signal among 1,000,000 stored ones (issue 15).

Fills a temporary SQLite database (the real schema) with ``BENCH_PROPOSAL_SIGNALS`` signals
(default 1,000,000), all inside the window: their stored features (feature bags of realistic texts,
each made distinct with words drawn from a Zipf-distributed synthetic vocabulary, as a large corpus
has; int8 embeddings around the real embeddings of those texts), a tenth of them in proposals of
five, and the index a full refresh leaves behind (centroids of the embeddings, each signal's bucket,
the window's feature frequencies). Then, one at a time, a new signal written as a paraphrase of a
planted group is stored and ``refresh_proposals(full=False)`` is timed - the same call that
``knelpunten propose --incremental`` and ``deadlines check`` make: embedding the signal, reading its
nearest buckets, loading the neighbourhood, placing it, summarising what changed. Prints figures;
asserts nothing.

Run: `nice python -m bench.proposals` (BENCH_PROPOSAL_DB keeps the database between runs, default
/tmp/knelpunt-proposals-bench-<count>.db; building a million takes a few minutes once).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
import statistics
import time
from collections import Counter

import numpy as np
from sqlalchemy import bindparam, create_engine, event, func, insert, select, update
from sqlalchemy.orm import Session

from signals import proposal_cluster as pc
from signals import proposal_embed
from signals.models import Base, Proposal, ProposalIndex, Signal, SignalFeatures, utcnow
from signals.proposal_features import regulation_features, text_features

TARGET_MS = 200.0
EXTRA_WORDS = 12
SYNTHETIC = 300_000
GROUP_SIZE = 5
BATCH = 20_000


def _pool() -> tuple[list[dict], list[str], list[tuple[str, str]]]:
    """Feature bags and texts of the corpus's noise signals (templates for rows), and the planted
    groups' signals (title, description) as the new signals to place."""
    from tests.signals.proposal_corpus import GROUPS, noise_signals, preload_vectors

    preload_vectors()  # the corpus's embeddings are shipped: no minute of embedding first
    bags, texts = [], []
    for title, description, _channel, _org, regs in noise_signals(520):
        bag = text_features(title, description)
        bag.update(regulation_features(regs, []))
        bags.append(bag)
        texts.append(proposal_embed.signal_text(title, description))
    queries = [(title, description) for group in GROUPS for title, description, *_ in group["signals"]]
    return bags, texts, queries


def build(path: str, count: int, rng: random.Random) -> float:
    """Fill ``path`` with ``count`` signals, their features, proposals and the index; returns seconds."""
    started = time.perf_counter()
    if os.path.exists(path):
        os.remove(path)
    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    pool, texts, _queries = _pool()
    raw = proposal_embed.embed(texts)
    nprng = np.random.default_rng(rng.randint(0, 10**6))
    template = nprng.integers(0, len(pool), size=count)
    zipf = (np.minimum(nprng.zipf(1.3, size=(count, EXTRA_WORDS)), SYNTHETIC) - 1).astype(np.int64)
    now = utcnow()
    ages = nprng.integers(0, 170 * 24 * 3600, size=count)
    df: Counter = Counter()
    for t, bag in enumerate(pool):
        n = int((template == t).sum())
        for feature in bag:
            df[feature] += n
    ordered = np.sort(zipf, axis=1)
    first = np.ones_like(ordered, dtype=bool)
    first[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    words, word_counts = np.unique(ordered[first], return_counts=True)  # signals that have the word
    df.update({f"w:syn{w}": int(c) for w, c in zip(words.tolist(), word_counts.tolist(), strict=True)})
    with engine.begin() as connection:
        for start in range(0, count, BATCH):
            stop = min(start + BATCH, count)
            at = [now - dt.timedelta(seconds=int(a)) for a in ages[start:stop]]
            connection.execute(
                insert(Signal.__table__),
                [
                    {
                        "id": i + 1,
                        "status": "received",
                        "title": f"Signaal {i + 1}",
                        "description": "Gegenereerd voor de benchmark.",
                        "channel_code": "IR-CC",
                        "organisation_code": "IR",
                        "routing_suggestions": [],
                        "created_at": at[i - start],
                        "updated_at": at[i - start],
                    }
                    for i in range(start, stop)
                ],
            )
            noise = nprng.normal(0, 0.02, (stop - start, proposal_embed.DIM)).astype(np.float32)
            vectors = raw[template[start:stop]] + noise
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            packed = np.clip(np.rint(vectors * 127), -127, 127).astype(np.int8)
            rows = []
            for offset, i in enumerate(range(start, stop)):
                bag = dict(pool[template[i]])
                for w in zipf[i].tolist():
                    bag[f"w:syn{w}"] = bag.get(f"w:syn{w}", 0) + 1
                rows.append({"signal_id": i + 1, "bag": bag, "embedding": packed[offset].tobytes(), "computed_at": now})
            connection.execute(insert(SignalFeatures.__table__), rows)
            print(f"  {stop:,} signals stored ({time.perf_counter() - started:.0f} s)", flush=True)
        # the index a full refresh leaves: centroids of the centred embeddings, buckets, frequencies
        step = max(1, count // pc.KMEANS_SAMPLE)
        sample = [
            blob
            for (blob,) in connection.execute(
                select(SignalFeatures.embedding).where(SignalFeatures.signal_id % step == 0)
            )
        ]
        centroids = pc.kmeans(proposal_embed.centred(proposal_embed.stack(sample)), pc.bucket_count(count))
        for start in range(0, count, BATCH):
            ids, blobs = zip(
                *connection.execute(
                    select(SignalFeatures.signal_id, SignalFeatures.embedding).where(
                        SignalFeatures.signal_id > start, SignalFeatures.signal_id <= start + BATCH
                    )
                ).all(),
                strict=True,
            )
            buckets = np.argmax(proposal_embed.centred(proposal_embed.stack(list(blobs))) @ centroids.T, axis=1)
            table = SignalFeatures.__table__
            connection.execute(
                update(table).where(table.c.signal_id == bindparam("sid")).values(bucket=bindparam("b")),
                [{"sid": i, "b": int(b)} for i, b in zip(ids, buckets.tolist(), strict=True)],
            )
        grouped = (nprng.permutation(count)[: count // 10] + 1).tolist()
        connection.execute(
            insert(Proposal.__table__),
            [
                {
                    "status": "open",
                    "title": f"Voorstel {g}",
                    "signal_ids": grouped[g * GROUP_SIZE : (g + 1) * GROUP_SIZE],
                    "created_at": now,
                    "updated_at": now,
                }
                for g in range(len(grouped) // GROUP_SIZE)
            ],
        )
        _point_members(connection)
        background, documents = pc.background_frequencies()
        df.update(background)
        connection.execute(
            insert(ProposalIndex.__table__),
            [
                {
                    "id": 1,
                    "centroids": centroids.astype(np.float32).tobytes(),
                    "frequencies": dict(df),
                    "documents": count + documents,
                    "built_at": now,
                }
            ],
        )
    engine.dispose()
    return time.perf_counter() - started


def _point_members(connection) -> None:
    """signal_features.proposal_id for the members of every open proposal, as the app keeps it."""
    table = SignalFeatures.__table__
    pairs = [
        {"sid": int(signal_id), "pid": proposal_id}
        for proposal_id, ids in connection.execute(select(Proposal.id, Proposal.signal_ids).where(Proposal.status == "open"))
        for signal_id in ids or []
    ]
    if pairs:
        connection.execute(update(table).where(table.c.signal_id == bindparam("sid")).values(proposal_id=bindparam("pid")), pairs)


def _upgrade(path: str) -> None:
    """A database built with an older schema gets the tables added since (create_all adds only what is
    missing), the buckets' embedding index (migration 0029) and signal_features.proposal_id (migration
    0025), filled."""
    import sqlite3

    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    # create_all leaves an existing table's indexes alone: the one 0029 adds, as the model defines it
    embeddings = next(i for i in SignalFeatures.__table__.indexes if i.name == "ix_signal_features_bucket_embedding")
    embeddings.create(engine, checkfirst=True)
    engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("DROP INDEX IF EXISTS ix_signal_features_bucket")
        columns = {row[1] for row in raw.execute("PRAGMA table_info(signal_features)")}
        if "proposal_id" in columns:
            return
        raw.execute("ALTER TABLE signal_features ADD COLUMN proposal_id INTEGER")
        raw.execute("CREATE INDEX ix_signal_features_proposal_id ON signal_features (proposal_id)")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        _point_members(connection)
    engine.dispose()


def main() -> None:
    from signals.proposals import refresh_proposals

    count = int(os.environ.get("BENCH_PROPOSAL_SIGNALS", 1_000_000))
    path = os.environ.get("BENCH_PROPOSAL_DB", f"/tmp/knelpunt-proposals-bench-{count}.db")
    rng = random.Random(15)
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _as_the_app(dbapi_connection, _record):  # the app's SQLite settings (app/__init__.py)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    stored = 0
    if os.path.exists(path):
        with Session(engine) as session:
            stored = session.scalar(select(func.count(ProposalIndex.id))) and session.scalar(
                select(func.count(SignalFeatures.signal_id))
            )
    if stored < count:
        print(f"building a database of {count:,} signals in {path} ...")
        print(f"built in {build(path, count, rng):.0f} s (once)")
    else:
        _upgrade(path)
    _pool_bags, _texts, queries = _pool()
    embedding, embedding_cpu = [], []
    original = proposal_embed.embed

    def timed_embed(texts):  # the sentence model's share, reported apart
        started, started_cpu = time.perf_counter(), time.process_time()
        try:
            return original(texts)
        finally:
            embedding.append(time.perf_counter() - started)
            embedding_cpu.append(time.process_time() - started_cpu)

    proposal_embed.embed = timed_embed
    with Session(engine) as session:
        sizes = np.array(
            [
                n
                for (n,) in session.execute(
                    select(func.count()).select_from(SignalFeatures).group_by(SignalFeatures.bucket)
                )
            ]
        )
        centroids = len(np.frombuffer(session.get(ProposalIndex, 1).centroids, dtype=np.float32)) // proposal_embed.DIM
        print(
            f"{count:,} signals in {centroids} buckets (signals per bucket: median {int(np.median(sizes))}, max {sizes.max()})"
        )
        timings, placing, embedded, cpu, loaded, outcomes = [], [], [], [], [], Counter()
        embedded_cpu: list[float] = []
        for n in range(int(os.environ.get("BENCH_PROPOSAL_NEW", 40))):
            title, description = rng.choice(queries)
            signal = Signal(
                status="received",
                title=title,
                description=f"{description} ({n})",
                channel_code="GEM-BL",
                organisation_code="GEM",
                routing_suggestions=[],
            )
            session.add(signal)
            session.commit()
            started, started_cpu = time.perf_counter(), time.process_time()
            result = refresh_proposals(session, full=False)
            session.commit()
            timings.append(time.perf_counter() - started)
            placing.append(timings[-1] - sum(embedding))
            embedded.append(sum(embedding))
            embedding.clear()
            cpu.append(time.process_time() - started_cpu - sum(embedding_cpu))
            embedded_cpu.append(sum(embedding_cpu))
            embedding_cpu.clear()
            loaded.append(result.loaded)
            outcomes["joined" if result.grown else "new proposal" if result.created else "waits"] += 1
            session.expunge_all()

    def pct(values, share):
        ordered = sorted(values)
        return ordered[max(0, math.ceil(len(ordered) * share) - 1)] * 1000

    p95 = pct(placing, 0.95)
    print(
        f"incremental refresh for one new signal without its embedding (buckets, neighbourhood, placing, summary; "
        f"SQLite): p50 {pct(placing, 0.5):.0f} ms, p95 {p95:.0f} ms, max {pct(placing, 1.0):.0f} ms over {len(placing)} signals "
        f"(target < {TARGET_MS:.0f} ms: {'met' if p95 < TARGET_MS else 'NOT met'}); {dict(outcomes)}"
    )
    print(
        f"with the embedding (the sentence model reading the text, once per signal): p50 {pct(timings, 0.5):.0f} ms, "
        f"p95 {pct(timings, 0.95):.0f} ms; the embedding alone p50 {pct(embedded, 0.5):.0f} ms wall, {pct(embedded_cpu, 0.5):.0f} ms CPU; "
        f"CPU with the embedding p50 {statistics.median([a + b for a, b in zip(cpu, embedded_cpu, strict=True)]) * 1000:.0f} ms"
    )
    print(
        f"CPU per signal without the embedding: p50 {statistics.median(cpu) * 1000:.0f} ms, p95 {pct(cpu, 0.95):.0f} ms; signals read per new signal: median {int(statistics.median(loaded))}, "
        f"max {max(loaded)} of {count:,}; load average {os.getloadavg()[0]:.1f}"
    )
    print(
        json.dumps(
            {
                "signals": count,
                "placing_p50_ms": round(pct(placing, 0.5)),
                "placing_p95_ms": round(p95),
                "with_embedding_p50_ms": round(pct(timings, 0.5)),
                "placing_cpu_p50_ms": round(statistics.median(cpu) * 1000),
            }
        )
    )


if __name__ == "__main__":
    main()
