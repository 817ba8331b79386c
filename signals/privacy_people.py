"""Detectors for the people and places in a frontline note: names, street addresses, plates, case numbers.

Rules, not a statistical model: a name is found through what stands around it
(a title such as "Mevrouw" or "Dhr.", a role such as "cliënt", a relation such
as "haar zoon", initials) or through a compact list of first names written for
Knelpunt (signals/data/privacy_first_names.txt). Municipality and city names,
laws, schemes, agencies and organisations are kept: a chain of capitalised
words that starts with one of them is not a person.

Everything is compiled when this module is imported (a few milliseconds), never
on the first request.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

Span = tuple[int, int]

_DATA = Path(__file__).resolve().parent / "data" / "privacy_first_names.txt"


def _load_first_names() -> tuple[frozenset[str], frozenset[str]]:
    plain, ambiguous = set(), set()
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("*"):
            ambiguous.add(line[:-1])
        else:
            plain.add(line)
    return frozenset(plain), frozenset(ambiguous)


FIRST_NAMES, AMBIGUOUS_FIRST_NAMES = _load_first_names()

# --- words around names ------------------------------------------------------

#: words after which a capitalised word is a person's name (lower case; with the dot where one is written)
TITLES = frozenset(
    """
    mevrouw mevr. mevr mw. mw mvr. mvr dhr. dhr meneer heer mr. dr. drs. ir. ing. prof. juffrouw
    cliënt cliënte client cliente klant klante aanvrager aanvraagster huurder huurster bewoner bewoonster
    inwoner inwoonster jongere vluchteling statushouder nieuwkomer familie gezin contactpersoon collega
    wijkcoach casemanager consulent consulente klantmanager melder meldster belanghebbende verzoeker
    verzoekster betrokkene deelnemer deelneemster patiënt patiënte leerling student werknemer
    zzp'er ondernemer eigenaar bewindvoerder mentor curator wijkverpleegkundige huisarts begeleider
    begeleidster jongen meisje baby heet genaamd groet groeten gr. mvg vriendelijke namens
    zoon dochter partner moeder vader echtgenoot echtgenote man vrouw broer broertje zus zusje
    kleinzoon kleindochter kleinkind buurvrouw buurman mantelzorger schoonzoon schoondochter
    schoonmoeder schoonvader nichtje neefje neef nicht oom tante opa oma vriend vriendin kind
    stiefzoon stiefdochter stiefvader stiefmoeder ex ex-partner ex-man ex-vrouw pleegkind pleegzoon
    pleegdochter tweelingbroer tweelingzus exen
    """.split()
)

#: titles after which a name may start with a particle ("Mevrouw van der Berg"); after a role or
#: relation word "van de" means "of the" ("klant van de Kredietbank"), so a capital must follow directly
HONORIFICS = frozenset("mevrouw mevr. mevr mw. mw mvr. mvr dhr. dhr meneer heer mr. dr. drs. ir. ing. prof. juffrouw familie gezin heet genaamd naam achternaam".split())

#: words that may stand inside a name before the surname ("de Vries", "van der Berg", "El Amrani")
PARTICLES = frozenset(
    "van de der den het 't ter ten v/d vd von le la du da dos das del della di el al ben bin ibn abu ait bou".split()
)

#: capitalised words that start no person's name: sentence words, organisations, laws, places, months
_STOP_WORDS = """
De Het Een Zij Hij Ze Wij We Ik U Jij Je Dit Dat Deze Die Er Op In Bij Na Voor Sinds Ook Maar En Of Daarna
Vandaag Gisteren Morgen Volgens Via Omdat Als Toen Nu Dan Daar Hier Wat Wie Waar Waarom Hoe Welke Geen Alle
Iedereen Niemand Mijn Zijn Haar Hun Ons Onze Uw Met Van Tot Tegen Door Om Over Onder Naast Zonder Tijdens
Graag Beste Geachte Hallo Dag Goedemorgen Goedemiddag Dank Bedankt Groet Groeten Vriendelijke Hartelijke
Gemeente Gemeenten Stichting Vereniging Ministerie Dienst Toeslagen Belastingdienst Wet Wetten Regeling Besluit
Wijkteam Team Teams Raad State Kamer Tweede Eerste Rechtbank Provincie Rijk Rijksoverheid Staat Koninkrijk
Nationale Ombudsman Juridisch Loket Leger Heils Sociale Verzekeringsbank Jeugdzorg Veilig Thuis Schuldhulp
Schuldhulpverlening Schuldhulpmaatjes Formulierenbrigade Zorgverzekeraar Woningcorporatie Corporatie
Sociaal Wijkcentrum Buurthuis Werkplein Werkbedrijf Uitvoeringsinstituut Werknemersverzekeringen Centraal
Administratiekantoor Justitieel Incasso Bureau Immigratie Naturalisatiedienst Dienst Uitvoering Onderwijs
Huurcommissie Kadaster Rijkswaterstaat Rijksvastgoedbedrijf Politie Brandweer Zorg Veiligheid Thuiszorg
Basisschool School Universiteit Hogeschool Ziekenhuis Huisartsenpraktijk Apotheek Kinderopvang Opvang
Beleidsregel Beleidsregels Kamerbrief Kamerlid Minister Staatssecretaris Wethouder Burgemeester College
Participatiewet Jeugdwet Toeslagenwet Werkloosheidswet Ziektewet Algemene Huisvestingswet Vreemdelingenwet
Europese Unie Nederland Nederlands Nederlandse Engels Arabisch Turks Pools Marokko Turkije Syrië Eritrea
Somalië Oekraïne Polen Suriname Curaçao Aruba Bonaire Indonesië België Duitsland Afghanistan Irak Iran
Januari Februari Maart April Mei Juni Juli Augustus September Oktober November December
Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag Pasen Pinksteren Kerst Kerstmis Ramadan Suikerfeest
"""

#: places: they start no name, but may end one ("van Dijk", "ter Horst")
_PLACE_WORDS = """
Noord Zuid Oost West Centrum Binnenstad Wijk Buurt Dorp Stad Regio Holland Brabant Limburg Friesland
Groningen Drenthe Overijssel Gelderland Utrecht Flevoland Zeeland Amsterdam Rotterdam Haag Eindhoven
Tilburg Almere Breda Nijmegen Apeldoorn Arnhem Haarlem Haarlemmermeer Enschede Amersfoort Zaanstad Zwolle
Leiden Maastricht Dordrecht Zoetermeer Ede Emmen Westland Venlo Delft Deventer Leeuwarden Alkmaar Sittard
Helmond Heerlen Hilversum Oss Hengelo Amstelveen Purmerend Roosendaal Schiedam Lelystad Leidschendam Voorburg
Almelo Hoorn Gouda Vlaardingen Assen Velsen Zeist Capelle Katwijk Veenendaal Nieuwegein Lansingerland
Meierijstad Ridderkerk Barneveld Doetinchem Heerhugowaard Dijk Waard Smallingerland Roermond Hardenberg
Zwijndrecht Oosterhout Kampen Woerden Harderwijk Veldhoven Súdwest Fryslân Bergen Zoom Alphen Rijn Hof Twente
Wijk Duurstede Helder Heerenveen Middelburg Vlissingen Goes Terneuzen Tiel Culemborg Zutphen Winterswijk
Oude IJsselstreek Weert Kerkrade Venray Uden Waalwijk Boxtel Schagen Hollands Kroon Texel Drachten Sneek
Den Bosch Hertogenbosch Beverwijk Heemskerk Castricum Diemen Weesp Zaandam Nissewaard Spijkenisse Krimpen
IJssel IJsselstein Houten Soest Baarn Bussum Gooise Meren Huizen Blaricum Laren Wageningen Renkum Rheden
Duiven Zevenaar Lingewaard Overbetuwe Borne Oldenzaal Losser Rijssen Holten Raalte Ommen Steenwijk Meppel
Hoogeveen Coevorden Stadskanaal Veendam Pekela Oldambt Winschoten Delfzijl Eemsdelta Appingedam Hoogezand
Midden Westerkwartier Noordenveld Tynaarlo Harlingen Franeker Dokkum Sint Michielsgestel Oisterwijk Goirle
Dongen Gilze Rijen Etten Leur Zundert Rucphen Halderberge Moerdijk Steenbergen Woensdrecht Reimerswaal
Hulst Sluis Schouwen Duiveland Veere Noord-Beveland Tholen Ameland Terschelling Vlieland Schiermonnikoog
Landgraaf Brunssum Geleen Stein Echt Susteren Valkenburg Gulpen Wittem Vaals Meerssen Eijsden Margraten
Nuth Beekdaelen Voerendaal Simpelveld Gennep Bergen Horst Maas Peel Beesel Leudal Nederweert Maasgouw
UWV SVB DUO CAK CJIB IND LBIO GGD VNG Divosa Nibud Humanitas Vluchtelingenwerk Portaal Ymere Vestia Woonstad
Havensteder Eigen Haard Stadgenoot Rochdale Mitros Woonbron Wajong AOW WW WIA Anw AIO Bbz Wsnp Wmo BRP
Awb BW Sr Sv PGB Zvw Wlz Wet Werk Inkomen Zekerheid Balans Rechtsbijstand Raad
Binnenlandse Buitenlandse Zaken Koninkrijksrelaties Werkgelegenheid Volksgezondheid Welzijn Sport Justitie
Financiën Onderwijs Cultuur Wetenschap Infrastructuur Waterstaat Economische Klimaat Groene Groei Defensie
Landbouw Natuur Voedselkwaliteit Visserij Asiel Migratie Volkshuisvesting Ruimtelijke Ordening Algemene
"""

STOP_WORDS = frozenset(_STOP_WORDS.split())
PLACE_WORDS = frozenset(_PLACE_WORDS.split()) - STOP_WORDS
_ORG_WORDS = frozenset(
    "UWV SVB DUO CAK CJIB IND LBIO GGD VNG Divosa Nibud Humanitas Vluchtelingenwerk Portaal Ymere Vestia Woonstad "
    "Havensteder Stadgenoot Rochdale Mitros Woonbron Wajong AOW WW WIA Anw AIO Bbz Wsnp Wmo BRP Awb BW PGB Zvw Wlz".split()
)

# Municipalities and places written in several words ("Bergen op Zoom"): their
# words are never read as a person's name.
PLACE_PHRASES = (
    "Bergen op Zoom", "Capelle aan den IJssel", "Alphen aan den Rijn", "Hof van Twente", "Wijk bij Duurstede",
    "Den Helder", "Den Haag", "Den Bosch", "'s-Hertogenbosch", "'s-Gravenhage", "Krimpen aan den IJssel",
    "Berg en Dal", "Gilze en Rijen", "Etten-Leur", "Oude IJsselstreek", "Sint-Michielsgestel", "Hollands Kroon",
    "Gooise Meren", "Súdwest-Fryslân", "Leidschendam-Voorburg", "Dijk en Waard", "Horst aan de Maas",
    "Raad van State", "Hoge Raad", "Tweede Kamer", "Eerste Kamer", "Leger des Heils", "Veilig Thuis",
    "Centrale Raad van Beroep", "College van Beroep", "Heusden", "Ouder-Amstel", "Aa en Hunze",
    "Rijswijk", "Nieuw-Vennep", "Ter Apel", "Ten Boer", "Van Dale",
)
_PLACE_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in PLACE_PHRASES) + r")(?!\w)")

# --- tokens ------------------------------------------------------------------

# A word (letters, inner apostrophes and hyphens, an optional final dot), or "'t".
_TOKEN_RE = re.compile(r"'t(?!\w)|[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*\.?|\S")
_SENTENCE_END = re.compile(r"[.!?:;\n\"“”]\s*$|^\s*$")


def _is_cap(word: str) -> bool:
    """A capitalised word (not an all-caps abbreviation, not a single letter)."""
    core = word.rstrip(".")
    return len(core) > 1 and core[0].isupper() and not core.isupper() and core[1:].replace("-", "").replace("'", "").replace("’", "").isalpha()


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _is_surname_word(word: str, first: bool = True) -> bool:
    """A capitalised word that can be part of a name; places only count when they would start it."""
    core = word.rstrip(".")
    if not _is_cap(core) or (word.endswith(".") and len(core) <= 3) or core.lower() in TITLES:
        return False
    head = core.split("-")[0]
    if head in STOP_WORDS or core in STOP_WORDS or head in _ORG_WORDS:
        return False
    return not first or (head not in PLACE_WORDS and core not in PLACE_WORDS)


class _Tokens:
    def __init__(self, text: str):
        self.text = text
        self.items = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]
        places = [m.span() for m in _PLACE_RE.finditer(text)]
        if places:
            self.protected = [any(p_start <= s < p_end for p_start, p_end in places) for s, _e, _w in self.items]
        else:
            self.protected = [False] * len(self.items)

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i."""
        return self.text[self.items[i - 1][1] : self.items[i][0]] if i > 0 else self.text[: self.items[0][0]]

    def joined(self, i: int) -> bool:
        """Token i follows token i-1 after plain spaces only (no comma, no line break)."""
        gap = self.gap(i)
        return 0 < len(gap) <= 2 and gap.strip(" ") == ""

    def sentence_start(self, i: int) -> bool:
        if i == 0:
            return True
        previous = self.items[i - 1][2]
        return previous in (".", "!", "?", ":", ";", '"', "“", "(", "-", "–") or (
            previous.endswith(".") and len(previous) > 3 and previous[:-1].lower() not in TITLES
        ) or "\n" in self.gap(i)


