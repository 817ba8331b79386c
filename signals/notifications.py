"""E-mail notifications through an outbox: rows are written with the state change, then delivered.

A notification's ``dedup_key`` is unique, so the same reason to write never
produces a second mail, however often a command runs. Delivery goes through a
small mail adapter: SMTP in production, the log in development, memory in tests.
"""

from __future__ import annotations

import functools
import logging
import smtplib
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Protocol

from sqlalchemy import bindparam, event, select
from sqlalchemy.orm import Session, object_session

from signals.errors import N_
from signals.models import MailTemplate, Notification, Signal, User, utcnow
from signals.permissions import role_is

log = logging.getLogger(__name__)

#: where links in mails point when the session carries no ``base_url`` (the app passes KNELPUNT_BASE_URL
#: through ``configure_session``, so no module global is assigned at run time)
DEFAULT_BASE_URL = "http://127.0.0.1:5000"


def configure_session(session: Session, base_url: str) -> None:
    """Hand the settings the domain needs to a session: where links in mails point."""
    session.info["base_url"] = base_url

#: key -> (subject, body); admins can override each in the mail_template table
DEFAULT_TEMPLATES: dict[str, tuple[str, str]] = {
    "routed": (
        "Nieuw signaal voor {ministry}: {reference}",
        "Beste collega,\n\nEr is een signaal doorgezet naar {ministry}: „{title}” ({reference}).\n"
        "Neem het uiterlijk {due} in behandeling.\n\nBekijk het signaal: {url}\n\nKnelpunt",
    ),
    "answered": (
        "Antwoord op uw signaal {reference}",
        "Beste collega,\n\n{ministry} heeft uw signaal „{title}” ({reference}) beantwoord.\n"
        "Uitkomst: {outcome}.\n\n{response}\n\nLaat weten of het antwoord bruikbaar is: {url}\n\nKnelpunt",
    ),
    "needs_info": (
        "Aanvulling gevraagd op signaal {reference}",
        "Beste collega,\n\n{ministry} vraagt om een aanvulling op uw signaal „{title}” ({reference}):\n\n{note}\n\n"
        "Geef de aanvulling hier: {url}\n\nKnelpunt",
    ),
    "overdue": (
        "Termijn verstreken: {reference} bij {ministry}",
        "Beste coördinator,\n\nHet signaal „{title}” ({reference}) bij {ministry} had uiterlijk {due} {phase} moeten zijn.\n"
        "Het is nu {lateness}.\n\nBekijk het signaal: {url}\n\nKnelpunt",
    ),
    "reopen_requested": (
        "Antwoord niet bruikbaar: {reference}",
        "Beste collega,\n\nDe melder vindt het antwoord op „{title}” ({reference}) niet bruikbaar:\n\n{note}\n\n"
        "Heropen het signaal of sluit het af met een toelichting: {url}\n\nKnelpunt",
    ),
    "proposal_digest": (
        "Mogelijke knelpunten, week {week}: {count} nieuw of gegroeid",
        "Beste collega,\n\nDeze signalen lijken over hetzelfde probleem te gaan. Bekijk of er een knelpunt achter zit:\n\n"
        "{items}\n\nAlle voorstellen: {url}\n\nKnelpunt",
    ),
}

TEMPLATE_LABELS = {
    "routed": N_("Aan het ministerie: nieuw signaal doorgezet"),
    "answered": N_("Aan de melder: antwoord op het signaal"),
    "needs_info": N_("Aan de melder: aanvulling gevraagd"),
    "overdue": N_("Aan de coördinator: termijn verstreken"),
    "reopen_requested": N_("Aan het ministerie: antwoord niet bruikbaar"),
    "proposal_digest": N_("Wekelijks overzicht: mogelijke knelpunten"),
}


class Mailer(Protocol):
    """Anything that can send one e-mail."""

    def send(self, recipient: str, subject: str, body: str) -> None: ...


@dataclass
class MemoryMailer:
    """Keeps sent mail in a list (tests)."""

    outbox: list[tuple[str, str, str]] = field(default_factory=list)

    def send(self, recipient: str, subject: str, body: str) -> None:
        self.outbox.append((recipient, subject, body))


class LogMailer:
    """Writes mail to the log instead of sending it (development)."""

    def send(self, recipient: str, subject: str, body: str) -> None:
        log.info("Mail aan %s: %s", recipient, subject)


