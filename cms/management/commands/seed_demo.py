"""Loads the demo: each app's demo.py adds its part, in dependency order. Safe to run again:
every loader finds what it made before instead of making it twice."""

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

# Dependency order; an app without a demo.py is skipped.
DEMO_APPS = ["cms", "accounts", "courses", "lessons", "quizzes", "organisations", "attendance",
             "certificates", "reports"]


class Command(BaseCommand):
    help = "Create or update the demo site, accounts and content (idempotent)."

    def handle(self, *args, **options) -> None:
        from django.test.utils import override_settings

        from cms.celery import app as celery_app

        # What the demo sets off (completion checks, certificates, e-mails) runs here and
        # now, so the demo is whole when this ends and `make run`'s worker starts with an
        # empty queue (the embedded broker would take a minute over the backlog). The
        # demo's people are invented: their e-mails are not printed.
        eager = celery_app.conf.task_always_eager
        celery_app.conf.task_always_eager = True
        try:
            with override_settings(
                    EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
                self.load_all()
        finally:
            celery_app.conf.task_always_eager = eager

    def load_all(self) -> None:
        context: dict = {"stdout": self.stdout, "style": self.style}
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app}.demo":
                    raise
                continue
            with transaction.atomic():
                module.load(context)
            self.stdout.write(f"demo: {app} loaded")
        for line in context.get("summary", []):
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo ready at http://127.0.0.1:8000/"))
