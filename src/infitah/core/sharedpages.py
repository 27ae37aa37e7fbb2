"""Public pages shared by the signed-in people who hold no power: rendered once, completed for each reader.

A citizen reading a public page sees what an anonymous visitor sees, but for the page's personal parts: their account
menu, their Follow and Support buttons, the forms of a comment thread, the edit link of their own comment. Rendering
the whole page for each of them costs 10 to 50 times a bare request (docs/performance.md); rendering those few parts
costs little. So a page kind an app declares (`SharedPages`) is, for such a reader:

1. rendered once per address and language AS AN ANONYMOUS VISITOR with an empty session, each personal part leaving
   a signed marker in its place (`marker`; `personal_inclusion_tag` makes a tag such a part). The shared copy
   therefore holds nobody's data: what a reader could wrongly be given from it is the anonymous page, never another
   person's.
2. kept in the "pages" cache with the public pages' stamps (core.pagestamps: what it shows is what the anonymous page
   shows, and it is stale when that one is);
3. completed for each reader: every marker replaced by its part rendered for them now (batched per part and model).

Who is given a shared copy: a signed-in person with no power anywhere (not staff, and no app's `Powers` says they hold
one: a role in a collectivity, a seat on an advisory body, an association to speak for). Such a power may show them
more than a citizen on a public page; their pages are rendered for them (and kept for them: core.signedincache).

A page kind may be declared only once its view is known to give such a person the anonymous page outside its
personal parts; tests/core/test_shared_pages_demo.py checks it on the demo for people in different states.
"""

from __future__ import annotations

import operator
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from hashlib import md5
from importlib import import_module
from typing import Any

from django import template
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.template.loader import get_template
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from infitah.core import pagecache, pagestamps
from infitah.core.capabilities import accepts
from infitah.core.partobjects import Loader, kept_per_process, objects_for
from infitah.core.signedincache import placeholder

HEADER = "X-Infitah-Shared"


@dataclass(frozen=True)
class SharedPages:
    """A capability's contribution: URL names of public pages (already `CacheablePages`) whose view gives a signed-in
    person without power the anonymous page but for its personal parts. `to_everyone`: and so it does to everyone
    signed in, whatever their powers (staff, roles, seats, representations): whatever it shows them more is a
    personal part too."""

    url_names: tuple[str, ...]
    # A function of the signed-in reader instead: given to a reader with a power when it says that the page's rows are,
    # for them, those an anonymous visitor is given (an events list, for someone who may see no unpublished event).
    to_everyone: bool | Callable[[Any], bool] = False


@dataclass(frozen=True)
class Powers:
    """A capability's contribution: `holders()` is a queryset of the user ids holding a power of this app (a role, a
    seat, a representation) that may show them more than a citizen sees on some public page."""

    name: str
    holders: Callable[[], QuerySet[Any]]
    # What a person known to hold none of it is known to hold (their roles: none), so their page asks no more.
    not_held: Callable[[Any], None] | None = None


Build = Callable[..., dict]
Alike = Callable[[HttpRequest, Any, str], str | None]  # None: the part is rendered for this reader


@dataclass(frozen=True)
class PersonalPart:
    """A part of a page rendered for its reader: `render(request, obj, key)` gives its HTML (obj is None for a part
    about no object; `key`, "" by default, says which piece of obj, as the marker carried it). `load`, when given,
    loads the objects of one model at once, once per copy, with the reader's own state (core.partobjects: the
    annotations the part reads instead of querying per object); by default they are read by primary key.
    `alike(request, obj, key)`, when given, says what the part's HTML depends on for a reader WITHOUT POWER beyond the
    copy it completes (its address, language and stamps): the readers without power it gives the same answer are given
    the same HTML, rendered once per copy in each process (a consultation's forms, for every citizen who may
    contribute); None has it rendered for this reader (a thread they wrote on). A reader with a power has the part
    rendered, unless `same_for_all(obj)` says a powers-only part shows obj alike to every reader (a commitment none of
    whose co-owners waits for verification): they are given the copy's own; or unless `alike_with_powers(request, obj,
    key)` says what the part depends on among their powers (None: on more than it can say): the readers with a power
    giving the same answer are given the same HTML, rendered once per copy (a member's programs, for every staff member
    of it; a Moderate link, for every moderator)."""

    name: str
    render: Callable[[HttpRequest, Any, str], str]
    load: Loader | None = None
    alike: Alike | None = None
    same_for_all: Callable[[Any], bool] | None = None
    alike_with_powers: Callable[[HttpRequest, Any, str], str | None] | None = None


