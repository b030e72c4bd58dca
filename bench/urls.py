from django.db import connection
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def bare_insert(request):
    """The ceiling: one INSERT per request through Django, nothing else."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_insert (payload) VALUES (%s)", ["x"])
    return HttpResponse(status=201)


urlpatterns = [path("bench/insert/", bare_insert), path("", include("portal.urls"))]
