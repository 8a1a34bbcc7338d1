"""Demo: a bilingual (Latvian, English) final test for the integration course and practice
quizzes for the A1 course. The question bank is built by `build_bank()`, which tests use
on their own; quizzes are added only where the courses exist. Idempotent."""

from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale

from courses.models import CoursePage, ModulePage
from quizzes.models import (
    EssayQuestion,
    GapFillQuestion,
    MatchingQuestion,
    MultipleChoiceQuestion,
    NumericalQuestion,
    OrderingQuestion,
    Question,
    QuestionCategory,
    QuizPage,
    QuizSlot,
    ShortAnswerQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)


def get_category(name: str, parent: QuestionCategory | None = None) -> QuestionCategory:
    return QuestionCategory.objects.get_or_create(name=name, parent=parent)[0]

INTEGRATION_SLUG = "integracijas-kurss"
A1_SLUG = "latviesu-valoda-a1"
FINAL_SLUG = "nosleguma-tests"
FULL_REVIEW = ["answer", "correctness", "marks", "feedback", "right_answer"]


def _choices(*rows):
    return [("choice", {"text": text, "fraction": Decimal(str(fraction)), "feedback": fb})
            for text, fraction, fb in rows]


def _answers(*rows):
    return [("answer", {"text": text, "fraction": Decimal(str(fraction)), "feedback": ""})
            for text, fraction in rows]


def _number(value, tolerance=0):
    return [("answer", {"value": Decimal(str(value)), "tolerance": Decimal(str(tolerance)),
                        "fraction": Decimal(1), "feedback": ""})]


def _pairs(*rows):
    return [("pair", {"item": item, "answer": answer}) for item, answer in rows]


def _items(*rows):
    return [("item", row) for row in rows]