_shared: dict[str, bool | Callable[[Any], bool]] = {}  # URL name: given to everyone signed in (or to whom it says)
_powers: list[Powers] = []
_parts: dict[str, PersonalPart] = {}
accepts(SharedPages, lambda entry: _shared.update(dict.fromkeys(entry.url_names, entry.to_everyone)))
accepts(Powers, _powers.append)


def register_part(part: PersonalPart) -> None:
    _parts[part.name] = part


def part_context(context: Any, **values: Any) -> dict[str, Any]:
    """What every part's template reads (the request, its reader, the form token), with `values`."""
    request = context["request"]
    return {"request": request, "user": request.user, "csrf_token": context.get("csrf_token"), **values}


def personal_inclusion_tag(
    library: template.Library,
    app: str,
    template_name: str,
    load: Loader | None = None,
    alike: Alike | None = None,
    powers_only: bool = False,
    same_for_all: Callable[[Any], bool] | None = None,
    alike_with_powers: Callable[[HttpRequest, Any, str], str | None] | None = None,
) -> Callable[[Build], Build]:
    """Like `library.inclusion_tag(template_name, takes_context=True)`, for a tag `{% name obj %}` whose output
    differs from one reader to another: a personal part ("app.name"), which leaves a marker in a shared copy and is
    rendered there for each reader. `build(context, obj, ...)` gives the template's context; given a reader, its
    `context` holds only the request and the form token (the signed-in cache's placeholder: each answer carries the
    reader's own token in its place).

    `powers_only`: a reader without power is given what an anonymous visitor is (a staff member's tools): the copy
    keeps that rendering, wrapped in the marker, and only a reader with a power has the part rendered for them (but
    where `same_for_all(obj)`: see PersonalPart). Such a part holds no other part."""

    def decorator(build: Build) -> Build:
        name = f"{app}.{build.__name__}"

        def for_reader(request: HttpRequest, obj: Any, _key: str) -> str:
            return get_template(template_name).render(build({"request": request, "csrf_token": placeholder()}, obj))

        register_part(
            PersonalPart(
                name, for_reader, load=load, alike=alike, same_for_all=same_for_all, alike_with_powers=alike_with_powers
            )
        )

        def tag(context: template.Context, obj: Any = None, *args: Any, **kwargs: Any) -> str:  # None: about no object
            html = None
            if powers_only or not rendering_shared(context):
                html = get_template(template_name).render(build(context, obj, *args, **kwargs))
            # A form given back with its errors belongs to a POST: never a shared copy's.
            if rendering_shared(context) and all(value is None for value in (*args, *kwargs.values())):
                return marker(name, obj, anonymous=html) if powers_only else marker(name, obj)
            return str(html)

        tag.__doc__ = build.__doc__
        library.simple_tag(takes_context=True, name=build.__name__)(tag)
        return build

    return decorator


Flags = Callable[[Any, Any], dict[str, bool]]


