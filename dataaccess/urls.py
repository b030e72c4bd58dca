from django.urls import path

from . import views

app_name = "dataaccess"

urlpatterns = [
    path("", views.my_data_access, name="mine"),
    path("<int:pk>/report/", views.report, name="report"),
]
