"""The integration course's second half: everyday life and public services, work and
education, residence and citizenship (Latvian original with an English translation)."""

from lessons.demo.content import Lesson, Module, check, heading, text, tip

MODULES = [
    Module("ikdiena-un-pakalpojumi", ("Ikdienas dzīve un valsts pakalpojumi",
                                      "Everyday life and public services"),
           ("Dzīvesvieta, veselības aprūpe un e-pakalpojumi.",
            "Your address, health care and e-services."), [
        Lesson("dzivesvieta-un-veseliba",
               ("Dzīvesvieta un veselības aprūpe", "Your address and health care"),
               ("<p>Kā deklarēt dzīvesvietu un kur meklēt ārsta palīdzību.</p>",
                "<p>How to register your address and where to find a doctor.</p>"), [
            heading("Dzīvesvietas deklarēšana", "Registering your address"),
            text("<p>Katram iedzīvotājam jādeklarē sava dzīvesvieta — adrese, kur viņu var "
                 "sasniegt. To var izdarīt pašvaldībā vai tiešsaistē portālā latvija.gov.lv. "
                 "Deklarētā adrese ir svarīga skolām, bērnudārziem, sociālajai palīdzībai un "
                 "vēstulēm no valsts iestādēm.</p>",
                 "<p>Every resident must declare their place of residence — the address where "
                 "they can be reached. You can do it at the municipality or online on "
                 "latvija.gov.lv. Your declared address matters for schools, kindergartens, "
                 "social assistance and letters from state institutions.</p>"),
            heading("Ģimenes ārsts", "The family doctor"),
            text("<p>Veselības aprūpē vispirms jāvēršas pie <b>ģimenes ārsta</b>. Pie ārsta "
                 "jāpiereģistrējas; ārsts izsniedz nosūtījumus pie speciālistiem un receptes. "
                 "Valsts apmaksāto veselības aprūpi organizē Nacionālais veselības dienests "
                 "(vmnvd.gov.lv).</p>",
                 "<p>In health care you first go to a <b>family doctor</b>. You need to "
                 "register with one; the doctor gives referrals to specialists and "
                 "prescriptions. State-funded health care is organised by the National Health "
                 "Service (vmnvd.gov.lv).</p>"),
            tip("Ārkārtas situācijā zvaniet <b>112</b> — tas ir bez maksas un darbojas visā "
                "ES. Neatliekamā medicīniskā palīdzība: 113.",
                "In an emergency call <b>112</b> — it is free and works across the EU. "
                "Ambulance: 113.", important=True),
            check(("Kur vispirms jāvēršas, ja esat saslimis?",
                   "Where do you go first when you are ill?"),
                  [("Pie ģimenes ārsta", "To the family doctor", True),
                   ("Uz Saeimu", "To the Saeima", False),
                   ("Uz policiju", "To the police", False)],
                  ("Ģimenes ārsts ārstē vai nosūta pie speciālista. Ārkārtas gadījumā "
                   "zvaniet 112.", "The family doctor treats you or refers you to a "
                   "specialist. In an emergency call 112.")),
        ], minutes=20),
        Lesson("e-pakalpojumi-un-nodokli", ("E-pakalpojumi un nodokļi", "E-services and taxes"),
               ("<p>Kā kārtot lietas ar valsti tiešsaistē.</p>",
                "<p>How to deal with the state online.</p>"), [
            text("<p>Portālā <b>latvija.gov.lv</b> ir simtiem valsts un pašvaldību "
                 "e-pakalpojumu. Pieslēgties var ar internetbanku vai eParakstu. Katram "
                 "iedzīvotājam ir <b>personas kods</b>, ko prasa banka, ārsts un darba "
                 "devējs.</p>"
                 "<p><b>Valsts ieņēmumu dienests</b> (VID) iekasē nodokļus. Algotam darbiniekam "
                 "iedzīvotāju ienākuma nodokli un sociālās iemaksas ietur darba devējs. VID "
                 "Elektroniskajā deklarēšanas sistēmā (EDS) var iesniegt gada ienākumu "
                 "deklarāciju un atgūt daļu nodokļa par izglītību un ārstniecību.</p>",
                 "<p>The <b>latvija.gov.lv</b> portal has hundreds of state and municipal "
                 "e-services. You can sign in with online banking or eParaksts. Every resident "
                 "has a <b>personal code</b>, which the bank, the doctor and the employer will "
                 "ask for.</p>"
                 "<p>The <b>State Revenue Service</b> (VID) collects taxes. For employees, the "
                 "employer withholds personal income tax and social contributions. In the "
                 "VID's Electronic Declaration System (EDS) you can file an annual income "
                 "declaration and get back part of the tax paid for education and medical "
                 "treatment.</p>"),
            tip("Sociālās iemaksas veido jūsu nākotnes pensiju un slimības pabalstu — strādājiet "
                "ar darba līgumu.",
                "Social contributions build your future pension and sick pay — work with an "
                "employment contract."),
            check(("Kura iestāde iekasē nodokļus?", "Which institution collects taxes?"),
                  [("VID", "VID (State Revenue Service)", True),
                   ("PMLP", "PMLP (Office of Citizenship and Migration Affairs)", False),
                   ("NVA", "NVA (State Employment Agency)", False)],
                  ("Nodokļus administrē Valsts ieņēmumu dienests.",
                   "Taxes are administered by the State Revenue Service.")),
        ], minutes=20),
    ]),
    Module("darbs-un-izglitiba", ("Darbs un izglītība", "Work and education"),
           ("Darba tiesības un izglītības sistēma.", "Rights at work and the education "
                                                     "system."), [
        Lesson("darbs-latvija", ("Darbs Latvijā", "Working in Latvia"),
               ("<p>Jūsu tiesības un pienākumi darbā.</p>",
                "<p>Your rights and duties at work.</p>"), [
            text("<p>Darba attiecības sākas ar rakstisku <b>darba līgumu</b>. Tajā norāda "
                 "darba vietu, pienākumus, darba laiku un algu. Normālais darba laiks ir 40 "
                 "stundas nedēļā. Darbiniekam pienākas apmaksāts ikgadējais atvaļinājums — ne "
                 "mazāk kā četras kalendāra nedēļas. Minimālo mēneša algu nosaka valsts.</p>",
                 "<p>Employment starts with a written <b>employment contract</b>. It states the "
                 "workplace, duties, working hours and pay. Normal working time is 40 hours a "
                 "week. Employees are entitled to paid annual leave of at least four calendar "
                 "weeks. The state sets the minimum monthly wage.</p>"),
            heading("Kur meklēt palīdzību", "Where to get help"),
            text("<p><b>Nodarbinātības valsts aģentūra</b> (NVA) palīdz meklēt darbu un piedāvā "
                 "kursus, arī latviešu valodas kursus. <b>Valsts darba inspekcija</b> "
                 "pieņem sūdzības, ja darba devējs nemaksā algu vai neievēro darba drošību.</p>",
                 "<p>The <b>State Employment Agency</b> (NVA) helps you look for work and "
                 "offers courses, including Latvian language courses. The <b>State Labour "
                 "Inspectorate</b> handles complaints when an employer does not pay wages or "
                 "ignores safety at work.</p>"),
            tip("Nestrādājiet bez līguma: bez tā ir grūti pierādīt, cik jums pienākas.",
                "Do not work without a contract: without one it is hard to prove what you are "
                "owed.", important=True),
            check(("Cik garš ir apmaksātais ikgadējais atvaļinājums vismaz?",
                   "How long is paid annual leave at least?"),
                  [("Viena nedēļa", "One week", False), ("Četras kalendāra nedēļas",
                                                        "Four calendar weeks", True),
                   ("Trīs mēneši", "Three months", False)],
                  ("Darba likums paredz vismaz četras kalendāra nedēļas.",
                   "The Labour Law provides at least four calendar weeks.")),
        ], minutes=20),
        Lesson("izglitibas-sistema", ("Izglītības sistēma", "The education system"),
               ("<p>No bērnudārza līdz augstskolai un mācībām pieaugušajiem.</p>",
                "<p>From kindergarten to university and adult learning.</p>"), [
            text("<p>Bērniem no piecu gadu vecuma obligāta ir pirmsskolas izglītība, pēc tam "
                 "<b>deviņu gadu pamatizglītība</b>. Vidējā izglītība ilgst trīs gadus "
                 "vidusskolā vai profesionālajā skolā. Mācības valsts un pašvaldību skolās ir "
                 "bez maksas. Mācību gads sākas 1. septembrī — Zinību dienā.</p>"
                 "<p>Pieaugušie var mācīties latviešu valodu, apgūt profesiju vai iegūt "
                 "augstāko izglītību. Ārvalstīs iegūtu diplomu atzīšanā palīdz Akadēmiskās "
                 "informācijas centrs.</p>",
                 "<p>From the age of five, pre-school education is compulsory, followed by "
                 "<b>nine years of basic education</b>. Secondary education takes three years "
                 "at a secondary or vocational school. State and municipal schools are free. "
                 "The school year starts on 1 September — Knowledge Day.</p>"
                 "<p>Adults can learn Latvian, train for a profession or study at university. "
                 "The Academic Information Centre helps with the recognition of foreign "
                 "diplomas.</p>"),
            check(("Cik gadu ilgst pamatizglītība?", "How many years does basic education "
                                                     "last?"),
                  [("Sešus", "Six", False), ("Deviņus", "Nine", True), ("Divpadsmit",
                                                                       "Twelve", False)],
                  ("Obligātā pamatizglītība ilgst deviņus gadus.",
                   "Compulsory basic education lasts nine years.")),
        ], minutes=15),
    ]),
    Module("uzturesanas-un-pilsoniba", ("Uzturēšanās un pilsonība",
                                        "Residence and citizenship"),
           ("Uzturēšanās atļaujas, statuss un naturalizācija.",
            "Residence permits, status and naturalisation."), [
        Lesson("uzturesanas-atlaujas", ("Uzturēšanās atļaujas", "Residence permits"),
               ("<p>Kāds dokuments jums vajadzīgs un kur to saņemt.</p>",
                "<p>Which document you need and where to get it.</p>"), [
            text("<p>Uzturēšanās atļaujas izsniedz <b>Pilsonības un migrācijas lietu "
                 "pārvalde</b> (PMLP). <b>Termiņuzturēšanās atļauju</b> izsniedz uz noteiktu "
                 "laiku — piemēram, darbam, studijām vai ģimenes apvienošanai. "
                 "<b>Pastāvīgās uzturēšanās atļauju</b> var saņemt pēc vairāku gadu likumīgas "
                 "dzīves Latvijā; tai vajadzīgas arī latviešu valodas zināšanas.</p>"
                 "<p>Bēgļa vai alternatīvo statusu piešķir patvēruma procedūrā. Personām ar "
                 "statusu ir tiesības strādāt, mācīties un saņemt veselības aprūpi.</p>",
                 "<p>Residence permits are issued by the <b>Office of Citizenship and "
                 "Migration Affairs</b> (PMLP). A <b>temporary residence permit</b> is issued "
                 "for a set time — for example for work, studies or family reunification. A "
                 "<b>permanent residence permit</b> can be obtained after several years of "
                 "lawful residence in Latvia; it also requires knowledge of Latvian.</p>"
                 "<p>Refugee or alternative status is granted in the asylum procedure. People "
                 "with status have the right to work, study and receive health care.</p>"),
            tip("Sekojiet atļaujas derīguma termiņam un iesniedziet dokumentus laikus — "
                "PMLP pieņem pieteikumus arī tiešsaistē.",
                "Keep track of your permit's expiry date and apply in good time — PMLP also "
                "accepts applications online.", important=True),
            check(("Kura iestāde izsniedz uzturēšanās atļaujas?",
                   "Which institution issues residence permits?"),
                  [("PMLP", "PMLP", True), ("VID", "VID", False), ("Saeima", "The Saeima",
                                                                   False)],
                  ("Uzturēšanās atļaujas ir PMLP kompetence.",
                   "Residence permits are the responsibility of PMLP.")),
        ], minutes=20),
        Lesson("naturalizacija", ("Naturalizācija un pilsonība", "Naturalisation and "
                                  "citizenship"),
               ("<p>Kā kļūt par Latvijas pilsoni.</p>",
                "<p>How to become a citizen of Latvia.</p>"), [
            text("<p>Latvijas pilsonību var iegūt <b>naturalizācijas</b> kārtībā. Parasti "
                 "jādzīvo Latvijā ar pastāvīgās uzturēšanās atļauju vismaz piecus gadus, "
                 "jānokārto latviešu valodas prasmes pārbaude un pārbaude par Satversmes "
                 "pamatnoteikumiem, valsts himnas tekstu un Latvijas vēsturi, kā arī jādod "
                 "uzticības solījums Latvijas Republikai.</p>"
                 "<p>Pilsoņi drīkst vēlēt Saeimu, kandidēt vēlēšanās un strādāt valsts "
                 "dienestā. Dubultpilsonība ir atļauta ar ES, EBTA un NATO valstīm, kā arī ar "
                 "valstīm, ar kurām noslēgts līgums.</p>",
                 "<p>Latvian citizenship can be acquired through <b>naturalisation</b>. "
                 "Usually you must have lived in Latvia with a permanent residence permit for "
                 "at least five years, pass a Latvian language test and a test on the basic "
                 "provisions of the Satversme, the text of the national anthem and Latvian "
                 "history, and pledge loyalty to the Republic of Latvia.</p>"
                 "<p>Citizens may vote for the Saeima, stand in elections and work in the "
                 "civil service. Dual citizenship is allowed with EU, EFTA and NATO countries "
                 "and with countries that have an agreement with Latvia.</p>"),
            tip("Šis kurss palīdz sagatavoties Satversmes un vēstures pārbaudei.",
                "This course helps you prepare for the test on the Satversme and history."),
            check(("Kas NAV naturalizācijas prasība?", "Which is NOT a naturalisation "
                                                       "requirement?"),
                  [("Latviešu valodas prasme", "Knowledge of Latvian", False),
                   ("Valsts himnas teksta zināšana", "Knowing the national anthem's text",
                    False),
                   ("Īpašums Latvijā", "Owning property in Latvia", True)],
                  ("Īpašums nav vajadzīgs; jāzina valoda, Satversme, himna un vēsture.",
                   "No property is needed; you need the language, the Satversme, the anthem "
                   "and history.")),
        ], minutes=20),
    ]),
]
