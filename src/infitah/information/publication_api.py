"""The proactive-publication catalogue in the public API (operations on information.api's router): the categories
law 31-13 asks bodies to publish, each member's completeness, and one collectivity's catalogue with its entries and
documents. Every answer costs a fixed number of queries whatever the number of entries."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import HttpError

from infitah.api.problems import Code
from infitah.api.schemas import Translated
from infitah.information import publication_selectors as selectors
from infitah.information.api import router
from infitah.information.models import PublicationCategory
from infitah.territories.models import Collectivity


class PublicationCategoryOut(Schema):
    key: str
    title: Translated
    description: Translated
    source: str = Field(description="The provision of law 31-13 the category comes from")
    stale_after_days: int = Field(description="An entry not updated for longer than this is stale")
    order: int


class PublicationCompletenessOut(Schema):
    code: str = Field(description="The collectivity's official code")
    name: Translated
    covered: int = Field(description="Categories with at least one entry that is not stale")
    total: int = Field(description="Every category of the catalogue")
    share: float = Field(description="covered / total, from 0 to 1")
    stale_entries: int


class PublicationDocumentOut(Schema):
    name: str
    extension: str
    size: int = Field(description="In bytes")
    url: str = Field(description="Where the file is downloaded (served as an attachment)")


class PublicationEntryOut(Schema):
    id: int
    title: Translated
    url: str = Field(description="The link where the information is published (empty when only documents)")
    updated_on: datetime.date
    owner: str = Field(description="The department or office that keeps it up to date")
    stale: bool
    stale_from: datetime.date = Field(description="The first day the entry is stale unless updated")
    documents: list[PublicationDocumentOut]


class PublicationCategoryCatalogueOut(Schema):
    key: str
    title: Translated
    source: str
    stale_after_days: int
    covered: bool = Field(description="At least one entry of the category is not stale")
    entries: list[PublicationEntryOut]


class PublicationCatalogueOut(Schema):
    code: str
    name: Translated
    covered: int
    total: int
    share: float
    stale_entries: int
    categories: list[PublicationCategoryCatalogueOut]


@router.paged(
    "information/publication/categories",
    PublicationCategoryOut,
    summary="The categories of information law 31-13 asks bodies to publish without being asked",
)
def list_publication_categories(request: HttpRequest) -> QuerySet[PublicationCategory]:
    return PublicationCategory.objects.order_by("order", "pk")


@router.paged(
    "information/publication/completeness",
    PublicationCompletenessOut,
    summary="Each network member's completeness of its proactive-publication catalogue",
)
def list_publication_completeness(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "code": line.collectivity.code,
            "name": line.collectivity.name,
            "covered": line.completeness.covered,
            "total": line.completeness.total,
            "share": line.completeness.share,
            "stale_entries": line.completeness.stale_entries,
        }
        for line in selectors.network_lines("name")
    ]


def _document(attachment: Any) -> dict[str, Any]:
    return {
        "name": attachment.original_name,
        "extension": attachment.extension,
        "size": attachment.size,
        "url": reverse("participation:download", args=[attachment.pk]),
    }


@router.one(
    "information/publication/catalogues/{code}",
    PublicationCatalogueOut,
    summary="One collectivity's proactive-publication catalogue, with its entries, documents and completeness",
)
def get_publication_catalogue(request: HttpRequest, code: Code) -> dict[str, Any]:
    collectivity = Collectivity.objects.filter(code=code).first()
    if collectivity is None:
        raise HttpError(404, _("No collectivity has the code %(code)s.") % {"code": code})
    catalogue = selectors.member_catalogue(collectivity, timezone.localdate())
    figures = catalogue["completeness"]
    return {
        "code": collectivity.code,
        "name": collectivity.name,
        "covered": figures.covered,
        "total": figures.total,
        "share": figures.share,
        "stale_entries": figures.stale_entries,
        "categories": [
            {
                "key": block.category.key,
                "title": block.category.title,
                "source": block.category.source,
                "stale_after_days": block.category.stale_after_days,
                "covered": block.covered,
                "entries": [
                    {
                        "id": line.entry.pk,
                        "title": line.entry.title,
                        "url": line.entry.url,
                        "updated_on": line.entry.updated_on,
                        "owner": line.entry.owner,
                        "stale": line.stale,
                        "stale_from": line.stale_from,
                        "documents": [_document(document) for document in line.documents],
                    }
                    for line in block.entries
                ],
            }
            for block in catalogue["blocks"]
        ],
    }
