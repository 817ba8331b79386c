"""Full-text search finds signals by words, prefixes and without accents, within the user's scope."""

from __future__ import annotations

import pytest

from signals.access import list_signals_for


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("boodschappen", True),
        ("boodschap", True),  # prefix
        ("BOODSCHAPPEN moeder", True),
        ("client", True),  # cliënt without the diaeresis
        ("huurtoeslag", False),
        ("SIG-", True),
        ("", True),
    ],
)
def test_fulltext_search(db, make_signal, make_user, query, found):
    signal = make_signal(title="Boodschappen van moeder", description="De cliënt kreeg boodschappen van zijn moeder.")
    page = list_signals_for(db.session, make_user("coordinator", "BZK"), query=query)
    assert (signal in page.items) is found


def test_search_respects_scope(db, make_signal, make_user):
    make_signal(title="Boodschappen van moeder", org="SVB", channel="SVB-KB")
    assert list_signals_for(db.session, make_user("frontline", "UWV"), query="boodschappen").total == 0


def test_edited_text_is_reindexed(db, make_signal, make_user):
    signal = make_signal(title="Eerste titel", description="Iets over zorgtoeslag.")
    signal.description = "Nu over kinderbijslag."
    db.session.commit()
    coordinator = make_user("coordinator", "BZK")
    assert list_signals_for(db.session, coordinator, query="kinderbijslag").total == 1
    assert list_signals_for(db.session, coordinator, query="zorgtoeslag").total == 0
