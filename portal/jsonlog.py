"""Structured logs: one JSON object a line, tied to the request it belongs to, with no personal data.

``RequestLogMiddleware`` gives each request an id (the ``X-Request-ID`` a proxy sent, when it looks like
one, else a new one; sent back in the response's ``X-Request-ID``) and writes one line when the request
ends: method, path (never the query string), status, duration, user id and agency. Every line logged while
the request runs carries the same ``request_id``, ``user_id`` and ``agency`` (``ContextFilter``, through
context variables, so a line logged by a service knows its request without being handed it).

What is never written: a request's body (form data, uploads, passwords, tokens: the middleware reads none
of it, and Django's own ``django.request`` logger, which attaches the request, is formatted without it),
query strings, and whole ID or phone numbers: ``mask`` shortens a 12-digit ID number to ``0010******45``
and a phone number to ``091*****78`` in every message, whoever logged it.
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid

from django.utils.functional import empty
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

logger = logging.getLogger("portal.request")

_request_id = contextvars.ContextVar("request_id", default="")
_user_id = contextvars.ContextVar("user_id", default=None)
_agency = contextvars.ContextVar("agency", default="")

# A proxy's request id is kept if it is a plain token; anything else (a newline, a long string) is replaced.
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# 12-digit personal ID numbers (CCCD) and Vietnamese phone numbers (0 or +84 and 9 digits), not inside longer
# runs of digits (a record code, an amount).
_ID_NUMBER = re.compile(r"(?<![0-9])([0-9]{4})[0-9]{6}([0-9]{2})(?![0-9])")
_PHONE = re.compile(r"(?<![0-9+])((?:\+84|0)[0-9]{2})[0-9]{5}([0-9]{2})(?![0-9])")


def mask(text: str) -> str:
    """``text`` with every ID number and phone number masked, their first and last digits kept."""
    text = _ID_NUMBER.sub(lambda m: f"{m.group(1)}******{m.group(2)}", text)
    return _PHONE.sub(lambda m: f"{m.group(1)}*****{m.group(2)}", text)


def current_request_id() -> str:
    return _request_id.get()


class ContextFilter(logging.Filter):
    """Adds the request's id, user and agency to every record, and masks ID and phone numbers in its message."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        record.user_id = _user_id.get()
        record.agency = _agency.get()
        message = record.getMessage()
        masked = mask(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        # Django's request logger attaches the request (its repr names the path with the query string).
        if hasattr(record, "request"):
            del record.request
        return True


class JsonFormatter(BaseJsonFormatter):
    """python-json-logger's formatter with the portal's fixed keys first."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(user_id)s %(agency)s")
        kwargs.setdefault("rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"})
        kwargs.setdefault("json_ensure_ascii", False)  # Vietnamese as it is written
        super().__init__(*args, **kwargs)

    def process_log_record(self, log_record):
        # Values of extra fields (a status, a path) are masked too.
        for key, value in list(log_record.items()):
            if isinstance(value, str) and key != "time":
                log_record[key] = mask(value)
        return super().process_log_record(log_record)


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        request.request_id = request_id
        tokens = [_request_id.set(request_id), _user_id.set(None), _agency.set("")]
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response.headers["X-Request-ID"] = request_id
            self._note_who(request)
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            for var, token in zip((_request_id, _user_id, _agency), tokens, strict=True):
                var.reset(token)

    @staticmethod
    def _note_who(request) -> None:
        """The user (only if the request already looked them up: no query of its own) and the agency whose
        back-office pages these are (the ``code`` of the address)."""
        user = getattr(request, "user", None)
        if user is not None and getattr(user, "_wrapped", None) is not empty and user.is_authenticated:
            _user_id.set(user.pk)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.kwargs.get("code") and request.path.startswith("/backoffice/"):
            _agency.set(str(match.kwargs["code"]))
