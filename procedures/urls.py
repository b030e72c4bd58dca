from django.urls import path

from . import views

app_name = "procedures"

urlpatterns = [
    path("", views.procedure_list, name="list"),
    path("<str:code>/", views.procedure_detail, name="detail"),
    path("<str:code>/qr.svg", views.procedure_qr, name="qr"),
    path("<str:code>/forms/<int:pk>/", views.component_template, name="template"),
]
