"""Settings of the portal, read from environment variables only (12-factor).

With nothing set, the portal runs on the embedded default: SQLite, Celery
tasks executed in-process, e-mail written to files under ``var/``. Setting
``DATABASE_URL`` and ``REDIS_URL`` switches to PostgreSQL and Redis.
"""

import os
import secrets
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

env = environ.Env()


# DJANGO_ENV=production turns on what a deployment needs (portal/deploy_checks.py, README "Production"): HTTPS
# only (HSTS, SSL redirect, Secure cookies), the simulators off unless a variable turns them on, and no secret made
# up on the machine: every secret comes from configuration, the same on every web node, and `manage.py check` (and
# so every start: migrate, runserver, the WSGI application) fails naming each one missing. "development" (the
# default: `make run`, the tests) generates missing secrets once under var/ and runs the simulators.
DJANGO_ENV = env.str("DJANGO_ENV", default="development")
PRODUCTION = DJANGO_ENV == "production"


def _development_secret(name: str, length: int) -> str:
    """A random value generated on first use and kept in ``var/<name>`` (readable by its owner only), so
    sessions and client registrations survive restarts; never committed. In production nothing is generated:
    the value stays empty and the portal refuses to start (portal.deploy_checks names the variable)."""
    if PRODUCTION:
        return ""
    path = VAR_DIR / name
    if not path.exists():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as handle:
            handle.write(secrets.token_urlsafe(length))
        # Atomic, so two processes starting together agree on one value.
        if path.exists():
            tmp.unlink()
        else:
            os.replace(tmp, path)
    return path.read_text().strip()


DEBUG = env.bool("DEBUG", default=False)
# In production a missing SECRET_KEY is an error of `manage.py check` (portal.deploy_checks), which needs
# settings that load: until then a random key of this process alone, which nothing else accepts.
SECRET_KEY_CONFIGURED = bool(env.str("SECRET_KEY", default=""))
SECRET_KEY = env.str("SECRET_KEY", default="") or _development_secret("secret_key", 50) or secrets.token_urlsafe(50)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Public base URL of this deployment, used in QR codes and links in documents.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Payment providers, notification channels, SMS backends, document signers and prefill sources are
# plugins in registries (common.registry). Plugins that only simulate the real thing (the local signer
# and its demo CA, SMS written to a file or kept in memory) are refused while this is off, and
# `manage.py check` names any still configured. On by default in development, so the tests and the
# demonstration run as they are; off by default in production (DJANGO_ENV=production).
ENABLE_DEMO_PLUGINS = env.bool("ENABLE_DEMO_PLUGINS", default=not PRODUCTION)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "portal.library_apps.OAuthProviderConfig",  # Django OAuth Toolkit, under a Vietnamese name in the admin
    "portal",
    "outbox",
    "identity",
    "identity.vneid",
    "audit",  # the login and staff audit logs are append-only in the database too (audit/guards.py)
    "notifications",
    "procedures",
    "eservices",
    "records",
    "dataaccess",
    "payments",
    "documents",
    "feedback",
    "datastore",  # the citizen's personal data store: results and digitised papers that live on
    "monitoring",
    "assistant",
    "appointments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # PostgreSQL or the broker away for a moment: a friendly 503 with Retry-After, not a 500 (portal/resilience.py).
    "portal.resilience.ServiceUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A request id and one JSON log line per request (portal.jsonlog); CSP, Permissions-Policy, no-store.
    "portal.jsonlog.RequestLogMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.security_headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.PortalLocaleMiddleware",
    # Before anything reads the body (CsrfViewMiddleware parses request.POST): refuses oversized requests.
    "portal.middleware.RequestSizeLimitMiddleware",
    # A NUL character in the address or a form (PostgreSQL cannot hold text with one): 400 before any view.
    "portal.middleware.NulCharacterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "identity.session_limits.SessionLimitsMiddleware",
    "identity.decorators.SecondFactorMiddleware",
    "identity.decorators.IdentityProviderUnavailableMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}")}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