def _name_chain(tokens: _Tokens, i: int, allow_single: bool) -> int | None:
    """Index just past a name starting at token i, or None.

    A name: initials, then up to three first or surnames with particles between
    them, ending on a capitalised surname word. ``allow_single`` accepts one
    capitalised word alone (after a title: "Mevrouw Jansen").
    """
    items, n = tokens.items, len(tokens.items)
    j = i
    initials = 0
    while j < n and _is_initial(items[j][2]) and (j == i or tokens.gap(j).strip() == ""):
        initials += 1
        j += 1
    if initials and j < n and not tokens.joined(j) and tokens.gap(j).strip() != "":
        return None
    words = 0
    end = None
    while j < n and words < 4:
        if j > i and not (tokens.joined(j) or (initials and j == i + initials and tokens.gap(j).strip() == "")):
            break
        k = j
        # particles, only when a capitalised word follows them
        while k < n and items[k][2].lower() in PARTICLES and (k == j or tokens.joined(k)) and k - j < 3:
            if k > i and not tokens.joined(k) and not (initials and k == i + initials):
                break
            k += 1
        if k >= n or (k > j and not tokens.joined(k)):
            break
        word = items[k][2]
        if tokens.protected[k] or not _is_surname_word(word, first=(k == i and words == 0)):
            break
        if k == j and items[k][2].lower() in PARTICLES and not word[0].isupper():
            break
        words += 1
        j = k + 1
        end = j
        if word.endswith("."):  # the sentence ends with the name
            break
    if end is None:
        return None
    if words == 1 and not initials and not allow_single:
        return None
    return end


