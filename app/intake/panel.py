"""The signal page's action panel: which steps to offer, in what order, in whose words.

The workflow decides which steps a user may take (``signals.workflow.allowed_transitions``);
this module only orders them (the most likely step first and open, the rest folded),
names them for the role that reads them and says what happens next.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import format_date
from flask_babel import gettext as _

from signals import deadlines, permissions
from signals.models import Signal

#: per status, the steps in the order a user most likely takes them
STEP_ORDER = {
    "received": ("route", "merge"),
    "routed": ("accept", "reroute", "merge"),
    "in_progress": ("answer", "request_info", "merge"),
    "needs_info": ("provide_info", "merge"),
    "answered": ("reopen", "close"),
}


@dataclass
class Step:
    """One step of the panel: a workflow action with its prepared form."""

    action: str
    title: str
    form: Any
    primary: bool = False

    @property
    def is_open(self) -> bool:
        """Folded steps open by themselves when their form came back with errors."""
        return self.primary or bool(getattr(self.form, "errors", None))


def step_title(action: str, user) -> str:
    """The step's name for the person reading it."""
    titles = {
        "route": _("Doorzetten naar een ministerie"),
        "reroute": _("Doorzetten naar een ander ministerie"),
        "accept": _("In behandeling nemen"),
        "request_info": _("Aanvulling vragen aan de melder"),
        "provide_info": _("Aanvulling geven")
        if permissions.is_role(user, permissions.FRONTLINE)
        else _("Verder zonder aanvulling"),
        "answer": _("Beantwoorden"),
        "close": _("Afsluiten"),
        "reopen": _("Heropenen"),
        "merge": _("Samenvoegen met een ander signaal"),
    }
    return titles[action]


def build_steps(signal: Signal, forms: dict, user) -> list[Step]:
    """The steps ``user`` may take, most likely first; the first is open unless the user only waits."""
    order = STEP_ORDER.get(signal.status, ())
    steps = [Step(action, step_title(action, user), forms[action]) for action in order if action in forms]
    steps += [Step(action, step_title(action, user), form) for action, form in forms.items() if action not in order]
    waiting = (signal.status == deadlines.PAUSED_STATUS and not permissions.is_role(user, permissions.FRONTLINE)) or (
        signal.status == "answered" and signal.reopen_requested_at is None
    )
    if steps and not waiting:
        steps[0].primary = True
    return steps


def whats_next(signal: Signal, user, question=None) -> str:
    """One sentence on what happens now and by when, in words for the reader's role."""
    frontline = permissions.is_role(user, permissions.FRONTLINE)
    ministry = signal.lead_ministry_code or _("het ministerie")
    due = format_date(signal.due_at, "long") if signal.due_at else None
    status = signal.status
    if status == "received":
        return _("De coördinator zoekt uit welk ministerie over deze regel gaat en zet het signaal door.")
    if status == deadlines.AWAITING_ACCEPTANCE:
        if due:
            return _(
                "%(ministry)s beslist of het het signaal in behandeling neemt, uiterlijk op %(date)s.",
                ministry=ministry,
                date=due,
            )
        return _("%(ministry)s beslist of het het signaal in behandeling neemt.", ministry=ministry)
    if status == deadlines.BEING_HANDLED:
        if due:
            return _(
                "%(ministry)s onderzoekt het signaal en antwoordt uiterlijk op %(date)s.", ministry=ministry, date=due
            )
        return _("%(ministry)s onderzoekt het signaal.", ministry=ministry)
    if status == deadlines.PAUSED_STATUS:
        if frontline and question is not None:
            return _(
                "%(ministry)s heeft een vraag voor u. Antwoord graag vóór %(date)s; tot u antwoordt, staat de termijn van het ministerie stil.",
                ministry=ministry,
                date=format_date(question.reply_by, "long"),
            )
        if question is not None:
            return _(
                "Wacht op een aanvulling van de melder, gevraagd op %(date)s. De termijn staat zolang stil.",
                date=format_date(question.asked_at, "long"),
            )
        return _("Wacht op een aanvulling van de melder.")
    if status == "answered":
        if signal.reopen_requested_at is not None:
            if frontline:
                return _("U vond het antwoord niet bruikbaar. %(ministry)s kijkt er opnieuw naar.", ministry=ministry)
            return _(
                "De melder vindt het antwoord niet bruikbaar: heropen het signaal of sluit het af met een toelichting."
            )
        if frontline:
            return _(
                "%(ministry)s heeft geantwoord. Lees het antwoord en laat weten of het bruikbaar is.", ministry=ministry
            )
        return _(
            "Beantwoord. Wacht op de beoordeling van de melder; zonder reactie sluit het signaal na 30 dagen vanzelf."
        )
    if status == "closed":
        return _("Afgesloten. Er hoeft niets meer te gebeuren.")
    if status == "merged" and signal.merged_into is not None:
        return _(
            "Samengevoegd met %(ref)s: dit signaal volgt de status en het antwoord daarvan.",
            ref=signal.merged_into.reference,
        )
    return ""


