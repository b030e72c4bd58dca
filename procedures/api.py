"""Public catalogue API: ``/api/v1/procedures/``."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination

from common.urls import portal_url

from . import selectors
from .constants import AgencyLevel, DeliveryLevel
from .forms import ProcedureSearchForm
from .models import Agency, DocumentComponent, Fee, LegalBasis, Procedure, ProcedureVersion


class CataloguePagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        """The page size asked for, refused (400) rather than silently replaced when it is no whole number from 1
        to ``max_page_size`` (empty: the default, as for every optional parameter)."""
        asked = request.query_params.get(self.page_size_query_param)
        if asked and not (asked.isdigit() and 1 <= int(asked) <= self.max_page_size):
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Số mục mỗi trang phải là số nguyên từ 1 đến %(max)d.") % {"max": self.max_page_size}
                    ]
                }
            )
        return super().get_page_size(request)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
            elif parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
        return parameters

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            last = self.django_paginator_class(queryset, self.get_page_size(request)).num_pages
            raise NotFound(
                _("Trang yêu cầu không tồn tại; hãy chọn trang từ 1 đến %(last)d.") % {"last": last}
            ) from None


class SectorRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class AgencyRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ["code", "name", "level"]


class FeeSerializer(serializers.ModelSerializer):
    amount_online = serializers.IntegerField(read_only=True)

    class Meta:
        model = Fee
        fields = ["name", "amount", "online_amount", "online_discount_percent", "amount_online", "note"]


class ComponentSerializer(serializers.ModelSerializer):
    class Meta:
        model = DocumentComponent
        fields = [
            "name",
            "original_count",
            "copy_count",
            "mandatory",
            "template_name",
            "replaceable_by_registry",
            "note",
        ]


class LegalBasisSerializer(serializers.ModelSerializer):
    class Meta:
        model = LegalBasis
        fields = ["number", "title", "issued_on", "issuer"]


class ProcedureListSerializer(serializers.ModelSerializer):
    sector = SectorRefSerializer(source="current_version.sector")
    levels = serializers.ListField(child=serializers.ChoiceField(AgencyLevel.choices), source="current_version.levels")
    delivery_level = serializers.ChoiceField(DeliveryLevel.choices, source="current_version.delivery_level")
    processing_days = serializers.IntegerField(source="current_version.processing_days")
    version = serializers.IntegerField(source="current_version.number")
    url = serializers.SerializerMethodField()

    class Meta:
        model = Procedure
        fields = ["code", "name", "sector", "levels", "delivery_level", "processing_days", "version", "url"]

    def get_url(self, obj) -> str:
        return portal_url(obj.get_absolute_url())


class ProcedureVersionSerializer(serializers.ModelSerializer):
    sector = SectorRefSerializer()
    levels = serializers.ListField(child=serializers.ChoiceField(AgencyLevel.choices))
    applicant_types = serializers.ListField(child=serializers.CharField())
    methods = serializers.ListField(child=serializers.CharField())
    agencies = AgencyRefSerializer(many=True)
    fees = FeeSerializer(many=True)
    components = ComponentSerializer(many=True)
    legal_bases = LegalBasisSerializer(many=True)

    class Meta:
        model = ProcedureVersion
        fields = [
            "number",
            "effective_from",
            "published_at",
            "name",
            "name_en",
            "sector",
            "levels",
            "agencies",
            "applicant_types",
            "processing_days",
            "processing_note",
            "description",
            "requirements",
            "methods",
            "delivery_level",
            "fees",
            "components",
            "legal_bases",
            "result_name",
        ]


class ProcedureDetailSerializer(serializers.ModelSerializer):
    retired = serializers.BooleanField(source="is_retired")
    current_version = ProcedureVersionSerializer()

    class Meta:
        model = Procedure
        fields = ["code", "name", "retired", "retired_at", "retirement_note", "current_version"]


SEARCH_PARAMETERS = [
    OpenApiParameter(
        "q",
        OpenApiTypes.STR,
        description=(
            "Words or a question, in official or everyday words (`bằng lái`, `sổ đỏ`, `con mới sinh cần làm gì`), "
            "with or without Vietnamese accents, typos tolerated; best matches first (max 200 characters)."
        ),
    ),
    OpenApiParameter("sector", OpenApiTypes.STR, description="Sector code, e.g. `ho-tich`."),
    OpenApiParameter("level", OpenApiTypes.STR, enum=AgencyLevel.values, description="Implementing level."),
    OpenApiParameter(
        "agency", OpenApiTypes.STR, description="Implementing agency code; one that does not exist is refused (400)."
    ),
    OpenApiParameter(
        "unit",
        OpenApiTypes.STR,
        description="Administrative unit code (province or commune); one that does not exist is refused (400).",
    ),
    OpenApiParameter("delivery", OpenApiTypes.STR, enum=DeliveryLevel.values, description="Online delivery level."),
]


@extend_schema(parameters=SEARCH_PARAMETERS, summary="Search the procedure catalogue")
class ProcedureListView(generics.ListAPIView):
    serializer_class = ProcedureListSerializer
    pagination_class = CataloguePagination

    def get_queryset(self):
        form = ProcedureSearchForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError({name: [str(m) for m in messages] for name, messages in form.errors.items()})
        return selectors.search_procedures(**{k: v for k, v in form.cleaned_data.items() if v})


@extend_schema(summary="One procedure with its current version")
class ProcedureDetailView(generics.RetrieveAPIView):
    serializer_class = ProcedureDetailSerializer
    lookup_field = "code"

    def get_queryset(self):
        return (
            Procedure.objects.filter(current_version__isnull=False)
            .select_related("current_version__sector")
            .prefetch_related(
                "current_version__agencies",
                "current_version__fees",
                "current_version__components",
                "current_version__legal_bases",
            )
        )

    def get_object(self):
        procedure = self.get_queryset().filter(code=self.kwargs["code"]).first()
        if procedure is None:
            raise NotFound(_("Không tìm thấy thủ tục có mã “%(code)s”.") % {"code": self.kwargs["code"]})
        return procedure
