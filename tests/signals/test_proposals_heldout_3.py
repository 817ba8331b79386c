"""Proposals on the third held-out set (tests/signals/proposal_heldout_3.py: 12 problems over eight
ministries, two a samenloop, six naming no law), written before the sixth round's tuning, run once on
that round's starting code and once on its final code. The same two paths as the earlier held-out sets:

* all signals present, one full refresh (what a window of up to 2,000 signals - a small installation,
  an outside check posting through the API - gets on every read, and what the nightly run does);
* the noise present and indexed first, then the groups' signals arriving ten at a time and placed by
  the incremental refresh alone.

Prints the figures against issue 15's targets; fails only below what it printed, less a margin
(FLOOR_*), so a change that makes grouping worse is caught.
"""

from __future__ import annotations

from tests.signals import proposal_heldout_3
from tests.signals.proposal_corpus import noise_signals
from tests.signals.test_proposals import NOISE
from tests.signals.test_proposals_heldout import _arrival, _full, _with_vectors

GROUPS = proposal_heldout_3.HELD_OUT_GROUPS
#: the first run, on round 5's final code (2026-12-01, before this round changed anything), less about
#: one group: clustered whole 7 of 12 found, 19.4% foreign; arriving incrementally 6 of 12, 23.0%
#: The setting round 6 then tuned on the three seen sets (half features, half meaning, MIN_COHESION 0.2,
#: MERGE_RATIO 0.65) measured 4 of 12, 23.0% and 3 of 12, 33.3% here and was not kept: this set has chosen
#: between two settings once, so the figures above are a little optimistic as an estimate for unseen problems.
FLOOR_FULL_FOUND = 0.5
FLOOR_FULL_FOREIGN = 0.24
#: Routing's sixth-round model (corpus label audit, retrained artifact) reads some of this set's signals
#: differently; with it the incremental path finds 4 of 12 (was 6; foreign 22.5%, was 23.0%), the full
#: refresh is unchanged. The floor is that, less about one group.
#: Round 7 (the neighbourhood's clustering applied as a full refresh applies the window's): arriving 6 of
#: 12, 22.7% (4 of 12, 22.5% before; clustered whole 7 of 12, 19.2%)
FLOOR_ARRIVAL_FOUND = 0.4
FLOOR_ARRIVAL_FOREIGN = 0.28


def test_third_held_out_set_full_refresh(db, make_user, monkeypatch):
    _with_vectors(monkeypatch, proposal_heldout_3)
    found, foreign = _full(db, make_user, GROUPS, noise_signals(NOISE), "derde achtergehouden set (2026-12-01), volledige herberekening")
    assert found >= FLOOR_FULL_FOUND
    assert foreign <= FLOOR_FULL_FOREIGN


def test_third_held_out_set_arriving_incrementally(db, make_user, monkeypatch):
    _with_vectors(monkeypatch, proposal_heldout_3)
    found, foreign = _arrival(db, make_user, GROUPS, noise_signals(NOISE), "\nderde achtergehouden set, binnenkomend en alleen incrementeel geplaatst")
    assert found >= FLOOR_ARRIVAL_FOUND
    assert foreign <= FLOOR_ARRIVAL_FOREIGN
