"""A ministry's team at work: claiming and assigning signals, internal notes, standard answers,
bulk steps and the counts shown in the menu.

Changes validate, change, write the audit event and flush; the caller commits once.
Every rule of who may do it is asked of ``signals.permissions``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from signals import deadlines, permissions, tallies
from signals.access import get_signal_for, routed_to, visible_signals
from signals.audit import list_signal_history, record_event
from signals.errors import N_, DomainError, FieldErrors, Message, PermissionDenied
from signals.models import AuditEvent, Signal, SignalNote, StandardAnswer, User, utcnow
from signals.privacy import mask_fields
from signals.vocabulary import OPEN_STATUSES, OUTCOMES
from signals.workflow import allowed_transitions, transition_signal

NOTE_MAX = 5000


def list_team(session: Session, ministry_code: str) -> list[User]:
    """The active triage staff of a ministry, by name."""
    users = session.scalars(
        select(User)
        .where(User.organisation_code == ministry_code, User.is_active.is_(True))
        .order_by(User.name, User.email)
    )
    return [u for u in users if permissions.works_a_queue(u)]


def assign_signal(session: Session, signal: Signal, actor: User, assignee: User | None) -> None:
    """Give the signal to ``assignee`` (None: back to the team); claiming is assigning to oneself."""
    if not permissions.may_claim(actor, signal):
        raise PermissionDenied(N_("Alleen het eerstverantwoordelijke ministerie verdeelt dit signaal."))
    if assignee is not None and not permissions.may_assign_to(actor, signal, assignee):
        errors = FieldErrors()
        errors.add("assignee", N_("Kies een collega van het eerstverantwoordelijke ministerie."))
        errors.raise_if_any()
    if signal.status not in OPEN_STATUSES and signal.status != "answered":
        errors = FieldErrors()
        errors.add("assignee", N_("Een afgesloten of samengevoegd signaal wordt niet meer verdeeld."))
        errors.raise_if_any()
    previous = signal.assignee_id
    new = assignee.id if assignee is not None else None
    if previous == new:
        return
    signal.assignee_id = new
    action = (
        "claim"
        if assignee is not None and assignee.id == actor.id
        else ("assign" if assignee is not None else "unassign")
    )
    record_event(
        session,
        "signal",
        signal.id,
        action,
        actor=actor,
        data={"assignee": new, "previous_assignee": previous},
        signal_id=signal.id,
    )
    session.flush()


def add_note(session: Session, signal: Signal, actor: User, text: str) -> SignalNote:
    """An internal note (masked like every free text); the frontline never sees it."""
    if not permissions.may_write_internal_note(actor, signal):
        raise PermissionDenied(N_("U kunt bij dit signaal geen interne notitie maken."))
    errors = FieldErrors()
    text = (text or "").strip()
    if not text:
        errors.add("text", N_("Schrijf de notitie."))
    elif len(text) > NOTE_MAX:
        errors.add("text", N_("Een notitie mag hoogstens 5.000 tekens lang zijn."))
    errors.raise_if_any()
    masked_fields, masked = mask_fields({"text": text})
    note = SignalNote(
        signal_id=signal.id,
        author_id=actor.id,
        organisation_code=actor.organisation_code or "",
        text=masked_fields["text"],
    )
    session.add(note)
    session.flush()
    record_event(
        session,
        "signal",
        signal.id,
        "note",
        actor=actor,
        data={"note": note.id, "masked": list(masked)},
        signal_id=signal.id,
    )
    session.flush()
    return note


def list_notes(session: Session, signal: Signal, user: User) -> list[SignalNote]:
    """The signal's internal notes, oldest first; none at all for whoever may not see them."""
    if not permissions.may_see_internal_notes(user, signal):
        return []
    return list(
        session.scalars(
            select(SignalNote).where(SignalNote.signal_id == signal.id).order_by(SignalNote.created_at, SignalNote.id)
        )
    )


