"""Who may see which signals: the one place organisation scoping is decided.

Every list, detail, history, search and API call goes through ``visible_signals``
or ``get_signal_for``; views never filter by organisation themselves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Select, bindparam, exists, false, func, literal, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from signals import deadlines
from signals.errors import N_, NotFound, PermissionDenied
from signals.models import OrganisationOffice, Signal, SignalMinistry, SignalRegulation, User, utcnow
from signals.permissions import (
    may_work_with_signals,
    sees_all_signals,
    sees_signals_of_ministry,
    sees_signals_of_organisation,
)
from signals.search import fulltext_condition, searched_for_counting, walk_matches


def can_work_with_signals(user: User) -> bool:
    """Whether the user's role gives access to individual signals at all (``permissions.may_work_with_signals``)."""
    return may_work_with_signals(user)


def organisation_scope(organisation_code: str | None):
    """The signals logged by an organisation or by one of its offices: an agency (UWV) sees what
    its offices (UWV Alkmaar, …) logged; an office or a municipality sees only its own. Acting on
    a signal (adding information, rating the answer) stays with the organisation that logged it
    (``permissions.is_submitting_organisation_of``)."""
    return Signal.organisation_code.in_(select(literal(organisation_code)).union_all(_offices_of(organisation_code)))


def organisation_codes(session: Session, organisation_code: str) -> list[str]:
    """The codes ``organisation_scope`` covers: the organisation and its offices."""
    offices = _offices_of(organisation_code).order_by(OrganisationOffice.organisation_code)
    return [organisation_code, *session.scalars(offices)]


def _offices_of(organisation_code: str | None):
    """SELECT of the codes of the offices under an organisation (none for an office or a municipality)."""
    return select(OrganisationOffice.organisation_code).where(OrganisationOffice.parent_code == organisation_code)


def visible_signals(user: User, session: Session | None = None) -> Select[tuple[Signal]]:
    """A query of exactly the signals ``user`` may see.

    With ``session`` an organisation's offices are looked up first, so an organisation without
    offices is a plain equality: the database can then walk its (organisation, created_at) index
    in list order instead of sorting every signal of the organisation (0.7 s at a million).
    """
    stmt = select(Signal)
    if sees_all_signals(user):
        return stmt
    if sees_signals_of_organisation(user):
        if session is not None:
            codes = organisation_codes(session, user.organisation_code)
            return stmt.where(
                Signal.organisation_code == codes[0] if len(codes) == 1 else Signal.organisation_code.in_(codes)
            )
        return stmt.where(organisation_scope(user.organisation_code))
    if sees_signals_of_ministry(user):
        return stmt.where(routed_to(user.organisation_code))
    return stmt.where(false())


def routed_to(ministry_code: str, lead_only: bool = False):
    """SQL: the signal is routed to ``ministry_code`` (as lead, or at all).

    A correlated EXISTS, so the database can walk the signal index a list is ordered by and
    probe ``signal_ministry`` per row; ``id IN (SELECT …)`` made SQLite collect every id of
    the ministry first (13.7 s for a triage queue at a million signals, 0.1 s this way).
    """
    conditions = [SignalMinistry.signal_id == Signal.id, SignalMinistry.ministry_code == ministry_code]
    if lead_only:
        conditions.append(SignalMinistry.is_lead.is_(True))
    return exists().where(*conditions)


#: lists count their rows up to this many; beyond it they say "more than 10,000"
COUNT_CAP = 10_000
#: ``count_cap`` default: COUNT_CAP as it is when counting
DEFAULT_CAP = -1


def capped_count(session: Session, stmt: Select, cap: int | None = DEFAULT_CAP) -> tuple[int, bool]:
    """(count, capped) of the rows of ``stmt``: exact up to ``cap`` (default COUNT_CAP, None: always
    exact); beyond it (cap, True). Counting a million rows for a pager costs more than the page;
    nobody pages to row 10,001.
    """
    cap = COUNT_CAP if cap == DEFAULT_CAP else cap
    ids = stmt.with_only_columns(Signal.id).order_by(None)
    if cap is not None:
        ids = ids.limit(cap + 1)
    total = session.scalar(select(func.count()).select_from(ids.subquery())) or 0
    if cap is not None and total > cap:
        return cap, True
    return total, False


