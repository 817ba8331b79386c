"""A fourth set of planted groups, held out (written 2026-12-01, in the sixth round, before any tuning of it).

Twelve problems that neither the planted groups of ``proposal_corpus``, the shipped example signals
(signals/data/demo_signals.json), the corpus's noise and near misses, nor the first two held-out sets
(``proposal_heldout``, ``proposal_heldout_2``) describe, spread over eight ministries (SZW, JenV, FIN,
EZK, IenW, OCW, VWS, BZK). Two are a samenloop of two laws (an inheritance with debts while on
bijstand: Participatiewet and Burgerlijk Wetboek Boek 4; a partner without a residence permit, the
family on half the couple's norm: Vreemdelingenwet and Participatiewet); six name no law in any
wording (the tax authority's fraud blacklist, earthquake damage in Groningen, bus lines cut in
villages, classes sent home for want of teachers, no family doctor taking new patients, foreign
diplomas not recognised). Each in 6-8 wordings in frontline voice - short and long, different
channels, organisations and (in the test) months. The noise is the corpus's unrelated signals, unchanged.

Written from public cases (the ``pages`` search corpus, 2026-12-01); the texts are invented
paraphrases, no personal data, nothing copied:

* erfenis-met-schulden-bijstand: stimulansz.nl "Invloed van het verwerpen van een erfenis door een
  bijstandsgerechtigde" (2022) and "Erfenissen en bijstand" (2022); volkskrant.nl "Wordt je uitkering
  stopgezet of zelfs teruggevorderd als je een erfenis ontvangt" (2021-11)
* partner-zonder-verblijfsrecht-halve-norm: ingeborglunenburg.nl "Niet-rechthebbende partner en
  bijstand" (2015-12); schulinck.nl "Participatiewet: een dubbele bestraffing voor de achterblijvers";
  verblijfblog.nl "financiële problemen ... in gemengdestatusgezinnen"
* fsv-zwarte-lijst-belastingdienst: nos.nl "Circa 8000 mensen op zwarte lijst Belastingdienst liepen
  schuldhulp mis" (2021-12); nrc.nl "Stond je eenmaal op de zwarte lijst ..." (2021-11); nu.nl
  "Fiscus kan voor velen niet achterhalen waarom ze op zwarte lijst stonden" (2021-05)
* groningen-bevingsschade-slepend: nrc.nl "Stress en somberheid door bevingschade in Groningen"
  (2019-05); nhnieuws.nl "Toenemende machteloosheid in aardbevingsgebied Groningen" (2021-02);
  nrc.nl "Gezondheid Groningers verslechterd" (2023-01)
* buslijn-opgeheven-dorp: telegraaf.nl / welingelichtekringen.nl on bus lines and stops cut in the
  north (2023-03); nu.nl "Provincies bezuinigen op ov in landelijk gebied" (2023); decorrespondent.nl
  on the buurtbus in Zeeland
* lerarentekort-klas-naar-huis: nrc.nl "Vierdaagse lesweek mag, maar alleen in geval van nood"
  (2018-09); nos.nl on the AOb and the four-day week (2018-12); nhnieuws.nl (2021-11)
* huisarts-patientenstop: skipr.nl "Ruim twee op de drie huisartsen hebben patiëntenstop" (2023-10);
  omroepbrabant.nl on Tilburg (2025-05); waarmaarraar.nl / AD on a 200 km trip to the old doctor (2023-10)
* tijdelijk-huurcontract-einde: nhnieuws.nl "Komt er een einde aan tijdelijke huurcontracten"
  (2022-09); volkskrant.nl column on temporary contracts (2022-09); huurwoningen.nl on the Wet
  doorstroming huurmarkt
* jeugdbescherming-wachtlijst: inspectie-jenv.nl "Kwetsbare kinderen nog steeds onvoldoende
  beschermd" (2022-05); skipr.nl "Wachtlijsten voor jeugdbescherming worden nog niet korter" (2024-04)
* bezorger-schijnzelfstandig: nhnieuws.nl "Ook Hoge Raad oordeelt: maaltijdbezorgers Deliveroo waren
  geen zzp'ers" (2023-03); telegraaf.nl on the advocate-general's opinion (2022)
* buitenlands-diploma-niet-erkend: idw.nl "Werken" (diplomawaardering, regulated professions);
  grenzinfo.eu "Erkenning diploma's"
* liefdesboete-beperking: nos.nl "Regels belemmeren liefdesleven gehandicapten" (2018-02); ANP /
  Ieder(in) "Regels maken liefde voor mensen met een beperking bijna onmogelijk" (2024-02)

These groups are NOT to be looked at while the grouping is tuned: their figures are the estimate for
unseen problems. Once reported they are seen; write a new set for the next round.
"""

