"""A fourth set of planted groups, held out (written 2026-12-01, in the seventh round, before anything of
that round was changed).

Twelve problems that neither the planted groups of ``proposal_corpus``, the shipped example signals
(signals/data/demo_signals.json), the corpus's noise and near misses, nor the first three held-out sets
(``proposal_heldout``, ``proposal_heldout_2``, ``proposal_heldout_3``) describe, spread over nine
ministries (SZW, OCW, KGG/EZK, LVVN, JenV, VWS, IenW, FIN, BZK). Two are a
samenloop: care during school hours (the Jeugdwet and passend onderwijs point at each other) and the
poverty trap (more hours of work cost the allowances and the municipality's minimum-income schemes);
nine name no law or scheme in any wording (no childcare place, a full electricity grid, wolves
killing sheep, drug waste dumped on farmland, asylum seekers sleeping outside the registration centre,
medicines out of stock, self-employed people without disability insurance, old vans barred from city
centres, bank helpdesk fraud not reimbursed); and the PAS-melders (farms that became illegal when the
nitrogen programme was struck down). Each in 6-8 wordings in frontline voice - short and long, different
channels, organisations and (in the test) months. The noise is the corpus's unrelated signals, unchanged.

Written from public cases (the ``pages`` search corpus, 2026-12-01); the texts are invented
paraphrases, no personal data, nothing copied:

* kinderopvang-geen-plek: telegraaf.nl "Wachtlijsten in kinderopvang" (2022-07); metronieuws.nl "70
  procent van kinderopvangcentra heeft een wachtlijst" (2025-01); nrc.nl "Dan maar tijdens het werk je
  eigen kind opvangen" (2022-09); dvhn.nl "Lange wachtlijst kinderopvang dwingt ouders minder te gaan werken"
* netcongestie-geen-aansluiting: hartvannederland.nl "Ondernemers woest om uitblijven
  stroomnet-aansluiting" (2025-03); eenvandaag.avrotros.nl "Ondernemer Marc staat met meer dan 5000
  anderen op de wachtlijst" (2023-05); nhnieuws.nl "Bijna tienduizend ondernemingen op wachtlijst voor
  stroomaansluiting" (2024-02); eenvandaag.avrotros.nl on households waiting (2024-11)
* wolf-schapen-schade: rtvdrenthe.nl "Schadevergoeding na aanval wolf is een schijntje" (2020-11) and
  "Schapenhouder na zevende wolvenaanval" (2022-02); informanagementlegal.nl "Schapenhouder kan
  vergoeding krijgen voor wolvenschade" (2022-11); gelderlander.nl "Kosten experts hoger dan schade
  wolf" (2018-09); eenvandaag.avrotros.nl "Schapenhouders liggen wakker van de wolf"
* drugsafval-op-eigen-grond: bndestem.nl "Drugsdumping bij boerin: wie draait op voor de
  opruimkosten" (2019-03); nos.nl "Duizenden euro's schade en maïs met MDMA-resten" (2018-08);
  rtlnieuws.nl on drug dumping and landowners (2022-04); bd.nl on the Nuenen judgment (2017-12)
* asielzoekers-buiten-slapen-aanmelding: nu.nl "Drukte bij Ter Apel houdt aan" (2022-08); nd.nl
  "Opnieuw te druk in Ter Apel: 120 mensen slapen op stoelen" (2022-07); nu.nl "Tientallen
  asielzoekers sliepen in tenten" (2022-09); rtvdrenthe.nl on the registration centre (2022)
* medicijn-niet-leverbaar: knmp.nl "Gevolgen geneesmiddelentekorten voor patiënt en apotheker";
  rtvdrenthe.nl "Apothekers moeten creatief zijn" (2018-12); nu.nl "Medicijnen steeds vaker niet
  leverbaar" (2019-08); nhnieuws.nl "Apothekers slaan alarm: medicijntekort stijgt" (2023-07)
* pas-melder-zonder-vergunning: omroepbrabant.nl "Boeren buiten hun schuld zonder vergunning"
  (2023-08); rd.nl "Boerin heeft slapeloze nachten door stikstofmisère" (2025); nieuws.nl "Advies
  landsadvocaat" (2022-12); bnnvara.nl "Drenthe gaat niet handhaven" (2023-02)
* zzp-geen-aov: pointer.kro-ncrv.nl "Zelfstandigen zonder verzekering" (2019); trouw.nl "Zzp'er boert
  iets beter maar verzekert zich niet"; evaoudeelferink.nl / NRC on self-employed without cover (2015-05)
* zorg-in-onderwijstijd (samenloop Jeugdwet / passend onderwijs): Berenschot "Inzicht in zorg in
  onderwijstijd" (2019-07, via 5dok.net); nji.nl "Financieren van een onderwijs-zorgarrangement";
  nederlands-jeugdinstituut.foleon.com "Leidraad zorg in onderwijstijd"
* armoedeval-meer-werken (samenloop toeslagen / gemeentelijke minimaregelingen): accuden.nl / RADAR+
  "Meer verdienen, minder overhouden?"; esb.nu "De anatomie van de armoedeval"; openkamer.org
  Kamerstuk 32123-XV-59 on marginal pressure (2010-04); leidschendam-voorburg.vvd.nl "Werken loont"
* milieuzone-oude-bestelbus: deondernemer.nl on zero-emission zones enforced from July (2025-07);
  autoreview.nl "Zero-emissiezones in verdomhoekje" (2025-05); rompslomp.nl "Komt jouw bestelbus straks
  de stad nog in?" (2025-07); rd.nl on the state secretary and small businesses (2023-05)
* bankhelpdeskfraude-niet-vergoed: security.nl "Schade bankhelpdeskfraude in meeste gevallen niet
  vergoed" (2025-07) and on an 80-year-old's Kifid case (2026-01); hupkesadvocaten.nl "Wat kun je doen
  bij bankhelpdeskfraude"; berntsenmulderadvocaten.nl on when the bank must pay

These groups are NOT to be looked at while the grouping is tuned: their figures are the estimate for
unseen problems. Once reported they are seen; write a new set for the next round.
"""

