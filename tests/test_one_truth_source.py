"""Issue 8: permission and lateness rules live in their own modules; this test reads the source and
fails when a role comparison or a clock-status literal appears anywhere else.

Ask ``signals.permissions`` (in templates its questions are globals: ``may_split(current_user, signal)``)
and use the status groups of ``signals.deadlines`` (CLOCK_RUNNING_STATUSES, PAUSED_STATUSES, ...).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("app", "signals", "reports")
#: the modules that own the rules (and the demo seeding data, which names roles and goal states)
OWNERS = {
    "signals/permissions.py",
    "signals/deadlines.py",
    "signals/workflow.py",
    "signals/vocabulary.py",
    "signals/demo.py",
}

ROLE_COMPARISON = re.compile(r"\.role\s*(==|!=|\bin\b|\bnot\s+in\b)")
ROLE_LITERAL = re.compile(r"""["'](frontline|triage|coordinator|liaison|admin|system)["']""")
CLOCK_GROUP = re.compile(r"""["']routed["']\s*,\s*["']in_progress["']|["']in_progress["']\s*,\s*["']needs_info["']""")
CLOCK_COMPARISON = re.compile(r"""status\s*(==|!=)\s*["'](routed|in_progress|needs_info)["']""")


def _offences() -> list[str]:
    found = []
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*")):
            if path.suffix not in (".py", ".html") or "translations" in path.parts:
                continue
            relative = path.relative_to(ROOT).as_posix()
            if relative in OWNERS:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if "Blueprint(" in line:  # blueprint names, not roles
                    continue
                for name, pattern in (
                    ("role comparison", ROLE_COMPARISON),
                    ("role literal", ROLE_LITERAL),
                    ("clock-status literal", CLOCK_GROUP),
                    ("clock-status comparison", CLOCK_COMPARISON),
                ):
                    if pattern.search(line):
                        found.append(f"{relative}:{number}: {name}: {line.strip()[:120]}")
    return found


def test_no_role_comparison_or_clock_status_literal_outside_the_owning_modules():
    offences = _offences()
    assert offences == [], "ask signals.permissions / use signals.deadlines instead:\n" + "\n".join(offences)


def test_the_scan_finds_what_it_looks_for():
    """The patterns catch the shapes that were found in the code before issue 8."""
    assert ROLE_COMPARISON.search('if current_user.role == "triage":')
    assert ROLE_COMPARISON.search("{% if current_user.role in ('triage', 'coordinator') %}")
    assert ROLE_LITERAL.search('@role_required("admin")')
    assert CLOCK_GROUP.search('Signal.status.in_(("routed", "in_progress"))')
    assert CLOCK_COMPARISON.search("signal.status == 'needs_info'")
    assert not ROLE_LITERAL.search("url_for('admin.users')")