@dataclass
class SmtpMailer:
    """Sends mail over SMTP (production)."""

    host: str
    port: int = 25
    sender: str = "knelpunt@localhost"
    username: str | None = None
    password: str | None = None
    use_tls: bool = False

    def send(self, recipient: str, subject: str, body: str) -> None:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self.sender, recipient, subject
        message.set_content(body)
        with smtplib.SMTP(self.host, self.port, timeout=30) as smtp:
            if self.use_tls:
                smtp.starttls()
            if self.username:
                smtp.login(self.username, self.password or "")
            smtp.send_message(message)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def get_template(session: Session, key: str) -> tuple[str, str]:
    """The (subject, body) for ``key``: the admin's version, else the default (from the reference snapshot)."""
    from signals import refcache

    return refcache.snapshot(session).templates.get(key) or DEFAULT_TEMPLATES[key]


def save_template(session: Session, key: str, subject: str, body: str, actor: User) -> MailTemplate:
    """Store an admin's version of a mail template, with an audit event."""
    from signals.audit import record_event

    template = session.get(MailTemplate, key) or MailTemplate(key=key)
    template.subject, template.body = subject, body
    session.add(template)
    record_event(session, "mail_template", key, "updated", actor=actor)
    return template


#: session.info keys: the outbox rows this session wrote, and those of its last commit (for delivery)
OUTBOX_KEY = "knelpunt_outbox"
COMMITTED_OUTBOX_KEY = "knelpunt_committed_outbox"


def queue_notification(
    session: Session,
    kind: str,
    dedup_key: str,
    recipients: list[str],
    context: dict,
    signal: Signal | None = None,
    fresh: bool = False,
) -> list[Notification]:
    """Write one outbox row per recipient unless that key was already written (one query for all recipients).

    ``fresh``: the key names something this transaction is creating (a new signal's id), so nothing
    stored can carry it yet and the query is skipped (the unique key still guards it).
    """
    recipients = list(dict.fromkeys(recipients))
    if not recipients:
        return []
    rows = notification_rows(session, kind, dedup_key, recipients, context, signal.id if signal is not None else None)
    pending = {n.dedup_key for n in session.new if isinstance(n, Notification)}
    stored = (
        set()
        if fresh
        else set(session.scalars(select(Notification.dedup_key).where(Notification.dedup_key.in_([r["dedup_key"] for r in rows]))))
    )
    made = []
    for row in rows:
        if row["dedup_key"] in stored or row["dedup_key"] in pending:
            continue
        recipient = row["recipient"]
        notification = Notification(**row)
        session.add(notification)
        # what to send, kept beside the row: after the commit the row's attributes are expired
        session.info.setdefault(OUTBOX_KEY, []).append((notification, recipient, notification.subject, notification.body))
        made.append(notification)
    return made


def notification_rows(
    session: Session, kind: str, dedup_key: str, recipients: list[str], context: dict, signal_id: int | None
) -> list[dict]:
    """The outbox rows (as column values) for ``recipients``: one text per template, keys unique per recipient."""
    subject_t, body_t = get_template(session, kind)
    values = _Blank(context)
    subject, body = subject_t.format_map(values)[:300], body_t.format_map(values)
    return [
        {
            "dedup_key": f"{dedup_key}:{recipient}"[:200],
            "kind": kind,
            "signal_id": signal_id,
            "recipient": recipient,
            "subject": subject,
            "body": body,
            "created_at": utcnow(),
        }
        for recipient in dict.fromkeys(recipients)
    ]


def register_outbox(session: Session, rows: list[dict]) -> None:
    """Outbox rows written without the ORM (with their ids): sent after this session's commit like the
    ones ``queue_notification`` adds, and forgotten if it rolls back."""
    session.info.setdefault(OUTBOX_KEY, []).extend((row["id"], row["recipient"], row["subject"], row["body"]) for row in rows)


def deliver_committed(session: Session, mailer: Mailer, mark: bool = True) -> list[int]:
    """Send the outbox rows this session wrote and has just committed; the cron (``deliver_pending``)
    sends anything older or anything that failed. One UPDATE marks what went out (``mark=False``: the
    caller marks the returned ids itself, with ``mark_sent``). Returns the ids sent."""
    from sqlalchemy import inspect

    written = session.info.pop(COMMITTED_OUTBOX_KEY, None) or []
    sent_ids = []
    for notification, recipient, subject, body in written:
        if isinstance(notification, int):  # written with Core (register_outbox): its id
            notification_id = notification
        else:
            state = inspect(notification)
            if state.identity is None or state.was_deleted:
                continue
            notification_id = state.identity[0]
        try:
            mailer.send(recipient, subject, body)
        except (OSError, smtplib.SMTPException):
            log.warning("Mail %s kon niet worden verstuurd; volgende keer opnieuw.", notification_id)
            continue
        sent_ids.append(notification_id)
    if sent_ids and mark:
        mark_sent(session.connection(), sent_ids)
    return sent_ids


