"""Each procedure's internal process (issue #16 item 2): administrators describe the steps after reception in the
admin, for every agency or for one that differs, even on a published version; the working time of each process adds
up to the procedure's legal time limit, or the admin says what is wrong and keeps what was typed."""

import pytest

from procedures import process
from procedures.models import ProcessStep

from . import factories

pytestmark = pytest.mark.django_db

STEPS = [
    ("receive", "Tiếp nhận hồ sơ, chuyển phòng chuyên môn", "Bộ phận một cửa", 4),
    ("process", "Thẩm định hồ sơ", "Phòng Tư pháp", 12),
    ("consult", "Lấy ý kiến Công an phường", "Công an phường", 4),
    ("leader", "Trình lãnh đạo xem xét", "Phòng Tư pháp", 2),
    ("sign", "Lãnh đạo ký duyệt", "Lãnh đạo UBND", 1),
    ("return", "Trả kết quả", "Bộ phận một cửa", 1),
]


def post_steps(admin_client, version, steps, agency=None):
    data = {
        "process_steps-TOTAL_FORMS": str(len(steps)),
        "process_steps-INITIAL_FORMS": "0",
        "process_steps-MIN_NUM_FORMS": "0",
        "process_steps-MAX_NUM_FORMS": "1000",
    }
    for i, (kind, name, unit, hours) in enumerate(steps):
        data.update(
            {
                f"process_steps-{i}-order": str(i + 1),
                f"process_steps-{i}-kind": kind,
                f"process_steps-{i}-name": name,
                f"process_steps-{i}-unit": unit,
                f"process_steps-{i}-working_hours": str(hours),
                f"process_steps-{i}-agency": str(agency.pk) if agency else "",
            }
        )
    return admin_client.post(f"/admin/procedures/internalprocess/{version.pk}/change/", data)


def test_steps_adding_up_to_the_legal_limit_are_saved_on_a_published_version(admin_client):
    version = factories.published(days=3)  # 3 working days: 24 working hours
    response = post_steps(admin_client, version, STEPS)
    assert response.status_code == 302
    saved = list(ProcessStep.objects.filter(version=version).order_by("order"))
    assert [(s.kind, s.working_hours) for s in saved] == [(kind, hours) for kind, _n, _u, hours in STEPS]
    assert process.steps_for(version, None) == saved


def test_steps_that_do_not_add_up_are_refused_with_what_to_fix_and_kept_as_typed(admin_client):
    version = factories.published(days=3)
    too_long = [*STEPS[:-1], ("return", "Trả kết quả", "Bộ phận một cửa", 9)]
    response = post_steps(admin_client, version, too_long)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tổng thời gian các bước của quy trình chung là 32 giờ làm việc" in page
    assert "3 ngày làm việc (24 giờ)" in page
    assert "Lấy ý kiến Công an phường" in page  # what was typed is still there
    assert not ProcessStep.objects.filter(version=version).exists()


def test_an_agency_with_its_own_process_follows_it_and_others_the_common_one(admin_client):
    agency = factories.agency()
    other = factories.agency(code="000.00.02.H01", name="Công an thành phố Hà Nội")
    version = factories.published(days=3)
    assert post_steps(admin_client, version, STEPS).status_code == 302
    own = [("receive", "Tiếp nhận", "Một cửa", 8), ("process", "Xử lý", "Phòng", 14), ("sign", "Ký", "Lãnh đạo", 2)]
    ProcessStep.objects.bulk_create(
        ProcessStep(version=version, agency=agency, order=i + 1, kind=k, name=n, unit=u, working_hours=h)
        for i, (k, n, u, h) in enumerate(own)
    )
    assert [s.name for s in process.steps_for(version, agency)] == ["Tiếp nhận", "Xử lý", "Ký"]
    assert len(process.steps_for(version, other)) == len(STEPS)
    assert process.check_step_times(3, [(agency, 8), (agency, 14), (None, 24)]) == [
        "Tổng thời gian các bước của "
        + agency.name
        + " là 22 giờ làm việc; phải bằng thời hạn giải quyết 3 ngày làm việc (24 giờ). Hãy sửa thời gian của các bước."
    ]


def test_the_demo_describes_the_internal_process_of_birth_and_residence_registration():
    from demo import catalogue
    from demo import process_steps as demo_steps
    from procedures.models import Procedure

    catalogue.seed(only={demo_steps.BIRTH, demo_steps.RESIDENCE})
    assert demo_steps.seed() == "internal process of 2 procedures"
    assert demo_steps.seed() == "internal process of 0 procedures"  # idempotent
    for code in (demo_steps.BIRTH, demo_steps.RESIDENCE):
        version = Procedure.objects.get(code=code).current_version
        steps = process.steps_for(version, None)
        assert sum(step.working_hours for step in steps) == version.processing_days * 8
        assert [step.kind for step in steps][-3:] == ["leader", "sign", "return"]
    residence = Procedure.objects.get(code=demo_steps.RESIDENCE).current_version
    assert "consult" in [step.kind for step in process.steps_for(residence, None)]