# A kept connection is checked before a request reuses it: after PostgreSQL restarts, the next request opens
# a new one instead of failing on the dead one (the portal recovers without a restart).
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
# A PostgreSQL streaming replica (optional): the public catalogue's and the statistics' reads go to it, everything
# else stays on the primary (portal/replica.py).
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"].setdefault("CONN_MAX_AGE", DATABASES["default"]["CONN_MAX_AGE"])
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["portal.replica.ReplicaRouter"]
    MIDDLEWARE.append("portal.replica.ReplicaReadsMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# The cache holds sessions and short-lived copies of registry data (personal): in production give it
# a Redis database or server of its own, apart from the broker's queues.
CACHE_URL = env.str("CACHE_URL", default="") or REDIS_URL
if CACHE_URL:
    # Redis going away makes it an empty cache, logged, instead of an error (portal/cache.py).
    CACHES = {"default": {"BACKEND": "portal.cache.TolerantRedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "identity.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Vietnamese first, English as the second language.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates typed and shown as dd/mm/yyyy in Vietnamese, the admin included (portal/formats/vi/formats.py).
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    # Uploads: local files by default; e.g. MEDIA_STORAGE_BACKEND=storages.backends.s3.S3Storage with
    # MEDIA_STORAGE_OPTIONS='{"bucket_name": "...", "endpoint_url": "..."}' for S3-compatible storage
    # (pip install django-storages[s3]).
    "default": {
        "BACKEND": env.str("MEDIA_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env.json("MEDIA_STORAGE_OPTIONS", default={}),
    },
    "staticfiles": {
        "BACKEND": env.str("STATICFILES_STORAGE", default="whitenoise.storage.CompressedStaticFilesStorage")
    },
}
WHITENOISE_USE_FINDERS = True
# Uploads: a request whose body is declared larger than this is answered 413 before it is read. A record's
# files (50 MB at most) go in one request of the filing API, and the documents page sends every file chosen
# at once, for up to two records of an integrated filing; a file over 10 MB is counted but not kept
# (records.upload_handlers), whatever the request's size. Cap the proxy's bodies too.
MAX_REQUEST_BODY_SIZE = env.int("MAX_REQUEST_BODY_SIZE", default=110 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "records.upload_handlers.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# E-mail: EMAIL_URL (smtp://user:pass@host:587/?tls=True); files under var/mail by default.
_email = env.email_url("EMAIL_URL", default="filemail://")
if _email["EMAIL_BACKEND"].endswith("filebased.EmailBackend"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")
else:
    vars().update(_email)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Cổng Dịch vụ công <no-reply@dichvucong.local>")

# Celery: the broker is CELERY_BROKER_URL, RabbitMQ (amqp://user:password@host:5672/vhost) or Redis (redis://...),
# else Redis at REDIS_URL; with neither, tasks run in-process. README "Outages" says which to choose and why.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="") or REDIS_URL or "memory://"
BROKER_IS_RABBITMQ = CELERY_BROKER_URL.startswith(("amqp://", "amqps://", "pyamqp://"))
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL == "memory://")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
# Three queues, so documents (slow, CPU-bound) never hold up notifications; workers scale per queue.
CELERY_TASK_DEFAULT_QUEUE = "default"
# Durable (RabbitMQ keeps them, and their persistent messages, across its restarts; Celery's default made explicit).
CELERY_TASK_QUEUES = {
    name: {"routing_key": name, "durable": True} for name in ("default", "notifications", "documents")
}
CELERY_TASK_ROUTES = {
    "notifications.tasks.*": {"queue": "notifications"},
    "documents.tasks.*": {"queue": "documents"},
}
# A message is acknowledged after its task ran: a worker that dies mid-task leaves it to another.
# Every task is idempotent, so a redelivery has the effect of one run.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Below the visibility timeout, so a task still running is never handed to a second worker.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=150)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=170)
CELERY_WORKER_MAX_TASKS_PER_CHILD = 500
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# An unacknowledged message (its worker was killed) goes back to the queue after this many seconds:
# 3 minutes, above every task's hard time limit (170 s at most). The outbox's own sweep brings back
# the side effects of record changes sooner (about 1-2 minutes, see outbox/services.py). A broker
# that does not answer (3 s to connect, 5 s to reply) fails the publish instead of holding the
# request: the outbox's rows then wait for the sweep.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=180),
    "socket_connect_timeout": 3,
    "socket_timeout": 5,
}
if BROKER_IS_RABBITMQ:
    # RabbitMQ acknowledges each published message once it holds it (publisher confirms): a publish that
    # returns was taken, one it refused raises, and the outbox keeps the row for the sweep. An unacknowledged
    # message goes back to the queue as soon as its worker's connection drops: no visibility timeout.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"confirm_publish": True}
    CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BEAT_SCHEDULE = {
    "activate-due-procedure-versions": {
        "task": "procedures.tasks.activate_due_versions",
        "schedule": 60 * 60,
    },
    "flush-procedure-view-counts": {
        "task": "procedures.tasks.flush_view_counts",
        "schedule": 5 * 60,
    },
}
# The outbox (outbox/): rows whose relay was lost, refused or left by a dead worker are sent again.
CELERY_BEAT_SCHEDULE["outbox-sweep"] = {"task": "outbox.tasks.sweep", "schedule": 30}
CELERY_BEAT_SCHEDULE["outbox-purge"] = {"task": "outbox.tasks.purge", "schedule": 60 * 60}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "portal.api_schema.PortalAutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON bodies nested too deep, with NUL characters or infinite numbers are a 400, not a 500.
    "DEFAULT_PARSER_CLASSES": [
        "common.jsoninput.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    # How many reverse proxies stand in front of gunicorn: the client's address is then taken from
    # X-Forwarded-For that many hops back. 0 (default): REMOTE_ADDR, and a forged header changes nothing.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Cổng Dịch vụ công — API",
    "DESCRIPTION": "Public API of the national public service portal.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {"AgencyLevelEnum": "procedures.constants.AgencyLevel"},
}

SESSION_COOKIE_HTTPONLY = True
# How long a login lasts (identity/session_limits.py): citizens 20 minutes without a request or 8 hours
# in all; officers and administrators 15 minutes idle or 8 hours (a working day), and one session at a
# time (a new login ends the older one). Seconds.
CITIZEN_SESSION_IDLE_SECONDS = env.int("CITIZEN_SESSION_IDLE_SECONDS", default=20 * 60)
CITIZEN_SESSION_MAX_SECONDS = env.int("CITIZEN_SESSION_MAX_SECONDS", default=8 * 3600)
STAFF_SESSION_IDLE_SECONDS = env.int("STAFF_SESSION_IDLE_SECONDS", default=15 * 60)
STAFF_SESSION_MAX_SECONDS = env.int("STAFF_SESSION_MAX_SECONDS", default=8 * 3600)
STAFF_ONE_SESSION = env.bool("STAFF_ONE_SESSION", default=True)
# No session cookie outlives the longest absolute limit (Django's default is 14 days).
SESSION_COOKIE_AGE = max(CITIZEN_SESSION_MAX_SECONDS, STAFF_SESSION_MAX_SECONDS)
# Sessions are kept in the database only (one primary-key read a request): a Redis outage logs nobody
# out, and a logout during one cannot be undone by a stale copy left in the cache when it returns.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# HTTPS (README "Production"): on by default in production, off in development (plain http on 127.0.0.1).
# Every cookie the portal sets is Secure under SECURE_COOKIES, HttpOnly unless a script must read it (none
# does: scripts take the CSRF token from the form), SameSite=Lax (the VNeID and PayGov returns are top-level
# GETs that must carry the session).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=PRODUCTION)
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
# /healthz (and /readyz) are asked over plain http by the load balancer on the node itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# One year once the site is HTTPS only; HSTS cannot be taken back from browsers before it expires.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=PRODUCTION)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=PRODUCTION)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind a reverse proxy that terminates TLS, sets X-Forwarded-Proto and drops any the client sent.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_PROXY", default=PRODUCTION) else None
# Permissions-Policy on every response (portal.security_headers): the portal uses none of these features.
PERMISSIONS_POLICY = env.str(
    "PERMISSIONS_POLICY",
    default="accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=()",
)
# Content-Security-Policy (django-csp) on every page: scripts and styles from the portal's own static files
# only, never inline (no <script> body, style="..." or onclick=...); tests/test_production.py renders the
# pages and looks. A form may post to the portal and to the VNeID and PayGov it sends people to.
_origin = lambda url: "/".join(url.split("/")[:3]) if url.startswith("http") else ""  # noqa: E731
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # QR codes and Swagger UI's icons are data: images.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The back-office shows a record's PDF attachment, the admin its e-form preview, in a frame.
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

# --- Identity: VNeID provider and login ---
# The simulated VNeID is an OpenID Connect provider (django-oauth-toolkit) under
# /vneid/; the portal logs citizens in through it with allauth's OpenID Connect
# client, over HTTP, as it would with the real VNeID. Staff use username,
# password and TOTP. See identity/ and identity/vneid/.

# Seconds the portal keeps a person's population-registry data between the steps of a filing; any
# change made through the registry's models drops the copy at once (identity.registry.snapshot).
REGISTRY_CACHE_SECONDS = env.int("REGISTRY_CACHE_SECONDS", default=300)
# The simulated VNeID provider is mounted at /vneid/ while this is on: on by default in development, off in
# production unless VNEID_SIMULATOR=true (`manage.py check --deploy` warns while it is on).
VNEID_SIMULATOR = env.bool("VNEID_SIMULATOR", default=not PRODUCTION)
VNEID_ISSUER = env.str("VNEID_ISSUER", default=f"{PORTAL_BASE_URL}/vneid").rstrip("/")
# The portal's client registration at VNeID; dev values are generated once and kept under var/.
VNEID_CLIENT_ID = env.str("VNEID_CLIENT_ID", default="") or _development_secret("vneid_client_id", 24)
VNEID_CLIENT_SECRET = env.str("VNEID_CLIENT_SECRET", default="") or _development_secret("vneid_client_secret", 48)
# Guessing at VNeID (identity/vneid/guard.py): no account lock anyone could trigger. Per ID number and
# client (the device once it has logged in to that account, else the address), the first
# VNEID_DELAY_FREE_FAILURES wrong passwords or codes cost nothing, then each makes the next try wait
# VNEID_DELAY_BASE_SECONDS, doubled each time, at most VNEID_DELAY_MAX_SECONDS; forgotten after
# VNEID_DELAY_RESET_SECONDS without a failure or at a login. The owner gets an SMS every
# VNEID_ALERT_AFTER_FAILURES failures since their last login. Address and global limits: the
# "vneid_login_failed" rule of ACCOUNT_RATE_LIMITS, below.
VNEID_DELAY_FREE_FAILURES = env.int("VNEID_DELAY_FREE_FAILURES", default=3)
VNEID_DELAY_BASE_SECONDS = env.int("VNEID_DELAY_BASE_SECONDS", default=30)
VNEID_DELAY_MAX_SECONDS = env.int("VNEID_DELAY_MAX_SECONDS", default=15 * 60)
VNEID_DELAY_RESET_SECONDS = env.int("VNEID_DELAY_RESET_SECONDS", default=24 * 3600)
VNEID_ALERT_AFTER_FAILURES = env.int("VNEID_ALERT_AFTER_FAILURES", default=10)
VNEID_OTP_TTL_SECONDS = 300
# Wrong tries one SMS code survives; then it is void and the person logs in again for a new one.
VNEID_OTP_MAX_TRIES = 3
# The simulated VNeID sends its one-time codes to a file of its own, not through the portal's SMS.
VNEID_SMS_FILE_PATH = Path(env.str("VNEID_SMS_FILE_PATH", default=str(VAR_DIR / "vneid" / "sms.log")))
# Seconds an old signing key stays published in the JWKS after rotation (the ID token lifetime).
VNEID_ID_TOKEN_LIFETIME = 3600
# A VNeID login session (its own cookie) ends this long after the login, like the portal's citizen
# sessions; the refresh tokens it gives the relying parties last as long.
VNEID_SESSION_MAX_SECONDS = env.int("VNEID_SESSION_MAX_SECONDS", default=CITIZEN_SESSION_MAX_SECONDS)

# The ID-token signing keys of the simulated VNeID (OIDC_RSA_PRIVATE_KEY and the retired keys still
# published): in development identity.vneid puts them into OAUTH2_PROVIDER when it starts
# (VNeIDConfig.ready), from var/vneid_keys/ (created on first start; `manage.py rotate_vneid_key`
# rotates them). In production they come from configuration, the same on every node:
# VNEID_SIGNING_KEY (PEM) or VNEID_SIGNING_KEY_FILE (a mounted file), and VNEID_RETIRED_SIGNING_KEY_FILES
# (comma-separated files) for keys retired less than an ID token's lifetime ago.
VNEID_SIGNING_KEY = env.str("VNEID_SIGNING_KEY", default="", multiline=True)
if not VNEID_SIGNING_KEY and env.str("VNEID_SIGNING_KEY_FILE", default=""):
    VNEID_SIGNING_KEY = Path(env.str("VNEID_SIGNING_KEY_FILE")).read_text()
VNEID_RETIRED_SIGNING_KEYS = [
    Path(name).read_text() for name in env.list("VNEID_RETIRED_SIGNING_KEY_FILES", default=[])
]
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
OAUTH2_PROVIDER_GRANT_MODEL = "vneid.Grant"
OAUTH2_PROVIDER_ACCESS_TOKEN_MODEL = "vneid.AccessToken"  # noqa: S105
OAUTH2_PROVIDER_REFRESH_TOKEN_MODEL = "vneid.RefreshToken"  # noqa: S105
OAUTH2_PROVIDER_ID_TOKEN_MODEL = "vneid.IDToken"  # noqa: S105
OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "PKCE_REQUIRED": True,
    # RFC 9700 (OAuth 2.0 Security BCP), every gate on: no implicit or password grant, PKCE S256 only,
    # access tokens only in the Authorization header, `iss` in the authorization response, tokens
    # stored hashed, a replayed refresh token revokes its whole family. Plain-http redirect URIs only
    # while the portal itself is served over http (development, the tests); https in production.
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "COMPLIANT_BCP_RFC9700_REFRESH_TOKEN": True,
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_MATCHING": True,
    "COMPLIANT_BCP_RFC9700_PKCE_REQUIRED": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["http", "https"] if PORTAL_BASE_URL.startswith("http://") else ["https"],
    "AUTHORIZATION_CODE_EXPIRE_SECONDS": 60,
    "ACCESS_TOKEN_EXPIRE_SECONDS": VNEID_ID_TOKEN_LIFETIME,
    "ID_TOKEN_EXPIRE_SECONDS": VNEID_ID_TOKEN_LIFETIME,
    "REFRESH_TOKEN_EXPIRE_SECONDS": VNEID_SESSION_MAX_SECONDS,
    "REQUEST_APPROVAL_PROMPT": "force",
    "OAUTH2_VALIDATOR_CLASS": "identity.vneid.oauth_validator.VNeIDValidator",
    "SCOPES": {  # shown to the citizen on the consent page, in their language
        "openid": _("Xác thực danh tính (OpenID Connect)"),
        "profile": _("Họ tên, ngày sinh, giới tính, dân tộc, quê quán"),
        "idnumber": _("Số định danh cá nhân"),
        "address": _("Nơi thường trú, nơi tạm trú"),
        "phone": _("Số điện thoại"),
        "email": _("Thư điện tử"),
        "household": _("Thông tin hộ gia đình, cha mẹ, vợ/chồng"),
        "edocuments": _("Giấy tờ điện tử trong ví (giấy phép lái xe, bảo hiểm y tế, đăng ký xe)"),
    },
    "DEFAULT_SCOPES": ["openid"],
}
if VNEID_SIGNING_KEY:
    OAUTH2_PROVIDER["OIDC_RSA_PRIVATE_KEY"] = VNEID_SIGNING_KEY
    OAUTH2_PROVIDER["OIDC_RSA_PRIVATE_KEYS_INACTIVE"] = VNEID_RETIRED_SIGNING_KEYS

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "identity:my_account"
ACCOUNT_ADAPTER = "identity.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "identity.adapters.SocialAccountAdapter"
MFA_ADAPTER = "identity.adapters.MFAAdapter"
ACCOUNT_USER_DISPLAY = "identity.adapters.user_display"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
# Registry e-mail addresses may be shared within a family; they do not identify accounts here.
ACCOUNT_UNIQUE_EMAIL = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# allauth would take the site's name for e-mail subjects from the request's Host header.
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Cổng Dịch vụ công] "
# Failed logins, one mechanism (allauth's rate limits, identity/throttling.py) for both doors. Officers:
# 10 a minute per client address and 5 per 5 minutes per username. VNeID: per client address 10 a minute
# and 60 an hour (a commune office or a carrier's NAT shares one), and VNEID_GLOBAL_FAILED_LOGINS a
# minute for everyone ("key": VNeID counts all clients under one key). The page says how long to wait.
VNEID_GLOBAL_FAILED_LOGINS = env.int("VNEID_GLOBAL_FAILED_LOGINS", default=600)
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    # Wrong activation codes (identity.activation): per client address, and per account typed.
    "activation_code_failed": "10/m/ip,5/15m/key",
    "vneid_login_failed": f"10/m/ip,60/h/ip,{VNEID_GLOBAL_FAILED_LOGINS}/m/key",
}
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = True
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# How long the one-time activation code an agency head gives a new officer stays valid (identity.activation).
STAFF_ACTIVATION_CODE_HOURS = env.int("STAFF_ACTIVATION_CODE_HOURS", default=72)
MFA_TOTP_ISSUER = "Cổng Dịch vụ công"
# The VNeID client is configured from the database (SocialApp, written by
# `manage.py setup_vneid_client` and `seed_demo`) so tests can point it at a live server.

