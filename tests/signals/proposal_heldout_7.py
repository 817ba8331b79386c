"""A seventh set of planted groups, held out (written 2026-12-02, in the tenth round, before anything of
that round was changed).

Twelve problems that neither the planted groups of ``proposal_corpus``, the shipped example signals
(signals/data/demo_signals.json), the corpus's noise and near misses, nor the first six held-out sets
(``proposal_heldout`` to ``proposal_heldout_6``) describe, spread over ten ministries (FIN, EZ, LVVN,
IENW, AenM/SZW, JENV, VWS, SZW, OCW, BZK). Two are a samenloop: a foster child turning 18 or 21, when
foster care (Jeugdwet), student finance asking for the parents' income (Wet studiefinanciering 2000) and
the youth rules of the Participatiewet each let go at a different point; and a disabled tenant's home
adaptation, between the municipality's duty under the Wmo 2015 and the landlord's rights under the
tenancy law (BW Boek 7). The other ten name no law or scheme in any wording (road tax on heavy electric
cars, devices and alarms dead after the 3G network was switched off, shrimp fishers without a permit
for years, businesses cut off by a closed bridge, asylum seekers not allowed to work, neighbours and
residents hit by explosions at front doors, long covid without recognition, small employers paying two
years of sick pay, classrooms too hot and badly ventilated, swimming lessons families cannot pay). Each
in 7 wordings in frontline voice - short and long, different channels, organisations and (in the test)
months. The noise is the corpus's unrelated signals, unchanged.

Checked before writing (grep over the corpus, the example signals and held-out 1-6): none mentions
electric cars, 3G, shrimp fishing (garnalen), closed bridges, asylum seekers' work permits, explosions,
long covid or post-covid as a problem (the corpus's noise names "een vrouw met long covid" once in a
generated disability-benefit signal), sick-pay for small employers (loondoorbetaling), classroom heat
or ventilation, pleegzorg or swimming lessons. Dropped while choosing because the example signals or the
corpus's near misses already describe them: box 3 on savings, the CBR's health declaration, family
reunification, the protected amount on garnishment, a postal address for the homeless, DigiD for the
elderly; passports abroad was dropped because its public pages were already sources of the routing
corpus. Near neighbours that are other problems: the wolf and bluetongue groups (held-out 4 and 6, also
livestock and farmers), the Wmo wheelchair near miss, the corpus's motor-vehicle-tax noise.

Written from public cases (the ``pages`` search corpus, 2026-12-02); the texts are invented
paraphrases, no personal data, nothing copied:

* wegenbelasting-elektrische-auto-gewicht: accountancyvanmorgen.nl "Elektrische auto's vanaf 2026 fors
  duurder in wegenbelasting, vooral kleinere modellen" (2025-05); autoreview.nl "Berekenen
  wegenbelasting elektrische auto 2025" (2024-11); ewmagazine.nl "Wegenbelasting elektrische auto 2026"
  (2025-12); tweakers.net "Nederlandse overheid gaat belastingvoordeel voor EV's verlengen" (2025-04)
* 3g-uitgezet-oude-toestellen-alarm: security.nl "ACM wil dat telco's klanten beter voorlichten over
  einde van 2G en 3G" (2024-12); techzine.nl "Providers moeten impact afschakeling 2G en 3G duidelijk
  communiceren"; openkamer.org Kamervraag 2019Z14683 "Het verdwijnen van 3G" (2019); nu.nl "KPN
  schakelt 3G-netwerk na bijna twintig jaar uit" (2022-03)
* garnalenvissers-zonder-vergunning: telegraaf.nl "Na Noordzeevissers ook garnalenvissers de pineut"
  (2023-01); omropfryslan.nl "Vergunningen voor garnalenvissers komen verder onder druk te staan";
  trouw.nl "In beschermde natuur mag je niet vissen, oordeelt de rechter" (2023-06); deanderekrant.nl
  "Garnalenvissers voor het blok gezet, een derde stopt"
* brug-dicht-ondernemers-omrijden: omropfryslan.nl "Brug Kootstertille dicht voor zwaar verkeer"
  (2021-10); omroepwest.nl "Provincie compenseert gedupeerden hefbrug Boskoop" (2020-04); nrc.nl
  "Slechts één van 52 schadeclaims toegezegd rond sluiting Merwedebrug" (2018-08); omroepbrabant.nl
  "Wegafsluiting draait restaurant de nek om" (2019-03)
* asielzoeker-mag-niet-werken: raadvanstate.nl jaarverslag 2023 "Asielzoekers mogen voortaan hele jaar
  werken"; rijksoverheid.nl "Asielzoeker met grote kans op vergunning kan al na drie maanden werken"
  (2025-11); gemeente.nu "Asielzoeker mag meer dan 24 weken per jaar werken" (2023-11);
  hetrechtenstudentje.nl "Asielzoekers mogen voortaan langer werken, 24 weken-eis mogelijk van tafel"
* explosie-bij-woning-slachtoffers-buren: gemeente.nu "Explosies ontwrichten levens, nazorg schiet
  tekort" (2025-09); nhnieuws.nl "Zorgen over explosies in woonwijken: schade loopt in
  miljoenen" (2024-03); at5.nl
  "Gezin vluchtte naar balkon na explosie in Oost" (2023-11); parool.nl "Appartement in IJburg gesloten
  na twee explosies in ruim een maand"
* langdurige-coronaklachten-geen-erkenning: omroepbrabant.nl coronanieuws on Long Covid Nederland
  (2022-01); nos.nl "Lange wachttijden en vaak jonge patiënten bij nazorgpoli's corona" (2021-05); nrc.nl
  "UWV: merendeel mensen met langdurige coronaklachten arbeidsongeschikt" (2023-02); parool.nl "Alarm om
  naderende keuring longcovidpatiënten"
* kleine-werkgever-loondoorbetaling-ziekte: nos.nl "Kleine werkgever krijgt hulp bij doorbetaling zieke
  werknemer" (2018-12); ewmagazine.nl on the sick-pay duty of small firms (2026-02); singelpd.nl "Kleine
  ondernemer zicht op minder ziektekosten?"; das.nl "Loondoorbetaling bij ziekte: luister naar mkb"
* hitte-en-slechte-lucht-in-klaslokaal: rijnmond.nl "Torenhoge temperaturen in de klas" (2018-07);
  nos.nl "Slechte ventilatie veroorzaakt hoofdpijn op tientallen scholen" (2018-03); nu.nl "In menig
  schoollokaal is het binnen niet fris" (2022-09); rtvutrecht.nl on ventilation in schools
* zwemles-onbetaalbaar-geen-diploma: metronieuws.nl "Zwemles wordt duurder, steeds meer kinderen zonder
  zwemdiploma" (2024-05); eenvandaag.avrotros.nl "Ook in het zwembad groeit de kloof tussen rijk en
  arm"; zwembadbranche.nl "Herinvoering schoolzwemmen van de baan"; lokaalbestuur.nl "Schoolzwemmen -
  ja, als geld en goede vorm is gevonden"
* pleegkind-18-vangnet-valt-weg (samenloop Jeugdwet / Wsf 2000 / Participatiewet): trouw.nl "Pleegkind
  boven de achttien verdient ook vergoeding" (2018-01); destentor.nl "ChristenUnie Apeldoorn wil
  pleegzorg verlengen tot na 18e levensjaar" (2018-02); bijonspleegzorg.nl "Wegwijzer 18+, verlengde
  hulpverlening"; enver-pleegzorg.nl "Als uw pleegkind 18 jaar of ouder is"
* woningaanpassing-huurder-tussen-gemeente-en-verhuurder (samenloop Wmo 2015 / BW Boek 7):
  huurdersvereniginggennep.nl "Woningaanpassing zonder toestemming eigenaar"; woonbond.nl "Mag de
  gemeente een traplift weigeren?"; supportbeurs.nl "Geen toestemming woningcorporatie nodig voor
  aanpassing gemeenschappelijke ruimte" (2017-06); advocatenkantoorhuurrecht.nl "Wmo: ingrijpende
  gevolgen voor de verhuurder"

These groups are NOT to be looked at while the grouping is tuned: their figures are the estimate for
unseen problems. Once reported they are seen; write a new set for the next round.
"""

