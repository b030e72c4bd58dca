from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class PortalLocaleMiddleware(LocaleMiddleware):
    """Vietnamese unless the visitor chose another language with the switch.

    Django's own middleware follows the browser's Accept-Language, which would
    show an English-configured phone in Vietnam the English site; the portal is
    Vietnamese first and English on request. The API (``/api/``) has no switch:
    there Accept-Language chooses, Vietnamese when absent.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        if chosen not in supported and request.path.startswith("/api/"):
            # An app or another system says which language it wants in Accept-Language; no cookie there.
            asked = translation.get_language_from_request(request, check_path=False)
            chosen = asked if request.headers.get("Accept-Language") else None
        translation.activate(chosen if chosen in supported else settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