# --- Documents: PDF rendering and signing ---
# Issued PDFs go to a storage of their own with no public URL (a private bucket in
# production), served only through documents.views.download; keys and certificates of the demo signing CA live
# under var/signing. On several machines the storage is shared: e.g.
# DOCUMENTS_STORAGE_BACKEND=storages.backends.s3.S3Storage with DOCUMENTS_STORAGE_OPTIONS='{"bucket_name": "...",
# "default_acl": "private", "querystring_auth": true}' (docs/deployment.md).
STORAGES["documents"] = {
    "BACKEND": env.str("DOCUMENTS_STORAGE_BACKEND", default="documents.storage.PrivateFileSystemStorage"),
    "OPTIONS": env.json("DOCUMENTS_STORAGE_OPTIONS", default={})
    or {"location": env.str("DOCUMENTS_ROOT", default=str(VAR_DIR / "documents"))},
}
# DOCUMENT_SIGNER names the signing backend: an id of documents.signing.registry ("local", the
# pyHanko signer with the demo CA) or the dotted path of a client of a remote signing service
# implementing documents.signing.base.Signer.
DOCUMENT_SIGNER = env.str("DOCUMENT_SIGNER", default="local")
DOCUMENT_SIGNING_DIR = Path(env.str("DOCUMENT_SIGNING_DIR", default=str(VAR_DIR / "signing")))
# --- Citizens' remote signature (ký số từ xa, documents/citizen_signing) ---
# Citizens sign their e-form and PDF papers with a remote-signing provider's key through its CSC API v2 at
# REMOTESIGN_BASE_URL (default PORTAL_BASE_URL/remotesign: the simulated provider, remotesign/, mounted while
# REMOTESIGN_SIMULATOR is on; setting REMOTESIGN_BASE_URL turns it off), as client REMOTESIGN_CLIENT_ID with
# REMOTESIGN_CLIENT_SECRET (a development value is generated once under var/). The portal validates each signature's
# certificate chain up to REMOTESIGN_TRUST_ROOTS (PEM files; by default the simulator's own root under REMOTESIGN_DIR).
# The simulator keeps its CA and keys under REMOTESIGN_DIR and texts its one-time codes to REMOTESIGN_SMS_FILE_PATH.
REMOTESIGN_BASE_URL = env.str("REMOTESIGN_BASE_URL", default="").rstrip("/")
REMOTESIGN_SIMULATOR = env.bool("REMOTESIGN_SIMULATOR", default=not REMOTESIGN_BASE_URL and not PRODUCTION)
if REMOTESIGN_SIMULATOR:
    INSTALLED_APPS += ["remotesign"]