#: audit actions about a ministry's own way of working: who picks a signal up, its internal notes,
#: which standard answer it started from. The frontline and other organisations never see them.
INTERNAL_ACTIONS = frozenset({"note", "claim", "assign", "unassign", "standard_answer_used"})


def visible_signal_history(session: Session, user: User, signal: Signal) -> list[AuditEvent]:
    """The signal's events that ``user`` may read, oldest first (pages and API alike)."""
    events = list_signal_history(session, signal.id)
    if permissions.may_see_internal_history(user, signal):
        return events
    return [event for event in events if event.action not in INTERNAL_ACTIONS]


# --- standard answers ---


def list_standard_answers(session: Session, ministry_code: str | None) -> list[StandardAnswer]:
    """A ministry's standard answers by title."""
    if not ministry_code:
        return []
    return list(
        session.scalars(
            select(StandardAnswer).where(StandardAnswer.ministry_code == ministry_code).order_by(StandardAnswer.title)
        )
    )


def _check_answer_fields(title: str, text: str, outcome: str | None) -> tuple[str, str]:
    errors = FieldErrors()
    title, text = (title or "").strip(), (text or "").strip()
    if len(title) < 3:
        errors.add("title", N_("Geef het standaardantwoord een naam van minstens 3 tekens."))
    elif len(title) > 200:
        errors.add("title", N_("De naam mag hoogstens 200 tekens lang zijn."))
    if not text:
        errors.add("text", N_("Schrijf de tekst van het antwoord."))
    elif len(text) > 10_000:
        errors.add("text", N_("Deze tekst mag hoogstens 10.000 tekens lang zijn."))
    if outcome and outcome not in OUTCOMES:
        errors.add("outcome", N_("Onbekende uitkomst."))
    errors.raise_if_any()
    return title, text


def save_standard_answer(
    session: Session,
    actor: User,
    title: str,
    text: str,
    outcome: str | None = None,
    answer: StandardAnswer | None = None,
) -> StandardAnswer:
    """Create or change a standard answer of the actor's ministry."""
    if not permissions.may_keep_standard_answers(actor):
        raise PermissionDenied(N_("Alleen beleidsmedewerkers van een ministerie beheren standaardantwoorden."))
    if answer is not None and answer.ministry_code != actor.organisation_code:
        raise PermissionDenied(N_("Dit standaardantwoord is van een ander ministerie."))
    title, text = _check_answer_fields(title, text, outcome)
    masked_fields, _masked = mask_fields({"text": text})
    created = answer is None
    if created:
        answer = StandardAnswer(ministry_code=actor.organisation_code)
        session.add(answer)
    answer.title, answer.text, answer.outcome = title, masked_fields["text"], outcome or None
    answer.updated_at = utcnow()
    session.flush()
    record_event(
        session,
        "standard_answer",
        answer.id,
        "created" if created else "updated",
        actor=actor,
        data={"ministry": answer.ministry_code, "title": title},
    )
    session.flush()
    return answer


def record_standard_answer_use(session: Session, signal: Signal, actor: User, answer_id: int | None) -> None:
    """Note (internally) that the answer to ``signal`` started from one of the ministry's standard answers."""
    if not answer_id:
        return
    answer = session.get(StandardAnswer, answer_id)
    if answer is None or answer.ministry_code != actor.organisation_code:
        return  # a stale or foreign choice is not worth refusing the answer for
    record_event(
        session, "signal", signal.id, "standard_answer_used", actor=actor,
        data={"standard_answer": answer.id, "title": answer.title}, signal_id=signal.id,
    )


def delete_standard_answer(session: Session, actor: User, answer: StandardAnswer) -> None:
    """Remove a standard answer of the actor's ministry."""
    if not permissions.may_keep_standard_answers(actor) or answer.ministry_code != actor.organisation_code:
        raise PermissionDenied(N_("Dit standaardantwoord is van een ander ministerie."))
    record_event(
        session,
        "standard_answer",
        answer.id,
        "deleted",
        actor=actor,
        data={"ministry": answer.ministry_code, "title": answer.title},
    )
    session.delete(answer)
    session.flush()


