"""Run the current privacy guard over texts stored before it (``flask --app app privacy rescan``).

Every free-text column that can hold what a person typed is scanned: signals,
notes and answers in audit events, feedback, knelpunten and the bodies of
notifications. A record whose text changes is masked in place and gets an audit
event saying which fields and how many of each kind; masking is idempotent, so
a second run changes nothing. With ``dry_run`` nothing is written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from signals.audit import record_event
from signals.models import AuditEvent, Knelpunt, Notification, Signal
from signals.privacy import PERSONAL_DATA_KINDS, mask_personal_data

SIGNAL_FIELDS = ("title", "description", "impact", "proposed_solution", "response", "feedback_comment", "routing_explanation")
KNELPUNT_FIELDS = ("title", "problem", "consequences", "solution_direction", "status_reason")
NOTIFICATION_FIELDS = ("subject", "body")
#: free text kept inside an audit event's data (the answer of an "answer" step)
EVENT_DATA_FIELDS = ("response",)
BATCH = 500


@dataclass
class RescanReport:
    """What a rescan found: records changed per table, and findings per kind."""

    changed: Counter = field(default_factory=Counter)
    scanned: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        out = [f"{table}: {self.changed[table]} van {self.scanned[table]} records aangepast" for table in self.scanned]
        out += [f"{kind}: {self.kinds[kind]}" for kind in PERSONAL_DATA_KINDS if self.kinds[kind]]
        return out


def _mask_attributes(obj, names, report: RescanReport, dry_run: bool) -> dict[str, dict[str, int]]:
    """Mask the named string attributes of ``obj``; returns {field: counts} for the fields that changed."""
    changed = {}
    for name in names:
        value = getattr(obj, name, None)
        if not isinstance(value, str) or not value:
            continue
        result = mask_personal_data(value)
        if result.text != value:
            changed[name] = result.counts
            report.kinds.update(result.counts)
            if not dry_run:
                setattr(obj, name, result.text)
    return changed


def _summary(changed: dict[str, dict[str, int]]) -> dict:
    counts: Counter = Counter()
    for per_field in changed.values():
        counts.update(per_field)
    return {"fields": sorted(changed), "counts": dict(counts)}


def rescan(session: Session, dry_run: bool = False) -> RescanReport:
    """Mask what the current guard finds in stored texts; the caller commits (or, with dry_run, nothing changes)."""
    report = RescanReport()
    audits: list[tuple[str, int | str, int | None, dict]] = []

    for signal in session.scalars(select(Signal).order_by(Signal.id).execution_options(yield_per=BATCH)):
        report.scanned["signal"] += 1
        changed = _mask_attributes(signal, SIGNAL_FIELDS, report, dry_run)
        if changed:
            report.changed["signal"] += 1
            kinds = [k for k in PERSONAL_DATA_KINDS if k in _summary(changed)["counts"] or k in (signal.masked or [])]
            if not dry_run:
                signal.masked = kinds
            audits.append(("signal", signal.id, signal.id, _summary(changed)))

    events = list(session.scalars(select(AuditEvent).where(AuditEvent.action != "privacy_rescan").order_by(AuditEvent.id)))
    for event in events:
        report.scanned["audit_event"] += 1
        changed = _mask_attributes(event, ("note",), report, dry_run)
        data = dict(event.data or {})
        for name in EVENT_DATA_FIELDS:
            if isinstance(data.get(name), str) and data[name]:
                result = mask_personal_data(data[name])
                if result.text != data[name]:
                    changed[f"data.{name}"] = result.counts
                    report.kinds.update(result.counts)
                    data[name] = result.text
        if changed:
            report.changed["audit_event"] += 1
            if not dry_run:
                event.data = data
            audits.append((event.entity_type, event.entity_id, event.signal_id, {**_summary(changed), "event": event.id}))

    for knelpunt in session.scalars(select(Knelpunt).order_by(Knelpunt.id)):
        report.scanned["knelpunt"] += 1
        changed = _mask_attributes(knelpunt, KNELPUNT_FIELDS, report, dry_run)
        if changed:
            report.changed["knelpunt"] += 1
            audits.append(("knelpunt", knelpunt.id, None, _summary(changed)))

    for notification in session.scalars(select(Notification).order_by(Notification.id).execution_options(yield_per=BATCH)):
        report.scanned["notification"] += 1
        changed = _mask_attributes(notification, NOTIFICATION_FIELDS, report, dry_run)
        if changed:
            report.changed["notification"] += 1
            audits.append(("notification", notification.id, notification.signal_id, _summary(changed)))

    if dry_run:
        return report
    for entity_type, entity_id, signal_id, data in audits:
        record_event(
            session, entity_type, entity_id, "privacy_rescan", actor=None,
            note="Persoonsgegevens gemaskeerd bij een nieuwe controle.", data=data, signal_id=signal_id,
        )
    session.flush()
    return report
