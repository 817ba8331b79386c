"""Authorization matrix: every route and API operation of app.url_map x every role x own or other organisation.

EXPECTED holds the answer for each (method, rule); a tuple is (own organisation, other organisation),
a single value holds for both. Answers:

- ``ok``     access granted: the page or call answers (2xx, a redirect after the action, or 400/409/422 when the
             empty request is refused on its content, after the access check)
- ``403``    refused for the role
- ``404``    hidden: the object exists, but not for this user's organisation
- ``login``  not logged in: a redirect to the log-in page (pages) or 401 (API)

"Own" means the organisation the object belongs to: the signal was logged by frontline GEM and is routed to
SZW, the knelpunt and the published letter are SZW's. A route without an entry fails the test: whoever adds a
route decides who may use it here. Set AUTHZ_MATRIX_PRINT=1 to print what the app answers now, in the
table's format. Every answer also carries the Content-Security-Policy.
"""

from __future__ import annotations

import hashlib
import os

import pytest

from app.extensions import db as _db
from signals.accounts import create_token
from signals.knelpunten import create_knelpunt
from signals.models import (
    ApiToken,
    BackgroundJob,
    Knelpunt,
    LetterFile,
    Proposal,
    PublishedLetter,
    Regulation,
    SavedFilter,
    Signal,
)
from signals.notifications import DEFAULT_TEMPLATES
from tests.conftest import login
from tests.security import SUMMARY

ROLES = ("frontline", "triage", "coordinator", "liaison", "admin", "anonymous")
#: role -> (own organisation, other organisation)
ORGANISATIONS = {
    "frontline": ("GEM", "UWV"),
    "triage": ("SZW", "VWS"),
    "coordinator": ("BZK", "SZW"),
    "liaison": ("BZK", "SZW"),
    "admin": ("BZK", "SZW"),
}

