from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.template.loader import render_to_string
from django.utils import translation

from records.constants import MAX_ATTACHMENT_SIZE, MAX_RECORD_ATTACHMENTS_SIZE


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


class RequestSizeLimitMiddleware:
    """Answer 413 to a request whose declared body is over ``MAX_REQUEST_BODY_SIZE``, before anything reads it.

    It stands before CsrfViewMiddleware, which parses ``request.POST`` (and so stores every uploaded file)
    before any view checks who is asking. The limit leaves room for every file of a record in one request
    (the filing API, the documents page); the reverse proxy should cap bodies too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django's parsers refuse it themselves
        if length > settings.MAX_REQUEST_BODY_SIZE:
            return self.too_large(request, length)
        return self.get_response(request)

    @staticmethod
    def too_large(request, length):
        megabytes = {
            "size": length / 1024 / 1024,
            "file_limit": MAX_ATTACHMENT_SIZE // 1024 // 1024,
            "record_limit": MAX_RECORD_ATTACHMENTS_SIZE // 1024 // 1024,
        }
        if request.path.startswith("/api/"):
            detail = (
                translation.gettext(
                    "Dữ liệu gửi lên quá lớn (%(size).1f MB) nên chưa được nhận. Mỗi tệp tối đa %(file_limit)d MB, "
                    "tổng các tệp của một hồ sơ tối đa %(record_limit)d MB: hãy quét hoặc chụp lại với độ phân giải "
                    "thấp hơn, tách hoặc nén tệp rồi gửi lại."
                )
                % megabytes
            )
            return JsonResponse({"detail": detail}, status=413, json_dumps_params={"ensure_ascii": False})
        # Like the CSRF failure page: rendered without the request (no user is known yet at this point).
        return HttpResponse(render_to_string("413.html", megabytes), status=413)


class NulCharacterMiddleware:
    """Answer 400 to a request with a NUL character in its path, its query string (``%00``) or a form's fields.

    PostgreSQL refuses text with one, so a lookup by such a code or filter ended in a 500
    (``/api/v1/procedures/1.0%00/``, ``/api/v1/services/?procedure=%00``), and so did saving a form whose
    field held one (a draft keeps what was typed, as typed). No address of the portal has one and no one types
    it. A multipart form is read only for views CSRF protects, which read it anyway (CsrfViewMiddleware does):
    views exempt from it may read their body raw (a URL-encoded body can still be read after it is parsed, so
    it is always looked at: the OAuth token endpoint's). The API's JSON goes through its parser
    (``common.jsoninput``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _has_nul(request.GET):
            return self.refused(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # A URL-encoded body stays readable once parsed; a multipart one is read only where CSRF reads it.
        readable = request.content_type == "application/x-www-form-urlencoded"
        read = request.method == "POST" and (readable or not getattr(view_func, "csrf_exempt", False))
        return self.refused(request) if read and _has_nul(request.POST) else None

    @staticmethod
    def refused(request):
        message = translation.gettext(
            "Yêu cầu có ký tự NUL trong địa chỉ hoặc dữ liệu gửi lên, không được phép; hãy kiểm tra lại đường "
            "dẫn hoặc những gì đã nhập (có thể đã dán cả ký tự ẩn) rồi gửi lại."
        )
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=400, json_dumps_params={"ensure_ascii": False})
        return HttpResponse(render_to_string("400.html", {"message": message}), status=400)


def _has_nul(query) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in query.lists())
