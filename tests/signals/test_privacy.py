"""Tests for the privacy guard that masks personal data in signal texts.

All numbers are generated or documentation examples; no real person's data.
"""

import pytest
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from signals.privacy import (
    MASKS,
    PERSONAL_DATA_KINDS,
    MaskResult,
    mask_fields,
    mask_personal_data,
)


def make_bsn(prefix: str) -> str:
    """Complete an 8-digit prefix with the check digit that passes the elfproef."""
    for digit in "0123456789":
        if stdnum_bsn.is_valid(prefix + digit):
            return prefix + digit
    raise ValueError(f"no check digit makes {prefix} a valid BSN")


GENERATED_BSNS = [
    make_bsn(p) for p in ("10000000", "20406080", "98765432", "31415926", "27182818")
]
WELL_KNOWN_TEST_BSNS = ["111222333", "123456782"]


# --- BSN ---------------------------------------------------------------------


@pytest.mark.parametrize("number", WELL_KNOWN_TEST_BSNS + GENERATED_BSNS)
def test_valid_bsn_is_masked(number):
    # Does a nine-digit number that passes the elfproef become [BSN]?
    assert stdnum_bsn.is_valid(number)
    result = mask_personal_data(f"Cliënt met BSN {number} meldt zich.")
    assert result.text == "Cliënt met BSN [BSN] meldt zich."
    assert result.masked == ("bsn",)
    assert result.counts == {"bsn": 1}


@pytest.mark.parametrize(
    "written",
    [
        "123.456.782",
        "1234 56 782",
        "1234.56.782",
        "123 456 782",
        "123-456-782",
        "bsn:123456782",
    ],
)
def test_bsn_written_with_separators_is_masked(written):
    # Is a BSN written in groups recognised as one number?
    result = mask_personal_data(f"nummer {written} graag")
    assert "[BSN]" in result.text
    assert "782" not in result.text
    assert result.masked == ("bsn",)


@pytest.mark.parametrize("number", ["123456789", "111222334", "987654321", "100000000"])
def test_number_failing_elfproef_is_kept(number):
    # Is a case number that fails the elfproef left as it is?
    assert not stdnum_bsn.is_valid(number)
    text = f"Het getal {number} staat in de tabel."
    assert mask_personal_data(text) == MaskResult(text=text)


@pytest.mark.parametrize(
    "text",
    [
        "Referentie 1234567820 volgt.",  # valid BSN plus one digit
        "Referentie 91234567820 volgt.",
        "Dossier 2024-123456782 volgt.",  # part of a longer hyphenated number
        "Bedrag € 123.456.782 aan subsidie.",  # an amount, not a BSN
        "Bedrag 123.456.782 euro aan subsidie.",
    ],
)
def test_valid_bsn_digits_inside_longer_number_or_amount_are_kept(text):
    # Are nine digits that are part of something longer not taken for a BSN?
    result = mask_personal_data(text)
    assert "bsn" not in result.masked
    assert "[BSN]" not in result.text


def test_eight_digit_bsn_after_bsn_label_is_masked():
    # Is a BSN whose leading zero was dropped masked when labelled as a BSN?
    assert stdnum_bsn.is_valid("12345672")
    result = mask_personal_data("BSN: 12345672")
    assert result.text == "BSN: [BSN]"
    assert result.masked == ("bsn",)


def test_eight_digit_number_without_bsn_label_is_kept():
    # Is an unlabelled 8-digit number (a KvK number, say) kept, even if it would pass?
    assert stdnum_bsn.is_valid("12345672")
    text = "KvK-nummer 12345672 van de werkgever."
    assert mask_personal_data(text).text == text


# --- IBAN --------------------------------------------------------------------


@pytest.mark.parametrize(
    "account",
    [
        "NL91ABNA0417164300",
        "NL91 ABNA 0417 1643 00",
        "nl91abna0417164300",
        "GB82WEST12345698765432",
        "GB82 WEST 1234 5698 7654 32",
        "DE89370400440532013000",
        "BE68539007547034",
    ],
)
def test_valid_iban_is_masked(account):
    # Is an IBAN of any country, grouped or not, masked as a whole?
    result = mask_personal_data(f"Stort het op {account} ten name van de cliënt.")
    assert result.text == "Stort het op [IBAN] ten name van de cliënt."
    assert result.masked == ("iban",)
    assert result.counts == {"iban": 1}


@pytest.mark.parametrize(
    "account",
    [
        "NL91ABNA0417164301",
        "NL19ABNA0417164300",
        "GB82WEST12345698765433",
        "NL91 ABNA 0417 1643 01",
    ],
)
def test_iban_failing_mod97_is_kept(account):
    # Is an IBAN-looking string with a wrong check kept?
    assert not stdnum_iban.is_valid(account)
    text = f"Rekening {account} bestaat niet."
    assert mask_personal_data(text).text == text


