"""Public record tracking: state and dates by code and ID number, nothing personal."""

import re

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import APIException, NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from common.jsoninput import BoundedJSONField
from common.net import client_ip
from eservices.selectors import active_service
from identity.services import assurance_satisfied, citizen_claims

from . import complete_filing, selectors
from .forms import ID_NUMBER_AS_TYPED, LookupForm
from .throttles import LookupThrottle
from .views.access import session_lacks_level


class RecordStatusSerializer(serializers.Serializer):
    code = serializers.CharField()
    state = serializers.CharField()
    state_display = serializers.CharField(source="get_state_display")
    national_status = serializers.IntegerField(allow_null=True)
    procedure = serializers.CharField(source="procedure_version.display_name")
    agency = serializers.CharField(source="agency.display_name")
    submitted_at = serializers.DateTimeField()
    received_at = serializers.DateTimeField(allow_null=True)
    expected_result_date = serializers.DateField(allow_null=True)
    completed_at = serializers.DateTimeField(allow_null=True)


# What the lookup accepts, stated in the schema as LookupForm checks it.
CODE_SCHEMA = {"type": "string", "minLength": 1, "maxLength": 40}
ID_NUMBER_SCHEMA = {"type": "string", "maxLength": 24, "pattern": ID_NUMBER_AS_TYPED}


@extend_schema_field(CODE_SCHEMA)
class RecordCodeField(serializers.CharField):
    pass


@extend_schema_field(ID_NUMBER_SCHEMA)
class TypedIdNumberField(serializers.CharField):
    pass


class LookupRequestSerializer(serializers.Serializer):
    code = RecordCodeField(help_text="Record code, e.g. 000.00.21.H56-240312-0001 (any case, spaces allowed)")
    id_number = TypedIdNumberField(help_text="Applicant's 12-digit ID number (spaces, dots or dashes allowed)")


# The GET form puts the ID number in URLs (browser history, server and proxy logs, referrers): it answers as before
# until LOOKUP_GET_SUNSET, with headers saying so (RFC 9745 Deprecation, RFC 8594 Sunset) and where to go instead.
LOOKUP_GET_DEPRECATED = "@1796428800"  # 2026-12-05T00:00:00Z
LOOKUP_GET_SUNSET = "Wed, 30 Jun 2027 23:59:59 GMT"


class RecordLookupView(APIView):
    """Track a record by its code and the applicant's ID number: state and dates, nothing personal."""

    throttle_classes = [LookupThrottle]
    # Public, the same answer for everyone: no session, so no CSRF token is needed for the POST.
    authentication_classes = []
    permission_classes = []
    error_responses = {"404": _("Không có hồ sơ nào với mã và số định danh này.")}

    @extend_schema(
        summary="Track a record by its code and the applicant's ID number",
        description="The ID number goes in the JSON body, never in the URL.",
        request=LookupRequestSerializer,
        responses=RecordStatusSerializer,
    )
    def post(self, request):
        data = request.data if isinstance(request.data, dict) else {}
        return self._lookup({k: v for k, v in data.items() if isinstance(v, str)})

    @extend_schema(
        summary="Track a record (deprecated: use POST, which keeps the ID number out of URLs)",
        description=f"Answers as POST does until {LOOKUP_GET_SUNSET}, with `Deprecation` and `Sunset` headers.",
        deprecated=True,
        parameters=[
            OpenApiParameter(
                "code", CODE_SCHEMA, required=True, description="Record code, e.g. 000.00.21.H56-240312-0001"
            ),
            OpenApiParameter(
                "id_number", ID_NUMBER_SCHEMA, required=True, description="Applicant's 12-digit ID number"
            ),
        ],
        responses=RecordStatusSerializer,
    )
    def get(self, request):
        return self._lookup(request.query_params)

    def _lookup(self, values):
        form = LookupForm(values)
        if not form.is_valid():
            raise ValidationError({name: [str(m) for m in ms] for name, ms in form.errors.items()})
        record = selectors.lookup(form.cleaned_data["code"], form.cleaned_data["id_number"])
        if record is None:
            raise NotFound(_("Không tìm thấy hồ sơ với mã và số định danh này."))
        response = Response(RecordStatusSerializer(record).data)
        response["Cache-Control"] = "no-store"
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method == "GET":  # its refusals (400, 404, 429) too
            response["Deprecation"] = LOOKUP_GET_DEPRECATED
            response["Sunset"] = LOOKUP_GET_SUNSET
            response["Link"] = f'<{request.path}>; rel="alternate"; title="POST with a JSON body"'
        return response


