"""Who may do what: every permission rule of Knelpunt as a named question.

The domain enforces these, and the views, templates and API ask them; no other module
compares role strings. Organisation scoping of lists lives in ``signals.access``, which
asks the questions below as well.

Each question takes the acting user (or ``SYSTEM``) and, where it matters, the object.
"""

from __future__ import annotations

from typing import Protocol

FRONTLINE, TRIAGE, COORDINATOR, LIAISON, ADMIN, SYSTEM_ROLE = (
    "frontline",
    "triage",
    "coordinator",
    "liaison",
    "admin",
    "system",
)

#: roles that work with individual signals; liaison and admin see aggregates only
SIGNAL_ROLES = (FRONTLINE, TRIAGE, COORDINATOR)
#: roles that may log a signal
SUBMITTER_ROLES = (FRONTLINE, COORDINATOR)
#: roles that create and change knelpunten (triage only for its own ministry)
KNELPUNT_EDITOR_ROLES = (COORDINATOR, TRIAGE)
#: roles that read letters (triage: its own ministry's) and roles that publish them
LETTER_ROLES = (COORDINATOR, LIAISON, TRIAGE)
PUBLISH_ROLES = (COORDINATOR, LIAISON)
#: roles that see dashboards
DASHBOARD_ROLES = (FRONTLINE, TRIAGE, COORDINATOR, LIAISON)


class Actor(Protocol):
    role: str
    organisation_code: str | None


class HasSignalParties(Protocol):
    organisation_code: str
    lead_ministry_code: str | None


def is_role(user: Actor, *roles: str) -> bool:
    """Whether ``user`` has one of ``roles`` (for the few screens that differ by role alone)."""
    return getattr(user, "role", None) in roles


def may_work_with_signals(user: Actor) -> bool:
    """Whether the user's role gives access to individual signals at all."""
    return is_role(user, *SIGNAL_ROLES)


def may_submit(user: Actor) -> bool:
    """Whether the user may log a new signal."""
    return is_role(user, *SUBMITTER_ROLES)


def sees_all_signals(user: Actor) -> bool:
    """The coordinator sees every signal; others see their organisation's or ministry's."""
    return is_role(user, COORDINATOR)


def is_lead_ministry_of(user: Actor, signal: HasSignalParties) -> bool:
    """Triage of the signal's lead ministry."""
    return is_role(user, TRIAGE) and signal.lead_ministry_code is not None and signal.lead_ministry_code == user.organisation_code


def is_submitting_organisation_of(user: Actor, signal: HasSignalParties) -> bool:
    """Frontline of the organisation that logged the signal."""
    return is_role(user, FRONTLINE) and signal.organisation_code == user.organisation_code


def may_act_on_every_signal(user: Actor) -> bool:
    """The coordinator and Knelpunt itself act on every signal (the rest: ``may_act`` per signal)."""
    return is_role(user, COORDINATOR, SYSTEM_ROLE)


def may_act(user: Actor, signal: HasSignalParties) -> bool:
    """The organisation rule of the workflow: triage acts for the lead ministry, frontline for
    its own organisation, the coordinator and Knelpunt itself for every signal."""
    if may_act_on_every_signal(user):
        return True
    return is_lead_ministry_of(user, signal) or is_submitting_organisation_of(user, signal)


def may_handle(user: Actor, signal: HasSignalParties) -> bool:
    """Ministry-side work on a signal (split, merge, link to a knelpunt, re-route by triage):
    the coordinator, or triage of the lead ministry."""
    return is_role(user, COORDINATOR) or is_lead_ministry_of(user, signal)


def may_split(user: Actor, signal: HasSignalParties) -> bool:
    """Split a second problem off a signal."""
    return may_handle(user, signal)


def may_merge(user: Actor, signal: HasSignalParties) -> bool:
    """Merge a signal into another."""
    return may_handle(user, signal)


def may_rate(user: Actor, signal: HasSignalParties) -> bool:
    """Rate a ministry's answer: the organisation that logged the signal."""
    return is_submitting_organisation_of(user, signal)


def may_see_contact(user: Actor, signal: HasSignalParties) -> bool:
    """The submitter's contact details: the people who work the signal."""
    return is_role(user, COORDINATOR) or is_lead_ministry_of(user, signal) or is_submitting_organisation_of(user, signal)


def may_route_any(user: Actor) -> bool:
    """Route or re-route to any ministry (the coordinator's queue)."""
    return is_role(user, COORDINATOR)