def powers_only_flags(
    library: template.Library, app: str, template_name: str, as_name: str, load: Loader | None = None
) -> Callable[[Flags], Flags]:
    """A powers-only part (a staff member's tools) whose template reads only its object, as `as_name`, and the flags
    the decorated `name(user, obj)` gives (what the reader's powers let them do with it): `{% name obj %}`. Its HTML
    depends on nothing else, so it is rendered once per copy and flags, for every reader giving the same."""

    def decorator(flags: Flags) -> Flags:
        def build(context: Any, obj: Any) -> dict[str, Any]:
            return part_context(context, **{as_name: obj}, **flags(context["request"].user, obj))

        build.__name__ = flags.__name__
        build.__doc__ = flags.__doc__
        personal_inclusion_tag(
            library,
            app,
            template_name,
            load=load,
            powers_only=True,
            alike_with_powers=lambda request, obj, _key: str(sorted(flags(request.user, obj).items())),
        )(build)
        return flags

    return decorator


# --- markers -------------------------------------------------------------------------------------------------------

_FIELDS = rb"([a-z0-9_.]+):([a-z0-9_.]*):([0-9A-Za-z_-]*):([0-9A-Za-z_.-]*):([0-9a-f]{20})-->"
# A part's marker, or a powers-only part's, which wraps what a reader without power is given (group 11).
_MARKER = re.compile(
    rb"<!--infitah-part:" + _FIELDS + rb"|<!--infitah-powers:" + _FIELDS + rb"(.*?)<!--/infitah-powers-->", re.S
)
_KEY = re.compile(r"[0-9A-Za-z_.-]*")


def _signature(name: str, label: str, pk: str, key: str) -> str:
    return salted_hmac("infitah.core.sharedpages", f"{name}:{label}:{pk}:{key}", algorithm="sha256").hexdigest()[:20]


def rendering_shared(context_or_request: Any) -> bool:
    """Whether the page being rendered is the shared copy (its personal parts leave markers)."""
    request = context_or_request.get("request") if hasattr(context_or_request, "get") else context_or_request
    return bool(getattr(request, "_shared_rendering", False))


def marker(name: str, obj: Any = None, key: str = "", anonymous: str | None = None) -> SafeString:
    """What a personal part renders into the shared copy. Signed: a marker typed into a comment is never filled.
    `key` (letters, digits, "_", "." and "-") tells the part which piece of obj it stands for (an axis of a program).
    `anonymous`: a powers-only part's rendering for an anonymous visitor, kept for the readers without power."""
    if not _KEY.fullmatch(key):
        raise ValueError(f"A part's key is letters, digits, '_', '.' and '-': {key!r}")
    label = obj._meta.label_lower if obj is not None else ""
    pk = str(obj.pk) if obj is not None else ""
    signature = _signature(name, label, pk, key)
    if anonymous is not None:
        return format_html(
            "<!--infitah-powers:{}:{}:{}:{}:{}-->{}<!--/infitah-powers-->",
            name,
            label,
            pk,
            key,
            signature,
            mark_safe(anonymous),  # noqa: S308 -- a template's rendering
        )
    return format_html("<!--infitah-part:{}:{}:{}:{}:{}-->", name, label, pk, key, signature)


def _fields(match: re.Match[bytes]) -> tuple[str, str, str, str, str]:
    """(name, model label, pk, key, signature) of a marker, whichever kind it is."""
    groups = match.groups()[:5] if match.group(1) is not None else match.groups()[5:10]
    return tuple(group.decode() for group in groups)  # type: ignore[return-value]


def _kept_for_the_powerless(request: HttpRequest, match: re.Match[bytes]) -> bool:
    """A powers-only part, read by someone the page's middleware found without power: given the copy's own."""
    return match.group(11) is not None and getattr(request, "_reader_holds_no_power", False)


