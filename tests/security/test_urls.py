"""One authorisation suite over every URL (issue #21).

Every URL pattern of the portal has an expectation in ``url_expectations.py``: for each actor of the world
(``conftest.py``), what a GET (and a POST where the URL acts) answers. One test per (pattern, method, actor)
reverses the URL with the world's objects and checks the outcome; ``test_every_url_has_an_expectation`` fails
when a pattern has none.
"""

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .conftest import ACTORS, client_of
from .url_expectations import (
    ADMIN_PREFIX,
    ADMIN_SITE,
    EXPECTATIONS,
    LOGIN,
    OK,
    REDIRECT,
    STEP_UP,
)

pytestmark = pytest.mark.django_db

LOGIN_PAGES = ("/login/", "/accounts/login/", "/admin/login/")


def outcome(response) -> str:
    status = response.status_code
    if status in (301, 302, 303, 307, 308):
        location = response["Location"]
        if location.startswith("/my-account/step-up/"):
            return STEP_UP
        if location.startswith(LOGIN_PAGES):
            return LOGIN
        return REDIRECT
    if 200 <= status < 300:
        return OK
    return str(status)


def walk(resolver=None, prefix="", namespace=""):
    """Every URL pattern as (key, route): the full name when it has one, otherwise the full route string."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern, route, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if pattern.name and namespace else pattern.name
            yield name or route, route


def test_every_url_has_an_expectation():
    """A new URL fails here until someone writes who may use it in ``url_expectations.py``."""
    missing = sorted(
        {f"{key}  ({route})" for key, route in walk() if key not in EXPECTATIONS and not route.startswith(ADMIN_PREFIX)}
    )
    assert not missing, "URL patterns without an expectation in tests/security/url_expectations.py:\n" + "\n".join(
        missing
    )


def test_no_expectation_for_a_url_that_is_gone():
    keys = {key for key, _route in walk()}
    assert not set(EXPECTATIONS) - keys, "expectations for URLs that no longer exist"


def test_every_expectation_names_every_actor_and_says_why_a_method_is_left_out():
    for key, expect in EXPECTATIONS.items():
        assert expect.get is not None or expect.post is not None or expect.why, key
        for table in (expect.get, expect.post):
            if table is not None:
                assert set(table) == set(ACTORS), f"{key}: {set(ACTORS) ^ set(table)}"


def resolve_kwargs(world, kwargs: dict) -> dict:
    resolved = {}
    for name, path in kwargs.items():
        head, *rest = path.split(".")
        if not hasattr(world, head):
            resolved[name] = path  # a literal
            continue
        value = getattr(world, head)
        for attribute in rest:
            value = getattr(value, attribute)
        resolved[name] = value
    return resolved


def address(world, key: str) -> str:
    """The URL of ``key``: reversed by name with the world's objects; an unnamed pattern's key is its route."""
    if "/" in key or "." in key:
        return "/" + key
    return reverse(key, kwargs=resolve_kwargs(world, EXPECTATIONS[key].kwargs))


CASES = [
    pytest.param(key, method, actor, id=f"{key}-{method}-{actor}")
    for key, expect in EXPECTATIONS.items()
    for method, table in (("GET", expect.get), ("POST", expect.post))
    if table is not None
    for actor in ACTORS
]


@pytest.mark.parametrize(("key", "method", "actor"), CASES)
def test_who_may_use_each_url(world, key, method, actor):
    expect = EXPECTATIONS[key]
    url = address(world, key)
    client = client_of(world, actor)
    response = client.get(url + expect.query) if method == "GET" else client.post(url, expect.data)
    wanted = (expect.get if method == "GET" else expect.post)[actor]
    got = outcome(response)
    detail = response.get("Location", "") if got in (REDIRECT, LOGIN, STEP_UP) else ""
    assert got == wanted, f"{method} {url} as {actor}: {got} {detail} (expected {wanted})"


def admin_pages():
    pages = [("admin:index", {})]
    for model in admin.site._registry:
        meta = model._meta
        pages.append((f"admin:{meta.app_label}_{meta.model_name}_changelist", {}))
    return sorted(pages)


@pytest.mark.parametrize("actor", ACTORS)
def test_the_admin_site_is_for_administrators_only(world, actor):
    """The index and every model's list: administrators (password + TOTP, ``is_staff``) only; everyone else is
    sent to the admin's login page."""
    client = client_of(world, actor)
    wrong = []
    for name, kwargs in admin_pages():
        url = reverse(name, kwargs=kwargs)
        got = outcome(client.get(url))
        if got != ADMIN_SITE[actor]:
            wrong.append(f"{url}: {got}")
    assert not wrong, f"as {actor}, expected {ADMIN_SITE[actor]}:\n" + "\n".join(wrong)
