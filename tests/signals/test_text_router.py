"""Tests for the Dutch text router, built from the real reference CSVs.

The routing table paraphrases publicly documented knelpunten (UWV and SVB
knelpuntenbrieven, the 2022 inventory of hardvochtigheden, Nationale
ombudsman reports, Stand van de Uitvoering) in the style of a frontline note.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from signals.text_router import ROUTING_THRESHOLD, RegulationProfile, TextRouter, load_terms_csv

DATA = Path(__file__).resolve().parents[2] / "signals" / "data"

PW = "BWBR0015703"
BBZ = "BWBR0015711"
IOAW = "BWBR0004044"
TW = "BWBR0004043"
WW = "BWBR0004045"
WIA = "BWBR0019057"
ZW = "BWBR0001888"
WAJONG = "BWBR0008657"
WAZO = "BWBR0013008"
WML = "BWBR0002638"
AOW = "BWBR0002221"
ANW = "BWBR0007795"
AKW = "BWBR0002368"
WKB = "BWBR0022751"
WKO = "BWBR0017017"
AWIR = "BWBR0018472"
WZT = "BWBR0018451"
WHT = "BWBR0008659"
HERSTEL = "BWBR0047436"
IB = "BWBR0011353"
LB = "BWBR0002471"
AWR = "BWBR0002320"
IW = "BWBR0004770"
OB = "BWBR0002629"
MRB = "BWBR0006324"
WOZ = "BWBR0007119"
SUCC = "BWBR0002226"
ZVW = "BWBR0018450"
WLZ = "BWBR0035917"
WMO = "BWBR0035362"
JW = "BWBR0034925"
WVGGZ = "BWBR0040635"
WSF = "BWBR0011453"
WI = "BWBR0044770"
VW = "BWBR0011823"
RWN = "BWBR0003738"
WAV = "BWBR0007149"
BRP = "BWBR0033715"
PAS = "BWBR0005212"
KW = "BWBR0004627"
OW = "BWBR0037885"
HW = "BWBR0035303"
FW = "BWBR0001860"
RV = "BWBR0001827"
WGS = "X-WGS"
WAHV = "BWBR0004581"
WVW = "BWBR0006622"
WAM = "X-WAM"
PENS = "BWBR0020809"
PBW = "BWBR0009709"
WVSR = "BWBR0001854"
WAREN = "BWBR0001969"
WRB = "X-WRB"
COA = "X-WETCOA"
TOZO = "X-TOZO"
ALLEEN = "X-ALLEENVERDIENERS"

ACCEPTANCE = "Mijn cliënt in de bijstand kreeg boodschappen van zijn moeder en moet nu alles terugbetalen"

# (text, expected regulation(s) for the top suggestion, expected ministry)
# fmt: off
ROUTING_CASES = [
    # Participatiewet and other municipal income schemes (SZW)
    (ACCEPTANCE, {PW}, "SZW"),
    ("Moeder doet elke week boodschappen voor haar zoon in de bijstand; de gemeente ziet dat als inkomen en vordert terug.", {PW}, "SZW"),
    ("Zoon van 21 blijft thuis wonen, waardoor moeder door de kostendelersnorm flink minder uitkering krijgt.", {PW}, "SZW"),
    ("Jongere van 19 moet eerst de vier weken zoektermijn afwachten voor hij een uitkering mag aanvragen en heeft al die tijd geen inkomen.", {PW}, "SZW"),
    ("Cliënt vergat een kleine bijverdienste door te geven; wegens schending van de inlichtingenplicht vordert de gemeente maanden bijstand terug en legt een boete op.", {PW}, "SZW"),
    ("Bijstandsgerechtigde spaart voor haar eigen uitvaart en komt daardoor boven de vermogensgrens.", {PW}, "SZW"),
    ("Gemeente eist een tegenprestatie van een vrouw met een bijstandsuitkering terwijl zij dagelijks voor haar zieke vader zorgt.", {PW}, "SZW"),
    ("Twee vrienden willen samen een huis huren om dakloosheid te voorkomen, maar door woningdelen krijgen ze allebei minder bijstand.", {PW}, "SZW"),
    ("Oudere migrant met een onvolledige AOW krijgt een AIO-aanvulling, maar die stopt bij een verblijf van meer dan dertien weken buiten Nederland.", {PW, AOW}, "SZW"),
    ("Zelfstandige met tijdelijk minder omzet krijgt Bbz, maar het bedrijfskapitaal moet als lening worden terugbetaald.", {BBZ}, "SZW"),
    ("Oudere werkloze krijgt na afloop van de WW een IOAW-uitkering, maar het inkomen van zijn partner wordt verrekend.", {IOAW}, "SZW"),
    ("Ondernemer moet de Tozo terugbetalen omdat het partnerinkomen achteraf hoger bleek dan geschat.", {TOZO}, "SZW"),
    ("Huishouden met een AOW-partner en een partner in de bijstand zakt onder het sociaal minimum: de alleenverdienersproblematiek.", {ALLEEN, PW, AOW}, "SZW"),
    ("Gemeente weigert schuldhulpverlening omdat cliënt een fraudevordering heeft openstaan.", {WGS}, "SZW"),
    # UWV benefits (SZW)
    ("De TW-toeslag op de WW vervalt omdat het inkomen van de partner net boven het sociaal minimum ligt.", {TW}, "SZW"),
    ("Werknemer wordt ziek tijdens zijn WW-uitkering; na dertien weken gaat hij naar de Ziektewet en gaat hij er fors op achteruit.", {WW, ZW}, "SZW"),
    ("Flexwerker voldoet net niet aan de wekeneis en krijgt daarom geen WW na het einde van zijn tijdelijk contract.", {WW}, "SZW"),
    ("Wisselende inkomsten naast de WW-uitkering leiden elke maand tot een ander bedrag en steeds nieuwe terugvorderingen door UWV.", {WW}, "SZW"),
    ("Na twee jaar ziekte is werknemer minder dan 35 procent arbeidsongeschikt verklaard; hij krijgt geen WIA en verliest zijn baan.", {WIA}, "SZW"),
    ("Door achterstanden bij de sociaal-medische beoordeling wacht een WGA-gerechtigde al maanden op een herbeoordeling.", {WIA}, "SZW"),
    ("Uitzendkracht die ziek uit dienst gaat valt in het vangnet; het ziekengeld is veel lager dan zijn loon was.", {ZW}, "SZW"),
    ("Wajonger die meer uren gaat werken houdt door de verrekening met zijn loon netto nauwelijks iets over.", {WAJONG}, "SZW"),
    ("Zzp'er die zwanger is krijgt een ZEZ-uitkering die veel lager is dan haar normale inkomen.", {WAZO}, "SZW"),
    ("Arbeidsmigranten houden na inhoudingen voor huisvesting en vervoer minder over dan het wettelijk minimumloon.", {WML}, "SZW"),
    # SVB (SZW)
    ("AOW-gerechtigde met een partner in het buitenland krijgt minder AOW door het woonlandbeginsel.", {AOW}, "SZW"),
    ("Moeder met AOW neemt haar zorgbehoevende zoon in huis voor mantelzorg en krijgt daarna een lagere AOW door de kostendelersnorm.", {AOW}, "SZW"),
    ("Cliënt woonde jaren buiten Nederland en heeft nu een AOW-gat van dertig procent.", {AOW}, "SZW"),
    ("Weduwe verliest haar nabestaandenuitkering omdat de SVB vindt dat zij een gezamenlijke huishouding voert met een huisgenoot.", {ANW}, "SZW"),
    ("Gezin verliest de kinderbijslag omdat een kind tijdelijk bij de grootouders in het buitenland woont.", {AKW}, "SZW"),
    ("Bij co-ouderschap krijgt maar één ouder kinderbijslag, ook als het kind de helft van de tijd bij de ander woont.", {AKW}, "SZW"),
    # Toeslagen (FIN executes, the scheme's ministry is responsible)
    ("Alleenstaande ouder mist de alleenstaande-ouderkop van het kindgebonden budget zodra ze gaat samenwonen.", {WKB}, "SZW"),
    ("Ouder moet duizenden euro's kinderopvangtoeslag terugbetalen omdat het gastouderbureau de opvanguren verkeerd doorgaf.", {WKO}, "SZW"),
    ("Huurtoeslag wordt teruggevorderd omdat het jaarinkomen door een eenmalige bonus net te hoog uitviel.", {WHT}, "BZK"),
    ("Een medebewoner met een bijbaan zorgt ervoor dat moeder haar huurtoeslag over het hele jaar moet terugbetalen.", {WHT}, "BZK"),
    ("Cliënt moet zorgtoeslag terugbetalen omdat zijn inkomen hoger uitviel dan geschat.", {WZT}, "VWS"),
    ("Ex-partner bleef als toeslagpartner geregistreerd, waardoor alle toeslagen over dat jaar werden teruggevorderd.", {AWIR}, "FIN"),
    ("Gedupeerde ouder uit de toeslagenaffaire wacht al twee jaar op de integrale beoordeling door UHT.", {HERSTEL}, "FIN"),
    ("Kinderen van gedupeerde ouders vallen buiten de kindregeling zodra ze 18 zijn geworden.", {HERSTEL}, "FIN"),
    # Tax (FIN)
    ("Gepensioneerde krijgt een voorlopige aanslag inkomstenbelasting omdat AOW en pensioen allebei de heffingskorting toepassen.", {IB}, "FIN"),
    ("Spaarder met een klein vermogen betaalt in box 3 belasting over een rendement dat hij nooit heeft gehaald.", {IB}, "FIN"),
    ("Twee werkgevers passen allebei de loonheffingskorting toe, waardoor cliënt achteraf moet bijbetalen.", {LB, IB}, "FIN"),
    ("Cliënt met een belastingschuld krijgt geen kwijtschelding omdat zijn oude auto als vermogen meetelt.", {IW}, "FIN"),
    ("Ondernemer kreeg een vergrijpboete terwijl de fout door zijn boekhouder is gemaakt.", {AWR}, "FIN"),
    ("Kleine ondernemer valt net buiten de kleineondernemersregeling en moet met terugwerkende kracht btw afdragen.", {OB}, "FIN"),
    ("Cliënt met een geschorst kenteken krijgt toch een naheffing motorrijtuigenbelasting.", {MRB}, "FIN"),
    ("Bezwaren tegen de WOZ-waarde worden massaal ingediend door no cure no pay-bureaus die de proceskosten opstrijken.", {WOZ}, "FIN"),
    ("Erfgenamen moeten erfbelasting betalen over een huis dat al jaren niet verkocht kan worden.", {SUCC}, "FIN"),
    # Care (VWS)
    ("Wanbetaler betaalt via het CAK jarenlang de hogere bestuursrechtelijke premie en komt zo nooit uit de schulden.", {ZVW}, "VWS"),
    ("Chronisch zieke met een laag inkomen mijdt zorg vanwege het eigen risico.", {ZVW}, "VWS"),
    ("Aanvraag voor een Wlz-indicatie bij het CIZ duurt maanden en al die tijd zit cliënt thuis zonder passende zorg.", {WLZ}, "VWS"),
    ("Partner die thuis blijft houdt te weinig over door de hoge eigen bijdrage voor het verblijf in een instelling.", {WLZ}, "VWS"),
    ("Pgb-houder in de Wlz moet zelf zorgverleners aansturen en raakt verstrikt in de administratie bij de SVB.", {WLZ}, "VWS"),
    ("De eigen bijdrage Wmo voor huishoudelijke hulp is te hoog voor ouderen met alleen AOW.", {WMO}, "VWS"),
    ("Na het keukentafelgesprek weigert de gemeente een traplift omdat mevrouw ook zou kunnen verhuizen.", {WMO}, "VWS"),
    ("Zwerfjongere wordt bij de maatschappelijke opvang geweigerd omdat hij geen regiobinding heeft.", {WMO}, "VWS"),
    ("Jongere met verlengde jeugdhulp valt op zijn achttiende tussen wal en schip.", {JW}, "VWS"),
    ("Verward persoon valt tussen een crisismaatregel en een zorgmachtiging in en krijgt geen behandeling.", {WVGGZ}, "VWS"),
    ("Thuiskok die maaltijden aan buren verkoopt moet aan dezelfde hygiënecode voldoen als een restaurant.", {WAREN}, "VWS"),
    # Education and integration
    ("Student die echt uitwonend is moet zijn uitwonendenbeurs terugbetalen na een adrescontrole van DUO.", {WSF}, "OCW"),
    ("Oud-student in de aflosfase betaalt te veel omdat de draagkrachtmeting het inkomen van twee jaar geleden gebruikt.", {WSF}, "OCW"),
    ("Mbo-student krijgt een ov-boete omdat zijn studentenreisproduct niet op tijd was stopgezet.", {WSF}, "OCW"),
    ("Statushouder kon door ziekte niet op tijd inburgeren en moet nu de volledige lening alsnog terugbetalen: een inburgeringsschuld van duizenden euro's.", {WI}, "SZW"),
    # Migration, nationality (JENV)
    ("Naturalisatie wordt geweigerd omdat cliënt geen afstand kan doen van haar oorspronkelijke nationaliteit.", {RWN}, "JENV"),
    ("Verblijfsvergunning van een vrouw hangt af van haar partner; na de scheiding door huiselijk geweld dreigt zij haar verblijfsrecht te verliezen.", {VW}, "JENV"),
    ("Nareis van de kinderen van een statushouder duurt door achterstanden bij de IND meer dan een jaar.", {VW}, "JENV"),
    ("Asielzoeker die werkt moet een groot deel van zijn loon als eigen bijdrage aan het COA afdragen.", {COA}, "JENV"),
    ("Asielzoekers mogen maar 24 weken per jaar werken en kunnen daardoor geen vaste baan krijgen.", {WAV}, "SZW"),
    # Debts, fines, justice (JENV)
    ("Onbetaalde verkeersboete van 50 euro loopt door verhogingen en incassokosten op tot honderden euro's.", {WAHV}, "JENV"),
    ("Cliënt krijgt boetes als kentekenhouder voor een auto die hij al lang had verkocht.", {WAHV}, "JENV"),
    ("Deurwaarder houdt geen rekening met de beslagvrije voet, waardoor cliënt te weinig overhoudt voor de huur.", {RV}, "JENV"),
    ("Na afwijzing van de Wsnp omdat de schulden niet te goeder trouw zouden zijn ontstaan zit cliënt klem.", {FW}, "JENV"),
    ("Eigen bijdrage voor een advocaat via een toevoeging is te hoog voor mensen met een laag inkomen.", {WRB}, "JENV"),
    ("Jongere vindt geen stageplaats omdat hij geen VOG krijgt vanwege een oude taakstraf.", {WVSR, "X-WJSG"}, "JENV"),
    ("Ex-gedetineerde staat na detentie zonder uitkering, woning en identiteitsbewijs op straat.", {PBW}, "JENV"),
    # Home affairs (BZK)
    ("Dakloze cliënt krijgt geen briefadres van de gemeente en kan daardoor geen uitkering aanvragen.", {BRP}, "BZK"),
    ("Cliënt werd na een adresonderzoek ambtshalve uitgeschreven uit de BRP en verloor daardoor zijn toeslagen.", {BRP}, "BZK"),
    ("Statushouders krijgen voorrang bij sociale huurwoningen, waardoor andere urgente woningzoekenden langer wachten.", {HW}, "BZK"),
    ("Gezin woont noodgedwongen permanent in een recreatiewoning, wat volgens het omgevingsplan niet mag.", {OW}, "BZK"),
    ("Paspoort kwijtgeraakt in het buitenland; een nooddocument kost veel leges en duurt lang.", {PAS}, "BZK"),
    ("Kiezers met een visuele beperking kunnen niet zelfstandig stemmen omdat het stembiljet niet toegankelijk is.", {KW}, "BZK"),
    # Traffic (IENW)
    ("Cliënt met een onverzekerde auto op zijn naam krijgt steeds nieuwe WAM-boetes van het CJIB.", {WAM}, "IENW"),
    ("Oudere automobilist wacht maanden op het CBR na het insturen van de Eigen Verklaring voor zijn rijbewijs.", {WVW}, "IENW"),
]
# fmt: on

VAGUE_TEXTS = [
    "De regels zijn te ingewikkeld en mensen raken in de knel",
    "Cliënt snapt de brief niet en weet niet wat hij moet doen.",
    "Wij wachten al weken op antwoord van de instantie.",
    "Mevrouw is radeloos, niemand neemt de telefoon op.",
    "Het formulier is te lang en te moeilijk voor mensen die slecht lezen.",
    "Meneer moet geld terugbetalen en weet niet hoe.",
    "Mijn cliënt heeft een boete gekregen.",
    "Mensen met schulden raken in de knel.",
    "Het loket verwijst door naar een ander loket en zo gaat het maar door.",
    "De termijn is veel te kort en er is geen ruimte voor maatwerk.",
]


@pytest.fixture(scope="module")
def profiles() -> list[RegulationProfile]:
    """Profiles from regulations.csv and regulation_terms.csv, as the product builds them."""
    terms = load_terms_csv(DATA / "regulation_terms.csv")
    with (DATA / "regulations.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [
        RegulationProfile(
            code=row["code"],
            title=row["title"],
            abbreviation=row["abbreviation"] or None,
            ministry=row["ministry"],
            terms=tuple(terms.get(row["code"], ())),
        )
        for row in rows
    ]


@pytest.fixture(scope="module")
def router(profiles) -> TextRouter:
    return TextRouter(profiles)


def _top(router: TextRouter, text: str):
    suggestions = router.suggest(text)
    assert suggestions, f"no suggestion for {text!r}"
    return suggestions[0]


def test_terms_csv_covers_every_regulation_with_valid_rows(profiles):
    """Does every regulation have terms, and is every row well-formed?"""
    codes = {p.code for p in profiles}
    with (DATA / "regulation_terms.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 400
    assert {row["code"] for row in rows} == codes
    keys = set()
    for row in rows:
        assert row["kind"] in {"alias", "phrase"}, row
        assert 0.1 <= float(row["weight"]) <= 1.0, row
        assert row["term"] == row["term"].strip() and row["term"], row
        key = (row["code"], row["term"], row["kind"])
        assert key not in keys, f"duplicate {key}"
        keys.add(key)


def test_acceptance_sentence_routes_to_participatiewet(router):
    """Does the acceptance sentence land on the Participatiewet with 'bijstand' as reason?"""
    top = _top(router, ACCEPTANCE)
    assert (top.regulation, top.ministry) == (PW, "SZW")
    assert "bijstand" in top.matched
    assert top.confidence >= ROUTING_THRESHOLD


@pytest.mark.parametrize(("text", "regulations", "ministry"), ROUTING_CASES, ids=[c[0][:40] for c in ROUTING_CASES])
def test_documented_knelpunt_routes_to_responsible_regulation(router, text, regulations, ministry):
    """Does a documented knelpunt go to its regulation and ministry, confidently and explained from the text?"""
    top = _top(router, text)
    assert top.ministry == ministry, router.suggest(text)
    assert top.regulation in regulations, router.suggest(text)
    assert top.confidence >= ROUTING_THRESHOLD
    assert top.matched
    for words in top.matched:
        assert words in text


def test_routing_table_is_large_enough():
    """Is the table of documented cases at least 60 strong?"""
    assert len(ROUTING_CASES) >= 60


@pytest.mark.parametrize("text", VAGUE_TEXTS)
def test_vague_text_stays_below_threshold(router, text):
    """Does a text without regulation-specific words stay in the coordinator's queue?"""
    suggestions = router.suggest(text)
    assert all(s.confidence < ROUTING_THRESHOLD for s in suggestions), suggestions


