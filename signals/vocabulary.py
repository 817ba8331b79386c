"""Codes the domain uses: roles, states, outcomes and themes, with their Dutch labels.

Labels are Dutch msgids; the web layer translates them.
"""

from __future__ import annotations

from signals.errors import N_

ROLES = {
    "frontline": N_("Frontlijn"),
    "triage": N_("Beleidsmedewerker ministerie"),
    "coordinator": N_("Coördinator"),
    "liaison": N_("Parlementair liaison"),
    "admin": N_("Functioneel beheerder"),
}

STATUSES = {
    "received": N_("Ontvangen"),
    "routed": N_("Doorgezet"),
    "in_progress": N_("In behandeling"),
    "needs_info": N_("Aanvulling gevraagd"),
    "answered": N_("Beantwoord"),
    "closed": N_("Afgesloten"),
    "merged": N_("Samengevoegd"),
    "withdrawn": N_("Ingetrokken"),
}

OPEN_STATUSES = ("received", "routed", "in_progress", "needs_info")

OUTCOMES = {
    "taken_up": N_("Opgepakt"),
    "further_study": N_("Nader onderzoek"),
    "not_taken_up": N_("Niet opgepakt"),
    "already_addressed": N_("Al in behandeling of opgelost"),
}

#: the rode draden of the 2022 hardship inventory, plus the ones DESIGN §2 adds
THEMES = {
    "complex_rules": N_("Complexe regelgeving"),
    "unrealistic_view": N_("Niet-realistisch mensbeeld"),
    "human_dimension": N_("Te weinig ruimte voor de menselijke maat"),
    "samenloop": N_("Samenloop van regelingen"),
    "data_exchange": N_("Gegevensuitwisseling"),
    "implementation": N_("ICT en uitvoering"),
    "deadlines_recovery": N_("Termijnen en terugvordering"),
}

ROUTING_METHODS = {
    "regulation": N_("op regeling"),
    "text": N_("op tekst"),
    "manual": N_("handmatig"),
    "portfolio": N_("bij herverdeling van portefeuilles"),
    "inherited": N_("overgenomen van het oorspronkelijke signaal"),
}

#: what each audit action means, for history screens
ACTIONS = {
    "submitted": N_("Gemeld"),
    "route": N_("Doorgezet"),
    "reroute": N_("Doorgezet naar ander ministerie"),
    "accept": N_("In behandeling genomen"),
    "request_info": N_("Aanvulling gevraagd"),
    "provide_info": N_("Aanvulling gegeven"),
    "answer": N_("Beantwoord"),
    "close": N_("Afgesloten"),
    "reopen": N_("Heropend"),
    "merge": N_("Samengevoegd"),
    "feedback": N_("Antwoord beoordeeld"),
    "split": N_("Gesplitst"),
    "split_from": N_("Afgesplitst"),
    "linked": N_("Gekoppeld aan knelpunt"),
    "unlinked": N_("Losgekoppeld van knelpunt"),
    "created": N_("Aangemaakt"),
    "updated": N_("Bijgewerkt"),
    "status": N_("Status gewijzigd"),
    "signal_linked": N_("Signaal gekoppeld"),
    "signal_unlinked": N_("Signaal losgekoppeld"),
    "claim": N_("Opgepakt"),
    "assign": N_("Toegewezen"),
    "unassign": N_("Terug naar het team"),
    "note": N_("Interne notitie"),
    "standard_answer_used": N_("Standaardantwoord gebruikt"),
    "regulation": N_("Regeling vastgesteld"),
}

DEADLINE_STATES = {
    "on_time": N_("Op tijd"),
    "late": N_("Te laat"),
    "very_late": N_("Ruim te laat"),
}
