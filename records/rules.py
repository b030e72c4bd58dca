"""Read-only rules about records: what a filing still lacks, the time a record has, where a filing goes.

Nothing here writes: the operations (``drafts``, ``attachments``, ``transitions``...) and the views ask these.
"""

from __future__ import annotations

from django.db.models import Case, IntegerField, Q, Subquery, Value, When
from django.utils.translation import gettext as _

from eservices.constants import ReplacementSource
from eservices.models import OnlineService
from eservices.versioning import papers_on
from procedures.models import AdministrativeUnit
from procedures.selectors import ProcessCopies, published_components

from .constants import ApplicantRole, Channel
from .models import Record

_ROUTES = ProcessCopies()


def agency_for_unit(service: OnlineService, unit_code: str | None):
    """The service's agency in the unit with ``unit_code`` (a commune or province), else in its province,
    else the first one: one query while the unit or its province has one.

    Kept in this process per version and unit while nothing in the catalogue changes
    (``procedures.selectors.ProcessCopies``: an agency, a unit or a version's agencies edited renews it)."""
    version = service.version
    key = (version.pk, version.published_at, unit_code or "")
    return _ROUTES.get(key, lambda: _agency_for_unit(version, unit_code))


def _agency_for_unit(version, unit_code: str | None):
    agencies = version.agencies.filter(is_active=True)
    if unit_code:
        province = AdministrativeUnit.objects.filter(code=unit_code).values("parent_id")[:1]
        nearest = (
            agencies.filter(Q(unit__code=unit_code) | Q(unit_id=Subquery(province)))
            .annotate(
                distance=Case(When(unit__code=unit_code, then=Value(0)), default=Value(1), output_field=IntegerField())
            )
            .order_by("distance", "level", "name", "pk")
            .first()
        )
        if nearest is not None:
            return nearest
    return agencies.first()


def residence_unit_code(registry: dict | None) -> str:
    """The code of the unit of permanent residence in registry data (``eservices.prefill.registry_data``),
    which decides where a filing goes."""
    return ((registry or {}).get("permanent_address") or {}).get("unit_code") or ""


def eligibility_refusals(answers: dict, questions: list) -> list[tuple[str, str]]:
    """(question id, refusal message) for each question answered so that the citizen may not file online."""
    from eservices.eforms import text

    return [
        (q["id"], text(q.get("refusal"), _("Bạn chưa đủ điều kiện thực hiện thủ tục này.")))
        for q in questions
        if "expected" in q and answers.get(q["id"]) is not None and answers.get(q["id"]) != q["expected"]
    ]


def unanswered_questions(answers: dict, questions: list) -> list[tuple[str, str]]:
    """(question id, message) for each eligibility question not answered yes or no."""
    from eservices.eforms import text

    return [
        (q["id"], _("Chưa trả lời câu hỏi: %(question)s") % {"question": text(q.get("question"))})
        for q in questions
        if not isinstance(answers.get(q["id"]), bool)
    ]


def needs_no_file(record: Record, component) -> str | None:
    """Why an online filing takes no file for ``component`` (the e-form or the population registry stands in for
    it), or None. A file sent anyway would only reach the officers, beside the data that replaces it; at the desk
    an officer may still scan the signed paper form."""
    if component is None:
        return None
    form_component, replaced = papers_on(record.service, record.procedure_version)
    if component.pk == form_component:
        return _("Không cần tải tệp cho giấy tờ này: tờ khai điện tử bạn điền ở bước “Tờ khai” đã thay cho nó.")
    if replaced.get(component.pk) == ReplacementSource.POPULATION_REGISTRY:
        return _("Không cần tải tệp cho giấy tờ này: cơ quan lấy thông tin từ Cơ sở dữ liệu quốc gia về dân cư.")
    return None


def wallet_source(service, component) -> str | None:
    """The kind of VNeID wallet document that may stand in for ``component`` in a filing of ``service`` (a driving
    licence...), or None: no replacement, or the population registry's (which needs no choice)."""
    replacement = next((r for r in service.replacements.all() if r.component_id == component.pk), None)
    if replacement is None or replacement.source == ReplacementSource.POPULATION_REGISTRY:
        return None
    return replacement.source


def missing_components(record: Record) -> list:
    """Mandatory components with neither an attachment nor data standing in for them."""
    attached = set(record.attachments.values_list("component_id", flat=True))
    replaced = {int(pk) for pk in record.replaced_components}
    form_component, replacements = papers_on(record.service, record.procedure_version)
    registry = {pk for pk, source in replacements.items() if source == ReplacementSource.POPULATION_REGISTRY}
    satisfied = attached | replaced | registry | {form_component}
    return [c for c in published_components(record.procedure_version) if c.mandatory and c.pk not in satisfied]


