"""Administrators publish and version procedures through /admin/."""

import pytest
from django.contrib.messages import get_messages

from procedures.models import Procedure, ProcedureVersion
from tests.staff import STAFF_PASSWORD

from . import factories

pytestmark = pytest.mark.django_db


def run_action(client, action, versions):
    response = client.post(
        "/admin/procedures/procedureversion/",
        {"action": action, "_selected_action": [v.pk for v in versions]},
        follow=True,
    )
    assert response.status_code == 200
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_admin_publishes_a_complete_draft(admin_client):
    draft = factories.draft("1.001193", "Đăng ký khai sinh")
    messages = run_action(admin_client, "publish", [draft])
    assert any("Đã công bố" in m for m in messages)
    assert Procedure.objects.get(code="1.001193").current_version_id == draft.pk


def test_admin_is_told_what_is_missing(admin_client):
    draft = factories.draft("1.001193", components=0, agencies=[])
    messages = run_action(admin_client, "publish", [draft])
    assert any("thành phần hồ sơ" in m and "cơ quan thực hiện" in m for m in messages), messages
    assert not ProcedureVersion.objects.get(pk=draft.pk).is_published


def test_admin_makes_a_new_draft_and_the_published_version_is_read_only(admin_client):
    version = factories.published("1.001193", fee=8_000)
    run_action(admin_client, "new_draft", [version])
    draft = ProcedureVersion.objects.get(procedure=version.procedure, number=2)
    assert draft.fees.get().amount == 8_000

    page = admin_client.get(f"/admin/procedures/procedureversion/{version.pk}/change/").content.decode()
    assert 'name="name"' not in page  # read-only: no input for the name
    response = admin_client.post(f"/admin/procedures/procedureversion/{version.pk}/change/", {"name": "Khác"})
    assert response.status_code == 403
    assert ProcedureVersion.objects.get(pk=version.pk).name == "Đăng ký khai sinh"
    assert 'name="name"' in admin_client.get(f"/admin/procedures/procedureversion/{draft.pk}/change/").content.decode()


def test_admin_retires_a_procedure(admin_client, client):
    version = factories.published("1.001193")
    admin_client.post(
        "/admin/procedures/procedure/", {"action": "retire", "_selected_action": [version.procedure_id]}, follow=True
    )
    assert Procedure.objects.get(pk=version.procedure_id).is_retired


def test_citizens_cannot_reach_the_admin(client, django_user_model):
    citizen = django_user_model.objects.create_user("cd", password="x", kind="citizen")
    client.force_login(citizen)
    response = client.get("/admin/procedures/procedureversion/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_admin_needs_the_second_factor(client, django_user_model):
    admin = django_user_model.objects.create_superuser("qt2", "qt2@example.vn", STAFF_PASSWORD, kind="admin")
    client.force_login(admin)  # password only: no TOTP step in this session
    response = client.get("/admin/procedures/procedureversion/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/totp/activate/")
