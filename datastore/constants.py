from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemSource(models.TextChoices):
    """Where an item of the store came from."""

    RESULT = "result", _("Kết quả giải quyết thủ tục hành chính")
    DIGITISED = "digitised", _("Bản số hóa giấy tờ đã nộp")


# The ``source`` a record's ``replaced_components`` entry carries for a paper taken from the store.
REUSE_SOURCE = "datastore"
