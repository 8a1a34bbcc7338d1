"""Timed attempts in progress when the outbox arrived get their deadline as an effect, as
new ones do (the per-minute sweep of attempts, and its broker-held messages, are gone)."""

import datetime

from django.db import migrations

AFTER_DEADLINE = datetime.timedelta(seconds=16)  # DEADLINE_GRACE and a second


def record_deadlines(apps, schema_editor):
    Attempt = apps.get_model("quizzes", "Attempt")
    Effect = apps.get_model("cms", "Effect")
    open_timed = Attempt.objects.filter(state="in_progress", deadline__isnull=False)
    Effect.objects.bulk_create([
        Effect(kind="quizzes.deadline", key=f"quizzes:deadline:{pk}", args={"attempt_id": pk},
               due_at=deadline + AFTER_DEADLINE, next_try_at=deadline + AFTER_DEADLINE)
        for pk, deadline in open_timed.values_list("pk", "deadline").iterator()
    ], ignore_conflicts=True, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_outbox_effects"),
        ("quizzes", "0005_attempt_group"),
    ]

    operations = [migrations.RunPython(record_deadlines, migrations.RunPython.noop)]
