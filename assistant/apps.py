from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistantConfig(AppConfig):
    name = "assistant"
    verbose_name = _("Trợ lý ảo")

    def ready(self):
        # The rephraser registry is checked by ``manage.py check`` (common.registry) once it is imported.
        from . import rephrasers  # noqa: F401
