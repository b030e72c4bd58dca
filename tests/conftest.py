import shutil

import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _vietnamese():
    """Each test starts in the portal's default language; a request in English must not leak."""
    with translation.override("vi"):
        yield


@pytest.fixture(autouse=True)
def _celery_join_flag():
    """Undo a Celery race: eager tasks run by several threads at once (the concurrency tests) save and
    restore one process-global "joining would block" flag, and can leave it set for the next test."""
    from celery._state import _set_task_join_will_block

    yield
    _set_task_join_will_block(False)


@pytest.fixture
def admin_client(client, django_user_model):
    """An administrator as they log in: password, then TOTP (the admin site requires both). Replaces
    pytest-django's fixture of the same name, whose forced login would skip the second factor."""
    from tests.staff import STAFF_PASSWORD, login_with_totp

    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", STAFF_PASSWORD, kind="admin")
    return login_with_totp(client, admin)


@pytest.fixture
def sms_outbox(settings, tmp_path):
    """Text messages of this test, VNeID's one-time codes among them, as JSON lines in a file of its own."""
    path = tmp_path / "sms" / "outbox.log"
    settings.SMS_BACKEND = "notifications.sms.FileSmsBackend"
    settings.SMS_FILE_PATH = path
    settings.VNEID_SMS_FILE_PATH = path
    settings.REMOTESIGN_SMS_FILE_PATH = path  # the remote-signing provider's one-time codes too
    return path


@pytest.fixture(scope="session")
def signing_dir(tmp_path_factory):
    """One demo CA for the whole run: generating RSA keys for every test would only slow it down."""
    return tmp_path_factory.mktemp("signing")


@pytest.fixture(autouse=True)
def _private_documents(settings, signing_dir, tmp_path):
    """Issued PDFs and signing keys of a test stay in its temporary directories, never in var/."""
    settings.DOCUMENT_SIGNING_DIR = signing_dir
    settings.DOCUMENT_SIGNER = "documents.signing.local.LocalSigner"
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "documents.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "documents"},
        },
    }


@pytest.fixture(scope="session")
def chromium_path():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian's chromium package is needed for browser tests: apt-get install chromium")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
