from django.urls import path

from lessons import views

app_name = "lessons"

urlpatterns = [
    path("lessons/<int:lesson_id>/done/", views.complete_lesson, name="complete"),
]