REMOTESIGN_CLIENT_ID = env.str("REMOTESIGN_CLIENT_ID", default="cong-dich-vu-cong")
REMOTESIGN_CLIENT_SECRET = env.str("REMOTESIGN_CLIENT_SECRET", default="") or _development_secret(
    "remotesign_client_secret", 48
)
REMOTESIGN_TIMEOUT = env.float("REMOTESIGN_TIMEOUT", default=10)  # seconds for each call to the provider
REMOTESIGN_DIR = Path(env.str("REMOTESIGN_DIR", default=str(VAR_DIR / "remotesign")))
REMOTESIGN_SMS_FILE_PATH = Path(env.str("REMOTESIGN_SMS_FILE_PATH", default=str(REMOTESIGN_DIR / "sms.log")))
REMOTESIGN_TRUST_ROOTS = env.list(
    "REMOTESIGN_TRUST_ROOTS", default=[str(REMOTESIGN_DIR / "root.pem")] if REMOTESIGN_SIMULATOR else []
)
CELERY_BEAT_SCHEDULE["reschedule-stale-documents"] = {
    "task": "documents.tasks.reschedule_stale_documents",
    "schedule": 10 * 60,
}
# --- Notifications: in-app inbox, e-mail and SMS (notifications/) ---
# SMS_BACKEND is the id of a backend of notifications.sms ("file": one JSON line per message in
# SMS_FILE_PATH; "memory": kept in the process, for tests) or the dotted path of another class.
SMS_BACKEND = env.str("SMS_BACKEND", default="file")
SMS_FILE_PATH = Path(env.str("SMS_FILE_PATH", default=str(VAR_DIR / "sms" / "outbox.log")))
# Deliveries still pending long after their message (broker down at commit, worker lost) are sent again.
CELERY_BEAT_SCHEDULE["resend-stale-deliveries"] = {
    "task": "notifications.tasks.resend_stale_deliveries",
    "schedule": 5 * 60,
}