def find_names(text: str) -> Iterator[Span]:
    """Spans of person names (titles and relation words stay outside the span)."""
    if not text:
        return
    tokens = _Tokens(text)
    items, n = tokens.items, len(tokens.items)
    words = [w for _s, _e, w in items if w[0].isalpha()]
    # A title written In Title Case ("Gift Van Familie Leidt Tot Terugvordering") has no names by capitals alone.
    title_case = len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
    i = 0
    while i < n:
        word = items[i][2]
        lower = word.lower()
        if not word[0].isupper() and lower not in TITLES and lower not in ("heer", "naam", "achternaam", "voornaam", "namen"):
            i += 1  # most words: lower case, digits, punctuation
            continue
        end = None
        start_index = i
        if (
            lower in TITLES
            or (lower == "heer" and i > 0 and items[i - 1][2].lower() == "de")
            or (lower in ("naam", "achternaam", "voornaam", "namen") and i + 1 < n and items[i + 1][2] == ":")
        ):
            j = i + 1
            # "De heer en mevrouw Bakker", "Naam: Jansen", "Groet, Sanne"
            if j + 1 < n and items[j][2] == "en" and items[j + 1][2].lower() in TITLES:
                j += 2
            if j < n and items[j][2] in (":", ","):
                j += 1
            starts_with_particle = j < n and items[j][2].lower() in PARTICLES and not _is_surname_word(items[j][2])
            if title_case and (lower not in HONORIFICS or lower in ("familie", "gezin", "heet", "genaamd")) and lower != "heer":
                pass
            elif j < n and (j == i + 1 and tokens.joined(j) or j > i + 1) and not tokens.protected[j]:
                start_index = j
                end = _name_chain(tokens, j, allow_single=True)
                if end is not None and starts_with_particle and lower not in HONORIFICS and lower != "heer":
                    # "klant van de Kredietbank": after a role word, "van de" + organisation is no name
                    if not all(_is_plain_name_word(items[k][2]) for k in range(j, end) if items[k][2].lower() not in PARTICLES):
                        end = None
        elif _is_initial(word) and not tokens.protected[i]:
            chain = _name_chain(tokens, i, allow_single=False)
            if chain is not None and chain > i + 1:
                end = chain
        elif word.rstrip(".") in FIRST_NAMES and not tokens.protected[i] and not (
            tokens.sentence_start(i) and i + 1 < n and items[i + 1][2].lower() in _PRONOUNS
        ):
            chain = _name_chain(tokens, i, allow_single=True)
            end = chain if chain is not None else i + 1
        elif word.rstrip(".") in AMBIGUOUS_FIRST_NAMES and not tokens.protected[i]:
            chain = _name_chain(tokens, i, allow_single=False)
            end = chain
        elif (
            not title_case
            and _is_surname_word(word)
            and not tokens.protected[i]
            and not tokens.sentence_start(i)
            and not (i > 0 and items[i - 1][2][0].isupper() and tokens.joined(i))  # inside a longer run of capitals
            and i + 1 < n
            and tokens.joined(i + 1)
        ):
            # two or more capitalised words inside a sentence: "met Kees Rijnders van het wijkteam"
            chain = _name_chain(tokens, i, allow_single=False)
            if chain is not None and chain >= i + 2 and not (chain < n and tokens.joined(chain) and _is_cap(items[chain][2])) and all(
                _is_plain_name_word(items[k][2]) for k in range(i, chain) if items[k][2].lower() not in PARTICLES
            ):
                end = chain
        if end is not None and end > start_index:
            yield items[start_index][0], _strip_end(items[end - 1])
            i = end
        else:
            i += 1


