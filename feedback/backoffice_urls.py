from django.urls import path

from . import backoffice_views as views

app_name = "feedback_office"

urlpatterns = [
    path("agencies/<str:code>/", views.feedback_list, name="list"),
    path("agencies/<str:code>/ratings/", views.ratings, name="ratings"),
    path("<int:pk>/", views.feedback_detail, name="detail"),
    path("<int:pk>/publish/", views.publish, name="publish"),
]
