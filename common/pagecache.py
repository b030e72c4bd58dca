"""Public pages kept whole in the shared cache for anonymous visitors, answered with an ETag (304 when unchanged).

The procedure page and the home page are what everyone reads, and what they show changes only when the catalogue
does. The caller names that state in ``key`` (a procedure page: the versions it shows and the catalogue generation),
so a new publication makes a new key and shows at once: nothing has to be deleted. A visitor who is logged in, or
who has a message waiting (shown once, then gone), gets the page rendered for them as before.

What differs between two anonymous visitors on such a page is their CSRF token (the language switch and the
assistant's form post): the page is rendered once with a placeholder in its place, and each answer gets the
visitor's own token. Its ETag covers the key, the language, the address and the visitor's CSRF secret (the token
in the page the browser kept must still match its cookie), so a 304 never hands back another state or someone
else's token. A 304 costs no cache read.

Only addresses whose query string holds nothing but the parameters the page reads are cached (``params``): the
page repeats its address in the language switch, and ``?utm=...`` variants must not fill the cache. A new deploy
keeps its own pages (``release``): markup and static file names change with it.
"""

import functools
import hashlib
import logging
import os
import secrets

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags

logger = logging.getLogger(__name__)

# Stands for the visitor's CSRF token in a cached page (letters only: it survives HTML escaping unchanged).
CSRF_PLACEHOLDER = "pagecacheCsrfTokenPlaceholder"
KEY_PREFIX = "page:v2:"


# What a deploy serves, for ``release``: templates, code, translations and static files.
_RELEASE_SUFFIXES = (".html", ".py", ".mo", ".css", ".js", ".svg")
_RELEASE_SKIPPED = {".git", ".venv", "var", "node_modules", "__pycache__", "tests", "media"}


@functools.cache
def release() -> str:
    """A fingerprint of what this deploy serves (the names, sizes and times of its templates, code, translations and
    static files), taken once per process: a page kept by an earlier deploy is never served by a later one, whose
    markup, texts or static file names may differ. Every process of one deploy finds the same."""
    digest = hashlib.sha256()
    for directory, subdirectories, files in os.walk(settings.BASE_DIR):
        subdirectories[:] = sorted(d for d in subdirectories if d not in _RELEASE_SKIPPED and not d.startswith("."))
        for name in sorted(files):
            if name.endswith(_RELEASE_SUFFIXES):
                stat = os.stat(os.path.join(directory, name))
                digest.update(f"{directory}/{name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def cacheable(request, params=()) -> bool:
    """Whether this request may be answered from the whole-page cache."""
    if request.method != "GET" or any(name not in params for name in request.GET):
        return False
    if request.user.is_authenticated:
        return False
    # A waiting message ("Bạn đã đăng xuất") is part of the page once; len() loads it without marking it read.
    return not len(get_messages(request))


def anonymous_page(request, key, render, *, timeout: int, params=(), token_key=None) -> HttpResponse:
    """The page for ``key``: ``render(context)`` makes it (a 200 ``HttpResponse``), once per key for anonymous
    visitors.

    ``key``: a string naming what the page shows, or None when it cannot be named (then the page is rendered every
    time). ``token_key``: the cache key of a token that names the rest of it (the catalogue generation, renewed by
    every change of the catalogue; created here when absent): read in the same round trip as the page, and a page
    kept under another token is rendered again. ``context`` holds what ``render`` must add to its template context.
    """
    if key is None or not cacheable(request, params):
        return render({})
    page_key = (
        KEY_PREFIX
        + hashlib.sha256(f"{release()}\n{request.LANGUAGE_CODE}\n{request.get_full_path()}\n{key}".encode()).hexdigest()
    )
    kept = _cached([page_key, token_key] if token_key else [page_key])
    if kept is None:
        return render({})
    token = kept.get(token_key) if token_key else ""
    if token is None:  # first use (or the cache was emptied): every process reads the new token from now on
        token = _new_token(token_key)
        if token is None:
            return render({})
    csrf_token = get_token(request)  # the visitor's secret is now in request.META, a new one if they had none
    digest = hashlib.sha256(f"{page_key}\n{token}\n{request.META['CSRF_COOKIE']}".encode()).hexdigest()
    etag = f'"{digest[:32]}"'
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        return _headers(HttpResponseNotModified(), etag)
    stored = kept.get(page_key)
    if isinstance(stored, tuple) and stored[0] == token:
        body = stored[1]
    else:
        # The token was read before the rows the page is rendered from: a page is never kept under a token newer
        # than what it shows.
        rendered = render({"csrf_token": CSRF_PLACEHOLDER})
        if rendered.status_code != 200:
            return rendered
        body = rendered.content.decode(rendered.charset)
        _store(page_key, (token, body), timeout)
    return _headers(HttpResponse(body.replace(CSRF_PLACEHOLDER, csrf_token)), etag)


def _headers(response, etag):
    response["ETag"] = etag
    # The browser keeps it but asks each time (a new publication shows at once); no shared cache keeps it: it holds
    # the visitor's CSRF token.
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ("Cookie",))
    return response


def _cached(keys) -> dict | None:
    """The kept values of ``keys`` in one round trip; None when the cache does not answer."""
    try:
        return cache.get_many(keys)
    except Exception:  # noqa: BLE001 - a cache that does not answer only costs a rendering
        logger.warning("Page cache unreadable: rendering the page", exc_info=True)
        return None


def _new_token(token_key):
    try:
        cache.add(token_key, secrets.token_hex(8), None)
        return cache.get(token_key)
    except Exception:  # noqa: BLE001
        logger.warning("Page cache token unwritable: rendering the page", exc_info=True)
        return None


def _store(page_key, body, timeout):
    try:
        cache.set(page_key, body, timeout)
    except Exception:  # noqa: BLE001
        logger.warning("Page cache unwritable: the page is rendered again next time", exc_info=True)
