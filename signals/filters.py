"""Saved filters: a user's named list filters (the list page's query string)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from sqlalchemy import select
from sqlalchemy.orm import Session

from signals.audit import record_event
from signals.errors import N_, FieldErrors, NotFound
from signals.models import SavedFilter, User

#: list pages that can keep filters, with the query parameters each understands
PAGES = {
    "signals": ("q", "status"),
    "queue": ("q", "status", "late", "order"),
}


def clean_query(page: str, query: str) -> str:
    """Only the parameters the page understands, without paging, in a stable order."""
    allowed = PAGES.get(page, ())
    pairs = [(k, v) for k, v in parse_qsl(query or "") if k in allowed and v]
    return urlencode(sorted(pairs))


def save_filter(session: Session, user: User, page: str, name: str, query: str) -> SavedFilter:
    """Keep the current filter of a list page under a name (replacing one with the same name)."""
    errors = FieldErrors()
    name = (name or "").strip()
    if page not in PAGES:
        errors.add("page", N_("Onbekende lijst."))
    if not name:
        errors.add("name", N_("Geef het filter een naam."))
    elif len(name) > 100:
        errors.add("name", N_("De naam mag hoogstens 100 tekens lang zijn."))
    errors.raise_if_any()
    saved = session.scalars(select(SavedFilter).where(SavedFilter.user_id == user.id, SavedFilter.page == page, SavedFilter.name == name)).first()
    saved = saved or SavedFilter(user_id=user.id, page=page, name=name)
    saved.query = clean_query(page, query)
    session.add(saved)
    session.flush()
    record_event(session, "saved_filter", saved.id, "saved", actor=user, data={"page": page, "query": saved.query})
    return saved


def list_filters(session: Session, user: User, page: str) -> list[SavedFilter]:
    """The user's own saved filters for a page, by name."""
    return list(session.scalars(select(SavedFilter).where(SavedFilter.user_id == user.id, SavedFilter.page == page).order_by(SavedFilter.name)))


def delete_filter(session: Session, user: User, filter_id: int) -> SavedFilter:
    """Remove one of the user's own saved filters."""
    saved = session.get(SavedFilter, filter_id)
    if saved is None or saved.user_id != user.id:
        raise NotFound(N_("Dit filter bestaat niet."))
    record_event(session, "saved_filter", saved.id, "deleted", actor=user, data={"page": saved.page, "name": saved.name})
    session.delete(saved)
    session.flush()
    return saved
