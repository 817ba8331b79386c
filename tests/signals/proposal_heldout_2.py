"""A third set of planted groups, held out (written 2026-12-01, in the fifth round, before any tuning of it).

Eleven problems that neither the planted groups of ``proposal_corpus``, the shipped example signals
(signals/data/demo_signals.json) nor the first held-out set (``proposal_heldout``) describe, spread
over ten ministries: two are a samenloop of two laws (bijstand ending at the AOW age before the first
AOW payment; a co-parent housed as a single person), five name no law at all in any wording (cash
refused, bank accounts closed, mould in rented homes, visitor visas, identity fraud), the others are
outside the social domain (veterans, manure rules, school attendance, patient transport). Each in
6-8 wordings in frontline voice - short and long, different channels, organisations and (in the
test) months. The noise is the corpus's unrelated signals, unchanged.

These groups are NOT to be looked at while the grouping is tuned: their figures are the estimate for
unseen problems. Once reported they are seen; write a new set for the next round. All texts are
invented; no personal data.
"""

from __future__ import annotations

from pathlib import Path

# (title, description, channel, organisation, named regulations)
HELD_OUT_GROUPS: list[dict] = [
    {
        "key": "bijstand-naar-aow-maand-zonder-geld",  # samenloop Participatiewet / AOW
        "signals": [
            ("Maand zonder inkomen bij overgang van bijstand naar AOW", "De bijstand stopt op de dag dat meneer de AOW-leeftijd bereikt, maar de eerste AOW wordt pas aan het eind van de volgende maand betaald. Hij kon zijn huur in die maand niet betalen.", "GEM-BL", "GEM", ["BWBR0015703", "BWBR0002221"]),
            ("AOW-leeftijd bereikt, gemeente stopt uitkering direct", "Mevrouw werd 67 en de sociale dienst beëindigde dezelfde dag haar uitkering. De SVB betaalt achteraf. Ze heeft vier weken van de voedselbank geleefd.", "SVB-KB", "SVB", []),
            ("Gat tussen laatste bijstandsbetaling en eerste ouderdomspensioen", "Wij zien elk jaar cliënten die bij de overstap naar de AOW een gat van ruim een maand hebben. De gemeente betaalt vooraf per maand, de SVB achteraf. Niemand overbrugt het verschil.", "SZW-PT", "GEM", []),
            ("AIO-aanvulling duurt acht weken, intussen niets", "Een man met een onvolledige AOW moest bij de SVB een aanvullende inkomensvoorziening aanvragen. De bijstand van de gemeente was al gestopt en de beslissing op de AIO duurde twee maanden. Hij heeft geld geleend bij familie om eten te kopen.", "NO", "NO", []),
            ("Overstap naar AOW: huur niet betaald", "Bij de overgang van bijstand naar AOW zat cliënt een maand zonder geld. Nu een huurachterstand en een aanmaning van de corporatie.", "IC", "BZK", []),
            ("Voorschot gevraagd bij SVB, doorverwezen naar gemeente", "Omdat de eerste AOW-betaling te laat komt, vroeg mevrouw om een voorschot. De SVB verwees haar naar de gemeente, de gemeente zei dat haar bijstand al was beëindigd en dat ze nu bij de SVB hoort.", "SVB-KB", "SVB", []),
            ("Pensioenleeftijd en betaalritme sluiten niet op elkaar aan", "Een oudere vrouw met alleen bijstand verwachtte op haar 67e verjaardag meer geld, maar kreeg eerst een maand helemaal niets: de laatste uitkering was al betaald en het ouderdomspensioen volgt pas na afloop van de maand. De automatische incasso's van energie en zorgverzekering stortten terug.", "IR-CC", "IR", []),
            ("Bijstand beëindigd bij 67 jaar, energierekening onbetaald", "De overgang naar de AOW leidde bij meneer tot een lege rekening. De gemeente had hem niet verteld dat er een maand tussen zou zitten.", "GEM-BL", "GEM", ["BWBR0002221"]),
        ],
    },
    {
        "key": "co-ouder-gehuisvest-als-alleenstaande",  # samenloop Huisvestingswet / Participatiewet
        "signals": [
            ("Gescheiden vader krijgt eenkamerwoning, kinderen kunnen niet logeren", "Na de scheiding wonen de kinderen de helft van de week bij hem, maar de woningcorporatie en de gemeente zien hem als alleenstaande. Hij kreeg alleen een studio aangeboden, waar de kinderen niet kunnen slapen.", "GEM-BL", "GEM", ["BWBR0035303"]),
            ("Co-ouderschap telt niet mee bij woningtoewijzing", "Een moeder met co-ouderschap staat ingeschreven als eenpersoonshuishouden omdat de kinderen op het adres van de vader staan. Daardoor komt zij alleen in aanmerking voor kleine woningen, terwijl de kinderen drie dagen per week bij haar zijn.", "IC", "BZK", []),
            ("Omgangsregeling komt in gevaar door te kleine woning", "De rechter heeft een omgangsregeling vastgesteld, maar vader woont in een kamer van twaalf vierkante meter. Jeugdzorg twijfelt of de kinderen er kunnen overnachten. Een grotere woning krijgt hij niet, want hij telt als alleenstaande.", "NO", "NO", []),
            ("Geen gezinswoning voor ouder met kinderen om de week", "Kinderen staan bij moeder ingeschreven, dus vader krijgt geen woning met slaapkamers. Zorg week om week, huisvesting voor één.", "SZW-PT", "GEM", []),
            ("Alleenstaandennorm en woonruimte botsen bij gedeelde zorg", "Een vader in de bijstand krijgt de norm voor een alleenstaande, omdat de kinderen niet bij hem ingeschreven staan. Van dat bedrag kan hij geen huis met extra kamers huren, terwijl hij de helft van de zorg draagt.", "GEM-BL", "GEM", ["BWBR0015703"]),
            ("Kinderen slapen op de bank bij vader", "In ons spreekuur vertelde een man dat zijn twee dochters in het weekend op een matras in de woonkamer slapen. Een ruimere sociale huurwoning is volgens de corporatie alleen voor huishoudens met ingeschreven kinderen.", "IR-CC", "IR", []),
            ("Urgentie geweigerd aan ouder die de zorg deelt", "Een vrouw vroeg na de scheiding een urgentieverklaring om haar kinderen een plek te kunnen bieden als ze bij haar zijn. De commissie wees af: de kinderen wonen officieel bij de vader.", "UWV-MW", "UWV", []),
        ],
    },
    {
        "key": "contant-geld-geweigerd",  # names no law
        "signals": [
            ("Bus accepteert alleen pinpas, oudere vrouw blijft thuis", "Mevrouw betaalt alles contant omdat ze niet met een pinpas kan omgaan. Sinds de buschauffeur geen contant geld meer aanneemt, komt ze niet meer bij haar dochter en de huisarts.", "IC", "BZK", []),
            ("Gemeenteloket weigert contante betaling", "Een man zonder bankrekening wilde zijn rijbewijs ophalen en contant betalen. Het loket neemt alleen pin. Hij moest een voorbijganger vragen om voor hem te betalen.", "GEM-BL", "GEM", []),
            ("Mensen onder bewind kunnen hun leefgeld nergens meer uitgeven", "Cliënten onder beschermingsbewind krijgen hun weekgeld in contanten. Steeds meer winkels, zwembaden en automaten weigeren munten en briefjes.", "SZW-PT", "GEM", []),
            ("Parkeerautomaat en kaartjesautomaat alleen nog met pin of app", "Voor een ziekenhuisbezoek kon een oudere man niet parkeren, omdat de automaat geen munten aanneemt en hij geen smartphone heeft.", "NO", "NO", []),
            ("Alleen pinnen in de tram", "Cliënt heeft alleen contant geld en kan daardoor niet met de tram naar zijn werk.", "UWV-MW", "UWV", []),
            ("Geen treinkaartje kopen met munten op het station", "Een jongen met schulden leeft van contant weekgeld van de bewindvoerder. De kaartautomaten op zijn station nemen geen cash meer aan, dus hij kan niet naar zijn stage.", "IR-CC", "IR", []),
            ("Betalen met contanten steeds vaker onmogelijk voor wie niet digitaal is", "Wij horen van ouderen en mensen met een beperking dat ze bij de apotheek, de bibliotheek en in de bus hun geld niet meer kwijt kunnen. Zij voelen zich buitengesloten, want niet iedereen kan of wil pinnen.", "SVB-KB", "SVB", []),
        ],
    },
    {
        "key": "bankrekening-opgezegd",  # names no law in any wording
        "signals": [
            ("Bank zegt rekening op zonder uitleg", "Een Syrische statushouder kreeg een brief dat zijn betaalrekening binnen twee maanden wordt gesloten. De bank noemt geen reden. Zijn uitkering en huur lopen via die rekening.", "GEM-BL", "GEM", []),
            ("Geen betaalrekening door naam die lijkt op een lijst", "Een vrouw met dezelfde achternaam als iemand op een sanctielijst wordt bij drie banken geweigerd. Zonder rekening kan ze haar loon niet ontvangen.", "NO", "NO", []),
            ("Rekening bevroren na vragen over herkomst van geld", "Na een overboeking van familie uit Marokko vroeg de bank om bewijs van de herkomst van het geld. Meneer kon dat niet leveren en zijn rekening werd geblokkeerd; hij kon weken geen boodschappen doen.", "IR-CC", "IR", []),
            ("Basisbetaalrekening moeilijk te krijgen zonder vast adres", "Iemand zonder woning heeft recht op een basisrekening, maar de bank vraagt een adres en een geldig identiteitsbewijs. Wij lopen al maanden met een cliënt van bank naar bank.", "IC", "BZK", []),
            ("Vrijwilligersstichting krijgt geen zakelijke rekening", "Een kleine stichting die voedselpakketten uitdeelt, kan geen zakelijke rekening openen omdat de bank het risico te hoog vindt. Giften kunnen niet worden ontvangen.", "SZW-PT", "GEM", []),
            ("Uitkering niet te betalen: bank sloot rekening", "UWV kan de uitkering niet overmaken omdat de bank de rekening van cliënt heeft opgezegd. Geen andere bank wil hem hebben.", "UWV-KB", "UWV", []),
            ("Klantonderzoek van de bank leidt tot opzegging", "Mevrouw vulde het formulier van de bank over haar inkomsten niet op tijd in, omdat ze de brief niet begreep. De bank beëindigde de relatie. Nu staat haar toeslag op een rekening waar ze niet meer bij kan.", "SVDU", "UWV", []),
        ],
    },
    {
        "key": "schimmel-in-huurwoning",  # no law named in most wordings
        "signals": [
            ("Schimmel in huurwoning, verhuurder doet niets", "In de slaapkamer van een gezin met een baby zit overal zwarte schimmel. De corporatie zegt dat de bewoners beter moeten ventileren en komt niet langs.", "GEM-BL", "GEM", []),
            ("Kinderen met astma door vocht in de woning", "De huisarts schrijft al twee jaar inhalers voor. De muren zijn nat en het behang laat los. De verhuurder komt alleen een keer verven en daarna is het weer hetzelfde.", "IC", "BZK", []),
            ("Huurcommissie te ingewikkeld voor huurder met vochtige woning", "Een vrouw met een particuliere huisbaas woont in een huis waar het water langs de ramen loopt. Een procedure bij de huurcommissie durft ze niet te beginnen, bang dat ze eruit gezet wordt.", "NO", "NO", ["BWBR0005290"]),
            ("Vochtproblemen niet opgelost na tien meldingen", "Tien keer gemeld bij de woningcorporatie, nog steeds lekkage en schimmel in de badkamer.", "SZW-PT", "GEM", []),
            ("Gemeente treedt niet op tegen slechte staat van woningen", "Wij zien in oude portiekflats veel schimmel en kapotte afzuiging. De gemeente kan de eigenaar aanschrijven, maar doet dat zelden. Bewoners met weinig geld kunnen niet verhuizen.", "IR-CC", "IR", ["BWBR0005181"]),
            ("Bewoner krijgt de schuld van schimmel omdat hij weinig stookt", "Een oudere man zet de verwarming laag omdat hij de energie niet kan betalen. De verhuurder wijst daarop als oorzaak van de schimmel en weigert te isoleren.", "SVB-KB", "SVB", []),
            ("Longpatiënt moet in natte woning blijven wonen", "Een man met COPD wordt steeds benauwder in zijn appartement met vochtplekken. Voor een andere woning moet hij jaren wachten en een medische urgentie werd afgewezen.", "UWV-MW", "UWV", []),
            ("Volle huur voor een woning met onbruikbare kamers", "Een moeder betaalt de hele huur voor een woning waarvan twee kamers door schimmel niet te gebruiken zijn. Huurverlaging kan pas na een uitspraak, en die laat maanden op zich wachten.", "GEM-BL", "GEM", []),
        ],
    },
    {
        "key": "ziekenvervoer-niet-vergoed",
        "signals": [
            ("Reiskosten naar de dialyse niet vergoed", "Een vrouw moet drie keer per week naar het ziekenhuis voor nierdialyse. De zorgverzekeraar vergoedt de taxi maar gedeeltelijk en de eigen bijdrage en het eigen risico kan zij niet opbrengen.", "IR-CC", "IR", ["BWBR0018450"]),
            ("Chemokuur: zelf betalen voor vervoer naar ziekenhuis", "Meneer heeft geen auto en is na zijn chemotherapie te zwak voor het openbaar vervoer. Het vervoer wordt pas vergoed na een aanvraag bij de verzekeraar, en dan nog met een eigen bijdrage per rit.", "NO", "NO", []),
            ("Patiënten zeggen afspraken af om de ritkosten", "Wij zien patiënten die afspraken in het ziekenhuis afzeggen omdat ze de reis niet kunnen betalen. Zittend ziekenvervoer valt ook nog onder het eigen risico.", "SZW-PT", "GEM", []),
            ("Taxi naar revalidatie niet vergoed", "Verzekeraar vergoedt vervoer naar het revalidatiecentrum niet; cliënt blijft thuis.", "UWV-MW", "UWV", []),
            ("Reis met ziek kind naar academisch ziekenhuis onbetaalbaar", "Een moeder moet met haar zieke kind elke week naar een academisch ziekenhuis aan de andere kant van het land. De kosten van trein en bus worden niet vergoed en lopen op tot honderden euro's per maand.", "GEM-BL", "GEM", []),
            ("Eigen bijdrage per rit voor rolstoeltaxi naar behandeling", "Een man in een rolstoel moet voor zijn wekelijkse behandeling naar het ziekenhuis met een rolstoeltaxi. Naast het eigen risico betaalt hij per rit een eigen bijdrage. Van zijn kleine uitkering blijft niets over.", "SVB-KB", "SVB", []),
            ("Vergoeding vervoer naar bestralingen afgewezen", "De verzekeraar wees de aanvraag af omdat mevrouw niet lang genoeg behandeld wordt. Zij zit in een reeks bestralingen en heeft geen familie die kan rijden.", "IC", "BZK", []),
        ],
    },
    {
        "key": "veteraan-erkenning-trauma",
        "signals": [
            ("Veteraan met PTSS wacht jaren op erkenning", "Een oud-militair die in Uruzgan diende, heeft al jaren psychische klachten. De aanvraag om zijn aandoening als dienstgerelateerd te erkennen loopt nu drie jaar. Intussen is hij zijn baan en zijn huis kwijtgeraakt.", "NO", "NO", ["BWBR0031401"]),
            ("Oud-militair moet steeds opnieuw zijn verhaal doen", "Bij elke keuring voor zijn invaliditeitspensioen moet een veteraan zijn uitzending opnieuw vertellen. Zijn behandelaar zegt dat dit het trauma verergert.", "UWV-MW", "UWV", []),
            ("Veteranen met psychische problemen vallen tussen wal en schip", "In de wijk zien wij oud-militairen die schulden hebben en dakloos dreigen te raken. Defensie verwijst naar het Veteraneninstituut, het instituut naar de gemeente.", "GEM-BL", "GEM", []),
            ("Uitkering voor dienstslachtoffer blijft uit", "Diensttijd al tien jaar voorbij, claim wegens trauma na missie nog steeds niet beoordeeld.", "IC", "BZK", []),
            ("Dossier van uitzending onvolledig, pensioen geweigerd", "De veteraan moet aantonen dat zijn klachten door de missie in Bosnië komen. Het dossier van toen is onvolledig en dus wordt zijn aanvraag afgewezen.", "SVDU", "UWV", []),
            ("Partner van getraumatiseerde oud-militair krijgt geen steun", "De vrouw van een veteraan met ernstige PTSS zorgt dag en nacht voor hem en kan niet werken. Er is geen vergoeding voor haar en de aanvraag voor zijn voorziening ligt al twee jaar stil.", "SZW-PT", "GEM", []),
            ("Militair na uitzending ontslagen zonder nazorg", "Een jonge militair werd na terugkeer uit Mali ongeschikt verklaard en ontslagen. Zijn klachten zijn nooit onderzocht; nu heeft hij geen inkomen en wacht hij op een beslissing over een uitkering voor zijn dienstongeval.", "IR-CC", "IR", []),
        ],
    },
    {
        "key": "mestregels-kleine-veehouder",
        "signals": [
            ("Kleine melkveehouder in schulden door kosten mestafvoer", "Sinds de nieuwe regels moet een boer met zestig koeien zijn mest laten afvoeren tegen hoge kosten. Zijn inkomen is negatief en hij durft niet naar de bank.", "GEM-BL", "GEM", ["BWBR0004054"]),
            ("Boer krijgt boete van RVO voor te late mestopgave", "Een oudere varkenshouder doet zijn administratie op papier. Hij miste de digitale opgave en kreeg een boete van duizenden euro's, die hij niet kan betalen.", "NO", "NO", []),
            ("Veehouders raken uitgeput door onzekerheid over mest", "Op onze hulplijn krijgen we steeds meer boeren aan de lijn die niet meer slapen van de onzekerheid over mestplaatsing en dierrechten. Sommigen denken aan stoppen, anderen aan erger.", "IC", "BZK", []),
            ("Boerengezin zonder inkomen door mestafzet", "Boerengezin haalt geen inkomen meer uit het bedrijf door de kosten van mestafzet en komt door het bedrijfsvermogen niet in aanmerking voor een uitkering.", "SZW-PT", "GEM", []),
            ("Einde derogatie treft gezinsbedrijf", "Nu een veehouder minder mest op zijn eigen land mag uitrijden, moet hij grond pachten of mest afvoeren. Beide kan hij niet betalen; zijn zoon wil het bedrijf niet meer overnemen.", "UWV-MW", "UWV", []),
            ("Correctie op mestverantwoording over drie jaar terug", "Een boerin met een klein bedrijf kreeg een correctie op haar mestboekhouding over drie jaar terug, met een naheffing. Zij snapt de berekening niet en kan niemand bij RVO bereiken.", "IR-CC", "IR", []),
        ],
    },
    {
        "key": "thuiszitter-ouders-beboet",
        "signals": [
            ("Ouders beboet omdat kind met angststoornis niet naar school gaat", "Een meisje van 14 durft door een angststoornis de school niet meer in. De leerplichtambtenaar heeft een proces-verbaal opgemaakt tegen de ouders, terwijl zij op behandeling wachten.", "GEM-BL", "GEM", ["BWBR0002628"]),
            ("Thuiszitter zonder passende school, ouders toch opgeroepen", "Al een jaar is er geen school die onze zoon met autisme wil plaatsen. Toch worden wij als ouders opgeroepen door leerplicht vanwege ongeoorloofd verzuim.", "NO", "NO", []),
            ("Vrijstelling van leerplicht als enige uitweg", "Omdat er geen passend aanbod is, raadt de school aan vrijstelling aan te vragen. Daarmee verliest een kind van negen het recht op onderwijs helemaal.", "IC", "BZK", []),
            ("Verzuimmelding bij ziek kind", "Kind met chronische vermoeidheid vaak afwezig, school meldt verzuim, ouders krijgen een brief van leerplicht.", "SZW-PT", "GEM", []),
            ("Leerling met schoolangst thuis, niemand pakt het op", "Een jongen van twaalf zit sinds de zomer thuis met schoolangst. Het samenwerkingsverband, de jeugdhulp en de school wachten op elkaar. Moeder is gestopt met werken om thuis te zijn en krijgt nu ook nog een gesprek met leerplicht.", "UWV-MW", "UWV", []),
            ("Strafrechtelijke aanpak van verzuim past niet bij zorgkind", "Wij zien dat bij kinderen die door psychische problemen niet naar school kunnen, toch een taakstraf voor de ouder wordt geëist. Dat helpt het kind niet en maakt het gezin wantrouwig.", "IR-CC", "IR", []),
            ("Halt-straf voor puber die zichzelf niet naar school krijgt", "Een meisje met een depressie werd door leerplicht naar Halt gestuurd wegens spijbelen. Ze voelt zich gestraft voor haar ziekte.", "GEM-BL", "GEM", []),
        ],
    },
    {
        "key": "bezoekvisum-familie-geweigerd",
        "signals": [
            ("Visum voor begrafenis vader geweigerd aan broer", "Een Nederlandse vrouw wilde dat haar broer uit Marokko de begrafenis van hun vader kon bijwonen. Het visum werd geweigerd wegens onvoldoende binding met het land van herkomst.", "NO", "NO", []),
            ("Grootmoeder uit Suriname mag niet op kraamvisite", "De aanvraag voor een kort verblijf van een grootmoeder werd afgewezen, hoewel de familie een garantverklaring had getekend. Bezwaar duurt langer dan het bezoek zou duren.", "IC", "BZK", []),
            ("Afwijzing bezoekvisum zonder duidelijke reden", "Een cliënt met familie in Ghana probeert al drie jaar zijn ouders uit te nodigen. Telkens volgt een standaardbrief met aangekruiste vakjes.", "GEM-BL", "GEM", ["BWBR0011823"]),
            ("Geen visum voor ziekenbezoek", "Zus van ernstig zieke vrouw krijgt geen visum om haar te bezoeken.", "SZW-PT", "GEM", []),
            ("Visum alleen aan te vragen bij ambassade in buurland", "Om een visum voor Nederland aan te vragen moet een vader uit Eritrea naar een ambassade in een ander land reizen. Dat is duur en gevaarlijk; intussen mist hij de geboorte van zijn kleinkind.", "IR-CC", "IR", []),
            ("Kosten van visum voor bezoekende ouders te hoog", "Voor het bezoek van haar ouders uit Indonesië moet een vrouw met een laag inkomen visumkosten, een reisverzekering en een garantstelling betalen. Bij een weigering is alles weg.", "SVB-KB", "SVB", []),
            ("Oma mag niet komen rouwen na overlijden kleinkind", "Een grootmoeder uit Turkije die met het gezin wilde rouwen, kreeg geen visum voor kort verblijf. Volgens de beslissing bestaat het risico dat zij niet terugkeert.", "UWV-MW", "UWV", []),
        ],
    },
    {
        "key": "identiteitsfraude-slachtoffer",
        "signals": [
            ("Slachtoffer van identiteitsfraude krijgt aanmaningen", "Iemand heeft met een kopie van het paspoort van mevrouw telefoonabonnementen en leningen afgesloten. Nu komen incassobureaus bij haar, en niemand gelooft dat zij het niet was.", "IR-CC", "IR", []),
            ("Auto op naam gezet door oplichter", "Een man ontving boetes voor een auto die hij nooit heeft gehad. Iemand had met zijn gegevens een auto op zijn naam laten zetten. De RDW en het CJIB verwijzen naar de politie, de politie neemt geen aangifte op.", "NO", "NO", []),
            ("Gestolen identiteit blijft jaren doorwerken", "Wij begeleiden een jonge vrouw van wie de identiteit is misbruikt voor een bedrijf in het handelsregister. Ze staat geregistreerd bij het BKR en krijgt geen huurwoning.", "GEM-BL", "GEM", []),
            ("Aangifte identiteitsfraude wordt niet opgenomen", "Politie wil geen aangifte opnemen van misbruik van ID-kaart; zonder aangifte blijven schuldeisers aandringen.", "SZW-PT", "GEM", []),
            ("Onbekenden ingeschreven op adres van oudere man", "Op het adres van een oudere man bleken drie onbekenden ingeschreven, die toeslagen hadden aangevraagd. Hij moet nu zelf aantonen dat hij er niets mee te maken heeft.", "UWV-KB", "UWV", ["BWBR0033715"]),
            ("Uitkering stopgezet na misbruik van gegevens", "Na een datalek gebruikte iemand de gegevens van een cliënt om werk aan te nemen. UWV zag inkomsten en stopte de uitkering. Het herstel duurt maanden.", "UWV-MW", "UWV", []),
            ("Geen loket voor slachtoffers van identiteitsmisbruik", "Wie ontdekt dat anderen op zijn naam contracten hebben afgesloten, moet zelf bij tientallen bedrijven en instanties aantonen dat het niet klopt. Het meldpunt kan alleen adviseren.", "IC", "BZK", []),
        ],
    },
]

VECTORS = Path(__file__).with_name("proposal_heldout_2_vectors.npz")


def texts() -> list[str]:
    from signals.proposal_embed import signal_text

    return [signal_text(title, description) for group in HELD_OUT_GROUPS for title, description, *_ in group["signals"]]


def preload_vectors() -> int:
    from tests.signals.proposal_heldout import preload_from

    return preload_from(VECTORS)


if __name__ == "__main__":  # python -m tests.signals.proposal_heldout_2: recompute the shipped vectors
    from tests.signals.proposal_heldout import write_vectors_for

    write_vectors_for(texts(), VECTORS)
