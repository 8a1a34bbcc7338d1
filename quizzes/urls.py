from django.urls import path

from quizzes.views import taking, teaching

app_name = "quizzes"

urlpatterns = [
    path("quizzes/<int:quiz_id>/start/", taking.start, name="start"),
    path("quizzes/attempts/<int:attempt_id>/", taking.attempt_page, name="attempt"),
    path("quizzes/attempts/<int:attempt_id>/summary/", taking.summary, name="summary"),
    path("quizzes/attempts/<int:attempt_id>/submit/", taking.submit, name="submit"),
    path("quizzes/attempts/<int:attempt_id>/review/", taking.review, name="review"),
    path("quizzes/teaching/", teaching.overview, name="teaching"),
    path("quizzes/teaching/grading/", teaching.grading_queue, name="grading"),
    path("quizzes/teaching/answers/<int:answer_id>/grade/", teaching.grade,
         name="grade"),
    path("quizzes/teaching/learners/<int:user_id>/", teaching.learner_results,
         name="learner_results"),
    path("quizzes/teaching/<int:quiz_id>/results/", teaching.results, name="results"),
    path("quizzes/teaching/<int:quiz_id>/statistics/", teaching.statistics,
         name="statistics"),
]
