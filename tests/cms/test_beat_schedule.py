"""The housekeeping schedule names only tasks that exist (a typo would fail silently in
production: beat sends, no worker knows the name)."""

from django.conf import settings

from cms.celery import app


def test_every_scheduled_task_is_registered():
    app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled == {"quizzes.submit_overdue_attempts",
                         "certificates.requeue_stalled_certificates",
                         "organisations.clear_stale_import_rows"}
    assert scheduled <= set(app.tasks)
