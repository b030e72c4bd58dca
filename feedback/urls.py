from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("my/records/<uuid:pk>/rating/", views.rate, name="rate"),
    path("feedback/", views.send, name="send"),
    path("feedback/agencies/<str:agency_code>/", views.send, name="send_to"),
    path("feedback/agencies/<str:code>/qr/", views.agency_qr, name="agency_qr"),
    path("feedback/sent/", views.sent, name="sent"),
    path("feedback/status/", views.status, name="status"),
    path("feedback/answers/", views.answers, name="answers"),
]