def mark_sent(connection, ids: list[int]) -> None:
    """Mark outbox rows as sent: one plain UPDATE (rows marked already keep their moment)."""
    from sqlalchemy import update

    table = Notification.__table__
    for start in range(0, len(ids), 500):
        connection.execute(
            update(table).where(table.c.id.in_(ids[start : start + 500]), table.c.sent_at.is_(None)).values(sent_at=utcnow())
        )


@event.listens_for(Session, "after_commit")
def _outbox_committed(session: Session) -> None:
    written = session.info.pop(OUTBOX_KEY, None)
    if written:
        session.info[COMMITTED_OUTBOX_KEY] = written  # replaces older ones never delivered: the cron sends those


@event.listens_for(Session, "after_soft_rollback")
def _outbox_rolled_back(session: Session, previous_transaction) -> None:
    if previous_transaction.parent is None:
        session.info.pop(OUTBOX_KEY, None)  # never stored, so never sent


def deliver_pending(session: Session, mailer: Mailer, limit: int = 500) -> int:
    """Send outbox rows not yet sent; returns how many went out. Failures stay pending."""
    sent = 0
    pending = session.scalars(
        select(Notification).where(Notification.sent_at.is_(None)).order_by(Notification.id).limit(limit)
    ).all()
    for notification in pending:
        try:
            mailer.send(notification.recipient, notification.subject, notification.body)
        except (OSError, smtplib.SMTPException):
            log.warning("Mail %s kon niet worden verstuurd; volgende keer opnieuw.", notification.id)
            continue
        notification.sent_at = utcnow()
        sent += 1
    return sent


def team_emails(session: Session, organisation_code: str | None, role: str) -> list[str]:
    """E-mail addresses of the active users with ``role`` in an organisation (any organisation when None)."""
    if organisation_code:
        return list(session.scalars(_team_query(role, True), {"organisation_code": organisation_code}))
    return list(session.scalars(_team_query(role, False)))


@functools.cache
def _team_query(role: str, by_organisation: bool):
    """``team_emails``'s query, built once per role (every routed signal asks it)."""
    stmt = select(User.email).where(role_is(User.role, role), User.is_active.is_(True))
    if by_organisation:
        stmt = stmt.where(User.organisation_code == bindparam("organisation_code"))
    return stmt.order_by(User.email)


def signal_url(signal: Signal) -> str:
    """The link to a signal's page, for mails."""
    session = object_session(signal)
    base_url = (session.info.get("base_url") if session is not None else None) or DEFAULT_BASE_URL
    return f"{base_url.rstrip('/')}/signalen/{signal.id}"


def signal_context(signal: Signal, **extra) -> dict:
    """The placeholders every signal mail can use."""
    return {
        "reference": signal.reference,
        "title": signal.title,
        "ministry": signal.lead_ministry_code or "",
        "url": signal_url(signal),
        **extra,
    }


# Accounts and knelpunten (issue 14): invitations, reset links and knelpunt subscriptions.
DEFAULT_TEMPLATES.update(
    {
        "invitation": (
            "Uitnodiging voor Knelpunt",
            "Beste {name},\n\nU bent uitgenodigd voor Knelpunt als {role} bij {organisation}.\n"
            "Kies uw wachtwoord via deze link (één keer te gebruiken, geldig tot {expires}):\n\n{url}\n\n"
            "Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren.\n\nKnelpunt",
        ),
        "password_reset": (
            "Nieuw wachtwoord kiezen voor Knelpunt",
            "Beste {name},\n\nDe beheerder van Knelpunt heeft een nieuwe link voor u gemaakt om een wachtwoord te kiezen.\n"
            "De link werkt één keer en is geldig tot {expires}:\n\n{url}\n\nUw oude wachtwoord werkt niet meer.\n\nKnelpunt",
        ),
        "knelpunt_status": (
            "Knelpunt {reference}: {status}",
            "Beste collega,\n\nHet knelpunt „{title}” ({reference}) heeft een nieuwe status: {status} (was: {previous}).\n"
            "{note}\n\nBekijk het knelpunt: {url}\n\nU krijgt dit bericht omdat u dit knelpunt volgt; "
            "stoppen kan op dezelfde pagina.\n\nKnelpunt",
        ),
    }
)
TEMPLATE_LABELS.update(
    {
        "invitation": N_("Aan een nieuwe gebruiker: uitnodiging met link"),
        "password_reset": N_("Aan een gebruiker: link voor een nieuw wachtwoord"),
        "knelpunt_status": N_("Aan volgers van een knelpunt: nieuwe status"),
    }
)
