from django.db import migrations, models
from django.db.models import F


def mark_earlier_warnings_told(apps, schema_editor):
    # Warnings raised before this field existed were e-mailed to teachers when raised.
    apps.get_model("attendance", "AttendanceWarning").objects.update(notified_at=F("raised_at"))


class Migration(migrations.Migration):

    dependencies = [
        ("attendance", "0001_sessions_marks_feeds"),
    ]

    operations = [
        migrations.AddField(
            model_name="attendancewarning",
            name="notified_at",
            field=models.DateTimeField(blank=True, null=True,
                                       verbose_name="teachers and coordinators told"),
        ),
        migrations.RunPython(mark_earlier_warnings_told, migrations.RunPython.noop),
    ]
