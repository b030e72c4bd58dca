"""Each procedure's internal process (quy trình nội bộ): the steps after reception and their working time.

The steps are data: the workflow table (``records.workflow``) stays the one source of truth of what may happen to a
record, and moves it through them.
"""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from .models import HOURS_PER_WORKING_DAY


def check_step_times(processing_days: int | None, steps) -> list[str]:
    """Messages for each process (the common one, or one agency's) whose working time does not add up to the legal
    time limit. ``steps``: ``(agency or None, working hours)`` pairs."""
    if not processing_days:
        return [_("Hãy nhập thời hạn giải quyết của thủ tục trước khi mô tả các bước xử lý.")] if steps else []
    limit = processing_days * HOURS_PER_WORKING_DAY
    totals = defaultdict(int)
    for agency, hours in steps:
        totals[agency] += hours or 0
    problems = []
    for agency, total in totals.items():
        if total != limit:
            problems.append(
                _(
                    "Tổng thời gian các bước của %(process)s là %(total)s giờ làm việc; phải bằng thời hạn giải quyết "
                    "%(days)s ngày làm việc (%(limit)s giờ). Hãy sửa thời gian của các bước."
                )
                % {
                    "process": agency.name if agency is not None else _("quy trình chung"),
                    "total": total,
                    "days": processing_days,
                    "limit": limit,
                }
            )
    return problems


def steps_for(version, agency) -> list:
    """The steps ``agency`` follows for ``version``: its own when it has some, else the common ones."""
    steps = list(version.process_steps.filter(agency=agency).order_by("order"))
    return steps or list(version.process_steps.filter(agency__isnull=True).order_by("order"))
