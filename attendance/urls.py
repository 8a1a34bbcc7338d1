from django.urls import path

from attendance.views import calendar, coordinator, learner, teacher

app_name = "attendance"

urlpatterns = [
    path("attendance/", teacher.home, name="home"),
    path("attendance/runs/<int:run_id>/", teacher.run_detail, name="run"),
    path("attendance/runs/<int:run_id>/schedule/", teacher.schedule, name="schedule"),
    path("attendance/runs/<int:run_id>/export.csv", teacher.export, {"fmt": "csv"},
         name="export_csv"),
    path("attendance/runs/<int:run_id>/export.xlsx", teacher.export, {"fmt": "xlsx"},
         name="export_xlsx"),
    path("attendance/sessions/<int:session_id>/", teacher.roster, name="session"),
    path("attendance/sessions/<int:session_id>/edit/", teacher.session_edit,
         name="session_edit"),
    path("attendance/sessions/<int:session_id>/marks/<int:enrollment_id>/", teacher.mark,
         name="mark"),
    path("attendance/sessions/<int:session_id>/code/", teacher.code, name="code"),
    path("attendance/sessions/<int:session_id>/sign-in-sheet.pdf", teacher.sign_in_sheet,
         name="sheet"),
    path("attendance/check-in/", learner.check_in_list, name="check_in"),
    path("attendance/sessions/<int:session_id>/check-in/", learner.check_in,
         name="session_check_in"),
    path("attendance/my/", learner.mine, name="mine"),
    path("attendance/coordinator/", coordinator.warnings_page, name="coordinator"),
    path("attendance/calendar/", calendar.calendar_page, name="calendar"),
    path("attendance/calendar/reset/", calendar.calendar_reset, name="calendar_reset"),
    path("attendance/calendar/<str:token>.ics", calendar.feed, name="feed"),
]
