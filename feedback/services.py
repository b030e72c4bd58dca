"""State changes of ratings and feedback, each in one function: it checks who may, writes the rows and the history,
and sends the signal the indicators follow (``feedback.signals``), all in one transaction.

Views only parse forms and call these; reads without side effects are in ``selectors.py``.
"""

from __future__ import annotations

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from records import deadlines
from records.constants import RecordState

from . import signals
from .constants import ANSWER_WORKING_DAYS, FeedbackAction, FeedbackState, FeedbackSubject
from .models import Feedback, FeedbackEvent, Rating

# Follow-up codes: 12 characters of Crockford's base32 (no I, L, O, U: nothing to misread), 60 random bits, so a
# code cannot be guessed to read someone else's feedback.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12
RATING_CRITERIA = (
    "time_against_limit",
    "trips",
    "agencies_contacted",
    "reception",
    "publicity",
    "staff_attitude",
    "complaint_handling",
    "online_tracking",
    "ease_of_use",
    "overall",
)


class AlreadyRated(Exception):
    """The record has its rating already; the one given is kept."""

    def __init__(self, rating: Rating):
        super().__init__("already rated")
        self.rating = rating


# --- Ratings --------------------------------------------------------------------------


def may_rate(record, user) -> bool:
    """Only the applicant of a record whose result was returned rates it."""
    return bool(
        getattr(user, "is_authenticated", False)
        and record.applicant_id == user.pk
        and record.state == RecordState.RESULT_RETURNED
    )


def rate(record, user, answers: dict) -> Rating:
    """Keep the applicant's rating of ``record``: one per record (the database refuses a second)."""
    if not may_rate(record, user):
        raise PermissionDenied(_("Chỉ người nộp hồ sơ đã được trả kết quả mới đánh giá được."))
    existing = Rating.objects.filter(record=record).first()
    if existing is not None:
        raise AlreadyRated(existing)
    fields = {name: answers[name] for name in RATING_CRITERIA}
    try:
        with transaction.atomic():
            rating = Rating.objects.create(
                record=record,
                applicant=user,
                agency_id=record.agency_id,
                procedure_id=record.procedure_version.procedure_id,
                comment=(answers.get("comment") or "").strip(),
                **fields,
            )
            signals.rating_given.send(sender=Rating, rating=rating)
    except IntegrityError:  # a second tab sent it at the same moment: the first one stands
        raise AlreadyRated(Rating.objects.get(record=record))
    return rating


def invite_to_rate(record_id):
    """The applicant's inbox invites them to rate the service (``feedback.tasks``). Nothing if rated already or if
    the result is no longer returned (revoked); idempotent through the notification's key."""
    from notifications.constants import Event
    from notifications.services import notify
    from records.models import Record

    record = Record.objects.select_related("procedure_version", "agency", "applicant").filter(pk=record_id).first()
    if record is None or record.state != RecordState.RESULT_RETURNED or not record.applicant_id:
        return None
    if Rating.objects.filter(record=record).exists():
        return None
    version, agency = record.procedure_version, record.agency
    return notify(
        Event.RATING_INVITED,
        recipient_user=record.applicant,
        context={
            "record_code": record.code or "",
            "procedure_name": version.name,
            "procedure_name_en": version.name_en or version.name,
            "agency_name": agency.name,
            "agency_name_en": agency.name_en or agency.name,
            "applicant_name": record.applicant_name,
        },
        related=record,
        idempotency_key=f"rating-invite:{record.pk}",
        url=reverse("feedback:rate", args=[record.pk]),
    )