from __future__ import annotations

from pathlib import Path

# (title, description, channel, organisation, named regulations)
HELD_OUT_GROUPS: list[dict] = [
    {
        "key": "erfenis-met-schulden-bijstand",  # samenloop Participatiewet / BW Boek 4
        "signals": [
            ("Bijstandsgerechtigde mag erfenis met schulden niet verwerpen", "De vader van cliënt overleed met een huurachterstand en een lening. Cliënt wilde de nalatenschap verwerpen, maar de gemeente zegt dat hij dat niet mag zonder gevolgen voor zijn uitkering en eist dat hij beneficiair aanvaardt.", "GEM-BL", "GEM", ["BWBR0015703", "BWBR0002761"]),
            ("Griffierecht voor beneficiair aanvaarden niet te betalen", "Om niet met de schulden van haar overleden moeder te blijven zitten, moet een vrouw in de bijstand een verklaring bij de rechtbank laten afleggen. De kosten daarvan heeft ze niet, en de bijzondere bijstand laat maanden op zich wachten.", "NO", "NO", ["BWBR0002761"]),
            ("Bijstand jaren later teruggevorderd na overlijden tweede ouder", "Toen zijn vader overleed kreeg meneer alleen een vordering op zijn moeder. Nu ook zij is overleden, vordert de sociale dienst de bijstand terug tot aan het overlijden van zijn vader, acht jaar geleden. Het erfdeel is daarmee in één keer weg.", "IR-CC", "IR", []),
            ("Uitkering stopgezet omdat erfdeel van ouderlijk huis meetelt", "Een man met een uitkering van de gemeente erft een kwart van het huis van zijn ouders, dat nog niet verkocht is. De gemeente telt zijn aandeel als vermogen en stopt de betaling, terwijl hij geen euro op zijn rekening heeft.", "SZW-PT", "GEM", []),
            ("Nalatenschap: cliënt wist niet dat hij het overlijden moest melden", "Cliënt gaf niet door dat zijn tante was overleden, omdat hij dacht dat er niets te erven viel. De gemeente legde een boete op wegens het niet melden van een erfenis.", "UWV-MW", "UWV", []),
            ("Erven in de bijstand: afwikkeling duurt lang, gemeente wacht niet", "De boedel van haar vader is na anderhalf jaar nog niet verdeeld, omdat broers en zussen het oneens zijn. De sociale dienst rekent haar het erfdeel nu al toe en schort haar uitkering op. Ze leeft van de voedselbank tot de notaris klaar is.", "SVB-KB", "SVB", []),
            ("Schuldeisers van overleden broer kloppen aan bij bijstandsmoeder", "Een moeder met een minimumuitkering werd erfgenaam van haar broer zonder het te weten. Toen de termijn voorbij was, stonden incassobureaus voor de deur voor zijn schulden. Haar klantmanager had haar nooit gewezen op aanvaarden onder voorrecht van boedelbeschrijving.", "IC", "BZK", []),
        ],
    },
    {
        "key": "partner-zonder-verblijfsrecht-halve-norm",  # samenloop Vreemdelingenwet / Participatiewet
        "signals": [
            ("Gezin moet rondkomen van de helft van de gehuwdennorm", "Een Nederlandse vrouw is getrouwd met een man die nog geen verblijfsvergunning heeft. De gemeente geeft haar maar de helft van de norm voor gehuwden, terwijl het gezin met drie kinderen van dat bedrag moet leven.", "GEM-BL", "GEM", ["BWBR0015703", "BWBR0011823"]),
            ("Partner zonder papieren telt mee maar krijgt niets", "Omdat haar man geen rechtmatig verblijf heeft, is hij een niet-rechthebbende partner. Zijn aanwezigheid verlaagt haar uitkering, maar hij mag niet werken om bij te dragen.", "NO", "NO", []),
            ("Aanvraag gezinsbijstand kan verblijf van partner kosten", "Een moeder durft geen uitkering aan te vragen, omdat de gemeente dan de IND moet inlichten en haar man zijn verblijfsrecht kan verliezen. Intussen lopen de huurschulden op.", "IR-CC", "IR", ["BWBR0011823"]),
            ("Ook toeslagen weg door partner zonder verblijfsvergunning", "De Belastingdienst ziet de man als toeslagpartner, maar omdat hij hier niet rechtmatig verblijft, krijgt het hele huishouden geen huurtoeslag en kindgebonden budget. De vrouw met de Nederlandse nationaliteit betaalt de prijs.", "SZW-PT", "GEM", []),
            ("Gemengd gezin onder het bestaansminimum", "Moeder heeft een verblijfsvergunning, vader niet. Uitkering gekort tot 50 procent van de gezinsnorm. Kinderen gaan zonder ontbijt naar school.", "UWV-KB", "UWV", []),
            ("Echtgenoot wacht op beslissing IND, gezin leeft van halve uitkering", "De verblijfsaanvraag van de man loopt al twee jaar. Zolang er geen beslissing is, krijgt zijn vrouw bijstand voor een halve gehuwde, ook al wonen ze met zijn vieren in één huis.", "IC", "BZK", []),
            ("Halve norm bij partner zonder status ook als hij in het buitenland vastzit", "De man van cliënte zit buiten Nederland, zonder geldige papieren om terug te komen. Toch blijft zij de verlaagde norm voor een gezin met een niet-rechthebbende partner krijgen, terwijl ze geen enkele kosten met hem deelt.", "SVDU", "UWV", []),
        ],
    },
    {
        "key": "fsv-zwarte-lijst-belastingdienst",  # names no law
        "signals": [
            ("Zonder uitleg op zwarte lijst van de Belastingdienst", "Mevrouw kreeg een brief dat zij jarenlang in een fraudesysteem van de fiscus stond. Waarom, weet niemand. In die jaren werd haar verzoek om een betalingsregeling steeds afgewezen.", "BD-LRH", "BD", []),
            ("Schuldsanering geweigerd door registratie als fraudeur", "Een man met belastingschulden werd afgewezen voor een minnelijke schuldregeling, omdat de Belastingdienst hem als 'opzet of grove schuld' had gemarkeerd. Achteraf bleek dat te komen door een tip van een buurman.", "GEM-BL", "GEM", []),
            ("Toeslag stopgezet op de dag van een fraudesignaal", "Wij begeleiden een gezin bij wie de toeslagen zonder onderzoek werden stopgezet, op dezelfde dag dat ze in de fraudesignalering van de fiscus werden opgenomen. Jaren later kregen zij pas te horen dat er nooit iets was vastgesteld.", "IR-CC", "IR", []),
            ("Compensatie voor mensen op de FSV-lijst blijft uit", "Cliënt weet inmiddels dat hij op de lijst stond en dat hij daardoor geen uitstel van betaling kreeg. Over schadevergoeding hoort hij niets; de brief zegt dat het onderzoek nog loopt.", "NO", "NO", []),
            ("Inzageverzoek levert geen reden op", "Een ondernemer vroeg de fiscus waarom hij als mogelijke fraudeur geregistreerd stond. Het antwoord: de reden is 'overig' en niet meer te achterhalen.", "SZW-PT", "GEM", []),
            ("Verscherpt toezicht en boetes na onterechte fraudemarkering", "Een oudere vrouw kreeg jaren achter elkaar extra controles en een vergrijpboete, zonder te weten dat een intern signaal daarvan de oorzaak was. Het vertrouwen in de overheid is bij haar helemaal weg.", "SVB-KB", "SVB", []),
            ("Geen lening of hypotheek door stempel van de fiscus", "Wij horen van mensen die zeggen dat banken en instanties hun aanvragen niet meer behandelen sinds ze bij de Belastingdienst als potentieel fraudeur zijn aangemerkt. Ze kunnen nergens aantonen dat het onterecht was.", "IC", "BZK", []),
        ],
    },
    {
        "key": "groningen-bevingsschade-slepend",  # names no law
        "signals": [
            ("Bevingsschade na zes jaar nog niet hersteld", "Een echtpaar in een dorp bij Loppersum heeft scheuren in alle muren. De schade is vier keer opnieuw opgenomen, maar herstel is nooit begonnen. Meneer slaapt slecht en heeft hartkloppingen.", "GEM-BL", "GEM", []),
            ("Groninger gezin wacht jaren op versterking van de woning", "Het huis moet worden versterkt omdat het bij een zware beving niet veilig is. Elk jaar komt er een nieuw plan en een nieuwe adviseur. De kinderen vragen of het huis instort.", "IC", "BZK", []),
            ("Oudere bewoners melden schade niet meer", "In de wijk spreken wij ouderen met schade aan hun huis die het opgegeven hebben. Elke melding betekent weer experts, rapporten en bezwaar. Ze zeggen dat ze de strijd niet meer aankunnen.", "SZW-PT", "GEM", []),
            ("Psychische klachten door eindeloze schadeprocedure", "Cliënt is arbeidsongeschikt geraakt door stress: al acht jaar procedeert hij over de schade aan zijn boerderij. De arbeidsdeskundige noemt de schadeafhandeling als belangrijkste oorzaak.", "UWV-MW", "UWV", []),
            ("Verschillende instanties, niemand neemt de regie", "Een vrouw met een gescheurde gevel wordt van het schadeloket naar de versterkingsorganisatie en terug gestuurd. Na elke beving begint het opnieuw.", "NO", "NO", []),
            ("Huis onverkoopbaar door aardbevingen, verhuizen naar zorg lukt niet", "Een weduwe van 81 wil naar een aanleunwoning bij haar dochter, maar haar beschadigde huis in het gaswinningsgebied verkoopt niet. De taxatie valt steeds lager uit en de regeling voor opkoop is vol.", "SVB-KB", "SVB", []),
            ("Wantrouwen in overheid groeit na nieuwe beving", "Na de beving van vorige maand bellen bewoners ons in paniek. Ze hebben hun schade uit vorige jaren nog niet vergoed gekregen en verwachten niets meer van Den Haag.", "IR-CC", "IR", []),
        ],
    },
    {
        "key": "buslijn-opgeheven-dorp",  # names no law in any wording
        "signals": [
            ("Laatste buslijn uit het dorp geschrapt", "Sinds de nieuwe dienstregeling rijdt er in ons dorp geen bus meer. Ouderen zonder auto kunnen niet meer naar de supermarkt of de dokter in de stad.", "GEM-BL", "GEM", []),
            ("Scholieren fietsen vijftien kilometer door opgeheven bus", "De streekbus naar de middelbare school is verdwenen omdat hij niet rendabel was. Kinderen fietsen nu in het donker over een provinciale weg, ook in de winter.", "IC", "BZK", []),
            ("Halte verplaatst naar rand van het dorp, te ver voor ouderen", "Een vrouw met een rollator haalt de nieuwe bushalte niet meer, die twee kilometer verderop ligt. Zij zit nu de hele week thuis.", "SVB-KB", "SVB", []),
            ("Werkzoekende kan sollicitatie niet bereiken zonder openbaar vervoer", "Cliënt heeft geen rijbewijs. Nu de buslijn is opgeheven kan hij het bedrijventerrein niet bereiken waar hij een baan kon krijgen. Een taxi is onbetaalbaar.", "UWV-MW", "UWV", []),
            ("Buurtbus met vrijwilligers rijdt niet als chauffeur ziek is", "De vervoerder heeft de lijn overgedragen aan een buurtbus met acht plaatsen. Als er geen vrijwilliger is, rijdt er niets en staan mensen voor niets bij de halte.", "NO", "NO", []),
            ("Verschraling streekvervoer isoleert platteland", "Wij zien in kleine kernen steeds meer eenzaamheid. Na het verdwijnen van de bus kunnen mensen zonder auto niet meer naar het ziekenhuis, de bibliotheek of familie. De provincie zegt dat het om geld gaat.", "SZW-PT", "GEM", []),
            ("Geen bus meer op zondag en 's avonds", "Dienstregeling ingekort: na zes uur 's avonds geen verbinding meer met de stad. Avonddiensten in de zorg zijn zo niet te doen.", "IR-CC", "IR", []),
            ("Mantelzorger kan moeder in verpleeghuis niet meer bezoeken", "Een man van 74 bezocht dagelijks zijn vrouw in het verpleeghuis in het volgende dorp. De busverbinding is opgeheven en de regiotaxi moet een dag van tevoren besteld worden.", "UWV-KB", "UWV", []),
        ],
    },
    {
        "key": "lerarentekort-klas-naar-huis",  # names no law in any wording
        "signals": [
            ("Groep 5 al weken één dag per week naar huis door lerarentekort", "De basisschool heeft geen leerkracht voor groep 5 en stuurt de klas elke vrijdag naar huis. Ouders moeten vrij nemen of opvang regelen.", "GEM-BL", "GEM", []),
            ("Alleenstaande moeder verliest werkuren door vierdaagse schoolweek", "Omdat de school van haar kinderen overstapt op vier dagen les, kan een moeder in de thuiszorg haar vrijdagdienst niet meer draaien. Haar inkomen daalt.", "UWV-MW", "UWV", []),
            ("Klassen verdeeld over andere groepen, kinderen leren niets", "Bij ziekte van een juf worden de leerlingen over andere lokalen verdeeld. Een jongen met dyslexie zit dan de hele dag achterin met een werkblad.", "NO", "NO", []),
            ("Onbevoegde invallers voor de klas", "Op de school van haar dochter staat al een half jaar een onderwijsassistent voor de klas. De achterstand in rekenen groeit, zegt de moeder.", "IC", "BZK", []),
            ("Kinderen naar huis gestuurd, geen opvang mogelijk", "School belt om tien uur dat groep 3 naar huis moet omdat er geen vervanger is. Ouders met vaste diensten kunnen niet weg.", "SZW-PT", "GEM", []),
            ("Achterstanden in achterstandswijk groeien door tekort aan leerkrachten", "Op scholen in onze wijk zijn de vacatures het grootst. Juist de kinderen die het meeste nodig hebben, krijgen het minste les. Wij zien dat terug bij het huiswerkcafé.", "IR-CC", "IR", []),
            ("Noodrooster op basisschool al het hele schooljaar", "De directeur zegt dat het noodrooster met minder lesdagen tijdelijk is, maar het loopt inmiddels het hele jaar. De inspectie laat weten dat de school zelf verantwoordelijk is.", "SVB-KB", "SVB", []),
        ],
    },
    {
        "key": "huisarts-patientenstop",  # names no law in any wording
        "signals": [
            ("Na verhuizing geen huisarts die nieuwe patiënten aanneemt", "Een gezin verhuisde naar een nieuwbouwwijk. Alle praktijken in de buurt hebben een patiëntenstop. Voor een recept moeten ze terug naar hun oude huisarts, tachtig kilometer verderop.", "GEM-BL", "GEM", []),
            ("Chronisch zieke zonder vaste dokter", "Mevrouw heeft diabetes en moet elke drie maanden gecontroleerd worden. Ze staat nergens ingeschreven omdat elke huisartsenpraktijk vol zit, en de huisartsenpost helpt alleen met spoed.", "SVB-KB", "SVB", []),
            ("Zorgverzekeraar bemiddelt maar vindt geen huisarts", "Cliënt vroeg zijn verzekeraar om hulp bij het zoeken naar een huisarts. Na zes weken kreeg hij een lijst met praktijken die allemaal al vol zitten.", "NO", "NO", []),
            ("Statushouder in nieuwe gemeente kan nergens terecht voor zorg", "Een gevluchte vader die net een woning kreeg, vindt geen praktijk die hem inschrijft. Zonder huisarts geen verwijzing voor zijn oorlogstrauma.", "IC", "BZK", []),
            ("Praktijk sluit, honderden patiënten zonder huisarts", "De huisarts in ons dorp ging met pensioen zonder opvolger. Wij krijgen ouderen aan de balie die niet weten waar ze nu naartoe moeten voor hun medicijnen.", "SZW-PT", "GEM", []),
            ("Postcode net buiten het werkgebied van de praktijk", "De praktijk om de hoek neemt alleen patiënten uit bepaalde straten aan. Meneer woont één straat te ver en wordt geweigerd.", "UWV-KB", "UWV", []),
            ("Geen huisarts: ziekmelding kan niet worden onderbouwd", "Een zieke uitzendkracht met een uitkering heeft geen eigen huisarts sinds zijn verhuizing. De verzekeringsarts vraagt om medische informatie die er niet is.", "UWV-MW", "UWV", []),
        ],
    },
    {
        "key": "tijdelijk-huurcontract-einde",
        "signals": [
            ("Tijdelijk huurcontract loopt af, gezin moet eruit", "Een moeder met twee kinderen huurt sinds twee jaar particulier met een tijdelijk contract. De verhuurder heeft aangezegd dat de huur eindigt. Zij vindt niets betaalbaars en heeft geen huurbescherming.", "GEM-BL", "GEM", ["BWBR0005290"]),
            ("Huurder durft niet te klagen over gebreken uit angst voor niet-verlengen", "Huurders met een contract voor bepaalde tijd melden lekkages en te hoge servicekosten niet, want dan krijgen ze geen vast contract. Dat horen wij bij het huurteam elke week.", "IC", "BZK", []),
            ("Steeds opnieuw verhuizen door korte huurcontracten", "Een jongeman heeft in vier jaar op drie adressen gewoond, steeds met een contract van twee jaar. Elke keer opnieuw borg, verhuiskosten en een hogere huur.", "NO", "NO", []),
            ("Verhuurder zet huurder eruit en verhuurt duurder", "Na afloop van het tijdelijke contract moest de huurder vertrekken. Een maand later stond dezelfde woning voor 300 euro meer per maand te huur.", "IR-CC", "IR", []),
            ("Einde huur na twee jaar: dakloosheid dreigt voor oudere", "Een man van 63 met een WW-uitkering krijgt zijn tijdelijke woning niet verlengd. Met zijn inkomen komt hij nergens anders binnen; de gemeente heeft alleen een plek in de nachtopvang.", "UWV-MW", "UWV", []),
            ("Aanzegging einddatum huur zonder alternatief", "Cliënte kreeg de brief dat haar huurovereenkomst over drie maanden eindigt. Kinderen moeten van school wisselen als ze naar een andere stad moet.", "SZW-PT", "GEM", []),
            ("Geen vast adres, geen vaste school: gevolgen van tijdelijke verhuur", "Wij zien gezinnen die na het aflopen van hun tijdelijke huurcontract bij familie op de bank slapen. De kinderen verzuimen en de ouders verliezen hun baan door het reizen.", "SVDU", "UWV", []),
        ],
    },
    {
        "key": "jeugdbescherming-wachtlijst",
        "signals": [
            ("Kind met ondertoezichtstelling heeft geen jeugdbeschermer", "De rechter sprak in maart een ondertoezichtstelling uit voor een meisje van tien. Het is nu september en er is nog steeds geen vaste jeugdbeschermer. Niemand voert de maatregel uit.", "GEM-BL", "GEM", ["BWBR0034925"]),
            ("Wachtlijst bij de gecertificeerde instelling, thuis onveilig", "Veilig Thuis heeft ons gemeld dat een gezin met geweld op de wachtlijst voor jeugdbescherming staat. Wij als wijkteam moeten intussen de veiligheid bewaken zonder bevoegdheid.", "SZW-PT", "GEM", []),
            ("Steeds een andere gezinsvoogd", "In twee jaar heeft een jongen vijf verschillende jeugdbeschermers gehad. Elke keer moet hij zijn verhaal opnieuw doen en er worden afspraken vergeten.", "NO", "NO", []),
            ("Uithuisgeplaatst kind wacht op voogd, ouders weten niets", "Ouders van wie de dochter in een pleeggezin is geplaatst, krijgen al maanden geen contact met de jeugdbescherming. De omgangsregeling staat stil omdat er niemand is die hem regelt.", "IC", "BZK", ["BWBR0002656"]),
            ("Raad voor de Kinderbescherming: onderzoek begint pas na maanden", "Een moeder meldde zorgen over de veiligheid van haar kinderen bij de vader. Het onderzoek van de Raad begint volgens de brief pas na ruim drie maanden.", "IR-CC", "IR", []),
            ("Personeelstekort jeugdbescherming laat kinderen in onveiligheid", "Bij onze instelling wachten meer dan honderd kinderen met een kinderbeschermingsmaatregel op een vaste medewerker. Er wordt alleen ingegrepen als het direct onveilig is.", "SVB-KB", "SVB", []),
            ("Jeugdbeschermer onbereikbaar, hulp voor kind niet aangevraagd", "De hulp die de kinderrechter nodig vond, kan pas beginnen als de jeugdbeschermer die aanvraagt. Die is ziek en er is geen vervanger.", "UWV-MW", "UWV", []),
        ],
    },
    {
        "key": "bezorger-schijnzelfstandig",
        "signals": [
            ("Maaltijdbezorger als zzp'er, geen loon bij ziekte", "Een jonge bezorger brak zijn pols bij een val met de fiets. Omdat het platform hem als zelfstandige ziet, krijgt hij niets doorbetaald en heeft hij geen arbeidsongeschiktheidsverzekering.", "UWV-MW", "UWV", []),
            ("Bezorgers werken onder het minimumloon via app", "Wij spreken bezorgers die per rit worden betaald en met wachttijd in restaurants onder het minimumloon uitkomen. Tarieven worden door een algoritme bepaald; onderhandelen kan niet.", "SZW-PT", "GEM", ["BWBR0002638"]),
            ("Geen WW na stoppen bij bezorgplatform", "Na drie jaar fulltime bezorgen werd het account van een man gedeactiveerd. Hij dacht werknemer te zijn, maar UWV zegt dat hij als zelfstandige geen recht heeft op een uitkering.", "UWV-KB", "UWV", []),
            ("Schijnzelfstandigheid: jongeren moeten zich bij KVK inschrijven om te bezorgen", "Om voor de bezorgapp te mogen werken, moest een student van 18 een eenmanszaak registreren en zelf btw-zaken regelen. Hij begrijpt niet wat dat betekent voor belasting en verzekering.", "GEM-BL", "GEM", ["X-DBA"]),
            ("Ongeluk tijdens rit, niemand aansprakelijk", "Een fietskoerier raakte gewond bij een aanrijding tijdens een bestelling. Het platform verwijst naar zijn eigen verantwoordelijkheid als ondernemer.", "NO", "NO", []),
            ("Bezorger zonder pensioenopbouw en vakantiegeld", "Cliënt werkt al jaren vijf avonden per week voor een bezorgdienst, maar bouwt geen pensioen op en krijgt geen vakantiegeld. Hij kan zich niet laten vervangen en moet het jasje van het bedrijf dragen.", "IR-CC", "IR", []),
            ("Platformwerkers vallen overal buiten", "Bij het spreekuur komen steeds meer mensen die voor apps rijden of bezorgen. Ze hebben geen werkgever, geen vangnet en weten niet waar ze recht op hebben.", "IC", "BZK", []),
        ],
    },
    {
        "key": "buitenlands-diploma-niet-erkend",  # names no law in any wording
        "signals": [
            ("Syrische tandarts werkt als schoonmaker", "Een gevluchte man was twintig jaar tandarts. In Nederland mag hij zijn beroep niet uitoefenen totdat hij een lange en dure toetsing heeft gedaan. Intussen maakt hij kantoren schoon.", "GEM-BL", "GEM", []),
            ("Diplomawaardering komt uit op lager niveau dan verwacht", "Een vrouw met een universitaire graad uit Eritrea kreeg een diplomawaardering op hbo-niveau. Daardoor komt ze niet in aanmerking voor de functie waarop ze solliciteerde.", "UWV-MW", "UWV", []),
            ("Verpleegkundige uit het buitenland mag niet in de zorg werken", "Ondanks het tekort in de zorg kan een ervaren verpleegkundige uit Iran niet aan de slag. De erkenning van haar diploma duurt meer dan een jaar en vraagt documenten die zij niet kan opvragen in haar land.", "NO", "NO", []),
            ("Geen originele papieren, dus geen erkenning", "Cliënt ontvluchtte zijn land zonder diploma's. Zonder originelen wil geen instantie zijn opleiding waarderen. Hij moet helemaal opnieuw beginnen.", "IC", "BZK", []),
            ("Klantmanager stuurt hoogopgeleide vluchteling naar productiewerk", "Een ingenieur uit Oekraïne moet van de sociale dienst elk werk aanvaarden. Zijn buitenlandse opleiding telt niet, omdat er geen waardering is. Hij voelt zich weggezet.", "SZW-PT", "GEM", []),
            ("Kosten diplomawaardering en vertalingen te hoog", "Voor de waardering van haar diploma's moet een nieuwkomer betalen, plus beëdigde vertalingen van alle cijferlijsten. Van haar uitkering kan dat niet.", "SVB-KB", "SVB", []),
            ("Leraar uit Turkije mag niet voor de klas", "Een ervaren wiskundeleraar krijgt geen bevoegdheid in Nederland. Terwijl scholen om docenten springen, werkt hij in een magazijn.", "IR-CC", "IR", []),
        ],
    },
    {
        "key": "liefdesboete-beperking",
        "signals": [
            ("Jongeren met een beperking trouwen niet uit angst voor uitkering", "Een stel met allebei een lichamelijke beperking wil trouwen. Zodra ze samenwonen, telt het inkomen van de een mee voor de ander en zakken ze allebei onder het bestaansminimum.", "UWV-MW", "UWV", ["BWBR0008657"]),
            ("Samenwonen kost vrouw met beperking haar zorg en inkomen", "Als zij bij haar vriend intrekt, verwacht de gemeente dat hij haar verzorgt en het huishouden doet. De thuiszorg wordt afgebouwd en haar eigen bijdrage verdubbelt.", "GEM-BL", "GEM", []),
            ("Eeuwig verloofd: trouwen is financieel onmogelijk", "Een man met een Wajong en een vrouw met een arbeidsongeschiktheidsuitkering blijven apart wonen. Met elkaar zouden ze honderden euro's per maand minder hebben, terwijl hun medische kosten gewoon doorlopen.", "NO", "NO", []),
            ("Partner wordt mantelzorger en kostwinner tegelijk", "Zodra een vrouw met MS ging samenwonen, werd haar bijstand stopgezet omdat haar partner werkt. Hij moet nu alles betalen en ook haar verzorging doen.", "SZW-PT", "GEM", ["BWBR0015703"]),
            ("Liefdesrelatie geheim gehouden voor de uitkeringsinstantie", "Wij begeleiden mensen met een verstandelijke beperking die hun relatie verzwijgen, omdat ze bang zijn hun uitkering en begeleiding kwijt te raken als ze bij elkaar gaan wonen.", "IC", "BZK", []),
            ("Toeslagen vallen weg bij huwelijk van twee rolstoelgebruikers", "Twee mensen met een chronische aandoening ontdekten dat hun toeslagen en uitkeringen na het trouwen zo sterk dalen dat ze de huur van hun aangepaste woning niet meer kunnen betalen. De bruiloft is afgeblazen.", "IR-CC", "IR", []),
            ("Afhankelijk van partner na samenwonen", "Met een levenslange beperking geen kans op werk. Na samenwonen geen eigen inkomen meer en volledig afhankelijk van de vriend.", "UWV-KB", "UWV", []),
        ],
    },
]

VECTORS = Path(__file__).with_name("proposal_heldout_3_vectors.npz")


def texts() -> list[str]:
    from signals.proposal_embed import signal_text

    return [signal_text(title, description) for group in HELD_OUT_GROUPS for title, description, *_ in group["signals"]]


def preload_vectors() -> int:
    from tests.signals.proposal_heldout import preload_from

    return preload_from(VECTORS)


if __name__ == "__main__":  # python -m tests.signals.proposal_heldout_3: recompute the shipped vectors
    from tests.signals.proposal_heldout import write_vectors_for

    write_vectors_for(texts(), VECTORS)
