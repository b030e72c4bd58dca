"""The admin speaks Vietnamese (issue #17 item 3): every page an administrator opens, with Vietnamese active, shows no
English string of the interface; dates are typed and shown as dd/mm/yyyy; the header names the portal.

The detector: every message of Django and of the libraries whose models are in the admin is known in English (their
``en`` catalogues list each msgid). A piece of text on a page that is one of those messages (with its placeholders
filled by anything) is an untranslated string. So is a model's or field's name that is plain English, and a word of
the admin's own vocabulary (Add, Save, Delete, Filter...) left in a piece of the interface's text.
"""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import pytest
from django.apps import apps
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

SITE_PACKAGES = Path(django.__file__).parent.parent
CATALOGUES = [
    "django/conf/locale/en/LC_MESSAGES/django.po",
    "django/contrib/admin/locale/en/LC_MESSAGES/django.po",
    "django/contrib/auth/locale/en/LC_MESSAGES/django.po",
    "django/contrib/contenttypes/locale/en/LC_MESSAGES/django.po",
    "django/contrib/sessions/locale/en/LC_MESSAGES/django.po",
    "django/contrib/postgres/locale/en/LC_MESSAGES/django.po",
    "allauth/locale/en/LC_MESSAGES/django.po",
]
# The admin's own vocabulary, looked for as words in the interface's text (not in what administrators typed).
ADMIN_WORDS = [
    "Add",
    "Save",
    "Delete",
    "Filter",
    "Search",
    "Select",
    "Change",
    "History",
    "View site",
    "Log out",
    "Home",
    "Enter a valid",
    "This field",
    "Yes",
    "No",
    "Unknown",
    "Today",
    "Now",
    "Clear",
    "Choose",
    "Currently",
    "Go",
    "Action",
    "Run",
    "By",
    "All",
    "Any date",
    "Past 7 days",
    "This month",
    "This year",
    "Empty",
    "Not empty",
    "Show counts",
    "Hide counts",
]
# Still in English, app by app: a name left untranslated on purpose would be listed here ({app label: {names}}),
# and ``test_every_admin_page_reads_in_vietnamese`` fails when a listed one is found no more. None is left: the
# project's models name themselves and their fields in Vietnamese; the libraries' models without a translatable
# name (allauth's MFA authenticators, Django OAuth Toolkit's applications) are shown through proxy models that have
# one (identity.Authenticator, vneid.ClientApplication), so no migration is made in the libraries' apps.
LEFT_IN_ENGLISH: dict[str, set[str]] = {}
ADMIN_WORDS_RE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in ADMIN_WORDS) + r")(?![\w-])")
# English-looking names that are the same in Vietnamese use, Vietnamese words written without marks, and the English
# language's own name in the language picker.
SAME_IN_VIETNAMESE = {"id", "email", "url", "otp", "json", "ip", "oidc", "vneid", "sms", "pdf", "qr", "hmac", "slug"}
SAME_IN_VIETNAMESE |= {"cha", "nam", "english", "totp", "pkce", "cimd"}


def msgids(path: Path) -> list[str]:
    found, current, reading = [], None, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            current, reading = ast.literal_eval(line[6:]), True
        elif line.startswith('"') and reading:
            current += ast.literal_eval(line)
        elif reading:
            found.append(current)
            reading = False
    return [m for m in found if m]


def english_messages() -> tuple[set[str], re.Pattern]:
    """The English messages that may show in the admin: exact ones, and a pattern for those with placeholders."""
    exact, patterns = set(), []
    placeholder = re.compile(r"%\(\w+\)[sdi]|%[sdi]|\{\w*\}")
    for catalogue in CATALOGUES:
        for message in msgids(SITE_PACKAGES / catalogue):
            if not re.search(r"[A-Za-z]{2}", placeholder.sub("", message)) or message.lower() in SAME_IN_VIETNAMESE:
                continue
            with translation.override("vi"):
                if translation.gettext(message) == message and message.lower() in SAME_IN_VIETNAMESE:
                    continue
            if placeholder.search(message):
                parts = placeholder.split(message)
                if sum(len(p.strip()) for p in parts) >= 4:
                    patterns.append(".+?".join(re.escape(p) for p in parts))
            else:
                exact.add(message.strip())
    return exact, re.compile("(?:" + "|".join(patterns) + ")", re.DOTALL)


