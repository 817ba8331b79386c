"""Planted groups of paraphrased signals and a generator of unrelated noise, to measure proposals.

Each group describes ONE problem in 6-10 different wordings (different words, channels,
organisations, months); groups marked ``held_out`` were written together with the others but
never looked at while tuning signals/proposals.py, so their figures estimate how well unseen
problems are found. All texts are invented; names and numbers are not real people.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

# (title, description, channel, organisation, named regulations)
GROUPS: list[dict] = [
    {
        "key": "huurtoeslag-huurgrens",
        "held_out": False,
        "signals": [
            ("Huurtoeslag vervalt na jaarlijkse huurverhoging", "Door de huurverhoging van juli komt de kale huur van mevrouw net boven de grens voor huurtoeslag. Zij verliest daardoor in één keer de hele toeslag, ruim 250 euro per maand, voor een verhoging van 20 euro.", "GEM-BL", "GEM", []),
            ("Paar euro te hoge huur kost hele toeslag", "Een jongere onder de 23 betaalt nu een paar euro meer huur dan het maximum. Dienst Toeslagen zegt dat er dan geen recht meer is op tegemoetkoming in de woonkosten. Hij kan de woning niet meer betalen.", "IR-CC", "IR", []),
            ("Geen tegemoetkoming in woonkosten meer na indexatie huur", "De verhuurder heeft de huurprijs geïndexeerd en daarmee zit het gezin boven de maximale huurgrens. Het gevolg is dat de toeslag voor de huur helemaal stopt, terwijl het inkomen gelijk bleef.", "BD-LRH", "TSL", ["BWBR0008659"]),
            ("Huurgrens werkt als een klif", "Wie één euro boven de huurgrens uitkomt, krijgt niets meer. Er is geen geleidelijke afbouw. Wij zien dit bij meerdere huurders in dezelfde flat nu de corporatie de huur verhoogde.", "SZW-PT", "GEM", []),
            ("Huurder krijgt huurtoeslag teruggevorderd door servicekostencorrectie achteraf", "Achteraf telde de verhuurder een deel van de servicekosten bij de kale huur. Daardoor lag de rekenhuur boven het maximum en moet mijn cliënt de huurtoeslag van het hele jaar terugbetalen.", "NO", "NO", []),
            ("Verhuizen of huur betalen zonder toeslag", "Mevrouw woont al twintig jaar in haar huis. Na de huurverhoging overschrijdt de huur de grens en vervalt haar huurtoeslag. Een goedkopere woning is er in de regio niet; ze moet nu kiezen tussen eten en huur.", "GEM-BL", "GEM", []),
            ("Alles-of-niets bij de maximale huur", "De regel dat boven de maximale huur geen enkele huurtoeslag wordt gegeven treft vooral ouderen in oudere huurwoningen die net iets duurder zijn geworden. Een kleine overschrijding zou tot een kleine korting moeten leiden, niet tot het verlies van alles.", "IC", "BZK", []),
        ],
    },
    {
        "key": "ww-eerste-betaling",
        "held_out": False,
        "signals": [
            ("Eerste WW-uitkering laat weken op zich wachten", "Na ontslag duurt het zes weken voordat UWV de eerste WW betaalt. In die tijd heeft meneer geen enkel inkomen en loopt hij een huurachterstand op.", "UWV-MW", "UWV", ["BWBR0004045"]),
            ("Geen geld tussen laatste salaris en werkloosheidsuitkering", "Mijn cliënte kreeg haar laatste loon eind maart en de werkloosheidsuitkering pas half mei. Ze moest geld lenen bij familie om boodschappen te doen.", "GEM-BL", "GEM", []),
            ("Lange behandeltijd aanvraag werkloosheidswet", "De aanvraag voor een uitkering na baanverlies wordt pas na vele weken beoordeeld. Een voorschot wordt niet uit zichzelf aangeboden. Mensen komen zonder inkomen te zitten en vragen noodgedwongen bijstand aan.", "SZW-PT", "SZW", []),
            ("Inkomensgat bij start WW", "Werkloos geworden mensen wachten soms twee maanden op hun eerste betaling. Vaste lasten zoals huur en energie lopen door, incassobureaus worden ingeschakeld.", "IR-CC", "IR", []),
            ("Vertraging uitbetaling uitkering na ontslag leidt tot schulden", "Omdat de loonstroken van de werkgever ontbraken, bleef de aanvraag liggen. Meneer kreeg maandenlang niets en zijn vaste lasten liepen op tot een schuld van 1.800 euro.", "UWV-KB", "UWV", []),
            ("Voorschot WW niet bekend bij werkzoekenden", "Wie ontslagen wordt, weet niet dat je om een voorschot kunt vragen. Intussen betaalt UWV pas na weken uit en staan mensen rood.", "NO", "NO", []),
            ("Wekenlang wachten op werkloosheidsgeld", "Een schoonmaakster die na 12 jaar werd ontslagen heeft sinds haar laatste werkdag geen inkomen gehad. UWV zegt dat de beslistermijn nog niet verstreken is. De huur van mei kon ze niet betalen.", "GEM-BL", "GEM", []),
            ("Eerste betaling na baanverlies te laat voor vaste lasten", "Tussen het einde van het dienstverband en de eerste storting van de uitkering zit vaak meer dan een maand. Juist mensen met een laag loon hebben geen buffer om dat te overbruggen.", "SVDU", "UWV", []),
        ],
    },
    {
        "key": "kot-wisselende-roosters",
        "held_out": False,
        "signals": [
            ("Kinderopvangtoeslag terug door wisselend rooster", "Moeder werkt in de zorg met wisselende diensten. Ze neemt een vast aantal uren opvang af, maar in sommige maanden werkte ze minder uren dan haar kind naar de opvang ging. Nu moet ze duizenden euro's terugbetalen.", "BD-LRH", "TSL", ["BWBR0017017"]),
            ("Opvanguren hoger dan gewerkte uren bij onregelmatige diensten", "Een vader met nachtdiensten heeft opvang nodig overdag om te slapen. De Dienst Toeslagen vindt dat de opvanguren niet passen bij de gewerkte uren en vordert de toeslag terug.", "IR-CC", "IR", []),
            ("Flexwerker kan opvang niet afstemmen op rooster", "Kinderdagverblijven werken met vaste contracturen, maar haar rooster verschilt per week. Ze kan geen opvang per week afnemen. De toeslag achteraf valt lager uit en er ontstaat een schuld.", "SZW-PT", "SZW", []),
            ("Vast opvangcontract, wisselend werk: schuld bij Toeslagen", "De ouder werkt via een uitzendbureau met wisselende uren. Omdat de toeslag afhangt van het aantal gewerkte uren, werd bij de definitieve berekening bijna alles teruggevraagd.", "GEM-BL", "GEM", []),
            ("Toeslag voor kinderopvang afgerekend op gewerkte uren", "Bij de jaarafrekening rekent Toeslagen met de uren dat moeder werkte. Haar oproepcontract gaf in de zomer weinig uren, de crèche liep gewoon door. Het gevolg: een vordering van 4.300 euro.", "NO", "NO", []),
            ("Terugvordering opvangtoeslag voor ouder met oproepcontract", "Ouders met een nulurencontract weten vooraf niet hoeveel ze gaan werken. Toch moeten ze een schatting geven en worden ze achteraf afgerekend als het minder was. Dat maakt kinderopvang voor hen onbetaalbaar.", "IC", "BZK", []),
            ("Ploegendienst en opvang passen niet in de regels", "Een alleenstaande vader in de ploegendienst kreeg te horen dat opvang tijdens zijn slaapuren na de nachtdienst niet meetelt. Hij heeft nu een schuld en heeft de opvang opgezegd.", "UWV-MW", "UWV", []),
        ],
    },
    {
        "key": "wmo-gebruikelijke-zorg",
        "held_out": False,
        "signals": [
            ("Huishoudelijke hulp geweigerd wegens gebruikelijke zorg partner", "De gemeente weigert huishoudelijke hulp voor mevrouw met MS, omdat haar man het huishouden zou moeten doen. Hij werkt fulltime en is zelf overbelast.", "GEM-BL", "GEM", ["BWBR0035362"]),
            ("Inwonende dochter moet schoonmaken volgens de gemeente", "Omdat de dochter van 19 thuis woont, krijgt de zieke moeder geen hulp bij het huishouden. De dochter studeert en zorgt al voor haar jongere broertjes.", "IR-CC", "IR", []),
            ("Maatwerkvoorziening afgewezen: partner kan het overnemen", "Een Wmo-aanvraag voor hulp in de huishouding werd afgewezen met het argument dat huisgenoten dit als normale zorg horen te doen. Dat de partner zelf chronisch ziek is, werd niet meegewogen.", "SZW-PT", "VWS", []),
            ("Gebruikelijke zorg zwaarder dan de huisgenoot aankan", "Volgens het keukentafelgesprek moet de echtgenoot van 78 de was en de schoonmaak doen. Hij heeft zelf hartproblemen. De gemeente houdt vast aan de regel dat partners elkaar gebruikelijke hulp bieden.", "NO", "NO", []),
            ("Geen thuishulp omdat er een volwassen kind in huis woont", "Gemeenten gaan ervan uit dat een meerderjarige die in huis woont meehelpt in het huishouden. Bij een jongvolwassene met een eigen baan en avondstudie is dat onredelijk, en de hulpvrager blijft zonder ondersteuning.", "IC", "BZK", []),
            ("Mantelzorger overbelast door weigering schoonmaakhulp", "Omdat hij thuis woont, moet de man van een vrouw met ernstige reuma het hele huishouden doen naast zijn werk. De aanvraag voor ondersteuning bij de gemeente is afgewezen.", "GEM-BL", "GEM", []),
        ],
    },
    {
        "key": "bijstand-verblijf-buitenland",
        "held_out": False,
        "signals": [
            ("Bijstand stopgezet na begrafenis moeder in Marokko", "Meneer ging naar de begrafenis van zijn moeder en bleef vijf weken weg omdat hij de zaken moest regelen. De gemeente heeft zijn bijstand over die periode ingetrokken en vordert het terug.", "GEM-BL", "GEM", ["BWBR0015703"]),
            ("Langer dan vier weken in het buitenland: uitkering weg", "Een vrouw met een zieke vader in Turkije kon pas later terugvliegen. Omdat ze langer dan 28 dagen weg was, stopte de gemeente de bijstandsuitkering en moet ze alles terugbetalen.", "IR-CC", "IR", []),
            ("Vakantieregel bijstand geen ruimte voor noodsituaties", "De regel dat je maximaal vier weken per jaar buiten Nederland mag verblijven kent geen uitzondering voor sterfgevallen of ziekenhuisopnames in het buitenland. Mensen verliezen hun inkomen door overmacht.", "SZW-PT", "SZW", []),
            ("Terugvordering levensonderhoud wegens ziekenhuisopname in Suriname", "Tijdens familiebezoek werd mijn cliënt opgenomen in het ziekenhuis en kon hij niet reizen. De sociale dienst zag dit als verblijf in het buitenland zonder recht op een uitkering.", "NO", "NO", []),
            ("Vlucht gemist, hele maand bijstand kwijt", "Door een geannuleerde vlucht kwam mevrouw drie dagen te laat terug van een bezoek aan haar zus. De gemeente heeft de uitkering voor de hele maand stopgezet.", "GEM-BL", "GEM", []),
            ("Overmacht bij verblijf buiten Nederland niet meegewogen", "Bijstandsgerechtigden die door overmacht langer in het buitenland zijn, verliezen hun recht op algemene bijstand vanaf de eerste dag na de termijn. Gemeenten zeggen geen ruimte te hebben.", "IC", "BZK", []),
            ("Geen recht op uitkering tijdens zorg voor stervende vader buiten de EU", "Een man bleef bij zijn stervende vader in Ghana en overschreed de toegestane afwezigheid. Hij is nu zijn uitkering kwijt en heeft een vordering van de gemeente.", "SZW-PT", "GEM", []),
        ],
    },
    {
        "key": "zvw-18-jarigen",
        "held_out": False,
        "signals": [
            ("Boete voor 18-jarige die zorgverzekering vergat", "Op zijn achttiende moest onze cliënt zelf een zorgverzekering afsluiten. Niemand had hem dat verteld. Na maanden kreeg hij een boete van het Zorginstituut en werd hij ambtshalve verzekerd tegen een hogere premie.", "GEM-BL", "GEM", ["BWBR0018450"]),
            ("Jongeren onverzekerd op hun verjaardag", "Jongeren worden op hun 18e verjaardag niet meer meeverzekerd bij hun ouders. Wie dat mist, krijgt een bestuurlijke boete en een verplichte polis. De zorgtoeslag wordt ook niet automatisch aangevraagd.", "IR-CC", "IR", []),
            ("Zorgtoeslag en verzekering gemist na 18e: schuld begint vroeg", "Een meisje in een jeugdzorginstelling werd 18 zonder dat iemand een basisverzekering regelde. Nu heeft ze boetes, een achterstand in premie en geen zorgtoeslag over die maanden.", "NO", "NO", []),
            ("Verzekeringsplicht gaat in zonder bericht", "Bij het bereiken van de volwassen leeftijd moeten jongeren zelf een zorgpolis nemen. De brief daarover komt vaak niet aan. De boetes lopen op tot honderden euro's voor een student zonder inkomen.", "SZW-PT", "VWS", []),
            ("Achttienjarige krijgt naheffing en boete wegens geen zorgpolis", "Een jongen die net meerderjarig was, dacht dat hij nog via zijn moeder verzekerd was. Het CAK stuurt nu een boete en een premie die hoger is dan een gewone polis.", "BD-LRH", "TSL", []),
            ("Meerderjarig worden kost jongeren een boete", "Wij zien elk jaar jongeren die hun eigen zorgverzekering niet op tijd afsluiten en meteen met een boete en een schuld beginnen. Automatisch doorlopen van de polis van de ouders zou dit voorkomen.", "IC", "BZK", []),
            ("Zorgverzekering niet op tijd afgesloten door jongere met LVB", "Een jongvolwassene met een licht verstandelijke beperking begreep niet dat hij bij 18 jaar een eigen zorgverzekering nodig had. Hij heeft nu drie boetes en wordt verplicht verzekerd.", "UWV-MW", "UWV", []),
        ],
    },
    {
        "key": "leges-verblijf-kinderen",
        "held_out": False,
        "signals": [
            ("Leges verblijfsvergunning kinderen onbetaalbaar", "Een moeder met drie kinderen moet voor elk kind honderden euro's leges betalen om de verblijfsvergunning te verlengen. Met een minimuminkomen kan ze dat niet opbrengen, en zonder verlenging verliezen de kinderen hun rechten.", "IR-CC", "IR", ["BWBR0011823"]),
            ("Hoge kosten IND voor verlenging verblijfsdocument gezin", "Het gezin leeft van bijstand en moet bij de IND voor alle gezinsleden betalen voor de verlenging van hun vergunning. Kwijtschelding van die kosten bestaat niet.", "GEM-BL", "GEM", []),
            ("Geen vrijstelling van leges voor arme gezinnen", "Gezinnen met een laag inkomen moeten dezelfde legeskosten betalen voor een verblijfsaanvraag als anderen. Er is geen regeling om die kosten te verlagen of in termijnen te betalen.", "NO", "NO", []),
            ("Kinderen zonder geldige vergunning door kosten aanvraag", "De ouders konden de aanvraagkosten voor de verblijfsvergunning van hun kinderen niet betalen. De kinderen staan nu zonder geldig verblijfsdocument ingeschreven en de kinderbijslag is stopgezet.", "SZW-PT", "SZW", []),
            ("Legesbedrag verblijfsvergunning drijft gezin in de schulden", "Om de verblijfsdocumenten van vader, moeder en twee kinderen te vernieuwen leende het gezin geld bij kennissen. De bedragen zijn de afgelopen jaren sterk gestegen.", "IC", "BZK", []),
            ("Betalen voor verblijfsrecht van je eigen kind", "Een vrouw met een laag inkomen moet voor haar dochter opnieuw leges betalen aan de IND. Zonder betaling wordt de aanvraag niet in behandeling genomen, ook niet als duidelijk is dat het kind hier recht op heeft.", "GEM-BL", "GEM", []),
            ("Kosten vergunningaanvraag vreemdeling te hoog bij minimuminkomen", "De kosten van de aanvraag voor een verblijfsvergunning voor een gezin zijn zo hoog dat mensen met een minimuminkomen die niet kunnen betalen. Termijnbetaling wordt door de dienst niet toegestaan.", "BD-LRH", "BD", []),
        ],
    },
    {
        "key": "zorgkostenaftrek",
        "held_out": False,
        "signals": [
            ("Chronisch zieke mist aftrek zorgkosten door ingewikkeld formulier", "Mevrouw heeft hoge kosten voor dieet, vervoer en hulpmiddelen. De aftrek specifieke zorgkosten in de aangifte is zo ingewikkeld dat ze hem niet invult en honderden euro's misloopt.", "BD-LRH", "BD", ["BWBR0011353"]),
            ("Drempel aftrek specifieke zorgkosten te hoog voor lage inkomens", "Mensen met een laag inkomen en een chronische ziekte komen door de drempel vaak niet aan aftrek toe, terwijl hun zorgkosten voor hen relatief het zwaarst drukken.", "IC", "BZK", []),
            ("Ziektekosten aftrekken alleen als je belasting betaalt", "Wie weinig inkomstenbelasting betaalt, heeft niets aan de aftrekpost voor zorgkosten. Juist mensen met een uitkering en hoge ziektekosten worden dus niet gecompenseerd.", "SZW-PT", "SZW", []),
            ("Belastingaangifte voor zorgkosten niet te doen zonder hulp", "Ouderen met veel medische kosten vragen ons om hulp bij de belastingaangifte omdat ze niet weten welke kosten aftrekbaar zijn. Veel mensen laten het geld liggen.", "IR-CC", "IR", []),
            ("Aftrekpost zorgkosten bereikt de mensen niet die hem nodig hebben", "Uit ons spreekuur blijkt dat mensen met een beperking de aftrek van specifieke zorgkosten niet kennen of niet snappen. De regels over welke kosten meetellen zijn onduidelijk en veranderen vaak.", "GEM-BL", "GEM", []),
            ("Hoge uitgaven voor dieet en vervoer niet aftrekbaar", "Een man met nierdialyse maakt elk jaar hoge kosten voor reizen naar het ziekenhuis en een dieet. Bij de aangifte inkomstenbelasting blijkt weinig daarvan aftrekbaar boven de drempel.", "NO", "NO", []),
        ],
    },
    # ---- written from public hardship cases (sources in "source"); paraphrased, invented people ----
    {
        "key": "kostendelersnorm-inwonend-kind",
        "held_out": False,
        "source": "movisie.nl (jongvolwassenen en de kostendelersnorm); 16-27.nl (kostendelersnorm bij tijdelijk verblijf)",
        "signals": [
            ("Bijstand moeder omlaag omdat zoon van 22 weer thuis woont", "Haar zoon kon na zijn studie geen kamer vinden en trok weer bij haar in. De gemeente past nu de kostendelersnorm toe en haar uitkering daalt met ruim 300 euro per maand.", "GEM-BL", "GEM", ["BWBR0015703"]),
            ("Ouders durven volwassen kind geen onderdak te geven", "Een vader in de bijstand wil zijn dochter van 23 opvangen na een scheiding, maar dan wordt zijn uitkering gekort omdat zij als medebewoner meetelt. Hij laat haar daarom niet bij hem wonen; zij slaapt nu bij vrienden op de bank.", "SZW-PT", "GEM", []),
            ("Kostendelersnorm maakt jongvolwassenen dakloos", "Wij zien jongeren tussen 21 en 27 die thuis weg moeten omdat hun ouders anders minder uitkering krijgen. Het delen van woonlasten is in de praktijk niet aan de orde, want de jongere heeft zelf geen inkomen.", "NO", "NO", []),
            ("Korting op uitkering door inwonende dochter zonder inkomen", "Een zwangere dochter van 24 woont tijdelijk bij haar moeder. De sociale dienst ziet haar als kostendeler en verlaagt de norm van moeder. Moeder overweegt haar dochter de deur te wijzen.", "IR-CC", "IR", []),
            ("Volwassen kind in huis kost bijstandsmoeder honderden euro's", "Omdat haar 25-jarige zoon na een ziekenhuisopname bij haar herstelt, telt de gemeente hem mee bij de hoogte van haar uitkering. Zij moet nu rondkomen van een veel lager bedrag terwijl hij niets bijdraagt.", "GEM-BL", "GEM", []),
            ("Meerdere volwassenen in één woning: iedereen minder", "Een gezin met twee meerderjarige kinderen die geen woning kunnen vinden krijgt per persoon een lager bijstandsbedrag. Door de woningnood blijven jongeren langer thuis, maar de regel gaat ervan uit dat zij de kosten delen.", "IC", "BZK", []),
            ("Uitzondering op kostendelersnorm kost gemeente te veel moeite", "Bij een jongvolwassene die tijdelijk bij zijn vader inwoont, kan de gemeente afwijken van de verlaagde norm, maar dat gebeurt zelden omdat het ingewikkeld is. Vader heeft inmiddels een huurachterstand.", "SVDU", "UWV", []),
        ],
    },
    {
        "key": "bijstand-giften-boodschappen",
        "held_out": True,
        "source": "nhnieuws.nl en stimulansz.nl over de terugvordering van bijstand wegens boodschappen van een moeder (2020-2022)",
        "signals": [
            ("Bijstand teruggevorderd omdat moeder wekelijks boodschappen bracht", "Mevrouw kreeg elke week een tas met brood, eieren en koffie van haar moeder. De gemeente ziet dat als inkomen en vordert duizenden euro's uitkering terug, met een boete erbij.", "GEM-BL", "GEM", ["BWBR0015703"]),
            ("Hulp van familie in natura gekort op de uitkering", "Een broer betaalt af en toe de energierekening van zijn zus die van een uitkering leeft. Bij een heronderzoek telt de sociale dienst dat als middelen en verlaagt haar bijstand met terugwerkende kracht.", "SZW-PT", "SZW", []),
            ("Gift van een paar tientjes leidt tot schending inlichtingenplicht", "Een oudere man kreeg van zijn kinderen geld voor een nieuwe wasmachine. Hij wist niet dat hij dat moest melden. De gemeente spreekt van fraude en eist het bedrag terug.", "NO", "NO", []),
            ("Geen ruimte voor cadeaus als je in de bijstand zit", "Wie een bijstandsuitkering heeft, moet elke ondersteuning van vrienden of familie opgeven, ook kleding voor de kinderen. Bij het niet melden volgen terugbetaling en een sanctie. Mensen durven daardoor geen hulp meer aan te nemen.", "IR-CC", "IR", []),
            ("Schenking voor schoolspullen van de kinderen verrekend", "Een oma gaf haar kleinkinderen geld voor een laptop voor school. De gemeente rekende het bedrag af van de uitkering van de moeder, die nu een vordering heeft.", "GEM-BL", "GEM", []),
            ("Terugvordering levensonderhoud door ondersteuning vanuit het netwerk", "Cliënten die structureel eten krijgen van de buren of de kerk lopen het risico dat hun uitkering wordt herzien. De besparing wordt geschat met Nibud-bedragen en moet met terugwerkende kracht worden terugbetaald.", "SVDU", "UWV", []),
            ("Hulp van ouders aan dochter in de bijstand als inkomen behandeld", "Een jonge moeder kreeg van haar ouders boodschappen en luiers. De sociale recherche vond dat bij een huisbezoek en haar bijstand werd over drie jaar herzien. Ze moet nu maandelijks aflossen.", "IC", "BZK", []),
        ],
    },
    {
        "key": "uitwonendenbeurs-controle",
        "held_out": True,
        "source": "duo.nl (controle uitwonendenbeurs; herstel na huisbezoeken 2012-2023); akoost.nl; punt.avans.nl",
        "signals": [
            ("Studiebeurs met terugwerkende kracht omgezet naar thuiswonend", "Na een huisbezoek concludeerde een controleur dat een student niet op zijn kameradres woonde, omdat hij er die ochtend niet was. DUO zette zijn beurs om en hij moet vierduizend euro terugbetalen plus een boete.", "IR-CC", "IR", ["BWBR0011453"]),
            ("Huisbezoek DUO treft student niet thuis: beurs kwijt", "Een studente logeerde een week bij haar zieke moeder. Juist toen stond een controleur van DUO voor de deur. Haar aanvullende toelage voor uitwonenden werd stopgezet en het verschil wordt teruggevorderd.", "GEM-BL", "GEM", []),
            ("Student met weinig spullen op kamer als fraudeur gezien", "Omdat er weinig kleding in de kast lag, vond het controlebureau dat de jongen feitelijk bij zijn ouders woonde. Hij studeert in een andere stad en heeft een huurcontract, maar kreeg toch een bestuurlijke boete.", "NO", "NO", []),
            ("Risicoprofiel selecteert vooral studenten dicht bij ouders", "Studenten met een migratieachtergrond die in dezelfde stad als hun ouders op kamers wonen, werden vaker gecontroleerd op hun woonsituatie. Velen moesten hun uitwonende beurs terugbetalen en kregen een boete van de helft van het bedrag.", "IC", "BZK", []),
            ("Terugvordering basisbeurs na buurtonderzoek", "Een buurman verklaarde de student zelden te zien. DUO stelde daarop vast dat hij niet op het inschrijfadres woonde en vorderde de beurs over twee jaar terug. Bezwaar duurde een jaar, waarin hij flink in de schulden raakte.", "SZW-PT", "DUO", []),
            ("Beurs voor uitwonenden ingetrokken terwijl student echt zelfstandig woont", "Mijn cliënt staat ingeschreven op zijn studentenkamer en betaalt daar huur, maar de controle oordeelde anders na een bezoek waarbij hij op stage was. Het verschil tussen uit- en thuiswonend moet hij nu terugbetalen.", "UWV-MW", "UWV", []),
        ],
    },
    {
        "key": "zorgtoeslag-inkomen-hoger",
        "held_out": True,
        "source": "blikopnieuws.nl / ZorgKiezer-onderzoek (2025): 40% moest zorgtoeslag terugbetalen, meestal door een hoger inkomen dan geschat",
        "signals": [
            ("Zorgtoeslag terugbetalen na een paar extra diensten", "Een verzorgende werkte in december een aantal extra diensten. Daardoor kwam haar jaarinkomen boven de grens en moet ze de zorgtoeslag van het hele jaar terugbetalen, bijna 1.500 euro.", "BD-LRH", "TSL", ["BWBR0018451"]),
            ("Jaarinkomen hoger dan geschat: hele toeslag voor de zorgpremie terug", "Mensen schatten aan het begin van het jaar hun inkomen, maar met een flexbaan weet je dat niet. Achteraf blijkt het iets hoger en vordert de Dienst Toeslagen de tegemoetkoming in de premie terug.", "IR-CC", "IR", []),
            ("Nabetaling loon maakt zorgtoeslag met terugwerkende kracht ongedaan", "Meneer kreeg een nabetaling van achterstallig salaris van zijn werkgever. Dat telt mee in het jaar van uitbetaling, waardoor zijn toetsingsinkomen te hoog werd en hij de zorgtoeslag moet terugstorten.", "GEM-BL", "GEM", []),
            ("Onverwachte terugvordering zorgtoeslag leidt tot stress en schulden", "Twee derde van de mensen die zorgtoeslag moeten terugbetalen ziet het niet aankomen. Bij ons spreekuur komen huishoudens die een vordering van honderden euro's niet in één keer kunnen betalen.", "SZW-PT", "GEM", []),
            ("Vakantiegeld en eenmalige uitkering duwen inkomen over de toeslaggrens", "Een alleenstaande met een inkomen vlak onder de grens kreeg een eenmalige bonus. Het gevolg: geen recht meer op zorgtoeslag over dat jaar en een terugvordering die veel hoger is dan de bonus.", "NO", "NO", []),
            ("Inkomen van toeslagpartner pas achteraf bekend", "Een vrouw gaf het inkomen van haar partner zo goed mogelijk op. Hij verdiende meer door overwerk, en na de definitieve berekening moet het gezin de zorgtoeslag en de huurtoeslag terugbetalen.", "SVDU", "UWV", []),
            ("Definitieve berekening zorgtoeslag jaren later valt hoog uit", "Pas drie jaar later stelde de Belastingdienst het inkomen vast. De zorgtoeslag over dat jaar werd op nul gezet en meneer moet ruim 2.000 euro terugbetalen, terwijl hij nu van een uitkering leeft.", "IC", "BZK", []),
        ],
    },
    {
        "key": "herstel-toeslagen-wachten",
        "held_out": False,
        "source": "Nationale ombudsman, 'Klacht gegrond, maar geen oplossing' (2021), via trouw.nl en nhnieuws.nl",
        "signals": [
            ("Gedupeerde ouder wacht al anderhalf jaar op integrale beoordeling", "Moeder is gedupeerd in de kinderopvangtoeslagaffaire en kreeg 30.000 euro, maar de volledige beoordeling van haar dossier laat op zich wachten. Niemand kan haar zeggen wanneer het aan de beurt is.", "BD-LRH", "TSL", ["BWBR0047436"]),
            ("Beslistermijn hersteloperatie toeslagen ruim overschreden", "De wettelijke termijn om over het herstelverzoek te beslissen is verstreken. Een klacht bij de uitvoeringsorganisatie wordt gegrond verklaard, maar dat versnelt niets.", "NO", "NO", []),
            ("Deurwaarders terwijl ouders wachten op compensatie", "Ouders die nog op hun schadevergoeding wachten, krijgen intussen te maken met incasso en beslag. Het herstel van de toeslagenaffaire duurt zo lang dat hun schulden verder oplopen.", "GEM-BL", "GEM", []),
            ("Geen planning voor behandeling herstelverzoek", "Een vader belt elke maand met het serviceteam maar krijgt geen datum te horen. De onzekerheid over zijn dossier bij UHT maakt dat hij niet aan zijn toekomst kan bouwen.", "IR-CC", "IR", []),
            ("Hersteloperatie te ingewikkeld voor gedupeerden", "Het systeem voor het compenseren van ouders is zo complex dat zij vastlopen. Er zijn meerdere routes en loketten, en de behandeltijden lopen voor duizenden ouders over de wettelijke termijn heen.", "SZW-PT", "UHT", []),
            ("Klacht over trage afhandeling schadevergoeding kinderopvangtoeslag", "Na twee jaar is er nog altijd geen besluit over de aanvullende compensatie. De ouder voelt zich opnieuw in de steek gelaten door dezelfde overheid die de ellende veroorzaakte.", "IC", "BZK", []),
            ("Ouders in afwachting van herstel kunnen nergens terecht", "Ons wijkteam begeleidt gezinnen die al lang wachten op de uitkomst van hun herstelprocedure. Er is geen zicht op wanneer ze geholpen worden, en dat zorgt voor spanning en frustratie in huis.", "SVDU", "UWV", []),
        ],
    },
    {
        "key": "jongeren-bijstand-onder-21",
        "held_out": False,
        "source": "gemeente.nu, 'Ombudsman onderzoekt effect bijstandsbeleid op jongeren' (2021)",
        "signals": [
            ("Jongere van 19 krijgt maar 250 euro bijstand", "Een meisje van 19 dat niet meer thuis kan wonen, krijgt de jongerennorm. Daar kan ze geen kamer van betalen. Haar ouders hebben zelf niets en kunnen niet bijspringen.", "GEM-BL", "GEM", ["BWBR0015703"]),
            ("Lage jongerennorm gaat uit van ouders die kunnen bijdragen", "Voor jongeren tot 21 is de bijstand veel lager, omdat de ouders onderhoudsplichtig zijn. Als het contact met de ouders verbroken is, komt de jongere in de problemen en dreigt dakloosheid.", "NO", "NO", []),
            ("Aanvullende bijstand voor 18-jarige onbekend bij jongeren", "Jongeren weten niet dat de gemeente hun lage uitkering kan aanvullen als ouders niet betalen. Niemand wijst hen erop, en ze bouwen schulden op bij hun telefoonabonnement en zorgverzekering.", "SZW-PT", "SZW", []),
            ("Twintigjarige zonder steun ouders kan niet rondkomen van uitkering", "Een jongen uit de jeugdzorg heeft geen contact met zijn vader en moeder. Toch gaat de sociale dienst uit van hun onderhoudsplicht en krijgt hij een uitkering waar hij de huur niet van kan betalen.", "IR-CC", "IR", []),
            ("Onderhoudsplicht ouders botst met werkelijkheid van jonge bijstandsaanvrager", "Volgens de regels moeten ouders bijdragen aan het levensonderhoud van hun kind tot 21 jaar. In de praktijk zijn deze ouders zelf arm of uit beeld, en blijft het kind met een te laag bedrag zitten.", "IC", "BZK", []),
            ("Jongerennorm bijstand te laag voor zelfstandig wonen", "Een zwangere 20-jarige moet van de lage bijstandsnorm voor jongeren een woning, energie en boodschappen betalen. Ze heeft na een maand al een achterstand.", "UWV-MW", "UWV", []),
        ],
    },
    # ---- held out: written together with the groups above, never used for tuning ----
    {
        "key": "inburgering-wachtlijst-boete",
        "held_out": True,
        "signals": [
            ("Boete inburgering terwijl taalschool vol zat", "Mevrouw kon maandenlang niet starten met haar taalcursus omdat er bij geen enkele school plek was. Nu krijgt ze van DUO een boete omdat ze niet op tijd is ingeburgerd.", "GEM-BL", "GEM", ["BWBR0044770"]),
            ("Inburgeringstermijn verlopen door wachtlijst", "Door wachtlijsten bij de taalaanbieders begint een groep statushouders pas een jaar na aankomst met lessen. De termijn om in te burgeren loopt gewoon door en er dreigen boetes.", "SZW-PT", "SZW", []),
            ("Geen plek bij cursus, wel sanctie", "Een inburgeraar meldde zich drie keer aan bij een taalinstituut maar werd telkens op de wachtlijst gezet. Toch ligt de verantwoordelijkheid voor het halen van de termijn volgens de regels bij hem. Hij heeft nu een bestuurlijke boete.", "NO", "NO", []),
            ("Verlenging inburgeringstermijn geweigerd bij capaciteitstekort", "De gemeente kon geen lesplek regelen. DUO weigert de termijn te verlengen omdat de inburgeraar zelf niet ziek was of geen andere geldige reden had.", "IR-CC", "IR", []),
            ("Statushouder beboet voor vertraging die hij niet veroorzaakte", "Het taaltraject begon pas na tien maanden omdat er geen docenten waren. Bij het verstrijken van de termijn volgde een boete van honderden euro's, die hij van zijn bijstand moet betalen.", "GEM-BL", "GEM", []),
            ("Lesplekken ontbreken maar de inburgeringsplicht telt door", "Nieuwkomers in kleine gemeenten wachten lang op een plaats in de les. Het systeem straft de nieuwkomer af voor een tekort aan aanbod, terwijl hij niets kan doen.", "IC", "BZK", []),
            ("Te laat ingeburgerd door wachttijd bij taalaanbieder", "Een vader van vier kon pas na acht maanden beginnen met Nederlandse les. Hij is daardoor over zijn termijn heen gegaan en heeft een brief gekregen dat hij een boete krijgt.", "UWV-MW", "UWV", []),
        ],
    },
    {
        "key": "aow-terugvordering-overlijden",
        "held_out": True,
        "signals": [
            ("SVB vordert AOW terug van weduwe na overlijden man", "Na het overlijden van haar man kreeg mevrouw een brief dat de AOW over de rest van de maand te veel is betaald en terug moet. Ze moest dat in de week van de begrafenis regelen.", "GEM-BL", "GEM", ["BWBR0002221"]),
            ("Nabestaanden moeten ouderdomspensioen terugstorten", "Kinderen van een overleden vader kregen binnen twee weken een terugvordering van de Sociale Verzekeringsbank voor de te veel ontvangen ouderdomsuitkering. De nalatenschap was nog niet eens afgewikkeld.", "IR-CC", "IR", []),
            ("Terugbetalen van uitkering na sterfgeval voelt kil", "Wij krijgen aan de balie vaak nabestaanden die een vordering van de SVB hebben ontvangen omdat de AOW over de dagen na het overlijden nog was uitbetaald. Het bedrag is klein, de brief is hard.", "SZW-PT", "SZW", []),
            ("Brief over te veel betaalde AOW direct na overlijden", "De weduwnaar kreeg een vordering omdat de AOW van zijn vrouw voor de hele maand was overgemaakt. Hij wist niet dat hij dat moest terugbetalen en zijn eigen AOW wordt ook nog omgezet naar het bedrag voor een alleenstaande.", "NO", "NO", []),
            ("Ouderdomsuitkering na overlijden teruggevraagd van de erfgenamen", "De erfgenamen moeten de AOW over de periode na de sterfdatum terugbetalen, ook als de rekening al is opgeheven en er niets is geërfd. Dit leidt tot schulden bij mensen die in rouw zijn.", "SVB-KB", "SVB", []),
            ("Hard handelen van SVB na het overlijden van een AOW-gerechtigde", "Binnen enkele dagen na het overlijden van haar moeder ontving een dochter een betalingsverzoek voor de onterecht betaalde AOW. Er was geen ruimte voor een betalingsregeling of uitstel.", "IC", "BZK", []),
            ("Nabetaling en terugvordering AOW door elkaar na sterfgeval", "Na het overlijden van zijn partner kreeg meneer tegelijk een terugvordering van haar AOW en een verlaging van zijn eigen AOW. Hij begreep niet wat er gebeurde en betaalde te veel.", "GEM-BL", "GEM", []),
            ("Geld terug naar SVB terwijl de uitvaart nog betaald moet worden", "Een zoon moest de AOW van zijn overleden vader terugbetalen op hetzelfde moment dat de uitvaartkosten kwamen. De vordering had best kunnen wachten tot de erfenis was afgewikkeld.", "UWV-MW", "UWV", []),
        ],
    },
    {
        "key": "jeugd-ggz-wachtlijst",
        "held_out": True,
        "signals": [
            ("Maandenlang wachten op jeugd-ggz", "Een meisje van 14 met een angststoornis staat al negen maanden op de wachtlijst voor behandeling. Ze gaat niet meer naar school.", "GEM-BL", "GEM", ["BWBR0034925"]),
            ("Kinderen met psychische klachten krijgen geen hulp door wachttijden", "In onze regio is de wachttijd voor specialistische jeugdhulp opgelopen tot meer dan een jaar. Ouders zien hun kind achteruitgaan en kunnen nergens terecht.", "SZW-PT", "VWS", []),
            ("Geen behandelplek voor depressieve tiener", "Een jongen met suïcidale gedachten werd doorverwezen naar de jeugdpsychiatrie maar kon pas over vijf maanden terecht. De gemeente zegt geen contracten met ruimte te hebben.", "NO", "NO", []),
            ("Jeugdhulp staat op wachtlijst terwijl problemen verergeren", "De huisarts verwees een kind met trauma door, maar alle gecontracteerde aanbieders hebben een aanmeldstop. De situatie thuis escaleert, er is inmiddels een melding bij Veilig Thuis.", "IR-CC", "IR", []),
            ("Wachtlijst kinder- en jeugdpsychiatrie onaanvaardbaar lang", "Kinderen met autisme en angst wachten ruim een jaar op diagnostiek en behandeling. Scholen kunnen de zorg niet bieden en leerlingen vallen uit.", "IC", "BZK", []),
            ("Thuiszitter door ontbreken van geestelijke zorg voor jongeren", "Een leerling van 12 zit al een half jaar thuis omdat zij wacht op een plek in de geestelijke gezondheidszorg voor jeugd. Overbruggingszorg wordt door de gemeente niet vergoed.", "GEM-BL", "GEM", []),
        ],
    },
    {
        "key": "pgb-inkomen-bijstand",
        "held_out": True,
        "signals": [
            ("Pgb voor zorg aan eigen kind gekort op bijstand", "Moeder verzorgt haar ernstig gehandicapte zoon en wordt daarvoor betaald uit zijn persoonsgebonden budget. De gemeente telt dat bedrag als inkomen en verlaagt haar bijstand.", "GEM-BL", "GEM", ["BWBR0015703", "BWBR0035917"]),
            ("Zorgbudget telt als inkomen voor de uitkering", "Een vader die via het pgb wordt betaald voor de zorg aan zijn dochter houdt er netto niets aan over, omdat de sociale dienst het verrekent met zijn uitkering. Hij zou beter af zijn als hij stopte met zorgen.", "SZW-PT", "SZW", []),
            ("Verrekening pgb-vergoeding mantelzorg met levensonderhoud", "De vergoeding die een familielid uit een persoonsgebonden budget krijgt, wordt volledig met de bijstand verrekend. Daardoor verdwijnt de prikkel om zorg thuis te geven en moet het kind naar een instelling.", "NO", "NO", []),
            ("Ouder verzorgt kind met pgb en verliest uitkering", "Zodra de pgb-betalingen voor de zorg aan haar dochter met een meervoudige beperking binnenkwamen, stopte de gemeente de algemene bijstand. Nu heeft ze een vordering omdat ze het te laat zou hebben gemeld.", "IR-CC", "IR", []),
            ("Samenloop Wlz-budget en Participatiewet benadeelt zorgende ouders", "Wlz-budgethouders die hun ouder of kind verzorgen worden uitbetaald uit het budget, maar die betaling wordt in de bijstand gezien als inkomsten uit arbeid. De vrijlating is veel te klein.", "IC", "BZK", []),
            ("Mantelzorg via persoonsgebonden budget geen echt inkomen", "Het pgb-geld dat een zus krijgt om haar broer met dementie te verzorgen, wordt door de gemeente afgetrokken van haar uitkering. Zij kan geen ander werk doen omdat de zorg dag en nacht doorgaat.", "GEM-BL", "GEM", []),
            ("Gemeente verrekent betaling uit zorgbudget met bijstand", "Een moeder met een bijstandsuitkering is zorgverlener van haar autistische zoon via het pgb. Ze moet elke maand de pgb-betaling opgeven en krijgt evenveel minder bijstand.", "SZW-PT", "GEM", []),
        ],
    },
    {
        "key": "kwijtschelding-auto",
        "held_out": True,
        "signals": [
            ("Kwijtschelding afvalstoffenheffing geweigerd vanwege auto", "Meneer heeft een oude auto die hij nodig heeft om naar zijn werk in ploegendienst te komen. Omdat de auto meer waard is dan de grens, krijgt hij geen kwijtschelding van de gemeentelijke belastingen.", "GEM-BL", "GEM", ["BWBR0004770"]),
            ("Auto telt als vermogen bij kwijtschelding waterschapsbelasting", "Een vrouw met een bijstandsuitkering en een auto voor haar gehandicapte kind krijgt geen kwijtschelding van de waterschapslasten, omdat de auto als vermogen wordt gezien.", "SZW-PT", "SZW", []),
            ("Geen kwijtschelding gemeentelijke heffingen door waarde auto", "Minima die een auto hebben omdat er geen openbaar vervoer is, moeten de rioolheffing en afvalstoffenheffing volledig betalen. De kwijtscheldingsregels kijken alleen naar de waarde van de auto.", "NO", "NO", []),
            ("Ouderen op het platteland betalen lokale belastingen door hun auto", "Aan de balie horen we dat kwijtschelding van lokale lasten wordt afgewezen als de auto meer dan een paar duizend euro waard is. Op het platteland is een auto geen luxe.", "GEM-BL", "GEM", []),
            ("Kwijtscheldingsnorm houdt geen rekening met noodzakelijke auto", "De landelijke normen voor kwijtschelding tellen een auto mee als vermogen, behalve bij een beperking. Werknemers met onregelmatige diensten vallen daardoor buiten de regeling.", "IC", "BZK", []),
            ("Afwijzing kwijtschelding: auto moet eerst verkocht", "Een alleenstaande moeder kreeg het advies haar auto te verkopen om de aanslag gemeentelijke belastingen te kunnen betalen. Zonder auto kan zij haar werk en de opvang van de kinderen niet combineren.", "IR-CC", "IR", []),
        ],
    },
]

# ---- noise: unrelated signals across all ministries, generated from varied parts ----

_NOISE_TOPICS: list[tuple[str, str, list[str], list[str]]] = [
    # (ministry hint, regulation code, subjects, problems)
    ("SZW", "BWBR0015703", ["Een bijstandsgerechtigde", "Een jonge moeder in de bijstand", "Een oudere werkzoekende"], ["moet een re-integratietraject volgen dat niet past bij zijn scholing", "krijgt geen vergoeding voor de reiskosten naar het werkleerbedrijf", "mag geen vrijwilligerswerk doen zonder toestemming", "moet elke maand een formulier met bankafschriften inleveren", "moet een auto verkopen die nodig is voor het werk", "krijgt een tegenprestatie opgelegd die haar gezondheid schaadt"]),
    ("SZW", "BWBR0004045", ["Een werkloze bouwvakker", "Een vrouw met een WW-uitkering", "Een ontslagen magazijnmedewerker"], ["moet solliciteren op functies ver onder zijn niveau", "mag geen opleiding volgen met behoud van uitkering", "moet verplicht een werkmap bijhouden in een onduidelijke app", "wordt niet geholpen met omscholing naar een tekortberoep", "moet een gesprek voeren in een taal die hij slecht spreekt"]),
    ("SZW", "BWBR0019057", ["Een man met rugklachten", "Een vrouw met long covid", "Een werknemer met een burn-out"], ["wordt na de keuring volledig arbeidsgeschikt verklaard terwijl hij niet kan werken", "moet jaren wachten op een claimbeoordeling", "krijgt een lagere uitkering door een fout in het arbeidsverleden", "moet zelf een bedrijfsarts zoeken na faillissement van de werkgever"]),
    ("SZW", "BWBR0002368", ["Een gescheiden vader", "Een pleegouder", "Een gezin met een kind in het buitenland"], ["krijgt de kinderbijslag pas een kwartaal later", "moet ingewikkelde formulieren over het onderhoud invullen", "krijgt geen bijslag voor een kind dat tijdelijk in een instelling woont"]),
    ("FIN", "BWBR0018472", ["Een huishouden met wisselend inkomen", "Een zzp'er met een toeslag", "Een ouder na een scheiding"], ["krijgt de definitieve berekening pas drie jaar later", "ziet de voorlopige toeslag maandelijks veranderen zonder uitleg", "moet een nieuwe partner direct doorgeven terwijl de relatie nog onzeker is"]),
    ("FIN", "BWBR0002320", ["Een ondernemer", "Een gepensioneerde met een klein vermogen", "Een erfgenaam"], ["krijgt een navorderingsaanslag over jaren terug", "moet heffingsrente betalen over een aanslag die te laat kwam", "kan geen uitstel van betaling krijgen zonder zekerheid", "krijgt geen antwoord op een bezwaarschrift binnen een jaar"]),
    ("FIN", "BWBR0006324", ["Een gehandicapte automobilist", "Een klusjesman met een bestelbus"], ["betaalt motorrijtuigenbelasting over een aangepaste bus", "krijgt een naheffing voor een auto die al gesloopt was"]),
    ("VWS", "BWBR0035917", ["Een oudere met dementie", "Een jongvolwassene met een beperking", "Een echtpaar in een verpleeghuis"], ["moet een eigen bijdrage betalen die hoger is dan het pensioen", "wacht maanden op een indicatie van het CIZ", "krijgt geen zorg thuis omdat de kosten te hoog zijn"]),
    ("VWS", "BWBR0018450", ["Een chronisch zieke", "Een verzekerde met een betalingsachterstand", "Een student uit het buitenland"], ["krijgt geen vergoeding voor een noodzakelijk hulpmiddel", "moet elk jaar opnieuw een machtiging aanvragen voor dezelfde medicijnen", "kan niet overstappen van zorgverzekeraar door een achterstand", "moet ver reizen naar een gecontracteerde fysiotherapeut"]),
    ("VWS", "BWBR0034925", ["Een pleegjongere", "Een gezin met een kind met autisme"], ["moet per jaar een nieuwe beschikking aanvragen", "krijgt de reiskosten naar de dagbehandeling niet vergoed"]),
    ("OCW", "BWBR0011453", ["Een mbo-student", "Een student met een beperking", "Een student die mantelzorger is"], ["verliest het studentenreisproduct bij een tussenjaar", "krijgt geen extra tijd voor de prestatiebeurs", "moet de volledige lening terugbetalen na het stoppen met de opleiding"]),
    ("JENV", "BWBR0011823", ["Een asielzoeker met werk", "Een arbeidsmigrant", "Een gezin met een verblijfsvergunning"], ["mag niet meer dan 24 weken per jaar werken", "wacht anderhalf jaar op een beslissing op de asielaanvraag", "krijgt geen bsn waardoor een baan niet kan beginnen", "mag de kinderen niet laten overkomen voor een bruiloft"]),
    ("JENV", "BWBR0004581", ["Een bezorger", "Een oudere automobilist", "Een jongere met een scooter"], ["krijgt een verhoging van de boete omdat de acceptgiro niet aankwam", "kan geen beroep instellen zonder eerst de boete te betalen", "krijgt boetes op kenteken van een verkochte auto"]),
    ("JENV", "BWBR0001860", ["Een schuldenaar in de Wsnp", "Een ex-ondernemer"], ["mag geen spaargeld opbouwen voor een nieuwe koelkast", "moet drie jaar rondkomen van een te laag leefgeld"]),
    ("BZK", "BWBR0033715", ["Een vrouw in de vrouwenopvang", "Een arbeidsmigrant in een pension", "Een student op kamers"], ["kan zich niet inschrijven op het adres waar ze echt woont", "wordt uitgeschreven na een adresonderzoek zonder bericht", "heeft een geheim adres nodig maar de regels zijn onduidelijk", "krijgt post van instanties op een adres waar hij al jaren niet woont"]),
    ("BZK", "BWBR0037885", ["Een boer met een mantelzorgwoning", "Een huiseigenaar met zonnepanelen"], ["krijgt geen vergunning voor een aanbouw voor zijn zieke vader", "moet leges betalen voor een kleine verbouwing"]),
    ("BZK", "BWBR0035303", ["Een gescheiden vader", "Een jongere uit de jeugdzorg", "Een statushouder"], ["komt niet in aanmerking voor een sociale huurwoning door inkomenseisen", "moet acht jaar wachten op een woning", "krijgt geen voorrang ondanks een medische indicatie", "mag niet samen met een vriend een woning huren"]),
    ("IENW", "BWBR0006622", ["Een diabetespatiënt", "Een oudere met een scootmobiel"], ["moet elk jaar opnieuw een medische keuring voor het rijbewijs", "mag niet op het fietspad rijden met een aangepast voertuig", "moet de keuring zelf betalen van een klein pensioen"]),
    ("EZK", "BWBR0021777", ["Een zzp'er met een webwinkel", "Een startende kapper"], ["moet het woonadres openbaar maken in het handelsregister", "betaalt inschrijvingskosten voor een bedrijf dat nog niets verdient"]),
    ("LVVN", "X-WETCOA", ["Een COA-bewoner", "Een statushouder in de opvang"], ["moet eigen bijdrage betalen voor de opvang na het vinden van werk", "mag geen bezoek ontvangen van familie"]),
    ("SZW", "BWBR0044770", ["Een inburgeraar met kinderen", "Een oudere nieuwkomer"], ["moet examens in een stad ver weg afleggen", "krijgt geen kinderopvang tijdens de taalles"]),
    ("SZW", "BWBR0020809", ["Een gescheiden vrouw", "Een werknemer met een kleine pensioenaanspraak"], ["krijgt haar deel van het partnerpensioen niet", "verliest opgebouwd pensioen bij waardeoverdracht"]),
    ("SZW", "X-WGS", ["Een gezin met schulden", "Een jongere met een studieschuld"], ["wordt afgewezen voor schuldhulp door een nieuwe schuld", "moet eerst alle brieven ordenen voordat er hulp komt", "krijgt geen budgetbeheer omdat de schuld te klein is"]),
    ("VWS", "BWBR0035362", ["Een rolstoelgebruiker", "Een oudere die alleen woont"], ["moet een eigen bijdrage betalen voor een scootmobiel", "krijgt een traplift pas na een jaar wachten", "krijgt minder uren begeleiding na een herindicatie", "moet een rolstoel delen met een huisgenoot"]),
]

#: near misses: the same regulation (or the same consequence) as a planted group, a different problem;
#: each is its own problem, so a proposal that absorbs one has absorbed noise
NEAR_MISSES: list[tuple[str, str, list[str]]] = [
    ("Huurtoeslag aanvragen lukt oudere niet zonder DigiD", "Een man van 84 heeft geen DigiD en geen computer. Voor de aanvraag van huurtoeslag moet hij iemand machtigen, maar dat loopt vast op de telefoonlijn.", ["BWBR0008659"]),
    ("Geen huurtoeslag voor bewoner van een woonboot", "Mevrouw huurt een ligplaats met een woonboot. Omdat dat volgens de regels geen zelfstandige woonruimte is, komt zij niet in aanmerking voor toeslag op de woonlasten.", ["BWBR0008659"]),
    ("Inkomen van inwonende student telt mee voor huurtoeslag", "Het bijbaantje van de 23-jarige dochter wordt opgeteld bij het huishoudinkomen, waardoor de toeslag van haar moeder lager uitvalt.", ["BWBR0008659"]),
    ("Vakantiegeld verrekend met WW-uitkering onduidelijk", "Een werkloze snapt niet waarom zijn eerste betaling na de zomer lager is. UWV legt in een brief uit dat vakantiegeld is ingehouden, maar de berekening staat er niet bij.", ["BWBR0004045"]),
    ("WW'er mag geen cursus volgen voor nieuw vak", "Een vrachtwagenchauffeur met rugklachten wil een opleiding tot planner volgen, maar dan verliest hij volgens UWV zijn uitkering omdat hij niet beschikbaar is.", ["BWBR0004045"]),
    ("Kinderopvangtoeslag voor studerende ouder onbekend bij gemeente", "Een moeder die een mbo-opleiding volgt, wist niet dat zij ook recht heeft op een bijdrage in de opvangkosten. De gemeente heeft haar daar nooit op gewezen.", ["BWBR0017017"]),
    ("Wachttijd voor aangepaste rolstoel via Wmo te lang", "Een vrouw met MS wacht al vijf maanden op een passende rolstoel. De leverancier en de gemeente wijzen naar elkaar.", ["BWBR0035362"]),
    ("Abonnementstarief Wmo ook voor mensen met hoog vermogen", "Iedereen betaalt dezelfde lage eigen bijdrage voor Wmo-hulp. Wijkteams zien dat de vraag daardoor sterk stijgt en de wachtlijsten voor de zwaarste gevallen groeien.", ["BWBR0035362"]),
    ("Bijverdienste uit maaltijdbezorging niet gemeld: bijstand terug", "Een man bezorgde twee maanden maaltijden en gaf dat niet op, omdat hij dacht dat het onder de vrijlating viel. De gemeente herziet zijn uitkering en legt een boete op.", ["BWBR0015703"]),
    ("Bijstand geweigerd door spaargeld voor uitvaart", "Een weduwe heeft 9.000 euro gespaard voor haar eigen begrafenis. Omdat dat boven de vermogensgrens ligt, krijgt zij geen algemene bijstand.", ["BWBR0015703"]),
    ("Huisbezoek wegens vermoeden van samenwonen", "Na een anonieme tip kwam de sociale recherche onaangekondigd langs om te kijken of er een partner woont. Mevrouw voelde zich vernederd; er bleek niets aan de hand.", ["BWBR0015703"]),
    ("Verhaal van bijstand op ex-partner stuit op onvindbaar adres", "De gemeente wil alimentatie verhalen op de vader van de kinderen, maar zolang dat loopt, wordt de uitkering van de moeder verlaagd met een bedrag dat zij niet ontvangt.", ["BWBR0015703"]),
    ("Bronheffing zorgpremie voor wanbetaler drukt leefgeld", "Een man met schulden staat in de wanbetalersregeling. Het CAK houdt de premie in op zijn uitkering, waardoor er te weinig overblijft voor boodschappen.", ["BWBR0018450"]),
    ("Dakloze kan geen zorgtoeslag aanvragen zonder postadres", "Zonder briefadres kan een man zonder woning geen toeslag voor zijn zorgpremie krijgen. Hij bouwt een premieachterstand op.", ["BWBR0018451"]),
    ("Zorgtoeslag stopt bij detentie, premie loopt door", "Een gedetineerde verliest zijn toeslag, maar de zorgverzekering wordt niet geschorst. Na zijn vrijlating heeft hij een schuld.", ["BWBR0018451"]),
    ("Prestatiebeurs niet gehaald door ziekte wordt lening", "Een student met een chronische darmziekte haalde haar diploma niet binnen tien jaar. De beurs wordt nu een schuld, omdat de ziekte niet tijdig bij de decaan was gemeld.", ["BWBR0011453"]),
    ("Boete voor te laat stopgezet studentenreisproduct", "Na het afronden van zijn opleiding vergat een jongen zijn ov-product stop te zetten. DUO rekent hem 100 euro per maand als boete.", ["BWBR0011453"]),
    ("Aflossing studieschuld hangt af van inkomen partner", "Een vrouw met een studieschuld moet meer aflossen sinds ze samenwoont, omdat het inkomen van haar partner meetelt bij de draagkracht.", ["BWBR0011453"]),
    ("AOW-gat na verhoging pensioenleeftijd", "Een man met een vroegpensioen kreeg te horen dat zijn AOW drie maanden later ingaat. Tot die tijd heeft hij geen inkomen en moet hij zijn spaargeld opmaken.", ["BWBR0002221"]),
    ("AOW lager door jaren in het buitenland gewoond", "Een vrouw woonde acht jaar in België en krijgt daardoor een korting op haar ouderdomsuitkering. Zij wist niet dat ze zich vrijwillig had kunnen verzekeren.", ["BWBR0002221"]),
    ("Inburgeraar moet DUO-lening terugbetalen na verhuizing", "Een nieuwkomer verhuisde naar een andere gemeente en moest opnieuw beginnen. De lening voor zijn eerste cursus wordt nu teruggevorderd.", ["BWBR0044770"]),
    ("Kwijtschelding afgewezen door spaargeld voor verhuizing", "Een vrouw spaarde voor de verhuizing naar een gelijkvloerse woning. Door dat spaarsaldo krijgt ze geen kwijtschelding van de waterschapsbelasting.", ["BWBR0004770"]),
    ("Kwijtschelding elk jaar opnieuw aanvragen voor AOW'er zonder pensioen", "Een oudere met alleen AOW moet elk jaar opnieuw alle bankafschriften opsturen om kwijtschelding van de gemeentelijke heffingen te krijgen. Hij vergat het een keer en kreeg een aanmaning.", ["BWBR0004770"]),
    ("Ex-partner van gedupeerde ouder valt buiten compensatie", "De vader van de kinderen was destijds toeslagpartner, maar komt niet in aanmerking voor de regeling voor ex-partners omdat hij later uit huis ging.", ["BWBR0047436"]),
    ("Toeslagpartner door inschrijving op hetzelfde adres", "Een vrouw liet een vriend tijdelijk op haar adres inschrijven. Dienst Toeslagen ziet hem als partner en telt zijn inkomen mee.", ["BWBR0018472"]),
    ("Toeslagen stopgezet na tijdelijke verhuizing naar buitenland voor mantelzorg", "Een man verzorgt een half jaar zijn moeder in Portugal. Alle toeslagen zijn stopgezet en herstel na terugkomst duurt maanden.", ["BWBR0018472"]),
    ("Leges paspoort kind te hoog voor gezin met laag inkomen", "Een gezin kan de kosten voor de paspoorten van drie kinderen niet betalen voor een schoolreis naar Duitsland.", []),
    ("Terugvordering kinderbijslag na verhuizing kind naar andere ouder", "Na een scheiding ging de zoon bij zijn vader wonen. De SVB vordert de kinderbijslag van moeder over een kwartaal terug, terwijl zij toen nog voor hem zorgde.", ["BWBR0002368"]),
    ("Boete CJIB verdubbeld na verhuizing", "De boete voor te hard rijden werd naar het oude adres gestuurd. Pas na twee verhogingen hoorde de man ervan.", ["BWBR0004581"]),
    ("Wachttijd UWV voor herbeoordeling arbeidsongeschiktheid", "Een vrouw met een verslechterde gezondheid wacht al negen maanden op een nieuwe keuring. Tot die tijd blijft haar WIA-uitkering te laag.", ["BWBR0019057"]),
    ("Schuldhulp afgewezen na nieuwe kleine schuld", "Een man kreeg een nieuwe telefoonrekening die hij niet betaalde. Daardoor mag hij niet beginnen aan een schuldregeling en lopen de incassokosten op.", ["X-WGS"]),
    ("Wmo-hulp bij het huishouden gestopt na verhuizing naar andere gemeente", "Een vrouw met reuma verhuisde naar haar dochter. De nieuwe gemeente begint een nieuw onderzoek en zij zit maanden zonder hulp.", ["BWBR0035362"]),
    ("Zorgtoeslag aangevraagd voor jongere door ouder geweigerd", "Een moeder wilde namens haar zoon van 18 de zorgtoeslag aanvragen, maar dat kan alleen met zijn eigen DigiD, die hij nog niet heeft.", ["BWBR0018451"]),
    ("Bijstand in het buitenland: geen uitkering voor zieke die in Spanje woont", "Een bijstandsgerechtigde wil bij zijn zus in Spanje gaan wonen om verzorgd te worden. Dan vervalt zijn recht op bijstand, die niet exporteerbaar is.", ["BWBR0015703"]),
    ("Verblijfsvergunning verlopen door wachttijd IND bij verlenging", "Een vrouw vroeg op tijd verlenging aan, maar de IND beslist pas na het verlopen van haar pas. Haar werkgever mag haar intussen niet laten werken.", ["BWBR0011823"]),
    ("AOW-partner verliest toeslag bij opname partner in verpleeghuis", "Nu haar man in het verpleeghuis woont, wordt mevrouw voor de AOW als alleenstaande gezien, maar de eigen bijdrage voor het verpleeghuis is hoog.", ["BWBR0002221"]),
]

#: shipped example signals that describe the problem of a planted group: left out of the noise, since
#: counting them as foreign would punish a proposal for being right
SAME_PROBLEM_IN_DEMO = frozenset(
    {
        "Boodschappen van de kerk gekort op bijstand",
        "Kostendelersnorm door thuiswonende zoon van 21",
        "Zorgtoeslag terugvorderen na te lage inkomensschatting",
        "Uitwonendenbeurs teruggevorderd na controle bij student met partner",
    }
)

_PEOPLE = ["Een alleenstaande man", "Een vrouw van 58", "Een jong gezin", "Een oudere weduwe", "Een man met een licht verstandelijke beperking"]

_CONSEQUENCES = [
    "Daardoor komt het gezin in de problemen.",
    "Het gevolg is dat zij afhaakt en geen hulp meer vraagt.",
    "Dit kost veel tijd en onzekerheid.",
    "Meneer begrijpt de brieven niet en weet niet waar hij terechtkan.",
    "De uitvoering zegt dat de regels geen ruimte geven.",
    "Er is geen loket dat het overzicht heeft.",
    "Mevrouw voelt zich niet serieus genomen.",
    "Hierdoor lopen de vaste lasten op.",
    "",
    "",
]

_OPENINGS = ["", "Aan de balie zagen we deze week het volgende. ", "Uit ons spreekuur: ", "Wij zien dit vaker. ", "Casus: "]

CHANNELS = ["IR-CC", "BD-LRH", "SZW-PT", "UWV-MW", "GEM-BL", "NO", "IC", "UWV-KB", "SVB-KB", "SVDU"]
ORGANISATIONS = {"IR-CC": "IR", "BD-LRH": "BD", "SZW-PT": "GEM", "UWV-MW": "UWV", "GEM-BL": "GEM", "NO": "NO", "IC": "BZK", "UWV-KB": "UWV", "SVB-KB": "SVB", "SVDU": "UWV"}


def _demo_signals() -> list[dict]:
    path = Path(__file__).resolve().parents[2] / "signals" / "data" / "demo_signals.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _sentences(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"(?<=[.!?])\s+", text) if len(p.strip()) > 20]


def noise_signals(count: int, seed: int = 7) -> list[tuple[str, str, str, str, list[str]]]:
    """``count`` unrelated signals (title, description, channel, organisation, regulations):
    the demo signals (each its own problem) and short generated ones (each problem at most six
    times, by different people)."""
    rng = random.Random(seed)
    made: list[tuple[str, str, str, str, list[str]]] = []

    def add(title: str, description: str, regulations: list[str]) -> None:
        channel = rng.choice(CHANNELS)
        made.append((title[:200], description, channel, ORGANISATIONS[channel], regulations))

    for title, description, regulations in NEAR_MISSES:
        add(title, description, regulations)
    demo = _demo_signals()
    for item in demo:
        if item["title"] in SAME_PROBLEM_IN_DEMO:
            continue
        add(item["title"], item["description"], item["regulations"][:1] if rng.random() < 0.5 else [])
    for _ministry, code, subjects, problems in _NOISE_TOPICS:
        for problem in problems:
            for subject in rng.sample(subjects + _PEOPLE, min(len(subjects) + len(_PEOPLE), 6)):
                title = f"{subject.split(' ', 1)[1].capitalize()} {problem.split(' ', 3)[0]} {' '.join(problem.split(' ')[1:4])}"
                description = f"{rng.choice(_OPENINGS)}{subject} {problem}. {rng.choice(_CONSEQUENCES)}".strip()
                add(title, description, [code] if rng.random() < 0.4 else [])
    near, rest = made[: len(NEAR_MISSES)], made[len(NEAR_MISSES) :]
    rng.shuffle(rest)
    if len(made) < count:
        raise ValueError(f"the generator makes at most {len(made)} noise signals")
    # a large sample always holds every near miss; a small one (a quick app test) is plain noise
    made = (near + rest[: count - len(near)]) if count >= 4 * len(near) else rest[:count]
    rng.shuffle(made)
    return made


# ---- sentence embeddings of the corpus, computed once (about a minute of CPU) and shipped ----

VECTORS = Path(__file__).with_name("proposal_vectors.npz")


def corpus_texts(noise: int, seed: int = 7) -> list[str]:
    from signals.proposal_embed import signal_text

    rows = [s for group in GROUPS for s in group["signals"]] + noise_signals(noise, seed=seed)
    return [signal_text(title, description) for title, description, *_ in rows]


def preload_vectors() -> int:
    """Hand the shipped vectors to signals.proposal_embed; returns how many."""
    import numpy as np

    from signals import proposal_embed

    if not VECTORS.exists():
        return 0
    data = np.load(VECTORS)
    known = {key: row.tobytes() for key, row in zip(data["keys"].tolist(), data["vectors"], strict=True)}
    proposal_embed.preload(known)
    return len(known)


def write_vectors(noise: int) -> None:
    import numpy as np

    from signals import proposal_embed

    texts = sorted(set(corpus_texts(noise)))
    vectors = proposal_embed.embed(texts)
    packed = np.frombuffer(b"".join(proposal_embed.pack(v) for v in vectors), dtype=np.int8).reshape(len(texts), proposal_embed.DIM)
    np.savez_compressed(VECTORS, keys=np.array([proposal_embed.digest(t) for t in texts]), vectors=packed)
    print(f"{len(texts)} vectors written to {VECTORS}")


if __name__ == "__main__":  # python -m tests.signals.proposal_corpus: recompute the shipped vectors
    write_vectors(520)
