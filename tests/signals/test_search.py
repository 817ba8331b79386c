"""Full-text search finds signals by words, prefixes and without accents, within the user's scope."""

from __future__ import annotations

import pytest

from signals import access
from signals.access import list_signals_for
from signals.search import may_be_in_reference


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("boodschappen", True),
        ("boodschap", True),  # prefix
        ("BOODSCHAPPEN moeder", True),
        ("client", True),  # cliënt without the diaeresis
        ("huurtoeslag", False),
        ("SIG-", True),
        ("sig-20", True),  # part of a reference, in any case
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


@pytest.mark.parametrize(
    ("query", "possible"),
    [("SIG-2026-000042", True), ("sig-2026", True), ("000042", True), ("%", True), ("s_g", True),
     ("bijstand", False), ("SIG-2026 bijstand", False), ("bij_stand", False), ("2026 kraamzorg", False)],
)  # fmt: skip
def test_a_query_can_only_be_in_a_reference_if_a_reference_holds_its_characters(query, possible):
    """Is the reference test left out exactly when no reference (SIG-year-number) can contain the query?"""
    assert may_be_in_reference(query) is possible


def test_search_lists_the_same_signals_for_few_and_for_many_matches(db, make_signal, make_user, monkeypatch):
    """Does a search give the same page, newest first, whether the matches are few (read and sorted)
    or more than the count stops at (the list order walked), and nothing for a word in no signal?"""
    matching = [make_signal(title=f"Bijstand teruggevorderd {n}", regulations=[]) for n in range(6)]
    make_signal(title="Huurtoeslag stopt", regulations=[])
    coordinator = make_user("coordinator", "BZK")

    few = list_signals_for(db.session, coordinator, query="bijstand", per_page=4)
    monkeypatch.setattr(access, "COUNT_CAP", 3)
    many = list_signals_for(db.session, coordinator, query="bijstand", per_page=4)
    second = list_signals_for(db.session, coordinator, query="bijstand", per_page=4, page=2)

    newest_first = sorted(matching, key=lambda s: (s.created_at, s.id), reverse=True)
    assert (few.total, few.total_capped) == (6, False)
    assert (many.total, many.total_capped) == (3, True)
    assert few.items == many.items == newest_first[:4]
    assert second.items == newest_first[4:]
    assert list_signals_for(db.session, coordinator, query="kraamzorg").items == []
    assert list_signals_for(db.session, coordinator, query="kraamzorg").total == 0
