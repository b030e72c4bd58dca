"""Who may use each URL of the portal (issue #21): one expectation per URL pattern, checked by ``test_urls.py``.

A key is the pattern's full name (``records:detail``) or, for an unnamed pattern, its full route string
(``favicon.ico``). ``test_every_url_has_an_expectation`` walks Django's resolver and fails listing every pattern
without a key here, so a new URL cannot ship without someone deciding who may use it.

Adding a URL: add a line to ``EXPECTATIONS`` with
- ``kwargs``: each URL argument taken from the world of ``conftest.py`` (``"record_a.pk"`` is ``world.record_a.pk``;
  a value without a dot that is not an attribute of the world is used as it is);
- ``get`` / ``post``: for each actor of ``conftest.ACTORS`` the outcome (below). The profiles (``citizen_object``,
  ``agency_page``...) give the usual table; override single actors with ``{**profile, "actor": outcome}``.
  ``None`` means the method is not tested here, and ``why`` must say why (tested elsewhere, needs an outside party).

The rules it encodes: citizen B never learns that A's objects exist (404, not 403); anonymous visitors are sent to
log in; an officer gets 403 for a page of an agency or role they do not hold and never acts on another agency's
record; a level-1 session of A is sent to step up before any of a level-2 record's data.
"""

from dataclasses import dataclass, field

# Outcomes: what a response is, by its status and where it redirects.
OK = "ok"  # 2xx
LOGIN = "login"  # a redirect to a login page (the citizens', the officers' or the admin's)
STEP_UP = "step-up"  # a redirect to /my-account/step-up/ (raise the VNeID level first)
REDIRECT = "redirect"  # any other redirect (the page sends the actor on, showing nothing of the object)
BAD_REQUEST = "400"
UNAUTHORIZED = "401"
FORBIDDEN = "403"
NOT_FOUND = "404"
NOT_ALLOWED = "405"
CONFLICT = "409"

CITIZENS = ("citizen_a", "citizen_b", "citizen_a_loa1")
X_OFFICERS = ("x_receiver", "x_processor", "x_approver", "x_head")
STAFF = (*X_OFFICERS, "officer_y", "admin")
ALL = ("anonymous", *CITIZENS, *STAFF)


def everyone(outcome: str) -> dict:
    return dict.fromkeys(ALL, outcome)


def only(allowed: dict, *, others: str) -> dict:
    return {actor: allowed.get(actor, others) for actor in ALL}


PUBLIC = everyone(OK)
# A citizen's own list or settings (no object in the URL): officers are told the page is for citizens.
CITIZEN_PAGE = {"anonymous": LOGIN, **dict.fromkeys(CITIZENS, OK), **dict.fromkeys(STAFF, FORBIDDEN)}
# One of A's objects: A reads it, B gets 404, A's level-1 session steps up first, officers are refused.
CITIZEN_OBJECT = {
    "anonymous": LOGIN,
    "citizen_a": OK,
    "citizen_b": NOT_FOUND,
    "citizen_a_loa1": STEP_UP,
    **dict.fromkeys(STAFF, FORBIDDEN),
}
# Any logged-in person's own list (notifications): everyone logged in sees their own.
LOGGED_IN_PAGE = {"anonymous": LOGIN, **dict.fromkeys((*CITIZENS, *STAFF), OK)}
# Staff who do not work at X, on one of X's citizen's files: nothing there for them.
OUTSIDERS_NOT_FOUND = {"officer_y": NOT_FOUND, "admin": NOT_FOUND}
# One of A's appointments: A's sessions at either level, nobody else (B: 404).
BOOKING = CITIZEN_OBJECT | {"citizen_a_loa1": OK}
# An officer's page with no agency in the URL.
STAFF_PAGE = {"anonymous": LOGIN, **dict.fromkeys(CITIZENS, FORBIDDEN), **dict.fromkeys(STAFF, OK)}


ROLE_ACTORS = {"receiver": "x_receiver", "processor": "x_processor", "approver": "x_approver", "agency_head": "x_head"}


def seen(anonymous: str, citizens: str, staff: str) -> dict:
    """Login and account pages (allauth), the same for every citizen and every officer."""
    return {"anonymous": anonymous, **dict.fromkeys(CITIZENS, citizens), **dict.fromkeys(STAFF, staff)}


