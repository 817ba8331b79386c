"""Time the privacy guard: import cost and masking 2,000-character frontline notes.

`python -m bench.privacy [--runs N]` prints the import (startup) cost of the guard,
p50/p95/max milliseconds to mask one 2,000-character text built from the corpus,
and the holdout recall and precision for reference.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def _startup_seconds() -> float:
    """Seconds to import the guard in a fresh interpreter, minus a bare interpreter's start."""
    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    bare = min(run("pass") for _ in range(3))
    guard = min(run("import signals.privacy; signals.privacy.mask_personal_data('Mevrouw Jansen')") for _ in range(3))
    return guard - bare


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args(argv or [])
    start = time.perf_counter()
    sum(i for i in range(200_000))
    print(f"machine check: a 200k-step Python loop takes {(time.perf_counter() - start) * 1000:.1f} ms (shows how busy the machine is)")
    print(f"startup (import + first call): {_startup_seconds() * 1000:.0f} ms")

    from signals.privacy import find_personal_data, mask_personal_data
    from signals.privacy_eval import load_corpus, score

    notes = load_corpus()
    texts = []
    for offset in range(args.runs):
        chunk, i = [], offset
        while sum(len(t) + 1 for t in chunk) < 2000:
            chunk.append(notes[i % len(notes)]["text"])
            i += 7
        texts.append(" ".join(chunk)[:2000])
    timings, cpu = [], []
    for text in texts:
        start, start_cpu = time.perf_counter(), time.process_time()
        mask_personal_data(text)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    timings.sort()
    cpu.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"mask 2,000 chars: p50 {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms, max {timings[-1]:.2f} ms ({len(timings)} texts)")
    # CPU time of this process alone: what the wall clock would show on an idle machine
    print(f"  CPU time: p50 {statistics.median(cpu):.2f} ms, p95 {cpu[int(len(cpu) * 0.95) - 1]:.2f} ms")
    result = score(load_corpus(part="holdout"), lambda t: [(s, e) for s, e, _k in find_personal_data(t)])
    print("holdout:\n  " + "\n  ".join(result.lines()))


if __name__ == "__main__":
    main(sys.argv[1:])
