"""Counters, their service groups and office hours, the slots generated from them, and the citizens' bookings.

A slot is a row (``Slot``) with its capacity and the number of places taken (``booked``): a booking locks the slot's
row, checks a place is left and takes it, so concurrent requests never book more than the capacity (a check
constraint backs the rule in the database). Slots are generated ahead from the counters' office hours, on working
days only (``appointments.slots``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import ACTIVE_STATES, BookingAction, BookingState, Purpose


def validate_periods(text: str) -> None:
    """Office periods as ``07:00-11:30,13:30-17:00``: each a start before its end, in order, not overlapping."""
    from records.deadlines import office_periods

    if not text.strip():
        return
    try:
        periods = office_periods(text)
    except ValueError as error:
        raise ValidationError(_("Giờ làm việc phải có dạng 07:00-11:30,13:30-17:00.")) from error
    previous_end = None
    for begin, end in periods:
        if begin >= end or (previous_end and begin < previous_end):
            raise ValidationError(_("Giờ làm việc phải có dạng 07:00-11:30,13:30-17:00."))
        previous_end = end


class ServiceGroup(models.Model):
    """Procedures an agency's counters receive together (e.g. civil status, land): the sectors it covers; a group
    without sectors takes every procedure of the agency."""

    agency = models.ForeignKey(
        "procedures.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("cơ quan")
    )
    name = models.CharField(_("tên nhóm dịch vụ"), max_length=200)
    sectors = models.ManyToManyField("procedures.Sector", blank=True, related_name="+", verbose_name=_("lĩnh vực"))

    class Meta:
        ordering = ["agency", "name"]
        verbose_name = _("nhóm dịch vụ")
        verbose_name_plural = _("nhóm dịch vụ")
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="appointments_group_unique_name")]

    def __str__(self):
        return self.name


class Counter(models.Model):
    """A reception counter (quầy) of an agency: the groups it serves, its hours and its slots' length."""

    agency = models.ForeignKey(
        "procedures.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("cơ quan")
    )
    number = models.PositiveSmallIntegerField(_("số quầy"))
    name = models.CharField(_("tên quầy"), max_length=200, blank=True)
    office_periods = models.CharField(
        _("giờ làm việc riêng"),
        max_length=100,
        blank=True,
        validators=[validate_periods],
        help_text=_("Để trống: giờ hành chính chung (07:00-11:30,13:30-17:00). Ví dụ: 07:30-11:30,13:30-16:30."),
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("thời lượng mỗi lượt (phút)"), default=30, choices=[(15, "15"), (20, "20"), (30, "30"), (60, "60")]
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    groups = models.ManyToManyField(
        ServiceGroup, through="CounterService", related_name="counters", verbose_name=_("nhóm dịch vụ")
    )

    class Meta:
        ordering = ["agency", "number"]
        verbose_name = _("quầy tiếp nhận")
        verbose_name_plural = _("quầy tiếp nhận")
        constraints = [models.UniqueConstraint(fields=["agency", "number"], name="appointments_counter_unique_number")]

    def __str__(self):
        label = _("Quầy %(number)s") % {"number": self.number}
        return f"{label} — {self.name}" if self.name else str(label)


class CounterService(models.Model):
    """A service group served at a counter, with its places per slot."""

    counter = models.ForeignKey(Counter, on_delete=models.CASCADE, related_name="services", verbose_name=_("quầy"))
    group = models.ForeignKey(ServiceGroup, on_delete=models.CASCADE, related_name="+", verbose_name=_("nhóm dịch vụ"))
    capacity = models.PositiveSmallIntegerField(_("số chỗ mỗi lượt"), default=2)

    class Meta:
        verbose_name = _("nhóm dịch vụ của quầy")
        verbose_name_plural = _("nhóm dịch vụ của quầy")
        constraints = [
            models.UniqueConstraint(fields=["counter", "group"], name="appointments_counter_group_unique"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="appointments_counter_capacity_positive"),
        ]

    def __str__(self):
        return f"{self.counter} · {self.group}"

    def clean(self):
        if self.counter_id and self.group_id and self.counter.agency_id != self.group.agency_id:
            raise ValidationError(_("Nhóm dịch vụ phải thuộc cùng cơ quan với quầy."))


class Slot(models.Model):
    """One time at one counter for one service group, with its places."""

    counter = models.ForeignKey(Counter, on_delete=models.CASCADE, related_name="slots", verbose_name=_("quầy"))
    group = models.ForeignKey(ServiceGroup, on_delete=models.CASCADE, related_name="slots", verbose_name=_("nhóm"))
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    capacity = models.PositiveSmallIntegerField(_("số chỗ"))
    booked = models.PositiveSmallIntegerField(_("đã đặt"), default=0)

    class Meta:
        ordering = ["starts_at", "counter__number"]
        verbose_name = _("khung giờ hẹn")
        verbose_name_plural = _("khung giờ hẹn")
        constraints = [
            models.UniqueConstraint(fields=["counter", "group", "starts_at"], name="appointments_slot_unique"),
            models.CheckConstraint(
                condition=Q(booked__lte=models.F("capacity")), name="appointments_slot_not_overbooked"
            ),
        ]
        indexes = [models.Index(fields=["group", "starts_at"], name="appointments_slot_group_idx")]

    def __str__(self):
        return f"{self.counter} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def free(self) -> int:
        return max(self.capacity - self.booked, 0)


class Booking(models.Model):
    """A citizen's appointment: a place in a slot, for a record's step or for filing a procedure at the counter."""

    code = models.CharField(_("mã lịch hẹn"), max_length=16, unique=True)
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("công dân")
    )
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("khung giờ"))
    agency = models.ForeignKey(
        "procedures.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan")
    )
    purpose = models.CharField(_("mục đích"), max_length=20, choices=Purpose.choices)
    record = models.ForeignKey(
        "records.Record", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("hồ sơ")
    )
    procedure = models.ForeignKey(
        "procedures.Procedure",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("thủ tục"),
    )
    state = models.CharField(_("trạng thái"), max_length=16, choices=BookingState.choices, default=BookingState.BOOKED)
    queue_number = models.PositiveIntegerField(_("số thứ tự"), null=True, blank=True)
    created_at = models.DateTimeField(_("đặt lúc"), auto_now_add=True)
    checked_in_at = models.DateTimeField(_("đến lúc"), null=True, blank=True)
    called_at = models.DateTimeField(_("gọi lúc"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("đã nhắc lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lịch hẹn")
        verbose_name_plural = _("lịch hẹn")
        constraints = [
            # One active booking per citizen per record, and per procedure: the database keeps the rule too.
            models.UniqueConstraint(
                fields=["citizen", "record"],
                condition=Q(state__in=ACTIVE_STATES, record__isnull=False),
                name="appointments_one_active_per_record",
            ),
            models.UniqueConstraint(
                fields=["citizen", "procedure"],
                condition=Q(state__in=ACTIVE_STATES, procedure__isnull=False),
                name="appointments_one_active_per_procedure",
            ),
            models.CheckConstraint(
                condition=Q(record__isnull=False) | Q(procedure__isnull=False), name="appointments_booking_has_subject"
            ),
        ]
        indexes = [models.Index(fields=["citizen", "state"], name="appointments_booking_citizen")]

    def __str__(self):
        return self.code

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_STATES


class BookingEvent(models.Model):
    """What happened to a booking, by whom: the citizen's own changes and every officer's act (the audit)."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="events", verbose_name=_("lịch hẹn"))
    action = models.CharField(_("thao tác"), max_length=16, choices=BookingAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    client_ip = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    data = models.JSONField(_("chi tiết"), default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("lịch sử lịch hẹn")
        verbose_name_plural = _("lịch sử lịch hẹn")

    def __str__(self):
        return f"{self.booking.code} {self.action}"