def submission_problems(record: Record) -> list[str]:
    return [message for _component, message in located_submission_problems(record)]


def located_submission_problems(record: Record) -> list[tuple[object, str]]:
    """What stops the draft being submitted: (where it is fixed: "eligibility", "form" or the missing document
    component, message). An eligibility question answered the wrong way stops it even if the form is right."""
    from eservices.eforms import validate_data

    definition = record.definition
    answers, questions = record.eligibility_answers or {}, definition.eligibility or []
    # At the desk the officer checks eligibility in person; online, every question must be answered.
    unanswered = unanswered_questions(answers, questions) if record.channel == Channel.ONLINE else []
    refusals = eligibility_refusals(answers, questions)
    problems = [("eligibility", message) for _question, message in unanswered + refusals]
    if record.channel == Channel.ONLINE and (hold := definition.filing_hold_message):
        problems.append(("form", hold))  # the procedure's new version is being reviewed (``eservices.versioning``)
    if not record.form_data and (definition.form_schema or {}).get("properties"):
        # A procedure received only at the desk (``counter.desk_service``) has no e-form to fill.
        problems.append(("form", _("Chưa điền tờ khai.")))
    else:
        invalid = validate_data(definition.form_schema, record.form_data, definition.form_ui)
        problems += [("form", message) for message in invalid]
        if not invalid:
            problems += [("form", message) for message in named_person_problems(definition, record)]
    if record.applicant_role != ApplicantRole.SELF and not (record.subject_name and record.subject_id_number):
        problems.append(("form", _("Thiếu thông tin người hoặc doanh nghiệp bạn nộp thay.")))
    for component in missing_components(record):
        problems.append((component, _("Thiếu giấy tờ: %(name)s.") % {"name": component.name}))
    return problems


def named_person_problems(definition, record: Record) -> list[str]:
    """What the population registry contradicts in what the form says of the persons it names
    (``eservices.person_checks``)."""
    from eservices import person_checks

    return person_checks.labelled_problems(
        definition,
        record.form_data,
        applicant_id_number=record.applicant_id_number,
        as_of=lambda: result_date_of(definition),
    )


def result_date_of(definition, today=None):
    """The day a filing of ``definition`` made today has all its results: an integrated service's procedures
    follow one another (the birth bundle's health-insurance card comes last, 5 working days on)."""
    from django.utils import timezone

    from eservices.models import IntegratedService

    from . import deadlines

    if isinstance(definition, IntegratedService):
        days = sum(m.time_limit for m in definition.bundle_members.select_related("service__version"))
    else:
        days = definition.version.processing_days or 0
    return deadlines.due_date(today or timezone.localdate(), days)


def bundle_members(record: Record) -> list:
    """The members of the integrated service the record was filed with, in order (none for a single filing)."""
    if not record.group_id or record.group.bundle_id is None:
        return []
    return list(record.group.bundle.bundle_members.select_related("service__version"))


def time_limit(record: Record, members: list | None = None) -> int:
    """Working days the record's agency has: its time limit within an integrated filing when the bundle sets one
    (the birth bundle gives the residence registration 3 days instead of its usual 7), else its procedure's.
    ``members``: the bundle's, when the caller has them already."""
    members = bundle_members(record) if members is None else members
    member = next((m for m in members if m.service_id == record.service_id), None)
    if member is not None and member.processing_days is not None:
        return member.processing_days
    return record.procedure_version.processing_days or 0


def days_to_result(record: Record) -> int:
    """Working days from submission to the record's result. The procedures of an integrated filing follow one
    another (the birth is registered before the child's residence): a record's result also waits for those before it
    in the bundle."""
    members = bundle_members(record)
    days = 0
    for member in members:
        if member.service_id == record.service_id:
            return days + time_limit(record, members)
        days += member.time_limit
    return time_limit(record, members)


def applicant_role_for(record: Record) -> str:
    return ApplicantRole(record.applicant_role).label


def agency_by_code(code: str):
    from procedures.models import Agency

    return Agency.objects.filter(code=code).first() if code else None


def transfer_targets(record: Record):
    """Agencies a record may be transferred to: the other active agencies implementing its procedure version (a
    parent that does not implement it could not handle it; a city's list is no longer every commune of a province)."""
    from procedures.models import Agency

    return (
        Agency.objects.filter(is_active=True, procedure_versions=record.procedure_version)
        .exclude(pk=record.agency_id)
        .distinct()
        .order_by("level", "name")
    )
