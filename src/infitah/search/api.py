"""The platform's search under /api/v1/search: the same matching, filters and order as the page, in pages.

Only what the page would show: every source's `rows()` is public by contract.
"""

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Field, Query, Schema

from infitah.api.problems import Code, Words
from infitah.api.routers import AppRouter
from infitah.core.principles import Principle
from infitah.search.models import Entry
from infitah.search.selectors import Filters, results
from infitah.search.terms import parse
from infitah.territories.models import Collectivity

router = AppRouter("search", tags=["search"])
EXCERPT_LENGTH = 300


class ResultOut(Schema):
    kind: str = Field(description="What the result is, e.g. programs.commitment, events.event")
    object_id: int
    title: str
    url: str
    language: str = Field(description="The language of the text found")
    collectivity_code: str | None
    date: datetime.date | None
    excerpt: str = Field(description="The beginning of the text, plain")

    @staticmethod
    def resolve_collectivity_code(obj: Entry) -> str | None:
        return obj.collectivity.code if obj.collectivity else None

    @staticmethod
    def resolve_excerpt(obj: Entry) -> str:
        return " ".join(obj.text.split())[:EXCERPT_LENGTH]


@router.paged("search", ResultOut, summary="Search every public document: titles first, the request's language first")
def search(
    request: HttpRequest,
    q: Words = Query(..., description="Words to find (all of them; the last may be the beginning of a word)"),
    kind: Code | None = Query(None, description="Only results of this kind, e.g. programs.commitment"),
    collectivity: Code | None = Query(None, description="Only the results of the collectivity with this code"),
    principle: Principle | None = None,
    date_from: datetime.date | None = Query(None, description="Dated on or after this day"),
    date_to: datetime.date | None = Query(None, description="Dated on or before this day"),
) -> QuerySet[Entry]:
    chosen = (
        Collectivity.objects.filter(code=collectivity).values_list("pk", flat=True).first() if collectivity else None
    )
    if collectivity and chosen is None:
        return Entry.objects.none()
    filters = Filters(
        kind=kind or "",
        collectivity_id=chosen,
        principle=principle or "",
        date_from=date_from,
        date_to=date_to,
    )
    return results(parse(q), filters, (get_language() or "ar")[:2])
