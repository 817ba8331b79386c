"""Text features for proposals: what a signal is about, robust to paraphrase.

A signal becomes a bag of weighted features:

* ``w:<stem>``  - content words, folded and stemmed with a light Dutch suffix stripper;
  long compounds also yield their known parts (``huurtoeslaggrens`` -> ``huurtoeslag``, ``grens``);
* ``c:<concept>`` - hand-made concepts that paraphrases share although their words differ
  (terugvordering / terugbetalen / vordering, stopzetting / stopgezet / ingetrokken, ...);
* ``r:<code>`` - regulations: the ones linked to the signal and the text router's evidence.

Bracketed privacy placeholders such as ``[BSN]`` are dropped before anything is read.
The features of one signal never depend on other signals, so they can be computed once,
stored and compared incrementally; only the inverse document frequency comes from the window.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter

_PLACEHOLDER_RE = re.compile(r"\[[^\]\n]{1,40}\]")
_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

STOPWORDS = frozenset(
    """
    aan af al alle alleen als altijd andere ander anders ben bij bijna binnen boven dan dat de deze die dit doen doet door
    dus een eens eerst eigen elk elke en er erg ergens even geen gehad geweest gaat gaan gewoon had haar hadden heb hebben
    heeft hem hen het hier hij hoe hun iemand iets ik in is ja je jij jou jullie kan kon komen komt kunnen kunt laat lang
    later maar me meer meest men met mij mijn moet moeten na naar naast niet niets nog nu of om omdat ons onze ook op over
    per pas te tegen terwijl toch toen tot u uit uw van veel voor vooral waar waardoor waarin wanneer want was wat we wel
    welke werd werden wie wij wil worden wordt zal ze zelf zich zij zijn zo zoals zonder zou zouden zullen nadat daardoor
    daarom daarna daar hierdoor echter enkele enige iedere ieder iedereen niemand sommige steeds weer wel zeer zelfs
    mevrouw meneer cliënt client cliente cliënte clienten mensen persoon man vrouw wij ons onze hen deze week jaar jaren
    maand maanden dag dagen keer euro procent nieuwe nieuw grote groot klein kleine goed heel hele zien zegt zeggen krijgt
    krijgen kreeg kregen ging gaan moest moesten kunnen wordt blijkt blijft bleef staat stond zit zitten zat kwam komt
    ontvangt ontving geeft gaf vindt vond weet wist denkt dacht heeft had kon zouden terecht eerder inmiddels wel vaak
    balie spreekuur casus signaal signalen
    """.split()
)

#: concept -> stems (folded, lower-case); a word carrying a stem at its start (or, for stems of
#: six letters or more, anywhere inside a compound) shares the concept
CONCEPTS: dict[str, tuple[str, ...]] = {
    "terugvordering": ("terugvorder", "teruggevorderd", "terugbetal", "terugbetaald", "terug betalen", "terugstort",
                       "vordering", "vordert", "terugvraag", "teruggevraagd", "terug te betalen", "betalingsverzoek",
                       "te veel betaald", "te veel ontvangen", "onterecht betaald", "teveel betaald", "terugbetaling"),
    "schuld": ("schuld", "achterstand", "incasso", "deurwaarder", "aanmaning", "beslag", "rood", "lenen", "leende"),
    "stopzetting": ("stopgezet", "stopzet", "stopt", "gestopt", "beeindig", "ingetrokken", "intrekking", "vervalt",
                    "vervallen", "verliest", "kwijt", "verloren", "geen recht meer", "niets meer", "stopte"),
    "boete": ("boete", "beboet", "sanctie", "bestuurlijke boete", "strafkorting", "gestraft", "straft", "maatregel"),
    "korting": ("gekort", "korting", "verlaagd", "verlaging", "verlaagt", "minder uitkering", "lager", "verrekend",
                "verrekent", "verrekening", "afgetrokken", "aftrekken van"),
    "wachten": ("wachtlijst", "wachttijd", "wachten", "wacht", "vertraging", "vertraagd", "duurt", "lang op zich",
                "aanmeldstop", "wekenlang", "maandenlang", "pas na", "laat op zich"),
    "termijn": ("termijn", "deadline", "te laat", "verlopen", "verstreken", "overschreed", "overschrijd"),
    "weigering": ("geweigerd", "weigert", "weigering", "afgewezen", "afwijzing", "wijst af", "niet toegekend"),
    "geen_inkomen": ("geen inkomen", "zonder inkomen", "geen geld", "inkomensgat", "geen enkel inkomen", "niets binnen"),
    "gift": ("gift", "donatie", "schenking", "geschonken", "boodschappen", "voedselbank", "cadeau"),
    "inkomen": ("inkomen", "inkomsten", "loon", "salaris", "verdien", "bijverdien", "bijbaan", "betaald voor"),
    "vermogen": ("vermogen", "spaargeld", "spaarrekening", "waarde", "bezit", "erfenis", "nalatenschap", "erfgenam"),
    "kosten": ("kosten", "leges", "tarief", "prijs", "bedrag", "eigen bijdrage", "onbetaalbaar", "betalen"),
    "huur": ("huur", "huurprijs", "woonkosten", "huurtoeslag", "verhuurder", "huurder", "huurwoning"),
    "huishouding": ("huishouden", "huishoudelijk", "schoonma", "was", "thuishulp", "huishouding"),
    "partner": ("partner", "echtgeno", "man van", "vrouw van", "weduw", "samenwon"),
    "kind": ("kind", "kinderen", "zoon", "dochter", "tiener", "jongen", "meisje", "leerling", "jeugd"),
    "jongere": ("18", "achttien", "negentien", "twintig", "meerderjarig", "jongere", "jongvolwassen",
                "volwassen leeftijd", "verjaardag", "23", "jongerennorm", "jarige"),
    "oudere": ("oudere", "ouderen", "aow", "gepensioneerd", "pensioen", "ouderdom"),
    "overlijden": ("overled", "overlijden", "sterf", "gestorven", "begrafenis", "uitvaart", "rouw", "nabestaand",
                   "stervend", "weduw"),
    "buitenland": ("buitenland", "buiten nederland", "vakantie", "vlucht", "terugvliegen", "reis", "afwezig",
                   "buiten de eu", "marokko", "turkije", "suriname", "ghana", "polen", "spanje", "indonesie", "curacao",
                   "syrie", "eritrea", "somalie", "irak", "iran", "afghanistan", "belgie", "duitsland", "oekraine",
                   "land van herkomst", "familiebezoek"),
    "ziekte": ("ziek", "ziekte", "chronisch", "ziekenhuis", "patient", "opname", "beperking", "gehandicapt",
               "dementie", "reuma", "angst", "depress", "psychisch", "psychiatr", "trauma", "autis"),
    "zorg": ("zorg", "verzorg", "mantelzorg", "zorgverlener", "behandel", "hulpverlen", "ondersteuning", "hulp bij"),
    "werk_rooster": ("rooster", "dienst", "nachtdienst", "ploegendienst", "oproep", "nulurencontract", "flexwerk",
                     "uitzend", "wisselend", "onregelmatig", "gewerkte uren"),
    "ontslag": ("ontslag", "ontslagen", "baanverlies", "werkloos", "einde van het dienstverband", "laatste werkdag",
                "laatste loon", "laatste salaris"),
    "verzekering": ("verzekering", "verzekerd", "polis", "premie", "zorgverzekeraar"),
    "opvang": ("opvang", "kinderopvang", "creche", "kinderdagverblijf", "gastouder", "bso"),
    "verblijf": ("verblijfsvergunning", "verblijf", "vergunning", "ind", "vreemdeling", "statushouder", "nieuwkomer",
                 "asiel", "migrant"),
    "taal": ("taal", "cursus", "les", "inburger", "school", "docent", "examen"),
    "belasting": ("belasting", "aangifte", "aftrek", "heffing", "aanslag", "kwijtschelding", "fiscaal"),
    "auto": ("auto", "voertuig", "rijbewijs", "kenteken"),
    "formulier": ("formulier", "ingewikkeld", "complex", "begrijp", "snap", "onduidelijk", "brief", "brieven"),
    "budget": ("pgb", "persoonsgebonden budget", "zorgbudget", "budgethouder", "budget"),
    "huisgenoot": ("inwonend", "inwoont", "inwonen", "medebewoner", "huisgenot", "kostendeler", "woont thuis", "thuis woont",
                   "bij haar in", "bij hem in", "bij ons in", "in huis", "thuiswonend", "onderdak", "logeert", "logeerde"),
    "dakloos": ("dakloos", "thuisloos", "daklozen", "zonder woning", "op straat", "op de bank", "geen woning", "woningnood",
                "geen kamer"),
    "student": ("student", "studie", "studeert", "studeren", "studiefinanciering", "beurs", "basisbeurs", "mbo", "hbo",
                "universiteit", "hogeschool", "opleiding", "stage", "duo"),
    "controle": ("controle", "controleur", "huisbezoek", "heronderzoek", "recherche", "inspecteur", "buurtonderzoek",
                 "fraude", "fraudeur", "risicoprofiel", "risicomodel", "anonieme tip", "handhaving"),
    "herstel": ("herstel", "compensatie", "schadevergoeding", "gedupeerd", "toeslagenaffaire", "uht", "genoegdoening"),
    "ouders": ("ouders", "vader en moeder", "onderhoudsplicht", "ouderlijk"),
    "verzwijgen": ("niet gemeld", "niet opgegeven", "niet doorgegeven", "inlichtingenplicht", "melden", "opgeven",
                   "doorgeven", "verzwegen"),
    "schatting": ("schat", "geschat", "voorlopig", "definitieve berekening", "achteraf", "jaarafrekening",
                  "met terugwerkende kracht", "toetsingsinkomen"),
    "uitkering": ("uitkering", "bijstand", "ww", "wia", "wajong", "aow", "levensonderhoud", "toeslag"),
}

#: words that are too general to say what a problem is, beyond the stopwords
_GENERIC = frozenset({"gemeente", "regel", "regels", "regeling", "uitvoering", "dienst", "overheid", "nederland"})

#: rare words say more about which problem it is than IDF alone credits
IDF_POWER = 2.5

_SUFFIXES = ("heden", "ingen", "ende", "ing", "tje", "tjes", "jes", "je", "en", "es", "s", "e")


def fold(text: str) -> str:
    """Lower-case without accents (cliënt -> client)."""
    text = text.lower()
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def strip_placeholders(text: str) -> str:
    """Drop bracketed placeholders the privacy guard leaves ([BSN], [e-mailadres], ...)."""
    return _PLACEHOLDER_RE.sub(" ", text or "")


def stem(word: str) -> str:
    """A light Dutch stemmer: drop one inflectional suffix and undouble a final consonant."""
    if len(word) <= 4 or word.isdigit():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) >= 5 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def _compile_concepts() -> tuple[dict[str, list[tuple[str, str]]], list[tuple[str, str]]]:
    """Single-word stems indexed by their first three letters; multi-word phrases kept aside."""
    singles: dict[str, list[tuple[str, str]]] = {}
    phrases: list[tuple[str, str]] = []
    for concept, stems in CONCEPTS.items():
        for s in stems:
            if " " in s:
                phrases.append((f" {s}", concept))
            else:
                singles.setdefault(s[:3], []).append((s, concept))
    return singles, phrases


_SINGLES, _PHRASES = _compile_concepts()
_INNER = [(s, c) for entries in _SINGLES.values() for s, c in entries if len(s) >= 6]


def _concepts_of(word: str) -> set[str]:
    found = set()
    for s, concept in _SINGLES.get(word[:3], ()):
        if word.startswith(s) and (len(s) >= 4 or len(word) <= len(s) + 3):
            found.add(concept)
    if len(word) >= 9:  # compound: a long stem inside it (huurtoeslaggrens, zorgkostenaftrek)
        for s, concept in _INNER:
            if s in word[1:]:
                found.add(concept)
    return found


def text_features(title: str, description: str, extra: str = "") -> Counter:
    """Term counts of a signal's text: stemmed words (title counted twice) and concepts."""
    title = fold(strip_placeholders(title))
    body = fold(strip_placeholders(f"{description}\n{extra}"))
    counts: Counter = Counter()
    concepts: Counter = Counter()
    for weight, text in ((2, title), (1, body)):
        padded = f" {' '.join(_WORD_RE.findall(text))} "
        for phrase, concept in _PHRASES:
            if phrase in padded:
                concepts[concept] += weight
        for word in padded.split():
            if word in STOPWORDS or len(word) < 3 and not word.isdigit():
                continue
            for concept in _concepts_of(word):
                concepts[concept] += weight
            if word in _GENERIC or word.isdigit():
                continue
            counts[f"w:{stem(word)}"] += weight
    for concept, n in concepts.items():
        counts[f"c:{concept}"] += n
    return counts


