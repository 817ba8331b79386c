"""Test data for reports: signals spread over periods, ministries, channels; knelpunten; cleanup."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete

from signals.models import Knelpunt, KnelpuntRegulation, LetterFile, PublishedLetter, Regulation

UTC = dt.UTC
PARTICIPATIEWET = "BWBR0015703"  # SZW
AWIR = "BWBR0018472"  # FIN
SECRET_EMAIL = "jan.jansen@example.com"
SECRET_BSN = "111222333"  # passes the elfproef
SECRET_DESCRIPTION_MARK = "UNIEKE-BESCHRIJVING-7731"

#: (created, regulations, channel, status, themes, people, due offset days (None: no deadline), answered after days)
ROWS = [
    (dt.datetime(2026, 7, 2, 9, tzinfo=UTC), [PARTICIPATIEWET], "GEM-BL", "answered", ["complex_rules"], 3, 30, 10),
    (
        dt.datetime(2026, 7, 15, 9, tzinfo=UTC),
        [PARTICIPATIEWET],
        "GEM-BL",
        "answered",
        ["complex_rules", "samenloop"],
        1,
        5,
        20,
    ),
    (
        dt.datetime(2026, 8, 1, 9, tzinfo=UTC),
        [PARTICIPATIEWET, AWIR],
        "UWV-KB",
        "in_progress",
        ["samenloop"],
        2,
        10,
        None,
    ),
    (dt.datetime(2026, 8, 20, 9, tzinfo=UTC), [AWIR], "BD-LRH", "routed", ["deadlines_recovery"], None, None, None),
    (dt.datetime(2026, 9, 29, 9, tzinfo=UTC), [AWIR], "BD-LRH", "closed", [], 7, 200, 40),
    (dt.datetime(2026, 9, 30, 23, tzinfo=UTC), [AWIR], "IR-CC", "in_progress", ["human_dimension"], 4, 400, None),
    # the previous quarter
    (dt.datetime(2026, 4, 3, 9, tzinfo=UTC), [PARTICIPATIEWET], "GEM-BL", "answered", ["complex_rules"], 2, 30, 100),
    (dt.datetime(2026, 6, 30, 22, tzinfo=UTC), [AWIR], "BD-LRH", "routed", [], 1, None, None),
    # after the period
    (dt.datetime(2026, 10, 1, 0, 0, 1, tzinfo=UTC), [PARTICIPATIEWET], "GEM-BL", "routed", [], 5, None, None),
]

NOW = dt.datetime(2026, 11, 1, tzinfo=UTC)


def make_dataset(db, make_signal) -> list:
    """Signals of ROWS, with dates, themes, people and deadlines set as a workflow would have."""
    signals = []
    for created, regulations, channel, status, themes, people, due_days, answered_days in ROWS:
        signal = make_signal(
            regulations=regulations,
            status=status,
            channel=channel,
            title="Terugvordering na gift",
            description=f"{SECRET_DESCRIPTION_MARK} mail {SECRET_EMAIL} bsn {SECRET_BSN}",
        )
        signal.created_at = created
        signal.themes = themes
        signal.people_affected = people
        signal.due_at = created + dt.timedelta(days=due_days) if due_days is not None else None
        signal.answered_at = created + dt.timedelta(days=answered_days) if answered_days is not None else None
        signals.append(signal)
    db.session.commit()
    return signals


def make_knelpunt(db, title, ministry, created, status="open", co="", regulation=PARTICIPATIEWET, signals=()):
    """A knelpunt with one regulation (and article) and linked signals."""
    from sqlalchemy import select

    k = Knelpunt(
        title=title,
        problem="Een gift telt als inkomen.",
        consequences="Mensen moeten terugbetalen.",
        solution_direction="Vrijlatingsgrens voor giften.",
        instrument="wetswijziging",
        ministry_code=ministry,
        co_ministry_codes=co,
        status=status,
        created_at=created,
    )
    reg = db.session.scalars(select(Regulation).where(Regulation.code == regulation)).one()
    k.regulation_links.append(KnelpuntRegulation(regulation=reg, article="art. 31 lid 2", position=0))
    db.session.add(k)
    db.session.flush()
    k.reference = f"KNP-T-{k.id}"
    for s in signals:
        s.knelpunt_id = k.id
    db.session.commit()
    return k


def cleanup_letters(db) -> None:
    """Published letters are not in the shared cleanup; remove them before the users go."""
    db.session.rollback()
    db.session.execute(delete(LetterFile))
    db.session.execute(delete(PublishedLetter))
    db.session.commit()


def in_period(signal, start, end) -> bool:
    created = signal.created_at if signal.created_at.tzinfo else signal.created_at.replace(tzinfo=UTC)
    return start <= created < end
