"""The 28-hour integration course: Latvian original with an English translation. The first
half (state, history, culture) is here; the second, everyday life, in integration_life.py."""

from lessons.demo import integration_life
from lessons.demo.content import Lesson, Module, check, heading, text, tip

MODULES = [
    Module("latvijas-valsts",
           ("Latvijas valsts un Satversme", "The Latvian state and its constitution"),
           ("Neatkarīga demokrātiska republika: Satversme, Saeima, prezidents un valdība.",
            "An independent democratic republic: the Satversme, the Saeima, the President and "
            "the government."), [
        Lesson("latvijas-republika-un-satversme",
               ("Latvijas Republika un Satversme", "The Republic of Latvia and the Satversme"),
               ("<p>Uzzināsiet, kas ir Satversme un kādi ir Latvijas valsts pamati.</p>",
                "<p>You will learn what the Satversme is and what the Latvian state is built "
                "on.</p>"), [
            heading("Valsts dzimšana", "The birth of the state"),
            text("<p>Latvijas Republika tika proklamēta <b>1918. gada 18. novembrī</b> Rīgā. "
                 "Šo dienu katru gadu svin kā valsts svētkus. Latvijas galvaspilsēta ir Rīga, "
                 "valsts valoda ir latviešu valoda, un valstī dzīvo ap 1,9 miljoniem "
                 "iedzīvotāju.</p>",
                 "<p>The Republic of Latvia was proclaimed in Rīga on <b>18 November 1918</b>. "
                 "The day is celebrated every year as a national holiday. The capital is Rīga, "
                 "the state language is Latvian, and about 1.9 million people live in the "
                 "country.</p>"),
            heading("Satversme", "The Satversme"),
            text("<p>Satversme ir Latvijas konstitūcija. To pieņēma Satversmes sapulce "
                 "<b>1922. gada 15. februārī</b>, un tā ir viena no vecākajām joprojām spēkā "
                 "esošajām konstitūcijām Eiropā. Satversmes 1. pants nosaka: "
                 "<i>„Latvija ir neatkarīga demokrātiska republika.”</i> 2. pants: "
                 "<i>„Latvijas valsts suverēnā vara pieder Latvijas tautai.”</i></p>"
                 "<p>Satversmes 8. nodaļa aizsargā cilvēka pamattiesības: vienlīdzību likuma "
                 "priekšā, tiesības uz taisnīgu tiesu, vārda, sapulču un reliģijas brīvību, "
                 "tiesības uz izglītību un veselības aizsardzību.</p>",
                 "<p>The Satversme is Latvia's constitution. The Constitutional Assembly adopted "
                 "it on <b>15 February 1922</b>, and it is one of the oldest constitutions still "
                 "in force in Europe. Article 1 says: <i>“Latvia is an independent democratic "
                 "republic.”</i> Article 2: <i>“The sovereign power of the State of Latvia "
                 "belongs to the people of Latvia.”</i></p>"
                 "<p>Chapter 8 of the Satversme protects fundamental human rights: equality "
                 "before the law, the right to a fair trial, freedom of expression, assembly "
                 "and religion, the right to education and to health care.</p>"),
            heading("Valsts simboli", "State symbols"),
            text("<p>Latvijas karogs ir karmīnsarkans ar baltu svītru vidū (platumu attiecība "
                 "2:1:2). Valsts himna ir Kārļa Baumaņa „Dievs, svētī Latviju!”. Ģerbonī "
                 "attēlota saule un trīs zvaigznes — Kurzeme, Vidzeme un Latgale.</p>",
                 "<p>The Latvian flag is carmine red with a white stripe in the middle (widths "
                 "2:1:2). The national anthem is Kārlis Baumanis's “Dievs, svētī Latviju!” "
                 "(God bless Latvia). The coat of arms shows a sun and three stars — Kurzeme, "
                 "Vidzeme and Latgale.</p>"),
            tip("Satversmes tekstu latviešu un angļu valodā var izlasīt tīmekļvietnē "
                "likumi.lv.",
                "The text of the Satversme in Latvian and English is on likumi.lv."),
            check(("Kad pieņemta Satversme?", "When was the Satversme adopted?"),
                  [("1918. gada 18. novembrī", "18 November 1918", False),
                   ("1922. gada 15. februārī", "15 February 1922", True),
                   ("1990. gada 4. maijā", "4 May 1990", False)],
                  ("Valsts proklamēta 1918. gadā; Satversmi pieņēma 1922. gadā.",
                   "The state was proclaimed in 1918; the Satversme was adopted in 1922.")),
        ], minutes=25),
        Lesson("saeima-prezidents-valdiba",
               ("Saeima, Valsts prezidents un valdība", "The Saeima, the President and the "
                "government"),
               ("<p>Kā Latvijā tiek pieņemti likumi un kas vada valsti.</p>",
                "<p>How laws are made in Latvia and who runs the country.</p>"), [
            heading("Varas dalīšana", "Separation of powers"),
            text("<p>Valsts varu Latvijā dala trīs daļās. <b>Likumdošanas vara</b> pieder "
                 "Saeimai, <b>izpildvara</b> — Ministru kabinetam, <b>tiesu vara</b> — "
                 "neatkarīgām tiesām. Satversmes tiesa vērtē, vai likumi atbilst "
                 "Satversmei.</p>",
                 "<p>State power in Latvia is divided into three branches. <b>Legislative "
                 "power</b> belongs to the Saeima, <b>executive power</b> to the Cabinet of "
                 "Ministers, and <b>judicial power</b> to independent courts. The "
                 "Constitutional Court decides whether laws comply with the Satversme.</p>"),
            heading("Saeima", "The Saeima"),
            text("<p>Saeima ir parlaments ar <b>100 deputātiem</b>. Tos ievēl uz četriem "
                 "gadiem vispārējās, vienlīdzīgās, tiešās un aizklātās vēlēšanās. Vēlēt drīkst "
                 "Latvijas pilsoņi no 18 gadu vecuma. Saeima pieņem likumus un valsts budžetu "
                 "un apstiprina valdību.</p>",
                 "<p>The Saeima is the parliament, with <b>100 members</b>. They are elected "
                 "for four years in general, equal, direct and secret elections. Latvian "
                 "citizens aged 18 and over may vote. The Saeima passes laws and the state "
                 "budget and approves the government.</p>"),
            heading("Prezidents un valdība", "The President and the government"),
            text("<p><b>Valsts prezidentu</b> ievēl Saeima uz četriem gadiem; vienu un to pašu "
                 "personu var ievēlēt ne vairāk kā divus termiņus pēc kārtas. Prezidents "
                 "pārstāv valsti un aicina veidot valdību. <b>Ministru kabinetu</b> vada "
                 "Ministru prezidents. Pašvaldību domes ievēl iedzīvotāji reizi četros gados; "
                 "pašvaldību vēlēšanās var balsot arī Latvijā dzīvojošie ES pilsoņi.</p>",
                 "<p>The Saeima elects the <b>President</b> for four years; the same person may "
                 "serve at most two terms in a row. The President represents the state and "
                 "asks someone to form a government. The <b>Cabinet of Ministers</b> is led by "
                 "the Prime Minister. Residents elect municipal councils every four years; EU "
                 "citizens living in Latvia may vote in municipal elections too.</p>"),
            tip("Saeimas sēdes ir atklātas: tās var skatīties tiešraidē saeima.lv.",
                "Sessions of the Saeima are public: you can watch them live on saeima.lv."),
            check(("Cik deputātu ir Saeimā?", "How many members does the Saeima have?"),
                  [("50", "50", False), ("100", "100", True), ("150", "150", False)],
                  ("Saeimā ir 100 deputātu, kurus ievēl uz četriem gadiem.",
                   "The Saeima has 100 members elected for four years.")),
        ], minutes=25),
    ]),
    Module("vesture", ("Latvijas vēsture", "The history of Latvia"),
           ("No baltu ciltīm līdz neatkarības atjaunošanai.",
            "From the Baltic tribes to the restoration of independence."), [
        Lesson("cels-lidz-neatkaribai",
               ("Ceļš līdz neatkarībai", "The road to independence"),
               ("<p>Galvenie notikumi līdz 1920. gadam.</p>",
                "<p>The main events up to 1920.</p>"), [
            text("<p>Tagadējās Latvijas teritorijā dzīvoja kurši, latgaļi, zemgaļi, sēļi un "
                 "lībieši. 13. gadsimtā zemes iekaroja vācu krustneši; <b>1201. gadā</b> "
                 "dibināja Rīgu. Vēlāk šīs zemes pārvaldīja Polija-Lietuva, Zviedrija un "
                 "Krievijas impērija. Dzimtbūšanu Kurzemē atcēla 1817. gadā, Vidzemē — 1819. "
                 "gadā, Latgalē — 1861. gadā.</p>",
                 "<p>The Curonians, Latgalians, Semigallians, Selonians and Livonians lived on "
                 "the land of today's Latvia. In the 13th century German crusaders conquered "
                 "it; Rīga was founded in <b>1201</b>. Later the land was ruled by "
                 "Poland-Lithuania, Sweden and the Russian Empire. Serfdom was abolished in "
                 "Kurzeme in 1817, in Vidzeme in 1819 and in Latgale in 1861.</p>"),
            heading("Tautas atmoda", "The national awakening"),
            text("<p>19. gadsimta vidū jaunlatvieši aicināja lepoties ar latviešu valodu un "
                 "kultūru. <b>1873. gadā</b> Rīgā notika pirmie Vispārējie latviešu dziesmu "
                 "svētki. Pēc Pirmā pasaules kara <b>1918. gada 18. novembrī</b> Tautas padome "
                 "proklamēja Latvijas valsti. Brīvības cīņās (1918-1920) Latvija aizstāvēja "
                 "neatkarību, un 1920. gada 11. augustā Padomju Krievija to atzina miera "
                 "līgumā.</p>",
                 "<p>In the mid-19th century the Young Latvians urged people to be proud of the "
                 "Latvian language and culture. In <b>1873</b> the first General Latvian Song "
                 "Festival took place in Rīga. After the First World War, on <b>18 November "
                 "1918</b>, the People's Council proclaimed the state of Latvia. In the War of "
                 "Independence (1918-1920) Latvia defended its independence, and on 11 August "
                 "1920 Soviet Russia recognised it in a peace treaty.</p>"),
            tip("11. novembris — Lāčplēša diena — ir veltīts brīvības cīnītājiem.",
                "11 November — Lāčplēsis Day — honours the fighters for freedom."),
            check(("Kurā gadā notika pirmie Dziesmu svētki?",
                   "In which year was the first Song Festival held?"),
                  [("1873", "1873", True), ("1918", "1918", False), ("1201", "1201", False)],
                  ("Pirmie Vispārējie latviešu dziesmu svētki notika Rīgā 1873. gadā.",
                   "The first General Latvian Song Festival took place in Rīga in 1873.")),
        ], minutes=20),
        Lesson("okupacija-un-atjaunosana",
               ("Okupācija un neatkarības atjaunošana",
                "Occupation and the restoration of independence"),
               ("<p>No 1940. gada līdz dalībai Eiropas Savienībā.</p>",
                "<p>From 1940 to membership of the European Union.</p>"), [
            text("<p><b>1940. gadā</b> Latviju okupēja Padomju Savienība. 1941. gada 14. jūnijā "
                 "un 1949. gada 25. martā desmitiem tūkstošu cilvēku deportēja uz Sibīriju. "
                 "No 1941. līdz 1944./1945. gadam valsti okupēja nacistiskā Vācija, pēc tam "
                 "atkal PSRS. Šīs dienas Latvijā ir atceres dienas.</p>",
                 "<p>In <b>1940</b> the Soviet Union occupied Latvia. On 14 June 1941 and 25 "
                 "March 1949 tens of thousands of people were deported to Siberia. From 1941 "
                 "to 1944/1945 the country was occupied by Nazi Germany, then again by the "
                 "USSR. These days are days of remembrance in Latvia.</p>"),
            heading("Dziesmotā revolūcija", "The Singing Revolution"),
            text("<p><b>1989. gada 23. augustā</b> ap diviem miljoniem cilvēku sadevās rokās "
                 "„Baltijas ceļā” no Tallinas caur Rīgu līdz Viļņai. <b>1990. gada 4. maijā</b> "
                 "Augstākā padome pieņēma deklarāciju par neatkarības atjaunošanu. 1991. gada "
                 "janvārī rīdzinieki sargāja barikādes, un <b>1991. gada 21. augustā</b> "
                 "neatkarība tika atjaunota pilnībā. 2004. gadā Latvija iestājās NATO un "
                 "Eiropas Savienībā, 2014. gadā ieviesa eiro.</p>",
                 "<p>On <b>23 August 1989</b> about two million people joined hands in the "
                 "“Baltic Way” from Tallinn through Rīga to Vilnius. On <b>4 May 1990</b> the "
                 "Supreme Council adopted the declaration on the restoration of independence. "
                 "In January 1991 people in Rīga guarded the barricades, and on <b>21 August "
                 "1991</b> independence was fully restored. In 2004 Latvia joined NATO and the "
                 "European Union, and in 2014 it adopted the euro.</p>"),
            check(("Kas notika 1990. gada 4. maijā?", "What happened on 4 May 1990?"),
                  [("Pieņēma deklarāciju par neatkarības atjaunošanu",
                    "The declaration on the restoration of independence was adopted", True),
                   ("Latvija iestājās Eiropas Savienībā", "Latvia joined the European Union",
                    False),
                   ("Notika Baltijas ceļš", "The Baltic Way took place", False)],
                  ("4. maijs ir valsts svētki — Latvijas Republikas Neatkarības atjaunošanas "
                   "diena.", "4 May is a national holiday — the Restoration of Independence "
                   "Day.")),
        ], minutes=20),
    ]),
    Module("kultura-un-tradicijas", ("Kultūra un tradīcijas", "Culture and traditions"),
           ("Dziesmu svētki, dainas un gada svētki.",
            "The Song Festival, folk songs and the festivals of the year."), [
        Lesson("dziesmu-svetki-un-dainas",
               ("Dziesmu un deju svētki un dainas", "The Song and Dance Festival and the dainas"),
               ("<p>Kāpēc latviešus sauc par dziedātāju tautu.</p>",
                "<p>Why Latvians are called a singing nation.</p>"), [
            text("<p>Vispārējie latviešu Dziesmu un deju svētki notiek ik pēc pieciem gadiem; "
                 "tajos piedalās desmitiem tūkstošu dziedātāju un dejotāju no visas Latvijas. "
                 "Baltijas valstu dziesmu un deju svētku tradīcija ir iekļauta UNESCO "
                 "nemateriālā kultūras mantojuma sarakstā. Arī skolēniem ir savi Dziesmu un "
                 "deju svētki.</p>",
                 "<p>The General Latvian Song and Dance Festival takes place every five years "
                 "with tens of thousands of singers and dancers from all over Latvia. The "
                 "Baltic song and dance celebrations are on UNESCO's list of intangible "
                 "cultural heritage. School students have their own Song and Dance Festival "
                 "too.</p>"),
            heading("Dainas", "The dainas"),
            text("<p>Dainas ir īsas tautasdziesmas, parasti četrās rindās. Krišjānis Barons "
                 "savāca un sakārtoja vairāk nekā 200 000 tautasdziesmu tekstu; to kartotēka "
                 "„Dainu skapis” ir UNESCO programmas „Pasaules atmiņa” sarakstā.</p>",
                 "<p>Dainas are short folk songs, usually of four lines. Krišjānis Barons "
                 "collected and arranged more than 200,000 folk song texts; his card cabinet, "
                 "the “Cabinet of Folksongs”, is on UNESCO's Memory of the World register.</p>"),
            tip("Koris ir lielisks veids, kā iepazīties ar cilvēkiem un praktizēt latviešu "
                "valodu. Jautājiet savā pašvaldībā par tuvāko kori vai deju kolektīvu.",
                "A choir is a great way to meet people and practise Latvian. Ask your "
                "municipality about the nearest choir or dance group."),
            check(("Cik bieži notiek Vispārējie Dziesmu un deju svētki?",
                   "How often is the General Song and Dance Festival held?"),
                  [("Katru gadu", "Every year", False), ("Ik pēc pieciem gadiem",
                                                        "Every five years", True),
                   ("Ik pēc desmit gadiem", "Every ten years", False)],
                  ("Svētki notiek ik pēc pieciem gadiem, parasti jūlijā Rīgā.",
                   "The festival takes place every five years, usually in July in Rīga.")),
        ], minutes=20),
        Lesson("gada-svetki", ("Gada svētki", "Festivals of the year"),
               ("<p>Jāņi, Ziemassvētki, Lieldienas un valsts svētki.</p>",
                "<p>Midsummer, Christmas, Easter and national holidays.</p>"), [
            text("<p><b>Jāņi</b> (23. un 24. jūnijs) ir vasaras saulgrieži un mīļākie svētki "
                 "daudziem latviešiem. Tos svin laukos: pin vainagus no ziediem un ozola "
                 "lapām, kurina ugunskuru, dzied līgo dziesmas, ēd Jāņu sieru ar ķimenēm. "
                 "<b>Lieldienās</b> krāso olas sīpolu mizās un šūpojas šūpolēs. "
                 "<b>Mārtiņdiena</b> (10. novembris) noslēdz rudens darbus, bet "
                 "<b>Ziemassvētkos</b> rotā eglīti — tradīcija, ko saista ar Rīgu jau 1510. "
                 "gadā.</p>",
                 "<p><b>Jāņi</b> (23 and 24 June) is the midsummer festival and many Latvians' "
                 "favourite. It is celebrated in the countryside: people weave wreaths of "
                 "flowers and oak leaves, light a bonfire, sing līgo songs and eat caraway "
                 "cheese. At <b>Easter</b> eggs are dyed in onion skins and people ride swings. "
                 "<b>Mārtiņdiena</b> (10 November) ends the autumn work, and at "
                 "<b>Christmas</b> people decorate a tree — a tradition linked with Rīga as "
                 "early as 1510.</p>"),
            heading("Valsts svētki", "National holidays"),
            text("<p>Svarīgākās valsts svētku dienas: 4. maijs (Neatkarības atjaunošanas diena) "
                 "un 18. novembris (Latvijas Republikas proklamēšanas diena). Tās ir brīvdienas. "
                 "Svētku dienās pie mājām izkar valsts karogu.</p>",
                 "<p>The most important national holidays are 4 May (Restoration of "
                 "Independence Day) and 18 November (Proclamation Day of the Republic of "
                 "Latvia). They are days off. On national holidays flags are flown on "
                 "houses.</p>"),
            check(("Ko ēd Jāņos?", "What do people eat at Jāņi?"),
                  [("Jāņu sieru", "Caraway cheese", True), ("Piparkūkas", "Gingerbread",
                                                            False),
                   ("Pelēkos zirņus", "Grey peas", False)],
                  ("Jāņu siers ar ķimenēm ir Jāņu galda sastāvdaļa. Piparkūkas cep "
                   "Ziemassvētkos, pelēkos zirņus ēd arī Ziemassvētkos.",
                   "Caraway cheese belongs on the Jāņi table. Gingerbread is baked for "
                   "Christmas, and grey peas are eaten at Christmas too.")),
        ], minutes=20),
    ]),
]

MODULES += integration_life.MODULES
