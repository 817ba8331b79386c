"""The signal workflow of DESIGN §4: the transition table and the one function that applies it.

Every state change of a signal goes through ``transition_signal``, which checks
the rule, the actor's role and organisation and the required fields, changes the
signal, sets the running deadline, queues the notifications and writes the audit
event, all in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from signals import deadlines, refcache
from signals.audit import record_event
from signals.errors import N_, FieldErrors, InvalidInput, PermissionDenied, TransitionNotAllowed
from signals.models import Ministry, Signal, SignalMinistry, SignalRegulation, User, utcnow
from signals.notifications import queue_notification, signal_context, team_emails
from signals.permissions import SYSTEM_ROLE, may_take_step
from signals.privacy import mask_texts
from signals.reference import resolve_lead_and_co_ministries
from signals.vocabulary import OPEN_STATUSES, OUTCOMES, STATUSES


@dataclass(frozen=True)
class Rule:
    """One allowed transition: its action name, who may take it and what it needs."""

    action: str
    roles: frozenset[str]
    requires: tuple[str, ...] = ()


def _rule(action: str, roles: str, requires: str = "") -> Rule:
    return Rule(action, frozenset(roles.split()), tuple(requires.split()))


#: (from, to) -> rule. Anything not in this table is refused (HTTP 409).
TRANSITIONS: dict[tuple[str, str], Rule] = {
    ("received", "routed"): _rule("route", "coordinator", "ministry"),
    ("routed", "routed"): _rule("reroute", "triage coordinator", "ministry note"),
    ("routed", "in_progress"): _rule("accept", "triage"),
    ("in_progress", "needs_info"): _rule("request_info", "triage", "note"),
    ("needs_info", "in_progress"): _rule("provide_info", "frontline triage", "note"),
    ("in_progress", "answered"): _rule("answer", "triage", "outcome response"),
    ("answered", "closed"): _rule("close", "frontline triage coordinator system"),
    ("answered", "in_progress"): _rule("reopen", "frontline triage coordinator", "note"),
    **{(state, "merged"): _rule("merge", "triage coordinator", "target") for state in OPEN_STATUSES},
}

REQUIRED_MESSAGES = {
    "ministry": N_("Kies het ministerie."),
    "note": N_("Geef een toelichting of reden."),
    "outcome": N_("Kies een uitkomst."),
    "response": N_("Schrijf het antwoord voor de frontlijn."),
    "target": N_("Kies het signaal waarmee dit signaal wordt samengevoegd."),
}


class SystemActor:
    """Knelpunt itself, for steps taken by scheduled commands (auto-close)."""

    id = None
    role = SYSTEM_ROLE
    organisation_code = None
    email = "systeem"


SYSTEM = SystemActor()


def allowed_transitions(signal: Signal, user: User) -> list[tuple[str, Rule]]:
    """The target states ``user`` may move ``signal`` to now."""
    return [
        (to, rule)
        for (frm, to), rule in TRANSITIONS.items()
        if frm == signal.status and may_take_step(user, rule.roles, signal)
    ]


def set_routing(session: Session, signal: Signal, ministry: str, co_ministries: list[str], at: dt.datetime | None = None) -> None:
    """Replace the signal's lead and co-ministries and start the acceptance deadline.

    Low level: callers route through ``route_signal``, which also writes the event.
    """
    at = at or utcnow()
    _set_ministries(session, signal, ministry, co_ministries)
    _start_acceptance(session, signal, ministry, at)


def _set_ministries(session: Session, signal: Signal, ministry: str, co_ministries: list[str]) -> None:
    if signal.ministry_links:  # the old links go first (one row per ministry); a new signal has none
        signal.ministry_links.clear()
        session.flush()
    signal.ministry_links.append(SignalMinistry(ministry_code=ministry, is_lead=True))
    for code in dict.fromkeys(co_ministries):
        if code != ministry:
            signal.ministry_links.append(SignalMinistry(ministry_code=code, is_lead=False))


def _start_acceptance(session: Session, signal: Signal, ministry: str, at: dt.datetime) -> None:
    signal.routed_at = at
    signal.deadline_started_at = at
    known = refcache.snapshot(session).ministries.get(ministry)
    signal.due_at = deadlines.accept_deadline(known or session.get(Ministry, ministry), at)
    queue_notification(
        session,
        "routed",
        f"routed:{signal.id}:{ministry}:{at.isoformat()}",
        team_emails(session, ministry, "triage"),
        signal_context(signal, ministry=ministry, due=deadlines.format_local_date(signal.due_at)),
        signal,
        fresh=inspect(signal).pending,  # a signal being submitted: no mail about it can exist yet
    )


#: how a routing was decided; only ``manual`` decisions are examples to learn from
ROUTING_DECIDED_BY = ("regulation", "text", "manual", "portfolio", "inherited")


def route_signal(
    session: Session,
    signal: Signal,
    ministry: str,
    co_ministries: list[str] | None,
    actor,
    method: str,
    *,
    note: str = "",
    explanation: str | None = None,
    confidence: float | None = None,
    action: str | None = None,
    at: dt.datetime | None = None,
):
    """The one way to route or re-route a signal: intake, split, coordinator, triage and portfolio moves.

    Sets the lead and co-ministries; a signal awaiting routing or acceptance becomes ``routed``
    and the new ministry gets its own time to accept; a signal already being handled keeps
    its state and deadline (portfolio moves). Writes one event whose data always holds
    ``from_ministry``, ``ministry``, ``co_ministries`` and ``method`` (how it was decided).
    """
    if method not in ROUTING_DECIDED_BY:
        raise ValueError(f"unknown routing method {method!r}")
    at = at or utcnow()
    frm = signal.status
    from_ministry = signal.lead_ministry_code
    co = [code for code in dict.fromkeys(co_ministries or []) if code != ministry]
    if action is None:
        action = "route" if from_ministry is None and frm == "received" else "reroute"
    _set_ministries(session, signal, ministry, co)
    if frm in ("received", "routed"):
        _start_acceptance(session, signal, ministry, at)
        signal.status = "routed"
    signal.routing_method = method
    signal.routing_confidence = confidence
    if explanation is not None:
        signal.routing_explanation = explanation
    signal.updated_at = at
    event = record_event(
        session,
        "signal",
        signal.id,
        action,
        actor=actor,
        from_state=frm,
        to_state=signal.status,
        note=note,
        data={"from_ministry": from_ministry, "ministry": ministry, "co_ministries": co, "method": method},
        signal_id=signal.id,
    )
    event.created_at = at
    return event


def _format_due(value: dt.datetime | None) -> str:
    return deadlines.format_local_date(value)


def transition_signal(
    session: Session,
    signal: Signal,
    to: str,
    actor,
    note: str | None = None,
    ministry: str | None = None,
    co_ministries: list[str] | None = None,
    outcome: str | None = None,
    response: str | None = None,
    target: Signal | None = None,
    at: dt.datetime | None = None,
):
    """Move ``signal`` to state ``to`` if the workflow, the actor and the inputs allow it."""
    at = at or utcnow()
    frm = signal.status
    if to not in STATUSES:
        raise InvalidInput({"to": [N_("Onbekende status.")]})
    rule = TRANSITIONS.get((frm, to))
    if rule is None:
        raise TransitionNotAllowed(
            N_("Deze stap kan niet vanuit de huidige status van het signaal."),
            {"to": [N_("Niet toegestaan vanuit de huidige status.")]},
        )
    if not may_take_step(actor, rule.roles, signal):
        raise PermissionDenied(N_("U mag deze stap voor dit signaal niet zetten."))

    note = (note or "").strip()
    response = (response or "").strip()
    (note, response), removed = mask_texts(note, response)  # personal data never reaches a ministry
    values = {"ministry": ministry, "note": note, "outcome": outcome, "response": response, "target": target}
    errors = FieldErrors()
    for name in rule.requires:
        if not values[name]:
            errors.add(name, REQUIRED_MESSAGES[name])
    data: dict = {}

    if rule.action in ("route", "reroute"):
        lead, co = resolve_lead_and_co_ministries(session, ministry, co_ministries, errors)
        if rule.action == "reroute" and lead is not None and lead.code == signal.lead_ministry_code and not co_ministries:
            errors.add("ministry", N_("Kies een ander ministerie dan het huidige."))
    if rule.action == "answer":
        if outcome and outcome not in OUTCOMES:
            errors.add("outcome", N_("Onbekende uitkomst."))
        if outcome == "not_taken_up" and not note:
            errors.add("note", N_("Geef de reden waarom het signaal niet wordt opgepakt."))
    if rule.action == "merge" and target is not None:
        if target.id == signal.id:
            errors.add("target", N_("Een signaal kan niet met zichzelf worden samengevoegd."))
        elif target.status == "merged":
            errors.add("target", N_("Dat signaal is zelf al samengevoegd; kies het signaal waarin het opging."))
    errors.raise_if_any()

    if rule.action in ("route", "reroute"):
        explanation = f"Handmatig doorgezet naar {lead.code}." + (f" Reden: {note}" if note else "")
        event = route_signal(
            session, signal, lead.code, co, actor, "manual", note=note, explanation=explanation, action=rule.action, at=at
        )
        if removed:
            event.data = {**(event.data or {}), "masked": list(removed)}
        session.flush()
        return event
    if rule.action in ("accept", "reopen"):
        ministry_row = session.get(Ministry, signal.lead_ministry_code)
        signal.deadline_started_at = at
        signal.due_at = deadlines.answer_deadline(ministry_row, at)
        if rule.action == "reopen":
            signal.answered_at = None
            signal.reopen_requested_at = None
    elif rule.action == "request_info":
        signal.needs_info_since = at
    elif rule.action == "provide_info":
        # the ministry's clock stood still while the frontline was asked: the deadline moves on by
        # exactly the pause, in working days (the stored moment of asking, not the last write)
        if signal.due_at is not None and signal.needs_info_since is not None:
            old_due = deadlines.as_utc(signal.due_at)
            signal.due_at = deadlines.extend_by_pause(old_due, signal.needs_info_since, at)
            if signal.deadline_started_at is not None:
                signal.deadline_started_at = deadlines.as_utc(signal.deadline_started_at) + (signal.due_at - old_due)
        signal.needs_info_since = None
    elif rule.action == "answer":
        signal.outcome, signal.response, signal.answered_at = outcome, response, at
        data = {"outcome": outcome, "response": response}
    elif rule.action == "close":
        signal.closed_at = at
        signal.reopen_requested_at = None
    elif rule.action == "merge":
        signal.merged_into_id = target.id
        signal.needs_info_since = None
        data = {"target": target.id, "target_reference": target.reference}

    signal.status = to
    signal.updated_at = at
    event = record_event(
        session,
        "signal",
        signal.id,
        rule.action,
        actor=actor,
        from_state=frm,
        to_state=to,
        note=response if rule.action == "answer" and not note else note,
        data=data,
        signal_id=signal.id,
    )
    event.created_at = at
    if removed:
        event.data = {**(event.data or {}), "masked": list(removed)}
    _notify(session, signal, rule.action, note, at)
    session.flush()
    return event


def accept_and_ask(
    session: Session, signal: Signal, actor, question: str | None, note: str | None = None, at: dt.datetime | None = None
) -> list:
    """Accept a routed signal and at once ask the submitter a question.

    Two steps of the transition table (routed → in_progress → needs_info), each with its own
    audit event, in the caller's one transaction: the ministry saves a round trip, the trail
    still shows that it accepted before it asked.
    """
    if not (question or "").strip():
        errors = FieldErrors()
        errors.add("question", N_("Schrijf uw vraag aan de melder (verplicht bij „In behandeling nemen en vraag stellen”)."))
        errors.raise_if_any()
    at = at or utcnow()
    accepted = transition_signal(session, signal, "in_progress", actor, note=note, at=at)
    try:
        asked = transition_signal(session, signal, "needs_info", actor, note=question, at=at)
    except InvalidInput as error:  # the question is the request's note: name the field the person filled
        raise InvalidInput({("question" if name == "note" else name): messages for name, messages in error.fields.items()}) from None
    return [accepted, asked]


def _notify(session: Session, signal: Signal, action: str, note: str, at: dt.datetime) -> None:
    """Tell the submitter about answers and questions; merged signals' submitters hear the answer too."""
    if action == "request_info":
        recipients = [signal.submitter.email] if signal.submitter else []
        queue_notification(session, "needs_info", f"needs_info:{signal.id}:{at.isoformat()}", recipients, signal_context(signal, note=note), signal)
    elif action == "answer":
        followers = session.scalars(select(Signal).where(Signal.merged_into_id == signal.id)).all()
        for each in [signal, *followers]:
            if each.submitter is None:
                continue
            queue_notification(
                session,
                "answered",
                f"answered:{each.id}:{at.isoformat()}",
                [each.submitter.email],
                signal_context(
                    each,
                    ministry=signal.lead_ministry_code,
                    outcome=OUTCOMES.get(signal.outcome, ""),
                    response=signal.response,
                ),
                each,
            )


def set_regulations(session: Session, signal: Signal, codes: list[str]) -> None:
    """Attach regulations by code, lead first."""
    if signal.regulation_links:  # the old links go first (one row per regulation); a new signal has none
        signal.regulation_links.clear()
        session.flush()
    reference = refcache.snapshot(session)
    for position, code in enumerate(codes):
        regulation = reference.regulation(code)
        if regulation is not None:
            signal.regulation_links.append(SignalRegulation(regulation_id=regulation.id, position=position))


def followed_signal(signal: Signal) -> Signal:
    """The signal whose status and answer a merged signal follows (itself when not merged)."""
    seen = set()
    current = signal
    while current.status == "merged" and current.merged_into is not None and current.id not in seen:
        seen.add(current.id)
        current = current.merged_into
    return current
