"""Filing a complete record in one step, for the filing API (mobile apps, integrated systems).

The web journey builds a draft over several pages; a client that sends
everything at once gets the same checks done in memory first and the record
written in one short transaction (code, record, attachments, history), which
is what lets a desk of clients file quickly. Anything wrong falls back to the
step-by-step path, which keeps a draft and explains the problems.
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from eservices import eforms, person_checks, prefill
from procedures.models import DocumentComponent
from procedures.selectors import published_components

from . import deadlines, reuse, rules
from .attachments import StorageUnavailable, attach, files_removed_on_rollback, stored_attachment
from .codes import allocate_code
from .constants import MAX_RECORD_ATTACHMENTS_SIZE, ActorRole, Channel, RecordState, WorkflowAction
from .drafts import draft_for_refused_request, save_form, submit
from .filing import expired
from .models import Attachment, Record
from .transitions import transition
from .uploads import check_upload

logger = logging.getLogger(__name__)


class NotReady(Exception):
    """Something is missing or wrong; the caller takes the step-by-step path to explain it."""


class Unavailable(Exception):
    """The upload storage failed (``StorageUnavailable``): ``draft`` keeps what the request sent but the files, and
    no file of it is left in storage; the client tries again later (with the same key, it continues the draft)."""

    def __init__(self, draft: Record):
        super().__init__(str(draft.pk))
        self.draft = draft
        self.message = StorageUnavailable.message


class AlreadyFiled(Exception):
    """A request with the same idempotency key filed ``record`` first (a retry, a double tap)."""

    def __init__(self, record: Record):
        super().__init__(record.code)
        self.record = record


def file_complete(
    *,
    service,
    applicant,
    applicant_id_number: str,
    applicant_name: str,
    agency,
    data: dict,
    prefilled_fields: list[str],
    uploads: list,
    client_ip: str | None,
    idempotency_key: str = "",
    eligibility_answers: dict | None = None,
    replaced_components: dict | None = None,
) -> Record:
    """A submitted record from data already validated against the e-form (and eligibility answers already checked)
    and ``uploads`` of (component id, file)."""
    if service.is_held:
        raise NotReady  # the step-by-step path says the service is held for review
    version = service.version
    components = published_components(version)
    by_id = {str(c.pk): c for c in components}
    if any(key not in by_id for key, _file in uploads):
        raise NotReady
    uploads = [(by_id[key], uploaded) for key, uploaded in uploads]
    if any(c.pk == service.form_component_id for c, _u in uploads):
        raise NotReady  # a file for what the e-form replaces: the step-by-step path says why it is refused
    checked = []
    for component, uploaded in uploads:
        try:
            content_type, digest = check_upload(uploaded)
        except Exception as error:
            raise NotReady from error
        checked.append((component, uploaded, content_type, digest))
    if sum(u.size for _c, u in uploads) > MAX_RECORD_ATTACHMENTS_SIZE:
        raise NotReady
    registry = {r.component_id for r in service.replacements.all() if r.source == "population_registry"}
    if any(c.pk in registry for c, _u in uploads):
        raise NotReady
    satisfied = {c.pk for c, _u in uploads} | {service.form_component_id} | registry
    satisfied |= {int(pk) for pk in replaced_components or {}}
    if any(c.mandatory and c.pk not in satisfied for c in components):
        raise NotReady

    now = timezone.now()
    today = timezone.localdate(now)
    record = Record(
        service=service,
        procedure_version=version,
        agency=agency,
        channel=Channel.ONLINE,
        applicant=applicant,
        applicant_id_number=applicant_id_number,
        applicant_name=applicant_name,
        form_data=data,
        prefilled_fields=sorted(prefilled_fields),
        eligibility_answers=eligibility_answers or {},
        replaced_components=replaced_components or {},
        state=RecordState.DRAFT,
        idempotency_key=idempotency_key,
    )
    due = deadlines.due_date(deadlines.filing_day(now, agency), version.processing_days or 0)
    # Everything that needs no record code is done before the code is taken: the code's row stays locked until the
    # filing commits (``allocate_code``), and every filing of the agency that day waits for it. The files go to
    # storage first (they are named by the record's id, already known), and their rows are inserted before the
    # record's (PostgreSQL checks the foreign key at commit).
    attachments = []
    try:
        for component, uploaded, content_type, digest in checked:
            attachments.append(stored_attachment(record, component, uploaded, content_type, digest, by=applicant))
    except StorageUnavailable:
        _forget_files(attachments)  # the storage is failing: the files stored before this one go too
        raise
    written = False  # the transaction's work done: from here the filing commits (or its commit's fate is unknown)
    try:
        with transaction.atomic():
            Attachment.objects.bulk_create(attachments)
            # The same funnel as every state change: the record is inserted as submitted, with its history.
            transition(
                record,
                WorkflowAction.SUBMIT,
                actor=applicant,
                role=ActorRole.CITIZEN,
                client_ip=client_ip,
                new=True,
                code=allocate_code(agency, today),
                submitted_at=now,
                expected_result_date=due,
            )
            written = True
    except BaseException as failure:
        if not written:
            _forget_files(attachments)  # rolled back: nothing was filed, the files stored for it go
        if isinstance(failure, ValidationError):
            # Another app holds submissions back (a guard): the step-by-step path says why.
            raise NotReady from failure
        if isinstance(failure, IntegrityError):
            # Only the idempotency key's constraint can collide here: the same request, filed concurrently.
            first = Record.objects.filter(applicant=applicant, idempotency_key=idempotency_key).first()
            if idempotency_key and first is not None:
                raise AlreadyFiled(first) from None
        raise
    return record


def _forget_files(attachments: list[Attachment]) -> None:
    for attachment in attachments:
        try:
            attachment.file.storage.delete(attachment.file.name)
        except Exception:
            logger.exception("Could not delete %s, stored for a filing that failed", attachment.file.name)


def keep_in_draft(
    draft: Record,
    *,
    data: dict,
    prefilled_fields: list[str],
    eligibility_answers: dict,
    replaced_components: dict,
    uploads: list,
    by,
    replace: bool,
) -> tuple[Record, list[str]]:
    """Save what a refused request sent on its draft: the eligibility answers, the wallet documents named, the form
    as typed and every good file.

    Returns the draft and the messages about the files it refused. ``replace``: a file sent
    again for a component takes the place of the one sent before (a retry). The draft is
    locked and read again first: if a concurrent retry submitted it, ``AlreadyFiled``.
    """
    errors, storage_failed = [], False
    with files_removed_on_rollback(), transaction.atomic():
        record = Record.objects.select_for_update().select_related("service").get(pk=draft.pk)
        if not record.is_draft:
            raise AlreadyFiled(record)
        if (record.eligibility_answers, record.replaced_components) != (eligibility_answers, replaced_components):
            record.eligibility_answers, record.replaced_components = eligibility_answers, replaced_components
            record.save(update_fields=["eligibility_answers", "replaced_components", "updated_at"])
        save_form([record], data, prefilled_fields)
        components = {str(c.pk): c for c in DocumentComponent.objects.filter(version_id=record.procedure_version_id)}
        for key, uploaded in uploads:
            component = components.get(key)
            if component is None:
                errors.append(_("Tệp “%(key)s” không ứng với thành phần hồ sơ nào.") % {"key": f"component_{key}"})
                continue
            try:
                attach(record, component, uploaded, by=by, replace=replace, from_citizen=True)
            except ValidationError as error:
                errors += error.messages
            except StorageUnavailable:
                storage_failed = True  # the rest would fail too; the form and answers are still kept
                break
    if storage_failed:
        raise Unavailable(record)
    return record, errors


def wallet_documents_named(service, registry: dict | None, wallet: dict) -> tuple[dict, list[str]]:
    """The wallet documents a request names ({component id: document number}) as a record keeps them
    (``replaced_components``), and what is wrong with the others: a component no wallet document replaces, or a
    number the citizen's wallet does not hold (or holds past its validity). The id of a valid item of the citizen's
    personal data store of the component's kind (``reuse``) names that item instead."""
    components = {str(c.pk): c for c in published_components(service.version)}
    replaced, errors = {}, []
    for key, number in wallet.items():
        component = components.get(str(key))
        source = rules.wallet_source(service, component) if component is not None else None
        kinds = {component.paper_type, source or ""} - {""} if component is not None else set()
        item = reuse.store_item((registry or {}).get("id_number", ""), str(number)) if kinds else None
        if item is not None and item["kind"] in kinds:
            replaced[str(key)] = {"source": reuse.SOURCE, "document": item}
            continue
        if source is None:
            errors.append(_("Thành phần hồ sơ “%(key)s” không thay được bằng giấy tờ trong ví VNeID.") % {"key": key})
            continue
        document = prefill.wallet_document(registry, source, number)
        if document is None or expired(document):
            errors.append(
                _("%(component)s: không tìm thấy giấy tờ số %(number)s trong ví giấy tờ điện tử của bạn.")
                % {"component": component.name, "number": number}
            )
            continue
        replaced[str(key)] = {"source": source, "document": document}
    return replaced, errors