def test_iban_digits_are_not_also_counted_as_bsn_or_phone():
    # Is an IBAN masked once, without its digits matching another kind?
    result = mask_personal_data("IBAN NL91ABNA0417164300.")
    assert result.text == "IBAN [IBAN]."
    assert result.counts == {"iban": 1}


# --- E-mail ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mail naar j.jansen@example.nl.", "Mail naar [E-MAIL]."),
        ("Contact: klant+signaal@mail.example.com", "Contact: [E-MAIL]"),
        ("<info_123@voorbeeld-gemeente.example.org>", "<[E-MAIL]>"),
        (
            "Stuur het naar A.B.de.Vries@Example.NL of bel.",
            "Stuur het naar [E-MAIL] of bel.",
        ),
    ],
)
def test_email_address_is_masked(text, expected):
    # Are e-mail addresses replaced, with surrounding punctuation kept?
    result = mask_personal_data(text)
    assert result.text == expected
    assert result.masked == ("email",)


def test_at_sign_without_address_is_kept():
    # Is a loose @ (a handle or "@ 5 euro") left alone?
    text = "Kosten @ 5 euro per stuk, zie @gemeente."
    assert mask_personal_data(text).text == text


# --- Phone -------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "020-1234567",
        "020 123 4567",
        "+31 6 12345678",
        "+31(0)20 1234567",
        "0031 20 1234567",
        "+32 470 12 34 56",
        "070 123 45 67",
    ],
)
def test_phone_number_is_masked(phone):
    # Are Dutch and international phone numbers in common notations masked?
    result = mask_personal_data(f"Bereikbaar op {phone} na 17 uur.")
    assert result.text == "Bereikbaar op [TELEFOONNUMMER] na 17 uur."
    assert result.masked == ("phone",)
    assert result.counts == {"phone": 1}


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 nam het aantal meldingen toe.",
        "Een terugvordering van € 1.250,00 volgde.",
        "Het ging om 1250 euro.",
        "De brief van 12-03-2024 kwam te laat.",
        "Het besluit is van 2024-03-12.",
        "Het kantoor in 1234 AB sloot.",
        "Zie artikel 34 lid 2 van de Participatiewet.",
        "Zie BWBR0015703 op wetten.overheid.nl.",
        "ECLI:NL:CRVB:2024:1234 is relevant.",
        "Artikel 7:658 BW en artikel 6:7 Awb.",
        "De gratis lijn 0800-1234 was de hele dag bezet.",
        "Het gemeentenummer 14 020 gaf geen antwoord.",
    ],
)
def test_numbers_that_are_not_personal_data_are_kept(text):
    # Are years, amounts, dates, references and service lines left alone?
    assert mask_personal_data(text) == MaskResult(text=text)


# --- Date of birth -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("geboren op 12 maart 1985", "geboren op [GEBOORTEDATUM]"),
        ("Geboren 12-03-1985 te Utrecht", "Geboren [GEBOORTEDATUM] te Utrecht"),
        ("geb. 3 mrt. 1985", "geb. [GEBOORTEDATUM]"),
        ("Geboortedatum: 12/3/1985", "Geboortedatum: [GEBOORTEDATUM]"),
        ("geb.datum 12.03.1985", "geb.datum [GEBOORTEDATUM]"),
        ("DOB: 1985-03-12", "DOB: [GEBOORTEDATUM]"),
        ("Date of birth 12-03-1985", "Date of birth [GEBOORTEDATUM]"),
        ("born on 3 March 1985", "born on [GEBOORTEDATUM]"),
        ("(geb. 01-01-1970)", "(geb. [GEBOORTEDATUM])"),
    ],
)
def test_date_with_birth_context_is_masked(text, expected):
    # Is a date introduced as a birth date masked, keeping the context word?
    result = mask_personal_data(text)
    assert result.text == expected
    assert result.masked == ("birth_date",)


@pytest.mark.parametrize(
    "text",
    [
        "Op 12 maart 2024 kwam de brief.",
        "Het besluit van 12-03-2024 is onjuist.",
        "Bezwaar ingediend op 3 mrt. 2024.",
        "Sinds 1985-03-12 geldt de regel.",
        "Het kind is geboren, en op 12-03-2024 volgde de aanvraag.",
    ],
)
def test_date_without_birth_context_is_kept(text):
    # Are dates of letters and decisions left alone?
    assert mask_personal_data(text).text == text


