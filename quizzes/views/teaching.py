"""For teachers: essays waiting for a grade, results per learner and per quiz, and how each
question did. Every view asks quizzes.permissions first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.errors import KopaError
from quizzes import permissions, selectors, services
from quizzes.forms import GradeForm
from quizzes.models import AttemptAnswer, QuizPage


@login_required
def overview(request):
    runs = permissions.taught_runs(request.user).select_related("course")
    manager = permissions.is_manager(request.user)
    quizzes = QuizPage.objects.live()
    if not manager:
        courses = {run.course for run in runs}
        if not courses:
            raise PermissionDenied
        ids: set[int] = set()
        for course in courses:
            ids |= set(QuizPage.objects.descendant_of(course).values_list("pk", flat=True))
        quizzes = quizzes.filter(pk__in=ids)
    waiting = selectors.grading_queue(permissions.gradable_attempts(request.user)).count()
    return render(request, "quizzes/teaching/overview.html", {
        "quizzes": quizzes.order_by("path"), "waiting": waiting})


@login_required
def grading_queue(request):
    attempts = permissions.gradable_attempts(request.user)
    queue = list(selectors.grading_queue(attempts)[:50])
    rows = [{"answer": answer, "form": GradeForm(max_mark=answer.max_mark,
                                                 prefix=f"a{answer.pk}")} for answer in queue]
    return render(request, "quizzes/teaching/grading.html", {"rows": rows})


@login_required
@require_POST
def grade(request, answer_id: int):
    answer = get_object_or_404(AttemptAnswer.objects.select_related("attempt"), pk=answer_id)
    if not permissions.can_grade(request.user, answer.attempt):
        # 404 as for a missing answer: whose attempts exist elsewhere is not theirs to know.
        raise Http404
    form = GradeForm(request.POST, max_mark=answer.max_mark, prefix=f"a{answer.pk}")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("quizzes:grading")
    try:
        services.grade_answer(answer=answer, by=request.user, mark=form.cleaned_data["mark"],
                              comment=form.cleaned_data["comment"])
    except KopaError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Grade saved."))
    return redirect("quizzes:grading")


def _quiz_for_teacher(request, quiz_id: int) -> QuizPage:
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    if not permissions.can_see_results(request.user, quiz):
        raise PermissionDenied
    return quiz


@login_required
def results(request, quiz_id: int):
    quiz = _quiz_for_teacher(request, quiz_id)
    rows = selectors.quiz_results(quiz=quiz,
                                  attempts=permissions.gradable_attempts(request.user))
    return render(request, "quizzes/teaching/results.html", {"quiz": quiz, "rows": rows})


@login_required
def statistics(request, quiz_id: int):
    quiz = _quiz_for_teacher(request, quiz_id)
    stats = selectors.question_statistics(
        quiz=quiz, attempts=permissions.gradable_attempts(request.user))
    return render(request, "quizzes/teaching/statistics.html", {"quiz": quiz, "stats": stats})


@login_required
def learner_results(request, user_id: int):
    """Every quiz attempt of one learner that the teacher may see."""
    attempts = list(permissions.gradable_attempts(request.user).filter(user_id=user_id)
                    .select_related("quiz", "user").order_by("quiz__path", "number"))
    if not attempts:
        raise Http404
    return render(request, "quizzes/teaching/learner.html", {
        "learner": attempts[0].user, "attempts": attempts})