def next_step_short(signal: Signal, user) -> str:
    """What happens next in a few words, for a column in a list."""
    frontline = permissions.is_role(user, permissions.FRONTLINE)
    ministry = signal.lead_ministry_code or _("het ministerie")
    due = format_date(signal.due_at, "medium") if signal.due_at else None
    status = signal.status
    if status == "received":
        return _("De coördinator kiest het ministerie")
    if status == deadlines.AWAITING_ACCEPTANCE:
        return (
            _("%(ministry)s neemt het op vóór %(date)s", ministry=ministry, date=due)
            if due
            else _("%(ministry)s neemt het op", ministry=ministry)
        )
    if status == deadlines.BEING_HANDLED:
        return (
            _("%(ministry)s antwoordt vóór %(date)s", ministry=ministry, date=due)
            if due
            else _("%(ministry)s werkt eraan", ministry=ministry)
        )
    if status == deadlines.PAUSED_STATUS:
        return _("Uw antwoord op een vraag is nodig") if frontline else _("Wacht op de melder")
    if status == "answered":
        if signal.reopen_requested_at is not None:
            return _("%(ministry)s kijkt opnieuw", ministry=ministry)
        return _("Beoordeel het antwoord") if frontline else _("Wacht op beoordeling door de melder")
    if status == "merged" and signal.merged_into is not None:
        return _("Volgt %(ref)s", ref=signal.merged_into.reference)
    return _("Niets meer")


def register(app) -> None:
    """Give every template ``next_step_of(signal)`` for the current user."""
    from flask_login import current_user

    @app.context_processor
    def inject_next_step():
        return {
            "next_step_of": lambda signal: next_step_short(signal, current_user),
            "nav_counts": lambda: nav_counts(current_user),
        }


def nav_counts(user) -> dict:
    """Counts beside menu items: new and waiting work for triage, unrouted signals for the coordinator."""
    from flask import g, request

    from app.extensions import db
    from signals.teamwork import queue_counts, unrouted_count

    if not getattr(user, "is_authenticated", False):
        return {}
    # once per request (tests keep one app context, so ``g`` alone would outlive a request)
    key = id(request._get_current_object())
    cached = g.get("kp_nav_counts")
    if cached and cached[0] == key:
        return cached[1]
    counts: dict = {}
    if permissions.works_a_queue(user):
        queue = queue_counts(db.session, user)
        new = queue.new + queue.reopen
        if new:
            counts["triage.queue"] = {"number": new, "label": _("nieuw of heropenen gevraagd")}
    elif permissions.may_route_any(user):
        unrouted = unrouted_count(db.session, user)
        if unrouted:
            counts["coordinator.unrouted"] = {"number": unrouted, "label": _("te routeren")}
    elif permissions.is_role(user, permissions.FRONTLINE):
        from signals.worklist import count_waiting_for

        waiting = count_waiting_for(db.session, user).total
        if waiting:
            counts["intake.index"] = {"number": waiting, "label": _("wacht op u")}
    g.kp_nav_counts = (key, counts)
    return counts
