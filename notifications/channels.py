"""Notification channels behind a registry: the inbox, e-mail and SMS.

A channel knows the address of a person on it and how to send one delivery.
E-mail goes through Django's e-mail backends (SMTP in production from
``EMAIL_URL``, files under ``var/mail`` in development); SMS through
``notifications.sms`` (a gateway backend in production, a file in
development). Another channel (Zalo, push) is one more ``@register`` class
(``common.registry``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage

from common.registry import Plugin, Registry

from . import sms
from .constants import SMS_MAX_LENGTH, Channel

if TYPE_CHECKING:
    from .models import Delivery

channels: Registry[BaseChannel] = Registry("notification channel")
register = channels.register


def get_channel(name: str) -> BaseChannel:
    """The channel ``name`` (a ``Channel`` value); ``common.registry.UnknownPlugin`` if none is registered."""
    return channels.get(name)()


class BaseChannel(Plugin):
    #: The inbox is written with the message itself; other channels go through a Celery task.
    immediate = False

    def address_for(self, user) -> str:
        raise NotImplementedError

    def send(self, delivery: Delivery) -> None:
        raise NotImplementedError


def _claims(user) -> dict:
    from identity.services import citizen_claims

    return citizen_claims(user) if getattr(user, "is_citizen", False) else {}


@register(Channel.INBOX)
class InboxChannel(BaseChannel):
    immediate = True

    def address_for(self, user) -> str:
        return ""

    def send(self, delivery: Delivery) -> None:
        """The message row is the inbox entry: nothing more to do."""


@register(Channel.EMAIL)
class EmailChannel(BaseChannel):
    def address_for(self, user) -> str:
        return (user.email or _claims(user).get("email") or "").strip()

    def send(self, delivery: Delivery) -> None:
        message = delivery.message
        domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].rstrip(">") or "dichvucong.local"
        email = EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[delivery.address],
            # One Message-ID per delivery: were a message ever sent twice, mail systems see one.
            headers={"Message-ID": f"<notification-{delivery.pk}@{domain}>"},
        )
        email.send(fail_silently=False)


@register(Channel.SMS)
class SmsChannel(BaseChannel):
    def address_for(self, user) -> str:
        return (_claims(user).get("phone_number") or "").strip()

    def send(self, delivery: Delivery) -> None:
        text = delivery.message.subject
        sms.send_sms(delivery.address, text[:SMS_MAX_LENGTH])
