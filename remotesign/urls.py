from django.urls import path

from . import views

app_name = "remotesign"

urlpatterns = [
    path("csc/v2/info", views.info, name="info"),
    path("csc/v2/auth/login", views.login, name="login"),
    path("csc/v2/credentials/list", views.credentials_list, name="credentials-list"),
    path("csc/v2/credentials/info", views.credentials_info, name="credentials-info"),
    path("csc/v2/credentials/sendOTP", views.send_otp, name="send-otp"),
    path("csc/v2/credentials/authorize", views.authorize, name="authorize"),
    path("csc/v2/signatures/signHash", views.sign_hash, name="sign-hash"),
    # The simulator's stand-in for enrolment at the provider (identity checked there, certificate issued).
    path("sim/subscribers", views.enrol, name="enrol"),
]
