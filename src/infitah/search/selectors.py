"""The search's results: matched on the engine, filtered, one per document, ranked."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber

from infitah.core.translation import fallback_order
from infitah.search.engines import matching
from infitah.search.models import Entry
from infitah.search.terms import Query


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    collectivity_id: int | None = None
    principle: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def filtered(entries: QuerySet, filters: Filters) -> QuerySet:
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    if filters.collectivity_id:
        entries = entries.filter(collectivity_id=filters.collectivity_id)
    if filters.principle:
        entries = entries.filter(principles__contains=f" {filters.principle} ")
    if filters.date_from:
        entries = entries.filter(date__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(date__lte=filters.date_to)
    return entries


def results(query: Query, filters: Filters, language: str) -> QuerySet:
    """The entries answering `query`: one per document (its best entry, in `language` when it matches there),
    ranked by title hits, then the reader's language (then its fallbacks), then the newest date."""
    if not query:
        return Entry.objects.none()  # nothing to look for (only punctuation or signs): nothing found
    entries = matching(filtered(Entry.objects.all(), filters), query)
    # The reader's language first, then the languages their content falls back to, in that order.
    order = fallback_order(language)
    preference = Case(
        *(When(language=code, then=Value(len(order) - index)) for index, code in enumerate(order)),
        default=Value(0),
        output_field=IntegerField(),
    )
    entries = entries.annotate(own_language=preference)
    entries = entries.annotate(
        place=Window(
            RowNumber(),
            partition_by=[F("kind"), F("object_id")],
            order_by=[F("relevance").desc(), F("own_language").desc(), F("language").asc()],
        )
    ).filter(place=1)
    return entries.select_related("collectivity").order_by(
        F("relevance").desc(), F("own_language").desc(), F("date").desc(nulls_last=True), "kind", "object_id"
    )
