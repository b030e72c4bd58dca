from django.urls import path

from . import citizen_views, views

app_name = "documents"

urlpatterns = [
    path("verify/<uuid:document_id>/", views.verify, name="verify"),
    path("documents/<uuid:document_id>/pdf/", views.download, name="download"),
    # Citizens' remote signature of a draft filing (ký số từ xa), and the signed PDFs.
    path("my/signatures/<uuid:pk>/", citizen_views.sign_filing, name="sign"),
    path("my/signatures/files/<uuid:signature_id>/", citizen_views.signed_file, name="signed_file"),
]