def test_empty_text_gives_no_suggestions(router):
    """Does an empty or blank text return nothing?"""
    assert router.suggest("") == []
    assert router.suggest("   \n") == []
    assert router.suggest("De regels zijn te ingewikkeld en mensen raken in de knel") == []


@pytest.mark.parametrize(
    ("text", "ministries"),
    [
        ("Cliënt in de bijstand heeft ook een huurtoeslagschuld die maandelijks wordt verrekend.", {"SZW", "BZK"}),
        (
            "Door de afkoop van een klein pensioen stijgt het inkomen en vordert Dienst Toeslagen alle toeslagen terug.",
            {"SZW", "FIN"},
        ),
        ("Student met studiefinanciering raakt zijn zorgtoeslag kwijt door een bijbaan.", {"OCW", "VWS"}),
        (
            "Statushouder moet inburgeren maar krijgt van de IND pas maanden later zijn verblijfsvergunning.",
            {"SZW", "JENV"},
        ),
    ],
)
def test_samenloop_gives_two_ministries_above_threshold(router, text, ministries):
    """Does a text about two schemes of different ministries yield both, each confidently?"""
    confident = {s.ministry for s in router.suggest(text) if s.confidence >= ROUTING_THRESHOLD}
    assert ministries <= confident, router.suggest(text)


