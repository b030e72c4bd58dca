"""How a record reads back to people, shared by the citizen's pages and the back-office: the form's answers as
labels, which events the citizen sees, a result file served to whoever may have it."""

from django.http import Http404
from django.utils.translation import gettext as _

from common.files import private_file_response
from eservices import eforms, groups, prefill

from . import services
from .constants import WorkflowAction as A
from .models import ResultDocument

# Back-office bookkeeping the citizen's history does not show.
INTERNAL_EVENTS = [A.CREATE, A.REASSIGN, A.REMINDER, A.ATTACH_RESULT, A.OVERDUE]


def answers_shown(definition, data: dict, prefilled_fields: list) -> list:
    """(legend, items) of the form's answers as read back: choice labels, yes/no, and where prefilled values
    came from (the population registry or the VNeID e-document wallet)."""
    form = eforms.EForm(initial=data, schema=definition.form_schema, ui=definition.form_ui)
    from_wallet = prefill.wallet_fields(definition.prefill_map)
    rows = []
    for fieldset in form.fieldsets():
        items = []
        for bound in fieldset.fields:
            if bound.name not in data:
                continue
            value = data[bound.name]
            choices = dict(getattr(bound.field, "choices", []) or [])
            if isinstance(bound.field, groups.RowsField):  # a repeating group: its rows as a table
                table = groups.rows_table(bound.field, value)
                # ``value``: the rows as one text, for what prints answers without tables (a PDF declaration).
                items.append({"label": bound.label, "value": groups.rows_text(table), "table": table, "source": ""})
                continue
            if isinstance(value, bool):
                value = _("Có") if value else _("Không")
            elif isinstance(value, list):  # an address half chosen in a draft, kept as its parts
                value = ", ".join(str(part) for part in value if part)
            elif not choices:
                value = bound.field.prepare_value(value)  # an amount as 500.000.000
            source = ""
            if bound.name in prefilled_fields:
                source = "wallet" if bound.name in from_wallet else "registry"
            items.append({"label": bound.label, "value": choices.get(value, value), "source": source})
        if items:
            rows.append((fieldset.legend, items))
    return rows


def serve_result(request, result: ResultDocument):
    found = services.result_file(result)
    if found is None:
        raise Http404
    file, content_type, name = found
    return private_file_response(
        file, content_type=content_type, filename=name, inline=request.GET.get("inline") == "1"
    )