def agency_page(*roles: str, admin: str = FORBIDDEN, allowed: str = OK, others: str = FORBIDDEN) -> dict:
    """A page of agency X for its officers holding one of ``roles`` (no roles: any officer of X); the head holds
    every role: they get ``allowed``, X's other roles ``others``. Officer Y and citizens get 403."""
    allowed_outcome = allowed
    allowed = {ROLE_ACTORS[role] for role in roles} | {"x_head"} if roles else set(X_OFFICERS)
    return {
        "anonymous": LOGIN,
        **dict.fromkeys(CITIZENS, FORBIDDEN),
        **{actor: allowed_outcome if actor in allowed else others for actor in X_OFFICERS},
        "officer_y": FORBIDDEN,
        "admin": admin,
    }


def record_of_x(*roles: str, outsider: str = NOT_FOUND, allowed: str = OK, others: str = FORBIDDEN) -> dict:
    """One of agency X's records in the back-office: its officers (in ``roles``, or any) open it; officer Y and the
    administrator get ``outsider``, citizens 403 (the back-office is not theirs)."""
    page = agency_page(*roles, allowed=allowed, others=others)
    return page | {"officer_y": outsider, "admin": outsider}


ADMIN_SITE = {"anonymous": LOGIN, **dict.fromkeys((*CITIZENS, *X_OFFICERS, "officer_y"), LOGIN), "admin": OK}


@dataclass(frozen=True)
class Expect:
    get: dict | None = None
    post: dict | None = None
    kwargs: dict = field(default_factory=dict)
    query: str = ""  # added to the GET address
    data: dict = field(default_factory=dict)  # the POST body
    why: str = ""  # why a method is not tested (None), or what is special