# --- bulk steps on a queue selection ---


@dataclass
class BulkResult:
    """What a bulk step did: references done, and per reference why not."""

    done: list[str] = field(default_factory=list)
    skipped: list[tuple[str, Message | str]] = field(default_factory=list)


def selected_signals(session: Session, user: User, ids: list[int]) -> list[Signal]:
    """The signals of a selection that ``user`` may see, in the order chosen."""
    result = []
    for signal_id in dict.fromkeys(ids):
        try:
            result.append(get_signal_for(session, user, signal_id))
        except DomainError:
            continue
    return result


def bulk_accept(session: Session, actor: User, signals: list[Signal]) -> BulkResult:
    """Accept every selected signal that may be accepted now; say why for the others."""
    result = BulkResult()
    for signal in signals:
        if not any(rule.action == "accept" for _to, rule in allowed_transitions(signal, actor)):
            result.skipped.append((signal.reference, N_("kan nu niet in behandeling worden genomen")))
            continue
        transition_signal(session, signal, "in_progress", actor)
        result.done.append(signal.reference)
    return result


def bulk_assign(session: Session, actor: User, signals: list[Signal], assignee: User | None) -> BulkResult:
    """Assign every selected signal the actor may distribute."""
    result = BulkResult()
    for signal in signals:
        try:
            assign_signal(session, signal, actor, assignee)
        except DomainError as error:
            messages = [m for ms in error.fields.values() for m in ms] if error.fields else [error.message]
            result.skipped.append((signal.reference, messages[0]))
            continue
        result.done.append(signal.reference)
    return result


# --- counts for the menu ---


@dataclass
class QueueCounts:
    """New and waiting work of a ministry's queue, and what is the user's own."""

    new: int = 0
    in_progress: int = 0
    waiting: int = 0
    mine: int = 0
    reopen: int = 0


def queue_counts(session: Session, user: User) -> QueueCounts:
    """Counts for the triage menu: routed (new), in progress, waiting for the frontline, the user's own."""
    if not permissions.works_a_queue(user):
        return QueueCounts()
    # open work per status from the summary table; the user's own and reopen requests by their indexes
    counts = tallies.status_counts_led_by(session, user.organisation_code, OPEN_STATUSES)
    led = visible_signals(user).where(routed_to(user.organisation_code, lead_only=True))
    # the user's own by the assignee index alone: the open statuses are counted, not searched by
    # (with a status IN, SQLite walked every open signal of the status index instead)
    mine = session.scalar(
        led.with_only_columns(func.coalesce(func.sum(case((Signal.status.in_(OPEN_STATUSES), 1), else_=0)), 0)).where(
            Signal.assignee_id == user.id
        )
    )
    # by the partial index of reopen requests; the status is tested, not searched (coalesce), or
    # SQLite would walk every answered signal of the status index
    reopen = session.scalar(
        led.with_only_columns(func.count()).where(
            Signal.reopen_requested_at.is_not(None), func.coalesce(Signal.status, "") == "answered"
        )
    )
    return QueueCounts(
        new=counts.get("routed", 0),
        in_progress=counts.get("in_progress", 0),
        waiting=counts.get(deadlines.PAUSED_STATUS, 0),
        mine=mine or 0,
        reopen=reopen or 0,
    )


def unrouted_count(session: Session, user: User) -> int:
    """Signals the coordinator still has to route."""
    if not permissions.may_route_any(user):
        return 0
    return (
        session.scalar(
            select(func.count()).select_from(visible_signals(user).where(Signal.status == "received").subquery())
        )
        or 0
    )


def age_in_days(signal: Signal, now: dt.datetime | None = None) -> int:
    """Whole days since the signal was logged."""
    from signals.deadlines import as_utc

    now = now or utcnow()
    return max(0, (now - as_utc(signal.created_at)).days)


