"""The head of every document names the agency's governing body, not a body it does not report to (issue #15
item 7): a city's police is headed "BỘ CÔNG AN", a ward's police the city's police, a ward's People's Committee
the city's (after the 2025 reform). Place names are never split over two lines ("HỒ / CHÍ MINH"), and inside an
agency's name a unit's kind is written in lower case ("Ủy ban nhân dân phường Bến Thành", Decree 30/2020).

Each PDF is rendered, signed and read back with pypdf, line by line.
"""

import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from documents.constants import DocumentKind
from documents.services import render_and_sign
from procedures.constants import AgencyLevel, UnitLevel
from procedures.models import Agency
from tests.procedures import factories as catalogue

from .conftest import make_document, read_pdf

pytestmark = pytest.mark.django_db


def pdf_lines(document) -> list[str]:
    """The PDF's lines as a reader sees them: non-breaking spaces read as spaces, runs of spaces as one."""
    import unicodedata

    reader = PdfReader(io.BytesIO(read_pdf(document)))
    text = unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))
    return [" ".join(line.replace("\u00a0", " ").split()) for line in text.splitlines() if line.strip()]


def header(document) -> list[str]:
    """The lines above the title: the governing body and the agency (left), the nation and motto (right)."""
    lines = pdf_lines(document)
    return lines[: next(i for i, line in enumerate(lines) if line.startswith("Số:")) + 1]


@pytest.fixture
def hcmc(db):
    """Ho Chi Minh City, one of its wards, and the agencies there as the catalogue keeps them."""
    city = catalogue.unit("79", "Thành phố Hồ Chí Minh")
    ward = catalogue.unit("26743", "Phường Bến Thành", level=UnitLevel.COMMUNE, parent=city)
    ministry = catalogue.agency("000.00.00.G12", "Bộ Công an", level=AgencyLevel.CENTRAL)
    committee = catalogue.agency("000.00.00.H79", "Ủy ban nhân dân thành phố Hồ Chí Minh", unit_=city)
    police = catalogue.agency(
        "000.00.02.H79", "Công an thành phố Hồ Chí Minh", unit_=city, parent=committee, governing_body=ministry
    )
    return {
        "city": city,
        "ward": ward,
        "committee": committee,
        "police": police,
        "ward police": catalogue.agency(
            "26743.00.01.H79",
            "Công an phường Bến Thành",
            level=AgencyLevel.COMMUNE,
            unit_=ward,
            governing_body=police,
        ),
        "ward committee": catalogue.agency(
            "26743.00.00.H79",
            "Ủy ban nhân dân phường Bến Thành",
            level=AgencyLevel.COMMUNE,
            unit_=ward,
            parent=committee,
            governing_body=committee,
        ),
        "department": catalogue.agency(
            "000.00.05.H79",
            "Sở Nông nghiệp và Môi trường thành phố Hồ Chí Minh",
            unit_=city,
            parent=committee,
            governing_body=committee,
        ),
    }


def issue(agency, subject, kind=DocumentKind.RECEIPT_APPOINTMENT):
    return render_and_sign(make_document(agency, subject, kind).pk)


def assert_no_place_split(lines):
    for line in lines:
        assert not line.endswith(("HỒ", "HỒ CHÍ", "Hồ", "Hồ Chí", "BẾN", "Bến")), f"a place name split: {line!r}"


def test_a_city_police_is_headed_by_the_ministry_not_the_city(hcmc, subject):
    lines = header(issue(hcmc["police"], subject))
    text = "\n".join(lines)
    assert "BỘ CÔNG AN" in lines
    assert "ỦY BAN NHÂN DÂN" not in text and "UBND" not in text
    assert "HỒ CHÍ MINH" in text
    assert text.index("BỘ CÔNG AN") < text.index("CÔNG AN THÀNH PHỐ")
    assert_no_place_split(lines)


def test_a_ward_police_is_headed_by_the_city_police(hcmc, subject):
    document = issue(hcmc["ward police"], subject)
    lines = header(document)
    assert "CÔNG AN THÀNH PHỐ HỒ CHÍ MINH" in lines
    assert "CÔNG AN PHƯỜNG BẾN THÀNH" in lines
    assert lines.index("CÔNG AN THÀNH PHỐ HỒ CHÍ MINH") < lines.index("CÔNG AN PHƯỜNG BẾN THÀNH")
    body = " ".join(pdf_lines(document))
    assert "Công an phường Bến Thành tiếp nhận hồ sơ" in body


