"""POST /lessons/{id}/complete: a learner marks a lesson done (idempotent)."""

import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from cms.schemas import ErrorOut
from lessons import selectors, services
from lessons.permissions import lesson_for_study

router = Router(tags=["lessons"])


class CourseProgressOut(Schema):
    done: int
    total: int
    percent: int


class LessonDoneOut(Schema):
    lesson_id: int
    done: bool
    done_at: datetime.datetime
    newly_done: bool
    course_progress: CourseProgressOut | None = None


@router.post("/lessons/{lesson_id}/complete", response={200: LessonDoneOut, 401: ErrorOut,
                                                        404: ErrorOut})
def complete_lesson(request: HttpRequest, lesson_id: int):
    lesson = lesson_for_study(user=request.auth, lesson_id=lesson_id)
    progress, created = services.mark_lesson_done(user=request.auth, lesson=lesson)
    context = selectors.lesson_context(lesson=lesson, user=request.auth)
    return {"lesson_id": lesson.pk, "done": True, "done_at": progress.completed_at,
            "newly_done": created, "course_progress": context["course_progress"]}