# (model, name, {language: (text, fields)})
FINAL_TEST = [
    (SingleChoiceQuestion, "Galvaspilsēta", {
        "lv": ("Kura pilsēta ir Latvijas galvaspilsēta?", {"choices": _choices(
            ("Rīga", 1, "Pareizi!"), ("Daugavpils", 0, ""), ("Tallina", 0, "Tallina ir Igaunijā."),
            ("Viļņa", 0, "Viļņa ir Lietuvā."))}),
        "en": ("Which city is the capital of Latvia?", {"choices": _choices(
            ("Riga", 1, "Right!"), ("Daugavpils", 0, ""), ("Tallinn", 0, "Tallinn is in Estonia."),
            ("Vilnius", 0, "Vilnius is in Lithuania."))})}),
    (TrueFalseQuestion, "Proklamēšana", {
        "lv": ("Latvijas Republika tika proklamēta 1918. gada 18. novembrī.",
               {"correct_answer": True}),
        "en": ("The Republic of Latvia was proclaimed on 18 November 1918.",
               {"correct_answer": True})}),
    (NumericalQuestion, "Saeimas deputāti", {
        "lv": ("Cik deputātu ir Saeimā?", {"answers": _number(100)}),
        "en": ("How many members does the Saeima have?", {"answers": _number(100)})}),
    (SingleChoiceQuestion, "Prezidenta vēlēšanas", {
        "lv": ("Kas ievēl Valsts prezidentu?", {"choices": _choices(
            ("Saeima", 1, ""), ("Pilsoņi tiešās vēlēšanās", 0, ""), ("Ministru kabinets", 0, ""))}),
        "en": ("Who elects the President of Latvia?", {"choices": _choices(
            ("The Saeima", 1, ""), ("Citizens in a direct vote", 0, ""),
            ("The Cabinet of Ministers", 0, ""))})}),
    (MultipleChoiceQuestion, "Karoga krāsas", {
        "lv": ("Kādās krāsās ir Latvijas karogs? Izvēlieties visas pareizās.", {"choices": _choices(
            ("karmīnsarkanā", 0.5, ""), ("baltā", 0.5, ""), ("zilā", -1, ""), ("zaļā", -1, ""))}),
        "en": ("What colours is the flag of Latvia? Choose all that apply.", {"choices": _choices(
            ("carmine red", 0.5, ""), ("white", 0.5, ""), ("blue", -1, ""), ("green", -1, ""))})}),
    (TrueFalseQuestion, "ES", {
        "lv": ("Latvija iestājās Eiropas Savienībā 2004. gadā.", {"correct_answer": True}),
        "en": ("Latvia joined the European Union in 2004.", {"correct_answer": True})}),
    (NumericalQuestion, "Eiro", {
        "lv": ("Kurā gadā Latvijā ieviesa eiro?", {"answers": _number(2014)}),
        "en": ("In which year did Latvia adopt the euro?", {"answers": _number(2014)})}),
    (ShortAnswerQuestion, "Valsts valoda", {
        "lv": ("Kāda ir vienīgā valsts valoda Latvijā? (viens vārds)",
               {"answers": _answers(("latviešu", 1), ("latviešu valoda", 1)),
                "ignore_diacritics": True}),
        "en": ("What is the only official language of Latvia? (one word)",
               {"answers": _answers(("Latvian", 1))})}),
    (MatchingQuestion, "Svētku dienas", {
        "lv": ("Savienojiet svētkus ar datumu.", {"pairs": _pairs(
            ("Jāņi", "24. jūnijs"), ("Proklamēšanas diena", "18. novembris"),
            ("Neatkarības atjaunošanas diena", "4. maijs"), ("", "1. janvāris"))}),
        "en": ("Match each holiday with its date.", {"pairs": _pairs(
            ("Midsummer (Jāņi)", "24 June"), ("Proclamation Day", "18 November"),
            ("Restoration of Independence Day", "4 May"), ("", "1 January"))})}),
    (OrderingQuestion, "Vēstures notikumi", {
        "lv": ("Sakārtojiet notikumus laika secībā (agrākais pirmais).", {"items": _items(
            "Latvijas proklamēšana", "Neatkarības atjaunošana", "Iestāšanās ES",
            "Eiro ieviešana")}),
        "en": ("Put the events in order (earliest first).", {"items": _items(
            "Proclamation of Latvia", "Restoration of independence", "Joining the EU",
            "Adopting the euro")})}),
    (GapFillQuestion, "Ārkārtas tālrunis", {
        "lv": ("Aizpildiet tukšās vietas.", {"cloze_text": (
            "Ārkārtas palīdzības tālrunis ir {1:NUMERICAL:=112:0}. "
            "Latvijas nauda ir {1:MULTICHOICE:=eiro~lats~krona}.")}),
        "en": ("Fill in the gaps.", {"cloze_text": (
            "The emergency number is {1:NUMERICAL:=112:0}. "
            "Latvia's currency is the {1:MULTICHOICE:=euro~lats~krona}.")})}),
    (SingleChoiceQuestion, "Saeimas vēlēšanas", {
        "lv": ("Cik bieži notiek Saeimas vēlēšanas?", {"choices": _choices(
            ("ik pēc 4 gadiem", 1, ""), ("ik pēc 2 gadiem", 0, ""), ("ik pēc 6 gadiem", 0, ""))}),
        "en": ("How often are Saeima elections held?", {"choices": _choices(
            ("every 4 years", 1, ""), ("every 2 years", 0, ""), ("every 6 years", 0, ""))})}),
    (TrueFalseQuestion, "Divas valodas", {
        "lv": ("Latvijā ir divas valsts valodas.", {"correct_answer": False}),
        "en": ("Latvia has two official languages.", {"correct_answer": False})}),
    (SingleChoiceQuestion, "Dziesmu svētki", {
        "lv": ("Cik bieži notiek Vispārējie latviešu Dziesmu un Deju svētki?",
               {"choices": _choices(("ik pēc 5 gadiem", 1, ""), ("katru gadu", 0, ""),
                                    ("ik pēc 10 gadiem", 0, ""))}),
        "en": ("How often is the Latvian Song and Dance Festival held?",
               {"choices": _choices(("every 5 years", 1, ""), ("every year", 0, ""),
                                    ("every 10 years", 0, ""))})}),
    (MatchingQuestion, "Pilsētas un reģioni", {
        "lv": ("Savienojiet pilsētu ar reģionu.", {"pairs": _pairs(
            ("Liepāja", "Kurzeme"), ("Daugavpils", "Latgale"), ("Cēsis", "Vidzeme"),
            ("Jelgava", "Zemgale"))}),
        "en": ("Match each city with its region.", {"pairs": _pairs(
            ("Liepāja", "Kurzeme"), ("Daugavpils", "Latgale"), ("Cēsis", "Vidzeme"),
            ("Jelgava", "Zemgale"))})}),
    (MultipleChoiceQuestion, "Baltijas valstis", {
        "lv": ("Kuras ir Baltijas valstis?", {"choices": _choices(
            ("Latvija", 0.34, ""), ("Lietuva", 0.33, ""), ("Igaunija", 0.33, ""),
            ("Somija", -1, ""))}),
        "en": ("Which are the Baltic states?", {"choices": _choices(
            ("Latvia", 0.34, ""), ("Lithuania", 0.33, ""), ("Estonia", 0.33, ""),
            ("Finland", -1, ""))})}),
    (ShortAnswerQuestion, "Upe", {
        "lv": ("Kā sauc upi, kas tek caur Rīgu?",
               {"answers": _answers(("Daugava", 1)), "ignore_diacritics": True}),
        "en": ("What is the name of the river that flows through Riga?",
               {"answers": _answers(("Daugava", 1), ("the Daugava", 1))})}),
    (SingleChoiceQuestion, "Himna", {
        "lv": ("Kā sauc Latvijas valsts himnu?", {"choices": _choices(
            ("„Dievs, svētī Latviju!”", 1, ""), ("„Pūt, vējiņi!”", 0, ""),
            ("„Saule, Pērkons, Daugava”", 0, ""))}),
        "en": ("What is the national anthem of Latvia called?", {"choices": _choices(
            ("“God Bless Latvia!”", 1, ""), ("“Blow, Wind!”", 0, ""),
            ("“Sun, Thunder, Daugava”", 0, ""))})}),
    (NumericalQuestion, "Iedzīvotāji", {
        "lv": ("Cik miljonu iedzīvotāju ir Latvijā? (aptuveni, piemēram 1,5)",
               {"answers": _number(1.9, 0.2)}),
        "en": ("About how many million people live in Latvia? (e.g. 1.5)",
               {"answers": _number(1.9, 0.2)})}),
    (GapFillQuestion, "Valsts iekārta", {
        "lv": ("Aizpildiet tukšās vietas.", {"cloze_text": (
            "Latvija ir {1:MULTICHOICE:=parlamentāra republika~monarhija~federācija}; "
            "tās parlamentu sauc {1:SHORTANSWER:=Saeima}.")}),
        "en": ("Fill in the gaps.", {"cloze_text": (
            "Latvia is a {1:MULTICHOICE:=parliamentary republic~monarchy~federation}; "
            "its parliament is called the {1:SHORTANSWER:=Saeima}.")})}),
]

