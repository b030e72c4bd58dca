import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
application = get_wsgi_application()

# A production node without its secrets refuses to start (gunicorn runs no system check of its own).
from portal.deploy_checks import refuse_to_start_without_secrets  # noqa: E402

refuse_to_start_without_secrets()
