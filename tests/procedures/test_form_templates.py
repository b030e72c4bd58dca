"""A procedure's form templates (tờ khai, mẫu đơn) can be downloaded from its page, and the page's facts keep
label and value apart on a desktop ("Mức độ dịch vụ công trực tuyếnToàn trình" ran together)."""

import io
import re
import zipfile

import pytest

from demo import catalogue
from procedures.models import DocumentComponent

pytestmark = pytest.mark.django_db

BIRTH = "1.001193"


@pytest.fixture
def media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }
    return tmp_path


def test_the_demo_birth_registration_offers_its_form_to_download(client, media):
    catalogue.seed(only={BIRTH})
    html = client.get(f"/procedures/{BIRTH}/").content.decode()
    section = html.split("Mẫu đơn, tờ khai</h2>", 1)[1].split("</section>", 1)[0]
    link = re.search(r'<a href="(/procedures/1\.001193/forms/\d+/)" download>([^<]+)</a>', section)
    assert link, section
    assert link.group(2).startswith("Tờ khai đăng ký khai sinh")
    assert "Word (.docx)" in section

    response = client.get(link.group(1))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".docx" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(body)) as docx:
        document = docx.read("word/document.xml").decode()
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in document and "Đăng ký khai sinh" in document
    assert len(body) < 20_000


def test_a_template_is_served_only_for_its_own_published_procedure(client, media):
    catalogue.seed(only={BIRTH})
    component = DocumentComponent.objects.exclude(template_file="").get(version__procedure__code=BIRTH)
    assert client.get(f"/procedures/{BIRTH}/forms/{component.pk}/").status_code == 200
    assert client.get(f"/procedures/1.000000/forms/{component.pk}/").status_code == 404
    plain = DocumentComponent.objects.filter(version__procedure__code=BIRTH, template_file="").first()
    if plain is not None:
        assert client.get(f"/procedures/{BIRTH}/forms/{plain.pk}/").status_code == 404


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_desktop_each_fact_keeps_its_label_apart_from_its_value(page, live_server, media):
    catalogue.seed(only={BIRTH})
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/procedures/{BIRTH}/")
    pairs = page.locator(".procedure-head .facts dt").evaluate_all(
        """dts => dts.map(dt => { const dd = dt.nextElementSibling, a = dt.getBoundingClientRect(),
             b = dd.getBoundingClientRect(); return {label: dt.innerText, right: a.right, left: b.left,
             width: dt.scrollWidth, box: dt.clientWidth}; })"""
    )
    assert any(pair["label"] == "Mức độ dịch vụ công trực tuyến" for pair in pairs)
    for pair in pairs:
        assert pair["right"] + 8 <= pair["left"], pair  # a visible gap between label and value
        assert pair["width"] <= pair["box"], pair  # the label does not overflow its column


def test_seeding_again_reuses_the_form_files_instead_of_piling_up_copies(media):
    from demo import form_templates

    first = form_templates.stored("Tờ khai đăng ký khai sinh", "Đăng ký khai sinh", "1.001193-1.docx")
    again = form_templates.stored("Tờ khai đăng ký khai sinh", "Đăng ký khai sinh", "1.001193-1.docx")
    assert first == again == "procedures/forms/1.001193-1.docx"
    assert [path.name for path in (media / "procedures" / "forms").iterdir()] == ["1.001193-1.docx"]