# --- Payments ---
# Fees are paid through a provider of payments.providers (PAYMENT_PROVIDER). The simulated
# national payment platform is mounted at /paygov/ when PAYGOV_SIMULATOR is on and the portal
# reaches it over HTTP only, like a real one: PAYGOV_BASE_URL (default PORTAL_BASE_URL/paygov),
# PAYGOV_MERCHANT_ID and the shared HMAC secret PAYGOV_SECRET (a development value is generated
# once under var/, never committed). The simulator is on by default only while no real gateway is
# configured: setting PAYGOV_BASE_URL turns it off (`manage.py check --deploy` warns if it is on).
PAYGOV_BASE_URL = env.str("PAYGOV_BASE_URL", default="").rstrip("/")
PAYGOV_SIMULATOR = env.bool("PAYGOV_SIMULATOR", default=not PAYGOV_BASE_URL and not PRODUCTION)
if PAYGOV_SIMULATOR:
    INSTALLED_APPS += ["payments.gateway_sim"]
PAYMENT_PROVIDER = env.str("PAYMENT_PROVIDER", default="paygov")
PAYGOV_MERCHANT_ID = env.str("PAYGOV_MERCHANT_ID", default="DVCQG")
PAYGOV_SECRET = env.str("PAYGOV_SECRET", default="") or _development_secret("paygov_secret", 48)
PAYGOV_CALLBACK_MAX_AGE = env.int("PAYGOV_CALLBACK_MAX_AGE", default=300)  # seconds a signed callback stays valid
PAYGOV_TIMEOUT = env.int("PAYGOV_TIMEOUT", default=10)  # seconds for each call to the gateway
CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"] += sorted(
    {
        origin
        for origin in (_origin(VNEID_ISSUER), _origin(PAYGOV_BASE_URL))
        if origin and origin != _origin(PORTAL_BASE_URL)
    }
)
CELERY_BEAT_SCHEDULE["check-pending-payments"] = {"task": "payments.tasks.check_pending_payments", "schedule": 5 * 60}
if PAYGOV_SIMULATOR:
    CELERY_BEAT_SCHEDULE["paygov-redeliver-callbacks"] = {"task": "paygov.tasks.redeliver_callbacks", "schedule": 60}

