from django.urls import path

from .views import filing_steps, lookup, my_records, named, starting

app_name = "records"

urlpatterns = [
    # Starting a filing from a service page (the service pages themselves are eservices').
    path("services/resume/", starting.resume_start, name="resume"),
    path("services/bundles/<slug:slug>/start/", starting.start_bundle, name="start_bundle"),
    path("services/<slug:slug>/start/", starting.start_filing, name="start"),
    path("my/filings/<uuid:pk>/done/", filing_steps.done, name="done"),
    path("my/filings/<uuid:pk>/discard/", filing_steps.discard, name="discard"),
    path("my/filings/<uuid:pk>/<str:step>/", filing_steps.step, name="step"),
    path("my/records/", my_records.my_records, name="mine"),
    path("my/records/<uuid:pk>/", my_records.detail, name="detail"),
    path("my/records/named/<uuid:pk>/", named.named_detail, name="named"),
    path("my/records/<uuid:pk>/withdraw/", my_records.withdraw, name="withdraw"),
    path("my/records/<uuid:pk>/supplement/", my_records.supplement, name="supplement"),
    path("my/records/<uuid:pk>/result/", my_records.result, name="result"),
    path("records/<uuid:pk>/attachments/<int:attachment_id>/", my_records.download_attachment, name="attachment"),
    path("lookup/", lookup.lookup, name="lookup"),
]
