"""A lesson page shows its blocks accessibly, where it sits, and what comes next."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from courses.factories import add_module
from lessons.blocks import LessonBodyBlock, SelfCheckBlock, VideoBlock
from lessons.factories import add_lesson

pytestmark = pytest.mark.django_db


def test_every_block_renders_with_its_accessible_parts(client, lesson):
    html = client.get(lesson.url).content.decode()
    assert '<h2>Satversme</h2>' in html
    assert '<th scope="row"><span lang="lv">maize</span>' in html
    assert '<td lang="ru">хлеб</td>' in html
    assert '<dt lang="lv">Pārdevēja</dt>' in html
    assert 'class="callout callout--important"' in html
    assert "<legend>Cik deputātu ir Saeimā?</legend>" in html
    assert "<summary>" in html  # the self-check answer works without JavaScript


def test_visitor_is_asked_to_sign_in_instead_of_marking_done(client, lesson):
    html = client.get(lesson.url).content.decode()
    assert "/accounts/sign-in/?next=" in html
    assert "data-complete-form" not in html


def test_previous_and_next_follow_the_tree_across_modules(client, course, module, lesson):
    second = add_lesson(module, title="Saeima", slug="saeima")
    other_module = add_module(course, title="Vēsture", slug="vesture")
    third = add_lesson(other_module, title="1918. gads", slug="1918")
    html = client.get(second.url).content.decode()
    assert f'rel="prev" href="{lesson.url}"' in html
    assert f'rel="next" href="{third.url}"' in html


def test_unpublished_and_private_lessons_are_skipped_in_navigation(client, module, lesson):
    draft = add_lesson(module, title="Melnraksts", slug="melnraksts", publish=False)
    draft.unpublish()
    private = add_lesson(module, title="Slepens", slug="slepens")
    PageViewRestriction.objects.create(page=private,
                                       restriction_type=PageViewRestriction.LOGIN)
    html = client.get(lesson.url).content.decode()
    assert "Melnraksts" not in html and "Slepens" not in html


def test_learner_cannot_open_an_unpublished_lesson(client, learner, module):
    draft = add_lesson(module, title="Melnraksts", slug="melnraksts")
    draft.unpublish()
    client.force_login(learner)
    assert client.get("/courses/integracijas-kurss/latvijas-valsts/melnraksts/").status_code \
        == 404


def test_private_lesson_asks_visitors_to_sign_in(client, module):
    private = add_lesson(module, title="Slepens", slug="slepens")
    PageViewRestriction.objects.create(page=private,
                                       restriction_type=PageViewRestriction.LOGIN)
    response = client.get(private.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_video_needs_a_source_and_a_transcript_or_captions():
    with pytest.raises(ValidationError):
        VideoBlock().clean(VideoBlock().to_python({"title": "Rīga", "embed": "", "file": None,
                                                   "captions": None, "transcript": ""}))


def test_self_check_needs_a_correct_answer():
    block = SelfCheckBlock()
    value = block.to_python({"question": "?", "explanation": "", "options": [
        {"text": "a", "correct": False, "feedback": ""},
        {"text": "b", "correct": False, "feedback": ""}]})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_image_needs_alt_text():
    block = LessonBodyBlock()
    value = block.to_python([{"type": "image", "value": {"image": None, "alt_text": "",
                                                          "caption": ""}}])
    with pytest.raises(ValidationError):
        block.clean(value)