_STREET_WORD_RE = None  # set below, after the street suffixes


_PRONOUNS = frozenset("je jij ik u we wij ze zij hij het er dat dit jullie men".split())
# Organisations are often named like people ("Voedselbank Zaltbommel"): their first word gives them away.
_ORG_WORD_RE = re.compile(
    r"(?:bank|fonds|huis|centrum|punt|loket|team|dienst|school|zorg|groep|raad|bureau|werk|wijzer|kantoor|instituut"
    r"|college|lijn|platform|academie|kliniek|praktijk|stichting|vereniging|bond|federatie|coöperatie|net|organisatie"
    r"|gemeente|corporatie|maatschappij|vorming|hulp|steun|wacht|post|kamer|rechtbank)$",
    re.IGNORECASE,
)


def _is_plain_name_word(word: str) -> bool:
    """A word that may stand in a name found without any title: no place, no street, no organisation."""
    core = word.rstrip(".")
    return (
        core not in PLACE_WORDS
        and core.split("-")[0] not in PLACE_WORDS
        and not _STREET_WORD_RE.search(core)
        and not _ORG_WORD_RE.search(core)
    )


def _strip_end(token: tuple[int, int, str]) -> int:
    start, end, word = token
    return end - 1 if word.endswith(".") and len(word) > 2 else end


