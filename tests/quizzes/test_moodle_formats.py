"""Moodle XML and GIFT: every kind imports, exports and imports again the same; a broken
file imports nothing and says which lines are wrong."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

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
