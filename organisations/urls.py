from django.urls import path

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("organisations/", views.organisation_list, name="list"),
    path("organisations/<int:pk>/", views.organisation_detail, name="detail"),
    path("organisations/<int:pk>/groups/<int:run_pk>/", views.organisation_run, name="run"),
    path("organisations/<int:pk>/enrolments/<int:enrollment_pk>/withdraw/", views.withdraw,
         name="withdraw"),
    path("organisations/<int:pk>/import/", views.import_upload, name="import"),
    path("organisations/<int:pk>/import/sample.csv", views.sample_file, name="import_sample"),
    path("organisations/<int:pk>/import/<int:import_pk>/", views.import_preview,
         name="import_preview"),
    path("organisations/<int:pk>/import/<int:import_pk>/login-cards/",
         views.import_login_cards, name="import_login_cards"),
    path("organisations/<int:pk>/participants.xlsx", views.participants_file,
         name="participants_file"),
    path("organisations/<int:pk>/login-cards/", views.organisation_login_cards,
         name="login_cards"),
    path("teach/groups/<int:run_pk>/login-cards/", views.run_login_cards,
         name="run_login_cards"),
    path("my/password/", views.choose_password, name="choose_password"),
]
