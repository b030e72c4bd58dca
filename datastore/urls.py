from django.urls import path

from . import views

app_name = "datastore"

urlpatterns = [
    path("", views.my_papers, name="mine"),
    path("<uuid:pk>/copy/", views.copy, name="copy"),
]
