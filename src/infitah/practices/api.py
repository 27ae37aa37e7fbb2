"""Published good practices under /api/v1/ (read-only, paginated): the list with the library's filters, and one
practice with its documents and adoptions. Never a draft, a submitted, returned or withdrawn practice; never who
submitted it. Each answer costs a fixed number of queries."""

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema

from infitah.api.problems import Code, Id, Words, first_or_404
from infitah.api.routers import AppRouter
from infitah.api.schemas import Translated
from infitah.core.principles import Principle
from infitah.participation.attachments import attachments_of
from infitah.practices import selectors
from infitah.practices.models import Practice
from infitah.territories.models import Collectivity

router = AppRouter("practices", tags=["practices"])


class PracticeOut(Schema):
    id: int
    collectivity_code: str = Field(description="Official code of the member that shares it")
    title: Translated
    summary: Translated
    principles: list[Principle]
    published_at: datetime.datetime
    adoptions: int = Field(description="How many other members declared that they adopted it")
    is_illustrative: bool
    url: str

    @staticmethod
    def resolve_collectivity_code(obj: Practice) -> str:
        return obj.collectivity.code

    @staticmethod
    def resolve_adoptions(obj: Practice) -> int:
        return obj.adoption_count  # type: ignore[attr-defined]  # annotated by selectors.published

    @staticmethod
    def resolve_url(obj: Practice) -> str:
        return obj.get_absolute_url()


class PracticeDocumentOut(Schema):
    name: str
    extension: str
    size: int = Field(description="In bytes")
    url: str = Field(description="Where the file is downloaded (served as an attachment)")


class PracticeAdoptionOut(Schema):
    collectivity_code: str
    commitment_id: int
    declared_at: datetime.datetime
    note: str


class PracticeDetailOut(PracticeOut):
    context: Translated
    partners: Translated
    results: Translated
    contact_name: str
    contact_address: str
    documents: list[PracticeDocumentOut]
    adopted_by: list[PracticeAdoptionOut]


@router.paged(
    "practices",
    PracticeOut,
    summary="Published good practices, newest first",
    ordering={"id": "pk", "published_at": "published_at", "created": "created_at"},
)
def list_practices(
    request: HttpRequest,
    principle: Principle | None = None,
    collectivity: Code | None = Query(None, description="Only the practices of the member with this code"),
    q: Words | None = Query(None, description="Words of the texts (Arabic spellings and accents folded)"),
) -> QuerySet[Practice]:
    chosen = Collectivity.objects.filter(code=collectivity).first() if collectivity else None
    if collectivity and chosen is None:
        return Practice.objects.none()
    return selectors.filtered(selectors.published(), {"principle": principle, "collectivity": chosen, "q": q})


@router.one("practices/{practice_id}", PracticeDetailOut, summary="One published practice with documents and adoptions")
def get_practice(request: HttpRequest, practice_id: Id) -> Practice:
    practice = first_or_404(
        selectors.published().filter(pk=practice_id),
        _("There is no published practice with the id %(id)s.") % {"id": practice_id},
    )
    practice.documents = [  # type: ignore[attr-defined]
        {
            "name": attachment.original_name,
            "extension": attachment.extension,
            "size": attachment.size,
            "url": reverse("participation:download", args=[attachment.pk]),
        }
        for attachment in attachments_of(practice)
    ]
    practice.adopted_by = [  # type: ignore[attr-defined]
        {
            "collectivity_code": adoption.collectivity.code,
            "commitment_id": adoption.commitment_id,
            "declared_at": adoption.declared_at,
            "note": adoption.note,
        }
        for adoption in practice.adoptions.select_related("collectivity").order_by("declared_at", "pk")
    ]
    return practice
