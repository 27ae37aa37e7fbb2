"""Resources under /api/v1/ (read-only, paginated): the list with its filters, and one resource with every version
and its files per language. Each answer costs a fixed number of queries."""

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema
from ninja.errors import HttpError

from infitah.api.problems import Id, Words
from infitah.api.routers import AppRouter
from infitah.api.schemas import Translated
from infitah.core.principles import Principle
from infitah.resources import selectors
from infitah.resources.models import Resource, ResourceKind, ResourceVersion

router = AppRouter("resources", tags=["resources"])


class ResourceOut(Schema):
    id: int
    title: Translated
    description: Translated
    kind: ResourceKind
    principles: list[Principle]
    publisher_code: str | None = Field(description="The member that publishes it; null: the network")
    is_illustrative: bool
    url: str

    @staticmethod
    def resolve_publisher_code(obj: Resource) -> str | None:
        return obj.publisher.code if obj.publisher else None

    @staticmethod
    def resolve_url(obj: Resource) -> str:
        return obj.get_absolute_url()


class ResourceFileOut(Schema):
    language: str
    name: str
    extension: str
    size: int = Field(description="In bytes")
    url: str = Field(description="Where the file is downloaded (served as an attachment)")

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.original_name

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class ResourceVersionOut(Schema):
    label: str
    note: str
    released_on: datetime.date
    files: list[ResourceFileOut]

    @staticmethod
    def resolve_files(obj: ResourceVersion) -> list:
        return list(obj.files.all())


class ResourceDetailOut(ResourceOut):
    versions: list[ResourceVersionOut] = Field(description="Newest first")

    @staticmethod
    def resolve_versions(obj: Resource) -> list:
        return list(obj.versions.all())


@router.paged(
    "resources",
    ResourceOut,
    summary="Guides, methods and templates, newest first",
    ordering={"id": "pk", "created": "created_at"},
)
def list_resources(
    request: HttpRequest,
    kind: ResourceKind | None = None,
    principle: Principle | None = None,
    language: str | None = Query(None, max_length=8, description="Only resources with a file in this language"),
    q: Words | None = Query(None, description="Words of the title or description"),
) -> QuerySet[Resource]:
    return selectors.filtered(selectors.listed(), {"kind": kind, "principle": principle, "language": language, "q": q})


@router.one("resources/{resource_id}", ResourceDetailOut, summary="One resource with its versions and files")
def get_resource(request: HttpRequest, resource_id: Id) -> Resource:
    resource = selectors.detail(resource_id)
    if resource is None or not resource.versions.all():
        raise HttpError(404, _("There is no resource with the id %(id)s.") % {"id": resource_id})
    return resource
