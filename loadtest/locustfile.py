"""The real journeys under load (Locust): what citizens and an officer do, over HTTP, as their browsers would.

A citizen's journey, in one task, each step its own line in the statistics: search the catalogue, open the
procedure page, log in through the simulated VNeID (OpenID Connect: the portal's login page, VNeID's password page,
the SMS code read from VNeID's SMS outbox, consent, back to the portal), file the online service through the filing
API with a 200 KB PDF attached, pay at the simulated PayGov (the portal creates the payment over HTTP, the payer
chooses a bank, the gateway's signed callback comes through the Celery worker), track the record by code and ID
number, log out. An officer (one, ``fixed_count``) logs in with password and TOTP and receives the records that
reach the agency's queue.

Started by ``loadtest/run.py`` (``make loadtest``), which prepares the database and writes what the users need into
the JSON file named by ``LOADTEST_FIXTURE``: the demo citizens (ID number, phone), the officer (username, password,
TOTP secret, agency), the service, its attachment's component and VNeID's SMS outbox. Every simulated citizen comes
through its own address (``X-Forwarded-For`` behind one trusted proxy, ``NUM_PROXIES=1``), as citizens do: the
per-address limits (record lookup, logins) then apply to each as to a real person.
"""

import html
import io
import itertools
import json
import os
import re
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from locust import HttpUser, between, events, task
from locust.exception import StopUser

FIXTURE = json.loads(Path(os.environ["LOADTEST_FIXTURE"]).read_text(encoding="utf-8"))
THINK = float(os.environ.get("LOADTEST_THINK_SECONDS", "1"))
PDF = Path(FIXTURE["pdf"]).read_bytes()

_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')
_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.IGNORECASE | re.DOTALL)
_RECORD_LINK = re.compile(r'href="/backoffice/records/([0-9a-f-]{36})/"')
_people = itertools.cycle(FIXTURE["citizens"])
_people_lock = threading.Lock()
_addresses = itertools.count(1)


class JourneyFailed(Exception):
    """A step answered something else than the journey needs. ``counted``: as that request's failure already."""

    counted = False


def forms(page: str) -> list[tuple[dict, dict]]:
    """Each form's attributes and its named inputs' values (hidden or not), as a browser would submit them."""
    found = []
    for attrs, body in _FORM.findall(page):
        fields = {}
        for tag in _INPUT.findall(body):
            parsed = {k.lower(): html.unescape(v) for k, v in _ATTR.findall(tag)}
            if "name" in parsed and parsed.get("type") not in ("submit", "checkbox", "radio"):
                fields[parsed["name"]] = parsed.get("value", "")
        found.append(({k.lower(): html.unescape(v) for k, v in _ATTR.findall(attrs)}, fields))
    return found


def form_with(page: str, marker: str) -> tuple[str, dict]:
    """(action, fields) of the first form whose markup holds ``marker`` (not the language switch)."""
    for attrs_html, body in _FORM.findall(page):
        if marker in attrs_html + body and "/i18n/" not in attrs_html:
            attrs, fields = forms(f"<form{attrs_html}>{body}</form>")[0]
            return attrs.get("action", ""), fields
    main = page[page.find("<main") :] if "<main" in page else page
    text = " ".join(re.sub(r"<[^>]+>", " ", main).split())
    raise JourneyFailed(f"no form with {marker!r} on the page: {text[:300]}")


class Step:
    """One request of a journey, checked: ``with Step(client, "name") as step: step.get(...)``."""

    def __init__(self, user, name):
        self.user, self.name, self.response = user, name, None

    def request(self, method, url, expect=(200,), **kwargs):
        with self.user.client.request(
            method, url, name=self.name, allow_redirects=False, catch_response=True, **kwargs
        ) as response:
            if response.status_code not in expect:
                response.failure(f"{response.status_code} (expected {expect}): {response.text[:300]!r}")
                failed = JourneyFailed(self.name)
                failed.counted = True
                raise failed
            response.success()
        self.response = response
        return response


def step(user, name, method, url, expect=(200,), **kwargs):
    return Step(user, name).request(method, url, expect, **kwargs)


def location(response) -> str:
    return urljoin(response.url, response.headers["Location"])


def last_sms_code(phone: str, after: float) -> str | None:
    """The newest one-time code VNeID sent to ``phone`` since ``after`` (VNeID's SMS outbox: one JSON per line)."""
    path = Path(FIXTURE["sms_log"])
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 256 * 1024))
        lines = handle.read().decode("utf-8", "replace").splitlines()
    for line in reversed(lines):
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if message.get("to") == phone and (match := re.search(r"\b(\d{6})\b", message.get("text", ""))):
            return match.group(1)
    return None


