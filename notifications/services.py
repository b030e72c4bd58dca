"""The public API of notifications: ``notify`` an event to a person; everything else is internal.

Other apps call :func:`notify` (payments: payment succeeded, failed, refunded);
records are followed through ``records.signals.record_transitioned`` (see
``receivers.py``). Call it inside your own transaction: the inbox entry and the
delivery log are written with your change, and e-mail and SMS are handed to the
``notifications`` Celery queue only once it commits. A rolled-back change
notifies nobody.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone, translation

from common.urls import portal_url

from .channels import get_channel
from .constants import DEFAULT_LANGUAGE, LANGUAGES, Channel, DeliveryStatus, Event
from .models import Delivery, Message, Preference

logger = logging.getLogger(__name__)


def notify(
    event_key: Event | str,
    *,
    recipient_user,
    context: dict,
    related: models.Model | None = None,
    idempotency_key: str,
    url: str = "",
) -> Message:
    """Notify ``recipient_user`` of ``event_key``: inbox always, e-mail and SMS as they chose.

    - ``event_key``: a :class:`notifications.constants.Event` (e.g. ``"payment_succeeded"``);
      its templates ``templates/notifications/events/<event>.<vi|en>.txt`` are rendered with
      ``context`` in the recipient's language.
    - ``related``: the object it is about (a record, a payment), kept with the message.
    - ``idempotency_key``: the same key for the same person gives back the first message and
      sends nothing again, e.g. ``f"payment:{payment.pk}:succeeded"``.
    - ``url``: a link in the portal (path or absolute) the inbox entry opens.

    Returns the message. Safe to call twice, from a retried task or a redelivered callback.
    """
    event = Event(event_key)
    if not idempotency_key:
        raise ValidationError("An idempotency key is required.")
    preference = preference_for(recipient_user)
    with transaction.atomic():
        message = Message.objects.filter(recipient=recipient_user, idempotency_key=idempotency_key).first()
        created = False
        if message is None:
            full = {**context, "url": portal_url(url)}
            texts = {language: list(render_event(event, language, full)) for language in LANGUAGES}
            subject, body = texts.get(preference.language) or render_event(event, preference.language, full)
            fields = {
                "recipient": recipient_user,
                "event": event,
                "language": preference.language,
                "subject": subject,
                "body": body,
                "texts": texts,
                "url": url,
                "idempotency_key": idempotency_key,
            }
            if related is not None:
                fields["content_type"] = ContentType.objects.get_for_model(related)
                fields["object_id"] = str(related.pk)
            try:
                with transaction.atomic():
                    message = Message.objects.create(**fields)
                    created = True
            except IntegrityError:  # a concurrent call with the same key won
                message = Message.objects.get(recipient=recipient_user, idempotency_key=idempotency_key)
        if created:
            _create_deliveries(message, event, recipient_user, preference)
        pending = list(message.deliveries.filter(status=DeliveryStatus.PENDING).values_list("pk", flat=True))
        for delivery_id in pending:
            _schedule(delivery_id)
    return message


def _create_deliveries(message: Message, event: Event, user, preference: Preference) -> None:
    now = timezone.now()
    rows = [Delivery(message=message, channel=Channel.INBOX, status=DeliveryStatus.SENT, attempts=1, sent_at=now)]
    wanted = {Channel.EMAIL: preference.email_enabled, Channel.SMS: preference.sms_enabled}
    for channel in event.channels:
        if not wanted.get(channel):
            continue
        address = get_channel(channel).address_for(user)
        if address:
            rows.append(Delivery(message=message, channel=channel, address=address))
    Delivery.objects.bulk_create(rows)


def _schedule(delivery_id: int) -> None:
    from .tasks import deliver

    # Robust: a broker outage is logged, not raised into the caller's request; the delivery
    # stays pending and ``resend_stale_deliveries`` (beat) sends it later.
    transaction.on_commit(lambda: deliver.delay(delivery_id), robust=True)


# --- Templates ------------------------------------------------------------------


def render_event(event: Event | str, language: str, context: dict) -> tuple[str, str]:
    """Subject (first line) and body of the event's template in ``language`` (Vietnamese if unknown)."""
    event = Event(event)
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    template = get_template(f"notifications/events/{event.value}.{language}.txt")
    with translation.override(language):
        # Plain text: no HTML escaping of names like "Lê Văn A & Co".
        text = template.template.render(Context(context, autoescape=False))
    subject, _sep, body = text.strip().partition("\n")
    return " ".join(subject.split())[:300], body.strip()