# --- Postcode + house number -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Adres: 1234 AB 12", "Adres: [ADRES]"),
        ("Het gaat om de Dorpsstraat 12.", "Het gaat om de [ADRES]."),
        ("Mevrouw woont op Kerkweg 3a in Utrecht.", "Mevrouw woont op [ADRES] in Utrecht."),
        ("Adres: 1234AB, 12a", "Adres: [ADRES]"),
        ("Woont Dorpsstraat 12, 1234 AB Amsterdam.", "[ADRES] Amsterdam."),
        ("Dorpsstraat 12 bis 1234AB", "[ADRES]"),
        ("Mijn adres is Dorpsstraat 12-3, 1234 AB.", "Mijn adres is [ADRES]."),
        ("op de Laan van Meerdervoort 12, 2517 AB Den Haag", "op de [ADRES] Den Haag"),
        ("aan de 's-Gravendijkwal 12, 3021 EK Rotterdam", "aan de [ADRES] Rotterdam"),
    ],
)
def test_postcode_with_house_number_is_masked(text, expected):
    # Is a postcode with its house number (and street) masked as one address?
    result = mask_personal_data(text)
    assert result.text == expected
    assert result.masked == ("address",)
    assert result.counts == {"address": 1}


@pytest.mark.parametrize(
    "text",
    [
        "Het loket in 1234 AB is gesloten.",
        "Inwoners van 1234 AB Amsterdam klagen.",
        "Het loket aan de Stationsweg in Utrecht is dicht.",
        "Zie artikel 8 van de Huisvestingswet 2014.",
        "In 2024 en 12 andere jaren.",
        "Postcode 1234 SA 12 bestaat niet.",
    ],
)
def test_postcode_or_street_alone_is_kept(text):
    # Is a postcode without house number, or a street alone, left alone?
    assert mask_personal_data(text).text == text


# --- Whole texts -------------------------------------------------------------

FRONTLINE_NOTE = (
    "Mevrouw (BSN 123456782, geboren op 3 mrt. 1985) woont op Dorpsstraat 12, 1234 AB Ergens. "
    "Zij belde op 12 maart 2024 vanaf 06-12345678 en mailde naar klant@example.nl; de "
    "terugbetaling van € 1.250,00 naar NL91 ABNA 0417 1643 00 bleef uit. Artikel 34 lid 2 "
    "Participatiewet (BWBR0015703) is volgens haar onduidelijk. Haar partner, BSN 111222333, "
    "is bereikbaar op +31 6 12345678."
)


def test_frontline_note_masks_every_kind_in_fixed_order():
    # Does a realistic note come out with all kinds masked, listed in order, and counted?
    result = mask_personal_data(FRONTLINE_NOTE)
    assert result.masked == ("bsn", "iban", "email", "phone", "birth_date", "address")
    assert result.counts == {
        "bsn": 2,
        "iban": 1,
        "email": 1,
        "phone": 2,
        "birth_date": 1,
        "address": 1,
    }
    assert result.text == (
        "Mevrouw (BSN [BSN], geboren op [GEBOORTEDATUM]) woont op [ADRES] Ergens. "
        "Zij belde op 12 maart 2024 vanaf [TELEFOONNUMMER] en mailde naar [E-MAIL]; de "
        "terugbetaling van € 1.250,00 naar [IBAN] bleef uit. Artikel 34 lid 2 "
        "Participatiewet (BWBR0015703) is volgens haar onduidelijk. Haar partner, BSN [BSN], "
        "is bereikbaar op [TELEFOONNUMMER]."
    )


@pytest.mark.parametrize(
    "text",
    [
        FRONTLINE_NOTE,
        "BSN 123.456.782 en IBAN GB82WEST12345698765432",
        "Bel +31(0)20 1234567 of mail x@example.com",
        "geb. 12-03-1985, Dorpsstraat 12, 1234 AB",
    ],
)
def test_masking_twice_changes_nothing(text):
    # Is masking idempotent: a masked text passes through unchanged?
    once = mask_personal_data(text)
    twice = mask_personal_data(once.text)
    assert once.masked
    assert twice == MaskResult(text=once.text)


@pytest.mark.parametrize("text", ["", "Geen persoonsgegevens hier."])
def test_text_without_personal_data_gives_empty_result(text):
    # Does text without personal data come back unchanged with nothing reported?
    result = mask_personal_data(text)
    assert result == MaskResult(text=text, masked=(), counts={})


def test_every_kind_has_a_mask():
    # Has every detected kind a mask, and nothing more?
    assert set(MASKS) == set(PERSONAL_DATA_KINDS)


def test_mask_fields_masks_each_field_and_joins_kinds_in_order():
    # Are several fields masked at once, None kept, kinds joined in fixed order?
    fields = {
        "description": "Mail x@example.com of bel 06-12345678.",
        "impact": "BSN 111222333 staat in de brief.",
        "suggestion": None,
        "title": "",
    }
    masked, kinds = mask_fields(fields)
    assert masked == {
        "description": "Mail [E-MAIL] of bel [TELEFOONNUMMER].",
        "impact": "BSN [BSN] staat in de brief.",
        "suggestion": None,
        "title": "",
    }
    assert kinds == ("bsn", "email", "phone")


