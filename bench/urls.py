from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView


@csrf_exempt
def bare_insert(request):
    """The ceiling: one INSERT per request through Django, nothing else."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_insert (payload) VALUES (%s)", ["x"])
    return HttpResponse(status=201)


@csrf_exempt
def bare_insert_with_body(request):
    """The same ceiling for a request the size of a filing: the body is read (not parsed), then one INSERT."""
    request.body  # noqa: B018 - reading the 200 KB is the point
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_insert (payload) VALUES (%s)", ["x"])
    return HttpResponse(status=201)


def one_query(request):
    """The ceiling of the public pages: one query through Django and the portal's middleware, a small JSON answer
    (what ``/healthz`` was until it stopped reading the database: liveness no longer depends on it)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


class AuthenticatedUpload(APIView):
    """What any filing pays before its own work: session, CSRF, the 200 KB multipart body, one INSERT."""

    permission_classes = [IsAuthenticated]

    def post(self, request):
        for uploaded in request.FILES.values():
            uploaded.read()
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO bench_insert (payload) VALUES (%s)", [request.data.get("service", "")])
        return Response(status=201)


urlpatterns = [
    path("bench/insert/", bare_insert),
    path("bench/insert-body/", bare_insert_with_body),
    path("bench/upload/", AuthenticatedUpload.as_view()),
    path("bench/one-query/", one_query),
    path("", include("portal.urls")),
]
