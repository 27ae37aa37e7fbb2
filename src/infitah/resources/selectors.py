"""What the resources' pages, the API, search and open data read, each in a fixed number of queries."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import get_language

from infitah.core.arabic import normalise
from infitah.resources.models import Resource, ResourceFile, ResourceVersion


def listed() -> QuerySet[Resource]:
    """Resources with at least one version, with their publisher, newest first."""
    return (
        Resource.objects.filter(versions__isnull=False)
        .select_related("publisher")
        .annotate(version_count=Count("versions", distinct=True))
        .order_by("-created_at", "-pk")
    )


def filtered(resources: QuerySet[Resource], chosen: dict[str, Any]) -> QuerySet[Resource]:
    if chosen.get("kind"):
        resources = resources.filter(kind=chosen["kind"])
    if chosen.get("principle"):
        resources = resources.filter(principles__icontains=f'"{chosen["principle"]}"')
    if chosen.get("language"):
        resources = resources.filter(
            pk__in=ResourceFile.objects.filter(language=chosen["language"]).values("version__resource_id")
        )
    for word in normalise(chosen.get("q") or "").split()[:10]:
        resources = resources.filter(search_key__contains=word)
    return resources


def detail(pk: int) -> Resource | None:
    """A resource with every version and its files (3 queries)."""
    versions = ResourceVersion.objects.prefetch_related(Prefetch("files", queryset=ResourceFile.objects.order_by("pk")))
    return (
        Resource.objects.select_related("publisher")
        .prefetch_related(Prefetch("versions", queryset=versions))
        .filter(pk=pk)
        .first()
    )


def reader_first(files: list[ResourceFile], language: str | None = None) -> list[ResourceFile]:
    """The files of a version, the reader's language first, then Arabic, French, English, the rest."""
    language = language or get_language() or "ar"
    order = [language, "ar", "fr", "en"]
    return sorted(files, key=lambda f: (order.index(f.language) if f.language in order else len(order), f.language))


def search_rows() -> QuerySet[Resource]:
    return Resource.objects.filter(versions__isnull=False).distinct().select_related("publisher").order_by("pk")


def dataset_rows() -> QuerySet[Resource]:
    return listed().order_by("pk")
