"""Headers every page of the portal carries besides Django's own (``SecurityMiddleware``) and the
Content-Security-Policy (django-csp, ``CONTENT_SECURITY_POLICY`` in the settings).

- ``Permissions-Policy`` (``PERMISSIONS_POLICY``): camera, microphone, geolocation... are used by no page.
- ``Cache-Control: private, no-store`` on every page answered to a logged-in person (citizen, officer,
  administrator) and on the simulated VNeID's pages: they show personal data, which neither a shared
  proxy nor the browser's history on a shared computer (a commune office) may keep. Anonymous pages
  keep whatever caching their views chose.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

PERSONAL_PREFIXES = ("/vneid/", "/accounts/", "/my-account/")


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path.startswith(PERSONAL_PREFIXES):
            patch_cache_control(response, private=True, no_store=True)
        return response