from __future__ import annotations

from pathlib import Path

# (title, description, channel, organisation, named regulations)
HELD_OUT_GROUPS: list[dict] = [
    {
        "key": "wegenbelasting-elektrische-auto-gewicht",  # names no law in any wording
        "signals": [
            ("Kleine stekkerauto kost ineens meer wegenbelasting dan benzineauto", "Een thuiszorgmedewerker kocht op advies van haar werkgever een kleine elektrische auto. Sinds de korting afloopt betaalt ze per kwartaal meer dan haar collega met een benzineauto van hetzelfde formaat, omdat de accu de auto zwaar maakt.", "UWV-KB", "UWV", []),
            ("Gepensioneerde spijt van overstap op elektrisch rijden door belasting op gewicht", "Een man van 71 ruilde zijn oude auto in voor een tweedehands elektrische. Nu komt er een aanslag die drie keer zo hoog is als vorig jaar. Van zijn AOW en klein pensioen kan hij dat niet dragen en hij overweegt de auto te verkopen met verlies.", "SVB-KB", "SVB", []),
            ("Zware batterij telt mee in de aanslag voor de auto", "Onze cliënt begrijpt niet waarom de heffing voor zijn auto zo sterk stijgt. Bij navraag blijkt dat het gewicht van het voertuig de maatstaf is en dat een accu honderden kilo's weegt. Hij voelt zich gestraft voor een keuze die de overheid zelf aanmoedigde.", "IR-CC", "IR", []),
            ("Gezin kan jaarlijkse autokosten niet meer opbrengen na afbouw korting", "Bij de schuldhulp zien we een gezin dat een elektrische gezinsauto op afbetaling kocht. De kwartaalbedragen voor het bezit van de auto zijn sinds januari verdrievoudigd en passen niet meer in het budgetplan.", "SZW-PT", "GEM", []),
            ("Mantelzorger met elektrische auto betaalt fors meer dan met diesel", "Een vrouw rijdt dagelijks naar haar moeder in een dorp zonder bus. Ze koos bewust voor elektrisch vanwege de lage kosten, maar de belasting per kwartaal is nu hoger dan die voor haar vorige dieselauto. Ze vraagt waarom niet naar de grootte van de auto wordt gekeken.", "GEM-BL", "GEM", []),
            ("Taxichauffeur zonder vaste werkgever ziet marge verdwijnen door heffing op zware EV", "Een zelfstandige taxichauffeur moest van de gemeente emissievrij gaan rijden. Zijn grote elektrische auto weegt ruim twee ton, en de belasting daarover vreet nu een groot deel van zijn inkomsten op.", "BD-LRH", "BD", []),
            ("Tweedehands elektrische auto's onverkoopbaar door hogere kosten", "Bij ons loket melden zich mensen die hun elektrische occasion willen verkopen omdat de vaste lasten zo gestegen zijn. Kopers haken af zodra ze uitrekenen wat de auto per jaar aan belasting kost.", "IC", "BZK", []),
        ],
    },
    {
        "key": "3g-uitgezet-oude-toestellen-alarm",  # names no law in any wording
        "signals": [
            ("Oudere vrouw kon niet bellen na val, telefoon werkte niet meer op het netwerk", "Een vrouw van 84 viel in haar keuken en probeerde met haar oude mobieltje hulp te halen. Het toestel bleek sinds het uitzetten van het oude mobiele netwerk geen verbinding meer te maken. Ze lag uren op de grond.", "SVB-KB", "SVB", []),
            ("Alarmknop van thuiswonende man werkt niet meer sinds provider oud netwerk stopte", "De noodknop van een man met hartklachten gebruikt een simkaart die alleen het oude netwerk kent. Niemand had hem laten weten dat het kastje vervangen moest worden. De zorgorganisatie merkte het pas bij een testmelding.", "GEM-BL", "GEM", []),
            ("Pinautomaat van marktkoopman doet het niet meer", "Een marktkoopman kan sinds een paar weken niet meer pinnen bij zijn kraam. Zijn betaalapparaat werkt via het mobiele netwerk van een vorige generatie, dat is uitgeschakeld. Een nieuw apparaat kost honderden euro's en levering duurt weken.", "BD-LRH", "BD", []),
            ("Sms-code voor inloggen komt niet aan op oud toestel", "Een oudere man kan niet meer inloggen bij de overheid omdat zijn eenvoudige telefoon de inlogcode per sms niet ontvangt sinds de provider het netwerk heeft omgezet. Hij wist niet dat zijn toestel te oud was.", "IR-CC", "IR", []),
            ("Provider stuurt brief in het Engels over einde netwerk, klant begrijpt niets", "Een man met weinig leesvaardigheid kreeg een bericht dat zijn telefoon binnenkort niet meer zou werken. Hij dacht dat het reclame was. Nu is hij onbereikbaar voor zijn werkcoach en mist hij afspraken.", "UWV-KB", "UWV", []),
            ("Noodoproep in oudere auto werkt niet meer na uitzetten mobiel netwerk", "Een vrouw met een auto van een paar jaar oud hoorde bij de garage dat het automatische alarmsysteem bij een ongeluk geen verbinding meer kan maken. Aanpassen kan niet; ze rijdt veel alleen over de polder.", "NO", "NO", []),
            ("Bewoners van zorgflat zonder werkende oproepknoppen na netwerkwissel", "Een verhuurder van seniorenwoningen meldt dat de alarmering in tientallen woningen stilviel toen het oude mobiele netwerk verdween. Vervangen duurt maanden en de bewoners moeten zolang zelf bellen, als ze dat nog kunnen.", "IC", "BZK", []),
        ],
    },
    {
        "key": "garnalenvissers-zonder-vergunning",  # names no law in any wording
        "signals": [
            ("Garnalenvisser moet katalysator van een ton kopen om te mogen blijven vissen", "Een visser met een kotter uit de jaren tachtig hoort dat hij alleen nog het wad op mag als hij een dure installatie tegen uitstoot inbouwt. De bank leent hem dat niet; hij overweegt te stoppen na veertig jaar.", "BD-LRH", "BD", []),
            ("Vissersgezin leeft al jaren van gedoogbesluit naar gedoogbesluit", "De vrouw van een garnalenvisser vertelt dat ze niet weten of hij volgend jaar nog mag uitvaren. Er is al jaren geen echte toestemming, alleen tijdelijke regelingen die natuurclubs bij de rechter aanvechten.", "GEM-BL", "GEM", []),
            ("Knecht op garnalenkotter verliest werk door onzekerheid over visrechten", "Een jonge man werkt als knecht op een kotter. Zijn schipper heeft zich aangemeld om te stoppen omdat hij geen zekerheid krijgt of hij in beschermde wateren mag blijven vissen. De knecht heeft alleen deze opleiding.", "UWV-MW", "UWV", []),
            ("Vissers betalen voor stikstof terwijl grote schepen vrij varen", "Op ons spreekuur klagen kustvissers dat zij tienduizenden euro's moeten uitgeven aan schonere motoren, terwijl veerboten en vrachtschepen op hetzelfde water niets hoeven. Ze begrijpen niet waarom alleen zij worden aangepakt.", "IC", "BZK", []),
            ("Havendorp vreest einde van garnalenvloot", "Ondernemers in een kleine haven melden dat steeds meer kotters verdwijnen. Vissers krijgen geen duidelijkheid over hun toestemming om op het wad te werken, en de afslag, het netwerkbedrijf en de viswinkel hangen ervan af.", "SZW-PT", "GEM", []),
            ("Oudere visser kan bedrijf niet verkopen aan zoon zonder geldige toestemming", "Een visser van 62 wil zijn kotter aan zijn zoon overdragen. Omdat de vergunning voor het vissen in het natuurgebied al jaren ontbreekt, wil geen bank de overname financieren.", "SVB-KB", "SVB", []),
            ("Rechterlijke uitspraak over Belgische vissers maakt Nederlandse kottereigenaren onzeker", "Een kottereigenaar vraagt wat de uitspraak over buitenlandse garnalenvissers voor hem betekent. Zijn accountant zegt dat hij geen investeringen meer moet doen tot er duidelijkheid is, maar zijn schip moet nodig onderhouden worden.", "IR-CC", "IR", []),
        ],
    },
    {
        "key": "brug-dicht-ondernemers-omrijden",  # names no law in any wording
        "signals": [
            ("Brug plots dicht voor vrachtverkeer, betonbedrijf rijdt dagelijks uren om", "Een bedrijf hoorde twee dagen van tevoren dat de brug naast het terrein niet meer door zware wagens gebruikt mag worden. De chauffeurs rijden nu elke dag tientallen kilometers extra en de klanten krijgen hun leveringen te laat.", "BD-LRH", "BD", []),
            ("Winkelier aan de overkant van afgesloten brug ziet klanten wegblijven", "Sinds de brug over het kanaal voor onbepaalde tijd dicht is wegens roest, komt de helft van de klanten niet meer in een bakkerij. De vaste lasten lopen door. Een vergoeding komt pas als het verlies boven een drempel uitkomt die ze niet haalt.", "GEM-BL", "GEM", []),
            ("Schadeclaim na maandenlange afsluiting afgewezen: onder de drempel", "Een transportbedrijf diende een claim in voor de extra kilometers toen een snelwegbrug maanden was gestremd. Die werd afgewezen omdat de schade minder dan een groot deel van de jaaromzet was. Kleine bedrijven vallen zo altijd buiten de regeling.", "IR-CC", "IR", []),
            ("Restaurant gaat failliet na wegafsluiting, te jong voor compensatie", "Een restauranthouder die twee jaar open is, verloor de helft van haar gasten toen de straat maandenlang onbereikbaar was door werk aan een brug. Voor compensatie moet ze drie jaarcijfers laten zien, die ze niet heeft. Ze sluit de zaak.", "SZW-PT", "GEM", []),
            ("Mantelzorger moet veertig minuten omrijden sinds de brug dicht is", "Een vrouw die haar vader aan de andere kant van het water verzorgt, doet nu drie kwartier over een rit van tien minuten. Het openbaar vervoer rijdt ook om. Ze moet minder uren werken en verliest inkomen.", "UWV-KB", "UWV", []),
            ("Binnenvaartschipper vaart zestien uur om door gestremde hefbrug", "Een schipper kan zijn vaste route niet meer varen omdat een brug onverwacht niet meer open kan. Hij vaart met minder lading een veel langere route en verliest opdrachten; hulp krijgt hij niet.", "NO", "NO", []),
            ("Ondernemers vragen waarom achterstallig onderhoud aan bruggen hun risico is", "Bij ons loket melden zich ondernemers uit een dorp waar de enige brug wekenlang dicht ging omdat inspecties te laat waren. Ze vinden het onredelijk dat het verlies als gewoon ondernemersrisico wordt gezien.", "IC", "BZK", []),
        ],
    },
    {
        "key": "asielzoeker-mag-niet-werken",  # names no law in any wording
        "signals": [
            ("Asielzoeker met baanaanbod moet maanden wachten voor hij mag beginnen", "Een man in een opvangcentrum heeft een werkgever gevonden die hem direct wil aannemen als lasser. Hij mag pas aan de slag als zijn procedure een half jaar loopt en er een vergunning voor de werkgever is. De werkgever haakt af.", "UWV-MW", "UWV", []),
            ("Uitzendbureau moet asielzoeker na halfjaar naar huis sturen", "Een uitzendbureau meldt dat een bewoner van het azc goed werkt in een slachterij, maar na een bepaald aantal weken per jaar niet verder mag. Daarna zit hij weer maanden niets te doen in de opvang.", "UWV-KB", "UWV", []),
            ("Verpleegkundige uit het buitenland zit werkloos in opvang", "Een vrouw die in haar land jarenlang in een ziekenhuis werkte, wacht al ruim een jaar op een beslissing. Werken in de zorg lukt niet zonder nummer, vergunning en erkenning. Ze voelt zich nutteloos terwijl er tekorten zijn.", "IC", "BZK", []),
            ("Bewoner opvang moet bijna alles wat hij verdient afdragen", "Een asielzoeker die parttime werkt in een magazijn hoort dat hij een groot deel van zijn loon moet afstaan voor zijn opvang. Daardoor loont werken nauwelijks en wil hij stoppen.", "SZW-PT", "GEM", []),
            ("Werkgever snapt regels voor asielzoekers in dienst niet", "Een kleine ondernemer in de bouw wil twee bewoners van het azc aannemen. Hij moet voor elk een aparte aanvraag doen, een bepaalde periode afwachten en weet niet of ze na de beslissing op hun aanvraag mogen blijven werken. Hij ziet ervan af.", "BD-LRH", "BD", []),
            ("Jonge asielzoeker raakt depressief van maandenlang niets mogen doen", "Een jongen van twintig wacht al lang op zijn gehoor. Stage of werk is nog niet toegestaan en school is er niet voor hem. Hij slaapt overdag en de begeleiders maken zich zorgen.", "NO", "NO", []),
            ("Nieuwe regels: wie uit een veilig land komt mag helemaal niet meer werken", "Een vrijwilliger bij een taalcafé meldt dat een groep bewoners hun baantjes kwijtraakt omdat hun kans op een verblijfsvergunning als laag wordt ingeschat. Ze mochten eerst wel werken en worden nu thuisgezet.", "GEM-BL", "GEM", []),
        ],
    },
    {
        "key": "explosie-bij-woning-slachtoffers-buren",  # names no law in any wording
        "signals": [
            ("Gezin na explosie bij de voordeur maanden in hotel zonder aanspreekpunt", "Een explosief werd bij het verkeerde huis neergelegd. Het gezin kan maanden niet terug en slaapt in een hotel. Politie, gemeente, verhuurder en verzekeraar verwijzen naar elkaar en niemand regelt iets.", "GEM-BL", "GEM", []),
            ("Buren van getroffen woning slapen niet meer", "In een portiekflat ontplofte binnen drie maanden drie keer iets bij dezelfde deur. De buren, onder wie een moeder met jonge kinderen, liggen elke nacht wakker en durven hun kinderen niet meer buiten te laten spelen.", "NO", "NO", []),
            ("Woning gesloten door burgemeester, onschuldige huurder op straat", "Na een aanslag op haar woning werd het huis van een alleenstaande vrouw voor maanden gesloten om herhaling te voorkomen. Zij was zelf het doelwit niet, maar moet nu op zoek naar andere woonruimte terwijl de huur doorloopt.", "SZW-PT", "GEM", []),
            ("Verzekeraar betaalt schade aan deur niet, corporatie ook niet", "Een huurder kreeg na een ontploffing bij zijn voordeur een rekening voor het herstel. De inboedelverzekeraar wijst naar de verhuurder, de verhuurder naar de dader die nooit gevonden wordt. Hij heeft schulden gemaakt om de deur te laten maken.", "IR-CC", "IR", []),
            ("Werknemer maanden ziek na ontploffing in de straat", "Een man die een nachtelijke explosie naast zijn huis meemaakte, heeft angst- en slaapklachten en kan niet werken. Zijn werkgever begrijpt het niet; slachtofferhulp heeft een wachtlijst.", "UWV-KB", "UWV", []),
            ("Oudere vrouw durft na knal bij buurhuis niet meer thuis te wonen", "Een vrouw van 79 werd 's nachts wakker van een enorme klap; haar ramen lagen eruit. Ze wil verhuizen, maar krijgt geen voorrang voor een andere woning omdat het gevaar niet haar eigen huis betrof.", "SVB-KB", "SVB", []),
            ("Ombudsman ziet slachtoffers van aanslagen op woningen verdwalen tussen loketten", "Bij ons spreekuur komen steeds meer mensen die buiten hun schuld geraakt zijn door een explosie bij een woning. Ze raken hun werk of huis kwijt en niemand coördineert de hulp; het beleid richt zich op de daders.", "IC", "BZK", []),
        ],
    },
    {
        "key": "langdurige-coronaklachten-geen-erkenning",  # names no law in any wording
        "signals": [
            ("Zorgmedewerker met langdurige coronaklachten dreigt ontslag na twee jaar ziekte", "Een verpleegkundige raakte in het eerste jaar van de pandemie besmet en is sindsdien uitgeput en kortademig. Na twee jaar ziekte wil haar werkgever de arbeidsovereenkomst beëindigen. Ze voelt zich in de steek gelaten na alles wat ze deed.", "UWV-MW", "UWV", []),
            ("Huisarts zegt dat klachten na corona tussen de oren zitten", "Een jonge vrouw heeft sinds haar infectie concentratieproblemen, hartkloppingen en extreme vermoeidheid. Artsen vinden niets en verwijzen haar naar de psycholoog. Ze krijgt geen diagnose en dus ook geen behandeling.", "NO", "NO", []),
            ("Keuringsarts ziet vermoeidheid na covid niet als beperking", "Bij de beoordeling voor een uitkering werd een man met aanhoudende klachten na een coronabesmetting geschikt geacht voor voltijds werk. Hij kan hooguit twee uur per dag iets doen en moet daarna dagen bijkomen.", "UWV-KB", "UWV", []),
            ("Revalidatie na corona niet vergoed, wachttijd nazorgpoli maanden", "Een vader van twee jonge kinderen wacht al maanden op een plek bij een polikliniek voor nazorg na corona. Fysiotherapie boven een aantal behandelingen moet hij zelf betalen, en dat lukt niet met zijn inkomen.", "SZW-PT", "GEM", []),
            ("Student met aanhoudende klachten na infectie loopt studievertraging op", "Een studente kan sinds een coronabesmetting geen colleges meer volgen door hoofdpijn en uitputting. Omdat niemand haar ziekte officieel erkent, krijgt ze geen voorzieningen en loopt haar studieschuld op.", "IR-CC", "IR", []),
            ("Zelfstandige kapper kan na corona niet meer werken en heeft geen vangnet", "Een kapster met een eigen zaak houdt na een besmetting zoveel klachten dat ze haar salon moest sluiten. Een verzekering tegen arbeidsongeschiktheid had ze niet; ze teert in op haar spaargeld.", "BD-LRH", "BD", []),
            ("Patiëntenvereniging: groep met post-covid valt overal buiten", "Bij ons loket melden zich mensen die al jaren niet zijn hersteld van corona. Werkgevers, keuringsartsen en zorgverleners hebben weinig kennis van het ziektebeeld en ze moeten steeds opnieuw bewijzen dat ze echt ziek zijn.", "IC", "BZK", []),
        ],
    },
    {
        "key": "kleine-werkgever-loondoorbetaling-ziekte",  # names no law in any wording
        "signals": [
            ("Bakker met vier medewerkers moet twee jaar loon doorbetalen aan zieke werknemer", "Een ambachtelijke bakker heeft een medewerker die langdurig ziek is. Hij betaalt het loon door, moet een vervanger inhuren en ook nog een bureau voor re-integratie. Na een jaar is zijn buffer op.", "BD-LRH", "BD", []),
            ("Kapsalon durft geen vast contract meer te geven", "Een eigenaresse van een kapsalon biedt nieuw personeel alleen nog tijdelijke contracten. Ze zag een collega-ondernemer failliet gaan toen een werknemer twee jaar ziek was. Haar medewerkers krijgen daardoor geen hypotheek.", "UWV-MW", "UWV", []),
            ("Werkgever krijgt derde jaar loondoorbetaling opgelegd", "Een installateur met zes mensen in dienst kreeg te horen dat hij nog een jaar extra het salaris van een zieke monteur moet betalen, omdat de keuringsinstantie vond dat hij te weinig aan terugkeer had gedaan. Hij begrijpt niet wat hij anders had moeten doen.", "UWV-KB", "UWV", []),
            ("Kleine ondernemer kan zieke werknemer niet ontslaan bij reorganisatie", "Een winkelier moet door dalende omzet een filiaal sluiten, maar de medewerker die daar al anderhalf jaar ziek is mag hij niet ontslaan. Hij blijft loon betalen voor een baan die niet meer bestaat.", "IR-CC", "IR", []),
            ("Verzuimverzekering onbetaalbaar na één langdurige ziekmelding", "Een klein schoonmaakbedrijf kreeg na een lange ziekteperiode van een medewerker een premieverhoging voor de verzuimverzekering die hoger is dan de winst. Opzeggen betekent het volle risico zelf dragen.", "GEM-BL", "GEM", []),
            ("Werknemer van klein bedrijf voelt zich schuldig over ziekte", "Een medewerker van een familiebedrijf met drie mensen is ernstig ziek. Hij hoort dat zijn baas overweegt te stoppen omdat het doorbetalen van zijn loon het bedrijf te zwaar wordt. Hij wil zich beter melden terwijl hij dat niet is.", "NO", "NO", []),
            ("Ondernemersvereniging: twee jaar doorbetalen bij ziekte remt kleine werkgevers", "Bij ons spreekuur zeggen veel mkb-ondernemers dat ze liever met zzp'ers of uitzendkrachten werken dan iemand in dienst te nemen. Het risico van langdurige ziekte is voor een bedrijf met een paar mensen niet te dragen.", "IC", "BZK", []),
        ],
    },
    {
        "key": "hitte-en-slechte-lucht-in-klaslokaal",  # names no law in any wording
        "signals": [
            ("Basisschoolklas meet 32 graden, kinderen kunnen zich niet concentreren", "Een leerkracht van groep 7 meldt dat het in haar lokaal op warme dagen boven de dertig graden komt. Kinderen hebben hoofdpijn en zijn misselijk. Ramen kunnen maar op een kier en er is geen zonwering.", "GEM-BL", "GEM", []),
            ("Ventilatiesysteem van nieuwe school maakt zoveel lawaai dat het uit staat", "In een schoolgebouw van vijf jaar oud zet het team de luchtverversing uit omdat de installatie te veel herrie maakt. Daardoor is de lucht na een uur benauwd en klagen leerlingen over vermoeidheid.", "IC", "BZK", []),
            ("Oud schoolgebouw lekt, tocht en is in de winter te koud", "Een directeur van een dorpsschool uit de jaren twintig vertelt dat de kinderen in de winter met jassen aan zitten en dat er bij regen emmers in de gang staan. De gemeente en het schoolbestuur wijzen voor de kosten naar elkaar.", "SZW-PT", "GEM", []),
            ("Leerling met astma vaak ziek door benauwde klas", "Een moeder meldt dat haar zoon met astma op school steeds benauwd wordt omdat het lokaal te vol zit en niet geventileerd wordt. Hij mist veel lessen. De school zegt dat er geen geld is voor aanpassingen.", "NO", "NO", []),
            ("Subsidie voor betere luchtverversing dekt maar deel, school kan rest niet betalen", "Een schoolbestuur wil de ventilatie in drie gebouwen verbeteren. De regeling betaalt een deel; de rest moet van de gemeente of het bestuur komen, en die hebben het niet. De plannen liggen al twee jaar stil.", "IR-CC", "IR", []),
            ("Onderwijsassistent met hartklachten kan niet werken in oververhitte lokalen", "Een onderwijsassistente met een hartaandoening meldt zich op hete dagen ziek omdat het in de lokalen niet te harden is. Haar werkgever kan het gebouw niet koelen en stelt voor dat ze minder uren gaat werken.", "UWV-KB", "UWV", []),
            ("Meetkastjes in de klas kleuren dagelijks rood", "Een school deed mee aan een onderzoek met sensoren voor de luchtkwaliteit. In bijna alle lokalen geeft het apparaat dagelijks te veel kooldioxide aan. Leerkrachten weten niet wat ze ermee moeten, behalve de deur openzetten.", "BD-LRH", "BD", []),
        ],
    },
    {
        "key": "pleegkind-18-vangnet-valt-weg",  # samenloop Jeugdwet / Wet studiefinanciering 2000 / Participatiewet
        "signals": [
            ("Pleegzoon wordt 18, pleegvergoeding en begeleiding stoppen abrupt", "Pleegouders hoorden pas op de verjaardag van hun pleegzoon dat de vergoeding en de begeleiding ophielden, omdat de gemeente geen verlenging had geregeld. De jongen zit nog op school en woont bij hen, maar niets is geregeld.", "GEM-BL", "GEM", ["BWBR0034925"]),
            ("Pleegkind kan geen aanvullende beurs krijgen: inkomen biologische ouders onbekend", "Een jongere die jarenlang in een pleeggezin woonde, wil gaan studeren. Voor de aanvullende beurs wordt naar het inkomen van zijn ouders gevraagd, met wie hij geen contact heeft. Het bewijs dat hij er niet op kan rekenen kost maanden.", "IR-CC", "IR", ["BWBR0011453"]),
            ("Na 21 geen verlengde jeugdhulp, jongere vanuit pleeggezin dakloos", "Een jonge vrouw moest op haar 21e het pleeggezin uit omdat de verlenging niet werd toegekend. Ze heeft geen eigen netwerk, geen woning en de gemeente zegt dat ze als jongere onder de 27 eerst vier weken zelf werk moet zoeken voor een uitkering.", "SZW-PT", "GEM", ["BWBR0034925", "BWBR0015703"]),
            ("Gemeente weigert verlengde pleegzorg, pleegouders betalen zelf door", "Een pleeggezin zorgt al tien jaar voor een meisje met een lichte beperking. Na haar achttiende wees de nieuwe woongemeente verdere zorg af. De pleegouders betalen nu alles zelf uit hun pensioen.", "SVB-KB", "SVB", ["BWBR0034925"]),
            ("Pleegjongere moet op eigen houtje zorgverzekering, toeslagen en studie regelen", "Een jongen uit de pleegzorg kreeg op zijn verjaardag brieven over zijn zorgverzekering, zorgtoeslag en studiefinanciering. Niemand hielp hem; hij liep een premieachterstand op en kreeg een boete.", "NO", "NO", []),
            ("Jongerenwerker: pleegkinderen vallen bij meerderjarigheid tussen jeugdzorg en volwassenenregelingen", "Bij ons spreekuur komen jongeren die op hun achttiende of 21e uit de pleegzorg vallen. Voor jeugdhulp zijn ze te oud, voor de regelingen voor volwassenen hebben ze niets geregeld, en hun ouders zijn geen vangnet.", "IC", "BZK", ["BWBR0034925", "BWBR0011453"]),
            ("Pleegdochter wil werken naast mbo, maar bijverdienste wordt gekort", "Een jonge vrouw die net uit de pleegzorg komt, heeft een kleine uitkering en een bijbaan. Wat ze verdient wordt bijna volledig ingehouden, terwijl ze spaart voor een borg voor een kamer.", "UWV-KB", "UWV", ["BWBR0015703"]),
        ],
    },
    {
        "key": "woningaanpassing-huurder-tussen-gemeente-en-verhuurder",  # samenloop Wmo 2015 / BW Boek 7 (huurrecht)
        "signals": [
            ("Huurder krijgt traplift van gemeente, maar verhuurder wil hem niet in het trappenhuis", "Een vrouw van 83 kan de gemeenschappelijke trap naar haar flat niet meer op. De gemeente vindt een traplift nodig, maar de corporatie wil geen aanpassing in het gedeelde trappenhuis. Nu moet ze volgens de gemeente maar verhuizen.", "SVB-KB", "SVB", ["BWBR0035362", "BWBR0005290"]),
            ("Gemeente wijst aanpassing af: verhuizen is goedkoper", "Een man met een spierziekte vroeg om een aangepaste badkamer in zijn huurwoning. De gemeente zegt dat verhuizen naar een aangepaste woning de goedkoopste oplossing is, maar die woningen zijn er niet en de wachttijd is jaren.", "GEM-BL", "GEM", ["BWBR0035362"]),
            ("Verhuurder eist dat aanpassingen bij vertrek worden weggehaald", "Een gezin met een kind in een rolstoel kreeg een drempelvrije douche en een hellingbaan. De particuliere verhuurder wil dat ze bij vertrek alles in de oude staat terugbrengen, op hun kosten. De gemeente zegt daar niet over te gaan.", "SZW-PT", "GEM", ["BWBR0005290"]),
            ("Oudere huurder wacht maanden op aanpassing door overleg tussen gemeente en corporatie", "Een weduwnaar met een nieuwe heup slaapt al maanden in de woonkamer omdat hij niet naar boven kan. De gemeente en de verhuurder overleggen over wie wat betaalt en wie toestemming moet geven.", "NO", "NO", ["BWBR0035362"]),
            ("Traplift geweigerd omdat ouderdom te voorzien was", "Een vrouw van 86 kreeg geen hulp voor een traplift. Volgens de gemeente had ze zelf eerder maatregelen moeten nemen omdat ouder worden te voorzien is. De verhuurder wil de kosten ook niet dragen.", "IC", "BZK", ["BWBR0035362"]),
            ("Persoonsgebonden budget voor aanpassing gaat naar verhuurder, huurder krijgt niets", "Onze cliënt met een beperking kreeg een budget voor een aanpassing aan zijn huurhuis. De verhuurder liet de aanpassing anders uitvoeren dan nodig was, en nu past zijn rolstoel nog steeds niet door de deur.", "UWV-KB", "UWV", ["BWBR0035362", "BWBR0005290"]),
            ("Huurverhoging na aanbrengen aanpassing voor gehandicapte bewoner", "Een verhuurder verhoogde de huur nadat de gemeente een lift en brede deuren in een benedenwoning had laten aanbrengen. De huurder vindt dat hij betaalt voor zijn handicap en vraagt wie gelijk heeft.", "IR-CC", "IR", ["BWBR0005290"]),
        ],
    },
    {
        "key": "zwemles-onbetaalbaar-geen-diploma",  # names no law in any wording
        "signals": [
            ("Gezin met drie kinderen kan zwemles niet betalen, kinderen zonder diploma", "Een moeder met een minimuminkomen rekende uit dat een A-diploma per kind zo'n zevenhonderd euro kost. Voor drie kinderen is dat onmogelijk. Haar oudste van tien kan nog steeds niet zwemmen.", "SZW-PT", "GEM", []),
            ("Zwembad verhoogt lesgeld fors, ouders stoppen halverwege", "Een zwembad in een middelgrote gemeente heeft de prijs per les met een derde verhoogd vanwege energiekosten en personeel. Bij ons melden zich ouders die hun kind halverwege van les hebben gehaald.", "GEM-BL", "GEM", []),
            ("Fonds betaalt een paar lessen, daarna houdt het op", "Een vader kreeg via een fonds een deel van de zwemlessen van zijn dochter vergoed. Voor het diploma zijn veel meer lessen nodig; de rest kan hij niet betalen en de lessen zijn gestopt.", "UWV-KB", "UWV", []),
            ("Kind mag niet mee naar zwemfeestje zonder diploma", "Een meisje van negen verzint steeds smoesjes om niet naar kinderfeestjes in het zwembad te gaan, omdat ze niet kan zwemmen. Haar ouders schamen zich dat ze de lessen niet kunnen betalen.", "NO", "NO", []),
            ("Schoolzwemmen komt niet terug, juf ziet kinderen bang voor water", "Een leerkracht in een wijk met veel gezinnen met weinig geld ziet dat in haar klas maar een paar kinderen een zwemdiploma hebben. Op schoolreisjes naar het water moeten ze aan de kant blijven.", "IC", "BZK", []),
            ("Statushoudersgezin woont naast een vaart, kinderen kunnen niet zwemmen", "Een gezin dat net een woning kreeg aan het water maakt zich zorgen: de kinderen hebben nooit leren zwemmen en zwemles past niet in het budget. De gemeente verwijst naar een wachtlijst voor een regeling.", "SVB-KB", "SVB", []),
            ("Alleenstaande vader moet kiezen tussen zwemles en boodschappen", "Een alleenstaande vader met schulden vertelt de budgetcoach dat zwemles de eerste post was die hij schrapte. Hij vindt het onverantwoord in een land vol water, maar ziet geen andere keus.", "IR-CC", "IR", []),
        ],
    },
]

VECTORS = Path(__file__).with_name("proposal_heldout_7_vectors.npz")


def texts() -> list[str]:
    from signals.proposal_embed import signal_text

    return [signal_text(title, description) for group in HELD_OUT_GROUPS for title, description, *_ in group["signals"]]


def preload_vectors() -> int:
    from tests.signals.proposal_heldout import preload_from

    return preload_from(VECTORS)


if __name__ == "__main__":  # python -m tests.signals.proposal_heldout_7: recompute the shipped vectors
    from tests.signals.proposal_heldout import write_vectors_for

    write_vectors_for(texts(), VECTORS)
