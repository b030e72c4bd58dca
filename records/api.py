"""Public record tracking: state and dates by code and ID number, nothing personal."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from . import selectors
from .views import LookupForm


class LookupThrottle(AnonRateThrottle):
    # Guessing ID numbers for a known code must be slow.
    rate = "30/minute"


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