class Refused(Exception):
    """The request cannot be filed as sent; ``draft`` keeps what it sent, ``errors`` say what to fix (by field)."""

    def __init__(self, draft: Record, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.draft = draft
        self.errors = errors


def earlier_attempt(applicant, idempotency_key: str, service_slug: str) -> Record | None:
    """The draft a refused attempt with this key left for this service, to continue; ``AlreadyFiled`` if the key
    already filed a record (or is held for another service). A draft made for an older procedure version
    cannot be filed any more: it loses the key, and the retry starts afresh."""
    if not idempotency_key:
        return None
    attempts = Record.objects.select_related("service").filter(applicant=applicant, idempotency_key=idempotency_key)
    first = attempts.first()
    if first is None:
        return None
    if not (first.is_draft and first.service.slug == service_slug):
        raise AlreadyFiled(first)
    if first.procedure_version_id != first.service.version_id:
        Record.objects.filter(pk=first.pk).update(idempotency_key="")
        return None
    return first


def file_in_one_request(
    *,
    service,
    applicant,
    claims: dict,
    values: dict,
    eligibility: dict,
    wallet: dict,
    uploads: list,
    idempotency_key: str,
    earlier_draft: Record | None,
    client_ip: str | None,
) -> Record:
    """File ``values`` (form data by field), ``eligibility`` (answers by question id), ``wallet`` (the number of a
    VNeID wallet document by component id, standing in for its paper) and ``uploads`` of (component id, file) as a
    submitted record.

    The e-form is prefilled from the registry (what it holds is never taken from the request). Everything
    right and no earlier draft: one short transaction (``file_complete``). Otherwise the draft, new or the
    earlier attempt's, keeps the form as typed and every good file, and ``Refused`` says what to fix.
    ``AlreadyFiled``: a concurrent request with the same key filed first.
    """
    id_number = claims.get("id_number", "")
    registry = prefill.registry_data(id_number)
    prefilled = prefill.prefill_values(service.prefill_map, registry)
    # Types are checked on the values as sent: the form reads text, where a list would become "['a']" and 7 "7".
    # A value of the wrong type is refused on its field and kept nowhere.
    values, type_errors = eforms.json_typed_values(service.form_schema, values, service.form_ui)
    values = {name: value for name, value in values.items() if name not in type_errors}
    form = eforms.EForm(
        # A repeating group's rows stay a list (eservices.groups reads them so); any other value is read as text.
        {name: _as_posted(value) for name, value in values.items()},
        schema=service.form_schema,
        ui=service.form_ui,
        prefilled=prefilled,
    )
    applicant_fields = {
        "service": service,
        "applicant": applicant,
        "applicant_id_number": id_number,
        "applicant_name": claims.get("name", ""),
        "agency": rules.agency_for_unit(service, rules.residence_unit_code(registry)),
    }
    questions = service.eligibility or []
    answers = {q["id"]: eligibility[q["id"]] for q in questions if isinstance(eligibility.get(q["id"]), bool)}
    eligibility_errors = [
        message
        for _question, message in rules.unanswered_questions(answers, questions)
        + rules.eligibility_refusals(answers, questions)
    ]
    replaced, wallet_errors = wallet_documents_named(service, registry, wallet)
    valid = (
        not type_errors
        and form.is_valid()
        and person_checks.add_errors(
            form, service, applicant_id_number=id_number, as_of=lambda: rules.result_date_of(service)
        )
    )
    storage_failed = False
    if valid and not eligibility_errors and not wallet_errors and earlier_draft is None:
        try:
            return file_complete(
                **applicant_fields,
                data=form.as_json(),
                prefilled_fields=list(prefilled),
                uploads=uploads,
                client_ip=client_ip,
                idempotency_key=idempotency_key,
                eligibility_answers=answers,
                replaced_components=replaced,
            )
        except NotReady:
            for _component, uploaded in uploads:
                uploaded.seek(0)
        except StorageUnavailable:
            storage_failed = True  # nothing was filed and no file is left: keep the rest in a draft, say try later
    # Something is wrong: keep a draft with what was sent (under the key, so that a retry continues it rather
    # than leaving one more draft) and say what to fix.
    if earlier_draft is not None:
        draft, earlier = earlier_draft, True
    else:  # the citizen's last refused attempt for the service is continued, not one more draft made
        draft, earlier = draft_for_refused_request(**applicant_fields, idempotency_key=idempotency_key)
    if draft.service_id != service.pk:  # a concurrent request with the key, for another service, won
        raise AlreadyFiled(draft)
    draft, file_errors = keep_in_draft(
        draft,
        data=form.as_json() if valid else {**values, **prefilled},
        prefilled_fields=list(prefilled),
        eligibility_answers=answers,
        replaced_components=replaced,
        uploads=[] if storage_failed else uploads,
        by=applicant,
        replace=earlier,
    )
    if storage_failed:
        raise Unavailable(draft)
    if file_errors or not valid or eligibility_errors or wallet_errors:
        errors = {} if valid else {name: [str(m) for m in messages] for name, messages in form.errors.items()}
        errors.update(type_errors)
        if eligibility_errors:
            errors["eligibility"] = eligibility_errors
        if wallet_errors:
            errors["wallet"] = wallet_errors
        raise Refused(draft, {**errors, **({"detail": file_errors} if file_errors else {})})
    try:
        return submit(draft, actor=applicant, client_ip=client_ip)
    except ValidationError as error:
        current = Record.objects.select_related("service").get(pk=draft.pk)
        if idempotency_key and not current.is_draft:  # a concurrent retry with the same key submitted it first
            raise AlreadyFiled(current) from None
        raise Refused(draft, {"detail": error.messages}) from None


def _as_posted(value):
    """A JSON value as the e-form reads it: a list (a repeating group's rows) as it is, anything else as text."""
    if value is None:
        return ""
    return value if isinstance(value, list) else str(value)
