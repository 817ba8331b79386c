"""Knelpunten: problems in a rule established from signals, with their own small workflow.

`open → in_study → solution_underway → addressed | rejected` (DESIGN §4). Every
change writes an audit event (entity_type ``knelpunt``) in the caller's
transaction; linking and unlinking also write one on the signal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Select, distinct, false, func, literal, or_, select
from sqlalchemy.orm import Session, selectinload

from signals import permissions
from signals.access import SignalPage, get_signal_for, is_valid_id, organisation_scope, visible_signals
from signals.audit import record_event
from signals.errors import N_, FieldErrors, Message, NotFound, PermissionDenied, TransitionNotAllowed
from signals.models import AuditEvent, Knelpunt, KnelpuntRegulation, Signal, User, utcnow
from signals.privacy import mask_fields, mask_texts
from signals.reference import find_regulation, resolve_lead_and_co_ministries

KNELPUNT_STATUSES = {
    "open": N_("Nog geen oplossing"),
    "in_study": N_("In onderzoek"),
    "solution_underway": N_("Oplossing in gang gezet"),
    "addressed": N_("Opgelost"),
    "rejected": N_("Niet opgepakt"),
}

INSTRUMENTS = {
    "wetswijziging": N_("Wetswijziging"),
    "amvb_regeling": N_("AMvB of ministeriële regeling"),
    "beleidsregel": N_("Beleidsregel"),
    "uitvoering": N_("Aanpassing in de uitvoering"),
}

TITLE_MIN = 5
TITLE_MAX = 200
#: a title says what goes wrong in words: at least one word of two letters, not only digits or signs
_WORD = re.compile(r"[^\W\d_]{2,}")
TITLE_RULE = N_("Geef een titel van 5 tot 200 tekens die zegt wat er misgaat.")
SIGNALS_RULE = N_("Noem minstens één signaal waaruit het knelpunt blijkt.")


def check_knelpunt_title(title: str | None, errors: FieldErrors) -> str:
    """The trimmed title; a field error on ``title`` unless it is a real title (5–200 characters, words)."""
    title = (title or "").strip()
    if not title:
        errors.add("title", N_("Geef het knelpunt een titel."))
    elif len(title) < TITLE_MIN or len(title) > TITLE_MAX or not _WORD.search(title):
        errors.add("title", TITLE_RULE)
    return title


#: (from, to) -> whether a reason is mandatory
KNELPUNT_TRANSITIONS: dict[tuple[str, str], bool] = {
    ("open", "in_study"): False,
    ("open", "solution_underway"): False,
    ("open", "rejected"): True,
    ("in_study", "solution_underway"): False,
    ("in_study", "addressed"): False,
    ("in_study", "rejected"): True,
    ("solution_underway", "addressed"): False,
    ("solution_underway", "in_study"): True,
    ("addressed", "open"): True,
    ("rejected", "open"): True,
}



def visible_knelpunten(user: User) -> Select[tuple[Knelpunt]]:
    """Knelpunten ``user`` may see: all for coordinator and liaison, own ministry for triage,
    and for frontline those that bundle a signal of their own organisation."""
    stmt = select(Knelpunt)
    if permissions.sees_all_knelpunten(user):
        return stmt
    if permissions.sees_own_ministry_knelpunten(user):
        code = user.organisation_code
        padded = literal(" ") + Knelpunt.co_ministry_codes + literal(" ")
        return stmt.where(or_(Knelpunt.ministry_code == code, padded.contains(f" {code} ")))
    if permissions.sees_own_organisation_knelpunten(user):
        own = select(Signal.knelpunt_id).where(organisation_scope(user.organisation_code))
        return stmt.where(Knelpunt.id.in_(own))
    return stmt.where(false())


def get_knelpunt_for(session: Session, user: User, knelpunt_id: int) -> Knelpunt:
    """The knelpunt if ``user`` may see it; otherwise NotFound."""
    if not is_valid_id(knelpunt_id):
        raise NotFound(N_("Dit knelpunt bestaat niet of u hebt er geen toegang toe."))
    knelpunt = session.scalars(visible_knelpunten(user).where(Knelpunt.id == knelpunt_id)).first()
    if knelpunt is None:
        raise NotFound(N_("Dit knelpunt bestaat niet of u hebt er geen toegang toe."))
    return knelpunt


#: what a listed knelpunt shows besides its own columns: its regulations (one query per page, not per knelpunt)
_LISTED = (selectinload(Knelpunt.regulation_links).joinedload(KnelpuntRegulation.regulation),)


def page_of_knelpunten(session: Session, stmt: Select[tuple[Knelpunt]], page: int, per_page: int) -> SignalPage:
    """One page of the ordered knelpunten ``stmt`` (a ``SignalPage`` of knelpunten), counted in the database."""
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).with_only_columns(Knelpunt.id).subquery())) or 0
    page = max(1, page)
    return SignalPage(list(session.scalars(stmt.offset((page - 1) * per_page).limit(per_page))), total, page, per_page)


def list_knelpunten_page(
    session: Session, user: User, status: str | None = None, ministry: str | None = None, page: int = 1, per_page: int = 25
) -> SignalPage:
    """The knelpunten ``user`` may see, newest first, a page at a time (the API's list)."""
    stmt = visible_knelpunten(user).options(*_LISTED)
    if status:
        stmt = stmt.where(Knelpunt.status == status)
    if ministry:
        stmt = stmt.where(Knelpunt.ministry_code == ministry.upper())
    return page_of_knelpunten(session, stmt.order_by(Knelpunt.created_at.desc(), Knelpunt.id.desc()), page, per_page)


@dataclass
class KnelpuntCounts:
    """What the linked signals add up to."""

    signals: int
    channels: int
    people_affected: int
    channel_codes: list[str]


def knelpunt_counts(session: Session, knelpunt_ids: list[int]) -> dict[int, KnelpuntCounts]:
    """Signal, channel and people counts per knelpunt, computed in the database."""
    if not knelpunt_ids:
        return {}
    rows = session.execute(
        select(
            Signal.knelpunt_id,
            func.count(Signal.id),
            func.count(distinct(Signal.channel_code)),
            func.coalesce(func.sum(Signal.people_affected), 0),
        )
        .where(Signal.knelpunt_id.in_(knelpunt_ids))
        .group_by(Signal.knelpunt_id)
    ).all()
    channels: dict[int, list[str]] = {}
    for kid, code in session.execute(
        select(Signal.knelpunt_id, Signal.channel_code).where(Signal.knelpunt_id.in_(knelpunt_ids)).distinct()
    ):
        channels.setdefault(kid, []).append(code)
    result = {kid: KnelpuntCounts(0, 0, 0, []) for kid in knelpunt_ids}
    for kid, n_signals, n_channels, people in rows:
        result[kid] = KnelpuntCounts(n_signals, n_channels, int(people or 0), sorted(channels.get(kid, [])))
    return result


def _check_editor(user: User, ministry_code: str | None) -> None:
    if not permissions.may_manage_knelpunten(user):
        raise PermissionDenied(N_("Alleen de coördinator en beleidsmedewerkers van het ministerie beheren knelpunten."))
    if ministry_code and not permissions.may_edit_knelpunt(user, ministry_code):
        raise PermissionDenied(N_("U beheert alleen knelpunten van uw eigen ministerie."))


def assign_knelpunt_reference(knelpunt: Knelpunt) -> None:
    """Give a flushed knelpunt its reference from its creation year, e.g. KNP-2026-0007."""
    knelpunt.reference = f"KNP-{knelpunt.created_at.year}-{knelpunt.id:04d}"


def create_knelpunt(
    session: Session,
    actor: User,
    title: str,
    ministry: str | None,
    signal_ids: list[int] | None = None,
    problem: str = "",
    consequences: str = "",
    solution_direction: str = "",
    instrument: str | None = None,
    co_ministries: list[str] | None = None,
    regulations: list[str] | None = None,
) -> Knelpunt:
    """Establish a knelpunt from at least one signal the actor may see; the caller commits.

    A knelpunt needs a real title (``check_knelpunt_title``) and a signal that shows it: every
    way in (form, API, proposals, CLI) gets the same field-tied messages from here.
    """
    _check_editor(actor, None)
    errors = FieldErrors()
    title = check_knelpunt_title(title, errors)
    if not signal_ids:
        errors.add("signal_ids", SIGNALS_RULE)
    if not ministry:
        errors.add("ministry", N_("Kies het verantwoordelijke ministerie."))
    lead, co = resolve_lead_and_co_ministries(session, ministry, co_ministries, errors)
    if lead is not None:  # who may not act for this ministry hears that first, not which fields are missing
        _check_editor(actor, lead.code)
    if instrument and instrument not in INSTRUMENTS:
        errors.add("instrument", N_("Kies wetswijziging, amvb_regeling, beleidsregel of uitvoering."))
    signals = _signals_for(session, actor, signal_ids or [], errors)
    regulation_rows = []
    for code in regulations or []:
        regulation = find_regulation(session, code)
        if regulation is None:
            errors.add("regulations", Message(N_("Onbekende regeling: %(code)s"), code=str(code)[:40]))
        elif regulation not in regulation_rows:
            regulation_rows.append(regulation)
    errors.raise_if_any()
    _check_editor(actor, lead.code)
    # regulations are chosen by a person (suggested from the signals, see suggest_regulations), never
    # the union of the signals' regulations: one thinly evidenced signal must not reach the letter
    texts, removed = mask_fields(
        {
            "title": title,
            "problem": (problem or "").strip(),
            "consequences": (consequences or "").strip(),
            "solution_direction": (solution_direction or "").strip(),
        }
    )
    knelpunt = Knelpunt(
        **texts,
        instrument=instrument or None,
        ministry_code=lead.code,
        co_ministry_codes=" ".join(co),
        status="open",
        created_by_id=actor.id,
    )
    session.add(knelpunt)
    session.flush()
    assign_knelpunt_reference(knelpunt)
    for position, regulation in enumerate(regulation_rows):
        knelpunt.regulation_links.append(KnelpuntRegulation(regulation_id=regulation.id, position=position))
    knelpunt.removed_personal_data = removed
    record_event(
        session, "knelpunt", knelpunt.id, "created", actor=actor, to_state="open",
        data={"signals": [s.id for s in signals], **({"masked": list(removed)} if removed else {})},
    )
    for signal in signals:
        _link(session, knelpunt, signal, actor)
    session.flush()
    return knelpunt


def _signals_for(session: Session, actor: User, signal_ids: list, errors: FieldErrors) -> list[Signal]:
    signals = []
    for raw in signal_ids:
        if not isinstance(raw, int) or isinstance(raw, bool):
            errors.add("signal_ids", N_("Geef signaalnummers als gehele getallen."))
            continue
        try:
            signal = get_signal_for(session, actor, raw)
        except (NotFound, PermissionDenied):
            errors.add("signal_ids", Message(N_("Signaal %(id)s bestaat niet of u hebt er geen toegang toe."), id=raw))
            continue
        if signal not in signals:
            signals.append(signal)
    return signals


def _link(session: Session, knelpunt: Knelpunt, signal: Signal, actor: User) -> None:
    previous = signal.knelpunt_id
    signal.knelpunt_id = knelpunt.id
    record_event(
        session,
        "signal",
        signal.id,
        "linked",
        actor=actor,
        note=f"Gekoppeld aan knelpunt {knelpunt.reference}.",
        data={"knelpunt": knelpunt.id, "previous_knelpunt": previous},
        signal_id=signal.id,
    )
    record_event(session, "knelpunt", knelpunt.id, "signal_linked", actor=actor, data={"signal": signal.id, "reference": signal.reference})


def link_signals(session: Session, knelpunt: Knelpunt, actor: User, signal_ids: list[int]) -> list[Signal]:
    """Link signals the actor may see to ``knelpunt``."""
    _check_editor(actor, knelpunt.ministry_code)
    errors = FieldErrors()
    if not signal_ids:
        errors.add("signal_ids", N_("Kies minstens één signaal."))
    signals = _signals_for(session, actor, signal_ids, errors)
    errors.raise_if_any()
    for signal in signals:
        if signal.knelpunt_id != knelpunt.id:
            _link(session, knelpunt, signal, actor)
    session.flush()
    return signals


def unlink_signal(session: Session, knelpunt: Knelpunt, actor: User, signal_id: int) -> Signal:
    """Remove one signal from ``knelpunt``."""
    _check_editor(actor, knelpunt.ministry_code)
    signal = get_signal_for(session, actor, signal_id)
    if signal.knelpunt_id != knelpunt.id:
        raise NotFound(N_("Dit signaal hoort niet bij dit knelpunt."))
    others = session.scalar(select(func.count(Signal.id)).where(Signal.knelpunt_id == knelpunt.id, Signal.id != signal.id))
    if not others:
        raise TransitionNotAllowed(
            N_("Een knelpunt houdt minstens één signaal. Koppel eerst een ander signaal of wijs het knelpunt af."),
            {"signal_id": [SIGNALS_RULE]},
        )
    signal.knelpunt_id = None
    record_event(session, "signal", signal.id, "unlinked", actor=actor, note=f"Losgekoppeld van knelpunt {knelpunt.reference}.", data={"knelpunt": knelpunt.id}, signal_id=signal.id)
    record_event(session, "knelpunt", knelpunt.id, "signal_unlinked", actor=actor, data={"signal": signal.id, "reference": signal.reference})
    session.flush()
    return signal


def allowed_knelpunt_transitions(knelpunt: Knelpunt, user: User) -> list[str]:
    """Target statuses ``user`` may move ``knelpunt`` to."""
    if not permissions.may_manage_knelpunten(user) or not permissions.may_edit_knelpunt(user, knelpunt.ministry_code):
        return []
    return [to for (frm, to) in KNELPUNT_TRANSITIONS if frm == knelpunt.status]


def transition_knelpunt(session: Session, knelpunt: Knelpunt, to: str, actor: User, note: str | None = None) -> AuditEvent:
    """Move a knelpunt to ``to``; a reason is mandatory for rejecting and for going back."""
    if to not in KNELPUNT_STATUSES:
        from signals.errors import InvalidInput

        raise InvalidInput({"to": [N_("Onbekende status.")]})
    needs_reason = KNELPUNT_TRANSITIONS.get((knelpunt.status, to))
    if needs_reason is None:
        raise TransitionNotAllowed(N_("Deze stap kan niet vanuit de huidige status van het knelpunt."), {"to": [N_("Niet toegestaan vanuit de huidige status.")]})
    _check_editor(actor, knelpunt.ministry_code)
    (note,), removed = mask_texts((note or "").strip())
    knelpunt.removed_personal_data = removed
    if needs_reason and not note:
        errors = FieldErrors()
        errors.add("note", N_("Geef de reden."))
        errors.raise_if_any()
    frm = knelpunt.status
    knelpunt.status = to
    knelpunt.status_reason = note
    knelpunt.updated_at = utcnow()
    event = record_event(
        session, "knelpunt", knelpunt.id, "status", actor=actor, from_state=frm, to_state=to, note=note,
        data={"masked": list(removed)} if removed else None,
    )
    session.flush()
    from signals.subscriptions import notify_followers  # followers hear of every status change (issue 14)

    notify_followers(session, knelpunt, event)
    return event


def update_knelpunt(session: Session, knelpunt: Knelpunt, actor: User, **fields) -> None:
    """Change the descriptive fields of a knelpunt, with an audit event naming them."""
    _check_editor(actor, knelpunt.ministry_code)
    errors = FieldErrors()
    if "instrument" in fields and fields["instrument"] and fields["instrument"] not in INSTRUMENTS:
        errors.add("instrument", N_("Kies wetswijziging, amvb_regeling, beleidsregel of uitvoering."))
    if "title" in fields and fields["title"] is not None:
        fields = {**fields, "title": check_knelpunt_title(fields["title"], errors)}
    errors.raise_if_any()
    texts = {name: fields[name] for name in ("title", "problem", "consequences", "solution_direction") if isinstance(fields.get(name), str)}
    masked_texts, removed = mask_fields(texts)
    fields = {**fields, **masked_texts}
    knelpunt.removed_personal_data = removed
    changed = []
    for name in ("title", "problem", "consequences", "solution_direction", "instrument"):
        if name in fields and fields[name] is not None and getattr(knelpunt, name) != fields[name]:
            setattr(knelpunt, name, fields[name].strip() if isinstance(fields[name], str) else fields[name])
            changed.append(name)
    if changed:
        knelpunt.updated_at = utcnow()
        record_event(
            session, "knelpunt", knelpunt.id, "updated", actor=actor,
            data={"fields": changed, **({"masked": list(removed)} if removed else {})},
        )
    session.flush()


def knelpunt_history(session: Session, knelpunt: Knelpunt) -> list[AuditEvent]:
    """The knelpunt's own events, oldest first."""
    return list(
        session.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity_type == "knelpunt", AuditEvent.entity_id == str(knelpunt.id))
            .order_by(AuditEvent.created_at, AuditEvent.id)
        )
    )


