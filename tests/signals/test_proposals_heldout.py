"""Proposals on planted groups that were never tuned on (tests/signals/proposal_heldout.py), two ways:

* all signals present, one full refresh (what the first look at the screen, ``knelpunten propose
  --full`` or the nightly run does);
* the noise present and indexed first, then the groups' signals arriving later and placed by the
  incremental refresh alone (what ``deadlines check`` / a read of the proposals does between nightly runs).

Prints the figures against issue 15's targets (>= 90% of groups found with >= 3/4 of their signals,
<= 10% foreign signals in their proposals); fails only below the level measured when this set was
first run (see FLOOR_*), so a change that makes grouping worse is caught. The same arrival path is
measured on the tuning corpus (``proposal_corpus``), which is what one may look at while tuning.
"""

from __future__ import annotations

from signals.models import utcnow
from signals.proposals import list_proposals_for, refresh_proposals
from tests.signals import proposal_heldout
from tests.signals.proposal_corpus import GROUPS, noise_signals, preload_vectors
from tests.signals.test_proposals import NOISE, TARGET_FOREIGN, TARGET_FOUND, _measure, _plant

#: the held-out set's figures, less a margin. Clustered whole (2026-12-01, round 4): 5 of 8 groups
#: found, 4.4% foreign. (Measured first with weights tuned on the corpus that round - words and meaning
#: half each, concepts as much as words: 2 of 8 and 30% - which were then dropped for the earlier
#: ones, see the README.) Arriving after the noise and placed only incrementally: 4 of 8, 23.9% in round
#: 4; 5 of 8, 11.1% since the incremental refresh takes out of a proposal what its clustering no longer
#: keeps (round 5; this set had been seen by then).
#: Round 7 applies the neighbourhood's clustering as a full refresh applies the window's: arriving 6 of
#: 8, 2.2% (was 5 of 8, 10.9%).
FLOOR_FULL_FOUND = 0.6
FLOOR_FULL_FOREIGN = 0.1
FLOOR_ARRIVAL_FOUND = 0.6
FLOOR_ARRIVAL_FOREIGN = 0.1
#: the tuning corpus arriving incrementally, less a margin: 16 of 19 found, 27.0% foreign in round 4;
#: 15 of 19, 19.4% in round 5; 18 of 19, 19.1% in round 7 (clustered whole: 17 of 19, 17.9%)
FLOOR_TUNING_ARRIVAL_FOUND = 0.85
FLOOR_TUNING_ARRIVAL_FOREIGN = 0.23


def _noise():
    return [n for n in noise_signals(NOISE) if n[0] not in proposal_heldout.SAME_PROBLEM_IN_NOISE]


def _report(label: str, proposals, truth, groups) -> tuple[float, float]:
    print(f"{label}:")
    m = _measure(proposals, truth, None, groups=groups)
    found, foreign = m["found"] / m["groups"], m["foreign"] / max(1, m["in_proposals"])
    print(
        f"  gevonden {m['found']}/{m['groups']} ({found:.0%}, doel >= {TARGET_FOUND:.0%}: {'gehaald' if found >= TARGET_FOUND else 'NIET gehaald'}); "
        f"vreemd {m['foreign']}/{m['in_proposals']} ({foreign:.1%}, doel <= {TARGET_FOREIGN:.0%}: {'gehaald' if foreign <= TARGET_FOREIGN else 'NIET gehaald'})"
    )
    return found, foreign


def _full(db, make_user, groups, noise, label: str) -> tuple[float, float]:
    """All signals present and one full refresh; prints and returns (found, foreign) as shares."""
    now = utcnow()
    truth = _plant(db, make_user, now, groups=groups, noise=noise)
    refresh_proposals(db.session, now=now, full=True)
    db.session.commit()
    proposals = list_proposals_for(db.session, make_user("coordinator", "BZK"))
    print(f"\n{len(truth)} signalen, {len(proposals)} voorstellen")
    return _report(label, proposals, truth, groups)


def _with_vectors(monkeypatch, *held_out_sets) -> None:
    """Proposals with the sentence model, its vectors of the corpus and of ``held_out_sets`` preloaded."""
    monkeypatch.setenv("KNELPUNT_PROPOSAL_EMBEDDINGS", "on")
    preload_vectors()
    for held_out in held_out_sets:
        held_out.preload_vectors()


def _arrival(db, make_user, groups, noise, label: str) -> tuple[float, float]:
    """Noise first and a full refresh (the index), then the groups arrive and only incremental
    refreshes run - in batches of ten, as a cron job every few minutes would see them; prints and
    returns (found, foreign) as shares."""
    now = utcnow()
    truth = _plant(db, make_user, now, groups=[], noise=noise)
    refresh_proposals(db.session, now=now, full=True)
    db.session.commit()
    planted = _plant(db, make_user, now, groups=groups, noise=[])
    truth.update(planted)
    # _plant stored them all at once; let the incremental refresh see them ten at a time, oldest first
    order = sorted(planted)
    modes = set()
    for start in range(0, len(order), 10):
        modes.add(_refresh_only(db, order[start + 10 :]).mode)
    assert modes == {"incremental"}
    proposals = list_proposals_for(db.session, make_user("coordinator", "BZK"))
    return _report(label, proposals, truth, groups)


def _refresh_only(db, hidden):
    """One incremental refresh that does not see ``hidden`` yet (parked on a status outside the
    window - merged - and restored afterwards)."""
    from signals.models import Signal

    statuses = {s.id: s.status for s in db.session.query(Signal).filter(Signal.id.in_(hidden))}
    for signal in db.session.query(Signal).filter(Signal.id.in_(hidden)):
        signal.status = "merged"
    db.session.commit()
    result = refresh_proposals(db.session, full=False)
    db.session.commit()
    for signal in db.session.query(Signal).filter(Signal.id.in_(hidden)):
        signal.status = statuses[signal.id]
    db.session.commit()
    return result


def test_held_out_groups_full_refresh(db, make_user, monkeypatch):
    _with_vectors(monkeypatch, proposal_heldout)
    groups = proposal_heldout.HELD_OUT_GROUPS
    found, foreign = _full(db, make_user, groups, _noise(), "achtergehouden groepen (nieuw, 2026-12-01), volledige herberekening")
    assert found >= FLOOR_FULL_FOUND
    assert foreign <= FLOOR_FULL_FOREIGN


def test_held_out_groups_arriving_incrementally(db, make_user, monkeypatch):
    _with_vectors(monkeypatch, proposal_heldout)
    groups = proposal_heldout.HELD_OUT_GROUPS
    found, foreign = _arrival(db, make_user, groups, _noise(), "\nachtergehouden groepen, binnenkomend en alleen incrementeel geplaatst")
    assert found >= FLOOR_ARRIVAL_FOUND
    assert foreign <= FLOOR_ARRIVAL_FOREIGN


def test_tuning_groups_arriving_incrementally(db, make_user, monkeypatch):
    """The arrival path on the tuning corpus (what may be looked at while tuning)."""
    _with_vectors(monkeypatch)
    found, foreign = _arrival(db, make_user, GROUPS, noise_signals(NOISE), "\nafstemgroepen, binnenkomend en alleen incrementeel geplaatst")
    assert found >= FLOOR_TUNING_ARRIVAL_FOUND
    assert foreign <= FLOOR_TUNING_ARRIVAL_FOREIGN
