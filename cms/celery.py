"""The Celery app. Settings come from Django's (CELERY_ namespace); tasks are found in each
app's tasks.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("kopa")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