A1_PRACTICE = [
    (SingleChoiceQuestion, "Sveiciens", ("Kā latviski saka “Good morning”?", {"choices": _choices(
        ("Labrīt!", 1, ""), ("Ar labu nakti!", 0, ""), ("Uz redzēšanos!", 0, ""))})),
    (ShortAnswerQuestion, "Paldies", ("Kā latviski saka “Thank you”?",
                                      {"answers": _answers(("paldies", 1))})),
    (OrderingQuestion, "Dienas", ("Sakārtojiet nedēļas dienas.", {"items": _items(
        "pirmdiena", "otrdiena", "trešdiena", "ceturtdiena")})),
    (MatchingQuestion, "Skaitļi", ("Savienojiet skaitli ar vārdu.", {"pairs": _pairs(
        ("1", "viens"), ("2", "divi"), ("3", "trīs"), ("", "četri"))})),
    (GapFillQuestion, "Es esmu", ("Aizpildiet tukšās vietas.", {
        "cloze_text": ("Mani {1:MULTICHOICE:=sauc~esmu~ir} Anna. "
                       "Es {1:SHORTANSWER:=dzīvoju} Rīgā.")})),
    (TrueFalseQuestion, "Burti", ("Latviešu alfabētā ir burts “ā”.", {"correct_answer": True})),
    (NumericalQuestion, "Pieci", ("Cik ir “pieci” ciparos?", {"answers": _number(5)})),
    (ShortAnswerQuestion, "Grāmata", ("Ko lasa bibliotēkā? (g…)", {
        "answers": _answers(("grāmatu", 1), ("grāmata", 1)), "ignore_diacritics": True})),
]

A1_ESSAY = (EssayQuestion, "Par sevi", ("Uzrakstiet 3 līdz 5 teikumus par sevi.",
                                        {"response_template": "Mani sauc ...",
                                         "default_mark": Decimal(5)}))


def _question(model, category: QuestionCategory, name: str, language: str, text: str,
              fields: dict) -> Question:
    question = model.objects.filter(category=category, name=name).first()
    if question is None:
        question = model(category=category, name=name, language=language,
                         text=f"<p>{text}</p>", **fields)
        question.save()
    return question


def build_bank() -> dict[str, list[Question]]:
    """The demo's question bank: the final test in Latvian and English, and A1 practice."""
    root = get_category("Integrācijas kurss")
    bank: dict[str, list[Question]] = {"lv": [], "en": [], "a1": []}
    for language, name in (("lv", "Noslēguma tests (latviski)"),
                           ("en", "Final test (English)")):
        category = get_category(name, parent=root)
        for model, question_name, texts in FINAL_TEST:
            text, fields = texts[language]
            bank[language].append(_question(model, category, question_name, language, text,
                                            fields))
    a1 = get_category("Latviešu valoda A1")
    for model, name, (text, fields) in A1_PRACTICE:
        bank["a1"].append(_question(model, a1, name, "lv", text, fields))
    model, name, (text, fields) = A1_ESSAY
    writing = get_category("Rakstīšana", parent=a1)
    bank["a1"].append(_question(model, writing, name, "lv", text, fields))
    return bank


