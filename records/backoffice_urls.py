from django.urls import path

from .views import approval, backoffice, bulk, counter, transfers

app_name = "backoffice"

urlpatterns = [
    path("", backoffice.home, name="home"),
    path("agencies/<str:code>/", backoffice.queue, name="queue"),
    path("agencies/<str:code>/bulk/", bulk.bulk_action, name="bulk"),
    path("agencies/<str:code>/workload/", backoffice.workload, name="workload"),
    path("agencies/<str:code>/transferred/", transfers.sent_elsewhere, name="transferred"),
    path("agencies/<str:code>/counter/", counter.counter_start, name="counter_start"),
    path("counter/<uuid:pk>/", counter.counter_form, name="counter_form"),
    path("counter/visits/<uuid:pk>/", counter.counter_visit, name="counter_visit"),
    path("records/<uuid:pk>/", backoffice.record, name="record"),
    path("records/<uuid:pk>/act/", backoffice.act, name="act"),
    path("records/<uuid:pk>/approve/", approval.approve, name="approve"),
    path("records/<uuid:pk>/result/", backoffice.result, name="result"),
    path("records/<uuid:pk>/results/<int:result_id>/", backoffice.result_file, name="result_file"),
]
