from django.urls import path

from . import views

app_name = "paygov"

urlpatterns = [
    path("api/v1/payments", views.create_payment, name="create"),
    path("api/v1/payments/query", views.query_payment, name="query"),
    path("api/v1/refunds", views.refund, name="refund"),
    path("api/v1/statements/<str:day>.csv", views.statement, name="statement"),
    path("pay/<str:transaction_id>/", views.checkout, name="checkout"),
]