def next_in_queue(session: Session, user: User, current: Signal) -> Signal | None:
    """The signal to open after ``current``: the oldest of the queue that is the user's own or nobody's."""
    if not permissions.works_a_queue(user):
        return None
    stmt = (
        visible_signals(user)
        .where(
            routed_to(user.organisation_code, lead_only=True),
            Signal.id != current.id,
            Signal.status.in_(deadlines.CLOCK_RUNNING_STATUSES)
            | ((Signal.status == "answered") & Signal.reopen_requested_at.is_not(None)),
            (Signal.assignee_id.is_(None)) | (Signal.assignee_id == user.id),
        )
        .order_by(Signal.created_at, Signal.id)
        .limit(1)
    )
    return session.scalars(stmt).first()


# --- the coordinator's unrouted queue ---


@dataclass
class RouteSuggestion:
    """One suggestion of the router for an unrouted signal, with the words that led to it."""

    ministry: str
    regulation_code: str | None
    regulation_title: str
    confidence: float
    reasons: list[str]


def suggestions_for(session: Session, signal: Signal, limit: int = 3) -> list[RouteSuggestion]:
    """The router's suggestions (stored at intake, or worked out now if none were stored)."""
    return suggestions_for_many(session, [signal], limit)[0]


def suggestions_for_many(session: Session, signals: list[Signal], limit: int = 3) -> list[list[RouteSuggestion]]:
    """``suggestions_for`` each of ``signals`` (a page of the unrouted queue): the texts without stored
    suggestions routed in one go, the regulations' titles read in one query."""
    from signals.models import Regulation
    from signals.routing import route_many_by_text

    raws = [list(signal.routing_suggestions or []) for signal in signals]
    unrouted = [index for index, raw in enumerate(raws) if not raw]
    if unrouted:
        texts = [f"{signals[index].title}\n{signals[index].description}" for index in unrouted]
        for index, decision in zip(unrouted, route_many_by_text(session, texts, threshold=1.01), strict=True):
            raws[index] = decision.alternatives or []
    raws = [raw[:limit] for raw in raws]
    codes = sorted({s.get("regulation") for raw in raws for s in raw if s.get("regulation")})
    titles = (
        dict(session.execute(select(Regulation.code, Regulation.title).where(Regulation.code.in_(codes))).all())
        if codes
        else {}
    )
    result = []
    for raw in raws:
        suggestions = []
        for item in raw:
            words = list(dict.fromkeys(w for w in item.get("matched") or [] if w))
            code = item.get("regulation")
            suggestions.append(
                RouteSuggestion(
                    item.get("ministry") or "",
                    code,
                    titles.get(code, code or ""),
                    float(item.get("confidence") or 0),
                    words,
                )
            )
        result.append(suggestions)
    return result


def route_from_queue(
    session: Session, signal: Signal, actor: User, ministry: str | None, regulation_code: str | None, note: str = ""
) -> None:
    """Route an unrouted signal from the coordinator's queue, optionally naming its regulation.

    The regulation is recorded on the signal (audited) and, when no ministry is chosen, decides it.
    """
    from signals.reference import find_regulation
    from signals.workflow import set_regulations

    errors = FieldErrors()
    regulation = None
    if regulation_code:
        regulation = find_regulation(session, regulation_code)
        if regulation is None:
            errors.add(
                "regulation", N_("Deze regeling kennen we niet. Kies er een uit de lijst of laat het veld leeg.")
            )
    errors.raise_if_any()
    if regulation is not None:
        previous = [r.code for r in signal.regulations]
        codes = [regulation.code] + [c for c in previous if c != regulation.code]
        set_regulations(session, signal, codes)
        record_event(
            session,
            "signal",
            signal.id,
            "regulation",
            actor=actor,
            note=f"Regeling vastgesteld: {regulation.title}.",
            data={"regulations": codes, "previous_regulations": previous},
            signal_id=signal.id,
        )
        ministry = ministry or regulation.ministry_code
    transition_signal(session, signal, "routed", actor, note=note, ministry=ministry)
