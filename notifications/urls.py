from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("settings/", views.preferences, name="preferences"),
    path("read-all/", views.read_all, name="read_all"),
    path("<int:pk>/", views.detail, name="detail"),
]
