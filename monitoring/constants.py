from django.db import models
from django.utils.translation import gettext_lazy as _


class Grain(models.TextChoices):
    """Figures are kept per day and per month: a period is read from whole months plus the days at its edges."""

    DAY = "D", _("ngày")
    MONTH = "M", _("tháng")


# The counters every figure row holds; each is a sum, so rows add up over days, agencies and procedures.
COUNTERS = (
    "received",  # records received (state "received") in the period
    "received_online",  # of which filed online
    "received_full_online",  # of which filed online on a full-process online service
    "reused_data",  # of which at least one paper was replaced by registry or wallet data, or the form prefilled
    "refused",  # filings refused at reception
    "supplements",  # supplement requests made
    "finished",  # records decided (result returned, or not resolved) in the period
    "finished_on_time",  # of which on or before their due date
    "finished_late",  # of which after it
    "working_days",  # working days from reception to decision, summed over the finished records
    "results_returned",  # results returned in the period
    "results_digitised",  # of which the result was a signed electronic document
    "fee_charging",  # results returned for a fee-charging record
    "paid_online",  # of which the fee was paid online
    "open_from_cohort",  # of the records received in the period: not decided yet (a cohort figure)
    "overdue_from_cohort",  # of which marked overdue
)
