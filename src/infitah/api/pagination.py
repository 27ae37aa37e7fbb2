"""How every list of the API pages: `?cursor=` (keyset, the documented way to walk a list), `?page=` (numbers,
kept for existing clients: a deep page costs an SQL OFFSET), `?page_size=`, `?ordering=` by the fields the list
declares (listing.py) and `?lang=`.

A page answers `items`, the list's `count` (counted once per list and kept until one of its tables changes:
core/counting.py), and `next`/`previous`: the addresses of the neighbouring pages, each with a cursor naming the row the
page ends on (keyset.py), or null at either end. Lists in an order of their own (relevance, computed figures) page
by number, and their `next`/`previous` carry page numbers.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

from infitah.api import keyset, listing
from infitah.api.problems import MAX_NUMBER, NO_NUL, PAGE_SIZE
from infitah.core import counting


class Shown:
    """A list's queryset and what each row of a page shows (e.g. a hidden contribution without its text): the
    pages are read from the queryset, then each row passes through `show`."""

    def __init__(self, queryset: QuerySet, show: Callable[[Any], Any]) -> None:
        self.queryset = queryset
        self.show = show


class Pages(PageNumberPagination):
    """Page numbers bounded so that no page, however far, makes the database overflow; cursors; `?ordering=` by
    the fields the list declares (`sortable`: public name → model field) and `?lang=` (listing.py)."""

    sortable: dict[str, str] = {}

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_NUMBER, description="The page to read, from 1 (prefer `next` links)")
        page_size: int | None = Field(None, ge=1, le=PAGE_SIZE, description=f"Items per page, {PAGE_SIZE} at most")
        cursor: str | None = Field(
            None,
            max_length=1000,
            pattern=NO_NUL,
            description="Where the page starts, from a page's `next` or `previous` link (400 if not valid for "
            "this list and ordering); `page` is then ignored",
        )
        lang: str | None = Field(
            None,
            max_length=8,
            pattern=NO_NUL,
            description="ar, fr, en or zgh: each translated text as {text, lang} in that language (400 otherwise)",
        )

    class Output(Schema):
        items: list[Any]
        count: int = Field(description="How many items the whole list holds")
        next: str | None = Field(None, description="The address of the next page, null on the last one")
        previous: str | None = Field(None, description="The address of the previous page, null on the first one")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(page_size=PAGE_SIZE, max_page_size=PAGE_SIZE, **kwargs)

    def paginate_queryset(self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any) -> Any:
        if pagination.lang is not None:
            request.infitah_lang = listing.language(pagination.lang)  # type: ignore[attr-defined]
        show: Callable[[Any], Any] = lambda row: row  # noqa: E731 - the identity, unless the view wraps its rows
        if isinstance(queryset, Shown):
            queryset, show = queryset.queryset, queryset.show
        requested = getattr(pagination, "ordering", None) or ""
        if requested:
            queryset = queryset.order_by(*listing.order_by(requested, self.sortable))
        size = self._get_page_size(pagination.page_size)
        keys = keyset.keys_of(queryset) if self.sortable and isinstance(queryset, QuerySet) else None
        if keys is None:
            page = self._numbered(queryset, pagination.page, size, request)
        else:
            page = self._keyset(keyset.ordered(queryset, keys), keys, pagination, size, requested, request)
        page[self.items_attribute] = [show(row) for row in page[self.items_attribute]]
        return page

    def _numbered(self, rows: Any, number: int, size: int, request: HttpRequest) -> dict[str, Any]:
        count = counting.count(rows) if isinstance(rows, QuerySet) else len(rows)
        offset = (number - 1) * size
        last = max(1, -(-count // size))
        return {
            self.items_attribute: list(rows[offset : offset + size]),
            "count": count,
            "next": _link(request, page=number + 1) if number < last else None,
            "previous": _link(request, page=min(number - 1, last)) if number > 1 else None,
        }

    def _keyset(
        self, rows: QuerySet, keys: list[keyset.Key], pagination: Any, size: int, ordering: str, request: HttpRequest
    ) -> dict[str, Any]:
        has_previous = has_next = False
        if pagination.cursor:
            position = keyset.decode(pagination.cursor, keys, ordering)
            following = rows.filter(keyset.beyond(keys, position.values, position.backward))
            if position.backward:
                fetched = list(keyset.ordered(following, keys, reverse=True)[: size + 1])
                has_previous, has_next = len(fetched) > size, True
                page = fetched[:size][::-1]
            else:
                fetched = list(following[: size + 1])
                has_previous, has_next = True, len(fetched) > size
                page = fetched[:size]
        else:
            offset = (pagination.page - 1) * size
            fetched = list(rows[offset : offset + size + 1])
            has_previous, has_next = offset > 0, len(fetched) > size
            page = fetched[:size]

        def cursor(row: Any, backward: bool) -> str:
            position = keyset.Position(keyset.values_of(row, keys), backward, ordering)
            return _link(request, cursor=keyset.encode(position))

        return {
            self.items_attribute: page,
            "count": counting.count(rows),
            "next": cursor(page[-1], False) if page and has_next else None,
            "previous": cursor(page[0], True) if page and has_previous else None,
        }


def _link(request: HttpRequest, **changed: Any) -> str:
    """This request's address with `changed` parameters: the filters, ordering, size and language stay; a cursor
    replaces the page number, and the other way round."""
    params: QueryDict = request.GET.copy()
    for name in ("page", "cursor"):
        params.pop(name, None)
    for name, value in changed.items():
        params[name] = str(value)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


_SORTED_PAGES: dict[tuple[tuple[str, str], ...], type[Pages]] = {}


def pages_sorted_by(sortable: dict[str, str]) -> type[Pages]:
    """The pagination of a list sortable by `sortable`: its `?ordering=` documents the allowed values. Lists that
    sort alike share one class, so the schema names each input once (InputSortedBy<names>)."""
    if not sortable:
        return Pages
    key = tuple(sortable.items())
    if key not in _SORTED_PAGES:
        _SORTED_PAGES[key] = _sorted_pages(sortable)
    return _SORTED_PAGES[key]


def _sorted_pages(sortable: dict[str, str]) -> type[Pages]:
    allowed = listing.allowed_values(sortable)

    class Input(Pages.Input):
        ordering: str | None = Field(
            None,
            max_length=64,
            pattern=NO_NUL,
            description="Sort by one of: " + ", ".join(allowed) + " (a leading - for descending; 400 otherwise)",
        )

    Input.__name__ = Input.__qualname__ = "InputSortedBy" + "".join(
        part.capitalize() for name in sortable for part in name.split("_")
    )
    return type("SortedPages", (Pages,), {"sortable": sortable, "Input": Input})
