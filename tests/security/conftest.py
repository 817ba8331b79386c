"""Print what the security tests counted (routes x roles checked, fuzz cases, submissions across a kill)."""

from tests.security import SUMMARY


def pytest_terminal_summary(terminalreporter):
    for line in SUMMARY:
        terminalreporter.write_line(line)