class InterfaceText(HTMLParser):
    """The text of a page an administrator reads, in pieces; what they typed (inputs, text areas, the objects in
    the lists) is kept apart as data."""

    DATA_CLASSES = ("readonly", "field-", "vTextField", "related-widget-wrapper")

    def __init__(self):
        super().__init__()
        self.pieces, self.data, self.labels = [], [], []
        self.stack = []  # (tag, is data)
        self.label_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        in_data = bool(self.stack and self.stack[-1][1])
        classes = attrs.get("class") or ""
        is_data = in_data or tag in ("textarea", "script", "style") or any(c in classes for c in self.DATA_CLASSES)
        is_data = is_data or (tag == "select" and "admin-autocomplete" in classes)
        for name in ("title", "placeholder", "aria-label", "alt"):
            if attrs.get(name):
                (self.data if in_data and name == "title" else self.pieces).append(attrs[name].strip())
        if tag == "input" and attrs.get("type") in ("submit", "button", "reset") and attrs.get("value"):
            self.pieces.append(attrs["value"].strip())
        if tag not in ("input", "img", "br", "hr", "meta", "link", "col", "source", "wbr"):
            self.stack.append((tag, is_data))
        if tag == "label" or (tag == "th" and attrs.get("scope") == "col") or tag == "h3":
            self.label_depth += 1

    def handle_endtag(self, tag):
        if tag in ("label", "th", "h3") and self.label_depth:
            self.label_depth -= 1
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, text):
        text = " ".join(text.split())
        if text:
            (self.data if self.stack and self.stack[-1][1] else self.pieces).append(text)
            if self.label_depth:  # a field's label, a column's heading, a filter's title
                self.labels.append(text.rstrip(":"))


def english_in(html: str, exact: set[str], pattern: re.Pattern) -> list[str]:
    parser = InterfaceText()
    parser.feed(html)
    found = []
    for piece in parser.pieces:
        if piece in exact or pattern.fullmatch(piece) or ADMIN_WORDS_RE.search(piece):
            found.append(piece)
    found += [label for label in parser.labels if is_english(label)]
    for piece in parser.data:  # typed data: only whole messages of the interface count
        if piece in exact and len(piece.split()) > 1:
            found.append(piece)
    return found


def is_english(label: str) -> bool:
    words = re.findall(r"[^\W\d_]+", label)
    return bool(words) and label.isascii() and not all(w.lower() in SAME_IN_VIETNAMESE for w in words)


def admin_pages() -> list[str]:
    pages = ["/admin/"]
    for model, model_admin in admin.site._registry.items():
        info = model._meta.app_label, model._meta.model_name
        pages.append(reverse("admin:app_list", args=[model._meta.app_label]))
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        if model_admin.has_add_permission(_request()):
            pages.append(reverse("admin:{}_{}_add".format(*info)))
        obj = model_admin.get_queryset(_request()).order_by("pk").first()
        if obj is not None:
            pages.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
            pages.append(reverse("admin:{}_{}_history".format(*info), args=[obj.pk]))
    return list(dict.fromkeys(pages))


def _request():
    from django.test import RequestFactory

    from identity.models import User

    request = RequestFactory().get("/admin/")
    request.user = User(is_superuser=True, is_staff=True, is_active=True)
    return request


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_model_and_app_names_are_vietnamese():
    english = []
    with translation.override("vi"):
        for model in admin.site._registry:
            meta = model._meta
            for label in (
                meta.verbose_name,
                meta.verbose_name_plural,
                apps.get_app_config(meta.app_label).verbose_name,
            ):
                if is_english(str(label)) and str(label) not in LEFT_IN_ENGLISH.get(meta.app_label, ()):
                    english.append(f"{meta.label}: {label}")
    assert not english, "\n".join(english)


