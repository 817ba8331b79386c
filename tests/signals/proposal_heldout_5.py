"""A fifth set of planted groups, held out (written 2026-12-02, in the eighth round, before anything of
that round was changed).

Twelve problems that neither the planted groups of ``proposal_corpus``, the shipped example signals
(signals/data/demo_signals.json), the corpus's noise and near misses, nor the first four held-out sets
(``proposal_heldout``, ``proposal_heldout_2``, ``proposal_heldout_3``, ``proposal_heldout_4``) describe,
spread over eight ministries (BZK, KGG, JENV, IENW, VWS, AENM, SZW, FIN). Two are a samenloop: aids
taken away when someone moves into an institution (the Wmo 2015, the Wlz and the Zvw each supply part
and each stops at its border) and cross-border workers working from home (social insurance moving to
the country of residence while wage tax is split over two countries); the other ten name no law or
scheme in any wording but one (damaged foundations the owner pays for, wind turbine noise at night,
restraining orders not enforced, flood damage not compensated - one wording names the Wts - wheelchair
users stranded on the train, ambulances late in the countryside, Ukrainians paying for their shelter
out of their wages, PFAS in the eggs of backyard hens, no interpreter paid for at the doctor's, a
confused neighbour nobody takes charge of). Each in 7-8 wordings in frontline voice - short and long,
different channels, organisations and (in the test) months. The noise is the corpus's unrelated
signals, unchanged.

Written from public cases (the ``pages`` search corpus, 2026-12-02); the texts are invented
paraphrases, no personal data, nothing copied:

* fundering-paalrot-eigenaar-betaalt: nrc.nl "Gemeente laat huiseigenaar met funderingsprobleem in de
  steek" (2018-07) and "Palenpest en droogte bedreigen miljoen woningen" (2019-02); ewmagazine.nl
  "Problemen slechte fundering veel groter dan gedacht" (2025-04); pouwerhuis.nl "Ondergronds verzet"
* windturbine-geluid-slaap: bnnvara.nl/zembla "Geluidsoverlast door windmolens" (2022-12);
  rtvdrenthe.nl on the Veenkoloniën noise study (2023-02); destentor.nl "Kun je ziek worden als je
  dicht bij windmolens woont" (2021-12); nu.nl "Dit weten we over het effect van windmolengeluid"
  (2021-06)
* contactverbod-niet-gehandhaafd: nos.nl/nieuwsuur "Contactverboden geven geen garantie veiligheid
  slachtoffers"; eenvandaag.avrotros.nl "Stalker steeds vaker voor de rechter" (2021-10); nos.nl
  "Politie neemt stalken serieuzer, maar aanpak kan beter" (2018-12)
* watersnood-schade-niet-vergoed: gelderlander.nl "Onvrede gedupeerden watersnood Limburg over niet
  vergoede schade" (2023-01); eenvandaag.avrotros.nl "1 jaar na de watersnood in Limburg nog steeds
  geen compensatie" (2022-05); nu.nl "Coulanceregeling voor slachtoffers wateroverlast" (2022-03);
  nhnieuws.nl "Een jaar na de overstromingen wachten nog altijd mensen op hun huis" (2022-07)
* trein-rolstoel-assistentie: trouw.nl "Er is niemand die kan helpen: een treinreis is ondoenlijk voor
  mensen met een beperking" (2022-11); duic.nl on the broken lift at Utrecht Terwijde; perssupport.nl
  "Reizen met rolstoel moet ook veilig zijn"; displace.nl "Er komt zo iemand aan"
* ambulance-te-laat-platteland: nhnieuws.nl "Ambulances vaak te lang onderweg in levensbedreigende
  situaties" (2025-02); metronieuws.nl "Steeds langer wachten op een ambulance" (2025-02);
  zorgnu.avrotros.nl "Ambulance kan niet op tijd bij 385.000 Nederlanders komen"; ijmuidercourant.nl
  "Ambulances te vaak te laat" (2016-10)
* oekraieners-eigen-bijdrage-opvang: nhnieuws.nl "Eigen bijdrage van 350 euro voor werkende
  Oekraïners" (2024-03) and "Oekraïners moeten meebetalen aan opvang" (2025-01); metronieuws.nl on
  the Inholland study (2025-01); hartvannederland.nl on the contribution doubled
* pfas-eieren-moestuin: nos.nl "Advies om geen eieren van hobbykippen te eten in omgeving Dordrecht
  vanwege PFAS" (2023-12); nhnieuws.nl "Kippeneieren in omgeving Sliedrecht zwaar vervuild" (2023-08);
  hetkontakt.nl on eggs collected at 28 places (2023-11); bnnvara.nl "RIVM onderzoekt eieren van
  hobbykippen op PFAS" (2024-05)
* tolk-in-zorg-niet-vergoed: nrc.nl "Gratis tolk bij de dokter moet blijven" (2011-11);
  medischcontact.nl "Inzet tolk is een mensenrecht"; Kamerstuk 36410-XVI-21 "Tolken in de zorg"
  (2023-11); openkamer.org Kamervraag 2011Z11943
* verwarde-buurman-geen-hulp: hartvannederland.nl on mayors and confused persons in neighbourhoods
  (2025-07); skipr.nl "Ggz weet niet welke verwarde mensen overlast geven" (2023-05); rtvdrenthe.nl
  "Politie steeds drukker met verwarde personen" (2017-02); gelderlander.nl on police and psychiatry
* hulpmiddel-weg-bij-verhuizing-naar-instelling (samenloop Wmo 2015 / Wlz / Zvw): regelhulp.nl
  "Hulpmiddelen thuis na verhuizing naar een Wlz-instelling"; vng.nl "Convenant meeverhuizen van
  individuele mobiliteitshulpmiddelen"; studylibnl.com, VWS "Notitie positionering hulpmiddelen en
  woningaanpassingen" (2016-11)
* grensarbeider-thuiswerken (samenloop sociale zekerheid / loonbelasting): nrc.nl "Fiscale
  onzekerheid voor thuiswerkers" (2021-02); werkenoverdegrens.eu "Thuiswerken als grensarbeider";
  accountancyvanmorgen.nl "Thuiswerken fiscaal complexer voor grensarbeiders" (2021-01); wspzvl.nl
  "Over de grens werken, ondernemen of wonen"

These groups are NOT to be looked at while the grouping is tuned: their figures are the estimate for
unseen problems. Once reported they are seen; write a new set for the next round.
"""

