"""A filing in progress: one draft record, or the drafts of an integrated service sharing one form.

The journey's views work on a ``Filing`` so the single and the integrated
cases follow the same steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404
from django.utils import timezone

from eservices import prefill
from eservices.constants import ReplacementSource
from eservices.versioning import papers_on
from procedures.selectors import published_components

from . import reuse
from .constants import Channel
from .models import Record, RecordGroup

DESK_CHANNELS = [Channel.COUNTER, Channel.POSTAL]


@dataclass
class ComponentSlot:
    """One required document of one record, and how it is satisfied."""

    record: Record
    component: object
    replacement_source: str = ""
    by_eform: bool = False
    attachments: list = field(default_factory=list)
    wallet_choices: list = field(default_factory=list)
    wallet_used: dict | None = None
    # Valid items of the citizen's personal data store of the component's kind (``reuse.store_choices``).
    store_choices: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def key(self) -> str:
        """Unique on the page (an integrated filing has one slot per record and component)."""
        return f"{self.record.pk}-{self.component.pk}"

    @property
    def by_registry(self) -> bool:
        return self.replacement_source == ReplacementSource.POPULATION_REGISTRY

    @property
    def store_used(self) -> bool:
        """The paper is taken from the personal data store (else, if used, from the VNeID wallet)."""
        used = self.record.replaced_components.get(str(self.component.pk)) or {}
        return used.get("source") == reuse.SOURCE

    @property
    def satisfied(self) -> bool:
        return self.by_eform or self.by_registry or bool(self.attachments) or self.wallet_used is not None


@dataclass
class Filing:
    pk: str
    records: list
    group: RecordGroup | None = None

    @classmethod
    def load(cls, pk, user) -> Filing:
        """The applicant's online filing with this id (record or group); 404 for anyone else's, and for a draft an
        officer is preparing at the desk (the officer answers for what it holds until it is filed)."""
        group = RecordGroup.objects.filter(pk=pk, applicant=user).exclude(records__channel__in=DESK_CHANNELS).first()
        if group is not None:
            records = list(
                group.records.select_related("service__version", "procedure_version", "agency").order_by("created_at")
            )
            return cls(str(pk), records, group)
        record = (
            Record.objects.select_related("service__version", "procedure_version", "agency", "group")
            .filter(pk=pk, applicant=user)
            .exclude(channel__in=DESK_CHANNELS)
            .first()
        )
        if record is None:
            raise Http404
        return cls(str(pk), [record], record.group)

    @property
    def definition(self):
        """What carries the form: the integrated service, or the single online service."""
        return self.records[0].definition

    @property
    def first(self) -> Record:
        return self.records[0]

    @property
    def is_draft(self) -> bool:
        return all(r.is_draft for r in self.records)

    @property
    def form_data(self) -> dict:
        return self.group.form_data if self.group else self.first.form_data

    @property
    def title(self) -> str:
        return self.definition.display_name

    def registry_data(self) -> dict | None:
        return prefill.registry_data(self.first.applicant_id_number)

    def slots(self, registry: dict | None = None) -> list[ComponentSlot]:
        slots = []
        for record in self.records:
            form_component, replacements = papers_on(record.service, record.procedure_version)
            attachments = {}
            for attachment in record.attachments.all():
                attachments.setdefault(attachment.component_id, []).append(attachment)
            for component in published_components(record.procedure_version):
                source = replacements.get(component.pk, "")
                slot = ComponentSlot(
                    record=record,
                    component=component,
                    replacement_source=source,
                    by_eform=component.pk == form_component,
                    attachments=attachments.get(component.pk, []),
                    wallet_used=(record.replaced_components.get(str(component.pk)) or {}).get("document"),
                )
                if source != ReplacementSource.POPULATION_REGISTRY and not slot.by_eform:
                    slot.store_choices = reuse.store_choices(record.applicant_id_number, {component.paper_type, source})
                if source and source != ReplacementSource.POPULATION_REGISTRY:
                    # A paper past its validity is never offered; one the store holds signed is offered from there.
                    in_store = {choice["number"] for choice in slot.store_choices if choice["number"]}
                    slot.wallet_choices = [
                        doc
                        for doc in prefill.wallet_documents(registry, source)
                        if not expired(doc) and doc.get("number") not in in_store
                    ]
                slots.append(slot)
        return slots


def expired(document: dict) -> bool:
    """A wallet document past its validity date: never offered, nor taken, in place of a paper."""
    expires = document.get("expires_on")
    return bool(expires) and str(expires)[:10] < timezone.localdate().isoformat()
