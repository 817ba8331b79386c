"""Proposed knelpunten: planted groups of paraphrased signals among realistic noise are found whole and pure.

The corpus (tests/signals/proposal_corpus.py) holds groups written in different words, from
different channels, organisations and months; some were held back while tuning. This test
prints the figures per group (the targets of issue 15 as met or not) and fails below the level reached.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from signals.intake import decide_routing
from signals.models import Proposal, Signal, SignalFeatures, SignalMinistry, SignalRegulation, utcnow
from signals.proposals import list_proposals_for, refresh_proposals
from signals.reference import find_regulation
from signals.routing import DEFAULT_THRESHOLD
from tests.signals.proposal_corpus import GROUPS, noise_signals, preload_vectors

NOISE = 520
FOUND_SHARE = 0.75  # a group counts as found when one proposal holds three quarters of it
#: the targets of issue 15 - printed as met or not met
TARGET_FOUND = 0.90
TARGET_FOREIGN = 0.10
#: (since 2026-12-01 every group of this corpus has been looked at while tuning; the groups held out
#: from tuning are in proposal_heldout.py, measured by test_proposals_heldout.py)
#: what the current method reaches on the HELD-OUT groups (7/8 found, 15.8% foreign with centred
#: embeddings and the in-degree pruning; 20.6% before; tuning groups 10/11, 19.3%); the test fails below it with a small margin, so
#: a change that makes grouping worse is caught. The foreign target above is NOT met (see the printed
#: figures); raise these to the targets once they are.
FLOOR_FOUND = 0.85
FLOOR_FOREIGN = 0.17


def _plant(db, make_user, now, seed=11, groups=None, noise=None):
    """Store the groups and the noise, routed as intake routes them, spread over five months; returns
    signal id -> group key. Rows are written directly (no deadlines, mails or audit trail: that is
    intake's business and tested there), which keeps this measurement quick."""
    rng = random.Random(seed)
    submitter = make_user("frontline", "GEM")
    rows = []
    for group in GROUPS if groups is None else groups:
        for n, (title, description, channel, org, regs) in enumerate(group["signals"]):
            rows.append((group["key"], title, description, channel, org, regs, (n % 5) * 30 + rng.randint(0, 25)))
    for title, description, channel, org, regs in noise_signals(NOISE) if noise is None else noise:
        rows.append((None, title, description, channel, org, regs, rng.randint(0, 165)))
    rng.shuffle(rows)
    rows.sort(key=lambda r: -r[6])  # oldest first, as they would arrive
    truth = {}
    for key, title, description, channel, org, regs, days_ago in rows:
        regulations = [find_regulation(db.session, code) for code in regs]
        decision = decide_routing(db.session, regulations, f"{title}\n{description}", DEFAULT_THRESHOLD)
        at = now - dt.timedelta(days=days_ago, hours=rng.randint(0, 23))
        signal = Signal(
            status="routed" if decision.is_routed else "received",
            title=title,
            description=description,
            channel_code=channel,
            organisation_code=org,
            submitter_id=submitter.id,
            routing_method=decision.method,
            routing_confidence=decision.confidence,
            routing_suggestions=decision.alternatives,
            created_at=at,
            updated_at=at,
        )
        codes = regs or decision.regulations
        for position, code in enumerate(codes):
            signal.regulation_links.append(SignalRegulation(regulation_id=find_regulation(db.session, code).id, position=position))
        if decision.is_routed:
            signal.ministry_links.append(SignalMinistry(ministry_code=decision.ministry, is_lead=True))
            for code in decision.co_ministries:
                signal.ministry_links.append(SignalMinistry(ministry_code=code, is_lead=False))
        db.session.add(signal)
        db.session.flush()
        signal.reference = f"SIG-{at.year}-{signal.id:06d}"
        truth[signal.id] = key
    db.session.commit()
    return truth


def _measure(proposals: list[Proposal], truth: dict[int, str | None], held_out: bool | None, groups=None) -> dict:
    sizes = Counter(k for k in truth.values() if k)
    keys = {g["key"] for g in (GROUPS if groups is None else groups) if held_out is None or g.get("held_out", True) == held_out}
    best: dict[str, int] = {}
    in_proposals = foreign = 0
    for proposal in proposals:
        members = Counter(truth.get(i) for i in proposal.signal_ids)
        named = [(k, n) for k, n in members.items() if k]
        if not named:
            continue
        key, n = max(named, key=lambda kv: kv[1])
        if key not in keys:
            continue
        in_proposals += len(proposal.signal_ids)
        foreign += len(proposal.signal_ids) - n
        best[key] = max(best.get(key, 0), n)
    found = [k for k in keys if best.get(k, 0) >= FOUND_SHARE * sizes[k]]
    for key in sorted(keys):
        print(f"  {key:34} {best.get(key, 0)}/{sizes[key]} {'gevonden' if key in found else 'GEMIST'}")
    return {"groups": len(keys), "found": len(found), "in_proposals": in_proposals, "foreign": foreign}


def test_planted_groups_are_proposed_whole_and_pure(db, make_user, monkeypatch):
    monkeypatch.setenv("KNELPUNT_PROPOSAL_EMBEDDINGS", "on")
    preload_vectors()  # the corpus's sentence embeddings, computed once (python -m tests.signals.proposal_corpus)
    now = utcnow()
    truth = _plant(db, make_user, now)
    result = refresh_proposals(db.session, now=now, full=True)
    db.session.commit()
    coordinator = make_user("coordinator", "BZK")
    proposals = list_proposals_for(db.session, coordinator)
    noise_only = sum(1 for p in proposals if not any(truth.get(i) for i in p.signal_ids))
    print(f"\n{len(truth)} signalen ({NOISE} ruis), {len(proposals)} voorstellen ({result.mode}), waarvan {noise_only} alleen ruis")
    figures = {}
    for label, held in (("afgesteld", False), ("achtergehouden", True), ("alle", None)):
        print(f"groepen {label}:")
        figures[label] = m = _measure(proposals, truth, held)
        share = m["foreign"] / max(1, m["in_proposals"])
        print(f"  gevonden {m['found']}/{m['groups']} ({m['found'] / m['groups']:.0%}); vreemd {m['foreign']}/{m['in_proposals']} ({share:.1%})")
    held = figures["achtergehouden"]
    found, foreign = held["found"] / held["groups"], held["foreign"] / max(1, held["in_proposals"])
    print(
        f"achtergehouden groepen: doel >= {TARGET_FOUND:.0%} gevonden: {'gehaald' if found >= TARGET_FOUND else 'NIET gehaald'}; "
        f"doel <= {TARGET_FOREIGN:.0%} vreemd: {'gehaald' if foreign <= TARGET_FOREIGN else 'NIET gehaald'}"
    )
    assert found >= FLOOR_FOUND
    assert foreign <= FLOOR_FOREIGN
    _check_incremental(db, truth, proposals)


def _check_incremental(db, truth, proposals):
    """Take the newest signal of each found group out again and let the incremental path place it:
    does it join its group's proposal without clustering everything again?"""
    home = {}
    for proposal in proposals:
        members = Counter(truth.get(i) for i in proposal.signal_ids if truth.get(i))
        for key, n in members.items():
            if n >= 3 and n > home.get(key, (None, 0))[1]:
                home[key] = (proposal, n)
    newest = {}
    for signal_id, key in truth.items():
        if key in home and signal_id in home[key][0].signal_ids:
            newest[key] = max(newest.get(key, 0), signal_id)
    for key, signal_id in newest.items():
        proposal = home[key][0]
        proposal.signal_ids = [i for i in proposal.signal_ids if i != signal_id]
        db.session.delete(db.session.get(SignalFeatures, signal_id))
    db.session.commit()
    result = refresh_proposals(db.session, full=False)
    db.session.commit()
    assert result.mode == "incremental" and result.considered == len(newest)
    rejoined = sum(1 for key, signal_id in newest.items() if signal_id in db.session.get(Proposal, home[key][0].id).signal_ids)
    print(
        f"incrementeel: {rejoined}/{len(newest)} nieuwste signalen weer bij het voorstel van hun groep; "
        f"{result.loaded} van {len(truth)} signalen gelezen"
    )
    assert rejoined >= 0.7 * len(newest)
    # one new signal alone: its own buckets and the proposal it joins, a small part of the window
    key, signal_id = next(iter(newest.items()))
    proposal = db.session.get(Proposal, home[key][0].id)
    proposal.signal_ids = [i for i in proposal.signal_ids if i != signal_id]
    db.session.delete(db.session.get(SignalFeatures, signal_id))
    db.session.commit()
    result = refresh_proposals(db.session, full=False)
    db.session.commit()
    print(f"incrementeel, één nieuw signaal: {result.loaded} van {len(truth)} signalen gelezen")
    assert result.mode == "incremental" and result.considered == 1
    assert signal_id in db.session.get(Proposal, proposal.id).signal_ids
    assert result.loaded < 0.35 * len(truth)
