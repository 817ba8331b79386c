"""The seen sets of planted groups - the tuning corpus and held-out sets 1 to 6, all read while the
grouping was tuned - as embeddings, for what is learned from them (signals.proposal_embed's
projection). Held-out 7 and later are not here: they estimate unseen problems."""

from __future__ import annotations

import numpy as np

from signals import proposal_embed
from tests.signals import (
    proposal_corpus,
    proposal_heldout,
    proposal_heldout_2,
    proposal_heldout_3,
    proposal_heldout_4,
    proposal_heldout_5,
    proposal_heldout_6,
)

#: name -> module with the set's groups (HELD_OUT_GROUPS, or GROUPS for the corpus) and shipped VECTORS
SEEN = {
    "corpus": proposal_corpus,
    "heldout_1": proposal_heldout,
    "heldout_2": proposal_heldout_2,
    "heldout_3": proposal_heldout_3,
    "heldout_4": proposal_heldout_4,
    "heldout_5": proposal_heldout_5,
    "heldout_6": proposal_heldout_6,
}


def _shipped() -> dict[str, np.ndarray]:
    vectors: dict[str, np.ndarray] = {}
    for module in SEEN.values():
        with np.load(module.VECTORS) as data:
            for key, row in zip(data["keys"].tolist(), data["vectors"], strict=True):
                vectors[key] = proposal_embed.unpack(row.tobytes())
    return vectors


def seen_sets() -> dict[str, tuple[list[np.ndarray], np.ndarray]]:
    """name -> (each planted group's paraphrases as unit embeddings, the noise of that set's window)."""
    shipped = _shipped()

    def rows(items) -> np.ndarray:
        return np.stack([shipped[proposal_embed.digest(proposal_embed.signal_text(title, description))] for title, description, *_ in items])

    from tests.signals.test_proposals import NOISE  # the windows' noise, as the tests plant it

    noise = proposal_corpus.noise_signals(NOISE)
    found = {}
    for name, module in SEEN.items():
        groups = getattr(module, "HELD_OUT_GROUPS", None) or module.GROUPS
        # held-out 1's window leaves out noise that describes one of its problems (as its test does)
        window_noise = [n for n in noise if n[0] not in proposal_heldout.SAME_PROBLEM_IN_NOISE] if module is proposal_heldout else noise
        found[name] = ([rows(group["signals"]) for group in groups], rows(window_noise))
    return found