def may_manage_knelpunten(user: Actor) -> bool:
    """Create knelpunten at all (for their own ministry when triage)."""
    return is_role(user, *KNELPUNT_EDITOR_ROLES)


def may_edit_knelpunt(user: Actor, ministry_code: str | None) -> bool:
    """Change a knelpunt led by ``ministry_code`` (None: not yet chosen)."""
    if is_role(user, COORDINATOR):
        return True
    return is_role(user, TRIAGE) and (ministry_code is None or ministry_code == user.organisation_code)


def sees_all_knelpunten(user: Actor) -> bool:
    """Coordinator and liaison see every knelpunt."""
    return is_role(user, COORDINATOR, LIAISON)


def may_read_letters(user: Actor) -> bool:
    return is_role(user, *LETTER_ROLES)


def may_publish_letters(user: Actor) -> bool:
    return is_role(user, *PUBLISH_ROLES)


def letter_scope_is_own_ministry(user: Actor) -> bool:
    """Triage reads letters and aggregates of its own ministry only."""
    return is_role(user, TRIAGE)


def may_see_dashboards(user: Actor) -> bool:
    return is_role(user, *DASHBOARD_ROLES)


def may_administer(user: Actor) -> bool:
    """Users, tokens, reference data, deadlines and mail texts."""
    return is_role(user, ADMIN)


def may_take_step(user: Actor, roles, signal: HasSignalParties) -> bool:
    """A workflow step allowed to ``roles`` (the transition table), for the organisation that acts on ``signal``."""
    return is_role(user, *roles) and may_act(user, signal)


def may_give_feedback(user: Actor, signal: HasSignalParties) -> bool:
    """Rate an answer: the organisation that logged the signal (same as ``may_rate``)."""
    return may_rate(user, signal)


def may_make_knelpunt_from(user: Actor, signal: HasSignalParties) -> bool:
    """Start a knelpunt from a signal: the coordinator, or triage of its lead ministry."""
    return may_handle(user, signal)


def may_reroute_to_any(user: Actor) -> bool:
    """Choose any ministry when re-routing (triage only hands a signal back to be routed elsewhere)."""
    return may_route_any(user)


def sees_signals_of_organisation(user: Actor) -> bool:
    """Frontline: the signals of its own organisation."""
    return is_role(user, FRONTLINE)


def sees_signals_of_ministry(user: Actor) -> bool:
    """Triage: the signals routed to its ministry (lead or co-responsible)."""
    return is_role(user, TRIAGE)


def sees_aggregates_only(user: Actor) -> bool:
    """Liaison: every total, never an individual signal."""
    return is_role(user, LIAISON)



def template_questions() -> dict:
    """Every named question of this module, for the templates (Jinja globals)."""
    import inspect

    return {
        name: value
        for name, value in globals().items()
        if inspect.isfunction(value) and value.__module__ == __name__ and not name.startswith("_") and name != "template_questions"
    }


def may_coordinate(user: Actor) -> bool:
    """The coordinator's screens: unrouted signals and the overview of every ministry."""
    return is_role(user, COORDINATOR)


def has_ministry_queue(user: Actor) -> bool:
    """Triage works from its ministry's queue."""
    return is_role(user, TRIAGE)


def may_rate_answers(user: Actor) -> bool:
    """The frontline rates answers to its organisation's signals (per signal: ``may_rate``)."""
    return is_role(user, FRONTLINE)


def may_handle_signals(user: Actor) -> bool:
    """Ministry-side work at all (per signal: ``may_handle``): the coordinator and triage."""
    return is_role(user, COORDINATOR, TRIAGE)


def may_see_knelpunten(user: Actor) -> bool:
    """The knelpunten list: everyone but the admin (scoped per role in signals.knelpunten)."""
    return is_role(user, FRONTLINE, TRIAGE, COORDINATOR, LIAISON)


def sees_own_ministry_knelpunten(user: Actor) -> bool:
    """Triage sees the knelpunten its ministry leads or shares."""
    return is_role(user, TRIAGE)


def sees_own_organisation_knelpunten(user: Actor) -> bool:
    """Frontline sees the knelpunten its organisation's signals are linked to."""
    return is_role(user, FRONTLINE)


def is_own_ministry_only(user: Actor) -> bool:
    """Triage is limited to its own ministry (knelpunten it leads, letters of its ministry)."""
    return is_role(user, TRIAGE)


def may_read_letter(user: Actor, scope: str) -> bool:
    """A published letter of ``scope`` (a ministry code or ALL): publishers all, triage its own ministry's."""
    if may_publish_letters(user):
        return True
    return is_role(user, TRIAGE) and scope == user.organisation_code


