"""Fixtures of the reports tests."""

import pytest

from tests.reports.factories import cleanup_letters


@pytest.fixture(autouse=True)
def _clean_letters(db):
    yield
    cleanup_letters(db)