# --- Reporting upward (EMC): each record's status change to the national portal (emc/) ---
# Every change of a record's state is sent, through the outbox, to NATIONAL_SYNC_URL as a JSON report in the national
# status codes, signed with HMAC-SHA256 under NATIONAL_SYNC_SECRET, retried with backoff while the endpoint is down.
# Nothing is sent while NATIONAL_SYNC_URL is empty. The simulated national receiver (national/) is mounted at
# /national/ while no other endpoint is configured (NATIONAL_SYNC_URL empty or on this portal itself); point
# NATIONAL_SYNC_URL at PORTAL_BASE_URL/national/api/v1/status-reports to report to it. A development secret is
# generated once under var/ for it; production sets NATIONAL_SYNC_SECRET (`manage.py check` refuses a URL without it).
NATIONAL_SYNC_URL = env.str("NATIONAL_SYNC_URL", default="")
NATIONAL_SIMULATOR = env.bool(
    "NATIONAL_SIMULATOR",
    default=not PRODUCTION and (not NATIONAL_SYNC_URL or NATIONAL_SYNC_URL.startswith(PORTAL_BASE_URL + "/")),
)
NATIONAL_SYNC_SECRET = env.str("NATIONAL_SYNC_SECRET", default="") or (
    _development_secret("national_sync_secret", 48) if NATIONAL_SIMULATOR else ""
)
NATIONAL_SYNC_CONNECT_TIMEOUT = env.float("NATIONAL_SYNC_CONNECT_TIMEOUT", default=5)  # seconds
NATIONAL_SYNC_TIMEOUT = env.float("NATIONAL_SYNC_TIMEOUT", default=10)  # seconds to read the answer
# The simulator answers 503 to every report while this is on (to try an outage of the national endpoint).
NATIONAL_SIM_OUT_OF_SERVICE = env.bool("NATIONAL_SIM_OUT_OF_SERVICE", default=False)
INSTALLED_APPS += ["emc"]
if NATIONAL_SIMULATOR:
    INSTALLED_APPS += ["national"]
