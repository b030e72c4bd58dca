"""What an app needs to file through ``POST /api/v1/records/``: the services, their e-forms, questions and documents."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound

from common.urls import portal_url

from .constants import ReplacementSource
from .eforms import text
from .models import OnlineService

E_FORM = "e_form"


class ServiceListSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name")
    procedure = serializers.CharField(source="version.procedure.code")
    url = serializers.SerializerMethodField()

    class Meta:
        model = OnlineService
        fields = ["slug", "name", "procedure", "delivery", "required_assurance", "fee_timing", "url"]

    def get_url(self, service) -> str:
        return portal_url(reverse("api:service-detail", args=[service.slug]))


class EligibilityQuestionSerializer(serializers.Serializer):
    id = serializers.CharField()
    question = serializers.CharField()


class ServiceComponentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    field = serializers.SerializerMethodField(help_text="The multipart field that carries this document's file.")
    name = serializers.CharField()
    mandatory = serializers.BooleanField()
    original_count = serializers.IntegerField()
    copy_count = serializers.IntegerField()
    note = serializers.CharField()
    provided_by = serializers.SerializerMethodField(
        help_text="`e_form` or `population_registry`: nothing to send. A wallet source: name the citizen's VNeID "
        "wallet document of that kind in the filing's `wallet` (or send its file). Null: send its file."
    )

    def get_field(self, component) -> str:
        return f"component_{component.pk}"

    @extend_schema_field(serializers.ChoiceField([E_FORM, *ReplacementSource.values], allow_null=True))
    def get_provided_by(self, component):
        return self.context["provided_by"].get(component.pk)


class ServiceDetailSerializer(ServiceListSerializer):
    procedure_version = serializers.IntegerField(source="version.number")
    presence_step = serializers.CharField(
        help_text="For a partly online service: the step that needs the citizen in person, what to bring, where."
    )
    form_schema = serializers.JSONField(
        help_text="JSON Schema of `data` in the filing request. A repeating group is `type: array` of objects "
        "(`items`), with `minItems`/`maxItems`: send it as a list of objects, one per row."
    )
    form_ui = serializers.JSONField(
        help_text="Order, labels (vi/en), help texts and conditional fields. A repeating group has "
        "`widget: group`, its sub-fields' labels and options under `fields` and their order in `order`."
    )
    prefilled_fields = serializers.SerializerMethodField(
        help_text="Fields the portal fills from the population registry or the wallet when they hold them; "
        "a value sent for them is then ignored."
    )
    suggested_fields = serializers.JSONField(
        source="suggest_map",
        help_text="Fields worth proposing from the citizen's VNeID data (field → claim path, e.g. "
        "`household.spouse.name`), for the citizen to confirm or change; what is sent is kept.",
    )
    eligibility = serializers.SerializerMethodField(
        help_text="Questions to answer `true` or `false` in the filing request's `eligibility`, by id."
    )
    named_persons = serializers.JSONField(
        help_text="The form's fields that name a person other than the applicant, by role (`other_parent`, "
        "`spouse`, `deceased`, `child`). The number must be in the population registry and the name, date of "
        "birth and relationship sent with it must agree with it, else the filing is refused on that field; "
        "`under_age`: the person must be younger on the day the results are due. The other parent and the "
        "spouse are told of the filing and may read it.",
    )
    components = serializers.SerializerMethodField()

    class Meta(ServiceListSerializer.Meta):
        fields = [
            *ServiceListSerializer.Meta.fields,
            "procedure_version",
            "presence_step",
            "form_schema",
            "form_ui",
            "prefilled_fields",
            "suggested_fields",
            "eligibility",
            "named_persons",
            "components",
        ]

    def get_prefilled_fields(self, service) -> list[str]:
        return sorted(service.prefill_map or {})

    @extend_schema_field(EligibilityQuestionSerializer(many=True))
    def get_eligibility(self, service):
        return [{"id": q["id"], "question": text(q.get("question"))} for q in service.eligibility or []]

    @extend_schema_field(ServiceComponentSerializer(many=True))
    def get_components(self, service):
        provided_by = {r.component_id: r.source for r in service.replacements.all()}
        if service.form_component_id:
            provided_by[service.form_component_id] = E_FORM
        return ServiceComponentSerializer(
            service.version.components.all(), many=True, context={"provided_by": provided_by}
        ).data


def active_services():
    return OnlineService.objects.filter(is_active=True).select_related("version__procedure")


@extend_schema(
    summary="Online public services",
    parameters=[OpenApiParameter("procedure", OpenApiTypes.STR, description="Only this procedure's services (code).")],
)
class ServiceListView(generics.ListAPIView):
    serializer_class = ServiceListSerializer

    def get_queryset(self):
        services = active_services().order_by("slug")
        if code := self.request.query_params.get("procedure", "").strip():
            services = services.filter(version__procedure__code=code)
        return services


@extend_schema(summary="One online service: what a filing must send (e-form, eligibility answers, documents)")
class ServiceDetailView(generics.RetrieveAPIView):
    serializer_class = ServiceDetailSerializer

    def get_object(self):
        service = (
            active_services()
            .prefetch_related("version__components", "replacements")
            .filter(slug=self.kwargs["slug"])
            .first()
        )
        if service is None:
            raise NotFound(_("Không có dịch vụ công trực tuyến này."))
        return service