class Citizen(HttpUser):
    """One demo citizen (VNeID level 2) after another: search, read, log in, file, pay, track, log out."""

    weight = 10
    wait_time = between(THINK, 2 * THINK)

    def on_start(self):
        n = next(_addresses)
        self.client.headers["X-Forwarded-For"] = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"

    @task
    def journey(self):
        with _people_lock:
            self.person = next(_people)
        self.client.cookies.clear()
        started = time.perf_counter()
        try:
            self.read_catalogue()
            self.log_in()
            record = self.file()
            self.pay(record)
            self.track(record)
            step(self, "logout", "POST", "/accounts/logout/", expect=(302,), data=self.csrf(), headers=self.referer())
        except JourneyFailed as failed:
            # A request that failed was counted as its step's failure; an answer the journey could not go on
            # from (a form missing from a page) is counted here, so that no broken journey passes unseen.
            if not failed.counted:
                self.journey_done(started, failed)
            return
        self.journey_done(started, None)

    def journey_done(self, started, failed):
        events.request.fire(
            request_type="JOURNEY",
            name="citizen: whole journey",
            response_time=(time.perf_counter() - started) * 1000,
            response_length=0,
            exception=failed,
            context={},
        )

    def csrf(self) -> dict:
        return {"csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")}

    def referer(self, path="/") -> dict:
        return {"Referer": self.host + path}

    def read_catalogue(self):
        page = step(self, "search (results page)", "GET", "/procedures/", params={"q": FIXTURE["search"]})
        if f"/procedures/{FIXTURE['procedure']}/" not in page.text:
            raise JourneyFailed("search")
        step(self, "procedure page", "GET", f"/procedures/{FIXTURE['procedure']}/")

    def log_in(self):
        # As from the service's page: the service asks for level 2, so VNeID asks for the SMS code at once.
        params = {"level": "LoA2", "next": f"/services/{FIXTURE['service']}/"}
        page = step(self, "login: portal's page", "GET", "/login/", params=params)
        action, fields = form_with(page.text, "vneid-login")
        response = step(self, "login: to VNeID", "POST", action, expect=(302,), data=fields, headers=self.referer())
        response = step(self, "login: VNeID authorize", "GET", location(response), expect=(302,))
        url = location(response)
        page = step(self, "login: VNeID password page", "GET", url)
        action, fields = form_with(page.text, 'name="password"')
        fields.update(id_number=self.person["id_number"], password=FIXTURE["citizen_password"])
        sent = time.time()
        response = step(
            self,
            "login: VNeID password",
            "POST",
            urljoin(url, action or url),
            expect=(302,),
            data=fields,
            headers={"Referer": url},
        )
        url = location(response)
        if "/otp/" in url:
            page = step(self, "login: VNeID SMS code page", "GET", url)
            action, fields = form_with(page.text, 'name="code"')
            code = None
            for _ in range(50):  # the SMS is written before the answer; a moment for the file on a busy machine
                code = last_sms_code(self.person["phone"], sent)
                if code:
                    break
                time.sleep(0.1)
            fields["code"] = code or ""
            response = step(
                self,
                "login: VNeID SMS code",
                "POST",
                urljoin(url, action or url),
                expect=(302,),
                data=fields,
                headers={"Referer": url},
            )
            url = location(response)
        while "/authorize/" in url and "/consent" not in url:  # back at authorize, now logged in at VNeID
            response = step(self, "login: VNeID authorize", "GET", url, expect=(200, 302))
            if response.status_code == 200:
                break
            url = location(response)
        page = response if response.status_code == 200 else step(self, "login: VNeID consent page", "GET", url)
        action, fields = form_with(page.text, 'name="allow"')
        fields["allow"] = "on"
        response = step(
            self,
            "login: VNeID consent",
            "POST",
            urljoin(page.url, action or page.url),
            expect=(302,),
            data=fields,
            headers={"Referer": page.url},
        )
        url = location(response)
        response = step(self, "login: portal callback", "GET", url, expect=(302,))
        if "sessionid" not in self.client.cookies:
            raise JourneyFailed("no session after the callback")
        url = location(response)
        if urlsplit(url).path.startswith(("/vneid/", "/login")):
            raise JourneyFailed(f"login ended at {url}")

    def file(self) -> dict:
        data = {
            "business_name": f"DNTN Tải Thử {uuid.uuid4().hex[:6]}",
            "head_office": "Số 1 Tràng Tiền",
            "capital": 900000000,
            "business_lines": "Bán lẻ",
            "delivery": "online",
        }
        response = step(
            self,
            "file: API with a 200 KB PDF",
            "POST",
            "/api/v1/records/",
            expect=(201,),
            data={"service": FIXTURE["service"], "data": json.dumps(data, ensure_ascii=False)},
            files={f"component_{FIXTURE['component']}": ("giay-to.pdf", io.BytesIO(PDF), "application/pdf")},
            headers={"X-CSRFToken": self.client.cookies.get("csrftoken", ""), **self.referer()},
        )
        return response.json()

    def pay(self, record):
        page = step(self, "pay: record page", "GET", f"/my/records/{record['id']}/")
        action, fields = form_with(page.text, "idempotency_key")
        response = step(
            self,
            "pay: to PayGov",
            "POST",
            action,
            expect=(302,),
            data=fields,
            headers=self.referer(f"/my/records/{record['id']}/"),
        )
        checkout = location(response)
        for _ in range(30):  # the portal may open the payment at the gateway in a worker: its page reloads each second
            if "/paygov/" in checkout:
                break
            time.sleep(1)
            response = step(self, "pay: waiting for the gateway", "GET", checkout, expect=(200, 302))
            if response.status_code == 302:
                checkout = location(response)
        page = step(self, "pay: PayGov checkout page", "GET", checkout)
        _action, fields = form_with(page.text, 'value="success"')
        fields.update(outcome="success", method="VCB")
        response = step(
            self, "pay: PayGov pay", "POST", checkout, expect=(302,), data=fields, headers={"Referer": checkout}
        )
        response = step(self, "pay: back on the portal", "GET", location(response), expect=(200, 302))
        if response.status_code == 302:
            step(self, "pay: record page after paying", "GET", location(response))

    def track(self, record):
        response = step(
            self,
            "track: lookup API",
            "POST",
            "/api/v1/records/lookup/",
            json={"code": record["code"], "id_number": self.person["id_number"]},
        )
        if response.json().get("code") != record["code"]:
            raise JourneyFailed("lookup")


