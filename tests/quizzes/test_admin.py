"""Teachers manage the bank in the Wagtail admin; import shows the problems' lines."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.models import Question

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"


def test_teacher_imports_a_moodle_file_from_the_admin(editor):
    upload = SimpleUploadedFile("bank.xml", (DATA / "moodle_all_kinds.xml").read_bytes())
    response = editor.post(reverse("quizzes_admin:import"), {"file": upload})
    assert response.status_code == 302
    assert Question.objects.count() == 9


def test_a_broken_file_shows_its_lines_and_imports_nothing(editor):
    upload = SimpleUploadedFile("broken.gift", (DATA / "broken.gift").read_bytes())
    response = editor.post(reverse("quizzes_admin:import"), {"file": upload})
    assert response.status_code == 200
    assert "line 3" in response.content.decode() or "3. rinda" in response.content.decode()
    assert Question.objects.count() == 0


def test_export_downloads_the_bank(editor, every_kind):
    response = editor.post(reverse("quizzes_admin:export"), {"format": "gift"})
    assert response.status_code == 200 and b"$CATEGORY:" in response.content


def test_each_kind_has_its_admin_listing_and_form(editor, every_kind):
    for question in every_kind.values():
        meta = question._meta
        listing = editor.get(reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list"))
        assert listing.status_code == 200
        edit = editor.get(reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit",
                                  args=[question.pk]))
        assert edit.status_code == 200, meta.model_name


def test_learners_cannot_reach_the_import(client, learner):
    client.force_login(learner)
    response = client.get(reverse("quizzes_admin:import"))
    assert response.status_code in (302, 403)


def test_quiz_page_editor_renders_with_slots_and_review_options(client, quiz, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    assert response.status_code == 200
    assert "review_after" in response.content.decode()


def test_teacher_creates_a_quiz_with_slots_and_review_options_in_the_admin(
        client, module, admin_user, every_kind):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from quizzes.models import QuizPage

    client.force_login(admin_user)
    data = nested_form_data({
        "title": "Jauns tests", "slug": "jauns-tests", "intro": rich_text("<p>Sveiki</p>"),
        "pass_mark": "70", "attempts_allowed": "2", "questions_per_page": "5",
        "time_limit_minutes": "20", "required_for_completion": "on",
        "slots": inline_formset([
            {"question": every_kind["single_choice"].pk, "random_count": "1", "mark": ""},
            {"question": every_kind["true_false"].pk, "random_count": "1", "mark": "2"},
        ]),
    })
    data["review_after"] = ["answer", "marks"]
    url = reverse("wagtailadmin_pages:add", args=["quizzes", "quizpage", module.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    quiz = QuizPage.objects.get(slug="jauns-tests")
    assert quiz.review_after == ["answer", "marks"]
    assert [slot.question_id for slot in quiz.slots.all()] == [
        every_kind["single_choice"].pk, every_kind["true_false"].pk]
