"""Moodle XML and GIFT: every kind imports, exports and imports again the same; a broken
file imports nothing and says which lines are wrong."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from quizzes.models import KINDS, Question, QuestionCategory
from quizzes.services.bank import ImportFailed, export_questions, import_file

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"


def by_name():
    return {q.name: q for q in Question.objects.all()}


def test_moodle_xml_with_every_kind_imports(settings):
    created = import_file(content=(DATA / "moodle_all_kinds.xml").read_bytes(), fmt="xml")
    assert {q.kind for q in created} == set(KINDS)
    questions = by_name()
    capital = questions["Galvaspilsēta"]
    assert capital.category.path == "Integrācija / Latvijas valsts"
    assert "@@PLUGINFILE@@" not in capital.text and "/media/quizzes/files/" in capital.text
    assert capital.grade({"choice": 0}) == 1
    assert questions["Latvijas pilsētas"].grade({"choices": [0, 1]}) == 1
    assert questions["Latvijas pilsētas"].grade({"choices": [0, 2]}) == 0
    assert questions["Neatkarības diena"].grade({"value": True}) == 1
    assert questions["Grāmata"].grade({"text": "Žurnāls"}) == 0.5
    assert questions["Akadēmiskās stundas"].grade({"text": "27"}) == 0.5
    assert questions["Pilsētas un novadi"].grade({"pairs": {"0": "Kurzeme",
                                                            "1": "Latgale"}}) == 1
    cloze = questions["Teikums ar robiem"]
    assert cloze.grade({"gaps": {"0": "Rīga", "1": "grāmatu", "2": "28"}}) == 1
    assert questions["Nedēļas dienas"].grade({"order": [0, 1, 2]}) == 1
    assert questions["Par sevi"].grader_info
    assert QuestionCategory.objects.get(name="Valoda").parent.name == "Integrācija"


def test_gift_with_every_kind_imports():
    created = import_file(content=(DATA / "all_kinds.gift").read_bytes(), fmt="gift")
    assert {q.kind for q in created} == set(KINDS)
    questions = by_name()
    assert questions["Galvaspilsēta"].grade({"choice": 0}) == 1
    assert questions["Latvijas pilsētas"].kind == "multiple_choice"
    assert questions["Neatkarības diena"].correct_answer is True
    assert questions["Neatkarības diena"].feedback_true == "Pareizi."
    assert questions["Grāmata"].grade({"text": "žurnāls"}) == 0.5
    assert questions["Akadēmiskās stundas"].grade({"text": "27"}) == 0.5
    assert questions["Laiks: gads"].grade({"text": "1919"}) == 1
    assert questions["Trūkstošais vārds"].grade({"gaps": {"0": "Rīga"}}) == 1
    assert questions["Teikums ar robiem"].grade({"gaps": {"0": "grāmatu", "1": "kafiju"}}) == 1
    assert questions["Nedēļas dienas"].grade({"order": [0, 1, 2]}) == 1
    assert questions["Par sevi"].kind == "essay"


@pytest.mark.parametrize("fmt", ["xml", "gift"])
def test_export_then_import_gives_the_same_questions(fmt):
    import_file(content=(DATA / "moodle_all_kinds.xml").read_bytes(), fmt="xml")
    before = {q.name: q.spec() for q in Question.objects.all()}
    text = export_questions(questions=Question.objects.all(), fmt=fmt)
    Question.objects.all().delete()
    import_file(content=text.encode(), fmt=fmt)
    after = {q.name: q.spec() for q in Question.objects.all()}
    assert set(after) == set(before)
    for name, spec in before.items():
        keep = ("kind", "choices", "answers", "pairs", "items", "gaps", "correct")
        assert {k: v for k, v in after[name].items() if k in keep} == \
            {k: v for k, v in spec.items() if k in keep}, name


def test_an_unsupported_kind_is_reported_with_its_line_and_nothing_imports():
    with pytest.raises(ImportFailed) as failed:
        import_file(content=(DATA / "moodle_unsupported.xml").read_bytes(), fmt="xml")
    assert failed.value.problems[0][0] == 9 and "calculated" in failed.value.problems[0][1]
    assert Question.objects.count() == 0


def test_malformed_xml_is_reported_with_its_line():
    with pytest.raises(ImportFailed) as failed:
        import_file(content=(DATA / "moodle_malformed.xml").read_bytes(), fmt="xml")
    assert failed.value.problems[0][0] == 6
    assert Question.objects.count() == 0


def test_xml_entities_are_refused():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "aaaa">]>'
            b"<quiz>&a;</quiz>")
    with pytest.raises(ImportFailed):
        import_file(content=bomb, fmt="xml")


def test_broken_gift_reports_each_bad_question_and_imports_nothing():
    with pytest.raises(ImportFailed) as failed:
        import_file(content=(DATA / "broken.gift").read_bytes(), fmt="gift")
    assert [line for line, _problem in failed.value.problems] == [3, 5]
    assert Question.objects.count() == 0


def test_imported_html_loses_scripts():
    gift = b"::X::[html]<p onclick=\"steal()\">Teksts</p><script>alert(1)</script> {T}"
    question = import_file(content=gift, fmt="gift")[0]
    assert "script" not in question.text and "onclick" not in question.text


def test_management_commands_import_and_export(tmp_path):
    out = StringIO()
    call_command("import_questions", str(DATA / "all_kinds.gift"), stdout=out)
    assert "Imported 11 questions" in out.getvalue()
    target = tmp_path / "bank.xml"
    call_command("export_questions", "--format", "xml", "--output", str(target))
    assert target.read_text().count('<question type="') >= 13
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_questions", str(DATA / "broken.gift"), stderr=err)
    assert "broken.gift:3:" in err.getvalue()


XSS = "<img src=x onerror=alert(1)>"
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"


def moodle(*questions: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "\n".join(questions)
            + "\n</quiz>\n").encode()


def cloze(name: str, text: str, files: str = "") -> str:
    return (f'<question type="cloze"><name><text>{name}</text></name>'
            f'<questiontext format="html"><text><![CDATA[{text}]]></text>{files}'
            "</questiontext></question>")


def assert_no_script(html: str) -> None:
    for unsafe in ("onerror", "alert(1)", "<script", "javascript:"):
        assert unsafe not in html, (unsafe, html)


def test_imported_choices_and_feedback_lose_their_scripts_from_moodle_xml(client, module,
                                                                         enrollment):
    from quizzes.factories import add_quiz

    content = moodle(
        '<question type="multichoice"><name><text>XSS</text></name>'
        '<questiontext format="html"><text>Kura?</text></questiontext><single>true</single>'
        f'<answer fraction="100"><text><![CDATA[Rīga {XSS}]]></text>'
        f'<feedback><text><![CDATA[<b>Labi</b><img src="x"/onerror=alert(1)>]]></text>'
        "</feedback></answer>"
        '<answer fraction="0"><text><![CDATA[<a href="javascript:alert(1)">Tallina</a>]]>'
        "</text></answer></question>",
        '<question type="truefalse"><name><text>TF</text></name><questiontext format="html">'
        '<text>Jā?</text></questiontext><answer fraction="100"><text>true</text><feedback>'
        f"<text><![CDATA[{XSS}]]></text></feedback></answer><answer fraction=\"0\">"
        "<text>false</text></answer></question>",
        cloze("Robi", f"<p onclick=alert(1)>Pilsēta: {{1:MULTICHOICE:=Rīga#{XSS}~Tallina}}</p>"))
    created = {q.name: q for q in import_file(content=content, fmt="xml")}
    spec = created["XSS"].spec()
    for choice in spec["choices"]:
        assert_no_script(choice["text"] + choice["feedback"])
    assert spec["choices"][0]["text"].startswith("Rīga <img src=\"x\"")
    assert_no_script(created["TF"].feedback_true)
    gap_spec = created["Robi"].spec()
    assert_no_script(created["Robi"].cloze_text)
    assert [a["text"] for a in gap_spec["gaps"][0]["answers"]] == ["Rīga", "Tallina"]
    assert created["Robi"].grade({"gaps": {"0": "Rīga"}}) == 1
    # And nothing runs on the learner's page.
    quiz = add_quiz(module, questions=list(created.values()), shuffle_choices=False,
                    review_after=["answer", "correctness", "feedback", "right_answer"])
    client.force_login(enrollment.user)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = quiz.attempts.get()
    page = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    start = page.index('class="quiz-form"')
    form = page[start:page.index("</form>", start)]
    assert_no_script(form)
    assert "Rīga" in form and 'onclick' not in form


def test_imported_gift_choices_lose_their_scripts():
    gift = f"::X::Kura? {{\n\t=Rīga {XSS}#{XSS}\n\t~Tallina\n}}\n".encode()
    choice = import_file(content=gift, fmt="gift")[0].spec()["choices"][0]
    assert_no_script(choice["text"] + choice["feedback"])
    assert choice["text"].startswith("Rīga")


def test_cloze_text_images_are_stored_like_question_text_images():
    content = moodle(cloze(
        "Karte", '<p><img src="@@PLUGINFILE@@/karte.png" alt="karte"> {1:SA:=Rīga}</p>',
        f'<file name="karte.png" path="/" encoding="base64">{PNG}</file>'))
    question = import_file(content=content, fmt="xml")[0]
    assert "@@PLUGINFILE@@" not in question.cloze_text
    assert "/media/quizzes/files/" in question.cloze_text
    assert question.grade({"gaps": {"0": "Rīga"}}) == 1


def test_an_unsupported_gap_is_reported_on_its_line_in_the_users_language():
    from django.utils import translation

    content = moodle("", cloze("Slikts", "Gads {1:CALCULATED:=1918}"))
    for language, words in (("lv", "Neatbalstīts tukšās vietas veids: CALCULATED"),
                            ("en", "Unsupported type of gap: CALCULATED")):
        with translation.override(language), pytest.raises(ImportFailed) as failed:
            import_file(content=content, fmt="xml")
        assert failed.value.problems == [(4, words)]
    assert Question.objects.count() == 0


def test_a_multiresponse_gap_is_graded_as_tick_boxes():
    content = moodle(cloze("Pilsētas", "Latvijā ir {1:MULTIRESPONSE:%50%Liepāja#Jā"
                                       "~%50%Cēsis~%-100%Tartu#Nē}. {1:MRS:=Rīga~Pērnava}"))
    question = import_file(content=content, fmt="xml")[0]
    spec = question.spec()
    assert [gap["kind"] for gap in spec["gaps"]] == ["multi", "multi"]
    assert question.grade({"gaps": {"0": ["Liepāja", "Cēsis"], "1": ["Rīga"]}}) == 1
    assert question.grade({"gaps": {"0": ["Liepāja"], "1": ["Rīga"]}}) == 0.75
    assert question.grade({"gaps": {"0": ["Liepāja", "Tartu"], "1": []}}) == 0
    assert question.grade({"gaps": {"0": "Liepāja"}}) == 0  # not a list: nothing ticked
    kind = type(question)
    assert kind.feedback(spec, {"gaps": {"0": ["Liepāja", "Tartu"]}}) == "Jā Nē"
    assert kind.right_answer(spec) == "Liepāja, Cēsis; Rīga"


def test_a_learner_ticks_the_boxes_of_a_multiresponse_gap(client, module, enrollment):
    from quizzes.factories import GapFillFactory, add_quiz
    from quizzes.models import Attempt

    question = GapFillFactory(cloze_text="Pilsētas: {1:MR:%50%Liepāja~%50%Cēsis~%-100%Tartu}")
    quiz = add_quiz(module, questions=[question], shuffle_choices=False)
    client.force_login(enrollment.user)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    url = reverse("quizzes:attempt", args=[attempt.pk])
    form = client.get(url).content.decode()
    assert form.count('type="checkbox" name="q1-g0"') == 3
    client.post(url, {"page": "1", "q1-present": "1", "q1-g0": ["Cēsis", "Liepāja"]})
    assert attempt.answers.get().response == {"gaps": {"0": ["Cēsis", "Liepāja"]}}
    assert 'value="Cēsis" checked' in client.get(url).content.decode()
    client.post(reverse("quizzes:submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.percent == 100


NUMERICAL_WITH_ANY = (
    '<question type="numerical"><name><text>Stundas</text></name><questiontext format="html">'
    "<text>Cik stundu?</text></questiontext>"
    '<answer fraction="100"><text>28</text><tolerance>0</tolerance>'
    "<feedback><text>Pareizi.</text></feedback></answer>"
    '<answer fraction="0"><text>*</text><tolerance>0</tolerance>'
    "<feedback><text>Nē, 28.</text></feedback></answer></question>")


def test_a_numerical_any_other_answer_imports_and_gives_its_feedback():
    question = import_file(content=moodle(NUMERICAL_WITH_ANY), fmt="xml")[0]
    spec = question.spec()
    kind = type(question)
    assert question.grade({"text": "28"}) == 1
    assert question.grade({"text": "5"}) == 0
    assert kind.feedback(spec, {"text": "5"}) == "Nē, 28."
    assert kind.feedback(spec, {"text": "28"}) == "Pareizi."
    assert kind.right_answer(spec) == "28"


@pytest.mark.parametrize("fmt", ["xml", "gift"])
def test_a_numerical_any_other_answer_survives_export_and_import(fmt):
    import_file(content=moodle(NUMERICAL_WITH_ANY), fmt="xml")
    before = Question.objects.get().spec()["answers"]
    text = export_questions(questions=Question.objects.all(), fmt=fmt)
    Question.objects.all().delete()
    import_file(content=text.encode(), fmt=fmt)
    assert Question.objects.get().spec()["answers"] == before