def get_signal_for(session: Session, user: User, signal_id: int) -> Signal:
    """The signal if ``user`` may see it; otherwise NotFound, so its existence does not leak."""
    if not can_work_with_signals(user):
        raise PermissionDenied(N_("Uw rol geeft geen toegang tot afzonderlijke signalen."))
    if not is_valid_id(signal_id):
        raise NotFound(N_("Dit signaal bestaat niet of u hebt er geen toegang toe."))
    signal = session.scalars(visible_signals(user).where(Signal.id == signal_id)).first()
    if signal is None:
        raise NotFound(N_("Dit signaal bestaat niet of u hebt er geen toegang toe."))
    return signal


@dataclass
class SignalPage:
    """One page of a signal list."""

    items: list[Signal]
    #: the number of signals found, or COUNT_CAP when there are more (``total_capped``)
    total: int
    page: int
    per_page: int
    #: True when there are more than ``total`` signals (the count stopped at COUNT_CAP)
    total_capped: bool = False

    @property
    def pages(self) -> int:
        pages = max(1, -(-self.total // self.per_page))
        if self.total_capped:  # at least up to the next page, when there is one
            return max(pages, self.page + (1 if len(self.items) == self.per_page else 0))
        return pages

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        if self.total_capped:
            return len(self.items) == self.per_page
        return self.page < self.pages

    @property
    def prev_num(self) -> int | None:
        return self.page - 1 if self.has_prev else None

    @property
    def next_num(self) -> int | None:
        return self.page + 1 if self.has_next else None

    def iter_pages(self, left_edge: int = 2, left_current: int = 2, right_current: int = 4, right_edge: int = 2):
        """Page numbers to link, with None where a gap is left out (as Flask-SQLAlchemy does)."""
        last = 0
        for number in range(1, self.pages + 1):
            near = self.page - left_current <= number <= self.page + right_current
            if number <= left_edge or near or number > self.pages - right_edge:
                if last and number - last > 1:
                    yield None
                yield number
                last = number


#: extra orderings for sortable list columns: "<column>" ascending, "-<column>" descending
SORTABLE_ORDERS = {
    "reference": (Signal.id.asc(),),
    "-reference": (Signal.id.desc(),),
    "title": (func.lower(Signal.title).asc(), Signal.id),
    "-title": (func.lower(Signal.title).desc(), Signal.id),
    "status": (Signal.status.asc(), Signal.id),
    "-status": (Signal.status.desc(), Signal.id),
    "created": (Signal.created_at.asc(), Signal.id),
    "-created": (Signal.created_at.desc(), Signal.id.desc()),
    "-due": (Signal.due_at.is_(None), Signal.due_at.desc(), Signal.id),
}


def _page_of_found(found: Select, ordering, offset: int, limit: int, cap: int | None) -> Select:
    """(id, how many were found) of the page's signals from ``found``, a query of at most ``cap`` + 1
    signals (None: all) that is computed first and sorted after (PostgreSQL).

    The set is a derived table with its sort keys (the LIMIT keeps the planner from folding it into
    the list order); the page is sorted from it, and a window count says how many it holds. The page
    as ``id IN (set)`` made PostgreSQL hash the set and walk all million signals in list order against
    it, and the count found the set a second time (a triage team's 'bijstand' with status needs_info:
    520 ms at a million signals).
    """
    keys, directions = [], []
    for term in ordering:
        if isinstance(term, UnaryExpression) and term.modifier in (operators.desc_op, operators.asc_op):
            keys.append(term.element)
            directions.append(term.modifier)
        else:
            keys.append(term)
            directions.append(None)
    labelled = [key.label(f"k{index}") for index, key in enumerate(keys)]
    fenced = found.with_only_columns(Signal.id, *labelled).order_by(None)
    fenced = (fenced.limit(cap + 1) if cap is not None else fenced.offset(0)).subquery()
    order = []
    for index, direction in enumerate(directions):
        key = fenced.c[f"k{index}"]
        order.append(key.desc() if direction is operators.desc_op else key.asc() if direction is operators.asc_op else key)
    return select(fenced.c.id, func.count().over()).order_by(*order).offset(offset).limit(limit)


def list_signals_for(
    session: Session,
    user: User,
    status: str | list[str] | None = None,
    ministry: str | None = None,
    lead_ministry: str | None = None,
    channel: str | None = None,
    query: str | None = None,
    unrouted: bool = False,
    overdue_at=None,
    include_reopen_requests: bool = False,
    deadline: str | None = None,
    now=None,
    received_from=None,
    received_until=None,
    answered_from=None,
    answered_until=None,
    submitter_id: int | None = None,
    assignee_id: int | None = None,
    unassigned: bool = False,
    order: str = "newest",
    page: int = 1,
    per_page: int = 25,
    count_cap: int | None = DEFAULT_CAP,
) -> SignalPage:
    """A filtered, paged list of the signals ``user`` may see.

    ``overdue_at`` (a moment) keeps the signals late at that moment; ``deadline`` (on_time, late,
    only_late, very_late) the signals in that deadline state at ``now`` - both by the one rule of
    ``signals.deadlines``. ``received_*`` and ``answered_*`` bound created_at and answered_at
    (from inclusive, until exclusive), as the period figures count them. ``total`` is exact up
    to ``count_cap`` signals (None: always exact); beyond it the page says so (``total_capped``).
    """
    if not can_work_with_signals(user):
        raise PermissionDenied(N_("Uw rol geeft geen toegang tot afzonderlijke signalen."))
    stmt = visible_signals(user, session)
    if status:
        statuses = [status] if isinstance(status, str) else list(status)
        condition = Signal.status.in_(statuses)
        if include_reopen_requests:  # answered, but the frontline asked the ministry to look again
            condition = or_(condition, Signal.reopen_requested_at.is_not(None) & (Signal.status == "answered"))
        stmt = stmt.where(condition)
    # by the stored moments (two columns compared) rather than the rule judged per signal
    if overdue_at is not None:
        stmt = stmt.where(deadlines.stored_state_condition(deadlines.LATE, overdue_at))
    if deadline:
        stmt = stmt.where(deadlines.stored_state_condition(deadline, now or utcnow()))
    if received_from is not None:
        stmt = stmt.where(Signal.created_at >= received_from)
    if received_until is not None:
        stmt = stmt.where(Signal.created_at < received_until)
    if answered_from is not None:
        stmt = stmt.where(Signal.answered_at >= answered_from)
    if answered_until is not None:
        stmt = stmt.where(Signal.answered_at < answered_until)
    if ministry and not (sees_signals_of_ministry(user) and ministry.upper() == user.organisation_code):
        stmt = stmt.where(routed_to(ministry.upper()))  # (a ministry's own filter is its scope already)
    if lead_ministry:
        stmt = stmt.where(routed_to(lead_ministry.upper(), lead_only=True))
    if channel:
        stmt = stmt.where(Signal.channel_code == channel.upper())
    if submitter_id is not None:
        stmt = stmt.where(Signal.submitter_id == submitter_id)
    if assignee_id is not None:
        stmt = stmt.where(Signal.assignee_id == assignee_id)
    if unassigned:
        stmt = stmt.where(Signal.assignee_id.is_(None))
    if unrouted:
        stmt = stmt.where(~exists().where(SignalMinistry.signal_id == Signal.id))
    ordering = {
        "newest": (Signal.created_at.desc(), Signal.id.desc()),
        "oldest": (Signal.created_at.asc(), Signal.id),
        "due": (Signal.due_at.is_(None), Signal.due_at.asc(), Signal.id),
        **SORTABLE_ORDERS,
    }[order]
    page = max(1, page)
    loading = (
        selectinload(Signal.ministry_links),
        selectinload(Signal.regulation_links).joinedload(SignalRegulation.regulation),
        joinedload(Signal.channel),
        joinedload(Signal.assignee),
    )

    def in_order(ids: list[int]) -> list[Signal]:
        """The signals ``ids`` with what a list shows of them, in that order."""
        found = {signal.id: signal for signal in session.scalars(select(Signal).options(*loading).where(Signal.id.in_(ids)))} if ids else {}
        return [found[signal_id] for signal_id in ids if signal_id in found]

    def page_of(listed: Select) -> list[Signal]:
        # The page's ids first, then their rows: the filter, the order and the offset then run on
        # ids (often from an index alone) instead of joining and sorting whole rows - at a million
        # signals page 2,000 of the coordinator's list took 780 ms that way.
        ids = session.scalars(listed.with_only_columns(Signal.id).order_by(*ordering).offset((page - 1) * per_page).limit(per_page))
        return in_order(list(ids))

    if not (query and query.strip()):
        total, capped = capped_count(session, stmt, count_cap)
        return SignalPage(page_of(stmt), total, page, per_page, capped)
    counted = searched_for_counting(session, stmt, query)
    cap = COUNT_CAP if count_cap == DEFAULT_CAP else count_cap
    if session.get_bind().dialect.name != "sqlite":
        # the count and the page in one pass over the matches when they are few (see _page_of_found)
        rows = session.execute(_page_of_found(counted, ordering, (page - 1) * per_page, per_page, cap)).all()
        if rows and (cap is None or rows[0][1] <= cap):
            return SignalPage(in_order([row[0] for row in rows]), rows[0][1], page, per_page, False)
        total, capped = (cap, True) if rows else capped_count(session, counted, count_cap)
        if not (capped or total > COUNT_CAP):  # a page past the end of a short list
            return SignalPage([], total, page, per_page, capped)
    elif count_cap is not None:
        # SQLite: the count's own ids, at most cap + 1 - how many there are, and the set a short
        # list is sorted from, in one pass over the matches instead of two (a triage team's
        # 'bijstand' with status needs_info: 356 -> 180 ms p50 at a million).
        found = list(session.scalars(counted.with_only_columns(Signal.id).order_by(None).limit(cap + 1)))
        total, capped = (cap, True) if len(found) > cap else (len(found), False)
        listed = func.json_each(bindparam("found_ids", json.dumps(found), unique=True)).table_valued("value")
        matched = Signal.id.in_(select(listed.c.value))
    else:  # SQLite, counting without a cap
        total, capped = capped_count(session, counted, count_cap)
        matched = Signal.id.in_(counted.with_only_columns(Signal.id).offset(0))  # found as the count found them
    # the page's plan by what was counted (see fulltext_condition and walk_matches)
    many = capped or total > COUNT_CAP
    ids = walk_matches(session, stmt, query, ordering, (page - 1) * per_page, per_page) if many else None
    if ids is not None:
        return SignalPage(in_order(ids), total, page, per_page, capped)
    if many:
        return SignalPage(page_of(stmt.where(fulltext_condition(session, query, matches="many"))), total, page, per_page, capped)
    # At most COUNT_CAP signals match with the filters: the page is those, in list order. Asking the
    # index for the word's matches alone read all of a common word's matches for a selective filter
    # (a triage team's 'bijstand' with status needs_info: 330,000 matches for 5,771 signals, 0.9 s
    # on PostgreSQL at a million).
    return SignalPage(page_of(select(Signal).where(matched)), total, page, per_page, capped)


def find_signal_by_reference(session: Session, user: User, reference: str) -> Signal | None:
    """A signal ``user`` may see, by its reference (SIG-2026-000042) or number."""
    reference = (reference or "").strip().upper()
    stmt = visible_signals(user)
    if reference.isdigit():
        if not is_valid_id(int(reference)):
            return None
        stmt = stmt.where(Signal.id == int(reference))
    else:
        stmt = stmt.where(Signal.reference == reference)
    return session.scalars(stmt).first()


#: the largest key every database holds: primary keys are INTEGER, 32 bits on PostgreSQL
MAX_ID = 2**31 - 1


def is_valid_id(value: object) -> bool:
    """Whether ``value`` can be a database key at all (a positive 32-bit integer); others are simply not found."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID
