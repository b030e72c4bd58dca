from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("verify/<uuid:document_id>/", views.verify, name="verify"),
    path("documents/<uuid:document_id>/pdf/", views.download, name="download"),
]
