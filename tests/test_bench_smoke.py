"""bench.generate and bench.run work end to end on a small SQLite database (figures are not checked)."""

import subprocess
import sys
from pathlib import Path

from bench import run

ROOT = Path(__file__).resolve().parent.parent


def test_generate_then_run_prints_every_row(tmp_path):
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    generated = subprocess.run(
        [sys.executable, "-m", "bench.generate", "--signals", "2000", "--db", url],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert generated.returncode == 0, generated.stderr[-2000:]
    assert "2,000 signals" in generated.stdout
    measured = subprocess.run(
        [sys.executable, "-m", "bench.run", "--db", url, "--quick", "--letter-formats", "html,csv,xlsx"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert measured.returncode == 0, measured.stderr[-3000:]
    table = measured.stdout
    expected = [label for label, _email, _path in run.PAGES] + [label for label, _path in run.API_LISTS] + [
        "letter data (year)",
        "letter API JSON (year)",
        "letter HTML (year)",
        "letter CSV (year)",
        "letter XLSX (year)",
        "import-signals CSV",
        "intake POST /api/v1/signals",
    ]
    for label in expected:
        assert f"| {label}" in table, f"{label} missing from:\n{table}"
    assert "2,0" in table.splitlines()[0]  # the header names the data set's size
