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
from ninja import Field, Schema, Status
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
    ordering={"id": "pk", "order": "order"},
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


# --- Staff writes (a bearer token: infitah.api.auth) ---


class PublicationEntryIn(Schema):
    """An entry of the collectivity's proactive-publication catalogue: a link (documents are added on the page)."""

    collectivity_code: Code
    category: str = Field(max_length=60, description="The category's key (see /information/publication/categories)")
    title: dict[str, str] = Field(description="Text per language code; Arabic required; stored as plain text")
    url: str = Field(max_length=500, description="Where the information is published")
    updated_on: datetime.date = Field(description="When the published information was last updated")
    owner: str = Field(max_length=150, description="The department or office that keeps it up to date")


class PublicationEntryWrittenOut(Schema):
    id: int
    collectivity_code: str
    category: str
    title: Translated
    url: str
    updated_on: datetime.date
    owner: str

    @staticmethod
    def resolve_collectivity_code(obj: Any) -> str:
        return obj.collectivity.code

    @staticmethod
    def resolve_category(obj: Any) -> str:
        return obj.category.key


@router.write(
    "POST",
    "information/publication/entries",
    PublicationEntryWrittenOut,
    status=201,
    summary="Publish an entry of your collectivity's proactive-publication catalogue",
)
def create_publication_entry(request: HttpRequest, body: PublicationEntryIn) -> Status:
    from django.core.exceptions import ValidationError

    from infitah.api.problems import first_or_404, refuse_invalid
    from infitah.api.writes import require_anywhere
    from infitah.core.permissions import can
    from infitah.core.translation import clean_translations
    from infitah.information import publication_services
    from infitah.information.models import PublicationEntry

    require_anywhere(request, "information.edit_publication")
    collectivity = first_or_404(
        Collectivity.objects.filter(code=body.collectivity_code),
        _("There is no collectivity with the code %(code)s.") % {"code": body.collectivity_code},
    )
    if not can(request.auth, "information.edit_publication", collectivity):  # type: ignore[attr-defined]
        raise HttpError(403, _("You do not keep the publication catalogue of this collectivity."))
    category = PublicationCategory.objects.filter(key=body.category).first()
    if category is None:
        refuse_invalid(ValidationError({"category": _("There is no publication category with this key.")}))
    title = clean_translations(body.title)
    if not title.get("ar"):
        # The catalogue's pages require the Arabic title (the form's required_languages).
        refuse_invalid(ValidationError({"title": _("Give the title in Arabic.")}))
    entry = PublicationEntry(
        collectivity=collectivity,
        category=category,
        title=title,
        url=body.url,
        updated_on=body.updated_on,
        owner=body.owner.strip(),
    )
    try:
        entry.full_clean()
        publication_services.save_entry(request.auth, entry)  # type: ignore[attr-defined]
    except ValidationError as error:
        refuse_invalid(error)
    return Status(201, entry)
