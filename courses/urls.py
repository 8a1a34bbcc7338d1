from django.urls import include, path

app_name = "courses"

# Each concern keeps its own URL list (views/catalogue.py, views/runs.py).
urlpatterns = [
    path("", include("courses.urls_catalogue")),
    path("", include("courses.urls_runs")),
]