def fill(request: HttpRequest, content: bytes, copy: str | None = None) -> bytes:
    """The shared copy completed for `request`'s reader: each marker replaced by its part rendered for them.
    `copy` names the kept copy (its address, language and stamps): a part alike for several readers is kept with it."""
    engines.all()  # the template libraries, which register the parts, loaded in this process (once)
    found = [match for match in _MARKER.finditer(content) if _genuine(match)]
    if not found:
        return content
    genuine = {match.start() for match in found}  # each signature checked once
    # Parts that load their objects the same way (an event's three parts, say) share one load per model.
    wanted: dict[tuple[Loader | None, str], set[str]] = defaultdict(set)
    for match in found:
        name, label, pk, _key, _signature = _fields(match)
        if label and not _kept_for_the_powerless(request, match):
            wanted[(_parts[name].load, label)].add(pk)
    objects = {key: _load(request, *key, pks, copy) for key, pks in wanted.items()}

    def rendered(match: re.Match[bytes]) -> bytes:
        if match.start() not in genuine:
            return b""
        if _kept_for_the_powerless(request, match):
            return match.group(11)
        name, label, pk, key, _signature = _fields(match)
        obj = objects[(_parts[name].load, label)].get(pk) if label else None
        if label and obj is None:
            return b""  # gone since the copy was rendered: a write moved the stamps, the next read renders afresh
        part = _parts[name]
        if match.group(11) is not None and part.same_for_all is not None and part.same_for_all(obj):
            return match.group(11)
        powerless = getattr(request, "_reader_holds_no_power", False)
        alike = part.alike if powerless else part.alike_with_powers
        answer = alike(request, obj, key) if alike is not None and copy is not None else None
        if answer is None:
            return str(part.render(request, obj, key)).encode()
        # Whom the answer is about is part of the key: a reader with a power never shares what one without was given.
        kept_as = (copy, match.group(0), "powerless" if powerless else "powers", answer)
        html = _kept_parts.get(kept_as)
        if html is None:
            html = str(part.render(request, obj, key)).encode()
            _kept_parts.put(kept_as, html)
        return html

    return _MARKER.sub(rendered, content)


# The HTML of parts alike for several readers of a copy, per copy, part and answer (`PersonalPart.alike`).
_kept_parts = kept_per_process(4096)


def _genuine(match: re.Match[bytes]) -> bool:
    name, label, pk, key, signature = _fields(match)
    return name in _parts and constant_time_compare(signature, _signature(name, label, pk, key))


BY_PRIMARY_KEY = Loader(everyone=lambda model, pks: model._base_manager.in_bulk(pks))


def _load(request: HttpRequest, load: Loader | None, label: str, pks: set[str], copy: str | None) -> dict[str, Any]:
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return {}
    keys = {model._meta.pk.to_python(pk) for pk in pks}
    found = objects_for(load or BY_PRIMARY_KEY, model, keys, request.user, copy)
    return {str(pk): obj for pk, obj in found.items()}


# --- who and what --------------------------------------------------------------------------------------------------


def holds_no_power(user: Any, stamps: dict[str, Any] | None = None) -> bool:
    """A signed-in person neither staff nor holding any app's power. The holders are read once per process while
    `stamps` (the signed-in cache's "site" and "writes" stamps, which any grant of a power moves) stay as they are:
    a person's first page asks no query of it."""
    if not user.is_authenticated or not user.is_active or user.is_staff or user.is_superuser:
        return False
    if user.pk in _power_holders(stamps):
        return False
    for power in _powers:
        if power.not_held is not None:
            power.not_held(user)
    return True


_holders: tuple[Any, frozenset[Any]] = (None, frozenset())


def _power_holders(stamps: dict[str, Any] | None) -> frozenset[Any]:
    global _holders  # noqa: PLW0603 -- one (stamps, ids) pair, replaced whole: safe across threads
    known = tuple(sorted(stamps.items())) if stamps else None
    kept_for, ids = _holders
    if known is not None and kept_for == known:
        return ids
    if _powers:
        held = reduce(operator.or_, (Q(pk__in=power.holders()) for power in _powers))
        ids = frozenset(get_user_model()._default_manager.filter(held).values_list("pk", flat=True))
    else:
        ids = frozenset()
    if known is not None:
        _holders = (known, ids)
    return ids


