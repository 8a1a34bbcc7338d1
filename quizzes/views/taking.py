"""Taking a quiz with plain HTML forms: each page of questions is saved when the learner
moves on, so a reload or a lost connection loses at most the page on screen (and the
small script saves that too as they type)."""

import math

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.errors import KopaError
from courses.selectors.catalogue import visible_q
from quizzes import permissions, selectors, services
from quizzes.forms import response_from_post, seen_versions
from quizzes.models import Attempt, QuizPage


def quiz_home(request, *, quiz: QuizPage):
    user = request.user
    attempts = list(selectors.attempts_of(user=user, quiz=quiz)) if user.is_authenticated \
        else []
    in_progress = next((a for a in attempts if a.state == Attempt.State.IN_PROGRESS), None)
    left = None
    if quiz.attempts_allowed:
        left = max(0, quiz.attempts_allowed - len(attempts))
    return render(request, "quizzes/quiz_page.html", {
        "page": quiz, "attempts": attempts, "in_progress": in_progress,
        "attempts_left": left, "is_open": quiz.is_open(),
        "best": selectors.best_result(attempts),
        "can_take": permissions.can_take_quiz(user, quiz),
        "can_see_results": permissions.can_see_results(user, quiz),
    })


@require_POST
def start(request, quiz_id: int):
    quiz = get_object_or_404(QuizPage.objects.filter(visible_q()), pk=quiz_id)
    if not request.user.is_authenticated:
        return redirect_to_login(quiz.url)
    if not permissions.can_take_quiz(request.user, quiz):
        messages.error(request, _("Enrol in a group of this course to take the quiz."))
        return redirect(quiz.url)
    try:
        attempt = services.start_attempt(quiz=quiz, user=request.user)
    except KopaError as exc:
        messages.error(request, exc.message)
        return redirect(quiz.url)
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


def _own_attempt(request, attempt_id: int) -> Attempt:
    attempt = get_object_or_404(Attempt.objects.select_related("quiz"), pk=attempt_id)
    if not permissions.can_answer(request.user, attempt):
        raise Http404
    return attempt


def _page_count(attempt: Attempt, total: int) -> int:
    return max(1, math.ceil(total / attempt.quiz.questions_per_page))


def _positions(attempt: Attempt, page: int) -> list[int]:
    per_page = attempt.quiz.questions_per_page
    return list(range((page - 1) * per_page + 1, page * per_page + 1))


def _finish_if_overdue(request, attempt: Attempt) -> bool:
    now = timezone.now()
    if attempt.is_open and attempt.deadline and now > attempt.deadline + \
            services.attempts.DEADLINE_GRACE:
        services.submit_attempt(attempt_id=attempt.pk, now=now)
        messages.warning(request, _("Time is up. Your attempt was submitted with the answers "
                                    "saved before the deadline."))
        return True
    return False


