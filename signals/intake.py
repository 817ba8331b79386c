"""Intake: validate a frontline signal, mask personal data, store it and route it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import bindparam, func, insert, select, text
from sqlalchemy.orm import Session, make_transient_to_detached

from signals import deadlines, permissions, refcache, tallies
from signals.errors import N_, FieldErrors, Message, PermissionDenied
from signals.models import (
    AuditEvent,
    Ministry,
    Notification,
    Signal,
    SignalContact,
    SignalMinistry,
    SignalRegulation,
    User,
    utcnow,
)
from signals.notifications import DEFAULT_BASE_URL, notification_rows, register_outbox, team_emails
from signals.privacy import mask_fields, text_for_matching
from signals.refcache import RegulationInfo
from signals.routing import DEFAULT_THRESHOLD, RoutingDecision, route_by_regulations, route_by_text
from signals.vocabulary import THEMES

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


#: built once (every API post with an external id asks it)
_EXTERNAL_ID_QUERY = select(Signal.id).where(
    Signal.channel_code == bindparam("channel"), Signal.external_id == bindparam("external_id")
)
_LAST_ID_QUERY = select(func.coalesce(func.max(Signal.id), 0))


def find_by_external_id(session: Session, channel: str, external_id: str) -> Signal | None:
    """The signal a channel already sent under its own reference ``external_id``, if any."""
    external_id = (external_id or "").strip()
    if not external_id:
        return None
    # asked for the id alone (every API post with an external id asks, and almost always finds nothing)
    found = (
        session.connection()
        .execute(_EXTERNAL_ID_QUERY, {"channel": (channel or "").strip().upper(), "external_id": external_id})
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
        last = connection.execute(_LAST_ID_QUERY).scalar_one()
        return list(range(last + 1, last + 1 + count))
    return None


@dataclass
class NewSignal:
    """A draft validated, masked and routed: everything its rows are made of (intake and import alike)."""

    draft: SignalDraft
    regulations: list[RegulationInfo]
    #: the masked texts: title, description, impact, proposed_solution
    fields: dict
    masked: tuple | list
    decision: RoutingDecision


@dataclass
class WrittenSignals:
    """The rows ``write_new_signals`` inserted, per table (links with their ids when asked for)."""

    signals: list[dict] = field(default_factory=list)
    regulations: list[dict] = field(default_factory=list)
    ministries: list[dict] = field(default_factory=list)
    contacts: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    mails: list[dict] = field(default_factory=list)

    @property
    def references(self) -> list[str]:
        return [row["reference"] for row in self.signals]


def new_signal_rows(session: Session, submitter: User, items: list, ids: list[int], now: dt.datetime) -> WrittenSignals:
    """The rows of new signals, one definition for the API, the form and the bulk importer: the signal
    (id, reference, routing, deadline), its regulation and ministry links, the contact, the audit events
    (``submitted``, and ``route`` when routed, as ``workflow.route_signal`` writes it) and the outbox
    rows for the lead ministry's triage team. ``items`` are ``NewSignal``s (or objects with its attributes).
    """
    reference = refcache.snapshot(session)
    base_url = (session.info.get("base_url") or DEFAULT_BASE_URL).rstrip("/")
    rows = WrittenSignals()
    due_by_ministry: dict[str, dt.datetime | None] = {}
    team: dict[str, list[str]] = {}
    for item, signal_id in zip(items, ids, strict=True):
        decision, draft = item.decision, item.draft
        signal_reference = reference_for(signal_id, now)
        channel = draft.channel.strip().upper()
        routed = decision.is_routed
        co = [code for code in dict.fromkeys(decision.co_ministries or []) if code != decision.ministry] if routed else []
        due = None
        if routed:
            if decision.ministry not in due_by_ministry:
                known = reference.ministries.get(decision.ministry) or session.get(Ministry, decision.ministry)
                due_by_ministry[decision.ministry] = deadlines.accept_deadline(known, now)
            due = due_by_ministry[decision.ministry]
        rows.signals.append(
            deadlines.with_late_moments({
                **NEW_SIGNAL_DEFAULTS,
                "id": signal_id,
                "reference": signal_reference,
                "external_id": (draft.external_id or "").strip() or None,
                "status": "routed" if routed else "received",
                "channel_code": channel,
                "organisation_code": submitter.organisation_code,
                "submitter_id": submitter.id,
                "observed_on": draft.observed_on,
                "people_affected": draft.people_affected,
                "themes": list(dict.fromkeys(draft.themes or [])),
                "masked": list(item.masked),
                "routing_method": decision.method,
                "routing_confidence": decision.confidence,
                "routing_explanation": decision.explanation,
                "routing_suggestions": decision.alternatives,
                "created_at": now,
                "updated_at": now,
                "routed_at": now if routed else None,
                "deadline_started_at": now if routed else None,
                "due_at": due,
                **item.fields,
            })
        )
        codes = [r.code for r in item.regulations] or decision.regulations
        for position, code in enumerate(codes):
            found = reference.regulation(code)
            if found is not None:
                rows.regulations.append({"signal_id": signal_id, "regulation_id": found.id, "position": position})
        if (draft.contact or "").strip():
            rows.contacts.append({"signal_id": signal_id, "contact": draft.contact.strip(), "created_at": now})
        rows.events.append(
            _event(signal_id, "submitted", submitter, None, "received", "", {"channel": channel, "masked": list(item.masked)}, now)
        )
        if not routed:
            continue
        rows.ministries.append({"signal_id": signal_id, "ministry_code": decision.ministry, "is_lead": True})
        rows.ministries.extend({"signal_id": signal_id, "ministry_code": code, "is_lead": False} for code in co)
        rows.events.append(
            _event(
                signal_id, "route", submitter, "received", "routed", decision.explanation,
                {"from_ministry": None, "ministry": decision.ministry, "co_ministries": co, "method": decision.method},
                now,
            )
        )  # fmt: skip
        if decision.ministry not in team:
            team[decision.ministry] = team_emails(session, decision.ministry, permissions.TRIAGE)
        context = {
            "reference": signal_reference,
            "title": item.fields["title"],
            "ministry": decision.ministry,
            "url": f"{base_url}/signalen/{signal_id}",
            "due": deadlines.format_local_date(due),
        }
        rows.mails.extend(
            notification_rows(
                session, "routed", f"routed:{signal_id}:{decision.ministry}:{now.isoformat()}", team[decision.ministry], context, signal_id
            )
        )
    return rows


#: the columns of a new signal that nothing at intake sets (as the model's defaults give them): every
#: row of a batch names the same columns, and a signal made from its row has nothing left to load
NEW_SIGNAL_DEFAULTS = {
    "outcome": None,
    "response": "",
    "merged_into_id": None,
    "knelpunt_id": None,
    "assignee_id": None,
    "needs_info_since": None,
    "feedback_useful": None,
    "feedback_comment": "",
    "feedback_at": None,
    "reopen_requested_at": None,
    "answered_at": None,
    "closed_at": None,
}


def write_new_signals(
    session: Session, submitter: User, items: list, now: dt.datetime, *, deliver: bool = False, with_link_ids: bool = False
) -> WrittenSignals:
    """Write new signals with Core, one INSERT per table, in the caller's transaction; the caller commits.

    No unit of work: ids come first (``allocate_signal_ids``), so the signal row carries its reference
    and routing, and the summary table is counted here (``tallies.add_signals``: the ORM's flush hooks
    do not see these rows). ``deliver``: the outbox rows are sent after the commit, as mail queued through
    the ORM is (``notifications.register_outbox``). ``with_link_ids``: the link rows get their ids back
    (a signal made from the rows, ``as_loaded_signal``, needs them).
    """
    ids = allocate_signal_ids(session, len(items))
    if ids is None:
        raise NotImplementedError("new signals need ids before the INSERT (SQLite or PostgreSQL)")
    rows = new_signal_rows(session, submitter, items, ids, now)
    connection = session.connection()
    _insert_rows(connection, Signal.__table__, rows.signals)
    for table, table_rows, returning in (
        (SignalRegulation.__table__, rows.regulations, with_link_ids),
        (SignalMinistry.__table__, rows.ministries, with_link_ids),
        (SignalContact.__table__, rows.contacts, False),
        (AuditEvent.__table__, rows.events, False),
        # no stored mail can name these new signals' ids yet (queue_notification's ``fresh``)
        (Notification.__table__, rows.mails, deliver),
    ):
        if not table_rows:
            continue
        if returning:
            stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            for row, new_id in zip(table_rows, connection.execute(stmt, table_rows).scalars(), strict=True):
                row["id"] = new_id
        else:
            _insert_rows(connection, table, table_rows)
    if deliver and rows.mails:
        register_outbox(session, rows.mails)
    tallies.add_signals(session, ids)
    return rows


#: from this many rows on (an import batch), a table's new rows go in through the driver itself
BULK_ROWS = 50


def _insert_rows(connection, table, rows: list[dict]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``: a Core executemany for a few rows,
    and for a batch COPY on PostgreSQL or the driver's executemany on SQLite, with every value through
    its column type's bind processing first, as the Core INSERT would send it (bench.generate loads
    its rows the same way). Per row that skips SQLAlchemy's parameter handling and, on PostgreSQL,
    one INSERT statement per row. Rows that leave out a column with a default go through Core."""
    names = list(rows[0])
    dialect = connection.dialect
    defaults_left_out = any(
        column.name not in rows[0] for column in table.c if column.default is not None or column.server_default is not None
    )
    if len(rows) < BULK_ROWS or dialect.name not in ("postgresql", "sqlite") or defaults_left_out:
        connection.execute(insert(table), rows)
        return
    processors = [table.c[name].type._cached_bind_processor(dialect) for name in names]
    values = [
        tuple(row[name] if process is None else process(row[name]) for name, process in zip(names, processors, strict=True))
        for row in rows
    ]
    columns = ", ".join(names)
    if dialect.name == "postgresql":
        with connection.connection.dbapi_connection.cursor() as cursor:
            with cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
    else:
        connection.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) VALUES ({', '.join('?' * len(names))})", values)


