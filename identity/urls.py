from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "identity"

urlpatterns = [
    path("login/", views.login, name="login"),
    path("my-account/", views.my_account, name="my_account"),
    path("my-account/step-up/", views.step_up, name="step_up"),
    # The back-office lives in records (``backoffice:home``, mounted first at /backoffice/); this old
    # name only keeps ``reverse("identity:backoffice")`` working for code written before it moved.
    path("backoffice/", RedirectView.as_view(pattern_name="backoffice:home"), name="backoffice"),
]
