from django.urls import path

from . import views

app_name = "national"

urlpatterns = [
    path("", views.figures_page, name="figures"),
    path("api/v1/status-reports", views.status_report, name="status-report"),
    path("api/v1/figures", views.figures_api, name="figures-api"),
]