@extend_schema_field({"type": "object", "additionalProperties": True})
class JSONObjectField(BoundedJSONField):
    """A JSON object sent as a multipart field's text (the view refuses any other JSON value)."""


class FilingRequestSerializer(serializers.Serializer):
    service = serializers.SlugField(help_text="Online service slug, e.g. `dang-ky-thuong-tru`.")
    data = JSONObjectField(
        help_text="Form values by field name; registry-held values are taken from the registry. A repeating group "
        "(a field whose schema is `type: array` of objects) is a JSON list of objects, one per row, e.g. "
        '`"thanh_vien": [{"ho_ten": "Trần Văn B", "ngay_sinh": "2015-03-01", "quan_he": "con"}]`.'
    )
    eligibility = JSONObjectField(
        required=False,
        default=dict,
        help_text="Answers to the service's eligibility questions by question id, `true` or `false`, "
        'e.g. `{"has_licence": true}`; every question must be answered (see the service\'s `eligibility`).',
    )
    wallet = JSONObjectField(
        required=False,
        default=dict,
        help_text="VNeID wallet documents standing in for papers, by component id: the document's number, e.g. "
        '`{"130": "012345678901"}`, for components whose `provided_by` is a wallet source; no file is then sent. '
        "The id of a valid item of the citizen's personal data store (Kho dữ liệu cá nhân) of the paper's kind may "
        "be named instead of a wallet number. A document or item past its validity is refused.",
    )


class FilingResultSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    code = serializers.CharField()
    state = serializers.CharField()
    expected_result_date = serializers.DateField()


STORAGE_RETRY_AFTER = 300  # seconds: the upload storage refused a file (full or failing)

IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9_\-:.]{8,64}")


def idempotency_key(request) -> str:
    """The request's ``Idempotency-Key`` header ("" if none); 400 if it is not 8–64 safe characters."""
    key = request.headers.get("Idempotency-Key", "").strip()
    if key and not IDEMPOTENCY_KEY.fullmatch(key):
        raise ValidationError(
            {
                "idempotency_key": [
                    _("Idempotency-Key phải dài 8–64 ký tự, chỉ gồm chữ cái không dấu, chữ số và - _ : .")
                ]
            }
        )
    return key


class UnprocessableEntity(APIException):
    status_code = 422
    default_code = "idempotency_key_reused"


class Conflict(APIException):
    status_code = 409
    default_code = "idempotency_key_in_use"


def already_filed(record, service_slug: str, request=None) -> Response:
    """The first response again for a retried request; 422 if the key was used for another service,
    409 while another request with the key is still working on its draft, 403 to a session below the level
    the filing asked for (``views.access.session_lacks_level``)."""
    if request is not None and session_lacks_level(request, record):
        raise PermissionDenied(_("Dịch vụ này yêu cầu tài khoản định danh điện tử mức độ 2."))
    if record.service.slug != service_slug:
        raise UnprocessableEntity(
            _("Idempotency-Key này đã được dùng để nộp hồ sơ %(code)s cho dịch vụ khác. Hãy dùng khóa mới.")
            % {"code": record.code or record.pk}
        )
    if record.is_draft:
        raise Conflict(_("Một yêu cầu khác với cùng Idempotency-Key đang được xử lý; hãy gửi lại sau giây lát."))
    return Response(FilingResultSerializer(record).data, status=201, headers={"Idempotent-Replayed": "true"})