def combination_features(counts: dict) -> dict:
    """Pairs of concepts and regulation x concept: a problem is a combination (huurtoeslag + vervalt)."""
    concepts = sorted(f[2:] for f in counts if f.startswith("c:"))
    regulations = sorted(f[2:] for f, v in counts.items() if f.startswith("r:") and v >= 0.5)
    pairs = {}
    for i, a in enumerate(concepts):
        for b in concepts[i + 1 :]:
            pairs[f"p:{a}|{b}"] = 1
        for code in regulations:
            pairs[f"p:{code}|{a}"] = 1
    return pairs


def regulation_features(linked: list[str], suggested: list[tuple[str, float]]) -> Counter:
    """Regulation evidence: linked regulations fully, router suggestions by their confidence."""
    counts: Counter = Counter()
    for code in linked:
        counts[f"r:{code}"] = 1.0
    for code, confidence in suggested:
        key = f"r:{code}"
        counts[key] = max(counts.get(key, 0.0), float(confidence))
    return counts


def weigh(counts: dict, idf: dict[str, float], default_idf: float, blocks: dict[str, float]) -> dict[str, float]:
    """Sublinear TF x IDF per feature, each block (w, c, r) normalised then scaled by its weight."""
    grouped: dict[str, dict[str, float]] = {}
    for feature, n in counts.items():
        kind = feature[0]
        if kind == "r":
            value = float(n)
        else:
            value = (1.0 + math.log(n)) * idf.get(feature, default_idf) ** IDF_POWER
        grouped.setdefault(kind, {})[feature] = value
    vector: dict[str, float] = {}
    for kind, values in grouped.items():
        scale = blocks.get(kind, 0.0)
        norm = math.sqrt(sum(v * v for v in values.values()))
        if not scale or not norm:
            continue
        for feature, value in values.items():
            vector[feature] = scale * value / norm
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {f: v / norm for f, v in vector.items()} if norm else {}