def _copy_name(key: str, stamps: dict[str, Any]) -> str:
    return f"{key}|{sorted(stamps.items())}"


def _key(request: HttpRequest) -> str:
    address = f"{translation.get_language()}|{request.get_host()}{request.get_full_path()}"
    return "shared-page:" + md5(address.encode(), usedforsecurity=False).hexdigest()


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    messages = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(messages, "added_new", False)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class SharedPageMiddleware:
    """Placed after the signed-in cache: a declared page that is not kept for its reader is completed from the shared
    copy, or rendered as the shared copy (the view runs for an anonymous visitor) and then completed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_shared_page_key", None)
        if key is None:
            return response
        session_written = request.session.modified
        request.user, request.session = request._shared_reader  # type: ignore[attr-defined]
        request._shared_rendering = False  # type: ignore[attr-defined]
        del request._shared_page_key  # type: ignore[attr-defined]
        if response.streaming or response.status_code != 200:
            # Not the page an anonymous visitor is given (not found for them, or a sign-in asked of them, as a
            # citizen's own draft is): the view runs again, for the reader.
            request._shared_refused = True  # type: ignore[attr-defined]
            return self.get_response(request)
        copy = None
        if _storable(request, response) and not session_written:
            scopes = getattr(request, "_page_scopes", None) or pagestamps.DEFAULT_SCOPES
            stamps = request._page_stamps  # type: ignore[attr-defined]
            headers = [(name, value) for name, value in response.items()]
            entry = (headers, response.content, {scope: stamps[scope] for scope in scopes})
            caches["pages"].set(key, entry, timeout=pagecache.seconds())
            copy = _copy_name(key, entry[2])
        response.content = fill(request, response.content, copy)
        response[HEADER] = "miss"
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        match = request.resolver_match
        if (
            getattr(request, "_signed_in_page_key", None) is None  # not a page kept per person (or a hit already)
            or getattr(request, "_shared_refused", False)
            or match is None
            or match.view_name not in _shared
            or request.method != "GET"
        ):
            return None
        powerless = holds_no_power(request.user, getattr(request, "_signed_in_stamps", None))
        if not (powerless or (request.user.is_authenticated and _given_to(match.view_name, request.user))):
            return None
        request._reader_holds_no_power = powerless  # type: ignore[attr-defined]
        key = _key(request)
        entry = caches["pages"].get(key)
        if entry is not None and pagestamps.stamps_unchanged(entry[2]):
            headers, content, stamps = entry
            response = HttpResponse(fill(request, content, _copy_name(key, stamps)))
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response
        # The copy is rendered for nobody: the view, the frame and every part see an anonymous visitor, with no session.
        request._shared_page_key = key  # type: ignore[attr-defined]
        request._shared_reader = (request.user, request.session)  # type: ignore[attr-defined]
        request._shared_rendering = True  # type: ignore[attr-defined]
        request._page_stamps = pagestamps.current_stamps(pagestamps.DEFAULT_SCOPES)  # type: ignore[attr-defined]
        request.user = AnonymousUser()
        request.session = import_module(settings.SESSION_ENGINE).SessionStore()  # an empty one, never saved
        return None


def _given_to(view_name: str, user: Any) -> bool:
    """Whether the page kind is given from the shared copy to `user`, a signed-in reader with a power."""
    shared = _shared[view_name]
    return shared(user) if callable(shared) else shared


def is_shared(view_name: str, to_everyone: bool = False, user: Any = None) -> bool:
    """Whether the page kind is shared by the signed-in people without power (by everyone signed in: `to_everyone`;
    a page kind that asks the reader is asked about `user`)."""
    if view_name not in _shared:
        return False
    return not to_everyone or (_given_to(view_name, user) if user is not None else _shared[view_name] is True)
