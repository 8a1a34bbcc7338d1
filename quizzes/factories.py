"""Building blocks for tests and the demo: categories, one question of each kind, quizzes
added to a module with Wagtail's tree API."""

from decimal import Decimal

import factory

from quizzes.models import (
    EssayQuestion,
    GapFillQuestion,
    MatchingQuestion,
    MultipleChoiceQuestion,
    NumericalQuestion,
    OrderingQuestion,
    QuestionCategory,
    QuizPage,
    QuizSlot,
    ShortAnswerQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)


def category(name: str = "Latvijas valsts", parent: QuestionCategory | None = None
             ) -> QuestionCategory:
    return QuestionCategory.objects.get_or_create(name=name, parent=parent)[0]


def answers(*rows) -> list:
    """("Rīga", 1, "Pareizi!"), ("Tallina", 0) → StreamField data."""
    return [("answer", {"text": text, "fraction": Decimal(str(fraction)),
                        "feedback": rest[0] if rest else ""})
            for text, fraction, *rest in rows]


def choices(*rows) -> list:
    return [("choice", value) for _kind, value in answers(*rows)]


class QuestionFactory(factory.django.DjangoModelFactory):
    category = factory.LazyFunction(category)
    name = factory.Sequence(lambda n: f"Jautājums {n}")
    text = "<p>Kāda ir Latvijas galvaspilsēta?</p>"
    language = "lv"


class SingleChoiceFactory(QuestionFactory):
    class Meta:
        model = SingleChoiceQuestion

    choices = factory.LazyFunction(lambda: choices(("Rīga", 1, "Pareizi!"),
                                                   ("Tallina", 0, "Tā ir Igaunijā."),
                                                   ("Viļņa", 0)))


class MultipleChoiceFactory(QuestionFactory):
    class Meta:
        model = MultipleChoiceQuestion

    text = "<p>Kuras ir Latvijas pilsētas?</p>"
    choices = factory.LazyFunction(lambda: choices(("Liepāja", 0.5), ("Cēsis", 0.5),
                                                   ("Tartu", -0.5), ("Kauņa", -0.5)))


class TrueFalseFactory(QuestionFactory):
    class Meta:
        model = TrueFalseQuestion

    text = "<p>Latvijas neatkarība tika proklamēta 1918. gada 18. novembrī.</p>"
    correct_answer = True


class ShortAnswerFactory(QuestionFactory):
    class Meta:
        model = ShortAnswerQuestion

    text = "<p>Ko lasa bibliotēkā? (vienskaitlī)</p>"
    answers = factory.LazyFunction(lambda: answers(("grāmata", 1), ("žurnāls", 0.5)))


class NumericalFactory(QuestionFactory):
    class Meta:
        model = NumericalQuestion

    text = "<p>Cik akadēmisko stundu ilgst integrācijas kurss?</p>"
    answers = factory.LazyFunction(lambda: [("answer", {
        "value": Decimal(28), "tolerance": Decimal(0), "fraction": Decimal(1),
        "feedback": ""})])


class GapFillFactory(QuestionFactory):
    class Meta:
        model = GapFillQuestion

    text = "<p>Aizpildiet tukšās vietas.</p>"
    cloze_text = ("Latvijas galvaspilsēta ir {1:MULTICHOICE:=Rīga~Tallina~Viļņa}, "
                  "un es lasu {1:SHORTANSWER:=grāmatu}.")


class MatchingFactory(QuestionFactory):
    class Meta:
        model = MatchingQuestion

    text = "<p>Savienojiet pilsētu ar novadu.</p>"
    pairs = factory.LazyFunction(lambda: [
        ("pair", {"item": "Liepāja", "answer": "Kurzeme"}),
        ("pair", {"item": "Daugavpils", "answer": "Latgale"}),
        ("pair", {"item": "Cēsis", "answer": "Vidzeme"}),
        ("pair", {"item": "", "answer": "Zemgale"})])


class OrderingFactory(QuestionFactory):
    class Meta:
        model = OrderingQuestion

    text = "<p>Sakārtojiet nedēļas dienas.</p>"
    items = factory.LazyFunction(lambda: [("item", "pirmdiena"), ("item", "otrdiena"),
                                          ("item", "trešdiena")])


class EssayFactory(QuestionFactory):
    class Meta:
        model = EssayQuestion

    text = "<p>Uzrakstiet par sevi 3 līdz 5 teikumus.</p>"
    default_mark = Decimal(5)


KIND_FACTORIES = {
    "single_choice": SingleChoiceFactory, "multiple_choice": MultipleChoiceFactory,
    "true_false": TrueFalseFactory, "short_answer": ShortAnswerFactory,
    "numerical": NumericalFactory, "gap_fill": GapFillFactory, "matching": MatchingFactory,
    "ordering": OrderingFactory, "essay": EssayFactory,
}


def add_quiz(module, *, title: str = "Noslēguma tests", slug: str | None = None,
             questions=(), publish: bool = True, **fields) -> QuizPage:
    quiz = QuizPage(title=title, slug=slug or factory.Faker._get_faker().slug(), **fields)
    quiz.slots = [QuizSlot(question=question, sort_order=index)
                  for index, question in enumerate(questions)]
    module.add_child(instance=quiz)
    if publish:
        quiz.save_revision().publish()
    return quiz


def add_random_slot(quiz: QuizPage, *, category: QuestionCategory, count: int) -> QuizSlot:
    return QuizSlot.objects.create(quiz=quiz, category=category, random_count=count,
                                   sort_order=quiz.slots.count())
