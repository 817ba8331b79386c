"""Proposals on the eighth held-out set (tests/signals/proposal_heldout_8.py: 12 problems over ten
ministries, two a samenloop, ten naming no law or scheme), written before the second pass of the tenth
round changed anything, run once on that pass's starting code and once on its final code. The same two
paths as the earlier held-out sets:

* all signals present, one full refresh (what a window of up to 2,000 signals - a small installation,
  an outside check posting through the API - gets on every read, and what the nightly run does);
* the noise present and indexed first, then the groups' signals arriving ten at a time and placed by
  the incremental refresh alone.

Prints the figures against issue 15's targets; fails only below what it printed, less a margin
(FLOOR_*), so a change that makes grouping worse is caught.
"""

from __future__ import annotations

from tests.signals import proposal_heldout_8
from tests.signals.proposal_corpus import noise_signals
from tests.signals.test_proposals import NOISE
from tests.signals.test_proposals_heldout import _arrival, _full, _with_vectors

GROUPS = proposal_heldout_8.HELD_OUT_GROUPS
#: the first run, on the tenth round's code after its first pass (2026-12-02, after the set was committed
#: and before the second pass changed anything; SQLite): clustered whole 6 of 12 found, 19.8% foreign
#: (17 of 86); arriving incrementally 8 of 12, 15.5% (13 of 84). The second pass kept nothing (the routing
#: model's view as a second similarity did not pass the seen sets; README), so the run on its final code
#: gave the same figures. The floors are those figures less about one group.
FLOOR_FULL_FOUND = 0.41
FLOOR_FULL_FOREIGN = 0.26
FLOOR_ARRIVAL_FOUND = 0.58
FLOOR_ARRIVAL_FOREIGN = 0.22


def test_eighth_held_out_set_full_refresh(db, make_user, monkeypatch):
    _with_vectors(monkeypatch, proposal_heldout_8)
    found, foreign = _full(db, make_user, GROUPS, noise_signals(NOISE), "achtste achtergehouden set (2026-12-02), volledige herberekening")
    assert found >= FLOOR_FULL_FOUND
    assert foreign <= FLOOR_FULL_FOREIGN


def test_eighth_held_out_set_arriving_incrementally(db, make_user, monkeypatch):
    _with_vectors(monkeypatch, proposal_heldout_8)
    found, foreign = _arrival(db, make_user, GROUPS, noise_signals(NOISE), "\nachtste achtergehouden set, binnenkomend en alleen incrementeel geplaatst")
    assert found >= FLOOR_ARRIVAL_FOUND
    assert foreign <= FLOOR_ARRIVAL_FOREIGN