@extend_schema(
    summary="File a record in one request (mobile and integrated clients)",
    description=(
        "Multipart form: `service`, `data` (JSON object), `eligibility` (JSON object of answers, when the "
        "service asks eligibility questions), `wallet` (JSON object naming VNeID wallet documents that stand in "
        "for papers) and one file per document component as "
        "`component_<id>`. Same checks as the web journey: assurance level, eligibility, e-form schema, file "
        "content and size, mandatory components. On a validation error the draft is kept, with every good file, "
        "and its id returned.\n\n"
        "A repeating group of the e-form (its schema `type: array`, `items` an object of sub-fields, `minItems`, "
        "`maxItems`; its UI description `widget: group`, sub-fields' labels under `fields`, their order in "
        "`order`) is sent in `data` as a list of objects, one per row, checked against the same schema as the web "
        "form: each error names the row and the sub-field, e.g. `Dòng 2, Họ tên: Thiếu thông tin bắt buộc.`\n\n"
        "Send an `Idempotency-Key` header (8–64 characters, new for each filing) so that a retry after a "
        "lost connection, or a double tap, files nothing twice: the same key returns the record filed first "
        "(header `Idempotent-Replayed: true`). "
        "After a refusal, a retry with the same key continues the same draft: a file sent again replaces "
        "the one sent before, and files not sent again stay."
    ),
    parameters=[
        OpenApiParameter(
            "Idempotency-Key",
            OpenApiTypes.STR,
            OpenApiParameter.HEADER,
            required=False,
            description="A unique value per filing, e.g. a UUID the app generates when the citizen taps Submit.",
        )
    ],
    request=FilingRequestSerializer,
    responses={
        201: FilingResultSerializer,
        400: OpenApiResponse(description="Refused: what to fix, by field, and the `draft` id keeping what was sent."),
        409: OpenApiResponse(description="Another request with the same Idempotency-Key is still being processed."),
        422: OpenApiResponse(description="The Idempotency-Key was used for another service."),
    },
)
class RecordFilingView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        if not request.user.is_citizen:
            raise PermissionDenied(_("Chỉ công dân đăng nhập bằng VNeID mới nộp hồ sơ trực tuyến."))
        key = idempotency_key(request)
        payload = FilingRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        slug, values = payload.validated_data["service"], payload.validated_data["data"]
        try:
            earlier_draft = complete_filing.earlier_attempt(request.user, key, slug)
        except complete_filing.AlreadyFiled as filed:
            return already_filed(filed.record, slug, request)
        if not isinstance(values, dict):
            raise ValidationError({"data": [_("Dữ liệu tờ khai phải là một đối tượng JSON.")]})
        eligibility, wallet = payload.validated_data["eligibility"], payload.validated_data["wallet"]
        if not isinstance(eligibility, dict):
            raise ValidationError(
                {"eligibility": [_("Câu trả lời điều kiện phải là một đối tượng JSON: mã câu hỏi → true hoặc false.")]}
            )
        if not isinstance(wallet, dict):
            raise ValidationError(
                {"wallet": [_("Giấy tờ trong ví phải là một đối tượng JSON: mã thành phần hồ sơ → số giấy tờ.")]}
            )
        service = active_service(slug)
        if service is None:
            raise NotFound(_("Không có dịch vụ công trực tuyến này."))
        if service.needs_step_up and not assurance_satisfied(request, service.required_assurance):
            raise PermissionDenied(_("Dịch vụ này yêu cầu tài khoản định danh điện tử mức độ 2."))
        if hold := service.filing_hold_message:  # its procedure's new version is being reviewed
            raise ValidationError({"service": [hold]}, code="service_held")
        try:
            record = complete_filing.file_in_one_request(
                service=service,
                applicant=request.user,
                claims=citizen_claims(request.user, request.session),
                values=values,
                eligibility=eligibility,
                wallet=wallet,
                uploads=[(field.removeprefix("component_"), f) for field, f in request.FILES.items()],
                idempotency_key=key,
                earlier_draft=earlier_draft,
                client_ip=client_ip(request),
            )
        except complete_filing.AlreadyFiled as filed:
            return already_filed(filed.record, slug, request)
        except complete_filing.Refused as refused:
            raise ValidationError({"draft": str(refused.draft.pk), **refused.errors}) from None
        except complete_filing.Unavailable as unavailable:  # the upload storage is full or failing
            body = {
                "code": "storage_unavailable",
                "detail": str(unavailable.message),
                "draft": str(unavailable.draft.pk),
            }
            return Response(body, status=503, headers={"Retry-After": str(STORAGE_RETRY_AFTER)})
        return Response(FilingResultSerializer(record).data, status=201)
