"""A score in the spirit of Decision 766/QĐ-TTg (the index of service quality for citizens and businesses).

The decision's five groups and their points out of 100 are kept; each group is scored from the indicators the portal
observes, and a criterion it cannot observe is named, not invented:

- transparency (công khai, minh bạch), 18: not observable here. The decision scores publication of procedures on
  the national database and the synchronisation of every record with the national portal, which are judged by the
  national portal itself. The portal reports every status change (``emc``) but cannot see what the nation received.
- processing progress and results (tiến độ, kết quả giải quyết), 20: 20 × on-time share.
- online service provision (cung cấp dịch vụ trực tuyến), 22: 12 × full-process online share + 10 × online-payment
  share.
- digitisation (số hóa hồ sơ, kết quả), 22: 11 × digitised-results share + 11 × data-reuse share.
- satisfaction (mức độ hài lòng), 18: 6 × share of feedback answered on time + 6 × satisfaction rate of the
  citizens' ratings; the remaining 6 (satisfaction with how feedback was handled) is not observable: the portal
  does not ask senders to rate the answer.

A part whose indicator has nothing to measure in the period (no record decided, no fee charged...) is left out of
both the points and the points possible, rather than counted as 0. ``total`` is the points earned, ``possible`` the
points of the parts measured, and ``score`` the total brought to 100: ``100 × total ÷ possible``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

GROUPS = [
    ("transparency", _("Công khai, minh bạch"), 18),
    ("progress", _("Tiến độ, kết quả giải quyết"), 20),
    ("online", _("Cung cấp dịch vụ trực tuyến"), 22),
    ("digitisation", _("Số hóa hồ sơ, kết quả giải quyết"), 22),
    ("satisfaction", _("Mức độ hài lòng"), 18),
]


@dataclass
class Part:
    group: str
    label: str
    points: float  # the part's weight
    share: float | None  # the indicator, in percent; None: nothing to measure, or not observable

    @property
    def earned(self) -> float | None:
        return None if self.share is None else round(self.points * self.share / 100, 2)


@dataclass
class Score:
    parts: list[Part]

    @property
    def total(self) -> float:
        return round(sum(part.earned for part in self.parts if part.earned is not None), 2)

    @property
    def possible(self) -> float:
        return sum(part.points for part in self.parts if part.share is not None)

    @property
    def score(self) -> float | None:
        return round(100 * self.total / self.possible, 1) if self.possible else None

    def groups(self) -> list[dict]:
        rows = []
        for key, label, points in GROUPS:
            parts = [part for part in self.parts if part.group == key]
            measured = [part for part in parts if part.share is not None]
            rows.append(
                {
                    "group": key,
                    "label": str(label),
                    "points": points,
                    "earned": round(sum(part.earned for part in measured), 2) if measured else None,
                    "possible": sum(part.points for part in measured),
                }
            )
        return rows

    def as_dict(self) -> dict:
        return {"score": self.score, "total": self.total, "possible": self.possible, "groups": self.groups()}


def score(indicators, feedback: dict | None = None) -> Score:
    """The score of a scope and period from its ``Indicators`` and ``feedback.selectors.feedback_handling``."""
    feedback = feedback or {}
    on_time_feedback = feedback.get("on_time_rate")
    return Score(
        [
            Part("transparency", _("Đồng bộ, công khai hồ sơ trên Cổng quốc gia (không quan sát được)"), 18, None),
            Part("progress", _("Hồ sơ giải quyết đúng hạn"), 20, indicators.on_time_share),
            Part("online", _("Hồ sơ trực tuyến toàn trình"), 12, indicators.full_online_share),
            Part("online", _("Thanh toán trực tuyến"), 10, indicators.online_payment_share),
            Part("digitisation", _("Kết quả giải quyết điện tử có ký số"), 11, indicators.digitised_share),
            Part("digitisation", _("Tái sử dụng dữ liệu thay giấy tờ"), 11, indicators.reuse_share),
            Part(
                "satisfaction",
                _("Phản ánh, kiến nghị trả lời đúng hạn"),
                6,
                None if on_time_feedback is None else round(100 * on_time_feedback, 1),
            ),
            Part(
                "satisfaction",
                _("Hài lòng về giải quyết hồ sơ (đánh giá của người dân)"),
                6,
                indicators.satisfaction_rate,
            ),
            Part("satisfaction", _("Hài lòng về xử lý phản ánh, kiến nghị (không quan sát được)"), 6, None),
        ]
    )
