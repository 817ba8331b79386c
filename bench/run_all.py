"""Run every bench script in this folder: `python -m bench.run_all`."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def main() -> None:
    """Import each bench module and call its main()."""
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if module.name in ("__init__", "run_all"):
            continue
        print(f"== bench.{module.name} ==", flush=True)
        importlib.import_module(f"bench.{module.name}").main()


if __name__ == "__main__":
    main()