def test_a_ward_committee_is_headed_by_the_city_committee(hcmc, subject):
    document = issue(hcmc["ward committee"], subject, DocumentKind.RESULT_CERTIFICATE)
    lines = header(document)
    assert "UBND THÀNH PHỐ HỒ CHÍ MINH" in lines
    # Too long for one line of its column: it wraps before the ward's name, which stays whole.
    agency = lines[lines.index("UBND THÀNH PHỐ HỒ CHÍ MINH") + 1 :]
    assert " ".join(agency[:2]) == "ỦY BAN NHÂN DÂN PHƯỜNG BẾN THÀNH" and agency[1] == "PHƯỜNG BẾN THÀNH"
    assert "Ủy ban nhân dân phường Bến Thành chứng nhận:" in pdf_lines(document)
    assert_no_place_split(lines)


def test_long_names_wrap_between_words_never_inside_a_place_name(hcmc, subject):
    lines = header(issue(hcmc["department"], subject))
    assert "UBND THÀNH PHỐ HỒ CHÍ MINH" in lines
    # Too long for its column: it wraps, but "THÀNH PHỐ HỒ CHÍ MINH" stays on one line.
    assert "THÀNH PHỐ HỒ CHÍ MINH" in lines
    assert any(line.startswith("SỞ NÔNG NGHIỆP") for line in lines)
    assert_no_place_split(lines)


def test_an_agency_without_governing_body_heads_alone_and_keeps_the_city_whole(hcmc, subject):
    lines = header(issue(hcmc["committee"], subject))
    # Not "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ / CHÍ MINH": the line breaks before the city's name.
    assert lines[:2] == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]
    assert "UBND" not in " ".join(lines) and "BỘ CÔNG AN" not in " ".join(lines)


def test_a_city_named_after_a_person_is_written_whole_in_the_place_line(hcmc, subject):
    """Decree 30/2020, Appendix I: "Thành phố Hồ Chí Minh, ngày …", not "Hồ Chí Minh, ngày …"."""
    lines = pdf_lines(issue(hcmc["police"], subject))
    assert any(line.startswith("Thành phố Hồ Chí Minh, ngày ") for line in lines)
    ward = pdf_lines(issue(hcmc["ward police"], subject))
    assert any(line.startswith("Bến Thành, ngày ") for line in ward)


def test_the_catalogue_refuses_a_capitalised_unit_kind_and_a_governing_cycle(hcmc):
    police = hcmc["ward police"]
    police.name = "Công an Phường Bến Thành"
    with pytest.raises(ValidationError) as refused:
        police.full_clean()
    assert "phường Bến Thành" in str(refused.value.message_dict["name"])
    police.name = "Công an phường Bến Thành"
    police.full_clean()
    city_police = hcmc["police"]
    city_police.governing_body = police
    with pytest.raises(ValidationError) as refused:
        city_police.full_clean()
    assert "governing_body" in refused.value.message_dict


def test_the_demo_catalogue_names_each_agency_s_governing_body():
    from demo import catalogue as demo

    demo.seed(only=set())
    governing = {a.name: a.governing_body.name if a.governing_body else None for a in Agency.objects.all()}
    assert governing["Công an thành phố Hồ Chí Minh"] == "Bộ Công an"
    assert governing["Công an phường Bến Thành"] == "Công an thành phố Hồ Chí Minh"
    assert governing["Ủy ban nhân dân phường Bến Thành"] == "Ủy ban nhân dân thành phố Hồ Chí Minh"
    assert governing["Sở Tư pháp thành phố Hà Nội"] == "Ủy ban nhân dân thành phố Hà Nội"
    assert governing["Bảo hiểm xã hội thành phố Đà Nẵng"] == "Bảo hiểm xã hội Việt Nam"
    assert governing["Ủy ban nhân dân thành phố Hà Nội"] is None and governing["Bộ Công an"] is None
    assert not [name for name in governing if " Phường " in name or " Xã " in name or " Đặc khu " in name]
    for agency in Agency.objects.select_related("unit"):
        agency.full_clean()  # every demo name follows the rule the admin enforces


def test_an_administrator_sets_the_governing_body_in_the_admin(admin_client, hcmc):
    police = hcmc["ward police"]
    police.governing_body = None
    police.save()
    url = f"/admin/procedures/agency/{police.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert 'name="governing_body"' in page and "Cơ quan chủ quản" in page
    form = {
        "code": police.code,
        "name": "Công an Phường Bến Thành",
        "name_en": "",
        "level": police.level,
        "unit": police.unit_id,
        "governing_body": hcmc["police"].pk,
        "is_active": "on",
    }
    refused = admin_client.post(url, form)
    assert refused.status_code == 200
    assert "viết “phường Bến Thành”" in refused.content.decode()
    assert 'value="Công an Phường Bến Thành"' in refused.content.decode()  # what was typed is kept
    saved = admin_client.post(url, {**form, "name": "Công an phường Bến Thành"})
    assert saved.status_code == 302, saved.content.decode()[:2000]
    police.refresh_from_db()
    assert police.governing_body == hcmc["police"]
