import os

from django.core.asgi import get_asgi_application

# Deployments run these entry points: production is their default (manage.py keeps dev).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
application = get_asgi_application()
