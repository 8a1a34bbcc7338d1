from django.urls import path

from certificates.views import public as views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify_form, name="verify"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
    path("certificates/<int:pk>/pdf/", views.download, name="download"),
    path("certificates/runs/<int:run_id>/zip/", views.run_zip, name="run_zip"),
    path("organisations/<int:organisation_id>/groups/<int:run_id>/certificates.zip",
         views.organisation_run_zip, name="organisation_run_zip"),
]