# --- street addresses --------------------------------------------------------

_STREET_SUFFIXES = (
    "straat|straatweg|steenweg|weg|laan|plein|pleintje|kade|gracht|singel|hof|dijk|dreef|pad|steeg|park|plantsoen"
    "|markt|erf|baan|ring|wal|zijde|burg|haven|einde|gang|dam|hoven|kamp|boulevard|allee|promenade|oord|akker"
    "|weide|hoek|poort|brink|rade|stede|kant|vaart|wetering|tuin|tuinen|hoeve|veld|velden|donk|lei|loop|schans"
    "|bolwerk|dwarsstraat|kwartier|terras|berg|heuvel|ven|meer|plaats|rij|wijk|werf|hage|oever|polder|zoom|horst"
)
_UPPER = "A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ"
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
_HOUSE_NUMBER = (
    r"(?:nr\.?\s*|nummer\s+)?(?<![0-9])[1-9][0-9]{0,4}"
    r"(?:\s?-\s?(?:[0-9]{1,4}|[A-Za-z]{1,3}|hoog|bis|huis)(?![A-Za-z])|\s?(?:bis|hs|huis|bg|boven|[A-Za-z])(?![A-Za-z0-9]))?"
    r"(?![0-9])(?!\s?(?:jaar|euro|procent|%|€|keer|kinderen|weken|maanden|dagen|uur|minuten|personen|mensen|ste|e\b))"
)
_POSTCODE = r"[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}(?![A-Za-z0-9])"
# Words that start a street name of several words ("Laan van Meerdervoort", "Burgemeester de Withstraat").
_STREET_LEAD = (
    r"(?:(?:Laan|Plein|Kade|Weg|Singel|Gracht|Dreef|Hof|Park|Straat|Burgemeester|Burg\.|Dokter|Dr\.|Prins|Prinses"
    r"|Koning|Koningin|Graaf|Gravin|Oude|Nieuwe|Korte|Lange|Hoge|Lage|Sint|St\.|Generaal|Professor|Prof\.|President"
    r"|Pastoor|Kapitein|Admiraal|Jonkheer|Mr\.|Noorder|Zuider|Ooster|Wester|Van|De|Den|Ter)\s+)"
)
_CAPWORD = rf"[{_UPPER}][{_LETTER}'’.-]*"
_SMALL = r"(?:van|de|der|den|het|'t|ter|ten|op|aan|in|bij|voor|achter|over|en|tot)"
_STREET_NAME = (
    # one word with a street ending: Dorpsstraat, 's-Gravendijkwal, Van Speijkstraat (lead words allowed before it)
    rf"(?:{_STREET_LEAD}(?:{_SMALL}\s+){{0,3}}){{0,3}}(?:'[st][- ]?)?(?:{_CAPWORD}\s+(?:{_SMALL}\s+){{0,2}})?"
    rf"(?:'[st]-)?[{_LETTER}][{_LETTER}'’-]*(?:{_STREET_SUFFIXES})"
    # a leading street word and a name: Laan van Nieuw Oost-Indië, Plein 1944
    rf"|(?:Laan|Plein|Kade|Weg|Singel|Gracht|Dreef|Hof|Park)\s+(?:{_SMALL}\s+){{1,3}}(?:{_CAPWORD}\s+){{0,2}}{_CAPWORD}"
    # a street that is only a street word: Markt 3, Brink 12, Dam 1
    r"|(?:Markt|Brink|Dam|Plein|Ring|Kade|Wal|Singel|Gracht|Dreef|Laan)"
)
_STREET_WORD_RE = re.compile(rf"(?:{_STREET_SUFFIXES})$")
_STREET_ANYWHERE_RE = re.compile(rf"(?:{_STREET_SUFFIXES})\b|^(?:Laan|Plein|Kade|Weg|Singel|Gracht|Dreef|Hof|Park)\s")
_STREET_LEAD_WORDS = frozenset(
    "Laan Plein Kade Weg Singel Gracht Dreef Hof Park Straat Burgemeester Burg. Dokter Dr. Prins Prinses Koning Koningin "
    "Graaf Gravin Oude Nieuwe Korte Lange Hoge Lage Sint St. Generaal Professor Prof. President Pastoor Kapitein Admiraal "
    "Jonkheer Mr. Noorder Zuider Ooster Wester Van De Den Ter".split()
)
_STREET_ADDRESS_RE = re.compile(
    rf"(?<![{_LETTER}'’-])(?:{_STREET_NAME})\s+{_HOUSE_NUMBER}(?:\s*,?\s*{_POSTCODE})?"
)
# A capitalised street whose name ends in a street word is also found in lower case (people type fast).
_LOWER_STREET_RE = re.compile(
    rf"(?<![{_LETTER}'’-])[a-z][a-z'-]*(?:straat|laan|plein|gracht|kade|singel|straatweg)\s+{_HOUSE_NUMBER}(?:\s*,?\s*{_POSTCODE})?"
)


