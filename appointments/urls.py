from django.urls import path

from . import views

app_name = "appointments"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("records/<uuid:pk>/book/", views.book_for_record, name="book_record"),
    path("procedures/<str:code>/book/", views.book_for_procedure, name="book_procedure"),
    path("qr/<str:code>.svg", views.qr, name="qr"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/move/", views.move, name="move"),
    path("<str:code>/cancel/", views.cancel, name="cancel"),
]
