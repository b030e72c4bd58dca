from django.urls import path

from . import views

app_name = "records"

urlpatterns = [
    path("my/records/", views.my_records, name="mine"),
    path("my/records/<uuid:pk>/", views.detail, name="detail"),
    path("my/records/<uuid:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("my/records/<uuid:pk>/supplement/", views.supplement, name="supplement"),
    path("my/records/<uuid:pk>/result/", views.result, name="result"),
    path("my/filings/<uuid:pk>/done/", views.done, name="done"),
    path("my/filings/<uuid:pk>/discard/", views.discard, name="discard"),
    path("my/filings/<uuid:pk>/<str:step>/", views.step, name="step"),
    path("records/<uuid:pk>/attachments/<int:attachment_id>/", views.download_attachment, name="attachment"),
    path("lookup/", views.lookup, name="lookup"),
]