def test_ambiguous_word_does_not_route_alone(router):
    """Is a word that names regulations of two ministries ('Aw') kept below the threshold?"""
    suggestions = router.suggest("Vraag over de Aw")
    assert {s.ministry for s in suggestions[:2]} == {"OCW", "VWS"}
    assert all(s.confidence < ROUTING_THRESHOLD for s in suggestions)


@pytest.mark.parametrize(
    "variant",
    [
        "Mijn client in de bijstand kreeg boodschappen van zijn moeder en moet nu alles terugbetalen",
        "MIJN CLIËNT IN DE BIJSTAND KREEG BOODSCHAPPEN VAN ZIJN MOEDER EN MOET NU ALLES TERUGBETALEN!!!",
        "mijn cliënt, in de 'bijstand', kreeg boodschappen van zijn moeder... en moet nu alles terugbetalen?",
    ],
)
def test_accents_case_and_punctuation_do_not_matter(router, variant):
    """Do accents, capitals and punctuation leave the routing and confidence unchanged?"""
    base, other = _top(router, ACCEPTANCE), _top(router, variant)
    assert (other.regulation, other.ministry) == (base.regulation, base.ministry)
    assert other.confidence == pytest.approx(base.confidence)
    assert other.matched[0].lower() == "bijstand"