#: (method rule) -> role -> answer, or (answer for the own organisation, answer for the other one).
#: POSTs send an empty form (pages) or the body in API_BODIES (API).
# fmt: off
EXPECTED: dict[str, dict] = {
    "GET /": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "login"},
    "GET /api/v1/knelpunten/<int:knelpunt_id>/history": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "ok", "admin": "404", "anonymous": "login"},
    "DELETE /api/v1/knelpunten/<int:knelpunt_id>/signals/<int:signal_id>": {"frontline": ("403", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "404", "anonymous": "login"},
    "POST /api/v1/knelpunten/<int:knelpunt_id>/signals": {"frontline": ("403", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "404", "anonymous": "login"},
    "PATCH /api/v1/knelpunten/<int:knelpunt_id>": {"frontline": ("403", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "404", "anonymous": "login"},
    "POST /api/v1/knelpunten/<int:knelpunt_id>/transitions": {"frontline": ("403", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "404", "anonymous": "login"},
    "GET /api/v1/knelpunten/<int:knelpunt_id>": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "ok", "admin": "404", "anonymous": "login"},
    "GET /api/v1/knelpunten": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "login"},  # admin: an empty list
    "POST /api/v1/knelpunten": {"frontline": "403", "triage": ("ok", "403"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    # proposed knelpunten: coordinator, and triage of the lead ministry (SZW); a list is filtered, not refused
    "GET /api/v1/knelpunten/proposals": {"frontline": "403", "triage": "ok", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /api/v1/knelpunten/proposals/<int:proposal_id>": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /api/v1/knelpunten/proposals/<int:proposal_id>/adopt": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /api/v1/knelpunten/proposals/<int:proposal_id>/dismiss": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /knelpunten/voorstellen": {"frontline": "403", "triage": "ok", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /knelpunten/voorstellen/<int:proposal_id>": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /knelpunten/voorstellen/<int:proposal_id>/afwijzen": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /knelpunten/voorstellen/<int:proposal_id>/overnemen": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /api/v1/openapi.json": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "ok"},
    "GET /api/v1/reference/<kind>": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "ok"},
    "GET /api/v1/reports/bottleneck-letter": {"frontline": "403", "triage": ("ok", "403"), "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "POST /api/v1/routing/suggest": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "login"},
    "POST /api/v1/signals/<int:signal_id>/feedback": {"frontline": ("ok", "404"), "triage": ("403", "404"), "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /api/v1/signals/<int:signal_id>/history": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /api/v1/signals/<int:signal_id>/similar": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /api/v1/signals/<int:signal_id>/split": {"frontline": ("403", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /api/v1/signals/<int:signal_id>/transitions": {"frontline": ("403", "404"), "triage": ("ok", "404"), "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /api/v1/signals/<int:signal_id>": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /api/v1/signals": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /api/v1/signals": {"frontline": "ok", "triage": "403", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /auth/login": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "ok"},
    "POST /auth/login": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "ok"},
    "POST /auth/logout": {"frontline": "login", "triage": "login", "coordinator": "login", "liaison": "login", "admin": "login", "anonymous": "login"},  # logging out leads to the log-in page
    "GET /auth/tweede-stap": {"frontline": "login", "triage": "login", "coordinator": "login", "liaison": "login", "admin": "login", "anonymous": "login"},  # only after a password, within five minutes
    "POST /auth/tweede-stap": {"frontline": "login", "triage": "login", "coordinator": "login", "liaison": "login", "admin": "login", "anonymous": "login"},  # only after a password, within five minutes
    "GET /auth/tweestapsverificatie": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "login"},
    "POST /auth/tweestapsverificatie": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "login"},
    "GET /behandelen/": {"frontline": "403", "triage": "ok", "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /beheer/e-mailteksten/<key>": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "POST /beheer/e-mailteksten/<key>": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "GET /beheer/e-mailteksten": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "GET /beheer/gebruikers/<int:user_id>/sleutels": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "POST /beheer/gebruikers/<int:user_id>/sleutels": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "GET /beheer/gebruikers": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "POST /beheer/gebruikers": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "GET /beheer/referentie/ministerie/<code>/opheffen": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "POST /beheer/referentie/ministerie/<code>/opheffen": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "GET /beheer/referentie/regeling/<int:regulation_id>": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "POST /beheer/referentie/regeling/<int:regulation_id>": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "GET /beheer/referentie": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "GET /beheer/termijnen": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "POST /beheer/termijnen": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "GET /brieven/": {"frontline": "403", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "GET /brieven/download": {"frontline": "403", "triage": ("ok", "403"), "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "GET /brieven/gepubliceerd/<int:letter_id>/<fmt>": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "GET /brieven/gepubliceerd/<int:letter_id>": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "GET /brieven/plotly.min.js": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "ok"},
    "POST /brieven/publiceren": {"frontline": "403", "triage": "403", "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "GET /brieven/taak/<job_id>": {"frontline": "403", "triage": "404", "coordinator": ("ok", "404"), "liaison": "404", "admin": "403", "anonymous": "login"},
    "GET /brieven/taak/<job_id>/status": {"frontline": "403", "triage": "404", "coordinator": ("ok", "404"), "liaison": "404", "admin": "403", "anonymous": "login"},
    "GET /brieven/taak/<job_id>/bestand": {"frontline": "403", "triage": "404", "coordinator": ("ok", "404"), "liaison": "404", "admin": "403", "anonymous": "login"},
    "GET /brieven/voorbeeld": {"frontline": "403", "triage": ("ok", "403"), "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "GET /coordinatie/": {"frontline": "403", "triage": "403", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /coordinatie/overzicht": {"frontline": "403", "triage": "403", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /dashboard/": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "GET /filters/<int:filter_id>/verwijderen": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},  # another's filter: "does not exist", nothing deleted
    "POST /filters/<int:filter_id>/verwijderen": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},  # another's filter: "does not exist", nothing deleted
    "POST /filters/bewaren": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /healthz": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "ok"},
    "GET /knelpunten/<int:knelpunt_id>/bewerken": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /knelpunten/<int:knelpunt_id>/bewerken": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /knelpunten/<int:knelpunt_id>/geschiedenis": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "POST /knelpunten/<int:knelpunt_id>/koppelen": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /knelpunten/<int:knelpunt_id>/ontkoppelen/<int:signal_id>": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /knelpunten/<int:knelpunt_id>/ontkoppelen/<int:signal_id>": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /knelpunten/<int:knelpunt_id>/status": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /knelpunten/<int:knelpunt_id>": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "GET /knelpunten/": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "GET /knelpunten/nieuw": {"frontline": "403", "triage": "ok", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /knelpunten/nieuw": {"frontline": "403", "triage": "ok", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /signalen/<int:signal_id>/beoordeling": {"frontline": ("ok", "404"), "triage": "403", "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /signalen/<int:signal_id>/geschiedenis": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /signalen/<int:signal_id>/splitsen": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /signalen/<int:signal_id>/stap/<action>": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /signalen/<int:signal_id>": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /signalen/": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /signalen/nieuw": {"frontline": "ok", "triage": "403", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /signalen/nieuw": {"frontline": "ok", "triage": "403", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /static/<path:filename>": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "ok"},
    "POST /taal/<code>": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "ok"},
    "GET /signalen/<int:signal_id>/aanpassen": {"frontline": ("403", "404"), "triage": "403", "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},  # in progress: past correcting, also for its submitter
    "POST /signalen/<int:signal_id>/aanpassen": {"frontline": ("403", "404"), "triage": "403", "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /signalen/<int:signal_id>/intrekken": {"frontline": ("403", "404"), "triage": "403", "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /signalen/<int:signal_id>/intrekken": {"frontline": ("403", "404"), "triage": "403", "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /signalen/nieuw/voorbeeld": {"frontline": "ok", "triage": "403", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /api/v1/signals/<int:signal_id>/withdraw": {"frontline": ("403", "404"), "triage": ("403", "404"), "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /beheer/sleutels": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "POST /beheer/sleutels": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "POST /beheer/sleutels/<int:token_id>/intrekken": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    # routes of issue 13 (and the proposals list of issue 15)
    "GET /behandelen/export.<fmt>": {"frontline": "403", "triage": "ok", "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /behandelen/standaardantwoorden": {"frontline": "403", "triage": "ok", "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /signalen/<int:signal_id>/knelpunt": {"frontline": ("403", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "GET /signalen/<int:signal_id>/samenvoegen": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /api/v1/signals/<int:signal_id>/correction": {"frontline": ("403", "404"), "triage": ("403", "404"), "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /behandelen/<int:signal_id>/notitie": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /behandelen/<int:signal_id>/toewijzen": {"frontline": "403", "triage": ("ok", "404"), "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /behandelen/bulk": {"frontline": "403", "triage": "ok", "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /behandelen/standaardantwoorden": {"frontline": "403", "triage": "ok", "coordinator": "403", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /coordinatie/<int:signal_id>/doorzetten": {"frontline": "403", "triage": "403", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /signalen/<int:signal_id>/knelpunt": {"frontline": ("403", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    "POST /signalen/vergelijkbaar": {"frontline": "ok", "triage": "403", "coordinator": "ok", "liaison": "403", "admin": "403", "anonymous": "login"},
    # issue 14: parliament and policy screens, accounts
    "GET /api/v1/regulations/<bwb_id>/dossier": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},  # counts scoped by signals.access; liaison: totals only
    "GET /regelingen/": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "GET /regelingen/<code>": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "GET /regelingen/<code>/export/<part>.<fmt>": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},  # the signal list itself: 403 for liaison (tests/app)
    "GET /dashboard/export/<table_id>.<fmt>": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "GET /brieven/brief": {"frontline": "403", "triage": ("ok", "403"), "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "GET /brieven/brief.css": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "ok"},  # a stylesheet
    "GET /auth/wachtwoord-kiezen/<token>": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "ok"},  # the one-time link is the key (an unknown one is 410)
    "POST /auth/wachtwoord-kiezen/<token>": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "ok"},
    "GET /auth/wachtwoord-wijzigen": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "login"},
    "POST /auth/wachtwoord-wijzigen": {"frontline": "ok", "triage": "ok", "coordinator": "ok", "liaison": "ok", "admin": "ok", "anonymous": "login"},
    "GET /beheer/gebruikers/<int:user_id>": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "POST /beheer/gebruikers/<int:user_id>": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "POST /beheer/gebruikers/<int:user_id>/actief": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "POST /beheer/gebruikers/<int:user_id>/wachtwoordlink": {"frontline": "403", "triage": "403", "coordinator": "403", "liaison": "403", "admin": "ok", "anonymous": "login"},
    "POST /knelpunten/<int:knelpunt_id>/volgen": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
    "POST /knelpunten/<int:knelpunt_id>/niet-meer-volgen": {"frontline": ("ok", "404"), "triage": ("ok", "404"), "coordinator": "ok", "liaison": "ok", "admin": "403", "anonymous": "login"},
}
# fmt: on


#: bodies for the API's POSTs, valid enough to reach the access check of the object or the role
API_BODIES = {
    "api.create_signal": {
        "channel": "GEM-BL",
        "title": "Gift telt als inkomen",
        "description": "Een cliënt kreeg boodschappen van zijn moeder en moet de bijstand terugbetalen.",
        "regulations": ["BWBR0015703"],
    },
    "api.create_knelpunt_api": {"title": "Giften in de bijstand", "ministry": "SZW"},
    "api.link_knelpunt_signals": "signal_ids",
    "api.knelpunt_transition": {"to": "in_study"},
    "api.transition": {"to": "needs_info", "note": "Om welke maand gaat het?"},
    "api.signal_feedback": {"useful": True},
    "api.signal_split": {
        "title": "Tweede probleem",
        "description": "Ook de kostendelersnorm speelt hier een rol bij de cliënt.",
    },
    "api.correct_signal_api": {"title": "Gift van moeder telt als inkomen"},
    "api.withdraw_signal": {"reason": "Dubbel gemeld."},
    "api.suggest": {"title": "Bijstand en giften", "description": "Gift van familie telt als inkomen in de bijstand."},
}


def _restore(db, signal_id: int, knelpunt_id: int, filter_owner: int, filter_id: int) -> None:
    """Put the world back after a request that may have changed it, so each answer depends on access alone."""
    db.session.rollback()
    signal = db.session.get(Signal, signal_id)
    signal.status, signal.knelpunt_id = "in_progress", knelpunt_id
    knelpunt = db.session.get(Knelpunt, knelpunt_id)
    knelpunt.status, knelpunt.status_reason = "open", ""
    if db.session.get(SavedFilter, filter_id) is None:
        db.session.add(
            SavedFilter(id=filter_id, user_id=filter_owner, name="Mijn filter", page="signals", query="status=routed")
        )
    db.session.commit()


def _classify(response) -> str:
    status = response.status_code
    if status == 401 or (status == 302 and "/auth/login" in response.headers.get("Location", "")):
        return "login"
    if status in (403, 404, 405) or status >= 500:
        return str(status)
    return "ok"


def _expected(entry: dict, role: str, own: bool) -> str:
    value = entry[role]
    return value if isinstance(value, str) else value[0 if own else 1]


@pytest.fixture
def world(app, db, make_user, make_signal):
    """A signal of GEM routed to SZW (in progress), an SZW knelpunt holding it, a published SZW letter,
    a saved filter of the own frontline user, and per role a user (and token) in the own and the other organisation."""
    signal = make_signal(status="in_progress", org="GEM")
    users = {}
    for role, (own, other) in ORGANISATIONS.items():
        users[role, True] = make_user(role, own)
        users[role, False] = make_user(role, other)
    coordinator = users["coordinator", True]
    knelpunt = create_knelpunt(
        db.session, coordinator, title="Gift telt als inkomen", ministry="SZW", signal_ids=[signal.id]
    )
    db.session.commit()
    # a published SZW letter, stored as publishing stores it (only the HTML file: rendering PDF here is slow)
    html = b"<!DOCTYPE html><title>Knelpuntenbrief</title><p>Brief</p>"
    letter = PublishedLetter(
        period="2026",
        scope="SZW",
        version=1,
        title="Knelpuntenbrief 2026 SZW",
        data={},
        checksum="0" * 64,
        published_by_id=coordinator.id,
        files=[
            LetterFile(
                format="html",
                media_type="text/html; charset=utf-8",
                content=html,
                sha256=hashlib.sha256(html).hexdigest(),
            )
        ],
    )
    db.session.add(letter)
    proposal = Proposal(status="open", title="Giften tellen als inkomen", lead_ministry_code="SZW", signal_ids=[signal.id])
    db.session.add(proposal)
    saved = SavedFilter(user_id=users["frontline", True].id, name="Mijn filter", page="signals", query="status=routed")
    db.session.add(saved)
    # a finished background job (a CSV of a letter) of the own coordinator: only its owner sees it
    job = BackgroundJob(
        id="a" * 32, kind="letter_file", params={"period": "2026", "ministry": "SZW", "format": "csv"},
        status="done", progress=100, content=b"tabel,rij,kolom,waarde\r\n", file_name="brief.csv",
        media_type="text/csv; charset=utf-8", user_id=coordinator.id,
    )  # fmt: skip
    db.session.add(job)
    tokens = {key: create_token(db.session, user)[1] for key, user in users.items()}
    db.session.commit()
    regulation_id = db.session.scalars(db.select(Regulation.id).order_by(Regulation.id)).first()
    values = {
        "signal_id": signal.id,
        "knelpunt_id": knelpunt.id,
        "letter_id": letter.id,
        "proposal_id": proposal.id,
        "filter_id": saved.id,
        "user_id": users["frontline", True].id,
        "regulation_id": regulation_id,
        "fmt": "html",  # a published letter's HTML; the queue export gets csv (see _url)
        "kind": "ministries",
        "code": "VWS",
        "key": next(iter(DEFAULT_TEMPLATES)),
        "action": "answer",
        "filename": "css/knelpunt.css",
        "job_id": job.id,
        "token_id": db.session.scalars(db.select(ApiToken.id).order_by(ApiToken.id)).first(),
        # issue 14: dossier per regulation, exports, one-time links
        "bwb_id": "BWBR0015703",
        "part": "trend",
        "table_id": "per_ministry",
        "token": "no-such-link",
    }
    return users, tokens, values


def _url(rule, values: dict) -> str:
    path = rule.rule
    for argument in rule.arguments:
        value = values[argument]
        if argument == "code" and rule.endpoint == "main.set_language":
            value = "en"
        if argument == "fmt" and not rule.endpoint.startswith("letters."):
            value = "csv"
        if argument == "code" and rule.endpoint.startswith("regulations."):
            value = "BWBR0015703"
        path = path.replace(f"<{_converter(rule, argument)}{argument}>", str(value))
    query = {
        "letters.preview": "?period=2026&ministry=SZW",
        "letters.download": "?period=2026&ministry=SZW&format=csv",
        "api.bottleneck_letter": "?period=2026&ministry=SZW&format=json",
        "letters.view": "?period=2026&ministry=SZW",
    }.get(rule.endpoint, "")
    return path + query


def _converter(rule, argument: str) -> str:
    """The converter part of ``<converter:argument>`` in the rule (empty for a plain ``<argument>``)."""
    text = rule.rule
    start = text.index(argument + ">")
    opening = text.rindex("<", 0, start)
    return text[opening + 1 : start]


def _requests(app):
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield f"{method} {rule.rule}", method, rule


def test_every_route_has_an_entry(app):
    missing = sorted({key for key, _method, _rule in _requests(app)} - set(EXPECTED))
    assert not missing, "routes without an entry in EXPECTED (decide who may use them):\n" + "\n".join(missing)
    stale = sorted(set(EXPECTED) - {key for key, _m, _r in _requests(app)})
    assert not stale, "entries for routes that no longer exist:\n" + "\n".join(stale)


def test_authorization_matrix(app, client, world):
    users, tokens, values = world
    db = _db
    sessions: dict = {}

    def browser_of(role: str, own: bool):
        """One logged-in test client per role and organisation (anonymous: none logged in)."""
        if (role, own) not in sessions:
            sessions[role, own] = app.test_client()
            if role != "anonymous":
                login(sessions[role, own], users[role, own])
        return sessions[role, own]

    observed: dict[str, dict] = {}
    mismatches = []
    checked = 0
    for key, method, rule in sorted(_requests(app), key=lambda item: item[0]):
        if key not in EXPECTED and not os.environ.get("AUTHZ_MATRIX_PRINT"):
            continue
        api = rule.rule.startswith("/api/")
        url = _url(rule, values)
        for role in ROLES:
            for own in (True,) if role == "anonymous" else (True, False):
                headers = {}
                if api:
                    requester = client  # no session: the API is used with bearer tokens
                    if role != "anonymous":
                        headers["Authorization"] = f"Bearer {tokens[role, own]}"
                else:
                    requester = browser_of(role, own)
                body = API_BODIES.get(rule.endpoint, {})
                if body == "signal_ids":
                    body = {"signal_ids": [values["signal_id"]]}
                kwargs = {"json": body} if api and method in ("POST", "PATCH", "DELETE") else {"data": {}}
                response = requester.open(url, method=method, headers=headers, **kwargs)
                if rule.endpoint == "auth.logout":
                    sessions.pop((role, own), None)  # logged out: log in again for the next route
                if method != "GET":
                    _restore(
                        db, values["signal_id"], values["knelpunt_id"], users["frontline", True].id, values["filter_id"]
                    )
                checked += 1
                answer = _classify(response)
                observed.setdefault(key, {})[role, own] = answer
                assert "Content-Security-Policy" in response.headers, f"{method} {url} has no CSP"
                expected = _expected(EXPECTED[key], role, own) if key in EXPECTED else "(no entry)"
                if answer != expected:
                    mismatches.append(
                        f"{key} as {role} ({'own' if own else 'other'} organisation): expected {expected}, got {answer} ({response.status_code})"
                    )
    if os.environ.get("AUTHZ_MATRIX_PRINT"):
        for key, answers in observed.items():
            print(key, {f"{r}/{'own' if o else 'other'}": a for (r, o), a in answers.items()})
    SUMMARY.append(
        f"authorization matrix: {len(observed)} routes x {len(ROLES)} roles x own/other organisation = {checked} requests checked, {len(mismatches)} mismatches"
    )
    assert not mismatches, f"{len(mismatches)} of {checked} answers differ from the matrix:\n" + "\n".join(mismatches)
