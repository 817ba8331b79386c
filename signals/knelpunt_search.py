"""The knelpunten list: filters (ministry, status, regulation, period), text search and sorting.

Always starts from ``signals.knelpunten.visible_knelpunten``, so a filter can only narrow what
the user may see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import String, cast, func, literal, or_, select
from sqlalchemy.orm import Session

from signals.errors import N_
from signals.knelpunten import KNELPUNT_STATUSES, page_of_knelpunten, visible_knelpunten
from signals.models import Knelpunt, KnelpuntRegulation, Regulation, Signal, User

#: sort key -> (label msgid, order columns); the first is the default
SORTS = {
    "newest": (N_("Nieuwste eerst"), lambda: (Knelpunt.created_at.desc(), Knelpunt.id.desc())),
    "oldest": (N_("Oudste eerst"), lambda: (Knelpunt.created_at.asc(), Knelpunt.id.asc())),
    "title": (N_("Titel (A–Z)"), lambda: (func.lower(Knelpunt.title).asc(), Knelpunt.id.asc())),
    "status": (N_("Status"), lambda: (_status_order(), Knelpunt.created_at.desc())),
    "ministry": (N_("Ministerie"), lambda: (Knelpunt.ministry_code.asc(), Knelpunt.created_at.desc())),
    "signals": (N_("Meeste signalen"), lambda: (_signal_count().desc(), Knelpunt.created_at.desc())),
}


def _status_order():
    from sqlalchemy import case

    return case({status: index for index, status in enumerate(KNELPUNT_STATUSES)}, value=Knelpunt.status, else_=99)


def _signal_count():
    return (
        select(func.count(Signal.id)).where(Signal.knelpunt_id == Knelpunt.id).correlate(Knelpunt).scalar_subquery()
    )


@dataclass(frozen=True)
class KnelpuntFilters:
    """What the list is narrowed to; empty values mean 'all'."""

    ministry: str | None = None
    status: str | None = None
    #: a regulation code (BWB id)
    regulation: str | None = None
    #: created within [start, end)
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    #: words to find in reference, title, problem, consequences or solution direction
    q: str | None = None
    sort: str = "newest"


def search_knelpunten(session: Session, user: User, filters: KnelpuntFilters) -> list[Knelpunt]:
    """The knelpunten ``user`` may see that match ``filters``, in the chosen order."""
    return list(session.scalars(_search_statement(user, filters)))


#: knelpunten per page of the list
PER_PAGE = 50


def search_knelpunten_page(session: Session, user: User, filters: KnelpuntFilters, page: int = 1, per_page: int = PER_PAGE):
    """One page of ``search_knelpunten`` (a ``signals.access.SignalPage`` of knelpunten), counted in the database."""
    return page_of_knelpunten(session, _search_statement(user, filters), page, per_page)


def _search_statement(user: User, filters: KnelpuntFilters):
    stmt = visible_knelpunten(user)
    if filters.ministry:
        code = filters.ministry.upper()
        padded = literal(" ") + Knelpunt.co_ministry_codes + literal(" ")
        stmt = stmt.where(or_(Knelpunt.ministry_code == code, padded.contains(f" {code} ")))
    if filters.status in KNELPUNT_STATUSES:
        stmt = stmt.where(Knelpunt.status == filters.status)
    if filters.regulation:
        stmt = stmt.where(
            Knelpunt.id.in_(
                select(KnelpuntRegulation.knelpunt_id)
                .join(Regulation, Regulation.id == KnelpuntRegulation.regulation_id)
                .where(Regulation.code == filters.regulation)
            )
        )
    if filters.start is not None:
        stmt = stmt.where(Knelpunt.created_at >= filters.start)
    if filters.end is not None:
        stmt = stmt.where(Knelpunt.created_at < filters.end)
    for word in (filters.q or "").split()[:8]:
        pattern = f"%{word.lower()}%"
        stmt = stmt.where(
            or_(
                *(
                    func.lower(cast(column, String)).like(pattern)
                    for column in (
                        Knelpunt.reference,
                        Knelpunt.title,
                        Knelpunt.problem,
                        Knelpunt.consequences,
                        Knelpunt.solution_direction,
                    )
                )
            )
        )
    _label, order = SORTS.get(filters.sort, SORTS["newest"])
    return stmt.order_by(*order())
