"""Public indicators API: ``/api/v1/indicators/`` and ``/api/v1/indicators/ranking/``.

The same figures as the statistics pages (``reports``); a bad parameter answers 400 saying what to choose."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from . import reports


class PeriodQuery(serializers.Serializer):
    period = serializers.ChoiceField(
        choices=list(reports.PERIODS), default="year", help_text=_("Kỳ: day, month, quarter, year hoặc range.")
    )
    date = serializers.DateField(required=False, help_text=_("Một ngày trong kỳ (mặc định hôm nay), YYYY-MM-DD."))
    start = serializers.DateField(required=False, help_text=_("Ngày bắt đầu, khi period=range."))
    end = serializers.DateField(required=False, help_text=_("Ngày kết thúc, khi period=range."))

    def validate(self, data):
        try:
            data["period_value"] = reports.period_of(
                data["period"], data.get("date"), data.get("start"), data.get("end")
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError({"period": error.messages}) from None
        return data


class IndicatorQuery(PeriodQuery):
    level = serializers.ChoiceField(
        choices=list(reports.LEVELS), default="national", help_text=_("Phạm vi: national, province hoặc agency.")
    )
    code = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("Mã tỉnh (province) hoặc mã cơ quan (agency).")
    )

    def validate(self, data):
        data = super().validate(data)
        try:
            data["target"] = reports.target(data["level"], data["code"])
        except DjangoValidationError as error:
            raise serializers.ValidationError({"code": error.messages}) from None
        return data


class RankingQuery(PeriodQuery):
    level = serializers.ChoiceField(
        choices=["province", "agency"],
        default="province",
        help_text=_("Xếp hạng tỉnh (province) hoặc cơ quan (agency)."),
    )
    province = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("Chỉ các cơ quan của tỉnh này (mã tỉnh).")
    )

    def validate(self, data):
        data = super().validate(data)
        if data["province"]:
            try:
                reports.target("province", data["province"])
            except DjangoValidationError as error:
                raise serializers.ValidationError({"province": error.messages}) from None
        return data


class IndicatorsView(APIView):
    """The indicators, the Decision 766-style score, month by month and one level down, for a scope and period."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(parameters=[IndicatorQuery], responses={200: dict, 400: dict})
    def get(self, request):
        query = IndicatorQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        return Response(reports.dashboard(query.validated_data["target"], query.validated_data["period_value"]))


class RankingView(APIView):
    """Provinces, or agencies, ranked by the Decision 766-style score for a period."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(parameters=[RankingQuery], responses={200: dict, 400: dict})
    def get(self, request):
        query = RankingQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        period = data["period_value"]
        rows = reports.ranking(data["level"], period, data["province"])
        return Response({"level": data["level"], "period": {"start": period.start, "end": period.end}, "rows": rows})
