"""URLs of the simulated VNeID, mounted at ``/vneid/``.

The namespace is django-oauth-toolkit's (``oauth2_provider``) because its views
reverse their sibling endpoints by those names.
"""

from django.urls import path
from oauth2_provider import views as dot

from . import views

app_name = "oauth2_provider"

urlpatterns = [
    path("login/", views.login, name="login"),
    path("login/otp/", views.one_time_code, name="otp"),
    path("done/", views.done, name="done"),
    path("authorize/", views.VNeIDAuthorizationView.as_view(), name="authorize"),
    path("token/", dot.TokenView.as_view(), name="token"),
    path("revoke_token/", dot.RevokeTokenView.as_view(), name="revoke-token"),
    path("introspect/", dot.IntrospectTokenView.as_view(), name="introspect"),
    path("userinfo/", views.VNeIDUserInfoView.as_view(), name="user-info"),
    path("logout/", views.end_session, name="end-session"),
    path(".well-known/openid-configuration", views.VNeIDDiscoveryView.as_view(), name="oidc-connect-discovery-info"),
    path(".well-known/jwks.json", dot.JwksInfoView.as_view(), name="jwks-info"),
]