def as_loaded_signal(session: Session, written: WrittenSignals, index: int = 0) -> Signal:
    """The ``index``-th signal just written, as a persistent Signal with its links, built from its rows
    (as if loaded: no query, nothing to flush). Needs ``write_new_signals(..., with_link_ids=True)``."""
    row = written.signals[index]
    signal = Signal(**row)
    signal.regulation_links = [
        SignalRegulation(**link) for link in written.regulations if link["signal_id"] == row["id"]
    ]
    signal.ministry_links = [SignalMinistry(**link) for link in written.ministries if link["signal_id"] == row["id"]]
    for obj in (*signal.regulation_links, *signal.ministry_links, signal):
        make_transient_to_detached(obj)
    session.add(signal)
    return signal


def _event(signal_id, action, actor, from_state, to_state, note, data, at) -> dict:
    return {
        "entity_type": "signal",
        "entity_id": str(signal_id),
        "signal_id": signal_id,
        "action": action,
        "from_state": from_state,
        "to_state": to_state,
        "note": note or "",
        "data": data or {},
        "actor_id": actor.id if actor is not None else None,
        "created_at": at,
    }


def submit_signal(
    session: Session,
    submitter: User,
    draft: SignalDraft,
    threshold: float = DEFAULT_THRESHOLD,
    created_at: dt.datetime | None = None,
) -> tuple[Signal, RoutingDecision]:
    """Store a new signal with personal data masked, and route it; the caller commits.

    Everything is decided before the first write (validation, masking, routing read the reference
    snapshot); the rows are the bulk importer's (``write_new_signals``: one Core INSERT per table, the
    outbox sent after the commit) and the signal handed back is made from them, persistent, without a query.
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
    written = write_new_signals(
        session, submitter, [NewSignal(draft, regulations, fields, masked, decision)], now, deliver=True, with_link_ids=True
    )
    return as_loaded_signal(session, written), decision
