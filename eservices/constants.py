from django.db import models
from django.utils.translation import gettext_lazy as _


class FeeTiming(models.TextChoices):
    AT_FILING = "at_filing", _("Nộp phí khi nộp hồ sơ")
    BEFORE_RESULT = "before_result", _("Nộp phí trước khi nhận kết quả")


class ServiceDelivery(models.TextChoices):
    FULL_ONLINE = "full_online", _("Toàn trình")
    PARTLY_ONLINE = "partly_online", _("Một phần")


class ReplacementSource(models.TextChoices):
    """Where data that replaces a paper document comes from."""

    POPULATION_REGISTRY = "population_registry", _("Cơ sở dữ liệu quốc gia về dân cư")
    DRIVING_LICENCE = "driving_licence", _("Giấy phép lái xe trong ví VNeID")
    HEALTH_INSURANCE = "health_insurance", _("Thẻ bảo hiểm y tế trong ví VNeID")
    VEHICLE_REGISTRATION = "vehicle_registration", _("Giấy đăng ký xe trong ví VNeID")

    @property
    def is_wallet(self) -> bool:
        return self != ReplacementSource.POPULATION_REGISTRY
