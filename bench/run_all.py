"""Run every bench script: `python -m bench.run_all` (make bench).

The older scripts (core_loop, letter) run as they are; then bench.generate fills a temporary
SQLite database with BENCH_SIGNALS signals (default 50 000), bench.run prints its table,
bench.filters times the lists with their filters and bench.intake_cpu the CPU of a post.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import tempfile
from pathlib import Path

#: modules that are not stand-alone benchmarks (or run below with arguments)
NOT_SCRIPTS = {"__init__", "run_all", "generate", "run", "wsgi", "filters", "intake_cpu"}


def main() -> None:
    """Import each bench module and call its main(); then generate + run."""
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if module.name in NOT_SCRIPTS:
            continue
        print(f"== bench.{module.name} ==", flush=True)
        importlib.import_module(f"bench.{module.name}").main()
    from bench import filters, generate, intake_cpu, run

    signals = os.environ.get("BENCH_SIGNALS", "50000")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        print(f"== bench.generate --signals {signals} ==", flush=True)
        generate.main(["--signals", signals, "--db", url])
        print("== bench.run ==", flush=True)
        run.main(["--db", url])
        print("== bench.filters ==", flush=True)
        filters.main(["--db", url, "--repeat", "3"])
        print("== bench.intake_cpu ==", flush=True)
        intake_cpu.main(["--db", url, "--posts", "100"])


if __name__ == "__main__":
    main()
