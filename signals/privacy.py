"""Privacy guard: detect and mask personal data in the free text of a signal.

Signals are about rules, not people (DESIGN §6). Before any free text is stored
(a signal, a note on a step, an answer, a feedback comment, a knelpunt), every
BSN, IBAN, e-mail address, phone number, date of birth, street address or
postcode + house number, person's name, licence plate and file or case number
is replaced by a mask such as ``[BSN]``; the caller tells the submitter which
kinds were masked. ``mask_personal_data`` is the one function that masks;
``text_for_matching`` is what routing and similarity read (no masks).

Each detector returns candidate spans. Spans are resolved by priority (the
order of ``PERSONAL_DATA_KINDS``: an earlier kind wins an overlap) and then
replaced right to left so earlier offsets stay valid. Masks contain no digits,
so masking already masked text changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import phonenumbers
from phonenumbers import Leniency, PhoneNumberType
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from signals.privacy_people import find_case_numbers, find_names, find_plates, find_street_addresses

PERSONAL_DATA_KINDS = (
    "bsn",
    "iban",
    "email",
    "phone",
    "birth_date",
    "address",
    "plate",
    "case_number",
    "name",
)

MASKS = {
    "bsn": "[BSN]",
    "iban": "[IBAN]",
    "email": "[E-MAIL]",
    "phone": "[TELEFOONNUMMER]",
    "birth_date": "[GEBOORTEDATUM]",
    "address": "[ADRES]",
    "plate": "[KENTEKEN]",
    "case_number": "[DOSSIERNUMMER]",
    "name": "[NAAM]",
}
#: kinds stored on signals masked before this version, still shown in notices
LEGACY_KINDS = {"postcode_house_number": "address"}

_PRIORITY = {kind: rank for rank, kind in enumerate(PERSONAL_DATA_KINDS)}

Span = tuple[int, int]


@dataclass(frozen=True)
class MaskResult:
    """Outcome of masking one text."""

    #: The text with every finding replaced by its mask.
    text: str
    #: Kinds found, unique, in ``PERSONAL_DATA_KINDS`` order.
    masked: tuple[str, ...] = ()
    #: Kind -> number of occurrences masked (only kinds that were found).
    counts: dict[str, int] = field(default_factory=dict)


# --- BSN ---------------------------------------------------------------------

# Nine digits, bare or in the groupings people write: 123456782,
# 123.456.782 / 123 456 782 / 123-456-782, 1234.56.782 / 1234 56 782.
# The separator must be the same throughout (backreference).
_BSN_RE = re.compile(
    r"(?<![0-9A-Za-z])"  # not the tail of a longer digit run, IBAN or id
    r"(?<![0-9][.,\-/ ])"  # not a group of a longer grouped number
    r"(?:\d{9}|\d{3}(?P<s1>[. -])\d{3}(?P=s1)\d{3}|\d{4}(?P<s2>[. ])\d{2}(?P=s2)\d{3})"
    r"(?![0-9A-Za-z])"
    r"(?![.,\-/ ]?[0-9])"
)

# An 8-digit number is a BSN whose leading zero was dropped; stdnum pads it.
# Bare 8-digit numbers are common (KvK numbers, dates like 12032024), and one
# in eleven passes the elfproef, so they are only taken after a BSN label.
_BSN_8_LABELLED_RE = re.compile(
    r"\b(?:bsn|burgerservicenummer|sofi[- ]?nummer)\b\.?\s*(?:nr\.?|nummer)?\s*[:.]?\s*(?:is\s+)?"
    r"(?P<number>(?<![0-9])\d{8})(?![0-9A-Za-z])(?![.,\-/ ]?[0-9])",
    re.IGNORECASE,
)

# Context that makes a nine-digit run something other than a BSN.
_AMOUNT_BEFORE_RE = re.compile(r"(?:€|\beur|\beuro)\s*$", re.IGNORECASE)
_AMOUNT_AFTER_RE = re.compile(r"^\s*(?:€|eur\b|euro\b)", re.IGNORECASE)
_PHONE_PREFIX_BEFORE_RE = re.compile(r"(?:\+|\b00)\d{1,3}[\s-]*(?:\(0\)[\s-]*)?$")


def _find_bsns(text: str) -> Iterator[Span]:
    for match in _BSN_RE.finditer(text):
        before, after = text[max(0, match.start() - 12) : match.start()], text[match.end() : match.end() + 8]
        if _AMOUNT_BEFORE_RE.search(before) or _AMOUNT_AFTER_RE.search(after):
            continue
        if _PHONE_PREFIX_BEFORE_RE.search(before):
            continue
        if stdnum_bsn.is_valid(match.group()):
            yield match.span()
    for match in _BSN_8_LABELLED_RE.finditer(text):
        if stdnum_bsn.is_valid(match.group("number")):
            yield match.span("number")


# --- IBAN --------------------------------------------------------------------

# Country code, check digits, then the BBAN in groups of four (spaces optional)
# and a short last group. The regex may swallow a trailing group of an
# unrelated token, so candidates are shortened group by group until valid.
_IBAN_RE = re.compile(
    r"(?<![0-9A-Za-z])[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![0-9A-Za-z])"
)
_IBAN_MIN_LENGTH = 15  # Norway, the shortest IBAN


def _find_ibans(text: str) -> Iterator[Span]:
    for match in _IBAN_RE.finditer(text):
        candidate = match.group()
        # Possible ends: the whole candidate, or just before each space.
        ends = [len(candidate)] + [
            i for i in range(len(candidate) - 1, 0, -1) if candidate[i] == " "
        ]
        for end in ends:
            prefix = candidate[:end]
            if len(prefix.replace(" ", "")) < _IBAN_MIN_LENGTH:
                break
            # mod-97 plus the country's length and format; the national
            # bank-code checks are skipped because they reject IBANs that are
            # still someone's account number as typed (even the Belgian
            # documentation example BE68539007547034), and a missed IBAN leaks.
            if stdnum_iban.is_valid(prefix, check_country=False):
                yield match.start(), match.start() + end
                break


# --- E-mail ------------------------------------------------------------------

_EMAIL_RE = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9][\w.%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![\w-])"
)


def _find_emails(text: str) -> Iterator[Span]:
    for match in _EMAIL_RE.finditer(text):
        yield match.span()


# --- Phone -------------------------------------------------------------------

# Free, paid and shared-cost service lines (0800, 0900, 0909) belong to
# organisations, never to a person, and often are the subject of a signal
# ("the 0800 line was unreachable"), so they are kept.
_SERVICE_NUMBER_TYPES = frozenset(
    {
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
    }
)
# Dutch 14 + area code numbers (14 020) reach a municipality, not a person.
_NL_MUNICIPALITY_PREFIX = "14"


def _is_service_number(number: phonenumbers.PhoneNumber) -> bool:
    if phonenumbers.number_type(number) in _SERVICE_NUMBER_TYPES:
        return True
    return number.country_code == 31 and str(number.national_number).startswith(
        _NL_MUNICIPALITY_PREFIX
    )


# Dutch numbers as people write them, whether or not the number is in use:
# 06-12345678, +31 6 98765432, 0031 6 23456789, 050 - 312 45 67, +31 (0)30 234 5678.
# Ten digits from the trunk 0 (nine after +31); 0800/0900/0906/0909 and 14 0xx are services.
_NL_PHONE_RE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s.-]*(?:\(0\)[\s.-]*)?|0)"
    r"(?!800|900|906|909)[1-9](?:[\s.-]{0,3}\d){8}(?![\d])"
)


def _trim_brackets(text: str, start: int, end: int) -> Span:
    """Leave an unbalanced bracket around a number outside the span: "(06-12345678)"."""
    value = text[start:end]
    if value.startswith("(") and ")" not in value:
        start += 1
    if value.endswith(")") and "(" not in value:
        end -= 1
    return start, end


_INTERNATIONAL_RE = re.compile(r"(?<![\w+])(?:\+|00)(?!31)[1-9]")
_IBAN_HEAD_RE = re.compile(r"[A-Za-z]{2}\d{2}\s?[A-Za-z]{4}\s?$")


def _find_phones(text: str) -> Iterator[Span]:
    for match in _NL_PHONE_RE.finditer(text):
        if not _IBAN_HEAD_RE.search(text[max(0, match.start() - 12) : match.start()]):
            yield match.span()
    # Other countries' numbers start with + or 00; libphonenumber reads only a window after each.
    for candidate in _INTERNATIONAL_RE.finditer(text):
        lo = max(0, candidate.start() - 1)
        window = text[lo : candidate.start() + 30]
        for match in phonenumbers.PhoneNumberMatcher(window, "NL", leniency=Leniency.VALID):
            if match.start > candidate.start() - lo + 1:
                break
            if phonenumbers.is_valid_number(match.number) and not _is_service_number(match.number):
                yield _trim_brackets(text, lo + match.start, lo + match.end)
            break


# --- Date of birth -----------------------------------------------------------

_MONTHS = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|january|february|march|may|june|july|august|october"
    r"|jan|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec"
)
_DATE = (
    r"(?:"
    r"\d{1,2}(?P<sep>[-/.])\d{1,2}(?P=sep)(?:\d{4}|\d{2})"  # 12-03-1985, 12/3/1985, 12.03.85
    r"|\d{4}-\d{1,2}-\d{1,2}"  # 1985-03-12
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}"  # 12 maart 1985, 3 mrt. 1985
    r")(?![0-9])"
)
# Only a date introduced as a birth date is masked: signals mention the dates
# of letters and decisions all the time, and those are not personal data.
_BIRTH_CONTEXT = (
    r"\b(?:geboortedatum|geb\.?\s?datum|geboren(?:\s+op)?|geb\.|d\.o\.b\.?|dob\b"
    r"|date\s+of\s+birth|born(?:\s+on)?)"
)
_BIRTH_DATE_RE = re.compile(
    rf"{_BIRTH_CONTEXT}[\s:]*(?:(?:op|on|is)\b[\s:]*)?(?P<date>{_DATE})",
    re.IGNORECASE,
)


def _find_birth_dates(text: str) -> Iterator[Span]:
    for match in _BIRTH_DATE_RE.finditer(text):
        yield match.span("date")


# --- Postcode + house number -------------------------------------------------

# Dutch postcode: 4 digits not starting with 0 and two capitals, never SA, SD
# or SS. Capitals only: "in 2024 en" must not read as a postcode.
_POSTCODE = r"(?<![0-9A-Za-z])[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}(?![A-Za-z0-9])"
# House number with an optional addition: 12, 12a, 12 A, 12-3, 12-II, 12 bis, 12 hs.
_HOUSE_NUMBER = (
    r"(?<![0-9])[1-9][0-9]{0,4}"
    r"(?:\s?-\s?(?:[0-9]{1,4}|[A-Za-z]{1,3})|\s?(?:bis|hs|huis|bg|[A-Za-z])(?![A-Za-z]))?(?![0-9])"
)
# A street: its last word (also "'s-Gravendijkwal"), with up to two
# capitalised words and Dutch particles before it ("Laan van Meerdervoort",
# "Prins Hendrikkade"). A capitalised word just before the street may be
# masked with it; that loses a word, never personal data.
_STREET = (
    r"(?:[A-Z][\w'.-]*\s+(?:(?:van|de|der|den|het|'t|ter|ten|op|aan|in|bij)\s+){0,3}){0,2}"
    r"(?<![\w'.-])(?:'[st][- ]?)?[A-Za-z][\w'.-]*[A-Za-z.]"
)
_STREET_NUMBER_POSTCODE_RE = re.compile(
    rf"{_STREET}\s+{_HOUSE_NUMBER}\s*,?\s*{_POSTCODE}"
)
_POSTCODE_NUMBER_RE = re.compile(
    rf"{_POSTCODE}\s*,?\s*(?:(?:nr\.?|nummer|huisnummer)\s*)?{_HOUSE_NUMBER}"
)
# A postcode on its own ("in 1234 AB") is not masked: it covers a street or a
# part of one, some twenty addresses, so it does not identify a person; only
# with a house number does it point to one household.


_POSTCODE_ONLY_RE = re.compile(_POSTCODE)


def _find_addresses(text: str) -> Iterator[Span]:
    spans = []
    for postcode in _POSTCODE_ONLY_RE.finditer(text):  # the patterns run only around a postcode
        lo, hi = max(0, postcode.start() - 60), min(len(text), postcode.end() + 30)
        for pattern in (_STREET_NUMBER_POSTCODE_RE, _POSTCODE_NUMBER_RE):
            spans.extend(m.span() for m in pattern.finditer(text, lo, hi))
    spans.extend(find_street_addresses(text))
    # one address found by two patterns ("Dorpsstraat 12, 1234 AB 12") is one span
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in merged:
        yield start, end


# --- Masking -----------------------------------------------------------------

_DETECTORS: dict[str, Callable[[str], Iterator[Span]]] = {
    "bsn": _find_bsns,
    "iban": _find_ibans,
    "email": _find_emails,
    "phone": _find_phones,
    "birth_date": _find_birth_dates,
    "address": _find_addresses,
    "plate": find_plates,
    "case_number": find_case_numbers,
    "name": find_names,
}


def _resolve_overlaps(
    findings: list[tuple[int, int, str]],
) -> list[tuple[int, int, str]]:
    """Keep non-overlapping findings; an earlier kind, then a longer span, wins."""
    ranked = sorted(findings, key=lambda f: (_PRIORITY[f[2]], -(f[1] - f[0]), f[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in ranked:
        if all(end <= k_start or start >= k_end for k_start, k_end, _ in kept):
            kept.append((start, end, kind))
    return sorted(kept)


_MASK_RE = re.compile("|".join(re.escape(mask) for mask in sorted(set(MASKS.values()), key=len, reverse=True)))

# Cheap checks first: every pattern of these detectors needs a digit (a BSN, IBAN, phone number, date,
# house number, plate or case number has one), and an e-mail address an "@"; most signals have
# neither, and then those detectors cannot find anything (the same \d the patterns use).
_NEEDS_DIGIT = frozenset({"bsn", "iban", "phone", "birth_date", "address", "plate", "case_number"})
_DIGIT_RE = re.compile(r"\d")


def find_personal_data(text: str) -> list[tuple[int, int, str]]:
    """The personal data in ``text`` as (start, end, kind), in text order, without overlaps."""
    if not text:
        return []
    masks = [m.span() for m in _MASK_RE.finditer(text)]
    skip = set() if _DIGIT_RE.search(text) else set(_NEEDS_DIGIT)
    if "@" not in text:
        skip.add("email")
    findings = [
        (start, end, kind)
        for kind, detect in _DETECTORS.items()
        if kind not in skip
        for start, end in detect(text)
        if end > start and not any(start < m_end and end > m_start for m_start, m_end in masks)
    ]
    return _resolve_overlaps(findings)


def mask_personal_data(text: str) -> MaskResult:
    """Replace personal data in ``text`` by masks and report what was masked."""
    if not text:
        return MaskResult(text=text or "")
    kept = find_personal_data(text)
    masked_text = text
    counts: dict[str, int] = {}
    for start, end, kind in reversed(kept):
        masked_text = masked_text[:start] + MASKS[kind] + masked_text[end:]
        counts[kind] = counts.get(kind, 0) + 1
    masked = tuple(kind for kind in PERSONAL_DATA_KINDS if kind in counts)
    return MaskResult(
        text=masked_text, masked=masked, counts={kind: counts[kind] for kind in masked}
    )


def mask_fields(
    fields: dict[str, str | None],
) -> tuple[dict[str, str | None], tuple[str, ...]]:
    """Mask several free-text fields at once; returns masked fields and the union of kinds (ordered)."""
    masked_fields: dict[str, str | None] = {}
    found: set[str] = set()
    for name, value in fields.items():
        if value is None:
            masked_fields[name] = None
            continue
        result = mask_personal_data(value)
        masked_fields[name] = result.text
        found.update(result.masked)
    return masked_fields, tuple(kind for kind in PERSONAL_DATA_KINDS if kind in found)


def mask_texts(*texts: str | None) -> tuple[list[str], tuple[str, ...]]:
    """Mask several texts (a note and an answer, say); returns them in order and the kinds found."""
    fields, kinds = mask_fields({str(i): (text or "") for i, text in enumerate(texts)})
    return [fields[str(i)] or "" for i in range(len(texts))], kinds


def text_for_matching(text: str | None, already_masked: bool = False) -> str:
    """What routing and similarity read: the text without masks or the data they stand for.

    Stored texts are masked already; a mask (and its label, e.g. the word "BSN"
    before "[BSN]") says nothing about which rule hurts, so it must not route a
    signal to the owner of the Wet BRP. Unmasked input is searched first;
    ``already_masked`` skips that for stored texts (similarity reads thousands).
    """
    if not text:
        return ""
    spans = [m.span() for m in _MASK_RE.finditer(text)]
    if not already_masked:
        spans += [(s, e) for s, e, _k in find_personal_data(text)]
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(text[pos:start])
        label = _LABEL_BEFORE_RE.search(out[-1])
        if label:
            out[-1] = out[-1][: label.start()]
        out.append(" ")
        pos = end
    out.append(text[pos:])
    return re.sub(r"[ \t]{2,}", " ", "".join(out)).strip()


# The label people type before a number ("BSN:", "tel.", "IBAN nr"), dropped with it.
_LABEL_BEFORE_RE = re.compile(
    r"(?:\b(?:bsn|burgerservicenummer|sofinummer|iban|rekeningnummer|rekening|tel|telefoon|telefoonnummer|mobiel"
    r"|e-?mail|mail|kenteken|geb|geboren|geboortedatum)\b\.?\s*(?:nr\.?|nummer|op)?\s*[:.]?\s*)$",
    re.IGNORECASE,
)
