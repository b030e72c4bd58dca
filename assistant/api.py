"""``POST /api/v1/assistant/``: the assistant for other channels (a messaging app, the VNeID app) and the widget."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from . import services
from .constants import QUESTION_MAX_LENGTH, Intent, Kind, Slot
from .throttles import AssistantThrottle


class AskSerializer(serializers.Serializer):
    question = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=QUESTION_MAX_LENGTH,
        trim_whitespace=True,
        help_text="The citizen's message, in Vietnamese (with or without accents) or English.",
    )
    choice = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=120,
        help_text="The `value` of one of the `options` of the previous answer (send its `context` too).",
    )
    context = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=4000,
        help_text="The `context` of the previous answer, to continue the conversation.",
    )

    def validate(self, data):
        if not data.get("question") and not data.get("choice"):
            raise ValidationError({"question": _("Hãy nhập câu hỏi.")})
        if data.get("choice") and not data.get("context"):
            raise ValidationError({"context": _("Một lựa chọn cần đi kèm ngữ cảnh của câu trả lời trước.")})
        return data


class LinkSerializer(serializers.Serializer):
    label = serializers.CharField()
    url = serializers.CharField()


class ActionSerializer(LinkSerializer):
    primary = serializers.BooleanField()


class FactSerializer(serializers.Serializer):
    label = serializers.CharField()
    value = serializers.CharField()


class PaperSerializer(serializers.Serializer):
    name = serializers.CharField()
    note = serializers.CharField(help_text="What replaces the paper (registry, VNeID wallet, e-form), if anything.")


class CardSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(["procedure", "bundle", "record"])
    id = serializers.CharField()
    code = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    facts = FactSerializer(many=True)
    papers = PaperSerializer(many=True)
    places = serializers.ListField(child=serializers.CharField())
    actions = ActionSerializer(many=True)
    source = LinkSerializer()


class OptionSerializer(serializers.Serializer):
    label = serializers.CharField()
    value = serializers.CharField()


class AnswerSerializer(serializers.Serializer):
    intent = serializers.ChoiceField(Intent.choices)
    kind = serializers.ChoiceField(Kind.choices)
    text = serializers.CharField()
    slot = serializers.ChoiceField([("", ""), *Slot.choices], help_text="What `options` ask, when `kind` is ask.")
    options = OptionSerializer(many=True)
    cards = CardSerializer(many=True)
    links = LinkSerializer(many=True, help_text="The sources of the answer, or the hotline and feedback form.")
    context = serializers.CharField(help_text="Send back with the next message to continue the conversation.")


class AssistantView(APIView):
    """Ask the virtual assistant (trợ lý ảo) a question about administrative procedures or your own records."""

    throttle_classes = [AssistantThrottle]

    @extend_schema(
        operation_id="assistant_ask",
        summary="Ask the virtual assistant",
        description=(
            "Answers from the procedure catalogue and, for a logged-in citizen, from their own records, in the "
            "request's language (Accept-Language: vi or en). When several procedures fit, the answer asks back "
            "(`kind` = ask) with `options`: send one option's `value` as `choice` with the `context`. When it does "
            "not know, `kind` = unknown and `links` carry the hotline and the feedback form. Throttled per client."
        ),
        request=AskSerializer,
        responses={200: AnswerSerializer},
        examples=[OpenApiExample("A question", value={"question": "con mới sinh cần làm gì"}, request_only=True)],
        tags=["assistant"],
    )
    def post(self, request):
        serializer = AskSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            reply = services.answer(
                request,
                question=data.get("question", ""),
                choice=data.get("choice", ""),
                context=data.get("context", ""),
            )
        except services.BadContext as error:
            raise ValidationError({"context": [str(error)]}) from None
        return Response(AnswerSerializer(reply.as_dict()).data)
