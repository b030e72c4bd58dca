"""Pre-aggregated figures: the dashboards and the API read these, never the records table.

Kept up to date from the records' events (``counting``: each event is queued in its record's transaction and a
worker counts the queue in batches) and rebuilt from the records by ``python manage.py rebuild_indicators``; both
apply the same rule to the same events, so they give the same numbers.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import Grain


class FigureBase(models.Model):
    grain = models.CharField(max_length=1, choices=Grain.choices)
    start = models.DateField(help_text=_("Ngày, hoặc ngày đầu tháng."))
    agency = models.ForeignKey("procedures.Agency", on_delete=models.PROTECT, related_name="+")
    # The counters (``constants.COUNTERS``, each one explained there).
    received = models.IntegerField(default=0)
    received_online = models.IntegerField(default=0)
    received_full_online = models.IntegerField(default=0)
    reused_data = models.IntegerField(default=0)
    refused = models.IntegerField(default=0)
    supplements = models.IntegerField(default=0)
    finished = models.IntegerField(default=0)
    finished_on_time = models.IntegerField(default=0)
    finished_late = models.IntegerField(default=0)
    working_days = models.IntegerField(default=0)
    results_returned = models.IntegerField(default=0)
    results_digitised = models.IntegerField(default=0)
    fee_charging = models.IntegerField(default=0)
    paid_online = models.IntegerField(default=0)
    open_from_cohort = models.IntegerField(default=0)
    overdue_from_cohort = models.IntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.agency_id} {self.grain} {self.start}"


class AgencyFigure(FigureBase):
    """An agency's figures for a day or a month: the national, province and agency dashboards. One row per agency and
    period, not per channel (``received_online`` already tells the channels apart): the country's year reads half the
    rows."""

    class Meta:
        verbose_name = _("số liệu cơ quan")
        verbose_name_plural = _("số liệu cơ quan")
        constraints = [
            models.UniqueConstraint(fields=["grain", "start", "agency"], name="agency_figure_once_per_period"),
        ]
        indexes = [
            models.Index(fields=["grain", "start"], name="agency_figure_period"),
            # A province's or an agency's dashboard: its few rows, not every agency's rows of the period.
            models.Index(fields=["agency", "grain", "start"], name="agency_figure_agency_period"),
        ]


class ProcedureFigure(FigureBase):
    """The same per procedure: filtering by procedure or sector."""

    channel = models.CharField(max_length=16)
    procedure = models.ForeignKey("procedures.Procedure", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("số liệu thủ tục")
        verbose_name_plural = _("số liệu thủ tục")
        constraints = [
            models.UniqueConstraint(
                fields=["grain", "start", "agency", "procedure", "channel"], name="procedure_figure_once"
            ),
        ]
        indexes = [
            models.Index(fields=["procedure", "grain", "start"], name="procedure_figure_period"),
            models.Index(fields=["agency", "grain", "start"], name="procedure_figure_agency_period"),
        ]


class OfficerFigure(FigureBase):
    """The handling officer's share of an agency's figures (the agency head's view only)."""

    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("số liệu cán bộ")
        verbose_name_plural = _("số liệu cán bộ")
        constraints = [
            models.UniqueConstraint(fields=["grain", "start", "agency", "officer"], name="officer_figure_once"),
        ]


class PendingEvent(models.Model):
    """A record event not counted yet: written in the record's transaction, removed by the batch that counts it."""

    event = models.OneToOneField("records.RecordEvent", on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return str(self.event_id)