def attempt_page(request, attempt_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = _own_attempt(request, attempt_id)
    autosave = request.method == "POST" and request.headers.get("X-Autosave") == "1"
    if _finish_if_overdue(request, attempt) or not attempt.is_open:
        if autosave:
            # The script reloads the page on this code and the learner sees the review.
            return JsonResponse({"code": "time_up", "message": _(
                "This attempt has been submitted; answers can no longer change.")}, status=409)
        return redirect("quizzes:review", attempt_id=attempt.pk)
    total = attempt.answers.count()
    pages = _page_count(attempt, total)
    try:
        page = min(max(1, int(request.POST.get("page") or request.GET.get("page") or 1)), pages)
    except ValueError:
        page = 1
    positions = _positions(attempt, page)
    if request.method == "POST":
        answers = {a.position: a.public for a in attempt.answers.filter(position__in=positions)}
        responses = {}
        for position, public in answers.items():
            response = response_from_post(public, position, request.POST)
            if response is not None:
                responses[position] = response
        try:
            if responses:
                services.save_answers(attempt=attempt, responses=responses,
                                      seen=seen_versions(request.POST, responses))
        except KopaError as exc:
            if autosave:
                return JsonResponse({"code": exc.code, "message": str(exc.message)},
                                    status=exc.status)
            messages.error(request, exc.message)
            if exc.code in ("time_up", "attempt_closed"):
                return redirect("quizzes:review", attempt_id=attempt.pk)
            # Back to the same page: what was saved before is still there.
            return redirect(f"{reverse('quizzes:attempt', args=[attempt.pk])}?page={page}")
        if autosave:
            # The page stays open: it carries the new versions into its next save.
            versions = dict(attempt.answers.filter(position__in=list(responses))
                            .values_list("position", "version"))
            return JsonResponse({"saved": sorted(responses), "versions": versions})
        go = request.POST.get("go", "next")
        if go == "summary":
            return redirect("quizzes:summary", attempt_id=attempt.pk)
        target = page - 1 if go == "prev" else page + 1 if go == "next" else page
        if go.startswith("page-") and go[5:].isdigit():
            target = int(go[5:])
        if target > pages:
            return redirect("quizzes:summary", attempt_id=attempt.pk)
        return redirect(f"{reverse('quizzes:attempt', args=[attempt.pk])}?page={max(1, target)}")
    view = selectors.attempt_view(attempt, positions=positions)
    return render(request, "quizzes/attempt.html", {
        "page": attempt.quiz, "attempt": attempt, "page_number": page,
        "items": [_form_item(item) for item in view["questions"]],
        "pages": range(1, pages + 1), "page_count": pages,
        "seconds_left": _seconds_left(attempt),
    })


def _form_item(item: dict) -> dict:
    """Adds what the form template needs to show the saved answer back in its fields."""
    question, response = item["question"], item.get("response") or {}
    if not isinstance(response, dict):
        response = {}
    if question["kind"] == "matching":
        given = _part(response, "pairs", dict)
        item["rows"] = [{**row, "given": given.get(str(row["id"]), "")}
                        for row in question["items"]]
    elif question["kind"] == "ordering":
        order = _part(response, "order", list)
        item["ranks"] = list(range(1, len(question["items"]) + 1))
        item["rows"] = [{**row, "given": order.index(row["id"]) + 1 if row["id"] in order
                         else None} for row in question["items"]]
    elif question["kind"] == "gap_fill":
        given = _part(response, "gaps", dict)
        parts = []
        for index, segment in enumerate(question["segments"]):
            parts.append({"segment": segment})
            if index < len(question["gaps"]):
                gap = question["gaps"][index]
                value = given.get(str(index), "")
                multi = gap["kind"] == "multi"
                if multi and not isinstance(value, list):
                    value = []
                parts.append({"index": index, "number": index + 1, "multi": multi,
                              "options": gap.get("options"), "given": value})
        item["parts"] = parts
    item["response"] = response
    return item


def _part(response: dict, key: str, kind: type):
    value = response.get(key)
    return value if isinstance(value, kind) else kind()


def _seconds_left(attempt: Attempt) -> int | None:
    if not attempt.deadline:
        return None
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))


def summary(request, attempt_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = _own_attempt(request, attempt_id)
    if _finish_if_overdue(request, attempt) or not attempt.is_open:
        return redirect("quizzes:review", attempt_id=attempt.pk)
    answers = list(attempt.answers.only("position", "saved_at", "response"))
    per_page = attempt.quiz.questions_per_page
    rows = [{"position": a.position, "page": (a.position - 1) // per_page + 1,
             "answered": a.response not in (None, {}, {"text": ""}, {"choices": []})}
            for a in answers]
    return render(request, "quizzes/summary.html", {
        "page": attempt.quiz, "attempt": attempt, "rows": rows,
        "unanswered": sum(1 for row in rows if not row["answered"]),
        "seconds_left": _seconds_left(attempt)})


@require_POST
def submit(request, attempt_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = _own_attempt(request, attempt_id)
    was_open = attempt.is_open
    attempt = services.submit_attempt(attempt_id=attempt.pk)
    if was_open:
        messages.success(request, _("Your attempt has been submitted."))
    return redirect("quizzes:review", attempt_id=attempt.pk)


def review(request, attempt_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = _own_attempt(request, attempt_id)
    _finish_if_overdue(request, attempt)
    attempt.refresh_from_db()
    if attempt.is_open:
        return redirect("quizzes:attempt", attempt_id=attempt.pk)
    return render(request, "quizzes/review.html", {
        "page": attempt.quiz, "attempt": attempt, "view": selectors.attempt_view(attempt)})
