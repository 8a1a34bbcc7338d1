"""Latvian A1: greetings, numbers, shopping and directions, with words in en/ru/uk."""

from lessons.demo.content import Lesson, Module, check, dialogue, heading, text, tip, words

MODULES = [
    Module("sveicieni", ("Sveicieni un iepazīšanās", "Greetings and introductions"),
           ("Sasveicināties, atvadīties un pastāstīt par sevi.",
            "Say hello and goodbye, and tell people about yourself."), [
        Lesson("labdien", ("Labdien! Sasveicināšanās", "Labdien! Saying hello"),
               ("<p>Sasveicināšanās un atvadīšanās dažādās situācijās.</p>",
                "<p>Greeting people and saying goodbye in different situations.</p>"), [
            words(("Sveicieni", "Greetings"), [
                ("labdien", "phrase", "good day, hello", "добрый день", "добрий день"),
                ("labrīt", "phrase", "good morning", "доброе утро", "доброго ранку"),
                ("labvakar", "phrase", "good evening", "добрый вечер", "добрий вечір"),
                ("sveiks / sveika", "phrase", "hi (to a man / a woman)", "привет",
                 "привіт"),
                ("uz redzēšanos", "phrase", "goodbye", "до свидания", "до побачення"),
                ("paldies", "phrase", "thank you", "спасибо", "дякую"),
                ("lūdzu", "phrase", "please; you're welcome", "пожалуйста", "будь ласка"),
                ("atvainojiet", "phrase", "excuse me", "извините", "вибачте"),
            ]),
            dialogue(("Darbā", "At work"), [
                ("Anna", "Labrīt!", "Good morning!"),
                ("Ahmads", "Labrīt! Kā jums iet?", "Good morning! How are you?"),
                ("Anna", "Paldies, labi. Un jums?", "Fine, thank you. And you?"),
                ("Ahmads", "Arī labi. Uz redzēšanos!", "Fine too. Goodbye!"),
            ]),
            tip("„Sveiks” sakām draugiem, „labdien” — svešiem cilvēkiem un iestādēs. Vīrietim "
                "saka „sveiks”, sievietei — „sveika”.",
                "Say “sveiks” to friends and “labdien” to strangers and in offices. To a man "
                "you say “sveiks”, to a woman “sveika”."),
            check(("Ko sakām no rīta?", "What do we say in the morning?"),
                  [("Labrīt!", "Labrīt!", True), ("Labvakar!", "Labvakar!", False),
                   ("Ar labu nakti!", "Ar labu nakti!", False)],
                  ("„Labrīt” nozīmē „labu rītu”.", "“Labrīt” means “good morning”.")),
        ], minutes=15),
        Lesson("mani-sauc", ("Mani sauc… Iepazīšanās", "My name is… Introductions"),
               ("<p>Pastāstiet, kā jūs sauc, no kurienes esat un kur dzīvojat.</p>",
                "<p>Say what your name is, where you come from and where you live.</p>"), [
            words(("Par sevi", "About yourself"), [
                ("mani sauc", "phrase", "my name is", "меня зовут", "мене звати"),
                ("es esmu no…", "phrase", "I am from…", "я из…", "я з…"),
                ("es dzīvoju", "verb", "I live", "я живу", "я живу"),
                ("strādāt", "verb", "to work", "работать", "працювати"),
                ("mācīties", "verb", "to study, to learn", "учиться", "вчитися"),
                ("valoda", "noun", "language", "язык", "мова"),
            ]),
            dialogue(("Kursos", "At the course"), [
                ("Skolotāja", "Labdien! Mani sauc Ilze. Kā jūs sauc?",
                 "Hello! My name is Ilze. What is your name?"),
                ("Olena", "Mani sauc Olena. Es esmu no Ukrainas.",
                 "My name is Olena. I am from Ukraine."),
                ("Skolotāja", "Kur jūs dzīvojat?", "Where do you live?"),
                ("Olena", "Es dzīvoju Liepājā un mācos latviešu valodu.",
                 "I live in Liepāja and I am learning Latvian."),
            ]),
            heading("Gramatika: darbības vārds „būt”", "Grammar: the verb “būt” (to be)"),
            text("<p><b>es esmu</b>, tu esi, viņš/viņa ir, mēs esam, jūs esat, viņi/viņas ir. "
                 "Pieklājīgi svešiem cilvēkiem sakām <b>jūs</b>.</p>",
                 "<p><b>es esmu</b> (I am), tu esi (you are), viņš/viņa ir (he/she is), mēs "
                 "esam (we are), jūs esat (you are, plural or polite), viņi/viņas ir (they "
                 "are). Use the polite <b>jūs</b> with people you do not know.</p>"),
            check(("Kā pareizi: „Es … no Sīrijas.”", "Which is right: “Es … no Sīrijas.”"),
                  [("esmu", "esmu", True), ("ir", "ir", False), ("esat", "esat", False)],
                  ("Ar „es” lieto „esmu”: es esmu no Sīrijas.",
                   "With “es” (I) use “esmu”: es esmu no Sīrijas.")),
        ], minutes=20),
    ]),
    Module("skaitli", ("Skaitļi un laiks", "Numbers and time"),
           ("Skaitļi, pulkstenis un nedēļas dienas.", "Numbers, the clock and the days of "
                                                       "the week."), [
        Lesson("skaitli-1-20", ("Skaitļi no 1 līdz 20", "Numbers from 1 to 20"),
               ("<p>Skaitīt, pateikt tālruņa numuru un vecumu.</p>",
                "<p>Count, say a phone number and your age.</p>"), [
            words(("Skaitļi", "Numbers"), [
                ("viens", "numeral", "one", "один", "один"),
                ("divi", "numeral", "two", "два", "два"),
                ("trīs", "numeral", "three", "три", "три"),
                ("četri", "numeral", "four", "четыре", "чотири"),
                ("pieci", "numeral", "five", "пять", "п'ять"),
                ("seši", "numeral", "six", "шесть", "шість"),
                ("septiņi", "numeral", "seven", "семь", "сім"),
                ("astoņi", "numeral", "eight", "восемь", "вісім"),
                ("deviņi", "numeral", "nine", "девять", "дев'ять"),
                ("desmit", "numeral", "ten", "десять", "десять"),
                ("vienpadsmit", "numeral", "eleven", "одиннадцать", "одинадцять"),
                ("divdesmit", "numeral", "twenty", "двадцать", "двадцять"),
            ]),
            text("<p>Skaitļi no 11 līdz 19 beidzas ar <b>-padsmit</b>: vienpadsmit, "
                 "divpadsmit, trīspadsmit… Desmiti beidzas ar <b>-desmit</b>: divdesmit, "
                 "trīsdesmit.</p>",
                 "<p>Numbers from 11 to 19 end in <b>-padsmit</b>: vienpadsmit, divpadsmit, "
                 "trīspadsmit… Tens end in <b>-desmit</b>: divdesmit (20), trīsdesmit "
                 "(30).</p>"),
            dialogue(("Cik jums gadu?", "How old are you?"), [
                ("Ārsts", "Cik jums gadu?", "How old are you?"),
                ("Samira", "Man ir divdesmit astoņi gadi.", "I am twenty-eight."),
            ]),
            check(("Kā latviski ir 12?", "How do you say 12 in Latvian?"),
                  [("divpadsmit", "divpadsmit", True), ("divdesmit", "divdesmit", False),
                   ("divi", "divi", False)],
                  ("12 = divpadsmit; 20 = divdesmit.", "12 = divpadsmit; 20 = divdesmit.")),
        ], minutes=20),
        Lesson("cik-pulkstenis", ("Cik ir pulkstenis?", "What time is it?"),
               ("<p>Pulkstenis un nedēļas dienas.</p>", "<p>Telling the time and the days "
                                                        "of the week.</p>"), [
            words(("Nedēļas dienas", "Days of the week"), [
                ("pirmdiena", "noun", "Monday", "понедельник", "понеділок"),
                ("otrdiena", "noun", "Tuesday", "вторник", "вівторок"),
                ("trešdiena", "noun", "Wednesday", "среда", "середа"),
                ("ceturtdiena", "noun", "Thursday", "четверг", "четвер"),
                ("piektdiena", "noun", "Friday", "пятница", "п'ятниця"),
                ("sestdiena", "noun", "Saturday", "суббота", "субота"),
                ("svētdiena", "noun", "Sunday", "воскресенье", "неділя"),
                ("pulkstenis", "noun", "clock; o'clock", "часы", "годинник"),
            ]),
            dialogue(("Kursi", "The course"), [
                ("Ahmads", "Atvainojiet, cik ir pulkstenis?", "Excuse me, what time is it?"),
                ("Anna", "Ir pulksten desmit.", "It is ten o'clock."),
                ("Ahmads", "Kad sākas kursi?", "When does the course start?"),
                ("Anna", "Otrdienās un ceturtdienās pulksten sešos.",
                 "On Tuesdays and Thursdays at six."),
            ]),
            tip("Nedēļas dienas ir saistītas ar skaitļiem: otrdiena — otrā diena, trešdiena "
                "— trešā, ceturtdiena — ceturtā, piektdiena — piektā.",
                "The days are linked to numbers: otrdiena is the second day, trešdiena the "
                "third, ceturtdiena the fourth, piektdiena the fifth."),
            check(("Kura diena ir pēc ceturtdienas?", "Which day comes after Thursday?"),
                  [("piektdiena", "piektdiena", True), ("trešdiena", "trešdiena", False),
                   ("svētdiena", "svētdiena", False)],
                  ("Pēc ceturtdienas ir piektdiena.", "After Thursday comes Friday "
                                                      "(piektdiena).")),
        ], minutes=20),
    ]),
    Module("iepirksanas", ("Iepirkšanās", "Shopping"),
           ("Veikalā un tirgū: produkti, cenas un maksāšana.",
            "At the shop and the market: food, prices and paying."), [
        Lesson("veikala", ("Veikalā", "At the shop"),
               ("<p>Nopirkt pārtiku un pajautāt cenu.</p>", "<p>Buy food and ask the "
                                                             "price.</p>"), [
            words(("Produkti", "Food"), [
                ("maize", "noun", "bread", "хлеб", "хліб"),
                ("piens", "noun", "milk", "молоко", "молоко"),
                ("siers", "noun", "cheese", "сыр", "сир"),
                ("ābols", "noun", "apple", "яблоко", "яблуко"),
                ("kartupeļi", "noun", "potatoes", "картофель", "картопля"),
                ("ūdens", "noun", "water", "вода", "вода"),
                ("cik maksā?", "phrase", "how much is it?", "сколько стоит?",
                 "скільки коштує?"),
                ("eiro", "noun", "euro", "евро", "євро"),
            ]),
            dialogue(("Maizes veikalā", "At the bakery"), [
                ("Pārdevēja", "Labdien! Ko jūs vēlaties?", "Hello! What would you like?"),
                ("Pircējs", "Vienu rupjmaizi, lūdzu. Cik tā maksā?",
                 "A loaf of rye bread, please. How much is it?"),
                ("Pārdevēja", "Divi eiro piecdesmit centi.", "Two euros fifty cents."),
                ("Pircējs", "Vai var maksāt ar karti?", "Can I pay by card?"),
                ("Pārdevēja", "Jā, protams. Paldies!", "Yes, of course. Thank you!"),
            ]),
            tip("Rupjmaize — tumšā rudzu maize — ir latviešu virtuves lepnums.",
                "Rupjmaize — dark rye bread — is the pride of Latvian cuisine."),
            check(("Kā pajautāt cenu?", "How do you ask the price?"),
                  [("Cik maksā?", "Cik maksā?", True), ("Cik ir pulkstenis?",
                                                       "Cik ir pulkstenis?", False),
                   ("Kā jūs sauc?", "Kā jūs sauc?", False)],
                  ("„Cik maksā?” — „How much is it?”", "“Cik maksā?” means “How much is "
                                                       "it?”")),
        ], minutes=20),
        Lesson("tirgu", ("Tirgū", "At the market"),
               ("<p>Daudzums, svars un krāsas.</p>", "<p>Quantities, weight and "
                                                     "colours.</p>"), [
            words(("Tirgū", "At the market"), [
                ("kilograms", "noun", "kilogram", "килограмм", "кілограм"),
                ("puse", "noun", "half", "половина", "половина"),
                ("dārzeņi", "noun", "vegetables", "овощи", "овочі"),
                ("augļi", "noun", "fruit", "фрукты", "фрукти"),
                ("svaigs", "adjective", "fresh", "свежий", "свіжий"),
                ("lēts", "adjective", "cheap", "дешёвый", "дешевий"),
                ("dārgs", "adjective", "expensive", "дорогой", "дорогий"),
            ]),
            dialogue(("Rīgas Centrāltirgū", "At Rīga Central Market"), [
                ("Pircēja", "Cik maksā kilograms tomātu?", "How much is a kilo of tomatoes?"),
                ("Pārdevējs", "Trīs eiro. Tie ir svaigi!", "Three euros. They are fresh!"),
                ("Pircēja", "Lūdzu, pusi kilograma.", "Half a kilo, please."),
            ]),
            text("<p>Rīgas Centrāltirgus atrodas piecos bijušajos cepelīnu angāros un ir "
                 "viens no lielākajiem tirgiem Eiropā.</p>",
                 "<p>Rīga Central Market is housed in five former Zeppelin hangars and is one "
                 "of the largest markets in Europe.</p>"),
            check(("Kas ir pretējs vārdam „lēts”?", "What is the opposite of “lēts”?"),
                  [("dārgs", "dārgs", True), ("svaigs", "svaigs", False), ("liels",
                                                                          "liels", False)],
                  ("Lēts — cheap, dārgs — expensive.", "Lēts — cheap, dārgs — "
                                                       "expensive.")),
        ], minutes=20),
    ]),
    Module("virzieni", ("Virzieni un pilsēta", "Directions and the city"),
           ("Pajautāt ceļu un braukt ar sabiedrisko transportu.",
            "Ask the way and use public transport."), [
        Lesson("ka-nokluti", ("Kā nokļūt…?", "How do I get to…?"),
               ("<p>Pajautāt un saprast ceļu.</p>", "<p>Ask for and understand "
                                                    "directions.</p>"), [
            words(("Virzieni", "Directions"), [
                ("pa labi", "adverb", "to the right", "направо", "праворуч"),
                ("pa kreisi", "adverb", "to the left", "налево", "ліворуч"),
                ("taisni", "adverb", "straight on", "прямо", "прямо"),
                ("iela", "noun", "street", "улица", "вулиця"),
                ("tuvu", "adverb", "near", "близко", "близько"),
                ("tālu", "adverb", "far", "далеко", "далеко"),
                ("kur atrodas…?", "phrase", "where is…?", "где находится…?",
                 "де знаходиться…?"),
            ]),
            dialogue(("Uz ielas", "In the street"), [
                ("Olena", "Atvainojiet, kur atrodas pašvaldība?",
                 "Excuse me, where is the municipality office?"),
                ("Garāmgājējs", "Ejiet taisni, tad pa labi. Tas ir tuvu.",
                 "Go straight on, then right. It is near."),
                ("Olena", "Liels paldies!", "Thank you very much!"),
            ]),
            check(("Ko nozīmē „pa kreisi”?", "What does “pa kreisi” mean?"),
                  [("to the left", "to the left", True), ("to the right", "to the right",
                                                          False),
                   ("straight on", "straight on", False)],
                  ("Pa kreisi — left, pa labi — right.", "Pa kreisi — left, pa labi — "
                                                         "right.")),
        ], minutes=15),
        Lesson("transports", ("Sabiedriskais transports", "Public transport"),
               ("<p>Autobuss, tramvajs un vilciens.</p>", "<p>Bus, tram and train.</p>"), [
            words(("Transports", "Transport"), [
                ("autobuss", "noun", "bus", "автобус", "автобус"),
                ("tramvajs", "noun", "tram", "трамвай", "трамвай"),
                ("vilciens", "noun", "train", "поезд", "потяг"),
                ("pietura", "noun", "stop", "остановка", "зупинка"),
                ("biļete", "noun", "ticket", "билет", "квиток"),
                ("stacija", "noun", "station", "станция, вокзал", "станція, вокзал"),
            ]),
            dialogue(("Pieturā", "At the stop"), [
                ("Ahmads", "Vai šis autobuss brauc uz staciju?",
                 "Does this bus go to the station?"),
                ("Sieviete", "Nē, brauciet ar tramvaju numur seši.",
                 "No, take tram number six."),
                ("Ahmads", "Kur var nopirkt biļeti?", "Where can I buy a ticket?"),
                ("Sieviete", "Automātā pieturā vai lietotnē.",
                 "From the machine at the stop or in the app."),
            ]),
            tip("Biļete jāvalidē, tiklīdz iekāpjat transportā.",
                "Validate your ticket as soon as you get on.", important=True),
            check(("Kur gaida autobusu?", "Where do you wait for the bus?"),
                  [("pieturā", "pieturā (at the stop)", True), ("veikalā",
                                                               "veikalā (at the shop)",
                                                               False),
                   ("tirgū", "tirgū (at the market)", False)],
                  ("Autobusu gaida pieturā.", "You wait for the bus at the stop "
                                              "(pietura).")),
        ], minutes=15),
    ]),
]
