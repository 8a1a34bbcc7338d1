"""wagtail-localize can translate a lesson with every kind of block."""

import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def test_wagtail_localize_translates_a_lesson(course, module, lesson):
    from wagtail_localize.models import Translation, TranslationSource

    english = Locale.objects.get(language_code="en")
    for page in (course, module):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        Translation.objects.create(source=source, target_locale=english).save_target(
            publish=True)
    source, _ = TranslationSource.get_or_create_from_instance(lesson)
    translation = Translation.objects.create(source=source, target_locale=english)
    translation.save_target(publish=True)
    translated = lesson.get_translation(english).get_latest_revision_as_object()
    assert [block.block_type for block in translated.body] == \
        [block.block_type for block in lesson.body]