EXPECTATIONS: dict[str, Expect] = {
    # --- Public pages ---------------------------------------------------------------------------------------
    "home": Expect(get=PUBLIC),
    "health": Expect(get=PUBLIC),
    "favicon.ico": Expect(get=everyone(REDIRECT)),
    "set_language": Expect(get=everyone(NOT_ALLOWED), post=everyone(REDIRECT), data={"language": "en", "next": "/"}),
    "procedures:list": Expect(get=PUBLIC),
    "procedures:detail": Expect(get=PUBLIC, kwargs={"code": "procedure.code"}),
    "procedures:qr": Expect(get=PUBLIC, kwargs={"code": "procedure.code"}),
    "procedures:template": Expect(
        get=everyone(NOT_FOUND),
        kwargs={"code": "procedure.code", "pk": "component.pk"},
        why="the world's components have no form template: 404 for everyone, nothing private behind it",
    ),
    "assistant:chat": Expect(get=PUBLIC),
    "monitoring:statistics": Expect(get=PUBLIC),
    "monitoring:ranking": Expect(get=PUBLIC),
    "monitoring:methodology": Expect(get=PUBLIC),
    "monitoring:export": Expect(get=PUBLIC, kwargs={"fmt": "csv"}),
    "services:list": Expect(get=PUBLIC),
    "services:bundle": Expect(get=PUBLIC, kwargs={"slug": "bundle.slug"}),
    "services:detail": Expect(get=PUBLIC, kwargs={"slug": "record_a.service.slug"}),
    "records:lookup": Expect(get=PUBLIC),
    "documents:verify": Expect(get=PUBLIC, kwargs={"document_id": "slip_a.pk"}),
    "feedback:send": Expect(get=PUBLIC),
    "feedback:send_to": Expect(get=PUBLIC, kwargs={"agency_code": "agency_x.code"}),
    "feedback:agency_qr": Expect(get=PUBLIC, kwargs={"code": "agency_x.code"}),
    "feedback:sent": Expect(get=everyone(REDIRECT), why="nothing was sent in this session: back to the form"),
    "feedback:status": Expect(get=PUBLIC),
    "feedback:answers": Expect(get=PUBLIC),
    "national:figures": Expect(get=PUBLIC),
    # --- The public API ---------------------------------------------------------------------------------------
    "api:procedure-list": Expect(get=PUBLIC),
    "api:procedure-detail": Expect(get=PUBLIC, kwargs={"code": "procedure.code"}),
    "api:service-list": Expect(get=PUBLIC),
    "api:service-detail": Expect(get=PUBLIC, kwargs={"slug": "record_a.service.slug"}),
    "api:indicators": Expect(get=PUBLIC),
    "api:indicators-ranking": Expect(get=PUBLIC),
    "api:assistant": Expect(get=everyone(NOT_ALLOWED), why="questions are POSTed: tests/assistant/"),
    "api:record-filing": Expect(
        get=everyone(NOT_ALLOWED) | {"anonymous": FORBIDDEN}, why="filing: tests/records/test_service_api.py"
    ),
    "api:record-lookup": Expect(
        get=everyone(BAD_REQUEST), why="code and ID number required: tests/records/test_lookup_private.py"
    ),
    "schema": Expect(get=PUBLIC),
    "api-docs": Expect(get=PUBLIC),
    # --- Citizens: filing -------------------------------------------------------------------------------------
    "records:resume": Expect(
        get=CITIZEN_PAGE | dict.fromkeys(CITIZENS, REDIRECT), why="nothing to resume in this session: to /services/"
    ),
    "records:start": Expect(get=CITIZEN_PAGE, kwargs={"slug": "record_a.service.slug"}),
    "records:start_bundle": Expect(get=CITIZEN_PAGE, kwargs={"slug": "bundle.slug"}),
    "records:step": Expect(get=CITIZEN_OBJECT, kwargs={"pk": "draft_a.pk", "step": "form"}),
    "records:done": Expect(get=CITIZEN_OBJECT, kwargs={"pk": "record_a.pk"}),
    "records:discard": Expect(
        get=CITIZEN_OBJECT, post=CITIZEN_OBJECT | {"citizen_a": REDIRECT}, kwargs={"pk": "draft_a.pk"}
    ),
    # --- Citizens: their records ------------------------------------------------------------------------------
    "records:mine": Expect(get=CITIZEN_PAGE),
    "records:detail": Expect(get=CITIZEN_OBJECT, kwargs={"pk": "record_a.pk"}),
    "records:named": Expect(
        get=CITIZEN_OBJECT | {"citizen_a": NOT_FOUND, "citizen_a_loa1": NOT_FOUND, "citizen_b": OK},
        kwargs={"pk": "record_a.pk"},
        why="A's record names B: B reads it here (and only here: B gets 404 on its files, payments, documents, "
        "rating); A's own record is at records:detail",
    ),
    "records:withdraw": Expect(
        get=CITIZEN_OBJECT, post=CITIZEN_OBJECT | {"citizen_a": REDIRECT}, kwargs={"pk": "open_a.pk"}
    ),
    "records:supplement": Expect(post=CITIZEN_OBJECT | {"citizen_a": REDIRECT}, kwargs={"pk": "record_a.pk"}),
    "records:result": Expect(get=CITIZEN_OBJECT, kwargs={"pk": "record_a.pk"}),
    "records:attachment": Expect(
        get=CITIZEN_OBJECT | {"anonymous": NOT_FOUND, **dict.fromkeys(X_OFFICERS, OK)} | OUTSIDERS_NOT_FOUND,
        kwargs={"pk": "record_a.pk", "attachment_id": "attachment_a.pk"},
    ),
    "feedback:rate": Expect(
        get=CITIZEN_OBJECT,
        post=CITIZEN_OBJECT | {"citizen_a": CONFLICT},
        kwargs={"pk": "record_a.pk"},
        why="A rated it already: 409",
    ),
    "documents:download": Expect(
        get=CITIZEN_OBJECT | dict.fromkeys(X_OFFICERS, OK) | {"officer_y": NOT_FOUND, "admin": OK},
        kwargs={"document_id": "slip_a.pk"},
    ),
    # --- Payments ---------------------------------------------------------------------------------------------
    "payments:pay": Expect(post=CITIZEN_OBJECT | {"citizen_a": REDIRECT}, kwargs={"pk": "record_a.pk"}),
    "payments:declare_exemption": Expect(post=CITIZEN_OBJECT | {"citizen_a": REDIRECT}, kwargs={"pk": "record_a.pk"}),
    "payments:decide_exemption": Expect(
        post=record_of_x("receiver", outsider=FORBIDDEN, allowed=REDIRECT),
        kwargs={"pk": "record_a.pk"},
        data={"decision": "approve"},
    ),
    "payments:callback": Expect(
        post=everyone(BAD_REQUEST),
        kwargs={"provider": "paygov"},
        why="server to server, signed: an unsigned call is refused whoever sends it (tests/payments/test_callbacks.py)",
    ),
    "payments:return": Expect(
        get=CITIZEN_OBJECT | {"citizen_a": REDIRECT}, kwargs={"reference": "payment_a.reference"}
    ),
    "payments:receipt": Expect(
        get=CITIZEN_OBJECT | {"anonymous": NOT_FOUND, **dict.fromkeys(X_OFFICERS, OK)} | OUTSIDERS_NOT_FOUND,
        kwargs={"reference": "payment_a.reference"},
    ),
    # --- Notifications, account, data access ------------------------------------------------------------------
    "notifications:inbox": Expect(get=LOGGED_IN_PAGE),
    "notifications:preferences": Expect(get=LOGGED_IN_PAGE),
    "notifications:read_all": Expect(post=only({"anonymous": LOGIN}, others=REDIRECT)),
    "notifications:detail": Expect(
        get=only({"anonymous": LOGIN, "citizen_a": OK, "citizen_a_loa1": OK}, others=NOT_FOUND),
        kwargs={"pk": "message_a.pk"},
        why="a level-1 session of A reads A's inbox: what was already sent by SMS and e-mail (a question for the lead)",
    ),
    "identity:login": Expect(get=PUBLIC),
    "identity:my_account": Expect(get=CITIZEN_PAGE),
    "identity:step_up": Expect(get=CITIZEN_PAGE),
    "identity:backoffice": Expect(
        get=STAFF_PAGE, why="an old name whose address, /backoffice/, is backoffice:home's (mounted first)"
    ),
    "dataaccess:mine": Expect(get=CITIZEN_PAGE),
    "dataaccess:report": Expect(
        get=CITIZEN_OBJECT | {"citizen_a_loa1": OK},
        post=CITIZEN_OBJECT | {"citizen_a": REDIRECT, "citizen_a_loa1": REDIRECT},
        kwargs={"pk": "access_a.pk"},
        why="the access log is read at level 1, as dataaccess:mine (a question for the lead)",
    ),
    # --- Back-office ------------------------------------------------------------------------------------------
    "backoffice:home": Expect(get=STAFF_PAGE),
    "backoffice:queue": Expect(get=agency_page(), kwargs={"code": "agency_x.code"}),
    "backoffice:bulk": Expect(
        post=agency_page(allowed=REDIRECT), kwargs={"code": "agency_x.code"}, data={"action": "receive"}
    ),
    "backoffice:workload": Expect(get=agency_page("agency_head"), kwargs={"code": "agency_x.code"}),
    "backoffice:transferred": Expect(get=agency_page(), kwargs={"code": "agency_x.code"}),
    "backoffice:counter_start": Expect(get=agency_page("receiver"), kwargs={"code": "agency_x.code"}),
    "backoffice:counter_form": Expect(get=record_of_x("receiver", others=NOT_FOUND), kwargs={"pk": "counter_draft.pk"}),
    "backoffice:counter_visit": Expect(get=record_of_x("receiver", others=NOT_FOUND), kwargs={"pk": "visit_x.pk"}),
    "backoffice:record": Expect(get=record_of_x(), kwargs={"pk": "open_a.pk"}),
    "backoffice:act": Expect(
        post=record_of_x(allowed=REDIRECT),
        kwargs={"pk": "open_a.pk"},
        data={"action": "receive"},
        why="X's officers are answered with a message (fee unpaid, or not their role): test_object_boundaries.py "
        "checks the record is left as it was",
    ),
    "backoffice:approve": Expect(
        post=record_of_x("approver", allowed=FORBIDDEN),
        kwargs={"pk": "open_a.pk"},
        why="a record not in processing cannot be approved, by anyone: 403 for all",
    ),
    "backoffice:result": Expect(
        post=record_of_x(allowed=REDIRECT), kwargs={"pk": "open_a.pk"}, why="no file: a message"
    ),
    "backoffice:result_file": Expect(get=record_of_x(), kwargs={"pk": "record_a.pk", "result_id": "result_a.pk"}),
    "staff:index": Expect(
        get=STAFF_PAGE | {"x_head": REDIRECT, "officer_y": REDIRECT}, why="a head of one agency goes to it"
    ),
    "staff:agency": Expect(get=agency_page("agency_head", admin=OK), kwargs={"code": "agency_x.code"}),
    "staff:add": Expect(get=agency_page("agency_head", admin=OK), kwargs={"code": "agency_x.code"}),
    "staff:audit": Expect(get=agency_page("agency_head", admin=OK), kwargs={"code": "agency_x.code"}),
    "staff:officer": Expect(
        get=agency_page("agency_head", admin=OK), kwargs={"code": "agency_x.code", "user_id": "x_processor.pk"}
    ),
    "staff:roles": Expect(
        post=agency_page("agency_head", admin=BAD_REQUEST, allowed=BAD_REQUEST),
        kwargs={"code": "agency_x.code", "user_id": "x_processor.pk"},
        why="no roles ticked: 400 for those allowed",
    ),
    "staff:deactivate": Expect(
        post=agency_page("agency_head", admin=REDIRECT, allowed=REDIRECT),
        kwargs={"code": "agency_x.code", "user_id": "x_processor.pk"},
    ),
    "staff:reset": Expect(
        post=agency_page("agency_head", admin=BAD_REQUEST, allowed=BAD_REQUEST),
        kwargs={"code": "agency_x.code", "user_id": "x_processor.pk"},
        why="no reason given: 400 for those allowed",
    ),
    "staff:issue_code": Expect(
        post=agency_page("agency_head", admin=REDIRECT, allowed=REDIRECT),
        kwargs={"code": "agency_x.code", "user_id": "x_processor.pk"},
    ),
    "feedback_office:list": Expect(get=agency_page(), kwargs={"code": "agency_x.code"}),
    "feedback_office:ratings": Expect(get=agency_page(), kwargs={"code": "agency_x.code"}),
    "feedback_office:detail": Expect(get=record_of_x(), kwargs={"pk": "feedback_x.pk"}),
    "feedback_office:publish": Expect(post=record_of_x(allowed=REDIRECT), kwargs={"pk": "feedback_x.pk"}),
    "monitoring_office:agency": Expect(get=agency_page("agency_head"), kwargs={"code": "agency_x.code"}),
    "monitoring_office:logbook": Expect(get=agency_page("agency_head"), kwargs={"code": "agency_x.code"}),
    "monitoring_office:logbook_export": Expect(
        get=agency_page("agency_head"), kwargs={"code": "agency_x.code", "fmt": "csv"}
    ),
    # --- Officers' login and second factor (allauth) ----------------------------------------------------------
    "account_login": Expect(get=seen(OK, REDIRECT, REDIRECT)),
    "account_logout": Expect(get=seen(REDIRECT, OK, OK)),
    "account_inactive": Expect(get=PUBLIC),
    "account_signup": Expect(get=seen(OK, REDIRECT, REDIRECT)),
    "account_reauthenticate": Expect(get=seen(LOGIN, FORBIDDEN, OK)),
    "account_email": Expect(get=seen(LOGIN, OK, OK)),
    "account_email_verification_sent": Expect(get=PUBLIC),
    "account_change_password": Expect(get=seen(LOGIN, REDIRECT, OK)),
    "account_set_password": Expect(get=seen(LOGIN, OK, REDIRECT)),
    "account_reset_password": Expect(get=PUBLIC),
    "account_confirm_login_code": Expect(get=seen(LOGIN, REDIRECT, REDIRECT)),
    "account_confirm_email": Expect(get=PUBLIC, kwargs={"key": "not-a-key"}),
    "account_reset_password_from_key_done": Expect(get=PUBLIC),
    "account_reset_password_from_key": Expect(get=PUBLIC, kwargs={"uidb36": "zz", "key": "not-a-key"}),
    "account_reset_password_done": Expect(get=PUBLIC),
    "mfa_index": Expect(get=seen(LOGIN, OK, OK)),
    "mfa_authenticate": Expect(get=seen(LOGIN, REDIRECT, REDIRECT)),
    "mfa_reauthenticate": Expect(get=seen(LOGIN, FORBIDDEN, REDIRECT)),
    "mfa_activate_totp": Expect(get=seen(LOGIN, REDIRECT, REDIRECT), why="the activation code first"),
    "mfa_activation_code": Expect(get=PUBLIC),
    "mfa_deactivate_totp": Expect(get=seen(LOGIN, NOT_FOUND, NOT_FOUND), why="nobody of the world has TOTP enrolled"),
    "mfa_view_recovery_codes": Expect(get=seen(LOGIN, NOT_FOUND, NOT_FOUND)),
    "mfa_generate_recovery_codes": Expect(get=seen(LOGIN, OK, REDIRECT)),
    "mfa_download_recovery_codes": Expect(get=seen(LOGIN, NOT_FOUND, NOT_FOUND)),
    "socialaccount_login_cancelled": Expect(get=PUBLIC),
    "socialaccount_login_error": Expect(get=everyone(UNAUTHORIZED)),
    "socialaccount_signup": Expect(get=everyone(LOGIN), why="only in the middle of a VNeID login"),
    "socialaccount_connections": Expect(get=seen(LOGIN, OK, OK)),
    "accounts/social/login/cancelled/": Expect(get=everyone(REDIRECT)),
    "accounts/social/login/error/": Expect(get=everyone(REDIRECT)),
    "accounts/social/signup/": Expect(get=everyone(REDIRECT)),
    "accounts/social/connections/": Expect(get=everyone(REDIRECT)),
    "openid_connect_login": Expect(
        get=everyone(NOT_FOUND),
        kwargs={"provider_id": "vneid"},
        why="no VNeID client app in the world: the login is driven in tests/identity/test_oidc_live.py",
    ),
    "openid_connect_callback": Expect(
        get=everyone(NOT_FOUND), kwargs={"provider_id": "vneid"}, why="as openid_connect_login"
    ),
    # --- The simulated VNeID (an outside party, reached over HTTP) --------------------------------------------
    "oauth2_provider:login": Expect(get=PUBLIC),
    "oauth2_provider:otp": Expect(get=everyone(REDIRECT), why="no login under way: back to the VNeID login"),
    "oauth2_provider:done": Expect(get=PUBLIC),
    "oauth2_provider:authorize": Expect(
        get=everyone(BAD_REQUEST), why="no client_id: tests/identity/test_oidc_hardening.py"
    ),
    "oauth2_provider:token": Expect(
        get=everyone(NOT_ALLOWED), why="OAuth client credentials: tests/identity/test_oidc_*"
    ),
    "oauth2_provider:revoke-token": Expect(get=everyone(NOT_ALLOWED), why="OAuth client credentials"),
    "oauth2_provider:introspect": Expect(get=everyone(FORBIDDEN), why="OAuth client credentials"),
    "oauth2_provider:user-info": Expect(get=everyone(UNAUTHORIZED), why="a bearer token, not a session"),
    "oauth2_provider:end-session": Expect(get=PUBLIC),
    "oauth2_provider:oidc-connect-discovery-info": Expect(get=PUBLIC),
    "oauth2_provider:jwks-info": Expect(get=PUBLIC),
    # --- The simulated PayGov and national portal (outside parties; their callers sign with keys) -------------
    "paygov:create": Expect(get=everyone(NOT_ALLOWED), why="signed server-to-server POSTs: tests/payments/"),
    "paygov:query": Expect(get=everyone(NOT_ALLOWED), why="signed server-to-server POSTs: tests/payments/"),
    "paygov:refund": Expect(get=everyone(NOT_ALLOWED), why="signed server-to-server POSTs: tests/payments/"),
    "paygov:statement": Expect(
        get=everyone(UNAUTHORIZED),
        kwargs={"day": "2026-01-01"},
        why="the merchant's key: tests/payments/test_reconciliation.py",
    ),
    "paygov:checkout": Expect(get=everyone(NOT_FOUND), kwargs={"transaction_id": "unknown"}),
    "national:status-report": Expect(
        get=everyone(NOT_ALLOWED), why="POSTed, signed by the portal: tests/emc/test_receiver.py"
    ),
    "national:figures-api": Expect(get=PUBLIC),
    # --- Readiness, payment start, citizens' signatures, personal data store, appointments, remote signing -------
    "ready": Expect(get=PUBLIC),
    "payments:starting": Expect(
        get=CITIZEN_OBJECT | {"citizen_a": REDIRECT, "citizen_a_loa1": REDIRECT},
        kwargs={"reference": "payment_a.reference"},
        why="A's payment is settled: on to the record's page (which asks level 2 of a level-1 session)",
    ),
    "documents:sign": Expect(get=CITIZEN_OBJECT, kwargs={"pk": "draft_a.pk"}),
    "documents:signed_file": Expect(
        get=CITIZEN_OBJECT | {"anonymous": NOT_FOUND, **dict.fromkeys(X_OFFICERS, OK)} | OUTSIDERS_NOT_FOUND,
        kwargs={"signature_id": "signature_a.pk"},
    ),
    "datastore:mine": Expect(get=CITIZEN_PAGE),
    "datastore:copy": Expect(get=CITIZEN_OBJECT, kwargs={"pk": "paper_a.pk"}),
    "appointments:mine": Expect(get=CITIZEN_PAGE),
    "appointments:book_record": Expect(
        get=CITIZEN_OBJECT | {"citizen_a": REDIRECT},
        kwargs={"pk": "open_a.pk"},
        why="A has booked for it already: on to the booking",
    ),
    "appointments:book_procedure": Expect(get=CITIZEN_PAGE, kwargs={"code": "procedure.code"}),
    "appointments:qr": Expect(
        get=PUBLIC,
        kwargs={"code": "booking_a.code"},
        why="the SMS's link: the QR carries only the check-in URL with the code its holder knows already",
    ),
    # A booking says when and where, and the record's code, as "Hồ sơ của tôi" lists at level 1: no step-up.
    "appointments:detail": Expect(get=BOOKING, kwargs={"code": "booking_a.code"}),
    "appointments:move": Expect(get=BOOKING, kwargs={"code": "booking_a.code"}),
    "appointments:cancel": Expect(
        post=BOOKING | dict.fromkeys(("citizen_a", "citizen_a_loa1"), REDIRECT), kwargs={"code": "booking_a.code"}
    ),
    "appointments_office:day": Expect(get=agency_page(), kwargs={"code": "agency_x.code"}),
    "appointments_office:check_in": Expect(post=agency_page(allowed=REDIRECT), kwargs={"code": "agency_x.code"}),
    "appointments_office:call_next": Expect(
        post=agency_page(allowed=REDIRECT), kwargs={"code": "agency_x.code", "counter": "counter_x.pk"}
    ),
    "appointments_office:no_show": Expect(
        post=agency_page(allowed=REDIRECT), kwargs={"code": "agency_x.code", "pk": "booking_a.pk"}
    ),
    "remotesign:info": Expect(
        get=everyone(NOT_ALLOWED), why="the simulated remote-signing provider (CSC API, POSTed): tests/remotesign/"
    ),
    "remotesign:login": Expect(get=everyone(NOT_ALLOWED), why="the simulated provider: tests/remotesign/"),
    "remotesign:credentials-list": Expect(get=everyone(NOT_ALLOWED), why="the simulated provider: tests/remotesign/"),
    "remotesign:credentials-info": Expect(get=everyone(NOT_ALLOWED), why="the simulated provider: tests/remotesign/"),
    "remotesign:send-otp": Expect(get=everyone(NOT_ALLOWED), why="the simulated provider: tests/remotesign/"),
    "remotesign:authorize": Expect(get=everyone(NOT_ALLOWED), why="the simulated provider: tests/remotesign/"),
    "remotesign:sign-hash": Expect(get=everyone(NOT_ALLOWED), why="the simulated provider: tests/remotesign/"),
    "remotesign:enrol": Expect(get=everyone(NOT_ALLOWED), why="the simulated provider: tests/remotesign/"),
}

# Every pattern of the admin site (``admin:``, and its unnamed object URLs) is the administrators' alone: the
# suite checks its index and every model's list and add pages; the per-object pages share the admin's own check.
ADMIN_PREFIX = "admin/"
