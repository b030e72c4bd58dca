"""An address asked as people and agencies need it: the province, then one of its communes, then the street.

Kept as one text, ``"Số 1 phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội"``, the shape of the registry's
``permanent_address.formatted``, so records, the back-office and the filing API read it as any other text. The
page shows two drop-downs and a box; the commune list is grouped by province and works without JavaScript
(``static/js/address_picker.js`` then narrows it to the chosen province). A client of the filing API may send the
whole address as one text, as before.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from procedures.constants import UnitLevel
from procedures.models import AdministrativeUnit

SEPARATOR = ", "


def units() -> tuple[list, dict]:
    """Active provinces, and each province's active communes: [(code, name)], {province code: [(code, name)]}."""
    rows = AdministrativeUnit.objects.filter(
        retired_on__isnull=True, level__in=[UnitLevel.PROVINCE, UnitLevel.COMMUNE]
    ).values_list("code", "name", "level", "parent__code")
    provinces, communes = [], {}
    for code, name, level, parent in rows:
        if level == UnitLevel.PROVINCE:
            provinces.append((code, name))
        elif parent:
            communes.setdefault(parent, []).append((code, name))
    return provinces, communes


class AddressWidget(forms.MultiWidget):
    is_address = True

    def __init__(self, attrs=None):
        provinces, communes = units()
        self.provinces, self.communes = provinces, communes
        names = dict(provinces)
        grouped = [(names.get(code, code), options) for code, options in communes.items()]
        widgets = [
            forms.Select(choices=[("", _("— Chọn tỉnh, thành phố —")), *provinces]),
            forms.Select(choices=[("", _("— Chọn xã, phường —")), *grouped]),
            forms.TextInput(attrs={"autocomplete": "street-address"}),
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        """A saved text back into its parts: its last two pieces name the province and the commune."""
        if not value:
            return ["", "", ""]
        pieces = str(value).split(SEPARATOR)
        if len(pieces) >= 3:
            province = next((code for code, name in self.provinces if name == pieces[-1]), "")
            commune = next((code for code, name in self.communes.get(province, []) if name == pieces[-2]), "")
            if province and commune:
                return [province, commune, SEPARATOR.join(pieces[:-2])]
        return ["", "", str(value)]

    def value_from_datadict(self, data, files, name):
        if name in data:  # the whole address as one text (the filing API)
            return data.get(name)
        return super().value_from_datadict(data, files, name)

    def render(self, name, value, attrs=None, renderer=None):
        """Each part with its own label (the project's template; the parts drawn by Django's own)."""
        from django.template.loader import render_to_string

        context = self.get_context(name, value, attrs)
        labels = [_("Tỉnh, thành phố"), _("Xã, phường, đặc khu"), _("Số nhà, đường phố, thôn, xóm")]
        parts = []
        for widget, part, label in zip(self.widgets, context["widget"]["subwidgets"], labels, strict=True):
            html = widget.render(part["name"], part["value"], part["attrs"], renderer)
            parts.append({"id": part["attrs"].get("id", ""), "label": label, "html": html})
        return render_to_string("includes/address_widget.html", {"parts": parts})  # escaped by the template


class AddressField(forms.MultiValueField):
    """Province, commune of that province and the street, as one text; ``max_length`` for the whole."""

    default_error_messages = {
        "incomplete": gettext_lazy("Hãy chọn tỉnh, xã và ghi số nhà, đường phố hoặc thôn, xóm."),
        "commune": gettext_lazy("Xã, phường đã chọn không thuộc tỉnh, thành phố đã chọn."),
    }

    def __init__(self, *, max_length=None, min_length=None, **kwargs):
        self.max_length, self.min_length = max_length, min_length
        widget = AddressWidget()
        fields = [
            forms.ChoiceField(choices=widget.widgets[0].choices),
            forms.CharField(),
            forms.CharField(max_length=max_length),
        ]
        # Each part is needed once any is given ("incomplete"); none at all is "required" or an empty address.
        super().__init__(fields, widget=widget, require_all_fields=False, **kwargs)

    def clean(self, value):
        if isinstance(value, str):  # sent whole, as text: checked as text
            return forms.CharField(
                required=self.required, max_length=self.max_length, min_length=self.min_length
            ).clean(value)
        return super().clean(value)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return ""
        province, commune, street = data_list
        communes = dict(self.widget.communes.get(province, []))
        if commune not in communes:
            raise ValidationError(self.error_messages["commune"], code="commune")
        text = SEPARATOR.join([street.strip(), communes[commune], dict(self.widget.provinces)[province]])
        if self.max_length is not None and len(text) > self.max_length:
            raise ValidationError(
                _("Địa chỉ dài %(length)s ký tự, tối đa %(limit)s.") % {"length": len(text), "limit": self.max_length}
            )
        return text
