"""Who may study a lesson: anyone may read a published, public lesson; only a signed-in
learner has progress. Drafts and lessons in a private section are for nobody here, not
even by id through the API."""

from django.utils.translation import gettext as _

from cms.errors import NotAllowed, NotFound
from courses.selectors.catalogue import visible_q
from lessons.models import LessonPage


def lesson_for_study(*, user, lesson_id: int) -> LessonPage:
    """The lesson if this person may mark it done; raises NotFound or NotAllowed."""
    lesson = LessonPage.objects.filter(pk=lesson_id).filter(visible_q()).first()
    if lesson is None:
        raise NotFound(_("This lesson does not exist or is not published."))
    if not user.is_authenticated:
        raise NotAllowed(_("Please sign in to keep track of your progress."),
                         code="not_authenticated", status=401)
    return lesson