# --- Feedback and petitions -----------------------------------------------------------


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What a person types back ("pa7k-q4m2 xh9t", a 0 read as O) as the stored code."""
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    return cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"}))


def answer_due(received_on) -> object:
    return deadlines.add_working_days(received_on, ANSWER_WORKING_DAYS, deadlines.extra_days_off())


def send_feedback(
    *,
    agency,
    kind: str,
    title: str,
    content: str,
    procedure=None,
    record=None,
    sender=None,
    sender_name: str = "",
    sender_contact: str = "",
    channel: str,
    client_ip: str | None = None,
) -> Feedback:
    """Receive a feedback or petition for ``agency``; about one of the sender's own records, it goes to the
    record's agency. Its due date is ``ANSWER_WORKING_DAYS`` working days after the day it arrives."""
    if record is not None:
        if sender is None or record.applicant_id != sender.pk:
            raise PermissionDenied(_("Chỉ người nộp hồ sơ mới gửi phản ánh về hồ sơ đó."))
        agency = record.agency
        procedure = record.procedure_version.procedure
    subject = FeedbackSubject.RECORD if record else FeedbackSubject.PROCEDURE if procedure else FeedbackSubject.AGENCY
    now = timezone.now()
    with transaction.atomic():
        for _attempt in range(5):  # a clash of random codes is all but impossible; retried anyway
            try:
                with transaction.atomic():
                    feedback = Feedback.objects.create(
                        code=new_code(),
                        kind=kind,
                        subject=subject,
                        agency=agency,
                        procedure=procedure,
                        record=record,
                        title=title.strip(),
                        content=content.strip(),
                        sender=sender if getattr(sender, "is_authenticated", False) else None,
                        sender_name=sender_name.strip(),
                        sender_contact=sender_contact.strip(),
                        channel=channel,
                        received_at=now,
                        due_date=answer_due(timezone.localdate(now)),
                    )
                break
            except IntegrityError:
                continue
        else:
            raise IntegrityError("No free follow-up code")
        FeedbackEvent.objects.create(
            feedback=feedback, action=FeedbackAction.RECEIVE, actor=feedback.sender, client_ip=client_ip
        )
        signals.feedback_received.send(sender=Feedback, feedback=feedback)
    return feedback


def may_handle(user, agency) -> bool:
    """Staff holding any role at the agency read and answer its feedback and ratings."""
    from identity.services import has_role

    return has_role(user, agency)


def answer(feedback: Feedback, *, by, text: str, publish: bool, client_ip: str | None = None) -> Feedback:
    """The agency's answer, once; published on the public list when ``publish``. The sender, if logged in when
    sending, is told in their inbox."""
    if not may_handle(by, feedback.agency):
        raise PermissionDenied
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Vui lòng nhập nội dung trả lời."))
    with transaction.atomic():
        feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
        if feedback.state == FeedbackState.ANSWERED:
            raise ValidationError(_("Phản ánh, kiến nghị này đã được trả lời."))
        now = timezone.now()
        feedback.state = FeedbackState.ANSWERED
        feedback.answer = text
        feedback.answered_at = now
        feedback.answered_by = by
        feedback.published = bool(publish)
        feedback.published_at = now if publish else None
        feedback.save(update_fields=["state", "answer", "answered_at", "answered_by", "published", "published_at"])
        FeedbackEvent.objects.create(feedback=feedback, action=FeedbackAction.ANSWER, actor=by, client_ip=client_ip)
        if publish:
            FeedbackEvent.objects.create(
                feedback=feedback, action=FeedbackAction.PUBLISH, actor=by, client_ip=client_ip
            )
        signals.feedback_answered.send(sender=Feedback, feedback=feedback)
        if feedback.sender_id:
            _tell_sender(feedback)
    return feedback


def set_published(feedback: Feedback, *, by, published: bool, client_ip: str | None = None) -> Feedback:
    """Show or hide an answered feedback on the public list of answers."""
    if not may_handle(by, feedback.agency):
        raise PermissionDenied
    with transaction.atomic():
        feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
        if feedback.state != FeedbackState.ANSWERED:
            raise ValidationError(_("Chỉ công khai được phản ánh, kiến nghị đã trả lời."))
        if feedback.published == published:
            return feedback
        feedback.published = published
        feedback.published_at = timezone.now() if published else None
        feedback.save(update_fields=["published", "published_at"])
        action = FeedbackAction.PUBLISH if published else FeedbackAction.UNPUBLISH
        FeedbackEvent.objects.create(feedback=feedback, action=action, actor=by, client_ip=client_ip)
    return feedback


def _tell_sender(feedback: Feedback) -> None:
    from notifications.constants import Event
    from notifications.services import notify

    agency = feedback.agency
    notify(
        Event.FEEDBACK_ANSWERED,
        recipient_user=feedback.sender,
        context={
            "feedback_code": feedback.display_code,
            "title": feedback.title,
            "agency_name": agency.name,
            "agency_name_en": agency.name_en or agency.name,
        },
        related=feedback,
        idempotency_key=f"feedback:{feedback.pk}:answered",
        url=reverse("feedback:status"),
    )
