"""The agency head's statistics, mounted under ``/backoffice/agencies/<code>/statistics/`` (``portal.urls``)."""

from django.urls import path

from . import backoffice_views

app_name = "monitoring_office"

urlpatterns = [
    path("", backoffice_views.agency, name="agency"),
    path("logbook/", backoffice_views.logbook_page, name="logbook"),
    path("logbook.<str:fmt>", backoffice_views.logbook_export, name="logbook_export"),
]
