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


def _scratch_database(tmp_path):
    """A URL of an empty database of the suite's kind: a SQLite file, or a PostgreSQL database of its own."""
    import os

    from sqlalchemy import create_engine, make_url, text

    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        return f"sqlite:///{tmp_path / 'upgrade.db'}", None
    base = make_url(url)
    name = f"{base.database}_upgrade"
    server = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop():
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        server.dispose()

    return base.set(database=name).render_as_string(hide_password=False), drop


def test_upgrade_only_adds_what_an_older_bench_database_lacks_and_fills_it(tmp_path):
    """An older bench database (here: without the stored deadline moments) is brought to the models by
    --upgrade-only, columns filled as the generator would have: on PostgreSQL it once waited forever on
    its own ALTER, inspecting over a second connection."""
    from sqlalchemy import create_engine, text

    url, drop = _scratch_database(tmp_path)
    try:
        generated = subprocess.run(
            [sys.executable, "-m", "bench.generate", "--signals", "300", "--db", url],
            cwd=ROOT, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert generated.returncode == 0, generated.stderr[-2000:]
        engine = create_engine(url)
        with engine.begin() as connection:
            expected = connection.execute(text("SELECT id, late_from, very_late_from FROM signal ORDER BY id")).all()
            connection.execute(text("ALTER TABLE signal DROP COLUMN very_late_from"))
            connection.execute(text("ALTER TABLE signal DROP COLUMN late_from"))
        upgraded = subprocess.run(
            [sys.executable, "-m", "bench.generate", "--db", url, "--upgrade-only"],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert upgraded.returncode == 0, upgraded.stderr[-2000:]
        assert "signal.late_from" in upgraded.stdout and "signal.very_late_from" in upgraded.stdout
        with engine.connect() as connection:
            assert connection.execute(text("SELECT id, late_from, very_late_from FROM signal ORDER BY id")).all() == expected
        engine.dispose()
        assert any(row.late_from is not None for row in expected)  # some clocks run in the data set
    finally:
        if drop:
            drop()
