"""Helpers to drive the VNeID and portal pages over HTTP, the way a browser would, without a browser."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import requests

_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.IGNORECASE | re.DOTALL)


def hidden_fields(page: str) -> dict:
    fields = {}
    for tag in _INPUT.findall(page):
        attrs = {k.lower(): html.unescape(v) for k, v in _ATTR.findall(tag)}
        if attrs.get("type") == "hidden" and "name" in attrs:
            fields[attrs["name"]] = attrs.get("value", "")
    return fields


def form_action(page: str, contains: str = "") -> str:
    for attrs, body in _FORM.findall(page):
        parsed = {k.lower(): html.unescape(v) for k, v in _ATTR.findall(attrs)}
        if contains in (parsed.get("action", "") + body):
            return parsed.get("action", "")
    raise AssertionError(f"no form containing {contains!r}")


def _form_html(page: str, marker: str) -> str:
    """The HTML of the first form containing ``marker`` (the language switcher has hidden fields too)."""
    for attrs, body in _FORM.findall(page):
        if marker in html.unescape(attrs + body) and "set_language" not in attrs and "/i18n/" not in attrs:
            return body
    raise AssertionError(f"no form containing {marker!r}")


def post_form(session: requests.Session, page_url: str, page: str, data: dict, action: str | None = None, **kw):
    marker = action if action is not None else next(iter(data), "csrfmiddlewaretoken")
    fields = hidden_fields(_form_html(page, marker))
    fields.update(data)
    target = urljoin(page_url, action if action is not None else page_url)
    return session.post(target, data=fields, allow_redirects=False, headers={"Referer": page_url}, **kw)


def follow(session: requests.Session, response: requests.Response, base: str, stop_at: str | None = None):
    """Follow redirects by hand; stop before leaving for ``stop_at`` (a URL prefix)."""
    while response.is_redirect:
        location = urljoin(response.url or base, response.headers["Location"])
        if stop_at and location.startswith(stop_at):
            return response, location
        response = session.get(location, allow_redirects=False)
    return response, response.url


def last_otp(outbox: Path, phone: str) -> str:
    lines = [json.loads(line) for line in outbox.read_text(encoding="utf-8").splitlines() if line.strip()]
    for message in reversed(lines):
        if message["to"] == phone:
            return re.search(r"\b(\d{6})\b", message["text"]).group(1)
    raise AssertionError(f"no SMS to {phone}")


def vneid_login(session, response, base, id_number, password, outbox=None, phone=None):
    """From a redirect to the VNeID login page, log in (with the SMS code when asked); return the next response."""
    response, url = follow(session, response, base)
    assert "/vneid/login/" in url, url
    response = post_form(session, url, response.text, {"id_number": id_number, "password": password})
    assert response.status_code == 302, response.text[:2000]
    if "/vneid/login/otp/" in response.headers["Location"]:
        page, otp_url = follow(session, response, base)
        response = post_form(session, otp_url, page.text, {"code": last_otp(outbox, phone)})
        assert response.status_code == 302, page.text[:2000]
    return response


def portal_login(browser, base, person, password, outbox):
    """The portal's "Đăng nhập bằng VNeID" over HTTP: VNeID login (and SMS code), consent, back to the portal."""
    page = browser.get(f"{base}/login/")
    assert "Đăng nhập bằng VNeID" in page.text
    action = form_action(page.text, "vneid-login")
    response = post_form(browser, page.url, page.text, {}, action=action)
    assert response.status_code == 302 and "/vneid/authorize/" in response.headers["Location"]
    assert "code_challenge=" in response.headers["Location"] and "nonce=" in response.headers["Location"]
    response = vneid_login(browser, response, base, person.id_number, password, outbox, person.phone)
    consent, consent_url = follow(browser, response, base)
    response = post_form(browser, consent_url, consent.text, {"allow": "on"})
    assert "/accounts/oidc/vneid/login/callback/" in response.headers["Location"]
    return follow(browser, response, base)