def visible_linked_signals(session: Session, user: User, knelpunt: Knelpunt) -> list[Signal]:
    """The knelpunt's signals that ``user`` may open (others count, but are not listed)."""
    if not permissions.may_work_with_signals(user):
        return []
    return list(session.scalars(visible_signals(user).where(Signal.knelpunt_id == knelpunt.id).order_by(Signal.id)))


def suggest_regulations(signals) -> list[tuple[object, int, int]]:
    """Regulations of the given signals ranked by evidence: (regulation, signals naming it as lead, signals naming it).

    A regulation that is the lead regulation of many signals ranks first; one that a
    single signal mentions in passing comes last. A person chooses from these.
    """
    lead: dict[int, int] = {}
    total: dict[int, int] = {}
    rows: dict[int, object] = {}
    for signal in signals:
        for link in signal.regulation_links:
            rows[link.regulation_id] = link.regulation
            total[link.regulation_id] = total.get(link.regulation_id, 0) + 1
            if link.position == 0:
                lead[link.regulation_id] = lead.get(link.regulation_id, 0) + 1
    ranked = sorted(rows, key=lambda rid: (-lead.get(rid, 0), -total[rid], rows[rid].title))
    return [(rows[rid], lead.get(rid, 0), total[rid]) for rid in ranked]


def set_knelpunt_regulations(session: Session, knelpunt: Knelpunt, actor: User, codes: list[str]) -> None:
    """Replace the knelpunt's regulations by the ones a person chose (codes or BWB ids), in that order."""
    _check_editor(actor, knelpunt.ministry_code)
    errors = FieldErrors()
    chosen = []
    for code in codes or []:
        regulation = find_regulation(session, code)
        if regulation is None:
            errors.add("regulations", Message(N_("Onbekende regeling: %(code)s"), code=str(code)[:40]))
        elif regulation not in chosen:
            chosen.append(regulation)
    errors.raise_if_any()
    before = [r.code for r in knelpunt.regulations]
    after = [r.code for r in chosen]
    if before == after:
        return
    knelpunt.regulation_links.clear()
    session.flush()
    for position, regulation in enumerate(chosen):
        knelpunt.regulation_links.append(KnelpuntRegulation(regulation_id=regulation.id, position=position))
    record_event(session, "knelpunt", knelpunt.id, "regulations", actor=actor, data={"before": before, "after": after})
    session.flush()
