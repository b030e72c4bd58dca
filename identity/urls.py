from django.urls import path

from . import views

app_name = "identity"

urlpatterns = [
    path("login/", views.login, name="login"),
    path("my-account/", views.my_account, name="my_account"),
    path("my-account/step-up/", views.step_up, name="step_up"),
    path("backoffice/", views.backoffice, name="backoffice"),
    path("backoffice/agencies/<str:code>/", views.agency_desk, name="agency_desk"),
]
