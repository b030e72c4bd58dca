"""The files of a record: checked by content, kept once, replaced without losing a good one, and the wallet or
registry data that stand in for a paper."""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .constants import MAX_RECORD_ATTACHMENTS_SIZE, RecordState
from .drafts import editable
from .models import Attachment, Record
from .rules import needs_no_file
from .uploads import check_upload

logger = logging.getLogger(__name__)


class StorageUnavailable(Exception):
    """The upload storage could not write a file (full, over quota, failing): nothing of the file is kept, and
    the citizen is asked to try again later; the draft and what was typed stay."""

    message = gettext_lazy(
        "Hệ thống tạm thời không lưu được tệp tải lên. Bản nháp và những gì bạn đã nhập vẫn được giữ nguyên; "
        "hãy thử lại sau ít phút."
    )


_written = threading.local()


@contextmanager
def files_removed_on_rollback():
    """Around a ``transaction.atomic()`` block that stores files: if the block fails, every file stored inside
    it goes again (a rolled-back row never leaves its file behind). Nested blocks hand their files to the
    enclosing one, which may still fail."""
    stack = _written.__dict__.setdefault("stack", [])
    stack.append([])
    try:
        yield
    except BaseException:
        for storage, name in stack.pop():
            _delete_quietly(storage, name)
        raise
    written = stack.pop()
    if stack:
        stack[-1].extend(written)


def _delete_quietly(storage, name: str) -> None:
    try:
        storage.delete(name)
    except Exception:
        logger.exception("Could not delete %s, stored for a change that was not kept", name)


def write_file(attachment: Attachment, uploaded) -> None:
    """Store ``uploaded`` as the file of the (unsaved) attachment. A file the storage could not write whole is
    removed at once (a full disk leaves no partial file) and ``StorageUnavailable`` raised."""
    field = attachment.file.field
    storage = field.storage
    name = storage.get_available_name(field.generate_filename(attachment, uploaded.name), max_length=field.max_length)
    try:
        attachment.file.name = storage.save(name, uploaded, max_length=field.max_length)
    except OSError as error:
        logger.error("Upload storage refused %s: %s", name, error)
        _delete_quietly(storage, name)
        raise StorageUnavailable(name) from error
    stack = getattr(_written, "stack", None)
    if stack:
        stack[-1].append((storage, attachment.file.name))


def attach(record: Record, component, uploaded, *, by, replace: bool = False, from_citizen: bool = False) -> Attachment:
    """Store an upload for a document component after checking its content and the record's total size.

    ``replace``: the new file takes the place of the component's earlier ones, which are removed
    only once the new one is accepted (a refused file never costs the citizen a good one).
    ``from_citizen``: sent through the citizen's own doors (the web step, the filing API), which take
    no file for a document the e-form or the registry stands in for (``needs_no_file``).
    """
    if record.state not in (RecordState.DRAFT, RecordState.SUPPLEMENT_REQUESTED):
        raise ValidationError(_("Hồ sơ ở trạng thái này không nhận thêm tệp."))
    if component is not None and component.version_id != record.procedure_version_id:
        raise ValidationError(_("Thành phần hồ sơ không thuộc thủ tục này."))
    if from_citizen and (reason := needs_no_file(record, component)):
        raise ValidationError(reason)
    content_type, digest = check_upload(uploaded)
    if not replace:
        # The same file again (a double tap, or uploaded twice by mistake) is kept once.
        same = record.attachments.filter(component=component, sha256=digest, size=uploaded.size).first()
        if same is not None:
            return same
    previous = list(record.attachments.filter(component=component)) if replace else []
    used = (record.attachments.aggregate(total=Sum("size"))["total"] or 0) - sum(a.size for a in previous)
    if used + uploaded.size > MAX_RECORD_ATTACHMENTS_SIZE:
        raise ValidationError(
            _("Tổng dung lượng tệp của hồ sơ vượt quá 50 MB (đã dùng %(used).1f MB); hãy nén bớt tệp.")
            % {"used": used / 1024 / 1024}
        )
    with files_removed_on_rollback(), transaction.atomic():
        for attachment in previous:
            remove_attachment(attachment)
        attachment = stored_attachment(record, component, uploaded, content_type, digest, by=by)
        attachment.save()
    return attachment


def stored_attachment(record: Record, component, uploaded, content_type: str, digest: str, *, by) -> Attachment:
    """An (unsaved) attachment row whose file is already in storage, for an upload already checked."""
    attachment = Attachment(
        record=record,
        component=component,
        original_name=uploaded.name[:255],
        content_type=content_type,
        size=uploaded.size,
        sha256=digest,
        uploaded_by=by,
    )
    write_file(attachment, uploaded)
    return attachment


def remove_attachment(attachment: Attachment) -> None:
    editable(attachment.record)
    name, storage = attachment.file.name, attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))  # the file goes only if the removal is kept


def use_wallet_document(record: Record, component, source: str, document: dict | None) -> None:
    """Let registry or wallet data stand in for a component (``document`` None: stop using it)."""
    editable(record)
    replaced = dict(record.replaced_components)
    if document is None:
        replaced.pop(str(component.pk), None)
    else:
        replaced[str(component.pk)] = {"source": source, "document": document}
    record.replaced_components = replaced
    record.save(update_fields=["replaced_components", "updated_at"])
