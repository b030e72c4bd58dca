"""The inbox ("Thông báo"), its unread count in the header, and the preferences page."""

import pytest

from notifications import services
from notifications.constants import Event
from notifications.models import Message, Preference
from tests.staff import totp_session

pytestmark = pytest.mark.django_db


def received(user, n=1):
    return [
        services.notify(
            Event.PAYMENT_FAILED,
            recipient_user=user,
            context={"payer_name": "Lê Văn Bố", "amount": 20000, "record_code": f"H56-260312-000{i}"},
            idempotency_key=f"payment:{i}:failed",
            url="/my/records/",
        )
        for i in range(n)
    ]


def test_header_shows_the_unread_count_and_links_to_the_inbox(client, citizen):
    received(citizen, 3)
    page = client.get("/").content.decode()
    assert 'href="/notifications/"' in page
    assert "3 thông báo chưa đọc" in page


def test_inbox_lists_messages_newest_first_and_opening_one_marks_it_read(client, citizen):
    first, second = received(citizen, 2)
    page = client.get("/notifications/").content.decode()
    assert page.index(second.subject) < page.index(first.subject)
    assert "2 thông báo chưa đọc" in page
    assert "Cài đặt thông báo" in page

    detail = client.get(f"/notifications/{first.pk}/")
    assert detail.status_code == 200
    assert "Thanh toán không thành công" in detail.content.decode()
    assert services.unread_count(citizen) == 1

    client.post("/notifications/read-all/")
    assert services.unread_count(citizen) == 0
    assert "thông báo chưa đọc" not in client.get("/").content.decode()


def test_nobody_reads_another_persons_notifications(client, citizen, other_citizen):
    (theirs,) = received(other_citizen)
    assert client.get(f"/notifications/{theirs.pk}/").status_code == 404
    assert theirs.subject not in client.get("/notifications/").content.decode()
    assert Message.objects.get(pk=theirs.pk).read_at is None


def test_inbox_needs_a_login(client, db):
    response = client.get("/notifications/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_preferences_page_saves_channels_and_language(client, citizen, family):
    page = client.get("/notifications/settings/").content.decode()
    assert family["father"].email in page and family["father"].phone in page

    response = client.post("/notifications/settings/", {"email_enabled": "on", "language": "en"})
    assert response.status_code == 302
    preference = Preference.objects.get(user=citizen)
    assert preference.email_enabled and not preference.sms_enabled and preference.language == "en"
    (message,) = received(citizen)
    assert message.subject.startswith("Payment failed")


def test_officers_have_an_inbox_too(client, family):
    from identity.models import User

    officer = User.objects.create_user(username="canbo", kind=User.Kind.STAFF)
    totp_session(client, officer)
    services.notify(
        Event.OFFICER_REMINDER,
        recipient_user=officer,
        context={"record_code": "X-1", "procedure_name": "Đăng ký thường trú", "state": "Đang xử lý"},
        idempotency_key="reminder:1",
    )
    assert "Nhắc việc: hồ sơ X-1" in client.get("/notifications/").content.decode()


def test_notifications_follow_the_language_the_person_uses_on_the_portal(client, family):
    """Logging in first from the English site, or switching the site's language, sets the notifications' too."""
    from django.utils import translation

    from tests.records.conftest import citizen_account

    user = citizen_account(family["father"])
    with translation.override("en"):
        client.force_login(user)
    assert Preference.objects.get(user=user).language == "en"
    (message,) = received(user)
    assert message.subject.startswith("Payment failed")

    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert Preference.objects.get(user=user).language == "vi"
    assert client.cookies["django_language"].value == "vi"  # the site's switch still works as before
    with translation.override("en"):
        client.force_login(user)  # a later login keeps the choice
    assert Preference.objects.get(user=user).language == "vi"
    client.logout()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})  # anonymous: nothing to follow
    assert Preference.objects.get(user=user).language == "vi"
