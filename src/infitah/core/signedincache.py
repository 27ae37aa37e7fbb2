"""Signed-in pages answered again from a cache kept per person, and never stale.

A signed-in page carries what only its visitor may see (their name, what they follow or supported, what waits for
them, a staff member's tools) and a form token of their session: no other visitor may be given it. Its visitor may be
given it again, though (a reload, the way back, a second tab): each person's page is kept under (person, session
data, language, address) and answered while nothing in the database has changed since it was rendered.

Freshness: every write the platform makes to its database moves one stamp, "writes" (see `note_write`: hooked under
every database connection, so model saves, queryset updates, bulk inserts and raw SQL all count; only the cache's and
the sessions' own tables do not). Each entry records it with "site". This is coarser than the public pages' scopes on
purpose: a signed-in page shows rows no public page does (a moderation queue, an information request, a
notification), which those scopes do not follow. Time alone moves nothing: an entry lives at most
INFITAH_PAGE_CACHE_SECONDS, as a public page does. The stamps are read before the session and the person are, so
that a write landing during the rendering leaves the entry already stale.

The form token: the page is rendered with a placeholder in place of `{% csrf_token %}` (see `form_token`; derived
from SECRET_KEY, so that no author of a comment can plant it), and each answer carries a token of the visitor's own
session in its place.

Which pages: the public pages (`CacheablePages`) and the personal pages each app declares (`PersonalPages`): GET pages
that write nothing and depend only on the database, the person, their session, the language and the address. A page
is not kept when its rendering wrote to the session, added a message, set a cookie or asked for a real form token;
a visitor with a message waiting is answered by the view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from hashlib import md5
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.crypto import salted_hmac

from infitah.core import pagecache, pagestamps
from infitah.core.capabilities import accepts

T = TypeVar("T")

HEADER = "X-Infitah-Signed-In-Cache"
WRITES = "writes"
SCOPES = frozenset({WRITES, pagestamps.SITE})
# Writing these tables is how the stamps and the sessions themselves are kept: no page shows them.
_UNCOUNTED_TABLES = ("infitah_cache", "django_session")
_WRITE_VERBS = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@dataclass(frozen=True)
class PersonalPages:
    """A capability's contribution: URL names of pages about the signed-in person only (their home, their
    notifications) that a GET only reads: kept for that person like the public pages."""

    url_names: tuple[str, ...]


_personal: set[str] = set()
accepts(PersonalPages, lambda entry: _personal.update(entry.url_names))


def placeholder() -> str:
    """What `{% csrf_token %}` renders into a page being kept: 64 characters, as a real masked token, derived from
    SECRET_KEY. Nobody can type it into a comment: every occurrence in a kept page is replaced by the reader's own
    token, and a guessable placeholder inside a link would hand that token to the link's author."""
    return salted_hmac("infitah.core.signedincache", "form token placeholder", algorithm="sha256").hexdigest()


# --- what moves the "writes" stamp ------------------------------------------------------------------------------


def counts_as_write(sql: str) -> bool:
    """Whether this statement changes what a page may show: a write to any table but the cache's and the sessions'."""
    head = sql[:240].lstrip()[:120]  # not the whole statement: a page's reads may be long, and each one is asked
    return head[:7].upper().startswith(_WRITE_VERBS) and not any(table in head for table in _UNCOUNTED_TABLES)


def note_write(execute, sql, params, many, context):
    """A connection's execute wrapper: a write moves the "writes" stamp (once per transaction).

    Never right after the statement, on the same connection: the stamps may live in the database's own cache table,
    and on SQLite an INSERT … RETURNING is still open then. The database cache swallows the error that follows:
    outside a transaction its ROLLBACK once took the insert with it (nobody could sign up), inside one the stamp
    silently stayed (a person's kept pages ignored what they had just done). So the stamp moves once the statement
    is done (pagestamps.move_after_this_statement); outside a transaction, where the write commits as it runs, it
    moves before it too."""
    connection = context["connection"]
    pagestamps.flush_deferred_moves(connection)
    if not counts_as_write(sql):
        return execute(sql, params, many, context)
    if not connection.in_atomic_block:
        pagestamps.moved_by_a_write({WRITES})
    result = execute(sql, params, many, context)
    pagestamps.move_after_this_statement(connection, {WRITES})
    return result