from __future__ import annotations

from pathlib import Path

# (title, description, channel, organisation, named regulations)
HELD_OUT_GROUPS: list[dict] = [
    {
        "key": "fundering-paalrot-eigenaar-betaalt",  # names no law in any wording
        "signals": [
            ("Scheuren in de gevel: funderingsherstel van een ton voor eigen rekening", "Een echtpaar met een klein pensioen kreeg na onderzoek te horen dat de houten palen onder hun rijtjeshuis zijn aangetast. Herstel kost ongeveer honderdduizend euro en geen verzekeraar betaalt mee.", "IC", "BZK", []),
            ("Verzakking door lage grondwaterstand, maar de bewoner draait ervoor op", "De deuren klemmen en de vloer helt. De oorzaak is het gezakte grondwater in de wijk, waar de bewoner niets over te zeggen heeft. Toch is het herstel volledig haar verantwoordelijkheid.", "GEM-BL", "GEM", []),
            ("Huis onverkoopbaar na rapport over rottende palen", "Een weduwnaar wilde naar een aanleunwoning verhuizen. Sinds het funderingsrapport bekend is, haakt elke koper af en de bank wil geen lening voor het herstel geven aan iemand van zijn leeftijd.", "SVB-KB", "SVB", []),
            ("Hele blok moet tegelijk worden hersteld, één eigenaar kan niet betalen", "In een straat met gedeelde fundering moeten acht woningen samen worden opgevijzeld. Een alleenstaande moeder met een laag inkomen kan haar deel niet opbrengen, waardoor het werk voor iedereen stilligt.", "SZW-PT", "GEM", []),
            ("Subsidiepot voor funderingsherstel binnen een dag leeg", "Bewoners van een oude wijk in het veengebied hoorden dat er een lening voor herstel was. Toen ze de volgende ochtend wilden aanvragen, was het budget al op. Ondertussen scheurt het metselwerk verder.", "NO", "NO", []),
            ("Gemeente eist stutten van scheef huis, eigenaar heeft geen geld", "Na een inspectie moet een woning binnen drie maanden gestut worden omdat de achtergevel wegzakt. De eigenaar leeft van een uitkering en ziet geen uitweg; de gemeente verwijst naar zijn eigen verantwoordelijkheid.", "UWV-KB", "UWV", []),
            ("Funderingsonderzoek alleen al duizenden euro's", "Een jong gezin twijfelt of de scheuren in hun jaren-dertigwoning van de fundering komen. Alleen het graven en onderzoeken kost al meer dan vijfduizend euro, wat zij niet hebben. Ze wachten dus af terwijl de schade groeit.", "IR-CC", "IR", []),
            ("Droogte doet palen onder boerderij rotten", "Na drie droge zomers zakt de oude boerderij van een akkerbouwer aan één kant weg. De opstalverzekering keert niet uit omdat het een langzaam proces is, en zelf kan hij het herstel niet betalen.", "BD-LRH", "BD", []),
        ],
    },
    {
        "key": "windturbine-geluid-slaap",  # names no law in any wording
        "signals": [
            ("Bewoners slapen niet meer door zoevende windmolens", "Sinds het windpark op vierhonderd meter van hun huis draait, wordt een gezin elke nacht wakker van het ritmische geraas. De exploitant zegt dat de norm wordt gehaald, dus er gebeurt niets.", "GEM-BL", "GEM", []),
            ("Bromtoon van turbines houdt oudere vrouw uit haar slaap", "Een vrouw van zeventig hoort 's nachts een lage dreun die door de muren gaat. Ze slaapt nu in de auto bij haar dochter. Haar klachten bij de gemeente staan op 'afgehandeld' zonder dat iemand kwam meten.", "SVB-KB", "SVB", []),
            ("Norm op jaargemiddelde: piekgeluid van windpark telt niet", "Onze cliënten klagen over herrie bij harde wind, maar de geluidsnorm wordt over een heel jaar gemiddeld. De stille dagen compenseren de slapeloze nachten op papier, niet in werkelijkheid.", "IR-CC", "IR", []),
            ("Nachtdienstmedewerker kan overdag niet slapen naast de wieken", "Een verpleegkundige die nachtdiensten draait, kan overdag niet bijslapen door het zwiepen van de rotorbladen. Ze is inmiddels ziek gemeld met uitputting.", "UWV-MW", "UWV", []),
            ("Laagfrequent geluid windpark wordt nergens gemeten", "Omwonenden in de Veenkoloniën melden hoofdpijn en slapeloosheid. Voor dat lage gebrom bestaat geen landelijke grens, dus de provincie kan niet handhaven en de klagers worden van loket naar loket gestuurd.", "IC", "BZK", []),
            ("Kinderen moe op school sinds de turbines draaien", "Een leerkracht ziet in een klas drie kinderen uit dezelfde buurtschap die overdag in slaap vallen. Hun ouders vertellen dat het windpark 's nachts een constant gezoem geeft.", "NO", "NO", []),
            ("Boer hoort windmolens van de buren dag en nacht", "Een melkveehouder heeft zelf geen molen maar woont tussen vijf turbines van een coöperatie. Hij kan de ramen niet meer open zetten en wil verhuizen, maar niemand wil het erf kopen.", "BD-LRH", "BD", []),
        ],
    },
    {
        "key": "contactverbod-niet-gehandhaafd",  # names no law in any wording
        "signals": [
            ("Ex-partner overtreedt contactverbod tientallen keren, politie komt niet", "Een vrouw kreeg via de rechter bescherming tegen haar ex. Hij belt en appt haar nog steeds dagelijks en stond twee keer voor de deur. Elke melding wordt genoteerd, maar er volgt geen aanhouding.", "NO", "NO", []),
            ("Slachtoffer moet zelf bewijs verzamelen van schendingen", "Onze cliënte houdt een schrift bij met elke keer dat de stalker in haar straat staat. De wijkagent zegt dat hij zonder beelden niets kan doen, terwijl het verbod juist bedoeld was om haar rust te geven.", "SZW-PT", "GEM", []),
            ("Straatverbod op papier, dader wacht bij het schoolhek", "Een moeder ziet de man tegen wie een gebiedsverbod geldt bijna elke ochtend bij de school van haar kinderen. Als de politie arriveert is hij weg. Ze houdt de kinderen nu thuis.", "GEM-BL", "GEM", []),
            ("Vrouw verhuist voor de derde keer omdat belager haar steeds vindt", "Ondanks een verbod om contact op te nemen, achterhaalt de man telkens haar nieuwe adres. Ze moest opnieuw verhuizen en verloor daardoor haar baan. Niemand houdt toezicht op hem.", "UWV-KB", "UWV", []),
            ("Meldknop werkt, maar na de melding gebeurt er niets", "Een oudere man die door een voormalige huurder wordt bedreigd, kreeg een alarmknop. Hij drukte vier keer; de stalker werd weggestuurd maar nooit vastgezet, en de bedreigingen gaan door.", "SVB-KB", "SVB", []),
            ("Brieven uit de cel: verbod geldt niet voor post", "Een slachtoffer kreeg vanuit de gevangenis brieven van de man die haar jarenlang volgde. Bij het loket werd gezegd dat daar niet direct op kan worden ingegrepen. Ze durft de brievenbus niet meer te openen.", "IR-CC", "IR", []),
            ("Familie van slachtoffer valt buiten de bescherming", "Het verbod beschermt alleen de vrouw zelf. Haar volwassen dochter wordt nu lastiggevallen en bedreigd door dezelfde man, en daarvoor moet een heel nieuwe procedure worden gestart.", "IC", "BZK", []),
        ],
    },
    {
        "key": "watersnood-schade-niet-vergoed",  # names the scheme in one wording, no law in the rest
        "signals": [
            ("Overstroming in het dal: oude bank vergoed tegen dagwaarde", "Na het hoogwater in Zuid-Limburg kreeg een gezin voor hun tien jaar oude meubels bijna niets. Nieuwe spullen kosten het veelvoud. Ze hebben een lening moeten afsluiten om weer in te richten.", "GEM-BL", "GEM", []),
            ("Schade door buiten de oevers getreden beek niet gedekt", "De verzekeraar betaalt niet omdat het water uit een beek kwam, en de overheidsregeling betaalt niet omdat de schade wel verzekerbaar was geweest. Een oudere man zit nu met een onbewoonbaar benedenhuis.", "SVB-KB", "SVB", []),
            ("Twee derde van de aanvragen voor rampenvergoeding afgewezen", "In ons dorp zijn de meeste aanvragen voor een tegemoetkoming na de overstroming geweigerd. Mensen begrijpen niet waarom de buurman wel en zij geen vergoeding krijgen.", "IC", "BZK", []),
            ("Gezin woont een jaar na de watersnood nog in een vakantiehuisje", "Het huis is na het water nog steeds niet hersteld, omdat verzekeraar, aannemer en de rijksdienst op elkaar wachten. De kinderen schrikken bij elke regenbui.", "NO", "NO", []),
            ("Scheuren maanden na het hoogwater vallen buiten de regeling", "Toen de kelder droog was, leek alles mee te vallen. Een half jaar later kwamen er scheuren en liet de vloer los. De schademelding was toen al gesloten en nieuwe schade wordt niet meer behandeld.", "IR-CC", "IR", []),
            ("Ondernemer aan de Geul failliet door trage afhandeling", "Een horecaondernemer wiens zaak onder water liep, wacht al tien maanden op geld van de Wts-regeling. Hij kan zijn leveranciers niet betalen en staat op het punt te sluiten.", "UWV-MW", "UWV", []),
            ("Tuin, schuur en kippenhok weggespoeld zonder vergoeding", "Na de wateroverlast kreeg een gepensioneerde vrouw een bijdrage voor haar woning, maar de tuin en bijgebouwen vallen erbuiten. Ze heeft alles zelf moeten opruimen met hulp van buren.", "SZW-PT", "GEM", []),
        ],
    },
    {
        "key": "trein-rolstoel-assistentie",  # names no law in any wording
        "signals": [
            ("Rolstoelgebruiker rijdt door naar volgende station: niemand om uit te stappen", "Een jonge vrouw had haar reis een uur van tevoren aangemeld. Op haar bestemming stond niemand met de oprijplaat klaar, dus reed ze mee tot het eindpunt en kwam te laat op haar werk.", "UWV-MW", "UWV", []),
            ("Lift op perron weken kapot, geen andere weg naar beneden", "Een man met een elektrische rolstoel kan op zijn vaste station niet meer van het perron af. De storingsdienst zegt dat hij maar moet omreizen via een ander station.", "IC", "BZK", []),
            ("Reis met de trein moet uren vooraf worden gepland", "Onze cliënt met een spierziekte moet elke treinreis vooraf aanvragen. Een spontaan bezoek of een uitgelopen afspraak betekent stranden, omdat de assistentie er dan niet is.", "SZW-PT", "GEM", []),
            ("Oprijplank te steil, vrouw valt uit haar rolstoel", "Bij het uitstappen moest een vrouw voorwaarts de hellingbrug af en viel op het perron. Ze brak haar been. Er wordt geen rekening gehouden met het soort hulpmiddel.", "IR-CC", "IR", []),
            ("Geen plaats voor rolstoel in volle trein", "In de spits werd een student met een beperking twee keer niet meegenomen omdat de rolstoelplek bezet was. Hij mist colleges en tentamens.", "NO", "NO", []),
            ("Klein station zonder hulp: taxi komt niet opdagen", "Op stations zonder personeel moet een taxichauffeur helpen bij het in- en uitstappen. Een oudere man met een scootmobiel wachtte een uur in de kou omdat die niet kwam.", "SVB-KB", "SVB", []),
            ("Blinde reiziger niet opgehaald bij de trein", "Een slechtziende vrouw had begeleiding naar haar overstap aangevraagd. Er kwam niemand; ze moest medereizigers om hulp vragen en miste haar aansluiting naar het ziekenhuis.", "UWV-KB", "UWV", []),
        ],
    },
    {
        "key": "ambulance-te-laat-platteland",  # names no law in any wording
        "signals": [
            ("Ziekenwagen na 25 minuten bij boerderij met hartpatiënt", "Een boer kreeg een hartstilstand op zijn erf. De buren reanimeerden bijna een half uur voordat de ambulance er was. De dichtstbijzijnde post ligt ruim twintig kilometer verderop.", "BD-LRH", "BD", []),
            ("Dorpsbewoners voelen zich onveilig door lange aanrijtijden", "In ons dorp is een spoedrit vaker wel dan niet later dan een kwartier. Ouderen durven niet meer alleen te wonen; sommigen verhuizen naar de stad alleen om dichter bij hulp te zijn.", "IC", "BZK", []),
            ("Post in het grensgebied 's nachts gesloten", "De ambulancepost in de streek is alleen overdag bemand. 's Nachts komt de wagen van ver en bij een val van een oudere moeder wachtte de familie drie kwartier.", "SVB-KB", "SVB", []),
            ("Bevalling thuis zonder hulp: ambulance vast bij open brug", "Een vrouw beviel in de auto op weg naar het ziekenhuis omdat de spoedhulp uitbleef. Tussen de post en haar huis ligt een brug die openstond.", "NO", "NO", []),
            ("Wachten op spoedhulp bij kind met allergische reactie", "Een moeder op een Waddeneiland belde 112 toen haar zoon opzwol. De hulp kwam pas na ruim twintig minuten, omdat de enige wagen op het eiland al op een andere rit was.", "GEM-BL", "GEM", []),
            ("Personeelstekort: minder wagens paraat in de regio", "Een ambulancemedewerker meldt dat er 's avonds geregeld een wagen minder rijdt door gebrek aan verpleegkundigen. Gevolg: de buitengebieden zitten structureel boven de kwartiernorm.", "UWV-KB", "UWV", []),
            ("Camping ver van spoedhulp, vakantiegast overlijdt", "Op een recreatiepark in het bos duurde het bijna een half uur voor de ambulance er was. Het park ligt buiten het gebied dat binnen een kwartier te bereiken is.", "IR-CC", "IR", []),
        ],
    },
    {
        "key": "oekraieners-eigen-bijdrage-opvang",  # names no law in any wording
        "signals": [
            ("Oekraïense moeder met parttimebaan moet honderden euro's voor opvang betalen", "Een gevluchte vrouw uit Oekraïne werkt twintig uur in een distributiecentrum. Sinds dit jaar gaat een groot deel van haar loon naar een bijdrage voor de gemeentelijke opvang en ze houdt te weinig over voor haar twee kinderen.", "SZW-PT", "GEM", []),
            ("Werkende vluchteling uit Kyiv houdt minder over dan zonder baan", "Omdat het leefgeld stopt én er een maandelijkse bijdrage voor gas, water en licht bijkomt, heeft een man die in de kassen werkt netto minder dan toen hij niet werkte.", "UWV-MW", "UWV", []),
            ("Catering verplicht betaald, terwijl bewoner zelf wil koken", "In de opvanglocatie wordt per persoon een bedrag voor maaltijden ingehouden. Een gezin uit Charkiv eet vanwege een dieet van het kind niet mee, maar moet toch betalen.", "GEM-BL", "GEM", []),
            ("Gemeente vraagt loonstroken, maar wisselend inkomen uit uitzendwerk", "Onze cliënten uit Oekraïne werken via uitzendbureaus met wisselende uren. Elke maand moet de bijdrage opnieuw worden berekend en te veel betaald geld komt maanden later terug.", "IR-CC", "IR", []),
            ("Verdubbeling van de opvangbijdrage duwt gezin in de schulden", "Een gezin van vier betaalt na de verhoging bijna duizend euro per maand voor hun kamers in een voormalig hotel. Ze hebben een betalingsachterstand bij de zorgverzekeraar opgebouwd.", "NO", "NO", []),
            ("Alleenstaande vader uit Oekraïne zoekt minder uren om bijdrage te ontlopen", "Een schoonmaker overweegt om minder te gaan werken, omdat elk extra uur vrijwel volledig opgaat aan de eigen bijdrage in de opvang. Zijn werkgever begrijpt er niets van.", "UWV-KB", "UWV", []),
            ("Ontheemden in gastgezin en in opvang behandeld met ongelijke bedragen", "Twee zussen uit Oekraïne werken bij hetzelfde bedrijf. De een woont bij een gastgezin en betaalt niets, de ander woont in de gemeentelijke opvang en moet een flink deel van haar loon afstaan.", "IC", "BZK", []),
        ],
    },
    {
        "key": "pfas-eieren-moestuin",  # names no law in any wording
        "signals": [
            ("Advies: eet geen eieren van eigen kippen meer", "Bewoners rond een chemiefabriek kregen een brief dat ze de eieren van hun hobbykippen beter niet kunnen eten. Niemand zegt wie de vervuiling betaalt of hoe lang het advies geldt.", "GEM-BL", "GEM", []),
            ("Zorgboerderij kan eieren niet meer aan cliënten geven", "Een zorgboerderij voor mensen met een verstandelijke beperking raapte elke dag eieren met de deelnemers. Na de meting van schadelijke stoffen moeten alle eieren weg en is een vast onderdeel van de dagbesteding verdwenen.", "SZW-PT", "GEM", []),
            ("Volkstuinders onzeker over groente na metingen giftige stoffen", "Op een volkstuincomplex bij de rivier zijn verhoogde waarden van onafbreekbare chemicaliën gevonden. De tuinders krijgen geen duidelijk antwoord of ze hun sla en wortels nog kunnen eten.", "IC", "BZK", []),
            ("Zwangere vrouw ongerust over eieren die ze jarenlang at", "Een vrouw die al jaren eieren van haar eigen kippen eet, is nu zwanger en bang voor schade aan het ongeboren kind. Bloedonderzoek wordt niet vergoed en de huisarts weet niet wat te adviseren.", "NO", "NO", []),
            ("Kinderboerderij moet kippen ophokken en eieren vernietigen", "De kinderboerderij in de wijk mag geen eieren meer meegeven aan bezoekers. De kosten van grondonderzoek en ophokken komen voor rekening van de vrijwilligersvereniging.", "IR-CC", "IR", []),
            ("Hobbykippenhouder: grond vervuild, maar de vervuiler betaalt niets", "Een gepensioneerde man ontdekte dat zijn erf te veel van de chemische stoffen bevat. Nieuwe grond laten storten kost duizenden euro's en niemand wil verantwoordelijkheid nemen.", "SVB-KB", "SVB", []),
            ("Boer kan eieren van scharrelkippen aan huis niet meer verkopen", "Een pluimveehouder met een eierkraam aan de weg stopt met verkopen na berichten over vervuilde eieren in de regio. Zijn kippen lopen buiten in vervuilde grond en hij loopt zijn bijverdienste mis.", "BD-LRH", "BD", []),
        ],
    },
    {
        "key": "tolk-in-zorg-niet-vergoed",  # names no law in any wording
        "signals": [
            ("Huisarts kan patiënt niet verstaan, tolk moet zelf betaald", "Een oudere man die alleen Turks spreekt, komt met klachten bij de huisarts. Een professionele tolk kost per gesprek tientallen euro's die hij niet heeft; zijn kleinzoon van twaalf vertaalt nu.", "NO", "NO", []),
            ("Kind vertaalt slecht nieuws voor moeder in het ziekenhuis", "Een meisje van tien moest haar moeder vertellen dat er een tumor is gevonden, omdat er geen betaalde tolk beschikbaar was. Het ziekenhuis kreeg de kosten niet vergoed.", "SZW-PT", "GEM", []),
            ("Statushouder buiten het azc verliest gratis tolk bij de dokter", "Zolang een vluchteling in het asielzoekerscentrum woonde, kwam er een tolk mee naar de arts. Na verhuizing naar een eigen woning vervalt dat, terwijl hij de taal nog lang niet spreekt.", "GEM-BL", "GEM", []),
            ("Verkeerde medicatie door misverstand zonder vertaler", "Een vrouw uit Eritrea begreep de instructies voor haar medicijnen niet en nam een dubbele dosis. Er was geen tolk geregeld omdat de praktijk de kosten niet kan declareren.", "IR-CC", "IR", []),
            ("Psycholoog weigert behandeling zonder professionele tolk", "Een getraumatiseerde man kan geen therapie krijgen, omdat de praktijk geen tolk wil betalen en therapie via een familielid niet verantwoord is. Hij staat al een jaar stil.", "IC", "BZK", []),
            ("Verloskundige improviseert met vertaalapp bij bevalling", "Bij een barende vrouw die alleen Arabisch sprak, moest de verloskundige met een telefoonapp werken. Belangrijke vragen over pijnstilling werden niet begrepen; een tolk wordt niet vergoed.", "UWV-KB", "UWV", []),
            ("Arbeidsmigrant begrijpt bedrijfsarts niet", "Een Poolse uitzendkracht met rugklachten kreeg bij de keuring uitleg in het Nederlands. Zonder vertaling tekende hij een verslag dat hij niet kon lezen.", "UWV-MW", "UWV", []),
            ("Oudere uit Marokko zonder vertaling in de thuiszorg", "Een thuiszorgmedewerker meldt dat ze niet kan uitleggen hoe de insulinepen werkt aan een cliënt die geen Nederlands spreekt. Een tolk regelen kan niet binnen haar budget.", "SVB-KB", "SVB", []),
        ],
    },
    {
        "key": "verwarde-buurman-geen-hulp",  # names no law in any wording
        "signals": [
            ("Buurman schreeuwt nachtenlang, politie en ggz wijzen naar elkaar", "Een gezin belde tientallen keren over de buurman die 's nachts tegen de muren slaat en tegen stemmen praat. De agenten zeggen dat het een zorgprobleem is, de crisisdienst ziet geen acuut gevaar.", "GEM-BL", "GEM", []),
            ("Oudere vrouw durft haar flat niet uit door verwarde bovenbuurman", "Een weduwe van tachtig wordt op de galerij aangesproken en bedreigd door een man met een psychose. Hij krijgt geen behandeling omdat hij die weigert, en zij blijft binnen.", "SVB-KB", "SVB", []),
            ("Corporatie kan huurder met waanbeelden niet helpen of uitzetten", "Een woningcorporatie krijgt klachten van een hele portiek over een huurder die vuur stookt op het balkon. Zorg komt niet op gang zonder zijn toestemming, en de omwonenden zijn radeloos.", "IC", "BZK", []),
            ("Meldingen over verward gedrag stapelen zich op, niemand komt", "Onze wijkcoach heeft in een jaar zeventien meldingen gezien over dezelfde man die in de straat met een mes zwaait. Hij staat op een wachtlijst bij de geestelijke zorg.", "SZW-PT", "GEM", []),
            ("Kinderen mogen niet buiten spelen door psychotische buurman", "Ouders in een nieuwbouwwijk houden hun kinderen binnen sinds een man in de straat stenen gooit en schreeuwt. De politie neemt hem steeds mee en zet hem een dag later weer thuis af.", "NO", "NO", []),
            ("Buren ziek van overlast maar zonder klacht geen actie", "Een vrouw die naast een man met ernstige psychische problemen woont, slaapt niet meer en is ziek thuis van haar werk. Pas als er iets ernstigs gebeurt, mag er worden ingegrepen, zeggen de instanties.", "UWV-KB", "UWV", []),
            ("Familie vraagt al maanden om hulp voor zoon in psychose", "Ouders zien hun volwassen zoon afglijden; hij bedreigt de buren en eet nauwelijks. Ze krijgen te horen dat hij zelf om hulp moet vragen, en de buren dreigen met een handtekeningenactie.", "IR-CC", "IR", []),
        ],
    },
    {
        "key": "hulpmiddel-weg-bij-verhuizing-naar-instelling",  # samenloop Wmo 2015 / Wlz (and Zvw)
        "signals": [
            ("Tillift opgehaald terwijl zoon in het weekend thuis logeert", "Een jongen met een ernstige beperking verhuisde naar een woonvorm. De gemeente haalde de tillift thuis op, omdat hij nu onder de Wlz valt. In de weekenden kunnen zijn ouders hem niet meer veilig verzorgen.", "SZW-PT", "GEM", ["BWBR0035362", "BWBR0035917"]),
            ("Rolstoel moet terug naar gemeente bij opname in verpleeghuis", "Een vrouw met MS moest bij haar verhuizing naar een verpleeghuis haar op maat gemaakte rolstoel inleveren. Het zorgkantoor levert een standaardexemplaar dat niet past; ze zit weken scheef.", "GEM-BL", "GEM", ["BWBR0035362"]),
            ("Aangepaste fiets kwijt na verhuizing naar woonvorm", "Een jongvolwassene met een verstandelijke beperking fietste op een driewieler van de gemeente. Na de indicatie voor langdurige zorg moest de fiets terug en het zorgkantoor verstrekt er geen.", "IR-CC", "IR", ["BWBR0035917"]),
            ("Loket gemeente en zorgkantoor wijzen naar elkaar voor douchestoel", "Een cliënt die afwisselend thuis en in een instelling woont, heeft thuis een douchestoel nodig. De gemeente zegt dat de langdurige zorg het moet regelen, het zorgkantoor zegt dat thuis de gemeente gaat.", "NO", "NO", []),
            ("Hoog-laagbed meegenomen door leverancier op dag van opname", "Op de dag dat een oudere man naar het verpleeghuis ging, stond de leverancier al voor de deur om het bed van de zorgverzekeraar op te halen. Zijn vrouw wil hem om het weekend thuis laten logeren, maar dat kan nu niet.", "SVB-KB", "SVB", []),
            ("Traplift wordt verwijderd, kind kan niet meer naar eigen kamer", "Een meisje dat doordeweeks in een instelling woont, kan in het weekend niet meer naar haar kamer boven. De gemeente haalde de traplift weg bij de overgang naar de Wet langdurige zorg.", "IC", "BZK", ["BWBR0035917"]),
            ("Nieuwe aanvraag hulpmiddelen na opname duurt maanden", "Na een opname in een instelling moest alles opnieuw worden aangevraagd bij een andere instantie. Een man met ALS zat drie maanden zonder passende stoel, terwijl zijn oude stoel ongebruikt in een magazijn stond.", "UWV-KB", "UWV", ["BWBR0035362", "BWBR0035917"]),
        ],
    },
    {
        "key": "grensarbeider-thuiswerken",  # samenloop social insurance / tax across the border
        "signals": [
            ("Grensarbeider werkt twee dagen thuis en valt ineens onder Belgische verzekering", "Een vrouw woont in België en werkt voor een Nederlandse werkgever. Sinds ze meer dan een kwart van haar tijd thuis werkt, is ze niet meer in Nederland verzekerd en moeten haar zorgverzekering en kinderbijslag opnieuw worden geregeld.", "SVB-KB", "SVB", []),
            ("Thuiswerkdagen belast in woonland: twee aangiftes en een naheffing", "Een medewerker die in Duitsland woont en vanuit huis voor een Nederlands bedrijf werkt, moet zijn loon over twee landen verdelen. Hij kreeg een naheffing omdat de loonheffing op de verkeerde dagen was ingehouden.", "BD-LRH", "BD", ["BWBR0002471"]),
            ("Werkgever verbiedt thuiswerken aan collega's over de grens", "Een bedrijf in Limburg laat collega's uit België en Duitsland niet meer thuiswerken, omdat het anders premies in het buitenland moet afdragen. Zij rijden dagelijks anderhalf uur terwijl hun collega's thuis werken.", "UWV-MW", "UWV", ["BWBR0017745"]),
            ("Ziek na thuiswerken: geen uitkering uit werkland, geen uit woonland", "Een grenswerker werd langdurig ziek. Nederland zegt dat hij door het thuiswerken elders verzekerd was, het buurland zegt dat er nooit premie is betaald. Hij zit maanden zonder inkomen.", "UWV-KB", "UWV", []),
            ("Pensioenopbouw in twee landen door thuiswerken versnipperd", "Een man die al twintig jaar over de grens werkt, ontdekt dat de jaren waarin hij veel thuiswerkte niet meetellen voor het Nederlandse ouderdomspensioen. Niemand had hem gewaarschuwd.", "IC", "BZK", []),
            ("Grenswerker mist toeslagen door ander verzekeringsland", "Door het thuiswerken is een gezin aan de Duitse kant niet meer in Nederland verzekerd. Daardoor vervallen hun kinderopvangtoeslag en zorgtoeslag, terwijl de Duitse tegenhangers pas na maanden geregeld zijn.", "NO", "NO", []),
            ("Administratie van thuiswerkdagen onmogelijk voor kleine werkgever", "Een klein ingenieursbureau met drie medewerkers uit België moet per dag bijhouden waar zij werken, voor loonheffing en sociale premies. De boekhouder raadt aan om hen te ontslaan.", "GEM-BL", "GEM", ["BWBR0002471", "BWBR0017745"]),
        ],
    },
]

VECTORS = Path(__file__).with_name("proposal_heldout_5_vectors.npz")


def texts() -> list[str]:
    from signals.proposal_embed import signal_text

    return [signal_text(title, description) for group in HELD_OUT_GROUPS for title, description, *_ in group["signals"]]


def preload_vectors() -> int:
    from tests.signals.proposal_heldout import preload_from

    return preload_from(VECTORS)


if __name__ == "__main__":  # python -m tests.signals.proposal_heldout_5: recompute the shipped vectors
    from tests.signals.proposal_heldout import write_vectors_for

    write_vectors_for(texts(), VECTORS)