# A word followed by a number: where a street address can end. The full
# patterns run only in a window before each such place, which keeps masking fast.
_WORD_NUMBER_RE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)\.?\s+(?:nr\.?\s*|nummer\s+)?[1-9]")
_SUFFIX_TUPLE = tuple(_STREET_SUFFIXES.split("|"))
_SINGLE_STREETS = frozenset("Markt Brink Dam Plein Ring Kade Wal Singel Gracht Dreef Laan".split())
_LEAD_NEARBY_RE = re.compile(r"\b(?:Laan|Plein|Kade|Weg|Singel|Gracht|Dreef|Hof|Park)\s+(?:van|de|der|den|het|'t|ter|ten|op|aan|in|bij|voor|over|tot)\b")
_WINDOW = 60


def _street_matches(text: str) -> Iterator[re.Match]:
    seen = set()
    for candidate in _WORD_NUMBER_RE.finditer(text):
        word = candidate.group(1)
        if not (
            word.lower().endswith(_SUFFIX_TUPLE)
            or word in _SINGLE_STREETS
            or (word[0].isupper() and _LEAD_NEARBY_RE.search(text, max(0, candidate.start() - _WINDOW), candidate.start()))
        ):
            continue
        lo, hi = max(0, candidate.start() - _WINDOW), min(len(text), candidate.end() + 40)
        for pattern in (_STREET_ADDRESS_RE, _LOWER_STREET_RE):
            for match in pattern.finditer(text, lo, hi):
                if match.span() not in seen and match.start() <= candidate.start() < match.end():
                    seen.add(match.span())
                    yield match