# Reports the outbox gave up on (a long outage) start again, hourly.
CELERY_BEAT_SCHEDULE["emc-resend-failed"] = {"task": "emc.tasks.resend_failed", "schedule": 60 * 60}

# Records: the daily overdue scan (after midnight) and reminders to officers two working days ahead.
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE["records-scan-overdue"] = {
    "task": "records.tasks.scan_overdue",
    "schedule": crontab(hour=0, minute=15),
}
# Steps of the internal process past their due time, every half hour of the day.
CELERY_BEAT_SCHEDULE["records-scan-step-overdue"] = {
    "task": "records.tasks.scan_step_overdue",
    "schedule": crontab(minute="*/30"),
}
CELERY_BEAT_SCHEDULE["records-send-reminders"] = {
    "task": "records.tasks.send_reminders",
    "schedule": crontab(hour=7, minute=0),
}
# Office time: an online filing after OFFICE_HOURS_END (or an agency's own cut-off, Agency.online_cutoff) counts
# from the next working day; results are promised for RESULT_APPOINTMENT_TIME on their day (slips print it).
OFFICE_HOURS_END = env.str("OFFICE_HOURS_END", default="17:00")
# The office periods of a working day (8 hours), in which the steps of a procedure's internal process run: a step of
# 4 working hours handed over at 10:00 is due at 15:30 (records.deadlines.add_working_hours).
OFFICE_PERIODS = env.str("OFFICE_PERIODS", default="07:00-11:30,13:30-17:00")
RESULT_APPOINTMENT_TIME = env.str("RESULT_APPOINTMENT_TIME", default="14:00")
# Closed records are archived (never deleted) this many days after closing, nightly.
RECORD_ARCHIVE_GRACE_DAYS = env.int("RECORD_ARCHIVE_GRACE_DAYS", default=30)
# The monitoring figures count the queued record events every minute (monitoring.counting.count_pending).
CELERY_BEAT_SCHEDULE["monitoring-count-pending"] = {
    "task": "monitoring.tasks.count_pending",
    "schedule": 60.0,
}
# --- Appointments (appointments/): counters' slots, citizens' bookings, check-in and queue numbers ---
# Days ahead a citizen may book; active (not yet attended) bookings one citizen may hold; moves of one booking.
APPOINTMENTS_HORIZON_DAYS = env.int("APPOINTMENTS_HORIZON_DAYS", default=14)
APPOINTMENTS_MAX_ACTIVE = env.int("APPOINTMENTS_MAX_ACTIVE", default=3)
APPOINTMENTS_MAX_MOVES = env.int("APPOINTMENTS_MAX_MOVES", default=3)
CELERY_BEAT_SCHEDULE["appointments-send-reminders"] = {
    "task": "appointments.tasks.send_reminders",
    "schedule": crontab(minute=5),  # hourly: tomorrow's bookings, each reminded once
}
CELERY_BEAT_SCHEDULE["appointments-generate-slots"] = {
    "task": "appointments.tasks.generate_slots",
    "schedule": crontab(hour=0, minute=40),
}
CELERY_BEAT_SCHEDULE["records-archive-closed"] = {
    "task": "records.tasks.archive_closed_records",
    "schedule": crontab(hour=1, minute=30),
}
# Drafts nobody touched (saved, or a file added) for this many days are deleted with their files, nightly
# (records/purge.py; `manage.py purge_abandoned_drafts [--dry-run]` does it by hand).
DRAFT_RETENTION_DAYS = env.int("DRAFT_RETENTION_DAYS", default=90)
CELERY_BEAT_SCHEDULE["records-purge-abandoned-drafts"] = {
    "task": "records.tasks.purge_abandoned_drafts",
    "schedule": crontab(hour=2, minute=15),
}

