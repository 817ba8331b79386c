"""Security tests: authorization matrix, API fuzzing, durability, backups."""

#: lines printed at the end of the test session (tests/security/conftest.py)
SUMMARY: list[str] = []
