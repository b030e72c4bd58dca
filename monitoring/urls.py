from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("", views.statistics, name="statistics"),
    path("ranking/", views.ranking, name="ranking"),
    path("methodology/", views.methodology, name="methodology"),
    path("export.<str:fmt>", views.export, name="export"),
]
