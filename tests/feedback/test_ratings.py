"""A citizen rates the handling of their returned record: invited once, one rating per record, only theirs."""

import re

import pytest
from django.db import IntegrityError
from django.test import Client

from feedback import services, signals
from feedback.models import Rating
from notifications.constants import Event
from notifications.models import Message
from outbox.models import Entry
from records.constants import RecordState

from .conftest import RATING, login

pytestmark = pytest.mark.django_db


def rate_url(record):
    return f"/my/records/{record.pk}/rating/"


def test_the_applicant_is_invited_once_to_rate_in_their_inbox_and_on_the_record_page(returned, citizen, client):
    invitations = Message.objects.filter(recipient=citizen, event=Event.RATING_INVITED)
    assert invitations.count() == 1
    invitation = invitations.get()
    assert returned.code in invitation.subject and invitation.url == rate_url(returned)
    assert not invitation.deliveries.filter(channel="sms").exists()  # inbox (and e-mail), never a text message
    assert Entry.objects.filter(key=f"feedback:rating-invite:{returned.pk}").count() == 1

    # The task run again (a swept outbox row): nothing new.
    services.invite_to_rate(returned.pk)
    assert invitations.count() == 1

    page = client.get(f"/my/records/{returned.pk}/").content.decode()
    assert "Đánh giá mức độ hài lòng" in page and rate_url(returned) in page


def test_a_record_is_rated_once_and_a_second_post_changes_nothing(returned, citizen, client):
    given = []
    signals.rating_given.connect(lambda sender, rating, **kw: given.append(rating.pk), weak=False, dispatch_uid="t")
    try:
        response = client.post(rate_url(returned), RATING)
        assert response.status_code == 302 and response["Location"].endswith(f"/my/records/{returned.pk}/#rating")
        rating = Rating.objects.get(record=returned)
        assert (rating.overall, rating.staff_attitude, rating.trips, rating.comment) == (
            5,
            5,
            1,
            "Cán bộ hướng dẫn tận tình.",
        )
        assert rating.agency_id == returned.agency_id and rating.applicant_id == citizen.pk
        assert given == [rating.pk]

        again = client.post(rate_url(returned), {**RATING, "overall": "1", "comment": "Đổi ý"})
        assert again.status_code == 409
        assert "chỉ được đánh giá một lần" in again.content.decode()
        assert Rating.objects.filter(record=returned).count() == 1
        assert Rating.objects.get(record=returned).overall == 5
        assert given == [rating.pk]
    finally:
        signals.rating_given.disconnect(dispatch_uid="t")

    page = client.get(f"/my/records/{returned.pk}/").content.decode()
    assert "Bạn đã đánh giá việc giải quyết hồ sơ này" in page
    # Rated: the invitation task, run late, invites nobody.
    assert services.invite_to_rate(returned.pk) is None


def test_the_database_holds_one_rating_per_record(returned, citizen):
    fields = {k: v for k, v in RATING.items() if k != "comment"}
    base = {"record": returned, "applicant": citizen, "agency": returned.agency}
    procedure = returned.procedure_version.procedure
    Rating.objects.create(**base, procedure=procedure, **fields)
    with pytest.raises(IntegrityError):
        Rating.objects.create(**base, procedure=procedure, **fields)


def test_only_the_applicant_of_a_returned_record_rates_it(returned, other_citizen, staff, citizen, record, client):
    stranger = login(Client(), other_citizen)
    assert stranger.get(rate_url(returned)).status_code == 404
    assert stranger.post(rate_url(returned), RATING).status_code == 404

    from tests.staff import totp_session

    officer = totp_session(Client(), staff["receiver"])
    assert officer.post(rate_url(returned), RATING).status_code == 403
    assert not Rating.objects.exists()


def test_a_record_not_yet_returned_cannot_be_rated(record, client):
    assert record.state == RecordState.SUBMITTED
    assert client.get(rate_url(record)).status_code == 403
    assert client.post(rate_url(record), RATING).status_code == 403
    assert not Rating.objects.exists()
    assert "rating-prompt" not in client.get(f"/my/records/{record.pk}/").content.decode()


def test_a_rating_with_a_criterion_missing_says_which_and_keeps_the_answers(returned, client):
    response = client.post(rate_url(returned), {**RATING, "overall": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vui lòng chọn Mức độ hài lòng chung." in page
    assert re.search(r'<input[^>]*name="time_against_limit" value="on_time"[^>]*checked', page)
    assert re.search(r'<input[^>]*name="staff_attitude" value="5"[^>]*checked', page)
    assert "Cán bộ hướng dẫn tận tình." in page
    assert not Rating.objects.exists()


def test_the_agencys_staff_read_its_ratings_and_comments_and_no_one_else(returned, client, staff):
    client.post(rate_url(returned), RATING)
    from tests.staff import totp_session

    desk = totp_session(Client(), staff["processor"])
    page = desk.get(f"/backoffice/feedback/agencies/{returned.agency.code}/ratings/").content.decode()
    assert "Cán bộ hướng dẫn tận tình." in page and returned.code in page
    assert re.search(r"Tỷ lệ hài lòng[^<]*</dt><dd>100%</dd>", page)
    queue = desk.get(f"/backoffice/agencies/{returned.agency.code}/").content.decode()
    assert f"/backoffice/feedback/agencies/{returned.agency.code}/ratings/" in queue
    outsider = totp_session(Client(), staff["outsider"])
    assert outsider.get(f"/backoffice/feedback/agencies/{returned.agency.code}/ratings/").status_code == 403


def test_the_rating_form_reads_in_english_on_the_english_site(returned, client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(rate_url(returned)).content.decode()
    assert "Overall satisfaction" in page and "5 — Very satisfied" in page and "Send the rating" in page
