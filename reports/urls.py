from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.participation, name="participation"),
    path("reports/export.csv", views.participation_export, {"fmt": "csv"}, name="export_csv"),
    path("reports/export.xlsx", views.participation_export, {"fmt": "xlsx"},
         name="export_xlsx"),
]
