"""The querysets of the proactive-publication catalogue, built in one place, each at a fixed number of queries
whatever the number of members, categories and entries."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from infitah.core.translation import tr
from infitah.information import publication
from infitah.information.models import PublicationCategory, PublicationEntry
from infitah.participation.attachments import attachments_of
from infitah.participation.models import Attachment
from infitah.participation.targets import content_type_of
from infitah.territories.models import Collectivity, Membership


def categories() -> list[PublicationCategory]:
    return list(PublicationCategory.objects.all())


def stale_after(chosen: Iterable[PublicationCategory]) -> dict[int, int]:
    return {category.pk: category.stale_after_days for category in chosen}


def completeness_of(
    collectivity_ids: Iterable[int], today: datetime.date | None = None, chosen: list[PublicationCategory] | None = None
) -> dict[int, publication.Completeness]:
    """Each collectivity's completeness (two queries: the categories, unless given, and the entries' dates)."""
    today = today or timezone.localdate()
    delays = stale_after(categories() if chosen is None else chosen)
    ids = list(collectivity_ids)
    dates: dict[int, list[tuple[int, datetime.date]]] = defaultdict(list)
    rows = PublicationEntry.objects.filter(collectivity_id__in=ids).values_list(
        "collectivity_id", "category_id", "updated_on"
    )
    for collectivity_id, category_id, updated_on in rows.order_by():
        dates[collectivity_id].append((category_id, updated_on))
    return {pk: publication.completeness(dates.get(pk, ()), delays, today) for pk in ids}


@dataclass
class MemberLine:
    collectivity: Collectivity
    completeness: publication.Completeness


def network_lines(order: str = "name", today: datetime.date | None = None) -> list[MemberLine]:
    """Every current member of the network with its completeness, sorted by `order` (three queries)."""
    members = Membership.objects.current().select_related("collectivity").order_by()
    collectivities = [membership.collectivity for membership in members]
    figures = completeness_of([c.pk for c in collectivities], today)
    lines = [MemberLine(c, figures[c.pk]) for c in collectivities]
    column, descending = publication.sort_key(order)

    def name(line: MemberLine) -> tuple[str, str]:
        return (str(tr(line.collectivity.name)).casefold(), line.collectivity.code)

    lines.sort(key=name)  # the tie-breaker of every order
    if column == "completeness":
        lines.sort(key=lambda line: line.completeness.share, reverse=descending)
    elif column == "stale":
        lines.sort(key=lambda line: line.completeness.stale_entries, reverse=descending)
    elif descending:
        lines.reverse()
    return lines


@dataclass
class EntryLine:
    entry: PublicationEntry
    stale_from: datetime.date
    stale: bool
    documents: list[Attachment] = field(default_factory=list)


@dataclass
class CategoryBlock:
    category: PublicationCategory
    entries: list[EntryLine]
    covered: bool


def documents_by_entry(entry_ids: list[int]) -> dict[int, list[Attachment]]:
    """The visible documents of these entries (one query)."""
    found: dict[int, list[Attachment]] = defaultdict(list)
    if not entry_ids:
        return found
    rows = Attachment.objects.filter(
        content_type=content_type_of(PublicationEntry), object_id__in=entry_ids, is_hidden=False
    ).order_by("created_at", "pk")
    for attachment in rows:
        found[attachment.object_id].append(attachment)
    return found


def member_catalogue(collectivity: Collectivity, today: datetime.date | None = None) -> dict[str, Any]:
    """Each category with its entries (stale ones flagged) and documents, and the completeness (three queries)."""
    today = today or timezone.localdate()
    chosen = categories()
    entries = list(PublicationEntry.objects.filter(collectivity=collectivity).order_by("-updated_on", "pk"))
    documents = documents_by_entry([entry.pk for entry in entries])
    by_category: dict[int, list[EntryLine]] = defaultdict(list)
    for entry in entries:
        delay = next((c.stale_after_days for c in chosen if c.pk == entry.category_id), 0)
        by_category[entry.category_id].append(
            EntryLine(
                entry=entry,
                stale_from=publication.stale_from(entry.updated_on, delay),
                stale=publication.is_stale(entry.updated_on, delay, today),
                documents=documents.get(entry.pk, []),
            )
        )
    blocks = [
        CategoryBlock(
            category=category,
            entries=by_category.get(category.pk, []),
            covered=any(not line.stale for line in by_category.get(category.pk, [])),
        )
        for category in chosen
    ]
    figures = publication.completeness(
        ((entry.category_id, entry.updated_on) for entry in entries), stale_after(chosen), today
    )
    return {
        "blocks": blocks,
        "missing": [block.category for block in blocks if not block.entries],
        "completeness": figures,
    }


def entry_documents(entry: PublicationEntry) -> list[Attachment]:
    return list(attachments_of(entry).order_by("created_at", "pk"))


def dataset_rows() -> QuerySet[PublicationEntry]:
    return PublicationEntry.objects.select_related("collectivity", "category").order_by("collectivity_id", "pk")


def search_rows() -> QuerySet[PublicationEntry]:
    return PublicationEntry.objects.select_related("collectivity", "category")


def member_section(request: Any, collectivity: Collectivity) -> dict[str, Any]:
    """The "what we publish" block of a member's page: its completeness (two queries)."""
    return {"collectivity": collectivity, "completeness": completeness_of([collectivity.pk])[collectivity.pk]}


def completeness_indicator(collectivity_ids: Iterable[int]) -> dict[int, float]:
    """The openness index's measure: each network member's share of categories with an up-to-date entry (three
    queries). A member that publishes nothing gets 0 — the law asks every body to publish, so nothing published
    is the measure; a collectivity outside the network is left out (nothing to measure it against)."""
    chosen = categories()
    if not chosen:
        return {}
    members = list(
        Membership.objects.current()
        .filter(collectivity_id__in=list(collectivity_ids))
        .values_list("collectivity_id", flat=True)
    )
    return {pk: figures.share for pk, figures in completeness_of(members, chosen=chosen).items()}


def is_stale_now(entry: PublicationEntry) -> bool:
    return publication.is_stale(entry.updated_on, entry.category.stale_after_days, timezone.localdate())
