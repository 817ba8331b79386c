"""Intake: validate a frontline signal, mask personal data, store it and route it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from signals import permissions, refcache
from signals.audit import record_event
from signals.errors import N_, FieldErrors, Message, PermissionDenied
from signals.models import Signal, SignalContact, User, utcnow
from signals.privacy import mask_fields, text_for_matching
from signals.refcache import RegulationInfo
from signals.routing import DEFAULT_THRESHOLD, RoutingDecision, route_by_regulations, route_by_text
from signals.vocabulary import THEMES
from signals.workflow import route_signal, set_regulations

#: roles that may log a signal
#: kept for the views' role_required; the rule itself is ``permissions.may_submit``
SUBMITTER_ROLES = permissions.SUBMITTER_ROLES

TITLE_MAX = 200
TEXT_MAX = 10_000
PEOPLE_MAX = 10_000_000
CONTACT_MAX = 500
EXTERNAL_ID_MAX = 100


@dataclass
class SignalDraft:
    """What a frontline worker submits, before validation."""

    channel: str
    title: str
    description: str
    regulations: list[str] = field(default_factory=list)
    observed_on: dt.date | None = None
    people_affected: int | None = None
    themes: list[str] = field(default_factory=list)
    impact: str = ""
    proposed_solution: str = ""
    #: the submitter's own contact details for this signal, kept apart and purged later
    contact: str = ""
    #: the channel's own reference for this signal; a repeat of it finds the signal already stored
    external_id: str = ""


def resolve_regulation_codes(session: Session, codes: list[str], errors: FieldErrors) -> list[RegulationInfo]:
    """Regulations by BWB id or code, lead first and without repeats; unknown ones noted in ``errors``.

    Read from the process's reference snapshot (signals/refcache.py): no query per code.
    """
    reference = refcache.snapshot(session)
    regulations: list[RegulationInfo] = []
    for code in codes:
        regulation = reference.regulation(code) if isinstance(code, str) else None
        if regulation is None:
            errors.add("regulations", Message(N_("Onbekende regeling: %(code)s"), code=str(code)[:40]))
        elif regulation not in regulations:
            regulations.append(regulation)
    return regulations


def validate_draft(session: Session, draft: SignalDraft, today: dt.date | None = None) -> list[RegulationInfo]:
    """Check a draft against the reference data; returns the regulations found, raises InvalidInput."""
    errors = FieldErrors()
    today = today or dt.date.today()
    channel = refcache.snapshot(session).channel(draft.channel) if draft.channel else None
    if not draft.channel:
        errors.add("channel", N_("Kies het kanaal waarlangs u het signaal kreeg."))
    elif channel is None or not channel.is_active:
        errors.add("channel", N_("Onbekend kanaal."))
    title = (draft.title or "").strip()
    if not title:
        errors.add("title", N_("Geef het signaal een korte titel."))
    elif len(title) > TITLE_MAX:
        errors.add("title", N_("De titel mag hoogstens 200 tekens lang zijn."))
    description = (draft.description or "").strip()
    if not description:
        errors.add("description", N_("Beschrijf wat er gebeurde en welke regel het veroorzaakt."))
    for name in ("description", "impact", "proposed_solution"):
        if len(getattr(draft, name) or "") > TEXT_MAX:
            errors.add(name, N_("Deze tekst mag hoogstens 10.000 tekens lang zijn."))
    regulations = resolve_regulation_codes(session, draft.regulations or [], errors)
    if draft.observed_on is not None and draft.observed_on > today:
        errors.add("observed_on", N_("De datum van de waarneming kan niet in de toekomst liggen."))
    if len(draft.contact or "") > CONTACT_MAX:
        errors.add("contact", N_("Hoogstens 500 tekens."))
    if len((draft.external_id or "").strip()) > EXTERNAL_ID_MAX:
        errors.add("external_id", N_("Hoogstens 100 tekens."))
    if draft.people_affected is not None and not (1 <= draft.people_affected <= PEOPLE_MAX):
        errors.add("people_affected", N_("Vul een aantal van 1 of meer in."))
    for theme in draft.themes or []:
        if theme not in THEMES:
            errors.add("themes", Message(N_("Onbekend thema: %(code)s"), code=str(theme)[:40]))
    errors.raise_if_any()
    return regulations


def decide_routing(session: Session, regulations: list, text: str, threshold: float, masked: bool = False) -> RoutingDecision:
    """Route by the named regulations, or else by the text (never by masks or personal data).

    ``masked``: the text went through the privacy guard already (no second search for personal data).
    """
    if regulations:
        return route_by_regulations(session, regulations)
    return route_by_text(session, text_for_matching(text, already_masked=masked), threshold)


def find_by_external_id(session: Session, channel: str, external_id: str) -> Signal | None:
    """The signal a channel already sent under its own reference ``external_id``, if any."""
    external_id = (external_id or "").strip()
    if not external_id:
        return None
    # asked for the id alone (every API post with an external id asks, and almost always finds nothing)
    found = (
        session.connection()
        .execute(select(Signal.id).where(Signal.channel_code == (channel or "").strip().upper(), Signal.external_id == external_id))
        .scalar()
    )
    return session.get(Signal, found) if found is not None else None


def assign_reference(signal: Signal, at: dt.datetime) -> None:
    """Give a flushed signal its human-readable reference, e.g. SIG-2026-000042."""
    signal.reference = reference_for(signal.id, at)


def reference_for(signal_id: int, at: dt.datetime) -> str:
    return f"SIG-{at.year}-{signal_id:06d}"


def allocate_signal_ids(session: Session, count: int = 1) -> list[int] | None:
    """Ids for ``count`` new signals before they are inserted, so the INSERT carries the reference too
    (an UPDATE afterwards would index every row twice, the full-text index included).

    PostgreSQL: the id sequence. SQLite: the write lock first (BEGIN IMMEDIATE unless a write already
    holds it), then the next ids after the largest, as SQLite itself would pick them. None elsewhere
    (the caller flushes and assigns afterwards).
    """
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect == "postgresql":
        return list(
            connection.execute(
                text("SELECT nextval(pg_get_serial_sequence('signal', 'id')) FROM generate_series(1, :n)"), {"n": count}
            ).scalars()
        )
    if dialect == "sqlite":
        raw = connection.connection.dbapi_connection
        if not raw.in_transaction:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        last = connection.execute(select(func.coalesce(func.max(Signal.id), 0))).scalar_one()
        return list(range(last + 1, last + 1 + count))
    return None


def submit_signal(
    session: Session,
    submitter: User,
    draft: SignalDraft,
    threshold: float = DEFAULT_THRESHOLD,
    created_at: dt.datetime | None = None,
) -> tuple[Signal, RoutingDecision]:
    """Store a new signal with personal data masked, and route it; the caller commits.

    Everything is decided before the first write (validation, masking, routing read the reference
    snapshot), and the rows go to the database in one flush: the signal with its id and reference,
    its links, the two audit events and the outbox rows, one INSERT per table.
    """
    if not permissions.may_submit(submitter):
        raise PermissionDenied(N_("Alleen frontlijnmedewerkers en coördinatoren kunnen signalen melden."))
    regulations = validate_draft(session, draft)
    fields, masked = mask_fields(
        {
            "title": draft.title.strip(),
            "description": draft.description.strip(),
            "impact": (draft.impact or "").strip(),
            "proposed_solution": (draft.proposed_solution or "").strip(),
        }
    )
    decision = decide_routing(session, regulations, f"{fields['title']}\n{fields['description']}", threshold, masked=True)
    now = created_at or utcnow()
    signal = Signal(
        status="received",
        channel_code=draft.channel.strip().upper(),
        organisation_code=submitter.organisation_code,
        submitter_id=submitter.id,
        observed_on=draft.observed_on,
        people_affected=draft.people_affected,
        themes=list(dict.fromkeys(draft.themes or [])),
        masked=list(masked),
        routing_method=decision.method,
        routing_confidence=decision.confidence,
        routing_explanation=decision.explanation,
        routing_suggestions=decision.alternatives,
        external_id=(draft.external_id or "").strip() or None,
        created_at=now,
        updated_at=now,
        # empty collections, not unloaded ones: a new signal has no links to load or clear
        regulation_links=[],
        ministry_links=[],
        **fields,
    )
    ids = allocate_signal_ids(session)
    if ids is not None:
        signal.id = ids[0]
    session.add(signal)
    if ids is None:
        session.flush()
    with session.no_autoflush:  # routing's few reads must not write half a signal; one flush at the end
        assign_reference(signal, now)
        if (draft.contact or "").strip():
            session.add(SignalContact(signal_id=signal.id, contact=draft.contact.strip(), created_at=now))
        set_regulations(session, signal, [r.code for r in regulations] or decision.regulations)
        submitted = record_event(
            session,
            "signal",
            signal.id,
            "submitted",
            actor=submitter,
            to_state="received",
            data={"channel": signal.channel_code, "masked": list(masked)},
            signal_id=signal.id,
        )
        submitted.created_at = now
        if decision.is_routed:
            route_signal(
                session,
                signal,
                decision.ministry,
                decision.co_ministries,
                submitter,
                decision.method,
                note=decision.explanation,
                explanation=decision.explanation,
                confidence=decision.confidence,
                action="route",
                at=now,
            )
    session.flush([signal])  # the signal first, as it stands now (routed): the rows below point at it
    session.flush()
    return signal, decision