@pytest.mark.parametrize(
    ("text", "regulation", "quote"),
    [
        ("Cliënt heeft een bijstandsuitkering.", PW, "bijstandsuitkering"),
        ("Er is een huurtoeslagschuld ontstaan.", WHT, "huurtoeslagschuld"),
        ("De WW-uitkering is gestopt.", WW, "WW-uitkering"),
        ("Twee verkeersboetes zijn verhoogd.", WAHV, "verkeersboetes"),
        ("Er waren giften van familie.", PW, "giften"),
        ("Haar zorgtoeslagschulden lopen op.", WZT, "zorgtoeslagschulden"),
        ("De WMO-indicatie is verlopen.", WMO, "WMO"),
        ("Aanvraag wmo loopt vast.", WMO, "wmo"),
        ("Hij is Wajonger.", WAJONG, "Wajonger"),
    ],
)
def test_inflections_and_compounds_are_recognised(router, text, regulation, quote):
    """Do plurals, compounds and spelling variants hit the base term, quoted as written?"""
    top = _top(router, text)
    assert top.regulation == regulation
    assert quote in top.matched


@pytest.mark.parametrize(
    "text",
    [
        "Wij wachten al weken op een reactie.",
        "Het ww van de cliënt is verlopen, ww opnieuw instellen.",
        "Ze stuurde het pw per mail; aw, jammer.",
        "Op de kw-factuur stond zw en tw en ow en jw.",
        "Wachtwoord vergeten, wwoofing in het buitenland.",
    ],
)
def test_abbreviations_do_not_fire_inside_ordinary_words(router, text):
    """Do short abbreviations (WW, Pw, Aw, ZW …) stay silent in lower-case text and inside words?"""
    codes = {s.regulation for s in router.suggest(text) if s.confidence >= 0.2}
    assert not codes & {WW, PW, ZW, TW, OW, JW, KW, "BWBR0007376", "BWBR0002458", SUCC, "BWBR0001969"}


