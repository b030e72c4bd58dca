from django.urls import path

from . import backoffice_views as views

app_name = "appointments_office"

urlpatterns = [
    path("agencies/<str:code>/", views.day, name="day"),
    path("agencies/<str:code>/check-in/", views.check_in, name="check_in"),
    path("agencies/<str:code>/counters/<int:counter>/call-next/", views.call_next, name="call_next"),
    path("agencies/<str:code>/bookings/<int:pk>/no-show/", views.no_show, name="no_show"),
]