def flush_deferred_writes(**kwargs) -> None:
    """`request_finished` receiver: the moves still deferred by this request's writes."""
    for connection in connections.all(initialized_only=True):
        pagestamps.flush_deferred_moves(connection)


def watch_writes(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: every new database connection reports its writes."""
    if note_write not in connection.execute_wrappers:
        connection.execute_wrappers.append(note_write)


# --- the cache ----------------------------------------------------------------------------------------------------


def form_token(request: HttpRequest) -> dict[str, str]:
    """Context processor (after Django's own): in a page being kept, `{% csrf_token %}` renders the placeholder."""
    return {"csrf_token": placeholder()} if getattr(request, "_signed_in_page_key", None) else {}


def _signed_in_read(request: HttpRequest) -> bool:
    return pagecache.plain_read(request) and settings.SESSION_COOKIE_NAME in request.COOKIES


def _key(request: HttpRequest) -> str:
    # The session's data too: whatever a page might read there (and a different session of the same person).
    session = sorted(request.session.items())
    address = f"{request.user.pk}|{translation.get_language()}|{request.get_host()}{request.get_full_path()}|{session}"
    return "signed-in-page:" + md5(address.encode(), usedforsecurity=False).hexdigest()


def kept_for_person(request: HttpRequest, name: str, compute: Callable[[], T]) -> T:
    """`compute()` for the signed-in person of `request`, kept for them under `name` while no write lands (the same
    "writes" and "site" stamps as their kept pages): a fragment several of their pages share, like their account
    menu. `name` says whatever else the value depends on (the language, the current page)."""
    stamps = getattr(request, "_signed_in_stamps", None)
    if not stamps or not request.user.is_authenticated:
        return compute()
    key = (
        "person-fragment:"
        + md5(f"{request.user.pk}|{name}|{sorted(stamps.items())}".encode(), usedforsecurity=False).hexdigest()
    )
    pages = caches["pages"]
    kept = pages.get(key)
    if kept is None:
        kept = (compute(),)  # in a tuple: a kept False or None is a value, not a miss
        pages.set(key, kept, timeout=pagecache.seconds())
    return kept[0]


def _with_own_token(request: HttpRequest, content: bytes) -> bytes:
    marker = placeholder().encode()
    return content.replace(marker, get_token(request).encode()) if marker in content else content


class ReadStampsFirst:
    """Placed before the session middleware: reads the stamps of a signed-in GET before anything about the person
    or the page is read (one read of the shared cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if pagecache.seconds() and _signed_in_read(request):
            request._signed_in_stamps = pagestamps.current_stamps(SCOPES)  # type: ignore[attr-defined]
        return self.get_response(request)


class SignedInPageCacheMiddleware:
    """Placed last: answers a signed-in person's GET of a declared page with the page kept for them, or renders it
    (the view runs) and keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_signed_in_page_key", None)
        if key is None or response.has_header(HEADER) or response.streaming:
            return response
        response[HEADER] = "miss"
        if self._storable(request, response):
            # Not its own header nor the shared pages' (core.sharedpages): a kept page is answered as kept.
            headers = [(name, value) for name, value in response.items() if not name.startswith("X-Infitah-")]
            entry = (response.status_code, headers, response.content, getattr(request, "_signed_in_stamps", None))
            caches["pages"].set(key, entry, timeout=pagecache.seconds())
        response.content = _with_own_token(request, response.content)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        stamps = getattr(request, "_signed_in_stamps", None)
        match = request.resolver_match
        if (
            stamps is None
            or match is None
            or not (match.view_name in _personal or pagecache.is_cacheable(match.view_name))
            or not request.user.is_authenticated
            or request.session.get("_messages")
        ):
            return None
        key = _key(request)
        entry = caches["pages"].get(key)
        if entry is not None and entry[3] == stamps:
            return self._answer(request, entry)
        request._signed_in_page_key = key  # type: ignore[attr-defined]
        return None

    @staticmethod
    def _storable(request: HttpRequest, response: HttpResponse) -> bool:
        messages = getattr(request, "_messages", None)
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a real token: it asked for one
            and not request.session.modified
            and not getattr(messages, "added_new", False)
            and "no-store" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def _answer(request: HttpRequest, entry: tuple) -> HttpResponse:
        status, headers, content, _stamps = entry
        response = HttpResponse(_with_own_token(request, content), status=status)
        for name, value in headers:
            response[name] = value
        response[HEADER] = "hit"
        return response
