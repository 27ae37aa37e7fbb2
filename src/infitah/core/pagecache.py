"""Anonymous public pages answered from a cache, without running their view, and never stale.

Which pages: each app declares the URL names of its public pages (`CacheablePages` in its capability). A page is
stored only when everything says it is the same for every anonymous visitor: a GET without a session or messages
cookie (nobody signed in, no flash message waiting), a 200 answer that sets no cookie, is not marked private, and
whose rendering never asked for a CSRF token (a form posting back would carry one visitor's token to all).

The key is the host, the full path with its query string (the language is the path's prefix), so an Arabic page is
never served for a French address. Freshness: `core.pagestamps` (the entry records its stamps; a hit re-reads them).
Time alone (a consultation closing at a date, "N days left") moves no stamp: an entry lives at most
INFITAH_PAGE_CACHE_SECONDS (default 60; 0 turns the cache off).

The entries live in the cache alias "pages" (Redis when REDIS_URL is set, this process's memory otherwise); the
stamps in the shared default cache, so that two web processes never disagree on what is current.
"""

from __future__ import annotations

from dataclasses import dataclass
from hashlib import md5

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

from infitah.core import pagestamps
from infitah.core.capabilities import accepts

HEADER = "X-Infitah-Cache"


@dataclass(frozen=True)
class CacheablePages:
    """A capability's contribution: the URL names ("namespace:name") of pages the same for every anonymous
    visitor. A page about one member's things says so in its view (`page_depends_on`); otherwise any change on
    the platform makes it stale."""

    url_names: tuple[str, ...]


_cacheable: set[str] = set()
accepts(CacheablePages, lambda entry: _cacheable.update(entry.url_names))


def is_cacheable(view_name: str) -> bool:
    return view_name in _cacheable


def page_depends_on(request: HttpRequest, *collectivity_ids: int | None) -> None:
    """Say that the page being rendered shows only these collectivities' data (and the network-wide data that
    moves "site"): a change to another member's rows leaves it cached. Call it as soon as the page's collectivity
    is known, before reading the rest of its data. A None (something of the whole network) narrows nothing."""
    recording = getattr(request, "_page_stamps", None)
    if recording is None or not collectivity_ids or None in collectivity_ids:
        return
    scopes = [pagestamps.collectivity_scope(cid) for cid in collectivity_ids if cid is not None]
    # The first declaration replaces the default ("site" and "network") by "site" and the collectivities.
    declared = getattr(request, "_page_scopes", None) or {pagestamps.SITE}
    request._page_scopes = {*declared, *scopes}  # type: ignore[attr-defined]
    recording.update(pagestamps.current_stamps(scope for scope in scopes if scope not in recording))


def seconds() -> int:
    return int(getattr(settings, "INFITAH_PAGE_CACHE_SECONDS", 0) or 0)


def plain_read(request: HttpRequest) -> bool:
    """A GET or HEAD with no flash message waiting in a cookie and no API credentials: a page a cache may answer."""
    return (
        request.method in ("GET", "HEAD")
        and getattr(settings, "MESSAGES_COOKIE_NAME", "messages") not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _anonymous_read(request: HttpRequest) -> bool:
    return plain_read(request) and settings.SESSION_COOKIE_NAME not in request.COOKIES


def _key(request: HttpRequest) -> str:
    address = f"{request.get_host()}{request.get_full_path()}"
    return "page:" + md5(address.encode(), usedforsecurity=False).hexdigest()


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _from_entry(entry: tuple) -> HttpResponse:
    status, headers, content, _stamps = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HEADER] = "hit"
    return response


class PageCacheMiddleware:
    """Answers anonymous GET/HEAD requests for the declared public pages from the "pages" cache.

    Placed before the session, authentication, locale and CSRF middleware: a hit runs none of them (nor the view).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        lifetime = seconds()
        if not lifetime or not _anonymous_read(request):
            return self.get_response(request)
        pages = caches["pages"]
        key = _key(request)
        entry = pages.get(key)
        if entry is not None and pagestamps.stamps_unchanged(entry[3]):
            return _from_entry(entry)
        response = self.get_response(request)
        stamps = getattr(request, "_page_stamps", None)
        if stamps is None:
            return response  # not a declared public page (or not found)
        response[HEADER] = "miss"
        if _storable(request, response):
            scopes = getattr(request, "_page_scopes", None) or pagestamps.DEFAULT_SCOPES
            headers = [(name, value) for name, value in response.items() if name != HEADER]
            recorded = {scope: stamps[scope] for scope in scopes}
            pages.set(key, (response.status_code, headers, response.content, recorded), timeout=lifetime)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        # Read the stamps before the view reads any data: a write landing during the rendering then leaves the
        # stored entry already stale, never a stale entry under a fresh stamp.
        match = request.resolver_match
        if seconds() and _anonymous_read(request) and match is not None and match.view_name in _cacheable:
            request._page_stamps = pagestamps.current_stamps(pagestamps.DEFAULT_SCOPES)  # type: ignore[attr-defined]
        return None
