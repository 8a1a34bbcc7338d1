"""The housekeeping schedule names only tasks that exist (a typo would fail silently in
production: beat sends, no worker knows the name)."""

from django.conf import settings

from cms.celery import app


def test_every_scheduled_task_is_registered():
    app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled == {"cms.publish_scheduled", "cms.queue_due_effects",
                         "cms.prune_delivered_effects",
                         "certificates.requeue_stalled_certificates",
                         "organisations.clear_stale_import_rows"}
    assert scheduled <= set(app.tasks)


def test_a_lesson_scheduled_to_go_live_is_published_by_the_task(db, module):
    import datetime

    from django.utils import timezone
    from wagtail.models import Revision

    from cms.tasks import publish_scheduled
    from lessons.factories import add_lesson

    lesson = add_lesson(module, title="Vēlāk", slug="velak", publish=False)
    lesson.unpublish()
    lesson.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = lesson.save_revision()
    revision.publish()  # with a "go live" date ahead, this only schedules it
    lesson.refresh_from_db()
    assert not lesson.live
    publish_scheduled.delay()
    lesson.refresh_from_db()
    assert not lesson.live  # not yet
    # The hour passes (in the revision: its approval and its content).
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    publish_scheduled.delay()
    lesson.refresh_from_db()
    assert lesson.live