def _grant_teachers() -> None:
    group = Group.objects.filter(name="Teachers").first()
    if group is not None:
        group.permissions.add(*Permission.objects.filter(
            content_type__app_label="quizzes",
            codename__regex=r"^(add|change|delete|view)_.*question|.*category$"))


def _set_slots(quiz: QuizPage, questions: list[Question]) -> None:
    quiz.slots = [QuizSlot(question=question, sort_order=index)
                  for index, question in enumerate(questions)]


def _final_test(course: CoursePage, bank: dict) -> QuizPage | None:
    module = ModulePage.objects.child_of(course).order_by("path").last()
    if module is None:
        return None
    quiz = QuizPage.objects.child_of(module).filter(slug=FINAL_SLUG).first()
    if quiz is None:
        quiz = QuizPage(
            title="Noslēguma tests", slug=FINAL_SLUG, locale=module.locale,
            intro="<p>20 jautājumi par Latviju. Jums ir 30 minūtes un divi mēģinājumi.</p>",
            time_limit_minutes=30, attempts_allowed=2, pass_mark=Decimal(60),
            questions_per_page=5, shuffle_questions=False, shuffle_choices=True,
            review_after=["answer", "correctness", "marks"],
            review_later=["answer", "correctness", "marks", "feedback"],
            review_closed=FULL_REVIEW)
        _set_slots(quiz, bank["lv"])
        module.add_child(instance=quiz)
        quiz.save_revision().publish()
    english = Locale.objects.filter(language_code="en").first()
    if english and module.get_translation_or_none(english) is not None \
            and quiz.get_translation_or_none(english) is None:
        translated = quiz.copy_for_translation(english)
        translated.title = "Final test"
        translated.intro = "<p>20 questions about Latvia. You have 30 minutes and two attempts.</p>"
        _set_slots(translated, bank["en"])
        translated.save_revision().publish()
    return quiz


def _practice(course: CoursePage, bank: dict) -> list[QuizPage]:
    quizzes = []
    category = QuestionCategory.objects.get(name="Latviešu valoda A1", parent=None)
    for number, module in enumerate(ModulePage.objects.child_of(course).order_by("path"),
                                    start=1):
        slug = f"vingrinajumi-{number}"
        quiz = QuizPage.objects.child_of(module).filter(slug=slug).first()
        if quiz is None:
            quiz = QuizPage(title=f"Vingrinājumi {number}", slug=slug, locale=module.locale,
                            intro="<p>Pārbaudiet sevi! Mēģinājumu skaits nav ierobežots.</p>",
                            required_for_completion=False, pass_mark=Decimal(50),
                            questions_per_page=3, shuffle_questions=True,
                            review_during=["correctness"], review_after=FULL_REVIEW,
                            review_later=FULL_REVIEW, review_closed=FULL_REVIEW)
            essay = [bank["a1"][-1]] if number == 1 else []
            _set_slots(quiz, essay)
            module.add_child(instance=quiz)
            QuizSlot.objects.create(quiz=quiz, category=category, random_count=4,
                                    include_subcategories=False, sort_order=len(essay))
            quiz.save_revision().publish()
        quizzes.append(quiz)
    return quizzes


def _course(slug: str) -> CoursePage | None:
    """The Latvian original when the course is translated (translations share the slug)."""
    courses = list(CoursePage.objects.filter(slug=slug).select_related("locale"))
    return next((c for c in courses if c.locale.language_code == "lv"),
                courses[0] if courses else None)


def load(context: dict) -> None:
    bank = build_bank()
    _grant_teachers()
    notes = context.setdefault("summary", [])
    integration = _course(INTEGRATION_SLUG)
    if integration is None:
        print(f"quizzes: no course with slug {INTEGRATION_SLUG}; final test skipped")
    else:
        if _final_test(integration, bank):
            notes.append("Quizzes: a 20-question final test in the integration course")
    a1 = _course(A1_SLUG)
    if a1 is None:
        print(f"quizzes: no course with slug {A1_SLUG}; practice quizzes skipped")
    else:
        notes.append(f"Quizzes: {len(_practice(a1, bank))} practice quizzes in the A1 course")
