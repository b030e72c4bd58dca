"""Choices shared by the registry, the simulated VNeID provider and the portal side."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class MaritalStatus(models.TextChoices):
    SINGLE = "single", _("Chưa kết hôn")
    MARRIED = "married", _("Đã kết hôn")
    DIVORCED = "divorced", _("Đã ly hôn")
    WIDOWED = "widowed", _("Góa")


class Relationship(models.TextChoices):
    """Relationship of a household member to the head of household."""

    HEAD = "head", _("Chủ hộ")
    SPOUSE = "spouse", _("Vợ/chồng")
    CHILD = "child", _("Con")
    PARENT = "parent", _("Bố/mẹ")
    GRANDCHILD = "grandchild", _("Cháu")
    SIBLING = "sibling", _("Anh/chị/em")
    OTHER = "other", _("Khác")


class EDocumentKind(models.TextChoices):
    DRIVING_LICENCE = "driving_licence", _("Giấy phép lái xe")
    HEALTH_INSURANCE = "health_insurance", _("Thẻ bảo hiểm y tế")
    VEHICLE_REGISTRATION = "vehicle_registration", _("Giấy đăng ký xe")


class AssuranceLevel(models.TextChoices):
    """VNeID account levels as the ``acr`` claim carries them."""

    LOA1 = "LoA1", _("Mức độ 1")
    LOA2 = "LoA2", _("Mức độ 2")

    @classmethod
    def rank(cls, value: str | None) -> int:
        return {cls.LOA1: 1, cls.LOA2: 2}.get(value or "", 0)


class StaffRole(models.TextChoices):
    RECEIVER = "receiver", _("Cán bộ tiếp nhận")
    PROCESSOR = "processor", _("Chuyên viên xử lý")
    APPROVER = "approver", _("Lãnh đạo phê duyệt")
    AGENCY_HEAD = "agency_head", _("Thủ trưởng cơ quan")


class AuthEventKind(models.TextChoices):
    LOGIN_SUCCEEDED = "login_succeeded", _("Đăng nhập thành công")
    LOGIN_FAILED = "login_failed", _("Đăng nhập thất bại")
    OTP_SENT = "otp_sent", _("Đã gửi mã OTP")
    OTP_FAILED = "otp_failed", _("Mã OTP sai")
    ACCOUNT_LOCKED = "account_locked", _("Tài khoản bị tạm khóa")
    LOGOUT = "logout", _("Đăng xuất")
    STEP_UP = "step_up", _("Yêu cầu nâng mức xác thực")
    ACCESS_DENIED = "access_denied", _("Từ chối truy cập")


class AuthSource(models.TextChoices):
    VNEID = "vneid", _("VNeID (nhà cung cấp định danh)")
    PORTAL = "portal", _("Cổng dịch vụ công")


class StaffEventKind(models.TextChoices):
    """What an agency head or a provincial administrator did to an officer, and what the officer did with the
    activation code they were given (``identity.models.StaffEvent``)."""

    OFFICER_CREATED = "officer_created", _("Tạo tài khoản cán bộ")
    OFFICER_ATTACHED = "officer_attached", _("Thêm tài khoản có sẵn vào cơ quan")
    ROLE_GRANTED = "role_granted", _("Giao vai trò")
    ROLE_REMOVED = "role_removed", _("Thu hồi vai trò")
    OFFICER_DEACTIVATED = "officer_deactivated", _("Cho thôi công tác tại cơ quan")
    ACCOUNT_LOCKED = "account_locked", _("Khóa tài khoản")
    SECOND_FACTOR_RESET = "second_factor_reset", _("Đặt lại xác thực hai lớp")
    CODE_ISSUED = "code_issued", _("Cấp mã kích hoạt")
    CODE_USED = "code_used", _("Dùng mã kích hoạt")
    CODE_REFUSED = "code_refused", _("Mã kích hoạt sai hoặc hết hạn")
    REFUSED = "refused", _("Thao tác bị từ chối")


class IdentityCheck(models.TextChoices):
    """How the person asking for a new second factor proved who they are, before it is reset."""

    IN_PERSON_ID_CARD = "in_person_id_card", _("Gặp trực tiếp, đối chiếu căn cước")
    VNEID_LEVEL2 = "vneid_level2", _("Đối chiếu tài khoản VNeID mức độ 2")
    VIDEO_CALL = "video_call", _("Gọi video, đối chiếu căn cước")
