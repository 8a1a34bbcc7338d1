import os

from django.core.wsgi import get_wsgi_application

# Deployments run these entry points: production is their default (manage.py keeps dev).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
application = get_wsgi_application()