from __future__ import annotations

from pathlib import Path

# (title, description, channel, organisation, named regulations)
HELD_OUT_GROUPS: list[dict] = [
    {
        "key": "kinderopvang-geen-plek",  # names no law in any wording
        "signals": [
            ("Moeder kan baan niet aannemen: geen opvangplek voor dochter", "Een alleenstaande moeder heeft na een jaar solliciteren een baan gevonden, maar geen enkel kinderdagverblijf in de stad heeft binnen twaalf maanden plaats. De werkgever wacht niet zo lang.", "GEM-BL", "GEM", []),
            ("Wachtlijst kinderdagverblijf langer dan zwangerschap plus verlof", "Ouders schreven hun kind in toen ze drie maanden zwanger waren. Nu het verlof voorbij is, staan ze nog steeds op nummer veertig van de lijst. Eén van beiden werkt daarom minder uren.", "NO", "NO", []),
            ("Opvangcontract opgezegd wegens personeelstekort", "De opvang belde dat de groep van haar zoon per volgende maand sluit omdat er geen leidsters zijn. Zij werkt in de nachtzorg en heeft niemand om op te passen.", "IR-CC", "IR", []),
            ("Re-integratie loopt vast op ontbrekende oppas", "Onze cliënt moet van de sociale dienst aan het werk, maar de buitenschoolse opvang heeft een stop op nieuwe kinderen. Zonder plek voor haar twee kinderen kan ze het traject niet beginnen.", "SZW-PT", "GEM", []),
            ("Vader stopt met werken omdat oppas ontbreekt", "Na maanden op drie wachtlijsten besloot een vader in de logistiek zijn contract op te zeggen om thuis te blijven bij de tweeling. Het huishouden leeft nu van één inkomen.", "UWV-MW", "UWV", []),
            ("Alleen woensdag en vrijdag plek op de crèche", "Een verpleegkundige kan alleen op woensdag en vrijdag een plek krijgen, terwijl haar rooster vooral maandag, dinsdag en donderdag vraagt. Ze ruilt diensten tot haar team het niet meer trekt.", "UWV-KB", "UWV", []),
            ("Grootouders vangen kleinkind op tot hun eigen gezondheid het niet meer toelaat", "Omdat er in het dorp geen opvang beschikbaar is, passen de grootouders vier dagen per week op. De oma heeft nu hartklachten en de ouders weten niet hoe ze hun werk moeten houden.", "SVB-KB", "SVB", []),
        ],
    },
    {
        "key": "netcongestie-geen-aansluiting",  # names no law in any wording
        "signals": [
            ("Bakkerij kan nieuwe oven niet aansluiten: stroomnet vol", "Een familiebakkerij verhuisde naar een groter pand en wil van het gas af. De netbeheerder meldt dat een zwaardere aansluiting pas over vier tot zeven jaar mogelijk is.", "IC", "BZK", []),
            ("Ondernemer huurt dure accu omdat hij niet op het net mag", "Een horecazaak is volledig elektrisch ingericht maar krijgt de gevraagde capaciteit niet. Hij huurt een noodaccu voor duizenden euro's per maand en die staat op zijn terras.", "NO", "NO", []),
            ("Wachtrij voor elektriciteit blokkeert uitbreiding wasserij", "Een wasserij die lakens voor zorginstellingen verwerkt, moet verhuizen. Op de nieuwe locatie staat het bedrijf achteraan in de rij voor een aansluiting; urgentie voor de zorg telt niet.", "SZW-PT", "GEM", []),
            ("Geen zware aansluiting, dus geen laadpalen voor de bestelbussen", "Een installatiebedrijf moet van de gemeente elektrisch gaan rijden, maar het bedrijfspand kan geen laadpalen krijgen omdat er in de regio geen capaciteit meer is.", "GEM-BL", "GEM", []),
            ("Nieuwe school staat klaar maar heeft geen stroom", "Het gebouw is opgeleverd met warmtepompen en zonnepanelen. Omdat de netbeheerder de aansluiting pas volgend jaar kan leveren, draaien er dieselaggregaten en zitten de leerlingen nog in noodlokalen.", "IR-CC", "IR", []),
            ("Boer mag zonnestroom niet terugleveren", "Een melkveehouder legde panelen op zijn stal, maar mag de stroom niet aan het net leveren. De investering verdient zich niet terug en de bank vraagt om aflossing.", "BD-LRH", "BD", []),
            ("Starter verliest klant doordat aansluiting jaren duurt", "Een jonge ondernemer in de metaalbewerking kocht machines voor een grote opdracht. De stroom komt er pas over jaren; de opdrachtgever is naar een bedrijf in het buitenland gegaan.", "UWV-MW", "UWV", []),
            ("Gezin wacht maanden op verzwaarde huisaansluiting voor warmtepomp", "Een gezin verving de cv-ketel door een warmtepomp, zoals werd aangeraden. De verzwaring van hun meterkast duurt al meer dan dertig weken en ze stoken elektrisch met kacheltjes.", "UWV-KB", "UWV", []),
        ],
    },
    {
        "key": "wolf-schapen-schade",  # names no law in any wording
        "signals": [
            ("Schapenhouder krijgt alleen gedode dieren vergoed, niet de verwerpers", "Na een aanval van een wolf vond een herder vier dode ooien. Vijf andere verloren door de stress hun lammeren. Alleen de dode dieren worden vergoed; de rest geldt als bedrijfsrisico.", "BD-LRH", "BD", []),
            ("Vergoeding na wolvenaanval maanden op zich laten wachten", "Een schapenboer meldde in oktober dode dieren. In februari heeft hij nog geen cent ontvangen, omdat het taxatierapport en het DNA-onderzoek op zich laten wachten.", "IC", "BZK", []),
            ("Wolfwerend hek vergoed, het werk niet", "Een houder met schapen op twintig percelen kreeg subsidie voor rasters, maar het plaatsen en onderhouden moet hij zelf doen. Dat kost hem weken per jaar en de dieren worden toch gepakt.", "NO", "NO", []),
            ("Hobbyhouder krijgt niets na aanval op zijn schapen", "Een gepensioneerde man met tien schapen voor het natuurbeheer in het dorp verloor er zes. Omdat hij geen bedrijf heeft, komt hij niet in aanmerking voor een tegemoetkoming.", "SVB-KB", "SVB", []),
            ("Herder durft 's nachts niet meer naar de kudde", "Sinds een roofdier drie keer in zijn weiland toesloeg, slaapt een schapenhouder slecht en overweegt hij te stoppen. Hij voelt zich alleen gelaten door de provincie.", "GEM-BL", "GEM", []),
            ("Taxatie rekent met slachtwaarde, fokdieren zijn meer waard", "De gedode lammeren waren bedoeld voor de fokkerij. De taxateur rekende met de prijs van slachtlammeren, waardoor de vergoeding een fractie is van de echte schade.", "SZW-PT", "GEM", []),
            ("Bewijs binnen twee weken onmogelijk bij verloren lammeren", "Een schapenboer moest binnen veertien dagen aantonen dat het verwerpen door de aanval kwam. De dierenarts kon pas later komen, dus de claim werd afgewezen.", "IR-CC", "IR", []),
        ],
    },
    {
        "key": "drugsafval-op-eigen-grond",  # names no law in any wording
        "signals": [
            ("Boerin moet opruimen van gedumpte vaten zelf betalen", "Op het land van een akkerbouwster werden 's nachts tientallen blauwe vaten met chemisch afval gedumpt. De gemeente liet het opruimen en stuurt haar de rekening van ruim twintigduizend euro.", "BD-LRH", "BD", []),
            ("Oogst vernietigd na lozing van xtc-afval", "In een maïsperceel is afval van een drugslab geloosd. De mais moet worden vernietigd en de grond afgegraven. De verzekering dekt niets en de daders worden niet gevonden.", "GEM-BL", "GEM", []),
            ("Particulier erft weiland en krijgt twee keer de kosten van een dumping", "Op een geërfd stuk grond werd twee keer een busje met chemicaliën in brand gestoken. De gemeente vindt dat hij na de eerste keer maatregelen had moeten nemen en verhaalt alles op hem.", "IR-CC", "IR", []),
            ("Compensatiepot leeg: landeigenaren draaien zelf op voor giftig afval", "Wij horen van meerdere grondbezitters in het zuiden dat de tegemoetkoming voor het opruimen op is. Zij betalen zelf voor afval dat niet van hen is.", "IC", "BZK", []),
            ("Slachtoffer van criminelen en toch de rekening", "Een oudere man vond jerrycans met een scherpe geur achter zijn schuur. Hij meldde het netjes bij de politie en kreeg daarna een factuur voor de sanering van zijn erf.", "SVB-KB", "SVB", []),
            ("Maximale vergoeding dekt fractie van saneringskosten", "Na een dumping in een sloot moest de bodem worden gesaneerd. De bijdrage is beperkt tot een vast bedrag per geval, terwijl de kosten een veelvoud daarvan zijn.", "SZW-PT", "GEM", []),
        ],
    },
    {
        "key": "asielzoekers-buiten-slapen-aanmelding",  # names no law in any wording
        "signals": [
            ("Honderden mensen slapen op het gras bij het aanmeldcentrum", "Vannacht sliepen weer ongeveer driehonderd nieuwkomers buiten, onder luifels en in de regen. Er zijn geen bedden meer en geen bussen naar andere locaties.", "IC", "BZK", []),
            ("Zwangere vrouw en baby nachten op stoelen in wachtruimte", "Een gezin dat net in Nederland aankwam, bracht drie nachten door op plastic stoelen. De moeder is hoogzwanger; medische hulp was er alleen via vrijwilligers.", "NO", "NO", []),
            ("Registratie duurt weken, vluchtelingen zonder onderdak", "Mensen die zich willen melden om bescherming te vragen, moeten dagen wachten op identificatie. Tot die tijd hebben ze geen slaapplek en zijn ze afhankelijk van tenten van hulporganisaties.", "IR-CC", "IR", []),
            ("Doorstroom stokt: statushouders bezetten plekken, nieuwkomers buiten", "Omdat mensen met een vergunning geen woning krijgen, blijven de opvangplekken bezet. Aan de poort slapen nieuwe aankomers in het gras.", "GEM-BL", "GEM", []),
            ("Kinderen zonder schone kleren en douche bij de opvangpoort", "Wij zagen gezinnen met jonge kinderen die al een week niet hadden kunnen douchen. Er waren te weinig toiletten en drinkwater werd uitgedeeld door vrijwilligers.", "SZW-PT", "GEM", []),
            ("Nieuwkomer teruggestuurd naar aanmeldplek na sluiting noodopvang", "Een man werd na drie weken in een sporthal teruggebracht omdat die locatie sloot. Hij moest opnieuw buiten wachten tot er ergens een bed vrijkwam.", "UWV-KB", "UWV", []),
            ("Overvolle eerste opvang leidt tot ziekte en onrust", "Door de drukte bij de eerste opvang verspreiden huidinfecties zich en ontstaan ruzies. Medewerkers vallen uit en de nachten buiten gaan door.", "SVDU", "UWV", []),
        ],
    },
    {
        "key": "medicijn-niet-leverbaar",  # names no law in any wording
        "signals": [
            ("Parkinsonpatiënt steeds zonder zijn vaste tabletten", "Voor de derde keer dit jaar kan de apotheek de medicatie van een man met parkinson niet leveren. Elk alternatief ziet er anders uit en hij raakt in de war over de doses.", "NO", "NO", []),
            ("Apotheek heeft pil niet op voorraad, vrouw zonder anticonceptie", "Een jonge vrouw kreeg bij de apotheek te horen dat haar pil al weken niet te krijgen is. Een ander merk moest eerst via de huisarts, en die had geen plek.", "GEM-BL", "GEM", []),
            ("Jichtmiddel alleen in Nederland niet te krijgen", "Een oudere man met jicht krijgt telkens een halve voorraad, omdat zijn middel hier slecht leverbaar is. Over de grens ligt het gewoon in de schappen.", "SVB-KB", "SVB", []),
            ("Hartpatiënt moet steeds wisselen van plaspil", "Een vrouw met hartfalen kreeg in een half jaar drie verschillende varianten van haar vochtafdrijver. Na de laatste wissel belandde ze met vocht achter de longen in het ziekenhuis.", "IR-CC", "IR", []),
            ("Extra kosten voor geïmporteerd middel bij chronisch zieke", "Omdat het vaste geneesmiddel uit het buitenland moet komen, betaalt een cliënt met een minimuminkomen een eigen bijdrage die hij eerder niet had.", "UWV-KB", "UWV", []),
            ("Kind met epilepsie wacht op medicatie die er niet is", "Ouders van een meisje met epilepsie moesten langs vijf apotheken voor haar drank. Uiteindelijk maakte een apotheker het zelf, maar dat kan niet elke maand.", "IC", "BZK", []),
            ("Tekort aan antibiotica: behandeling met tweede keus", "Een oudere met een longontsteking kreeg niet het eerste middel omdat het uitverkocht was. Het vervangende middel gaf bijwerkingen en de opname duurde langer.", "SZW-PT", "VWS", []),
        ],
    },
    {
        "key": "pas-melder-zonder-vergunning",
        "signals": [
            ("Melkveehouder buiten eigen schuld illegaal sinds uitspraak over stikstof", "Een boer deed destijds netjes een melding voor zijn nieuwe stal, zoals toen voldoende was. Sinds de rechter de stikstofaanpak schrapte, werkt hij zonder natuurvergunning en dreigt handhaving.", "BD-LRH", "BD", ["BWBR0037552"]),
            ("Familiebedrijf kan niet investeren door onzekerheid PAS-melding", "Zolang er geen vergunning komt, wil de bank niet financieren voor de overname door de zoon. Het bedrijf staat al jaren stil.", "GEM-BL", "GEM", []),
            ("Dwangsom voor veehouder die te goeder trouw handelde", "Na een verzoek van een milieugroep legde de provincie een boer een dwangsom op die kan oplopen tot tienduizenden euro's. Hij had alles gedaan wat de overheid destijds vroeg.", "IC", "BZK", []),
            ("Legalisatie meldingsboer beloofd, maar nooit geleverd", "De overheid beloofde de boeren met een melding binnen drie jaar te legaliseren. Van de ruim tweeduizend bedrijven zijn er nauwelijks een handvol geholpen; de rest wacht nog.", "NO", "NO", []),
            ("Boerin met slapeloze nachten door stikstofdossier", "Een weduwe die met haar zoon een melkveebedrijf runt, krijgt hartkloppingen van de onzekerheid. Haar zoon sluit zich af en werkt nog harder.", "IR-CC", "IR", []),
            ("Provincie en Rijk wijzen naar elkaar bij boer zonder natuurvergunning", "Een pluimveehouder met een melding uit het stikstofprogramma krijgt bij de provincie te horen dat het Rijk ruimte moet maken. Het ministerie verwijst terug. Niemand neemt een besluit.", "SZW-PT", "GEM", []),
            ("Adres van melder openbaar na verzoek actiegroep", "Een veehouder met een melding vreest dat zijn adres via een verzoek bij de rechter openbaar wordt. Hij wordt al benaderd door mensen die hem illegaal noemen.", "SVB-KB", "SVB", []),
        ],
    },
    {
        "key": "zzp-geen-aov",  # names no law in any wording
        "signals": [
            ("Zelfstandige stukadoor ziek zonder enig inkomen", "Een stukadoor die voor zichzelf werkt, kreeg een hernia. Hij had geen verzekering tegen arbeidsongeschiktheid omdat de premie honderden euro's per maand was. Nu leeft het gezin van het loon van zijn vrouw.", "UWV-MW", "UWV", []),
            ("Verzekeraar weigert freelancer vanwege oude burn-out", "Een freelance vormgever wilde zich verzekeren tegen ziekte, maar werd geweigerd omdat ze jaren geleden overspannen was. Ze werkt nu onverzekerd door.", "NO", "NO", []),
            ("Na ongeluk moet zzp'er eerst spaargeld en huis opeten", "Een zelfstandige hovenier viel van een ladder. Zonder polis kon hij alleen een uitkering van de gemeente aanvragen, en die kwam pas nadat zijn buffer op was.", "GEM-BL", "GEM", []),
            ("Premie voor inkomensverzekering hoger dan wat een schilder overhoudt", "Voor een zelfstandige schilder van vijftig is de premie zo hoog dat er na betaling nauwelijks winst overblijft. Hij heeft de polis opgezegd en hoopt gezond te blijven.", "IR-CC", "IR", []),
            ("Kankerpatiënt met eigen bedrijf valt tussen wal en schip", "Een onderneemster kreeg borstkanker tijdens de behandeling van een grote opdracht. Ze had geen dekking en moet tijdens de chemo doorwerken om de huur te kunnen betalen.", "IC", "BZK", []),
            ("Maaltijdbezorger als zelfstandige niet verzekerd bij val", "Een jonge bezorger met een eigen inschrijving brak zijn pols bij een val. Er is geen doorbetaling en geen verzekering; hij kan de rekeningen niet betalen.", "SZW-PT", "GEM", []),
            ("Oudere zzp'er niet meer te verzekeren tegen uitval", "Boven de vijfenvijftig nemen verzekeraars een zelfstandige timmerman niet meer aan of vragen ze een onbetaalbare premie. Hij ziet op tegen de laatste twaalf jaar tot zijn pensioen.", "SVB-KB", "SVB", []),
        ],
    },
    {
        "key": "zorg-in-onderwijstijd",  # samenloop Jeugdwet / passend onderwijs
        "signals": [
            ("Gemeente en school schuiven begeleider in de klas naar elkaar", "Een jongen met autisme kan alleen naar school met een vaste begeleider naast zich. De gemeente zegt dat het onderwijs moet betalen, het samenwerkingsverband wijst naar de Jeugdwet. Hij zit thuis.", "GEM-BL", "GEM", ["BWBR0034925", "BWBR0032176"]),
            ("Verpleegkundige zorg op school door niemand betaald", "Een meisje met een sonde heeft op school een paar keer per dag verpleegkundige handelingen nodig. De zorgverzekeraar vergoedt dat alleen thuis, de school heeft er geen geld voor.", "NO", "NO", []),
            ("Moeder zit in de klas omdat zorg onder schooltijd niet geregeld is", "Omdat niemand de ondersteuning van haar zoon tijdens de lessen wil financieren, gaat de moeder elke ochtend mee naar school. Ze is haar baan kwijtgeraakt.", "IR-CC", "IR", []),
            ("Beschikking jeugdhulp geldt niet binnen schoolmuren", "De begeleiding die een kind thuis krijgt, mag niet op school worden ingezet. Voor dezelfde hulp in de klas moet een tweede aanvraag bij een andere instantie, die maanden duurt.", "SZW-PT", "VWS", ["BWBR0034925"]),
            ("Speciaal onderwijs: per leerling een ander loket voor zorg", "Op onze school voor speciaal onderwijs hebben leerlingen zorg uit vier verschillende wetten. Voor elk kind vragen we apart aan bij gemeente, zorgkantoor of verzekeraar, en wie te laat is, krijgt niets.", "IC", "BZK", []),
            ("Leerling met ernstige beperking alleen halve dagen naar school", "Omdat de persoonlijke verzorging tijdens lestijd maar voor twee uur per dag is toegekend, mag een jongen met een meervoudige beperking slechts 's ochtends komen. Ouders willen dat hij volledig onderwijs krijgt.", "UWV-KB", "UWV", []),
            ("Ruzie over wie de zorg in de klas betaalt duurt een heel schooljaar", "Een meisje met ernstige angst had een jeugdhulpwerker in de klas nodig. Gemeente en samenwerkingsverband overlegden een jaar over de kosten; intussen viel ze uit.", "SVB-KB", "SVB", []),
        ],
    },
    {
        "key": "armoedeval-meer-werken",  # samenloop toeslagen / gemeentelijke minimaregelingen
        "signals": [
            ("Meer uren werken, netto minder over door verlies huurtoeslag", "Een alleenstaande moeder ging van twintig naar achtentwintig uur. Haar inkomen kwam net boven de grens en ze verloor in één keer de huurtoeslag. Per maand houdt ze minder over dan eerst.", "GEM-BL", "GEM", ["BWBR0008659"]),
            ("Loonsverhoging kost kwijtschelding en minimaregelingen", "Een schoonmaker kreeg een kleine loonsverhoging en viel daardoor buiten de kwijtschelding van de gemeentelijke belastingen, de bijdrage voor schoolreisjes en de zorgverzekering van de gemeente.", "IR-CC", "IR", []),
            ("Van bijstand naar baan: gezin gaat erop achteruit", "Wij rekenden voor een vader uit dat hij na aanvaarding van een fulltime baan honderd euro per maand minder heeft, omdat toeslagen dalen en de gemeentelijke regelingen wegvallen.", "SZW-PT", "GEM", []),
            ("Klantmanager raadt af om extra dienst te draaien", "Een vrouw met een deeltijdbaan wilde er een dienst per week bij nemen. Na een proefberekening bleek dat ze door het wegvallen van de huurtoeslag en de kwijtschelding van de gemeente bijna niets overhoudt.", "UWV-KB", "UWV", []),
            ("Bonus op het werk leidt tot terugbetaling toeslagen", "Een eenmalige beloning van de werkgever tilde het jaarinkomen van een medewerker net over de grens. Hij moet nu de zorgtoeslag van het hele jaar terugbetalen.", "BD-LRH", "BD", ["BWBR0018451"]),
            ("Werken loont niet voor ouder met laag loon", "Een moeder vraagt ons waarom ze zou gaan werken: de kinderopvang kost geld, het kindgebonden budget daalt en de gratis sportpas voor de kinderen vervalt. Ze blijft thuis.", "NO", "NO", []),
            ("Bijverdienen zonder voordeel: alles wat erbij komt gaat er weer af", "Een man met een klein pensioen nam een bijbaantje. Belasting, lagere toeslagen en het verlies van de gemeentelijke regelingen namen het grootste deel weer weg.", "SVB-KB", "SVB", []),
        ],
    },
    {
        "key": "milieuzone-oude-bestelbus",  # names no law in any wording
        "signals": [
            ("Loodgieter mag met oude bus het centrum niet meer in", "Een zelfstandige loodgieter rijdt een dieselbus van vijftien jaar oud. Sinds deze zomer krijgt hij een boete als hij voor een klus in de binnenstad komt, en een elektrische bus kan hij niet betalen.", "IC", "BZK", []),
            ("Marktkoopman verliest standplaats door uitstootregels", "Een groenteboer die al dertig jaar op de markt staat, mag met zijn vrachtwagen de zone niet meer in. Een nieuwe kost tienduizenden euro's en de bank leent niet meer aan hem.", "GEM-BL", "GEM", []),
            ("Boetes voor bloemist die winkels in de stad bevoorraadt", "Een kleine bloemenkwekerij levert aan winkels in drie steden. Hun bestelauto is te oud voor de nieuwe zones, en elke rit kost nu een bekeuring van honderdtwintig euro.", "BD-LRH", "BD", []),
            ("Ontheffing voor schone zone alleen voor wie het kan aantonen", "Een klusjesman van zestig vroeg uitstel aan voor zijn oude bestelwagen, maar moest zoveel papieren aanleveren dat hij het opgaf. Hij neemt geen klussen in het centrum meer aan.", "SZW-PT", "GEM", []),
            ("Elektrische bestelbus onbetaalbaar voor kleine ondernemer", "Een schilder rekent voor dat een elektrisch busje het drievoudige kost van zijn huidige auto. Zonder zo'n bus verliest hij de klanten in de stad, waar hij het meeste werk had.", "UWV-MW", "UWV", []),
            ("Zelfde busje, andere kentekendatum, wel of niet welkom", "Twee schoonmaakbedrijven hebben hetzelfde type bus. De ene mag de binnenstad nog jaren in, de andere niet, alleen omdat hij een paar weken later op kenteken werd gezet.", "NO", "NO", []),
        ],
    },
    {
        "key": "bankhelpdeskfraude-niet-vergoed",  # names no law in any wording
        "signals": [
            ("Oudere vrouw door nep-bankmedewerker van spaargeld beroofd", "Een vrouw van tachtig werd gebeld door iemand die zei van de fraudeafdeling van haar bank te zijn. Ze installeerde een programma en binnen een uur was haar spaargeld weg. De bank vergoedt niets.", "SVB-KB", "SVB", []),
            ("Bank weigert schade omdat klant zelf het geld overmaakte", "Een man maakte op aanwijzing van een beller zijn tegoed over naar een zogenaamde kluisrekening. Omdat hij zelf de betaling deed, vindt de bank dat hij onvoorzichtig was.", "IR-CC", "IR", []),
            ("Koerier haalt betaalpas op, rekening leeg", "Een weduwnaar kreeg een telefoontje dat zijn pas niet meer veilig was. Een koerier haalde de pas op; daarna werd duizenden euro's opgenomen. De bank spreekt van grove nalatigheid.", "NO", "NO", []),
            ("Tweede keer opgelicht, dus geen vergoeding meer", "Een mevrouw met beginnende dementie werd voor de tweede keer slachtoffer van een vals telefoontje namens haar bank. Omdat ze eerder al gecompenseerd werd, krijgt ze nu niets.", "IC", "BZK", []),
            ("Oplichter deed zich voor als medewerker van een andere bank", "De fraudeur noemde zich medewerker van de landelijke fraudehelpdesk, niet van haar eigen bank. Daarom valt de schade van een jonge moeder buiten de regeling en blijft ze met een lege rekening zitten.", "GEM-BL", "GEM", []),
            ("Klachteninstituut wijst gedupeerde van telefoonfraude af", "Na een klacht over ruim twintigduizend euro die via een nagebootst nummer van haar bank was buitgemaakt, oordeelde het klachteninstituut dat de klant niet oplettend genoeg was geweest.", "UWV-KB", "UWV", []),
            ("Schuldhulpcliënt verliest leefgeld door valse bankhelpdesk", "Onze cliënt in budgetbeheer gaf na een overtuigend telefoongesprek toegang tot zijn rekening. Het leefgeld voor de hele maand was weg en de bank verwijst naar eigen verantwoordelijkheid.", "SZW-PT", "GEM", []),
        ],
    },
]

VECTORS = Path(__file__).with_name("proposal_heldout_4_vectors.npz")


def texts() -> list[str]:
    from signals.proposal_embed import signal_text

    return [signal_text(title, description) for group in HELD_OUT_GROUPS for title, description, *_ in group["signals"]]


def preload_vectors() -> int:
    from tests.signals.proposal_heldout import preload_from

    return preload_from(VECTORS)


if __name__ == "__main__":  # python -m tests.signals.proposal_heldout_4: recompute the shipped vectors
    from tests.signals.proposal_heldout import write_vectors_for

    write_vectors_for(texts(), VECTORS)
