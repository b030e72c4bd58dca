"""The back-office's staff pages (``/backoffice/staff/``), mounted by ``portal.urls`` before the back-office."""

from django.urls import path

from . import staff_views as views

app_name = "staff"

urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.agency, name="agency"),
    path("<str:code>/add/", views.add, name="add"),
    path("<str:code>/audit/", views.audit, name="audit"),
    path("<str:code>/officers/<int:user_id>/", views.officer, name="officer"),
    path("<str:code>/officers/<int:user_id>/roles/", views.roles, name="roles"),
    path("<str:code>/officers/<int:user_id>/deactivate/", views.deactivate, name="deactivate"),
    path("<str:code>/officers/<int:user_id>/reset/", views.reset, name="reset"),
    path("<str:code>/officers/<int:user_id>/code/", views.issue_code, name="issue_code"),
]
