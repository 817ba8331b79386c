"""Telling the submitter which personal data the privacy guard removed (web and API)."""

from __future__ import annotations

from flask import flash
from flask_babel import gettext as _

from signals.errors import N_

MASK_NAMES = {
    "bsn": N_("een BSN"),
    "iban": N_("een IBAN"),
    "email": N_("een e-mailadres"),
    "phone": N_("een telefoonnummer"),
    "birth_date": N_("een geboortedatum"),
    "address": N_("een adres"),
    "postcode_house_number": N_("een adres"),
    "plate": N_("een kenteken"),
    "case_number": N_("een dossiernummer"),
    "name": N_("een naam"),
}


def masked_notice(kinds) -> str:
    """The sentence that tells the submitter which personal data was removed."""
    names = list(dict.fromkeys(_(MASK_NAMES[k]) for k in kinds if k in MASK_NAMES))
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " " + _("en") + " " + names[-1]
    return _("We hebben %(what)s uit uw tekst verwijderd. Signalen gaan over regels, niet over personen.", what=listed)


def flash_masked(kinds) -> None:
    """Flash the notice when anything was removed."""
    if kinds:
        flash(masked_notice(kinds), "warning")


def removed_from(obj) -> list[str]:
    """The kinds the guard removed in the last change of a signal or knelpunt (set by the domain)."""
    return list(getattr(obj, "removed_personal_data", ()) or ())


def removed_from_event(event) -> list[str]:
    return list((event.data or {}).get("masked", [])) if event is not None else []
