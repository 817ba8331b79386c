"""The submitter corrects or withdraws a signal until the ministry accepts it (audited).

Corrected texts pass the same privacy guard as the intake; a withdrawn signal
leaves every queue (status ``withdrawn``) and its contact details are removed at once.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from signals.audit import record_event
from signals.errors import N_, FieldErrors, PermissionDenied
from signals.intake import TEXT_MAX, TITLE_MAX
from signals.models import AuditEvent, Signal, SignalContact, User, utcnow
from signals.permissions import may_correct_signal
from signals.privacy import PERSONAL_DATA_KINDS, mask_fields

TEXT_FIELDS = ("title", "description", "impact", "proposed_solution")


def _check(signal: Signal, actor: User) -> None:
    if not may_correct_signal(actor, signal):
        raise PermissionDenied(N_("Alleen de melder kan een signaal aanpassen of intrekken, en alleen zolang het ministerie het nog niet in behandeling nam."))


def correct_signal(session: Session, signal: Signal, actor: User, **texts: str | None) -> tuple[str, ...]:
    """Replace the signal's texts (masked); returns the kinds removed. The caller commits."""
    _check(signal, actor)
    given = {name: (texts.get(name) or "").strip() for name in TEXT_FIELDS if texts.get(name) is not None}
    errors = FieldErrors()
    if "title" in given and not given["title"]:
        errors.add("title", N_("Geef het signaal een korte titel."))
    if "title" in given and len(given["title"]) > TITLE_MAX:
        errors.add("title", N_("De titel mag hoogstens 200 tekens lang zijn."))
    if "description" in given and not given["description"]:
        errors.add("description", N_("Beschrijf wat er gebeurde en welke regel het veroorzaakt."))
    for name in ("description", "impact", "proposed_solution"):
        if len(given.get(name, "")) > TEXT_MAX:
            errors.add(name, N_("Deze tekst mag hoogstens 10.000 tekens lang zijn."))
    errors.raise_if_any()
    masked, removed = mask_fields(given)
    changed = [name for name in TEXT_FIELDS if name in masked and masked[name] != getattr(signal, name)]
    for name in changed:
        setattr(signal, name, masked[name])
    signal.masked = [k for k in PERSONAL_DATA_KINDS if k in removed or k in (signal.masked or [])]
    signal.removed_personal_data = removed
    if changed:
        signal.updated_at = utcnow()
        record_event(
            session, "signal", signal.id, "correct", actor=actor, note="Tekst aangepast door de melder.",
            data={"fields": changed, **({"masked": list(removed)} if removed else {})}, signal_id=signal.id,
        )
    session.flush()
    return removed


def withdraw_signal(session: Session, signal: Signal, actor: User, reason: str = "") -> AuditEvent:
    """Withdraw the signal; it leaves the ministry's queue and its contact details are removed."""
    _check(signal, actor)
    reason_masked, removed = mask_fields({"reason": (reason or "").strip()[:2000]})
    now = utcnow()
    frm = signal.status
    signal.status = "withdrawn"
    signal.due_at = None
    signal.updated_at = now
    signal.removed_personal_data = removed
    for contact in session.scalars(select(SignalContact).where(SignalContact.signal_id == signal.id)):
        session.delete(contact)
    event = record_event(
        session, "signal", signal.id, "withdraw", actor=actor, from_state=frm, to_state="withdrawn",
        note=reason_masked["reason"] or "", data={"masked": list(removed)} if removed else None, signal_id=signal.id,
    )
    session.flush()
    return event
