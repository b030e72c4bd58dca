"""The OpenAPI schema states every answer an operation can give, not only its success.

drf-spectacular documents what a view returns when all goes well (and what ``@extend_schema`` adds). The errors
come from the framework around the view — a parameter or body refused (400), a login or CSRF token missing or a
right lacking (403), an object or page that does not exist (404), a body of another media type (415), too many
requests (429) — so they are added here from what the view declares (and its ``error_responses``), for every
operation alike. An optional query parameter sent empty counts as left out. `make test` fuzzes the API against
the result (tests/test_api_fuzz.py).
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny

ERROR_BODY = {
    "type": "object",
    "description": "`detail`: what went wrong, in the request's language; a refused body or parameter instead maps "
    "each field's name to its messages.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


class PortalAutoSchema(AutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        for parameter in operation.get("parameters", []):
            if parameter.get("in") == "query" and not parameter.get("required"):
                # Django reads ``?name=`` as the parameter left out, and so does every view here.
                parameter["allowEmptyValue"] = True
        responses = operation.setdefault("responses", {})
        for code, description in self._error_responses(operation).items():
            if code not in responses:
                responses[code] = {
                    "description": str(description),
                    "content": {"application/json": {"schema": ERROR_BODY}},
                }
        return operation

    def _error_responses(self, operation) -> dict:
        view = self.view
        parameters = operation.get("parameters", [])
        errors = {}
        if "requestBody" in operation or any(p.get("in") in ("query", "header") for p in parameters):
            errors["400"] = _("Yêu cầu không hợp lệ: từng trường hoặc tham số kèm lời nhắn nói cần sửa gì.")
        needs_login = any(not isinstance(permission, AllowAny) for permission in view.get_permissions())
        csrf = self.method in UNSAFE_METHODS and any(
            isinstance(auth, SessionAuthentication) for auth in view.get_authenticators()
        )
        if needs_login or csrf:
            errors["403"] = _("Chưa đăng nhập, thiếu mã CSRF của phiên, hoặc không có quyền.")
        paginated = self.method == "GET" and self._is_list_view() and self._get_paginator() is not None
        if any(p.get("in") == "path" for p in parameters) or paginated:
            errors["404"] = _("Không tìm thấy (hoặc trang không tồn tại).")
        if "requestBody" in operation:
            errors["415"] = _("Kiểu nội dung của yêu cầu không được hỗ trợ.")
        if view.get_throttles():
            errors["429"] = _("Quá nhiều yêu cầu; thử lại sau số giây trong tiêu đề Retry-After.")
        # What only the view knows, e.g. a lookup that finds nothing: ``error_responses = {"404": "..."}``.
        errors.update(getattr(view, "error_responses", {}))
        return errors
