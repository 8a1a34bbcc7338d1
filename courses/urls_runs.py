from django.urls import path

from courses.views import runs

urlpatterns = [
    path("groups/", runs.run_list, name="run_list"),
    path("groups/<int:pk>/", runs.run_detail, name="run_detail"),
    path("groups/<int:pk>/enrol/", runs.run_enrol, name="run_enrol"),
    path("my/enrolments/<int:pk>/withdraw/", runs.withdraw_mine, name="withdraw_mine"),
    path("teach/groups/", runs.teaching, name="teaching"),
    path("teach/groups/<int:pk>/", runs.run_participants, name="run_participants"),
    path("teach/groups/<int:pk>/withdraw/<int:enrollment_pk>/", runs.run_withdraw,
         name="run_withdraw"),
]
