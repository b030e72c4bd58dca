"""Two tabs on one draft: a save from the tab that is behind is refused, says what changed and offers to reload;
the other tab's data stays, and what the stale tab typed is shown back (issue #15 item 5)."""

import re

import pytest
from django.test import Client

from records.models import Record

from .conftest import filled_draft, login

NEWER = "Đăng ký thường trú tại nhà mới, số 5 Đội Cấn"
STALE = "Nội dung gõ ở thẻ thứ hai"


def tab(user):
    return login(Client(), user)


def shown_version(response) -> str:
    match = re.search(r'name="draft_version" value="(\d+)"', response.content.decode())
    assert match, "the form carries the draft's version"
    return match.group(1)


def form_values(version, request_text, **extra):
    return {
        "draft_version": version,
        "applicant-applicant_role": "self",
        "request": request_text,
        "delivery": "online",
        **extra,
    }


@pytest.fixture
def draft(citizen, family):
    return filled_draft(citizen, family["father"])


def test_a_save_from_a_tab_that_is_behind_is_refused_and_loses_nothing(citizen, draft):
    url = f"/my/filings/{draft.pk}/form/"
    first, second = tab(citizen), tab(citizen)
    loaded_first, loaded_second = shown_version(first.get(url)), shown_version(second.get(url))
    assert loaded_first == loaded_second

    saved = first.post(url, form_values(loaded_first, NEWER, save="1"))
    assert saved.status_code == 302

    refused = second.post(url, form_values(loaded_second, STALE, save="1"))
    page = refused.content.decode()
    assert refused.status_code == 409
    assert "đã được lưu ở một thẻ hoặc thiết bị khác" in page
    assert "Nội dung đề nghị" in page and NEWER in page  # what changed, and to what
    assert re.search(rf'<a href="{re.escape(url)}"[^>]*>Tải lại bản mới nhất</a>', page)
    assert re.search(rf">\s*{STALE}</textarea>", page)  # what this tab typed is shown back, not lost
    assert Record.objects.get(pk=draft.pk).form_data["request"] == NEWER  # the other tab's data is intact

    # Having seen both, the citizen may keep what this tab typed: the page now carries the newer version.
    kept = second.post(url, form_values(shown_version(refused), STALE, save="1"))
    assert kept.status_code == 302
    assert Record.objects.get(pk=draft.pk).form_data["request"] == STALE


def test_autosave_from_a_stale_tab_is_refused_with_what_changed(citizen, draft):
    url = f"/my/filings/{draft.pk}/form/"
    first, second = tab(citizen), tab(citizen)
    version = shown_version(first.get(url))
    shown_version(second.get(url))

    saved = first.post(url, form_values(version, NEWER, autosave="1"))
    assert saved.status_code == 204 and int(saved.headers["X-Draft-Version"]) == int(version) + 1

    refused = second.post(url, form_values(version, STALE, autosave="1"))
    assert refused.status_code == 409
    body = refused.json()
    assert body["changed"] == ["Nội dung đề nghị"] and body["reload"] == url
    assert body["reload_label"] == "Tải lại bản mới nhất" and int(body["version"]) == int(version) + 1
    assert Record.objects.get(pk=draft.pk).form_data["request"] == NEWER


def test_the_same_values_sent_again_from_an_older_page_are_no_conflict(citizen, draft):
    """A tab's own autosave can land just before its "Lưu nháp": the same values twice lose nothing."""
    url = f"/my/filings/{draft.pk}/form/"
    client = tab(citizen)
    version = shown_version(client.get(url))
    assert client.post(url, form_values(version, NEWER, autosave="1")).status_code == 204
    assert client.post(url, form_values(version, NEWER, save="1")).status_code == 302


def test_a_save_that_changes_nothing_keeps_the_version(citizen, draft):
    url = f"/my/filings/{draft.pk}/form/"
    client = tab(citizen)
    version = shown_version(client.get(url))
    client.post(url, form_values(version, NEWER, save="1"))
    again = shown_version(client.get(url))
    assert client.post(url, form_values(again, NEWER, autosave="1")).headers["X-Draft-Version"] == again


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_two_tabs_in_chromium_autosave_refuses_the_stale_one_and_reload_shows_the_newer(page, live_server, family):
    from tests.a11y import assert_no_serious_axe_violations

    from .conftest import citizen_account
    from .test_browser import logged_in_page

    user = citizen_account(family["father"])
    draft = filled_draft(user, family["father"])
    url = f"{live_server.url}/my/filings/{draft.pk}/form/"
    first = logged_in_page(page, live_server, user)
    second = page.context.new_page()
    first.goto(url)
    second.goto(url)

    first.get_by_label("Nội dung đề nghị").fill(NEWER)
    first.locator("#autosave-status").get_by_text("Đã tự động lưu nháp lúc").wait_for()
    second.get_by_label("Nội dung đề nghị").fill(STALE)
    reload = second.locator("#autosave-status").get_by_role("link", name="Tải lại bản mới nhất")
    reload.wait_for()
    assert "Nội dung đề nghị" in second.locator("#autosave-status").inner_text()
    assert Record.objects.get(pk=draft.pk).form_data["request"] == NEWER
    assert second.get_by_label("Nội dung đề nghị").input_value() == STALE  # still on the page

    second.get_by_role("button", name="Lưu nháp").click()
    alert = second.locator("[data-stale-draft]")
    alert.wait_for()
    assert NEWER in alert.inner_text() and second.get_by_label("Nội dung đề nghị").input_value() == STALE
    assert_no_serious_axe_violations(second)
    assert Record.objects.get(pk=draft.pk).form_data["request"] == NEWER

    alert.get_by_role("link", name="Tải lại bản mới nhất").click()
    second.wait_for_load_state()
    assert second.get_by_label("Nội dung đề nghị").input_value() == NEWER


def test_eligibility_answers_from_a_tab_that_is_behind_are_refused_too(client, citizen):
    from .test_filing import filing_url, start

    url = filing_url(start(client)) + "eligibility/"
    first, second = tab(citizen), tab(citizen)
    version = shown_version(first.get(url))
    assert shown_version(second.get(url)) == version

    first.post(url, {"has_licence": "no", "draft_version": version})  # refused for the service, but kept
    refused = second.post(url, {"has_licence": "yes", "draft_version": version})
    page = refused.content.decode()
    assert refused.status_code == 409
    assert "Bạn đang có giấy phép lái xe do Việt Nam cấp?</dt><dd>Không</dd>" in page  # what changed, to what
    assert re.search(rf'<a href="{re.escape(url)}"[^>]*>Tải lại bản mới nhất</a>', page)
    assert re.search(r'value="yes" id="has_licence-yes" checked', page)  # this tab's answer shown back
    assert "bấm “Tiếp tục”" in page
    draft = Record.objects.get(applicant=citizen)
    assert draft.eligibility_answers == {"has_licence": False}

    kept = second.post(url, {"has_licence": "yes", "draft_version": shown_version(refused)})
    assert kept.status_code == 302 and Record.objects.get(pk=draft.pk).eligibility_answers == {"has_licence": True}
