"""Full-text search finds signals by words, prefixes and without accents, within the user's scope."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from signals import access, search
from signals.access import list_signals_for
from signals.models import Signal
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


@pytest.mark.parametrize(("first", "limit"), [(2, 5_000), (2, 4), (100, 5_000)])
def test_a_common_word_lists_the_signals_the_index_would_find(db, make_signal, make_user, monkeypatch, first, limit):
    """Read from the top of the list (many matches on SQLite) in stretches of 2, 4, … or all at once,
    or given up after ``limit`` rows for the index: are the pages the ones the index gives, words
    without their accents, prefixes, every word of the query, and only what the user may see?"""
    texts = [
        ("Cliënt kreeg bijstand teruggevorderd", "Een gift van zijn moeder telde als inkomen."),
        ("Huurtoeslag stopt", "De client verhuisde en de toeslag stopte meteen."),
        ("Bijstandsuitkering lager", "Mevrouw woont samen met haar zoon; de client krijgt minder."),
        ("Kinderbijslag te laat", "Over een cliëntenraad, niet over een cliënt met een uitkering."),
        ("Wachttijd jeugdzorg te lang", "Het gezin wacht al maanden op hulp."),
    ]
    coordinator = make_user("coordinator", "BZK")
    signals = [make_signal(title=title, description=description, regulations=[]) for title, description in texts * 2]
    elsewhere = make_signal(title="Client van een ander", description="Bij het UWV gemeld.", org="UWV", channel="UWV-MW")
    frontline = make_user("frontline", signals[0].organisation_code)
    exact = {
        (user.role, query): list_signals_for(db.session, user, query=query, per_page=50).items
        for user in (coordinator, frontline)
        for query in ("client", "bijstand", "client uitkering", "kraamzorg")
    }
    assert elsewhere in exact["coordinator", "client"] and elsewhere not in exact["frontline", "client"]
    monkeypatch.setattr(access, "COUNT_CAP", 1)
    monkeypatch.setattr(search, "WALK_FIRST", first)
    monkeypatch.setattr(search, "WALK_LIMIT", limit)
    for (role, query), expected in exact.items():
        user = coordinator if role == "coordinator" else frontline
        pages = [list_signals_for(db.session, user, query=query, per_page=3, page=n).items for n in (1, 2, 3, 4, 5)]
        assert [s for page in pages for s in page] == expected, (role, query)
    assert len(exact["coordinator", "client"]) == 9  # cliënt, client, cliëntenraad (a prefix): 4 texts twice, and UWV's
    assert {s.title for s in exact["coordinator", "bijstand"]} == {texts[0][0], texts[2][0]}
    walked = search.walk_matches(db.session, select(Signal), "client", (Signal.created_at.desc(), Signal.id.desc()), 0, 3)
    if db.engine.dialect.name == "sqlite":  # read from the top (with no limit in the way: found)
        assert walked == [s.id for s in exact["coordinator", "client"][:3]] or (walked is None and limit < 5_000)
    else:
        assert walked is None  # PostgreSQL's index finds a page of a common word itself


@pytest.mark.parametrize("order", ["newest", "oldest", "title", "-title", "-reference", "status", "due", "-due"])
def test_a_search_with_a_filter_pages_in_every_sort_order(db, make_signal, make_user, order):
    """A few matches with a filter are counted and sorted as one set (PostgreSQL: in one query): is every
    page of every sort order the right slice, with the right total, and a page past the end empty?"""
    titles = ["Bijstand zaak b", "bijstand zaak A", "Bijstand zaak c", "Bijstand zaak a", "Bijstand zaak D"]
    statuses = ["routed", "in_progress", "routed", "in_progress", "routed"]
    matching = [make_signal(title=title, status=status) for title, status in zip(titles, statuses, strict=True)]
    make_signal(title="Bijstand maar gesloten", status="closed")
    make_signal(title="Huurtoeslag stopt", status="routed")
    coordinator = make_user("coordinator", "BZK")
    keys = {
        "newest": lambda s: (-s.created_at.timestamp(), -s.id),
        "oldest": lambda s: (s.created_at.timestamp(), s.id),
        "title": lambda s: (s.title.lower(), s.id),
        "-title": lambda s: (tuple(-ord(c) for c in s.title.lower()), s.id),
        "-reference": lambda s: -s.id,
        "status": lambda s: (s.status, s.id),
        "due": lambda s: (s.due_at is None, s.due_at, s.id),
        "-due": lambda s: (s.due_at is None, -s.due_at.timestamp(), s.id),
    }
    expected = sorted(matching, key=keys[order])
    pages = [
        list_signals_for(db.session, coordinator, query="bijstand", status=["routed", "in_progress"], order=order, per_page=2, page=n)
        for n in (1, 2, 3, 4)
    ]
    assert [page.items for page in pages] == [expected[0:2], expected[2:4], expected[4:5], []]
    assert {(page.total, page.total_capped) for page in pages} == {(5, False)}
