"""A second held-out set of planted groups (written 2026-12-01, before any tuning of that round).

Eight problems that neither the planted groups of ``proposal_corpus`` nor the shipped example
signals (signals/data/demo_signals.json) describe, each in 6-8 different wordings, channels and
organisations; the test spreads them over five months among the corpus's noise. These groups were
NOT looked at while the grouping was tuned: their figures are the honest estimate for unseen
problems. Do not tune on them; write a new set for the next round instead. All texts are invented.
"""

from __future__ import annotations

from pathlib import Path

# (title, description, channel, organisation, named regulations)
HELD_OUT_GROUPS: list[dict] = [
    {
        "key": "arbeidsmigrant-woning-bij-ontslag",
        "signals": [
            ("Arbeidsmigrant na ontslag dezelfde dag op straat", "Een Poolse orderpicker werd door het uitzendbureau ontslagen en moest dezelfde middag zijn bed in de bedrijfshuisvesting opgeven. Hij slaapt nu in zijn auto en heeft geen adres meer voor zijn post.", "GEM-BL", "GEM", ["BWBR0009616"]),
            ("Huisvesting en werk in één contract bij uitzendbureau", "Omdat de kamer via de werkgever loopt, verliezen buitenlandse werknemers hun onderdak zodra het werk stopt. Wie ziek wordt en wordt weggestuurd, heeft binnen een week geen dak boven het hoofd.", "SZW-PT", "SZW", []),
            ("Geen huurbescherming in het pension van de werkgever", "Een Roemeense vrouw werd uit haar kamer gezet toen haar contract afliep. De kamer werd ingehouden op haar loon, maar ze had geen huurcontract en dus geen opzegtermijn.", "NO", "NO", []),
            ("Dakloze EU-werknemers na einde uitzendcontract", "In onze nachtopvang melden zich steeds vaker mannen uit Midden- en Oost-Europa die na het verlies van hun baan direct ook hun slaapplek kwijt waren. Zonder adres kunnen ze zich niet inschrijven en geen nieuw werk vinden.", "IC", "BZK", []),
            ("Werkgever zet zieke werknemer uit de bedrijfswoning", "Meneer kwam uit Bulgarije om in de kassen te werken. Na een ongeluk meldde hij zich ziek; de werkgever beëindigde het dienstverband en gaf hem twee dagen om de woning te verlaten.", "UWV-MW", "UWV", []),
            ("Afhankelijk van de baas voor baan én bed", "Arbeidsmigranten durven misstanden niet te melden, want klagen betekent ontslag en met het ontslag verdwijnt ook de woonruimte. Wij zien mensen die onderbetaald werk accepteren om niet op straat te belanden.", "IR-CC", "IR", []),
            ("Uitgeschreven uit bedrijfshuisvesting zonder opvang", "Een Litouwse uitzendkracht verloor zijn werk en daarmee zijn plek in de bungalow van het uitzendbureau. De gemeente verwijst naar het uitzendbureau, het uitzendbureau naar de gemeente.", "SVDU", "UWV", []),
        ],
    },
    {
        "key": "mondzorg-volwassenen-niet-vergoed",
        "signals": [
            ("Tandarts onbetaalbaar voor volwassene in de bijstand", "Een man van 45 heeft al maanden kiespijn maar gaat niet naar de tandarts, omdat mondzorg voor volwassenen niet in het basispakket zit en hij geen aanvullende verzekering kan betalen.", "GEM-BL", "GEM", ["BWBR0018450"]),
            ("Kiezen laten trekken omdat een vulling te duur is", "Mijn cliënte liet drie kiezen trekken in plaats van ze te laten behandelen. Een wortelkanaalbehandeling kost honderden euro's en wordt niet vergoed door haar zorgverzekeraar.", "NO", "NO", []),
            ("Slecht gebit staat werk in de weg", "Werkzoekenden met ontbrekende voortanden worden bij sollicitaties afgewezen. Een kunstgebit of behandeling is voor hen niet te betalen en de basisverzekering dekt het niet.", "UWV-MW", "UWV", []),
            ("Aanvullende tandartsverzekering te duur voor minima", "Mensen met een laag inkomen nemen geen aanvullende verzekering voor het gebit. Als er dan een ontsteking komt, belanden ze met een rekening die ze niet kunnen betalen bij het incassobureau.", "IR-CC", "IR", []),
            ("Gebitsproblemen worden pas behandeld als het te laat is", "Wij zien in de wijk ouderen en alleenstaanden die jaren niet bij de tandarts zijn geweest omdat ze de kosten niet kunnen opbrengen. Uiteindelijk volgt een dure spoedbehandeling of verlies van alle tanden.", "IC", "BZK", []),
            ("Bijzondere bijstand voor tandartskosten steeds geweigerd", "Volgens de gemeente zijn tandartskosten verzekerbaar, dus is er geen bijzondere bijstand. Maar de man kan de premie voor een aanvullend pakket niet betalen en heeft nu een ontstoken kies.", "SZW-PT", "VWS", []),
            ("Schaamte over tanden: jongere vrouw mijdt contact", "Een vrouw van 30 met gebroken voortanden durft niet meer te lachen en gaat niet naar sollicitatiegesprekken. Herstel kost meer dan tweeduizend euro, wat buiten de basiszorgverzekering valt.", "SVB-KB", "SVB", []),
        ],
    },
    {
        "key": "leerlingenvervoer-geweigerd",
        "signals": [
            ("Leerlingenvervoer geweigerd voor kind met autisme", "De gemeente weigert vervoer naar de school voor speciaal onderwijs omdat de afstand net onder de grens ligt. De jongen kan niet alleen met de bus en moeder werkt op de uren dat ze hem zou moeten brengen.", "GEM-BL", "GEM", ["BWBR0003420"]),
            ("Taxibusje naar speciale school stopgezet", "Een meisje met een verstandelijke beperking werd jarenlang met een busje opgehaald. Na een nieuwe beoordeling vindt de gemeente dat ze met begeleiding het openbaar vervoer kan nemen; de ouders kunnen die begeleiding niet leveren.", "SZW-PT", "GEM", []),
            ("Ouders moeten zelf kind naar school ver weg brengen", "De dichtstbijzijnde passende school is 25 kilometer verderop. De aanvraag voor een vervoersvoorziening werd afgewezen omdat de ouders volgens de gemeente zelf kunnen rijden, maar het gezin heeft geen auto.", "NO", "NO", []),
            ("Eigen bijdrage voor schoolvervoer drukt zwaar op gezin", "Voor het vervoer van hun zoon naar het speciaal onderwijs moeten ouders met een laag inkomen een drempelbedrag per kilometer betalen. Met drie kinderen en een uitkering lukt dat niet.", "IR-CC", "IR", []),
            ("Kind blijft thuis omdat vervoer naar school niet geregeld is", "Al zes weken gaat een leerling van tien niet naar school. De gemeente en het samenwerkingsverband zijn het niet eens over wie het vervoer betaalt, en intussen zit het kind thuis.", "IC", "BZK", []),
            ("Reistijd in busje voor leerling met beperking veel te lang", "Om kosten te besparen rijdt de vervoerder een lange route langs alle adressen. Een kind met epilepsie zit daardoor elke dag ruim anderhalf uur in de bus en komt uitgeput op school aan.", "GEM-BL", "GEM", []),
        ],
    },
    {
        "key": "energie-afsluiting-winter",
        "signals": [
            ("Gas en licht afgesloten terwijl schuldhulp liep", "De energieleverancier heeft een gezin met kleine kinderen afgesloten, terwijl de schuldhulpverlening al contact had gelegd. De melding bij de gemeente is blijkbaar niet doorgegeven.", "GEM-BL", "GEM", ["BWBR0009755"]),
            ("Afsluiting van stroom bij betalingsachterstand midden in de winter", "Een alleenstaande vrouw met een betalingsachterstand van 600 euro zat in december zonder verwarming en stroom. De leverancier zegt dat zij niet op de brieven heeft gereageerd.", "NO", "NO", []),
            ("Zieke man zonder elektriciteit door openstaande rekening", "Meneer gebruikt 's nachts een zuurstofapparaat. Toch werd zijn aansluiting afgesloten wegens achterstallige betaling. Pas na tussenkomst van de huisarts werd hij weer aangesloten, tegen hoge kosten.", "IR-CC", "IR", []),
            ("Energiebedrijf sluit af zonder persoonlijk contact", "Wij zien huishoudens die een afsluitbrief kregen maar die brief niet begrepen. Niemand is langs geweest of heeft gebeld voordat de meter dicht ging. Heraansluiten kost daarna honderden euro's.", "SZW-PT", "SZW", []),
            ("Koud huis na afsluiting gas: kinderen ziek", "Een moeder kon de hoge voorschotten niet meer betalen. Het gas werd afgesloten en het gezin kookt nu op een elektrisch plaatje; twee kinderen hebben longproblemen gekregen.", "IC", "BZK", []),
            ("Heraansluitkosten maken terugkeer naar energie onmogelijk", "Na een afsluiting wegens schuld vraagt de netbeheerder kosten voor het opnieuw aansluiten, bovenop de achterstand. Mensen in de bijstand blijven daardoor maanden zonder gas.", "SVDU", "UWV", []),
            ("Achterstand bij leverancier leidt tot donker huis", "Een oudere man met dementie had zijn automatische incasso laten stoppen. Na een paar maanden zat hij zonder stroom; zijn dochter ontdekte het pas toen de koelkast al weken uit stond.", "GEM-BL", "GEM", []),
        ],
    },
    {
        "key": "taaleis-bijstand-verlaagd",
        "signals": [
            ("Bijstand gekort omdat Nederlands niet op niveau is", "Een vrouw die hier al twintig jaar woont, kreeg een lagere uitkering omdat zij de taaltoets niet haalde. Ze kan niet lezen en schrijven in haar eigen taal en volgt wel les.", "GEM-BL", "GEM", ["BWBR0015703"]),
            ("Taaleis in de Participatiewet treft analfabeten", "De gemeente legt een verlaging op aan bijstandsgerechtigden die niet genoeg Nederlands spreken. Voor mensen die nooit naar school zijn geweest is het vereiste niveau onhaalbaar, en ze verliezen geld.", "SZW-PT", "SZW", []),
            ("Uitkering verlaagd terwijl er geen taalcursus beschikbaar is", "Meneer wil Nederlands leren, maar de gemeente heeft pas over een half jaar plek in een cursus. Intussen wordt zijn bijstand toch verlaagd omdat hij niet aan de taaleis voldoet.", "NO", "NO", []),
            ("Korting op levensonderhoud wegens onvoldoende taalbeheersing", "Een oudere man met gehoorproblemen kan het taalonderzoek niet goed afleggen. De sociale dienst ziet dat als weigering om te leren en past een korting toe op zijn uitkering.", "IR-CC", "IR", []),
            ("Moeder met jonge kinderen gekort om taaltoets", "Een alleenstaande moeder van drie kinderen heeft geen opvang om naar de lessen te gaan. Omdat zij daardoor niet aan de taaleis voldoet, ontvangt zij een lagere bijstand.", "IC", "BZK", []),
            ("Taaltoets als voorwaarde voor volledige bijstand", "Wie het Nederlands onvoldoende beheerst, krijgt na een periode minder uitkering. In de praktijk raakt dit vooral mensen met trauma of een leerbeperking, die het niveau ondanks inzet niet kunnen bereiken.", "UWV-KB", "UWV", []),
        ],
    },
    {
        "key": "bijzondere-bijstand-alleen-lening",
        "signals": [
            ("Kapotte koelkast: gemeente geeft alleen een lening", "Mevrouw leeft van bijstand en haar koelkast is kapot. De gemeente verstrekt de bijzondere bijstand alleen als renteloze lening, die ze moet aflossen van een inkomen waar al niets overblijft.", "GEM-BL", "GEM", ["BWBR0015703"]),
            ("Geldlening voor wasmachine maakt schulden groter", "Voor een nieuwe wasmachine kreeg een gezin met een uitkering geen gift maar een geldlening van de sociale dienst. De aflossing wordt op de uitkering ingehouden, bovenop een schuldregeling.", "SZW-PT", "SZW", []),
            ("Inrichtingskosten na dakloosheid moeten worden terugbetaald", "Een man die na jaren op straat een woning kreeg, moest voor bed, vloer en gordijnen een lening bij de gemeente afsluiten. Hij begint zijn nieuwe leven met duizenden euro's schuld.", "NO", "NO", []),
            ("Duurzame gebruiksgoederen alleen op krediet voor minima", "Wie in de bijstand zit, kan niet sparen voor vervanging van een fornuis of bed. Gemeenten verlenen voor zulke spullen vaak alleen een lening, waardoor mensen jarenlang onder het minimum leven.", "IC", "BZK", []),
            ("Aflossen van gemeentelijke lening terwijl er schuldhulp loopt", "Een vrouw in een schuldhulptraject kreeg voor een nieuwe kookplaat een lening van de gemeente. Die aflossing drukt haar leefgeld onder de beslagvrije voet.", "IR-CC", "IR", []),
            ("Geen gift maar terugbetalen voor noodzakelijke aanschaf", "Een oudere met alleen een kleine uitkering moest een nieuwe matras kopen op advies van de fysiotherapeut. De gemeente keurde de aanvraag goed, maar als lening met een maandelijkse aflossing.", "SVB-KB", "SVB", []),
            ("Lening voor witgoed verhoogt maandlasten van gezin", "Gezinnen met een laag inkomen die een magnetron of stofzuiger moeten vervangen, krijgen van de sociale dienst een voorschot dat terugbetaald moet worden. Zo stapelt de ene schuld zich op de andere.", "GEM-BL", "GEM", []),
        ],
    },
    {
        "key": "schoolkosten-laptop-verplicht",
        "signals": [
            ("School eist laptop van 600 euro voor brugklasser", "De middelbare school verplicht alle leerlingen een eigen laptop aan te schaffen. Een moeder in de bijstand kan dat niet betalen en haar dochter krijgt nu een oud leenapparaat dat steeds vastloopt.", "GEM-BL", "GEM", ["BWBR0044212"]),
            ("Verplicht digitaal lesmateriaal onbetaalbaar voor arme gezinnen", "Scholen in het voortgezet onderwijs werken met tablets en licenties die ouders zelf moeten kopen. Voor gezinnen met een minimuminkomen is dat een kostenpost van honderden euro's per kind.", "IC", "BZK", []),
            ("Leerling kan huiswerk niet maken zonder eigen computer", "Een jongen van 13 deelt thuis één telefoon met zijn moeder en broertjes. De school gaat ervan uit dat iedere leerling een eigen laptop heeft; hij krijgt onvoldoendes voor opdrachten die hij niet kon inleveren.", "NO", "NO", []),
            ("Kosten schoolspullen middelbare school te hoog", "Bij de start van het schooljaar moeten ouders naast boeken ook een laptop, rekenmachine en software betalen. Het kindgebonden budget is daar niet op berekend en de gemeentelijke regeling dekt maar een deel.", "IR-CC", "IR", []),
            ("Kind schaamt zich voor leenlaptop van school", "Omdat de ouders geen eigen apparaat konden kopen, moet een meisje elke dag een laptop lenen bij de mediatheek en na school terugbrengen. Thuis kan ze niet verder werken.", "SZW-PT", "GEM", []),
            ("Onderwijs digitaliseert, gezinnen met weinig geld haken af", "Wij zien dat scholen steeds vaker een eigen device verplichten. Gezinnen met schulden kopen op afbetaling of sluiten een lening af om hun kind mee te laten doen in de klas.", "SVDU", "UWV", []),
        ],
    },
    {
        "key": "wlz-partner-thuis-woonlasten",
        "signals": [
            ("Thuisblijvende vrouw kan huur niet betalen na opname man", "Sinds haar man in het verpleeghuis woont, betaalt zij een hoge eigen bijdrage aan het CAK en tegelijk de volle huur van hun woning. Van haar AOW en zijn pensioen blijft te weinig over.", "GEM-BL", "GEM", ["BWBR0035917"]),
            ("Eigen bijdrage zorginstelling laat partner thuis zonder geld", "Een man van 79 moet na de opname van zijn vrouw met dementie maandelijks honderden euro's eigen bijdrage betalen. De vaste lasten van het huis lopen door en hij eet bij de buren.", "SVB-KB", "SVB", []),
            ("Vaste lasten thuis en bijdrage verpleeghuis tegelijk", "De echtgenote van een cliënt die is opgenomen, moet het huis aanhouden voor zichzelf. Het CAK rekent met het gezamenlijke inkomen, maar houdt onvoldoende rekening met haar huur en energie.", "NO", "NO", []),
            ("Opname partner in zorginstelling drijft achterblijver in armoede", "Wij zien ouderen die na de verhuizing van hun partner naar een Wlz-instelling hun spaargeld opmaken en schulden krijgen. De hoge bijdrage wordt ook gevraagd als de thuiswonende partner de woonlasten niet meer kan dragen.", "IC", "BZK", []),
            ("Achterblijvende echtgenoot verliest eigen huis door zorgkosten", "Na een jaar eigen bijdrage voor het verpleeghuis van zijn vrouw kan meneer de hypotheek niet meer betalen. Hij overweegt het huis te verkopen waar hij veertig jaar woonde.", "IR-CC", "IR", []),
            ("Hoge eigen bijdrage na opname, partner thuis in de problemen", "Een vrouw die voor haar eigen levensonderhoud afhankelijk is van het inkomen van haar man, houdt na zijn opname in een instelling voor langdurige zorg te weinig over voor boodschappen.", "SZW-PT", "VWS", []),
            ("CAK-bijdrage houdt geen rekening met huishouden dat thuis doorloopt", "De regeling gaat uit van één huishouden, maar na de opname zijn er feitelijk twee. De partner thuis betaalt energie, verzekeringen en huur, terwijl het inkomen grotendeels naar de zorg gaat.", "UWV-KB", "UWV", []),
        ],
    },
]