# Logs: one JSON object a line on standard error (LOG_FORMAT=json, the default in production) or plain text
# (development), each with the request id, user id, agency and duration of the request it belongs to
# (portal.jsonlog). ID numbers and phone numbers are masked in every message; no form data, body or token
# is ever logged.
LOG_FORMAT = env.str("LOG_FORMAT", default="json" if PRODUCTION else "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "portal.jsonlog.ContextFilter"}},
    "formatters": {
        "json": {"()": "portal.jsonlog.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["context"], "formatter": LOG_FORMAT},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Django's own request logger would repeat each 4xx/5xx the request line already has, with the request.
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}

# The virtual assistant (assistant/, README "The assistant"). ASSISTANT_REPHRASER: "none" (default, no outside
# service) or "openai" (an OpenAI-compatible endpoint that only rephrases questions, never answers them).
ASSISTANT_REPHRASER = env.str("ASSISTANT_REPHRASER", default="none")
ASSISTANT_REPHRASER_URL = env.str("ASSISTANT_REPHRASER_URL", default="")
ASSISTANT_REPHRASER_MODEL = env.str("ASSISTANT_REPHRASER_MODEL", default="")
ASSISTANT_REPHRASER_API_KEY = env.str("ASSISTANT_REPHRASER_API_KEY", default="")
ASSISTANT_REPHRASER_TIMEOUT = env.float("ASSISTANT_REPHRASER_TIMEOUT", default=2.0)
ASSISTANT_RATE = env.str("ASSISTANT_RATE", default="30/minute")  # questions per client address
