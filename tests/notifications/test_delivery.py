"""notify() for other apps, templates per event and language, retries, the delivery log and the admin's resend."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from identity.models import User
from notifications import services
from notifications.constants import LANGUAGES, Channel, DeliveryStatus, Event
from notifications.models import Delivery, Message
from notifications.tasks import deliver, resend_stale_deliveries
from portal.celery import app
from tests.staff import STAFF_PASSWORD, login_with_totp

pytestmark = pytest.mark.django_db

PAYMENT = {
    "payer_name": "Lê Văn Bố",
    "record_code": "000.00.21.H56-260312-0001",
    "amount": 1_250_000,
    "description": "Lệ phí đăng ký thường trú",
    "transaction_id": "PG-20260312-000123",
}


def pay_notify(user, key="payment:1:succeeded", event=Event.PAYMENT_SUCCEEDED, **context):
    return services.notify(
        event, recipient_user=user, context={**PAYMENT, **context}, idempotency_key=key, url="/my/records/"
    )


@pytest.mark.parametrize("event", list(Event))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_event_has_a_template_in_vietnamese_and_english(event, language):
    context = {
        **PAYMENT,
        "applicant_name": "Lê Văn Bố",
        "procedure_name": "Đăng ký thường trú",
        "procedure_name_en": "Permanent residence registration",
        "agency_name": "Công an phường Ba Đình",
        "agency_name_en": "Ba Dinh ward police",
        "state": "Đang xử lý",
        "reason": "Thiếu giấy tờ",
        "due_date": timezone.localdate(),
        "new_appointment": "2026-04-03",
        "items": ["Bản sao giấy khai sinh"],
        "url": "https://dichvucong.example.gov.vn/my/records/x/",
    }
    subject, body = services.render_event(event, language, context)
    assert subject and body and "\n" not in subject
    assert "{{" not in subject + body and "None" not in subject + body
    assert "https://dichvucong.example.gov.vn/my/records/x/" in body or event.startswith("payment_")
    if language == "en":
        assert "Hồ sơ" not in subject


@pytest.fixture
def citizen_user(db):
    return User.objects.create_user(username="cd", email="cd@example.vn", kind=User.Kind.CITIZEN)


def test_notify_is_the_public_api_for_other_apps_and_is_idempotent(citizen_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = pay_notify(citizen_user, related=None)
        again = pay_notify(citizen_user)

    assert first.pk == again.pk
    assert first.subject == "Thanh toán thành công 1.250.000 đồng cho hồ sơ 000.00.21.H56-260312-0001"
    assert "PG-20260312-000123" in first.body
    assert first.url == "/my/records/" and "https://dichvucong.example.gov.vn/my/records/" in first.body
    assert len(mail.outbox) == 1
    # No phone known for this account: inbox and e-mail only.
    assert set(first.deliveries.values_list("channel", flat=True)) == {Channel.INBOX, Channel.EMAIL}


def test_notify_inside_a_rolled_back_transaction_sends_nothing(citizen_user, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        pay_notify(citizen_user)
        raise RuntimeError
    assert callbacks == [] and mail.outbox == [] and not Message.objects.exists()


def test_a_sent_delivery_is_never_sent_again(citizen_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = pay_notify(citizen_user)
    delivery = message.deliveries.get(channel=Channel.EMAIL)

    services.deliver(delivery.pk)
    deliver.apply(args=[delivery.pk])

    assert len(mail.outbox) == 1
    delivery.refresh_from_db()
    assert delivery.attempts == 1 and delivery.idempotency_key == "payment:1:succeeded:email"


class BrokenEmailBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server unreachable")


def test_failures_are_retried_then_shown_failed_and_an_administrator_resends(
    citizen_user, settings, admin_client, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.notifications.test_delivery.BrokenEmailBackend"
    with django_capture_on_commit_callbacks():
        message = pay_notify(citizen_user)
    delivery = message.deliveries.get(channel=Channel.EMAIL)

    # What a worker does with the message: try, retry with backoff (run at once here), give up.
    propagates, app.conf.task_eager_propagates = app.conf.task_eager_propagates, False
    try:
        result = deliver.apply(args=[delivery.pk])
    finally:
        app.conf.task_eager_propagates = propagates

    assert result.failed()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == deliver.max_retries + 1
    assert "SMTP server unreachable" in delivery.last_error
    assert message.deliveries.get(channel=Channel.INBOX).status == DeliveryStatus.SENT

    page = admin_client.get("/admin/notifications/delivery/?status__exact=failed")
    assert page.status_code == 200 and "SMTP server unreachable" in page.content.decode()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/notifications/delivery/", {"action": "resend", "_selected_action": [delivery.pk]}
        )
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT and delivery.last_error == ""
    assert [m.subject for m in mail.outbox] == [message.subject]


def test_staff_without_the_change_permission_cannot_resend(citizen_user, client):
    from django.contrib.auth.models import Permission

    staff = User.objects.create_user(username="xem", password=STAFF_PASSWORD, is_staff=True, kind=User.Kind.STAFF)
    staff.user_permissions.add(Permission.objects.get(codename="view_delivery"))
    login_with_totp(client, staff)
    page = client.get("/admin/notifications/delivery/")
    assert page.status_code == 200
    assert 'value="resend"' not in page.content.decode()


def test_tasks_are_routed_acknowledged_late_retried_and_time_limited():
    assert deliver.queue == "notifications"
    assert deliver.acks_late and deliver.reject_on_worker_lost
    assert deliver.autoretry_for == (Exception,) and deliver.retry_backoff and deliver.retry_jitter
    assert deliver.soft_time_limit < deliver.time_limit
    assert set(app.amqp.queues) == {"default", "notifications", "documents"}
    assert app.conf.task_default_queue == "default"
    assert app.conf.task_acks_late and app.conf.worker_prefetch_multiplier == 1
    assert app.amqp.router.route({}, "notifications.tasks.resend_stale_deliveries")["queue"].name == "notifications"
    assert app.amqp.router.route({}, "documents.tasks.issue_document")["queue"].name == "documents"
    assert app.amqp.router.route({}, "records.tasks.scan_overdue")["queue"].name == "default"
    schedule = app.conf.beat_schedule
    assert schedule["resend-stale-deliveries"]["task"] == "notifications.tasks.resend_stale_deliveries"
    assert "reschedule-stale-documents" in schedule and "activate-due-procedure-versions" in schedule


def test_deliveries_pending_for_long_are_sent_again(citizen_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():  # committed, but the broker never got the task
        message = pay_notify(citizen_user)
    stale = message.deliveries.get(channel=Channel.EMAIL)
    Delivery.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    with mock.patch.object(deliver, "delay") as delay:
        assert resend_stale_deliveries() == 1
    delay.assert_called_once_with(stale.pk)


def test_a_broker_outage_at_commit_leaves_the_delivery_pending_not_the_caller_broken(
    citizen_user, django_capture_on_commit_callbacks
):
    with (
        mock.patch.object(deliver, "delay", side_effect=ConnectionError("broker down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        message = pay_notify(citizen_user)
    assert message.deliveries.get(channel=Channel.EMAIL).status == DeliveryStatus.PENDING
