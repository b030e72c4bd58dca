"""A citizen reading the English site sees their notifications in English, whatever language they were sent in
(e-mail and SMS go out in the language of their settings); and the Vietnamese site shows them in Vietnamese."""

import pytest

from notifications import services
from notifications.constants import Event
from notifications.models import Message

pytestmark = pytest.mark.django_db


def _notify(user):
    return services.notify(
        Event.PAYMENT_FAILED,
        recipient_user=user,
        context={"payer_name": "Lê Văn Bố", "amount": 20000, "record_code": "H56-260312-0001"},
        idempotency_key="payment:1:failed",
        url="/my/records/",
    )


def test_the_english_site_shows_a_notification_sent_in_vietnamese_in_english(client, citizen):
    message = _notify(citizen)
    assert message.language == "vi" and message.subject.startswith("Thanh toán")

    client.cookies["django_language"] = "en"
    inbox = client.get("/notifications/").content.decode()
    assert "Payment failed" in inbox
    assert message.subject not in inbox
    detail = client.get(f"/notifications/{message.pk}/").content.decode()
    assert "Payment failed" in detail and "H56-260312-0001" in detail
    assert "Thanh toán" not in detail.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_vietnamese_site_shows_it_in_vietnamese(client, citizen):
    message = _notify(citizen)
    inbox = client.get("/notifications/").content.decode()
    assert message.subject in inbox


def test_a_message_stored_before_both_languages_were_kept_shows_as_it_was_sent(client, citizen):
    message = _notify(citizen)
    Message.objects.filter(pk=message.pk).update(texts={})
    client.cookies["django_language"] = "en"
    assert message.subject in client.get("/notifications/").content.decode()
