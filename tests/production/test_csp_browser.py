"""Issue #21: in Chromium, the portal's pages run under their Content-Security-Policy without one violation: every
script and style they need comes from the portal's own files (a violation is also what the console would log)."""

import pytest
from django.conf import settings
from django.test import Client

from eservices.models import OnlineService
from procedures.models import Procedure
from tests.records.conftest import login
from tests.staff import STAFF_PASSWORD, login_with_totp, totp_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every violation the page reports, collected in the page itself (the event fires for blocked scripts,
# styles, frames, images and inline handlers alike).
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || ""));
});
"""


def visit(page, url, console):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.__violations")
    csp_console = [text for text in console if "Content Security Policy" in text or "Content-Security-Policy" in text]
    assert violations == [] and csp_console == [], (url, violations, csp_console)


def watched(browser, live_server, client=None):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.add_init_script(LISTEN)
    if client is not None:
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(20_000)
    console = []
    page.on("console", lambda message: console.append(message.text))
    return page, console


def test_public_citizen_back_office_admin_and_api_pages_run_without_a_csp_violation(
    browser, live_server, record, staff, citizen, django_user_model
):
    procedure = Procedure.objects.exclude(current_version=None).first()
    page, console = watched(browser, live_server)
    for path in ["/", "/procedures/", procedure.get_absolute_url(), "/assistant/", "/api/docs/", "/statistics/"]:
        visit(page, live_server.url + path, console)
    # The print button works without an inline handler.
    page.goto(live_server.url + procedure.get_absolute_url())
    page.evaluate("window.print = function () { window.__printed = true; }")
    page.get_by_role("button", name="In trang này").click()
    assert page.evaluate("window.__printed") is True
    # Swagger UI drew the API's operations.
    page.goto(live_server.url + "/api/docs/")
    page.wait_for_selector(".opblock", timeout=20_000)
    assert page.evaluate("window.__violations") == []

    page, console = watched(browser, live_server, login(Client(), citizen))
    for path in ["/my-account/", "/my/records/", f"/my/records/{record.pk}/", "/notifications/"]:
        visit(page, live_server.url + path, console)

    page, console = watched(browser, live_server, totp_session(Client(), staff["head"]))
    for path in [f"/backoffice/agencies/{record.agency.code}/", f"/backoffice/records/{record.pk}/"]:
        visit(page, live_server.url + path, console)

    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", STAFF_PASSWORD, kind="admin")
    page, console = watched(browser, live_server, login_with_totp(Client(), admin))
    service = OnlineService.objects.first()
    for path in ["/admin/", f"/admin/services/onlineservice/{service.pk}/change/", "/admin/identity/authevent/"]:
        visit(page, live_server.url + path, console)
