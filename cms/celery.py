"""The Celery app. Settings come from Django's (CELERY_ namespace); tasks are found in each
app's tasks.py."""

import os

from celery import Celery

# Deployments run these entry points: production is their default (manage.py keeps dev).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

app = Celery("kopa")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
