"""Write tests/signals/privacy_corpus.jsonl: frontline notes with the personal data marked.

Every person, address and number here is invented (BSNs and IBANs are made up
to pass their checks, e-mail addresses use example domains). Each note is a
hand-written template filled from pools; the filler records where each piece of
personal data landed, so the expected spans are exact.

Holdout: every fourth template, filled only from the second half of each pool
(other names, streets, towns), is set "holdout"; so are the free-written notes of
tests/signals/privacy_freeform.txt. The detectors are tuned on "tune" and the
figures reported are the holdout ones.

Run: .venv/bin/python scripts/make_privacy_corpus.py
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "signals" / "privacy_corpus.jsonl"
FILLS_PER_TEMPLATE = 5

# --- pools (invented combinations) -------------------------------------------

FIRST_NAMES = [
    "Kevin", "Sanne", "Mohammed", "Fatima", "Anouk", "Jeroen", "Aisha", "Bram", "Emre", "Priya",
    "Daan", "Noor", "Youssef", "Lotte", "Dewi", "Marek", "Iris", "Samira", "Ruben", "Ingrid",
    "Thijs", "Yasmina", "Gerrit", "Olga", "Hamza", "Femke", "Tomasz", "Chantal", "Rachid", "Wilma",
    "Luuk", "Esra", "Bilal", "Marloes", "Dirk", "Zeynep", "Sem", "Kofi", "Hanneke", "Nadia",
    "Milan", "Yara", "Stefan", "Ayoub", "Roos", "Oksana", "Bart", "Mila", "Mustafa", "Tineke",
    "Jayden", "Ilse", "Abdi", "Joost", "Sevda", "Finn", "Gerda", "Ali", "Merel", "Dragan",
]
SURNAMES = [
    "Jansen", "de Vries", "El Amrani", "Bakker", "van der Berg", "Yilmaz", "Visser", "de Groot",
    "Smit", "Bouzid", "van Dijk", "Kowalski", "Mulder", "Meijer", "ter Horst", "Öztürk",
    "de Boer", "Hendriks", "van den Heuvel", "Ramdin", "Dekker", "Brouwer", "Nguyen", "Vermeulen",
    "van Leeuwen", "Haddou", "Kaya", "de Wit", "Peters", "Nowak", "Bos", "Verhoeven",
    "van der Linden", "Benali", "Kuipers", "Schouten", "Doğan", "Jacobs", "Postma", "Wijnands",
    "de Jong", "Aydın", "Willems", "Tahiri", "van Beek", "Koster", "Mahabier", "Prins",
    "Janssen-de Bruin", "Ouali", "Hoekstra", "Sanders", "van 't Hof", "Mensah", "Scholten", "Lambrechts",
    "Kok", "Achterberg", "Chaouch", "Timmermans",
]
STREETS = [
    "Dorpsstraat", "Kerkweg", "Hoofdstraat", "Molenlaan", "Stationsweg", "Julianastraat", "Lindenlaan",
    "Prins Hendrikkade", "Burgemeester de Withstraat", "Laan van Nieuw Oost-Indië", "Kastanjelaan",
    "Schoolstraat", "Beukenhof", "Zuiderpark", "Nieuwe Binnenweg", "Rijksstraatweg", "Eikenlaan",
    "Oranjestraat", "Vinkenstraat", "Merelhof", "Parallelweg", "Wilhelminaplein", "Tulpstraat",
    "Van Speijkstraat", "Dokter Zamenhofstraat", "Bilderdijkkade", "Koningsweg", "Spoorsingel",
    "Noordeinde", "Kanaalweg", "Graaf Florislaan", "Zonnebloemstraat",
]
HOUSE_NUMBERS = ["12", "3a", "145", "7-II", "22 bis", "8", "61-3", "4 hs", "19B", "230", "5", "77"]
POSTCODES = ["1234 AB", "3521 KL", "9712 CP", "2511 EV", "5611AZ", "6811 DJ", "7511 JE", "8011 BR", "4811 XC",
             "1012 WX", "3011 HE", "2312 BK", "6511 LT", "1442 MN", "3812 PH", "9401 RT"]
TOWNS = [
    "Utrecht", "Rotterdam", "Groningen", "Den Haag", "Eindhoven", "Arnhem", "Enschede", "Zwolle",
    "Breda", "Amsterdam", "Leiden", "Nijmegen", "Tilburg", "Almere", "Amersfoort", "Leeuwarden",
    "Maastricht", "Apeldoorn", "Haarlem", "Purmerend", "Assen", "Emmen", "Delft", "Schiedam",
]
LAWS = [
    "Participatiewet", "Wet maatschappelijke ondersteuning 2015", "Jeugdwet", "Toeslagenwet",
    "Wet op de zorgtoeslag", "Wet kinderopvang", "Algemene wet inkomensafhankelijke regelingen",
    "Wet schuldsanering natuurlijke personen", "Wet basisregistratie personen", "Werkloosheidswet",
    "Ziektewet", "Wet IVA", "Algemene Ouderdomswet", "Huisvestingswet 2014", "Vreemdelingenwet 2000",
    "Wet op het kindgebonden budget", "Wet gemeentelijke schuldhulpverlening", "Algemene wet bestuursrecht",
]
SCHEMES = ["bijzondere bijstand", "huurtoeslag", "kinderopvangtoeslag", "zorgtoeslag", "AOW", "WW-uitkering",
           "Wajong", "kostendelersnorm", "persoonsgebonden budget", "individuele inkomenstoeslag",
           "energietoeslag", "reiskostenvergoeding"]
AGENCIES = ["UWV", "de SVB", "Dienst Toeslagen", "de Belastingdienst", "DUO", "het CAK", "het CJIB",
            "de IND", "het LBIO", "Stichting Vluchtelingenwerk", "de Sociale Verzekeringsbank", "het Juridisch Loket",
            "het Nibud", "de Nationale ombudsman", "Stichting Humanitas", "het Leger des Heils",
            "Woningcorporatie Portaal", "VNG", "Divosa", "de GGD", "het ministerie van SZW",
            "het ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "de Raad voor Rechtsbijstand"]
AMOUNTS = ["€ 1.250,00", "€ 87,50", "1.432 euro", "€ 12.000", "€ 310 per maand", "€ 4.250,-", "ruim 900 euro"]
AGES = ["67", "34", "82", "19", "45", "7", "12", "58"]
DATES = ["12 maart 2024", "3 januari 2025", "15-06-2024", "1 juli", "28 februari 2025", "2024-11-04",
         "de brief van 4 april 2024", "9 september 2024"]
RELATIONS = ["zoon", "dochter", "partner", "moeder", "vader", "echtgenoot", "echtgenote", "broer", "zus",
             "kleinzoon", "buurvrouw", "mantelzorger", "schoonzoon", "nichtje"]
DOMAINS = ["example.org", "example.nl", "example.com", "voorbeeld.example"]
PHONES = ["06-12345678", "06 9876 5432", "0612345670", "+31 6 98765432", "+31612345678", "020-5551234",
          "010 555 12 34", "(06-12345678)", "070-3456789", "0031 6 23456789", "+32 470 12 34 56",
          "050 - 312 45 67", "06-23 45 67 89", "+31 (0)30 234 5678", "0591-612345"]
PLATES = ["AB-123-C", "12-ABC-3", "1-ABC-23", "XY-12-ZZ", "GH-456-K", "9-KLM-01", "TR-88-NP", "SZ-401-B",
          "KX-12-JL", "V-123-BB"]
CASES = ["dossiernummer 2023-123456", "zaaknummer Z/21/12345", "dossier 2024-004512", "zaaknummer Z-2024-0815",
         "klantnummer 7781234", "ons kenmerk 2024/BB/31337", "cliëntnummer 102938", "zaak 23-000471",
         "dossiernr. 88213-44", "referentienummer BZ-2025-7731"]


def bsn(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        if digits[0] == 0:
            continue
        total = sum((9 - i) * d for i, d in enumerate(digits))
        check = total % 11
        if check < 10:
            number = "".join(map(str, digits)) + str(check)
            style = rng.choice(["plain", "plain", "dots", "spaces"])
            if style == "dots":
                return f"{number[:3]}.{number[3:6]}.{number[6:]}"
            if style == "spaces":
                return f"{number[:4]} {number[4:6]} {number[6:]}"
            return number


def iban(rng: random.Random) -> str:
    bank = rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB"])
    account = "".join(str(rng.randint(0, 9)) for _ in range(10))
    letters = "".join(str(ord(c) - 55) for c in bank)
    check = 98 - int(letters + account + "232100") % 97
    value = f"NL{check:02d}{bank}{account}"
    if rng.random() < 0.5:
        value = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return value


def email(rng: random.Random, first: str, last: str) -> str:
    local = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(1, 99)}", f"{last}.fam"])
    local = re.sub(r"[^a-z0-9.]", "", local.lower().replace(" ", "").replace("ö", "o").replace("ğ", "g").replace("ı", "i"))
    return f"{local}@{rng.choice(DOMAINS)}"


def dob(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1940, 2015)
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december"]
    return rng.choice([f"{day:02d}-{month:02d}-{year}", f"{day} {months[month - 1]} {year}", f"{day}/{month}/{year}"])


# --- templates ---------------------------------------------------------------
# Slots that are personal data: {name:title} (a title then a surname; the title
# stays outside the span), {full} (first + last name), {ini} (initials + last
# name), {first} (first name alone), {rel} (relation word then a first name),
# {addr} (street + number), {addrpc} (street + number, postcode), {pcnr}
# (postcode + house number), {bsn} {iban} {email} {phone} {plate} {case} {dob}.
# Slots that are not: {town} {law} {scheme} {agency} {amount} {age} {date}.

TEMPLATES = [
    "Mevrouw {sur} (BSN {bsn}) uit de {addr} in {town} belde over de {scheme}.",
    "{Title} {sur} kreeg een terugvordering van {amount} op grond van de {law}.",
    "Dhr. {ini} meldde zich bij het loket in {town}; hij is {age} jaar en heeft geen inkomen meer.",
    "Cliënt {full} woont op {addrpc} {town} en wacht al drie maanden op {agency}.",
    "Haar {rel} ({age}) heeft een beperking; de {law} biedt geen vergoeding voor het vervoer.",
    "Gesprek met {Title} {sur} op {date}: de {scheme} werd stopgezet zonder dat zij gehoord is.",
    "Klant {full} (tel. {phone}) vraagt waarom {agency} het IBAN {iban} niet accepteert.",
    "Mevrouw is {age} jaar en woont alleen. Volgens {agency} valt zij buiten de {law}.",
    "De heer {sur}, geboren op {dob}, heeft door de kostendelersnorm {amount} minder per maand.",
    "Graag terugbellen op {phone} of mailen naar {email}; het gaat om {case}.",
    "Meneer {sur} rijdt met auto {plate} naar zijn werk en verliest daardoor zijn {scheme}.",
    "{full} ({age}) uit {town} kan de eigen bijdrage van {amount} niet betalen.",
    "Namens mw. {ini}: het besluit van {date} over de {scheme} klopt niet.",
    "Zoals besproken met {full} van {agency}: de {law} laat geen maatwerk toe.",
    "Ik sprak vandaag {Title} {sur}. Haar {rel} woont sinds {date} bij haar in.",
    "Het gezin {sur} woont op {addr}, {pcnr}. De huur is {amount} en de {scheme} dekt dat niet.",
    "Aanvrager: {full}, BSN {bsn}, adres {addrpc} {town}, telefoon {phone}.",
    "Bewoner van {pcnr} ({town}) kreeg een boete van het CJIB voor kenteken {plate}.",
    "{Title} {sur} ({email}) vraagt of de {law} ook geldt voor mensen met een {scheme}.",
    "In {town} lopen veel mensen vast op de {law}; {agency} verwijst ze door naar de gemeente.",
    "Cliënte {first} ({age}) is mantelzorger voor haar {rel} en verliest haar {scheme}.",
    "Contactpersoon bij de gemeente {town} is {full}, bereikbaar via {email}.",
    "Zie {case}: de betaling van {amount} is teruggeboekt naar {iban}.",
    "Mevrouw {sur} en haar {rel} wonen samen op {addr} in {town}; daardoor geldt de kostendelersnorm.",
    "Meneer vertelde dat {agency} sinds {date} niets meer van zich liet horen.",
    "Volgens {full}, wijkverpleegkundige, krijgt cliënt {full2} te weinig uren via de {law}.",
    "Dhr. {ini}, geb. {dob}, BSN {bsn}: uitkering stopgezet wegens verblijf in het buitenland.",
    "Jongere {first} ({age}) uit {town} valt na zijn 18e buiten de {law} en heeft nog geen {scheme}.",
    "Huurder {full} ({addrpc}) heeft een achterstand van {amount} bij Woningcorporatie Portaal.",
    "Het Juridisch Loket in {town} ziet dat de {scheme} vaak te laat wordt uitbetaald door {agency}.",
    "Op {date} belde {Title} {sur} vanaf {phone} over haar {scheme}.",
    "Familie {sur} ({addr}) kreeg een brief van {agency} met {case}.",
    "{Title} {sur} is {age} en heeft de AOW; de {law} telt het inkomen van haar {rel} mee.",
    "Mail van {email}: \"Ik ben {full} en ik snap de brief over de {scheme} niet.\"",
    "Beste collega, wil je {Title} {sur} terugbellen op {phone}? Groet, {first}",
    "De auto met kenteken {plate} staat op naam van haar {rel}, daardoor geen recht op {scheme}.",
    "Meldster werkt bij {agency} in {town} en ziet dat de {law} te streng is voor zzp'ers.",
    "Mevrouw {full2} uit {town}: \"Ik moet {amount} terugbetalen omdat ik {date} te laat was.\"",
    "De Sociale Verzekeringsbank vroeg mevrouw om haar rekeningnummer {iban} te bevestigen.",
    "Gegevens cliënt: {full}, {addrpc} {town}, {email}, {phone}.",
    "Haar {rel} heeft {case} en wacht op een beslissing van {agency}.",
    "Bij het wijkteam in {town} kwamen deze maand acht meldingen over de {scheme} binnen.",
    "{Title} {ini} heeft een WW-uitkering en mag van {agency} geen vrijwilligerswerk doen.",
    "Inwoner {full} (BSN {bsn}) heeft schulden bij {agency} en de Belastingdienst.",
    "Mevrouw {sur} woont op {addrpc} en kan de trap niet meer op; de {law} vergoedt geen traplift.",
    "Meneer {full} (geboren {dob}) werkt als schoonmaker en heeft recht op de {scheme}.",
    "Ouders van {first} ({age}) kregen {amount} terugvordering kinderopvangtoeslag.",
    "De {law} bepaalt dat de {scheme} per gezin wordt berekend, niet per persoon.",
    "Vraag van de heer {sur}: waarom telt {agency} de spaarrekening {iban} van zijn {rel} mee?",
    "Door de regels rond {scheme} kan {Title} {sur} uit {town} haar huur ({amount}) niet betalen.",
    "Zaak van {full}, {case}, bij de rechtbank in {town}.",
    "Haar {rel} belde namens haar vanaf {phone}; zij spreekt geen Nederlands.",
    "Kenteken {plate} is in 2023 verkocht, maar {agency} rekent nog motorrijtuigenbelasting.",
    "De brief van {agency} van {date} noemt {Title} {sur} bij naam en {addr} als adres.",
    "Gesprek in {town} met de heer {full} over de {law} en {scheme}.",
    "Klant heeft {amount} schuld en {agency} weigert een betalingsregeling; zie {case}.",
    "Verzoek {full}: stuur de beschikking naar {addrpc} {town} in plaats van naar {email}.",
    "Mijn cliënt, {Title} {ini}, ontvangt sinds {date} geen {scheme} meer.",
    "{first} en {first2} zijn de kinderen van cliënte; {first} is {age} en gaat naar school in {town}.",
    "Wijkcoach {full} meldt dat {agency} in {town} telefonisch onbereikbaar is.",
    "Op de {addr} wonen drie gezinnen met problemen rond de {law}.",
    "Mw. {sur} (tel. {phone}) heeft bezwaar gemaakt tegen de beschikking van {date}.",
    "BSN {bsn} van haar {rel} staat verkeerd in de BRP; daardoor stopt de {scheme}.",
    "Vluchteling {full} uit Eritrea wacht in {town} op gezinshereniging via de IND.",
    "Stichting Vluchtelingenwerk in {town} helpt {full} met de aanvraag voor de {scheme}.",
    "De heer en mevrouw {sur} wonen op {addrpc} {town} en hebben beiden een AOW-uitkering.",
    "Iedereen in {town} die een {scheme} heeft, krijgt dezelfde brief van {agency}.",
    "Collega {first} van het wijkteam sprak mevrouw {sur} over haar {scheme}.",
    "Het nummer {phone} van {Title} {sur} is niet meer in gebruik; mail {email}.",
    "{Title} {sur} wil niet dat haar {rel} {first} weet dat zij schulden heeft.",
    "De beslagvrije voet bij {agency} is te laag voor een gezin met vier kinderen in {town}.",
    "Overleg met {full} (team Schuldhulp) en {full2} (Dienst Toeslagen) over {case}.",
    "Meneer {sur} is {age} jaar, zijn vrouw is overleden en de {scheme} is verlaagd.",
    "Postadres: {pcnr}, {town}. Cliënt heet {full}.",
    "Zij krijgt {amount} {scheme}, maar moet {amount} eigen bijdrage aan het CAK betalen.",
    "Bericht van {Title} {sur}: \"Ik woon op {addr} en niemand helpt mij.\"",
    "Dhr. {sur} heeft een Wajong-uitkering en woont bij zijn {rel} in {town}.",
    "Rekening {iban} op naam van {full} is geblokkeerd door beslag van {agency}.",
    "Beleidsmedewerker van de gemeente {town}: de {law} schiet tekort voor dak- en thuislozen.",
    "{full2} ({age}) uit {town} belde {date}; kenteken auto {plate}; {case}.",
    "Mevrouw belde op {date} en vroeg naar de {scheme}; zij wilde haar naam niet geven.",
    "Meneer {full}, wonende {addrpc} {town}, vraagt bijzondere bijstand aan.",
    "Gesproken met cliënt {first} over zijn {scheme}; {agency} vraagt {amount} terug.",
    # notes without personal data: places, laws, organisations, amounts, ages and dates stay
    "Mevrouw kreeg op {date} een beschikking van {agency}; de Raad van State oordeelde eerder anders.",
    "Artikel 8 van de Huisvestingswet 2014 en artikel 3:4 Awb geven de gemeente {town} ruimte.",
    "Het Wijkteam Noord in {town} ziet dat klanten de {scheme} pas na {age} weken krijgen.",
    "De Tweede Kamer sprak op {date} over de {law}; de minister zegde een brief toe.",
    "Het loket aan de Stationsweg in {town} is sinds {date} gesloten; inwoners moeten naar Hof van Twente.",
    "Meneer is {age} jaar en heeft sinds 2019 een Wajong-uitkering van {amount}.",
    "Cliënt heeft drie kinderen van 4, 7 en 12 jaar en een huur van {amount}.",
    "Inwoners van Bergen op Zoom, Capelle aan den IJssel en Alphen aan den Rijn melden hetzelfde over de {law}.",
    "Volgens de Nationale ombudsman (rapport 2024/045) speelt dit ook in Wijk bij Duurstede en Den Helder.",
    "In de Kamerbrief van {date} staat dat de {scheme} per 1 januari 2026 omhoog gaat naar {amount}.",
    "De Formulierenbrigade {town} en Schuldhulpmaatjes zien dit wekelijks bij gezinnen met een {scheme}.",
    "Mevrouw belde huilend; de heer des huizes is {age} en klant bij {agency} sinds {date}.",
    "Groep 8 van basisschool De Regenboog in {town} kreeg geen vervoer via de {law}.",
    "Hoofdstuk 4 van de Wet op de zorgtoeslag en paragraaf 2.3 van de Beleidsregel Boeten zijn onduidelijk.",
    "Het Rijksvastgoedbedrijf, Rijkswaterstaat en het Kadaster waren niet bereikbaar op {date}.",
    "De uitvoering door {agency} en de Gemeente {town} sluit niet aan op de {law} (artikel 35, lid 1).",
]


def _clean_surname(value: str) -> str:
    return value


class Filler:
    """Fill one template, recording the spans of personal data."""

    def __init__(self, rng: random.Random, half: int):
        self.rng = rng
        self.half = half
        self.text = ""
        self.spans: list[dict] = []

    def pick(self, pool: list[str]) -> str:
        mid = len(pool) // 2
        part = pool[:mid] if self.half == 0 else pool[mid:]
        return self.rng.choice(part)

    def add(self, value: str, kind: str | None = None) -> None:
        start = len(self.text)
        self.text += value
        if kind:
            self.spans.append({"start": start, "end": len(self.text), "kind": kind})

    def person(self) -> tuple[str, str]:
        return self.pick(FIRST_NAMES), self.pick(SURNAMES)

    def fill(self, template: str) -> None:
        rng = self.rng
        first, last = self.person()
        first2, last2 = self.person()
        values_cache: dict[str, str] = {}
        pos = 0
        for match in re.finditer(r"\{(\w+)\}", template):
            self.add(template[pos : match.start()])
            pos = match.end()
            slot = match.group(1)
            if slot == "sur":
                self.add(last, "name")
            elif slot == "Title":
                self.add(rng.choice(["Mevrouw", "Mw.", "Meneer", "De heer", "Dhr.", "Mevr.", "Cliënt", "Klant"]))
            elif slot == "full":
                self.add(f"{first} {last}", "name")
            elif slot == "full2":
                self.add(f"{first2} {last2}", "name")
            elif slot == "ini":
                initials = rng.choice(["P.", "A.B.", "J.", "M.C.", "H.", "S.", "E.J.", "K."])
                self.add(f"{initials} {last}", "name")
            elif slot == "first":
                self.add(first, "name")
            elif slot == "first2":
                self.add(first2, "name")
            elif slot == "rel":
                self.add(rng.choice(RELATIONS) + " ")
                self.add(first2, "name")
            elif slot == "addr":
                self.add(f"{self.pick(STREETS)} {rng.choice(HOUSE_NUMBERS)}", "address")
            elif slot == "addrpc":
                self.add(f"{self.pick(STREETS)} {rng.choice(HOUSE_NUMBERS)}, {self.pick(POSTCODES)}", "address")
            elif slot == "pcnr":
                self.add(f"{self.pick(POSTCODES)} {rng.choice(['12', '3', '45a', '7-II', '101'])}", "postcode")
            elif slot == "bsn":
                self.add(bsn(rng), "bsn")
            elif slot == "iban":
                self.add(iban(rng), "iban")
            elif slot == "email":
                self.add(email(rng, first, last), "email")
            elif slot == "phone":
                phone = rng.choice(PHONES)
                if phone.startswith("("):  # the brackets are punctuation, not part of the number
                    self.add("(")
                    self.add(phone[1:-1], "phone")
                    self.add(")")
                else:
                    self.add(phone, "phone")
            elif slot == "plate":
                self.add(rng.choice(PLATES), "plate")
            elif slot == "case":
                label, _, number = rng.choice(CASES).rpartition(" ")
                self.add(label + " ")
                self.add(number, "case_number")
            elif slot == "dob":
                self.add(dob(rng), "birth_date")
            elif slot == "town":
                self.add(values_cache.setdefault("town", self.pick(TOWNS)))
            elif slot == "law":
                self.add(rng.choice(LAWS))
            elif slot == "scheme":
                self.add(rng.choice(SCHEMES))
            elif slot == "agency":
                self.add(rng.choice(AGENCIES))
            elif slot == "amount":
                self.add(rng.choice(AMOUNTS))
            elif slot == "age":
                self.add(rng.choice(AGES))
            elif slot == "date":
                self.add(rng.choice(DATES))
            else:
                raise ValueError(slot)
        self.add(template[pos:])


FREEFORM = OUT.parent / "privacy_freeform.txt"
_MARK = re.compile(r"\[\[(\w+):(.+?)\]\]")


def freeform_notes() -> list[dict]:
    """The free-written notes, all in the holdout ("[[kind:text]]" marks the personal data)."""
    notes = []
    for number, line in enumerate(line_ for line_ in FREEFORM.read_text(encoding="utf-8").splitlines() if line_ and not line_.startswith("#")):
        text, spans, pos = "", [], 0
        for match in _MARK.finditer(line):
            text += line[pos : match.start()]
            spans.append({"start": len(text), "end": len(text) + len(match.group(2)), "kind": match.group(1)})
            text += match.group(2)
            pos = match.end()
        text += line[pos:]
        notes.append({"id": f"f{number:03d}", "set": "holdout", "text": text, "spans": spans})
    return notes


def main() -> None:
    rng = random.Random(20260901)
    lines = []
    for number, template in enumerate(TEMPLATES):
        holdout = number % 4 == 3
        for fill in range(FILLS_PER_TEMPLATE):
            filler = Filler(rng, half=1 if holdout else 0)
            filler.fill(template)
            # A person's name at the start of a sentence keeps its capital; "de"
            # after "{Title} " stays as written ("Mevrouw de Vries").
            lines.append(
                {
                    "id": f"t{number:03d}-{fill}",
                    "set": "holdout" if holdout else "tune",
                    "text": filler.text,
                    "spans": filler.spans,
                }
            )
    lines.extend(freeform_notes())
    OUT.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} notes written to {OUT} ({sum(line['set'] == 'holdout' for line in lines)} holdout)")


if __name__ == "__main__":
    main()