def walk_admin(client) -> dict[str, set[str]]:
    """English found on each page of the admin: (url → strings)."""
    exact, pattern = english_messages()
    found = {}
    with translation.override("vi"):
        pages = admin_pages()
    for url in pages:
        response = client.get(url, headers={"Accept-Language": "vi"})
        assert response.status_code == 200, (url, response.status_code)
        english = set(english_in(response.content.decode(), exact, pattern))
        if english:
            found[url] = english
    return found


def test_every_admin_page_reads_in_vietnamese(demo, admin_client):
    found = walk_admin(admin_client)
    left = {}
    for url, english in found.items():
        app_label = url.split("/")[2]
        if english := english - LEFT_IN_ENGLISH.get(app_label, set()):
            left[url] = sorted(english)
    assert not left, "\n".join(f"{url}: {words}" for url, words in left.items())
    still = {(url.split("/")[2], word) for url, english in found.items() for word in english}
    with translation.override("vi"):
        for model in admin.site._registry:  # model names are checked by test_model_and_app_names_are_vietnamese
            meta = model._meta
            still |= {(meta.app_label, str(meta.verbose_name)), (meta.app_label, str(meta.verbose_name_plural))}
            still.add((meta.app_label, str(apps.get_app_config(meta.app_label).verbose_name)))
    stale = {(app, word) for app, words in LEFT_IN_ENGLISH.items() for word in words} - still
    assert not stale, f"Translated now: remove from LEFT_IN_ENGLISH {sorted(stale)}"


def test_the_header_names_the_portal(admin_client):
    page = admin_client.get("/admin/").content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL).group(1)
    header = re.search(r'<div id="site-name">(.*?)</div>', page, re.DOTALL).group(1)
    assert "Cổng Dịch vụ công Quốc gia" in title and "Cổng Dịch vụ công Quốc gia" in header
    assert "Django" not in title + header


def test_the_detector_finds_an_untranslated_string():
    exact, pattern = english_messages()
    assert english_in(
        '<p class="help">Hold down “Control”, or “Command” on a Mac, to select more than one.</p>', exact, pattern
    )
    assert english_in('<a class="addlink">Add thủ tục hành chính</a>', exact, pattern)
    assert english_in('<ul class="errorlist"><li>Enter a valid date.</li></ul>', exact, pattern)
    assert not english_in('<input class="vTextField" value="Civil status"><p>Lưu</p>', exact, pattern)


def test_a_date_typed_dd_mm_yyyy_in_the_admin_is_accepted_and_shown_back(admin_client):
    """A unit's date of retirement typed as administrations write it, 28/01/2021, is kept and shown the same way."""
    from procedures.models import AdministrativeUnit
    from tests.procedures import factories

    unit = factories.unit("00004", "Phường Ba Đình", level="commune", parent=factories.unit())
    url = f"/admin/procedures/administrativeunit/{unit.pk}/change/"
    form = {"code": unit.code, "name": unit.name, "name_en": "", "level": unit.level, "parent": unit.parent_id}
    response = admin_client.post(url, {**form, "retired_on": "28/01/2021", "_continue": "1"}, follow=True)
    assert response.status_code == 200
    assert AdministrativeUnit.objects.get(pk=unit.pk).retired_on.isoformat() == "2021-01-28"
    page = admin_client.get(url).content.decode()
    assert 'value="28/01/2021"' in page  # shown back in the date input as typed
    listing = admin_client.get("/admin/procedures/administrativeunit/").content.decode()
    assert "28/01/2021" in listing

    # A date that does not exist is refused in Vietnamese, saying how to write it.
    response = admin_client.post(url, {**form, "retired_on": "31/02/2021"})
    page = response.content.decode()
    assert "Ngày không hợp lệ: hãy nhập ngày/tháng/năm, ví dụ 28/01/2021" in page
    assert "Enter a valid date" not in page


def test_the_procedure_code_message_states_the_rule(admin_client):
    response = admin_client.post("/admin/procedures/procedure/add/", {"code": "4.001234", "retirement_note": ""})
    page = response.content.decode()
    assert "chữ số 1, 2 hoặc 3, một dấu chấm rồi đúng sáu chữ số" in page