#: shipped example signals and corpus noise that describe one of these problems: left out of the
#: noise in the held-out test, since counting them as foreign would punish a proposal for being right
SAME_PROBLEM_IN_NOISE = frozenset(
    {
        "Thuiswonende partner houdt te weinig over na verpleeghuisopname",  # demo: wlz-partner-thuis-woonlasten
        "AOW-partner verliest toeslag bij opname partner in verpleeghuis",  # near miss, close to the same
    }
)

VECTORS = Path(__file__).with_name("proposal_heldout_vectors.npz")


def texts() -> list[str]:
    from signals.proposal_embed import signal_text

    return [signal_text(title, description) for group in HELD_OUT_GROUPS for title, description, *_ in group["signals"]]


def preload_vectors() -> int:
    return preload_from(VECTORS)


def preload_from(path: Path) -> int:
    """Hand the vectors shipped in ``path`` to signals.proposal_embed; returns how many."""
    import numpy as np

    from signals import proposal_embed

    if not path.exists():
        return 0
    data = np.load(path)
    proposal_embed.preload({key: row.tobytes() for key, row in zip(data["keys"].tolist(), data["vectors"], strict=True)})
    return len(data["keys"])


def write_vectors_for(all_texts: list[str], path: Path) -> None:
    """Embed ``all_texts`` once and ship them in ``path`` (int8, by the text's digest)."""
    import numpy as np

    from signals import proposal_embed

    items = sorted(set(all_texts))
    vectors = proposal_embed.embed(items)
    packed = np.frombuffer(b"".join(proposal_embed.pack(v) for v in vectors), dtype=np.int8).reshape(len(items), proposal_embed.DIM)
    np.savez_compressed(path, keys=np.array([proposal_embed.digest(t) for t in items]), vectors=packed)
    print(f"{len(items)} vectors written to {path}")


if __name__ == "__main__":  # python -m tests.signals.proposal_heldout: recompute the shipped vectors
    write_vectors_for(texts(), VECTORS)
