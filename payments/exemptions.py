"""Exemptions the population registry proves, applied when a record is filed: asked of nobody.

Circular 75/2022/TT-BTC on the residence-registration fee (lệ phí đăng ký cư trú), Article 4, exempts among others
children (under 16, Law on Children 2016) and the elderly (60 and over, Law on the Elderly 2009). The registry knows
everyone's date of birth, so a filing of a procedure whose fee rests on that circular is exempt at once when the
person registered is one of them: the newborn of a birth bundle (its date of birth is the one the bundle's own birth
registration declares), or the applicant, or the person they file for. The exemption is written confirmed, with the
rule and where the date comes from, which the record page and the receipt slip show.

The circular's other groups (people with disabilities, people with meritorious services and their relatives,
ethnic minorities in communes in hardship, residents of border communes and island districts, poor households,
orphans of 16 to 18) are not in the registry: the applicant declares them and an officer confirms
(``services.declare_exemption``), as before.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.dates import age_on, parse_date

from .constants import ExemptionGroup, ExemptionStatus
from .fees import calculate_fee
from .models import Exemption


@dataclass(frozen=True)
class AgeRule:
    """A group a fee rule exempts by age alone, which the registry's date of birth proves."""

    legal_basis: str  # the number of the legal document, among the procedure version's legal bases
    group: str
    label: str
    below: int | None = None
    from_age: int | None = None

    def covers(self, age: int) -> bool:
        return (self.below is None or age < self.below) and (self.from_age is None or age >= self.from_age)


RULES = {
    "tt75_2022_child": AgeRule(
        "75/2022/TT-BTC",
        ExemptionGroup.CHILD,
        gettext_lazy("khoản 1 Điều 4 Thông tư 75/2022/TT-BTC (trẻ em dưới 16 tuổi)"),
        below=16,
    ),
    "tt75_2022_elderly": AgeRule(
        "75/2022/TT-BTC",
        ExemptionGroup.ELDERLY,
        gettext_lazy("khoản 1 Điều 4 Thông tư 75/2022/TT-BTC (người cao tuổi từ đủ 60 tuổi)"),
        from_age=60,
    ),
}

REGISTRY, BIRTH_FILING = "registry", "birth_filing"
EVIDENCE = {
    REGISTRY: gettext_lazy("ngày sinh theo Cơ sở dữ liệu quốc gia về dân cư"),
    BIRTH_FILING: gettext_lazy("ngày sinh của trẻ được đăng ký khai sinh trong cùng bộ hồ sơ liên thông"),
}


def reason_for(exemption: Exemption) -> str:
    """ "Miễn theo <rule> (<evidence>)" in the reader's language; empty for an exemption the applicant declared."""
    rule = RULES.get(exemption.rule)
    if rule is None:
        return ""
    return _("Miễn tự động theo %(rule)s, %(evidence)s.") % {
        "rule": rule.label,
        "evidence": EVIDENCE.get(exemption.evidence, ""),
    }


# A published version's fees and legal bases never change: read once per process (key: id and publication time).
_VERSIONS: dict[tuple, tuple] = {}


def _version_facts(version) -> tuple[tuple, frozenset]:
    key = (version.pk, version.published_at)
    facts = _VERSIONS.get(key) if version.is_published and version.published_at else None
    if facts is None:
        from procedures.models import Fee, LegalBasis

        facts = (
            tuple(Fee.objects.filter(version_id=version.pk).order_by("id")),
            frozenset(LegalBasis.objects.filter(version_id=version.pk).values_list("number", flat=True)),
        )
        if version.is_published and version.published_at:
            if len(_VERSIONS) > 5000:
                _VERSIONS.clear()
            _VERSIONS[key] = facts
    return facts


def subject_birth(record) -> tuple[datetime.date | None, str]:
    """The date of birth of the person the record registers, and where it comes from."""
    if record.group_id:
        # The birth bundle registers the child it declares: its other procedures are for that child.
        for spec in getattr(record.definition, "named_persons", None) or []:
            if isinstance(spec, dict) and spec.get("role") == "child" and spec.get("birth_date"):
                return parse_date((record.form_data or {}).get(spec["birth_date"])), BIRTH_FILING
    from identity.registry.snapshot import person_data

    number = record.applicant_id_number
    if record.applicant_role == "representative" and record.subject_id_number:
        number = record.subject_id_number  # filed for someone: their age counts
    return parse_date((person_data(number) or {}).get("birthdate")), REGISTRY


def proven_exemption(record, today: datetime.date | None = None) -> tuple[str, str] | None:
    """(rule key, evidence) of the exemption the registry proves for ``record``, or None."""
    fees, laws = _version_facts(record.procedure_version)
    rules = {key: rule for key, rule in RULES.items() if rule.legal_basis in laws}
    if not rules or not calculate_fee(fees, online=record.channel == "online").has_fee:
        return None
    birth, evidence = subject_birth(record)
    if birth is None:
        return None
    today = today or timezone.localdate()
    age = age_on(birth, today)
    return next(((key, evidence) for key, rule in rules.items() if rule.covers(age)), None)


def preview_reason(record) -> str:
    """What filing ``record`` now would be exempt by, said before it is filed (empty if nothing is proven)."""
    found = proven_exemption(record)
    if found is None:
        return ""
    return reason_for(Exemption(rule=found[0], evidence=found[1]))


def apply_at_filing(record) -> Exemption | None:
    """Exempt ``record`` now if the registry proves it; never over an exemption already there."""
    found = proven_exemption(record)
    if found is None:
        return None
    key, evidence = found
    exemption, _created = Exemption.objects.get_or_create(
        record=record,
        defaults={
            "group": RULES[key].group,
            "status": ExemptionStatus.CONFIRMED,
            "declared_by_id": record.applicant_id,
            "decided_at": timezone.now(),
            "rule": key,
            "evidence": evidence,
        },
    )
    return exemption


def on_record_changed(sender, *, record, event, action, **kwargs):
    """Inside the filing's transaction (``records.signals.record_changed``): a proven exemption is written with it."""
    from records.constants import WorkflowAction

    if action == WorkflowAction.SUBMIT:
        apply_at_filing(record)