# --- Delivering -------------------------------------------------------------------


def deliver(delivery_id: int) -> Delivery | None:
    """Send one delivery. Idempotent: a sent delivery is never sent again.

    The row stays locked while the channel sends, so a redelivered task running beside
    the first (a visibility timeout that expired, a restarted worker) waits, then finds
    it sent. A worker killed mid-send rolls back; the message comes back and is sent then.
    """
    try:
        with transaction.atomic():
            delivery = (
                Delivery.objects.select_for_update(of=("self",))
                .select_related("message__recipient")
                .filter(pk=delivery_id)
                .first()
            )
            if delivery is None or delivery.status == DeliveryStatus.SENT:
                return delivery
            get_channel(delivery.channel).send(delivery)
            delivery.status = DeliveryStatus.SENT
            delivery.attempts += 1
            delivery.sent_at = timezone.now()
            delivery.last_error = ""
            delivery.save(update_fields=["status", "attempts", "sent_at", "last_error", "updated_at"])
    except Exception as error:
        Delivery.objects.filter(pk=delivery_id).exclude(status=DeliveryStatus.SENT).update(
            attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:2000], updated_at=timezone.now()
        )
        raise
    logger.info("Sent notification delivery %s (%s)", delivery.pk, delivery.channel)
    return delivery


def mark_failed(delivery_id: int, error: str) -> None:
    """Retries ran out: the delivery is shown as failed to administrators, who may resend it."""
    Delivery.objects.filter(pk=delivery_id).exclude(status=DeliveryStatus.SENT).update(
        status=DeliveryStatus.FAILED, last_error=error[:2000], updated_at=timezone.now()
    )


def resend(deliveries) -> int:
    """Send failed (or stuck pending) deliveries again; sent ones are left alone. Returns how many."""
    ids = list(deliveries.exclude(status=DeliveryStatus.SENT).values_list("pk", flat=True))
    with transaction.atomic():
        Delivery.objects.filter(pk__in=ids).update(status=DeliveryStatus.PENDING, updated_at=timezone.now())
        for delivery_id in ids:
            _schedule(delivery_id)
    return len(ids)


def stale_deliveries(older_than: timedelta):
    return Delivery.objects.filter(status=DeliveryStatus.PENDING, updated_at__lt=timezone.now() - older_than)


# --- Inbox and preferences ----------------------------------------------------------


def preference_for(user) -> Preference:
    preference = Preference.objects.filter(user=user).first()
    return preference or Preference(user=user)


def save_preference(user, **values) -> Preference:
    preference, _created = Preference.objects.update_or_create(user=user, defaults=values)
    return preference


def follow_site_language(user, language: str) -> None:
    """Notifications in the language the person chose for the portal (they can change it in their settings)."""
    if language in dict(Preference._meta.get_field("language").choices):
        Preference.objects.update_or_create(user=user, defaults={"language": language})


def adopt_language_at_first_login(user, language: str) -> None:
    """Someone logging in for the first time from the English site gets English notifications."""
    if language in dict(Preference._meta.get_field("language").choices):
        Preference.objects.get_or_create(user=user, defaults={"language": language})


def inbox(user):
    return Message.objects.filter(recipient=user)


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Message.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(message: Message) -> None:
    if message.read_at is None:
        message.read_at = timezone.now()
        Message.objects.filter(pk=message.pk, read_at__isnull=True).update(read_at=message.read_at)


def mark_all_read(user) -> int:
    return Message.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