def find_street_addresses(text: str) -> Iterator[Span]:
    """Street + house number, with the postcode when it follows; the town stays."""
    for match in _street_matches(text):
        if True:
            start, end = match.span()
            value = match.group()
            # a lead word of the sentence ("De Dorpsstraat 12") is not part of the street
            # words before the street that are not a street's own lead ("Woonachtig aan de Oudegracht 12")
            while True:
                head = re.match(r"([^\s]+)\s+(?=\S)", value)
                if not head or _STREET_WORD_RE.search(head.group(1).rstrip(".")) or head.group(1) in _STREET_LEAD_WORDS or head.group(1) in FIRST_NAMES or head.group(1).startswith("'"):
                    break
                if not _STREET_ANYWHERE_RE.search(value[head.end() :]):
                    break
                start += head.end()
                value = value[head.end() :]
            while True:
                lead = re.match(r"(?:De|Het|In|Op|Aan|Van|Naar|Vanaf|Bij|Via|Langs|Uit|Over|Tot|Nabij)\s+(?:(?:de|het|den)\s+)?(?=['A-Za-z])", value)
                if not lead or re.match(rf"(?:Van|De)\s+{_CAPWORD}(?:{_STREET_SUFFIXES})\b", value):
                    break
                start += lead.end()
                value = value[lead.end() :]
            yield start, end


