"""Public record tracking: state and dates by code and ID number, nothing personal."""

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import APIException, NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors
from .models import Record
from .throttles import LookupThrottle
from .views import LookupForm


class RecordStatusSerializer(serializers.Serializer):
    code = serializers.CharField()
    state = serializers.CharField()
    state_display = serializers.CharField(source="get_state_display")
    national_status = serializers.IntegerField(allow_null=True)
    procedure = serializers.CharField(source="procedure_version.name")
    agency = serializers.CharField(source="agency.name")
    submitted_at = serializers.DateTimeField()
    received_at = serializers.DateTimeField(allow_null=True)
    expected_result_date = serializers.DateField(allow_null=True)
    completed_at = serializers.DateTimeField(allow_null=True)


@extend_schema(
    summary="Track a record by its code and the applicant's ID number",
    parameters=[
        OpenApiParameter(
            "code", OpenApiTypes.STR, required=True, description="Record code, e.g. 000.00.21.H56-240312-0001"
        ),
        OpenApiParameter("id_number", OpenApiTypes.STR, required=True, description="Applicant's 12-digit ID number"),
    ],
    responses=RecordStatusSerializer,
)
class RecordLookupView(APIView):
    throttle_classes = [LookupThrottle]

    def get(self, request):
        form = LookupForm(request.query_params)
        if not form.is_valid():
            raise ValidationError({name: [str(m) for m in ms] for name, ms in form.errors.items()})
        record = selectors.lookup(form.cleaned_data["code"], form.cleaned_data["id_number"])
        if record is None:
            raise NotFound(_("Không tìm thấy hồ sơ với mã và số định danh này."))
        return Response(RecordStatusSerializer(record).data)


class FilingRequestSerializer(serializers.Serializer):
    service = serializers.SlugField(help_text="Online service slug, e.g. `dang-ky-thuong-tru`.")
    data = serializers.JSONField(
        help_text="Form values by field name; registry-held values are taken from the registry."
    )


class FilingResultSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    code = serializers.CharField()
    state = serializers.CharField()
    expected_result_date = serializers.DateField()


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


def already_filed(record, service_slug: str) -> Response:
    """The first response again for a retried request; 422 if the key was used for another service,
    409 while another request with the key is still working on its draft."""
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
        "Multipart form: `service`, `data` (JSON object) and one file per document component as "
        "`component_<id>`. Same checks as the web journey: assurance level, e-form schema, file content "
        "and size, mandatory components. On a validation error the draft is kept, with every good file, "
        "and its id returned.\n\n"
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
        from identity.services import assurance_satisfied, citizen_claims
        from services import eforms, prefill
        from services.models import OnlineService

        from . import intake, services

        if not request.user.is_citizen:
            raise PermissionDenied(_("Chỉ công dân đăng nhập bằng VNeID mới nộp hồ sơ trực tuyến."))
        key = idempotency_key(request)
        payload = FilingRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        # A draft kept from an earlier attempt with this key that failed: the retry continues it.
        earlier_draft = None
        if key:
            first = Record.objects.select_related("service").filter(applicant=request.user, idempotency_key=key).first()
            if first is not None and not (first.is_draft and first.service.slug == payload.validated_data["service"]):
                return already_filed(first, payload.validated_data["service"])
            earlier_draft = first
        if earlier_draft is not None and earlier_draft.procedure_version_id != earlier_draft.service.version_id:
            # The procedure changed since that attempt: its draft cannot be filed any more; start afresh.
            Record.objects.filter(pk=earlier_draft.pk).update(idempotency_key="")
            earlier_draft = None
        service = (
            OnlineService.objects.select_related("version")
            .filter(slug=payload.validated_data["service"], is_active=True)
            .first()
        )
        if service is None:
            raise NotFound(_("Không có dịch vụ công trực tuyến này."))
        if service.needs_step_up and not assurance_satisfied(request, service.required_assurance):
            raise PermissionDenied(_("Dịch vụ này yêu cầu tài khoản định danh điện tử mức độ 2."))
        claims = citizen_claims(request.user)
        id_number = claims.get("id_number", "")
        registry = prefill.registry_data(id_number)
        prefilled = prefill.prefill_values(service.prefill_map, registry)
        values = payload.validated_data["data"]
        if not isinstance(values, dict):
            raise ValidationError({"data": [_("Dữ liệu tờ khai phải là một đối tượng JSON.")]})
        form = eforms.EForm(
            {name: "" if value is None else str(value) for name, value in values.items()},
            schema=service.form_schema,
            ui=service.form_ui,
            prefilled=prefilled,
        )
        uploads = [(field.removeprefix("component_"), f) for field, f in request.FILES.items()]
        agency = services.agency_for_unit(service, services.residence_unit_code(registry))
        if form.is_valid() and earlier_draft is None:
            try:
                record = intake.file_complete(
                    service=service,
                    applicant=request.user,
                    applicant_id_number=id_number,
                    applicant_name=claims.get("name", ""),
                    agency=agency,
                    data=form.as_json(),
                    prefilled_fields=list(prefilled),
                    uploads=uploads,
                    client_ip=request.META.get("REMOTE_ADDR"),
                    idempotency_key=key,
                )
                return Response(FilingResultSerializer(record).data, status=201)
            except intake.AlreadyFiled as filed:
                return already_filed(filed.record, service.slug)
            except intake.NotReady:
                for _component, uploaded in uploads:
                    uploaded.seek(0)
        # Something is wrong: keep a draft with what was sent (under the key, so that a retry continues
        # it rather than leaving one more draft) and say what to fix.
        record = earlier_draft or services.start_keyed_draft(
            service=service,
            applicant=request.user,
            applicant_id_number=id_number,
            applicant_name=claims.get("name", ""),
            agency=agency,
            idempotency_key=key,
        )
        if record.service_id != service.pk:  # a concurrent request with the key, for another service, won
            return already_filed(record, service.slug)
        valid = form.is_valid()
        form_errors = {} if valid else {k: [str(m) for m in v] for k, v in form.errors.items()}
        try:
            record, file_errors = intake.keep_in_draft(
                record,
                data=form.as_json() if valid else {**values, **prefilled},
                prefilled_fields=list(prefilled),
                uploads=uploads,
                by=request.user,
                replace=earlier_draft is not None,
            )
        except intake.AlreadyFiled as filed:  # a concurrent retry with the same key submitted it meanwhile
            return already_filed(filed.record, service.slug)
        if file_errors or not valid:
            detail = {"detail": file_errors} if file_errors else {}
            raise ValidationError({"draft": str(record.pk), **form_errors, **detail})
        try:
            record = services.submit(record, actor=request.user, client_ip=request.META.get("REMOTE_ADDR"))
        except DjangoValidationError as error:
            filed = Record.objects.select_related("service").get(pk=record.pk)
            if key and not filed.is_draft:  # a concurrent retry with the same key submitted it first
                return already_filed(filed, service.slug)
            raise ValidationError({"draft": str(record.pk), "detail": error.messages})
        return Response(FilingResultSerializer(record).data, status=201)
