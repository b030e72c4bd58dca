"""With a real ``celery worker`` process and Redis: transitions reach the citizen, and a killed worker loses nothing.

The fixture starts ``celery -A portal worker -Q notifications,documents,default``
against pytest-django's test database (``transaction=True``: the test's data is
committed, so the worker sees it) and the test Redis, and stops it afterwards.
"""

import email
import email.policy
import time

import pytest
from django.utils import timezone

from documents.constants import DocumentKind, DocumentStatus
from documents.models import Document
from identity.constants import StaffRole
from notifications import services
from notifications.channels import get_channel
from notifications.constants import Channel, DeliveryStatus, Event
from notifications.models import Delivery, Message
from records import services as records
from records.constants import WorkflowAction as A

from .. import brokers
from ..documents.conftest import pdf_text
from .conftest import act
from .worker import CeleryWorker, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

VISIBILITY_TIMEOUT = 3

# Every test here runs against Redis and against RabbitMQ (tests/brokers.py).
broker = brokers.broker
rabbitmq_vhost = brokers.rabbitmq_vhost


@pytest.fixture
def worker(transactional_db, broker, tmp_path):
    worker = CeleryWorker(tmp_path, CELERY_VISIBILITY_TIMEOUT=VISIBILITY_TIMEOUT)
    yield worker
    worker.stop()


def read_emails(folder):
    """Messages the file e-mail backend wrote (one file per connection, messages separated by dashes)."""
    messages = []
    for path in sorted(folder.glob("*.log")) if folder.exists() else []:
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk.strip(), policy=email.policy.default))
    return messages


def test_a_transition_gives_the_inbox_message_the_email_and_the_signed_pdf(worker, tmp_path, draft, citizen, staff):
    worker.start()
    record = records.submit(draft, actor=citizen)
    record = act(record, A.RECEIVE, staff["receiver"], StaffRole.RECEIVER, received_at=timezone.now())

    message = wait_for(
        lambda: Message.objects.filter(recipient=citizen, event=Event.RECORD_RECEIVED).first(),
        message="the worker to write the inbox message",
    )
    wait_for(
        lambda: not Delivery.objects.filter(message=message).exclude(status=DeliveryStatus.SENT).exists(),
        message="the worker to send the e-mail and the SMS",
    )
    address = get_channel(Channel.EMAIL).address_for(citizen)
    received = [m for m in read_emails(tmp_path / "mail") if m["To"].strip() == address]
    subjects = [m["Subject"].strip() for m in received]
    assert f"Hồ sơ {record.code} đã được tiếp nhận" in subjects
    body = next(m for m in received if m["Subject"].strip() == message.subject).get_content()
    assert "Lê Văn Bố" in body and record.code in body

    slip = wait_for(
        lambda: Document.objects.filter(
            object_id=str(record.pk), kind=DocumentKind.RECEIPT_APPOINTMENT, status=DocumentStatus.ISSUED
        ).first(),
        message="the worker to issue the receipt slip",
    )
    with slip.file.open("rb") as handle:
        text = " ".join(pdf_text(handle.read()).split())
    assert record.code in text and "Lê Văn Bố" in text
    assert "Giấy tiếp nhận hồ sơ và hẹn trả kết quả".upper() in text


def test_a_filing_leaves_its_notices_to_the_worker(worker, broker, draft, citizen, staff):
    """The request only queues the event; the worker writes the citizen's and the receivers' notices."""
    record = records.submit(draft, actor=citizen)

    assert not Message.objects.exists()  # nothing written in the citizen's request
    assert broker.queue_length("notifications") == 1  # one task for the event, whatever the number of officers

    worker.start()
    wait_for(
        lambda: Message.objects.filter(recipient=staff["receiver"], event=Event.OFFICER_NEW_RECORD).exists(),
        message="the worker to tell the agency's receiver",
    )
    submitted = Message.objects.get(recipient=citizen, event=Event.RECORD_SUBMITTED)
    assert record.code in submitted.subject


def test_killing_the_worker_mid_send_still_delivers_exactly_one_notification(worker, tmp_path, draft, citizen):
    started = tmp_path / "sms-started.log"
    sms_file = tmp_path / "sms.log"
    services.save_preference(citizen, email_enabled=False, sms_enabled=True)
    worker.start(SLOW_SMS_STARTED=started, SLOW_SMS_SECONDS=60)

    record = records.submit(draft, actor=citizen)
    delivery = wait_for(
        lambda: Delivery.objects.filter(message__recipient=citizen, channel=Channel.SMS).first(),
        message="the worker to write the SMS delivery",
    )
    wait_for(started.exists, message="the worker to start sending the SMS")
    worker.kill()  # mid-send: the message is neither sent nor acknowledged

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING
    assert not sms_file.exists()

    worker.start(SLOW_SMS_SECONDS=0)  # Redis gives the unacknowledged message back after the visibility timeout
    wait_for(lambda: Delivery.objects.get(pk=delivery.pk).status == DeliveryStatus.SENT, message="redelivery")
    time.sleep(VISIBILITY_TIMEOUT * 2)  # room for any duplicate to show up

    lines = sms_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    assert record.code in lines[0]
    assert len(started.read_text().splitlines()) == 2  # the task really ran twice, and sent once
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT and delivery.sent_at is not None