def role_must_be_ministry(role: str) -> bool:
    """Whether a user of ``role`` must belong to a ministry (triage)."""
    return role == TRIAGE


def role_is(column, role: str):
    """SQL: users with ``role`` (mail to a team)."""
    return column == role


def role_of(user: Actor) -> str | None:
    """The user's role code, for look-ups by role (navigation, labels) - never to decide access."""
    return getattr(user, "role", None)


#: statuses in which the submitter may still correct or withdraw a signal (before the ministry accepts it)
CORRECTABLE_STATUSES = ("received", "routed")


def may_correct_signal(user: Actor, signal) -> bool:
    """The submitter corrects or withdraws their own signal until the ministry accepts it."""
    return (
        is_role(user, *SUBMITTER_ROLES)
        and getattr(user, "id", None) is not None
        and user.id == signal.submitter_id
        and signal.status in CORRECTABLE_STATUSES
    )


def must_use_second_factor(user: Actor, required_roles) -> bool:
    """Whether ``user`` must log in with a second factor (TOTP_REQUIRED_ROLES names the roles)."""
    return is_role(user, *required_roles)


# --- the daily work screens: panel, queues, notes (issue 13) ---


def is_co_ministry_of(user: Actor, signal: HasSignalParties) -> bool:
    """Triage of a co-responsible ministry (samenloop): reads along, the lead ministry acts."""
    return is_role(user, TRIAGE) and user.organisation_code in (getattr(signal, "co_ministry_codes", None) or [])


def may_see_internal_notes(user: Actor, signal: HasSignalParties) -> bool:
    """Internal notes are for the ministries and the coordinator, never for the frontline."""
    return is_role(user, COORDINATOR) or is_lead_ministry_of(user, signal) or is_co_ministry_of(user, signal)


def may_see_internal_history(user: Actor, signal: HasSignalParties) -> bool:
    """The internal events of a signal's history (claim, assign, notes, standard answers used) are
    for the same readers as the internal notes; the frontline sees what happened to its signal."""
    return may_see_internal_notes(user, signal)


def may_write_internal_note(user: Actor, signal: HasSignalParties) -> bool:
    """Whoever may read the internal notes may add one."""
    return may_see_internal_notes(user, signal)


def may_claim(user: Actor, signal: HasSignalParties) -> bool:
    """Take a signal of the lead ministry's queue as one's own (or hand it to a colleague)."""
    return is_lead_ministry_of(user, signal)


def may_assign_to(user: Actor, signal: HasSignalParties, assignee: Actor) -> bool:
    """Assign within the ministry: the assignee is triage of the same (lead) ministry."""
    return may_claim(user, signal) and is_lead_ministry_of(assignee, signal)


def may_link_to_knelpunt(user: Actor, signal: HasSignalParties) -> bool:
    """Link a signal to a knelpunt (the knelpunt's own rule is ``may_edit_knelpunt``)."""
    return may_handle(user, signal)


def may_keep_standard_answers(user: Actor) -> bool:
    """Standard answers belong to a ministry; its triage staff keep them."""
    return is_role(user, TRIAGE)


def works_a_queue(user: Actor) -> bool:
    """Triage works the ministry's queue (claims, bulk steps, counts in the menu)."""
    return is_role(user, TRIAGE)


def may_export_lists(user: Actor) -> bool:
    """Export a filtered signal list (masked texts only): the roles that work with signals."""
    return may_work_with_signals(user)
# -- proposed knelpunten (issue 15) -------------------------------------------------------------


def may_see_proposals(user: Actor) -> bool:
    """The "Mogelijke knelpunten" screen: the coordinator, and triage for its ministry's proposals."""
    return is_role(user, COORDINATOR, TRIAGE)


def sees_all_proposals(user: Actor) -> bool:
    """The coordinator sees every proposal; triage only those its ministry leads."""
    return is_role(user, COORDINATOR)


def may_act_on_proposal(user: Actor, lead_ministry_code: str | None) -> bool:
    """Make a knelpunt of a proposal or dismiss it: the coordinator, or triage of the lead ministry."""
    if is_role(user, COORDINATOR):
        return True
    return is_role(user, TRIAGE) and lead_ministry_code is not None and lead_ministry_code == user.organisation_code


def may_follow_knelpunten(user: Actor) -> bool:
    """Follow a knelpunt (an e-mail on each status change): everyone who may read knelpunten."""
    return is_role(user, FRONTLINE, TRIAGE, COORDINATOR, LIAISON)
