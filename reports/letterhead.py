"""The letter as a Kamerbrief: letterhead, kenmerk, Dutch dates and Dutch grammar for counts.

A deployment sets who sends the letter and who signs it (config.py reads ``LETTER_*`` from the
environment); ``letterhead_from_config`` turns those settings into the plain dict the letter
stores, so a published letter keeps the letterhead it was sent with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from reports.periods import MONTH_NAMES, Period

TZ = ZoneInfo("Europe/Amsterdam")

#: the neutral letterhead of a deployment that configured nothing (no real office or person)
DEFAULT_LETTERHEAD = {
    "sender": "Programma Hardheden in regels",
    "sender_unit": "Coördinatie signalen uit de uitvoering",
    "sender_address": ["Postbus 20011", "2500 EA Den Haag"],
    "sender_contact": "knelpunt@example.org",
    "return_address": "Postbus 20011 2500 EA Den Haag",
    "addressee": ["Aan de Voorzitter van de Tweede Kamer", "der Staten-Generaal", "Postbus 20018", "2500 EA Den Haag"],
    "salutation": "Geachte voorzitter,",
    "closing": "Hoogachtend,",
    "signatory_title": "De staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties,",
    "signatory_name": "",
    "place": "Den Haag",
    "kenmerk_prefix": "KNP",
}

#: environment variable (and config key) -> letterhead field; lists are separated by "|"
CONFIG_KEYS = {
    "LETTER_SENDER": "sender",
    "LETTER_SENDER_UNIT": "sender_unit",
    "LETTER_SENDER_ADDRESS": "sender_address",
    "LETTER_SENDER_CONTACT": "sender_contact",
    "LETTER_RETURN_ADDRESS": "return_address",
    "LETTER_ADDRESSEE": "addressee",
    "LETTER_SALUTATION": "salutation",
    "LETTER_CLOSING": "closing",
    "LETTER_SIGNATORY_TITLE": "signatory_title",
    "LETTER_SIGNATORY_NAME": "signatory_name",
    "LETTER_PLACE": "place",
    "LETTER_KENMERK_PREFIX": "kenmerk_prefix",
}
LIST_FIELDS = ("sender_address", "addressee")


def letterhead_from_config(config: Mapping) -> dict:
    """The letterhead from settings (``LETTER_*``), each missing one taken from the default."""
    letterhead = {key: (list(value) if isinstance(value, list) else value) for key, value in DEFAULT_LETTERHEAD.items()}
    for config_key, field in CONFIG_KEYS.items():
        value = config.get(config_key)
        if value is None or value == "":
            continue
        if field in LIST_FIELDS and isinstance(value, str):
            value = [line.strip() for line in value.split("|") if line.strip()]
        letterhead[field] = value
    return letterhead


def _dutch_day(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    """The calendar day ``value`` falls on in Dutch time (an ISO string is parsed first); None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value) if "T" in value or " " in value else dt.date.fromisoformat(value)
    if isinstance(value, dt.datetime):
        value = (value.astimezone(TZ) if value.tzinfo else value).date()
    return value


def dutch_date(value: dt.date | dt.datetime | str | None) -> str:
    """'30 november 2026' (a datetime counts in Dutch time; an ISO string is parsed first)."""
    day = _dutch_day(value)
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}" if day else ""


def short_dutch_date(value: dt.date | dt.datetime | str | None) -> str:
    """'30-11-2026', for table cells."""
    day = _dutch_day(value)
    return f"{day.day:02d}-{day.month:02d}-{day.year}" if day else ""


def count_phrase(n: int, singular: str, plural: str) -> str:
    """'1 nieuw knelpunt', '2 nieuwe knelpunten', '0 nieuwe knelpunten' (thousands with a dot)."""
    number = f"{int(n):,}".replace(",", ".")
    return f"{number} {singular if n == 1 else plural}"


def verb(n: int, singular: str, plural: str) -> str:
    """The verb agreeing with a count: 'is' / 'zijn', 'kwam' / 'kwamen'."""
    return singular if n == 1 else plural


def kenmerk(prefix: str, period: Period, scope: str, version: int | None = None) -> str:
    """The letter's reference (ons kenmerk), e.g. 'KNP-2026-Q3-ALL' or 'KNP-2026-Q3-SZW-v2' once published."""
    text = f"{prefix}-{period.code}-{scope}"
    return f"{text}-v{version}" if version else text


def subject(period: Period, scope_name: str, all_ministries: bool) -> str:
    """The 'Betreft' line: 'Knelpuntenbrief derde kwartaal 2026' (with the ministry when scoped)."""
    text = f"Knelpuntenbrief {period.label}"
    return text if all_ministries else f"{text}, {scope_name}"


def letterhead_block(letterhead: dict | None, period: Period, scope: str, scope_name: str, now: dt.datetime) -> dict:
    """What the letter stores about its sending: letterhead, date, kenmerk and subject."""
    head = dict(letterhead or letterhead_from_config({}))
    return {
        **head,
        "date": dutch_date(now),
        "kenmerk": kenmerk(head.get("kenmerk_prefix") or "KNP", period, scope),
        "subject": subject(period, scope_name, scope == "ALL"),
    }