def test_abbreviation_case_distinguishes_regulations(router):
    """Does 'Pw' mean the Participatiewet and 'PW' the Pensioenwet?"""
    assert _top(router, "Signaal over de Pw").regulation == PW
    assert _top(router, "Signaal over de PW").regulation == PENS


def test_title_and_abbreviation_match_without_listed_terms():
    """Are a regulation's title and abbreviation strong terms even when no terms are listed?"""
    router = TextRouter([RegulationProfile("X-1", "Wet voorbeeldregeling 2030", "Wvr", "BZK")])
    for text in ("Knelpunt in de Wet voorbeeldregeling", "Knelpunt in de Wvr", "Knelpunt in de WVR"):
        top = _top(router, text)
        assert top.regulation == "X-1" and top.confidence >= 0.6
    assert router.suggest("knelpunt in de wvr") == []


def test_matched_words_are_strongest_first(router):
    """Are the quoted words ordered from the strongest term down?"""
    top = _top(router, ACCEPTANCE)
    assert top.matched[0] == "bijstand"
    assert top.matched[-1] == "terugbetalen"


def test_limit_caps_the_number_of_suggestions(router):
    """Does ``limit`` cap the list, best first?"""
    text = "bijstand, huurtoeslag, zorgtoeslag, kinderbijslag, AOW en studiefinanciering"
    many = router.suggest(text, limit=10)
    assert len(router.suggest(text, limit=3)) == 3
    assert [s.confidence for s in many] == sorted((s.confidence for s in many), reverse=True)


