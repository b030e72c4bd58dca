"""The libraries' admin pages with Vietnamese labels.

allauth (MFA authenticators, social accounts) names some fields in English that is not marked for translation
("created at", "type", "provider"), so the admin showed them in English whatever the language. Their models belong
to the libraries (renaming a field there would need a migration in the library), so the labels are set here, on the
admin pages: forms, list columns and filters. What only the model can rename, its own name, comes from a proxy
model with a Vietnamese name registered in the library model's place (no migration in the library's app).
"""

from allauth.mfa.admin import AuthenticatorAdmin
from allauth.mfa.models import Authenticator
from allauth.socialaccount.admin import SocialAccountAdmin, SocialAppAdmin, SocialTokenAdmin
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from django.contrib import admin
from django.contrib.admin.utils import display_for_field, display_for_value
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from oauth2_provider.models import get_application_admin_class, get_application_model

from identity.models import Authenticator as VietnameseAuthenticator
from identity.vneid.models import ClientApplication


def titled(title):
    """A list filter of the kind Django would pick for the field, under ``title``."""

    class Titled(admin.FieldListFilter):
        def __new__(cls, field, request, params, model, model_admin, field_path):
            chosen = admin.FieldListFilter.create(field, request, params, model, model_admin, field_path)
            chosen.title = title
            return chosen

    return Titled


class Labelled:
    """``labels``: {field name: label} for the form, the list's columns and its filters."""

    labels: dict = {}

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        labels = self.labels

        class LabelledForm(form):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                for name, label in labels.items():
                    if name in self.fields:
                        self.fields[name].label = label

        LabelledForm.__name__ = form.__name__
        return LabelledForm

    def get_list_display(self, request):
        return [self._column(name) for name in super().get_list_display(request)]

    def get_list_filter(self, request):
        return [
            (name, titled(self.labels[name])) if isinstance(name, str) and name in self.labels else name
            for name in super().get_list_filter(request)
        ]

    def _column(self, name):
        if not isinstance(name, str) or name not in self.labels:
            return name
        try:
            field = self.model._meta.get_field(name)
        except FieldDoesNotExist:
            field = None

        @admin.display(description=self.labels[name], ordering=name)
        def column(obj):
            value = getattr(obj, name)
            if field is None:
                return display_for_value(value, "-")
            if field.choices:
                return getattr(obj, f"get_{name}_display")()
            return display_for_field(value, field, "-")

        column.__name__ = f"labelled_{name}"
        return column


USER = _("tài khoản")


class AuthenticatorVietnamese(Labelled, AuthenticatorAdmin):
    labels = {
        "user": USER,
        "type": _("loại"),
        "data": _("dữ liệu"),
        "created_at": _("tạo lúc"),
        "last_used_at": _("dùng lần cuối lúc"),
    }


class SocialAppVietnamese(Labelled, SocialAppAdmin):
    labels = {"provider": _("nhà cung cấp"), "settings": _("cấu hình")}


class SocialAccountVietnamese(Labelled, SocialAccountAdmin):
    labels = {"user": USER, "provider": _("nhà cung cấp")}


class SocialTokenVietnamese(Labelled, SocialTokenAdmin):
    labels = {"app": _("ứng dụng"), "account": _("tài khoản liên kết")}


ApplicationAdmin = get_application_admin_class()


class ApplicationVietnamese(Labelled, ApplicationAdmin):
    labels = {"pk": _("số")}


# The libraries' models without a translatable name are shown through proxies that have one (identity.Authenticator,
# vneid.ClientApplication): the libraries' own registrations go.
for model in (Authenticator, get_application_model()):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
for model, model_admin in [
    (VietnameseAuthenticator, AuthenticatorVietnamese),
    (SocialApp, SocialAppVietnamese),
    (SocialAccount, SocialAccountVietnamese),
    (SocialToken, SocialTokenVietnamese),
    (ClientApplication, ApplicationVietnamese),
]:
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
