from django.urls import path

from . import views

app_name = "services"

urlpatterns = [
    path("", views.service_list, name="list"),
    path("resume/", views.resume_start, name="resume"),
    path("bundles/<slug:slug>/", views.bundle_detail, name="bundle"),
    path("bundles/<slug:slug>/start/", views.start_bundle, name="start_bundle"),
    path("<slug:slug>/", views.service_detail, name="detail"),
    path("<slug:slug>/start/", views.start_filing, name="start"),
]