def test_mask_fields_without_personal_data_reports_no_kinds():
    # Is an all-clean form reported as having nothing masked?
    assert mask_fields({"a": "Niets bijzonders.", "b": None}) == (
        {"a": "Niets bijzonders.", "b": None},
        (),
    )


# --- People, places, plates and case numbers (issue 9) -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mevrouw Jansen (BSN 111222333) uit de Dorpsstraat 12 in Utrecht belde",
            "Mevrouw [NAAM] (BSN [BSN]) uit de [ADRES] in Utrecht belde",
        ),
        ("Dhr. P. de Vries belde over de Participatiewet.", "Dhr. [NAAM] belde over de Participatiewet."),
        ("Cliënt Mohammed El Amrani wacht op het UWV.", "Cliënt [NAAM] wacht op het UWV."),
        ("Haar zoon Kevin (7) krijgt geen vervoer.", "Haar zoon [NAAM] (7) krijgt geen vervoer."),
        ("Gesprek met Sanne de Groot van de gemeente Zwolle.", "Gesprek met [NAAM] van de gemeente Zwolle."),
        ("De heer en mevrouw Bakker wonen in Den Haag.", "De heer en mevrouw [NAAM] wonen in Den Haag."),
        ("Mw. A.B. van der Berg-Öztürk heeft bezwaar gemaakt.", "Mw. [NAAM] heeft bezwaar gemaakt."),
    ],
)
def test_names_are_masked_and_titles_kept(text, expected):
    # Are person names masked, with and without titles or initials, keeping the title?
    assert mask_personal_data(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mevrouw belde gisteren over de Wet maatschappelijke ondersteuning 2015.",
        "Inwoners van Bergen op Zoom en Capelle aan den IJssel melden dit ook.",
        "De Raad van State en de Nationale ombudsman oordeelden anders.",
        "Het ministerie van Binnenlandse Zaken en Koninkrijksrelaties antwoordde op 12 maart 2024.",
        "Stichting Humanitas in Leeuwarden helpt met de bijzondere bijstand van € 310 per maand.",
        "Meneer is 67 jaar en heeft sinds 2019 een Wajong-uitkering.",
        "Zie artikel 35, lid 1 van de Jeugdwet en de Huisvestingswet 2014.",
        "Gift Van Familie Leidt Tot Terugvordering",
        "Het Nederlandse Rode Kruis en Meldpunt Kwetsbare Burgers helpen.",
        "De Voedselbank Zaltbommel en Stichting Leergeld helpen.",
        "Klant van de Kredietbank Nederland kreeg een brief.",
        "Ben je bekend met de regeling?",
        "Woonachtig in Den Helder, klant bij de Sociale Verzekeringsbank.",
    ],
)
def test_places_laws_organisations_amounts_and_ages_are_kept(text):
    # Is text that names no person left exactly as typed?
    assert mask_personal_data(text) == MaskResult(text=text)


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("Bel +31 6 98765432 na vijven.", "Bel [TELEFOONNUMMER] na vijven.", "phone"),
        ("Bereikbaar (06-12345678) overdag.", "Bereikbaar ([TELEFOONNUMMER]) overdag.", "phone"),
        ("Auto met kenteken AB-123-C en 12-ABC-3.", "Auto met kenteken [KENTEKEN] en [KENTEKEN].", "plate"),
        ("Zie dossiernummer 2023-123456.", "Zie dossiernummer [DOSSIERNUMMER].", "case_number"),
        ("Het zaaknummer Z/21/12345 staat in de brief.", "Het zaaknummer [DOSSIERNUMMER] staat in de brief.", "case_number"),
    ],
)
def test_phones_plates_and_case_numbers_are_masked(text, expected, kind):
    # Are the phone notations of the issue, licence plates and dossier numbers masked?
    result = mask_personal_data(text)
    assert result.text == expected
    assert result.masked == (kind,)


def test_masked_text_masked_again_is_unchanged():
    # Does a second pass over a text with names and addresses change nothing (idempotent rescan)?
    once = mask_personal_data("Mevrouw Jansen woont op de Kerkweg 3a, 1234 AB Utrecht; zoon Kevin (7).")
    assert once.counts == {"address": 1, "name": 2}
    assert mask_personal_data(once.text) == MaskResult(text=once.text)


def test_text_for_matching_drops_masks_and_their_labels():
    # Does routing read neither the placeholder nor the word "BSN" before it?
    from signals.privacy import text_for_matching

    matched = text_for_matching("Mevrouw [NAAM] (BSN [BSN]) belde over de huurtoeslag.")
    assert "BSN" not in matched and "[" not in matched
    assert "huurtoeslag" in matched
    assert "Jansen" not in text_for_matching("Mevrouw Jansen belde over de huurtoeslag.")
