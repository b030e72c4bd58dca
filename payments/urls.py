from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("records/<uuid:pk>/pay/", views.pay, name="pay"),
    path("starting/<str:reference>/", views.starting, name="starting"),
    path("records/<uuid:pk>/exemption/", views.declare_exemption, name="declare_exemption"),
    path("records/<uuid:pk>/exemption/decision/", views.decide_exemption, name="decide_exemption"),
    path("callback/<str:provider>/", views.callback, name="callback"),
    path("return/<str:reference>/", views.payment_return, name="return"),
    path("receipts/<str:reference>/", views.receipt, name="receipt"),
]
