from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from assistant import api as assistant_api
from eservices import api as services_api
from identity import mfa_views
from monitoring import api as monitoring_api
from procedures import api as procedures_api
from records import api as records_api

from . import resilience, views

api_v1 = [
    path("procedures/", procedures_api.ProcedureListView.as_view(), name="procedure-list"),
    path("procedures/<str:code>/", procedures_api.ProcedureDetailView.as_view(), name="procedure-detail"),
    path("services/", services_api.ServiceListView.as_view(), name="service-list"),
    path("services/<slug:slug>/", services_api.ServiceDetailView.as_view(), name="service-detail"),
    path("records/", records_api.RecordFilingView.as_view(), name="record-filing"),
    path("records/lookup/", records_api.RecordLookupView.as_view(), name="record-lookup"),
    path("indicators/", monitoring_api.IndicatorsView.as_view(), name="indicators"),
    path("indicators/ranking/", monitoring_api.RankingView.as_view(), name="indicators-ranking"),
    path("assistant/", assistant_api.AssistantView.as_view(), name="assistant"),
]

urlpatterns = [
    path("", views.home, name="home"),
    # The load balancer's probes (portal/resilience.py): the process answers; its services are reachable.
    path("healthz", resilience.healthz, name="health"),
    path("readyz", resilience.readyz, name="ready"),
    # Browsers ask for /favicon.ico whatever the page's <link rel="icon"> says.
    path("favicon.ico", views.favicon),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("procedures/", include("procedures.urls")),
    # The virtual assistant: the chat page (works without JavaScript); its widget is on every page (base.html).
    path("assistant/", include("assistant.urls")),
    # Service-quality statistics: indicators, the Decision 766-style score, ranking, methodology, exports.
    path("statistics/", include("monitoring.urls")),
    path("", include("records.urls")),  # before eservices: /services/resume/ is not a service's slug
    path("services/", include("eservices.urls")),
    # Agencies manage their own staff: officers, roles, activation codes, audit list (identity.staff_views).
    path("backoffice/staff/", include("identity.staff_urls")),
    # Ratings and feedback: the agency's side (its feedback to answer, the ratings it received).
    path("backoffice/feedback/", include("feedback.backoffice_urls")),
    # The agency head's statistics: figures per period and officer, overdue and due-soon lists, the logbook (Mẫu 06).
    path("backoffice/agencies/<str:code>/statistics/", include("monitoring.backoffice_urls")),
    # Appointments: the agency's day per counter, check-in by QR or code, queue numbers, call next, no-shows.
    path("backoffice/appointments/", include("appointments.backoffice_urls")),
    path("backoffice/", include("records.backoffice_urls")),
    path("api/v1/", include((api_v1, "api"), namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file of its own: no inline script (CSP).
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("admin/", admin.site.urls),
    # Documents: the public verify page (the URL in every PDF's QR code) and downloads of issued PDFs.
    path("", include("documents.urls")),
    # Notifications: the inbox of official notifications ("Thông báo") and channel preferences.
    path("notifications/", include("notifications.urls")),
    # Identity: allauth (staff login, MFA, VNeID client), portal account pages; the simulated VNeID provider below.
    # An officer who enrols TOTP lands on the back-office, offered the recovery codes once (identity.mfa_views).
    # Enrolling it takes the one-time activation code from the officer's head first (identity.activation).
    path("accounts/2fa/totp/activate/", mfa_views.activate_totp, name="mfa_activate_totp"),
    path("accounts/2fa/activation/", mfa_views.activation_code, name="mfa_activation_code"),
    path("accounts/", include("allauth.urls")),
    path("", include("identity.urls")),
    # Data access log: who opened the citizen's data ("Tài khoản của tôi"), and reporting an access.
    path("my-account/data-access/", include("dataaccess.urls")),
    # "Giấy tờ của tôi": the VNeID wallet and the personal data store (Kho dữ liệu cá nhân).
    path("my-account/papers/", include("datastore.urls")),
    # Ratings of returned records, feedback and petitions (phản ánh, kiến nghị), the agencies' QR pages.
    path("", include("feedback.urls")),
    # Appointments (đặt lịch hẹn): book, move, cancel a slot at an agency's counter; the booking's QR code.
    path("appointments/", include("appointments.urls")),
    # Payments: the portal side (pay, callback, return, receipts).
    path("payments/", include("payments.urls")),
]

if settings.VNEID_SIMULATOR:  # the simulated VNeID provider (OpenID Connect), reached over HTTP like the real one
    urlpatterns += [path("vneid/", include("identity.vneid.urls"))]

if settings.PAYGOV_SIMULATOR:  # the simulated national payment platform, reached over HTTP like a real one
    urlpatterns += [path("paygov/", include("payments.gateway_sim.urls"))]

if settings.REMOTESIGN_SIMULATOR:  # the simulated remote-signing provider (CSC API v2), reached over HTTP
    urlpatterns += [path("remotesign/", include("remotesign.urls"))]

if settings.NATIONAL_SIMULATOR:  # the simulated national portal and EMC, reached over HTTP like the real ones
    urlpatterns += [path("national/", include("national.urls"))]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