class Officer(HttpUser):
    """The agency's receiving officer: password and TOTP once, then receives what reaches the queue."""

    fixed_count = 1
    wait_time = between(THINK / 2, THINK)

    def on_start(self):
        officer = FIXTURE["officer"]
        self.client.headers["X-Forwarded-For"] = "10.255.0.1"
        try:
            page = step(self, "officer: login page", "GET", "/accounts/login/")
            _action, fields = form_with(page.text, 'name="password"')
            fields.update(login=officer["username"], password=officer["password"])
            response = step(
                self,
                "officer: password",
                "POST",
                "/accounts/login/",
                expect=(302,),
                data=fields,
                headers={"Referer": self.host + "/accounts/login/"},
            )
            page = step(self, "officer: TOTP page", "GET", location(response))
            _action, fields = form_with(page.text, 'name="code"')
            fields["code"] = totp_now(officer["totp_secret"])
            step(self, "officer: TOTP", "POST", page.url, expect=(302,), data=fields, headers={"Referer": page.url})
        except JourneyFailed:
            raise StopUser() from None
        self.seen = set()

    @task
    def receive(self):
        queue = f"/backoffice/agencies/{FIXTURE['officer']['agency']}/"
        try:
            page = step(
                self, "officer: queue (to receive)", "GET", queue, params={"state": "submitted", "sort": "oldest"}
            )
            for pk in dict.fromkeys(_RECORD_LINK.findall(page.text)):
                if pk in self.seen:
                    continue
                page = step(self, "officer: record page", "GET", f"/backoffice/records/{pk}/")
                if "action-receive" not in page.text:
                    continue  # not yet paid, or taken by another officer
                action, fields = form_with(page.text, 'value="receive"')
                step(
                    self,
                    "officer: receive",
                    "POST",
                    action,
                    expect=(302,),
                    data=fields,
                    headers={"Referer": page.url},
                )
                self.seen.add(pk)
                return
        except JourneyFailed:
            return


def totp_now(secret: str) -> str:
    """The current TOTP code (RFC 6238, 30 s, 6 digits), taken early enough in its window to be valid on arrival."""
    import base64
    import hashlib
    import hmac
    import struct

    if 30 - time.time() % 30 < 3:
        time.sleep(30 - time.time() % 30 + 0.05)
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"