def test_examples_teach_the_router_new_wording(profiles):
    """Do labelled examples (manual re-routes) route wording the lexicon does not know, quoting the text?"""
    text = "Vraag over de energietoeslag die de gemeente eenmalig uitkeert aan minima"
    plain = TextRouter(profiles)
    assert all(s.confidence < ROUTING_THRESHOLD for s in plain.suggest(text))
    examples = [
        ("Energietoeslag van de gemeente wordt niet uitgekeerd aan studenten", PW),
        ("Eenmalige energietoeslag voor minima geweigerd", PW),
        ("Energietoeslag telt mee als inkomen", PW),
        ("Verblijfsvergunning verlopen tijdens procedure", VW),
        ("Leges voor verlenging verblijfsvergunning te hoog", VW),
        ("Verkeersboete door verhoging verdubbeld", WAHV),
    ]
    trained = TextRouter(profiles, examples=examples)
    top = _top(trained, text)
    assert top.regulation == PW and top.confidence >= ROUTING_THRESHOLD
    assert top.matched and all(words in text for words in top.matched)
    assert type(top.confidence) is float  # plain float, ready for JSON
    # the lexicon still decides where it knows the words, and unrelated text stays unrouted
    assert _top(trained, ACCEPTANCE).regulation == PW
    assert all(s.confidence < ROUTING_THRESHOLD for s in trained.suggest(VAGUE_TEXTS[0]))


def test_load_terms_csv_reads_code_term_kind_weight(tmp_path):
    """Does the CSV loader group (term, kind, weight) by code and skip empty rows?"""
    path = tmp_path / "terms.csv"
    path.write_text(
        "code,term,kind,weight\nA,bijstand,alias,1.0\nA,giften,phrase,0.4\n,x,alias,1\nB,woz,alias,\n", encoding="utf-8"
    )
    assert load_terms_csv(path) == {
        "A": [("bijstand", "alias", 1.0), ("giften", "phrase", 0.4)],
        "B": [("woz", "alias", 1.0)],
    }