# --- licence plates ----------------------------------------------------------

# Dutch side codes 1-14: three groups of letters or digits joined by hyphens,
# six characters in all, letters and digits alternating.
_PLATE_RE = re.compile(
    r"(?<![\w-])(?:"
    r"[A-Z]{2}-\d{2}-\d{2}|\d{2}-\d{2}-[A-Z]{2}|\d{2}-[A-Z]{2}-\d{2}|[A-Z]{2}-\d{2}-[A-Z]{2}|[A-Z]{2}-[A-Z]{2}-\d{2}"
    r"|\d{2}-[A-Z]{2}-[A-Z]{2}|\d{2}-[A-Z]{3}-\d|\d-[A-Z]{3}-\d{2}|[A-Z]{2}-\d{3}-[A-Z]|[A-Z]-\d{3}-[A-Z]{2}"
    r"|[A-Z]{3}-\d{2}-[A-Z]|[A-Z]-\d{2}-[A-Z]{3}|\d-[A-Z]{2}-\d{3}|\d{3}-[A-Z]{2}-\d"
    r")(?![\w-])"
)
_PLATE_LABELLED_RE = re.compile(r"\bkenteken(?:nummer)?\s*[:.]?\s*(?P<plate>[A-Za-z0-9]{6})\b", re.IGNORECASE)


_PLATE_SHAPE_RE = re.compile(r"(?<![\w-])[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,3}(?![\w-])")


def find_plates(text: str) -> Iterator[Span]:
    for candidate in _PLATE_SHAPE_RE.finditer(text):  # cheap shape first, then the side codes
        if _PLATE_RE.fullmatch(candidate.group()):
            yield candidate.span()
    if "enteken" not in text:
        return
    for match in _PLATE_LABELLED_RE.finditer(text):
        plate = match.group("plate")
        if any(c.isdigit() for c in plate) and any(c.isalpha() for c in plate):
            yield match.span("plate")


# --- file and case numbers ---------------------------------------------------

_CASE_LABELS = (
    r"dossier(?:nummer|nr\.?)?|zaak(?:nummer|nr\.?)?|klant(?:nummer|nr\.?)|cli[eë]nt(?:nummer|nr\.?)"
    r"|relatie(?:nummer|nr\.?)|(?:ons|uw)\s+kenmerk|kenmerk(?:nummer)?|referentie(?:nummer|nr\.?)?|registratie(?:nummer|nr\.?)"
    r"|aanvraag(?:nummer|nr\.?)|beschikking(?:s)?(?:nummer|nr\.?)|polis(?:nummer|nr\.?)|lid(?:maatschaps)?nummer"
    r"|debiteur(?:en)?(?:nummer|nr\.?)|vordering(?:s)?(?:nummer|nr\.?)|cjib-?nummer|betalingskenmerk|v-nummer"
    r"|vreemdelingennummer|personeelsnummer|pati[eë]ntnummer|verzekerdennummer|bezwaarnummer|inschrijf(?:nummer|nr\.?)"
    r"|contractnummer|huurcontractnummer|factuurnummer|volgnummer|ticketnummer|meldingsnummer|AWB-?nummer"
)
_CASE_RE = re.compile(
    rf"\b(?:{_CASE_LABELS})\s*(?:is\s+|nummer\s+|nr\.?\s*)?[:#]?\s*"
    r"(?P<number>(?=[A-Za-z0-9/._-]*\d)[A-Za-z0-9][A-Za-z0-9/._-]*[A-Za-z0-9])",
    re.IGNORECASE,
)


def find_case_numbers(text: str) -> Iterator[Span]:
    """Numbers labelled as someone's file, case, client or reference number (the label stays)."""
    for match in _CASE_RE.finditer(text):
        number = match.group("number")
        if re.fullmatch(r"(?:19|20)\d\d", number):  # "zaak 2024" is a year
            continue
        yield match.span("number")
