from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitLevel(models.TextChoices):
    PROVINCE = "province", _("Tỉnh, thành phố")
    DISTRICT = "district", _("Quận, huyện (lịch sử)")
    COMMUNE = "commune", _("Xã, phường, đặc khu")


class AgencyLevel(models.TextChoices):
    CENTRAL = "central", _("Cấp trung ương")
    PROVINCE = "province", _("Cấp tỉnh")
    COMMUNE = "commune", _("Cấp xã")


class DeliveryLevel(models.TextChoices):
    FULL_ONLINE = "full_online", _("Toàn trình")
    PARTLY_ONLINE = "partly_online", _("Một phần")
    INFORMATION_ONLY = "information_only", _("Cung cấp thông tin")


class ImplementationMethod(models.TextChoices):
    DIRECT = "direct", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    POSTAL = "postal", _("Dịch vụ bưu chính")


class ApplicantType(models.TextChoices):
    CITIZEN = "citizen", _("Công dân")
    BUSINESS = "business", _("Doanh nghiệp, tổ chức")


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    PUBLISHED = "published", _("Đã công bố")


# Longest search text accepted; longer queries are refused with a 400.
MAX_QUERY_LENGTH = 200


class PaperKind(models.TextChoices):
    """What kind of paper a procedure's result is, or a required document component asks for.

    A result of a known kind carries structured fields (``datastore.results``) and is kept in the citizen's personal
    data store; a later filing that asks for a component of the same kind is offered that item instead of an upload.
    """

    DRIVING_LICENCE = "driving_licence", _("Giấy phép lái xe")
    BIRTH_CERTIFICATE = "birth_certificate", _("Trích lục khai sinh")
    RESIDENCE_CONFIRMATION = "residence_confirmation", _("Xác nhận thông tin cư trú")
    BUSINESS_REGISTRATION = "business_registration", _("Giấy chứng nhận đăng ký doanh nghiệp")
    DRIVER_HEALTH_CERTIFICATE = "driver_health_certificate", _("Giấy khám sức khỏe của người lái xe")
