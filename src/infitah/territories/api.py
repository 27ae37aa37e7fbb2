"""Public, read-only data of the territories app: collectivities, the network, its members, charter and partners.

Only what the public pages already show is exposed. Translated fields come out as {language code: text} so a
client picks its own language and fallback. Every list costs a fixed number of queries whatever its length
(pinned by tests/territories/test_api.py).
"""

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema
from ninja.errors import HttpError

from infitah.api.problems import Code, documented, first_or_404
from infitah.api.routers import AppRouter
from infitah.api.schemas import Translated
from infitah.territories import selectors
from infitah.territories.models import (
    CharterCommitment,
    Collectivity,
    CollectivityKind,
    CommitmentStanding,
    Membership,
    Partner,
    StandingLevel,
)

router = AppRouter("territories", tags=["territories"])


class CollectivityOut(Schema):
    code: str = Field(description="Official geographic code")
    kind: CollectivityKind = Field(description="region, province (prefecture or province) or commune")
    province_type: str = Field(description="prefecture or province for the province kind, empty otherwise")
    name: Translated
    parent_code: str | None = Field(None, description="Code of the collectivity it is part of")
    region_code: str = Field(description="Code of the region it lies in (its own code for a region)")
    population: int | None
    census_year: int | None
    has_arrondissements: bool

    @staticmethod
    def resolve_parent_code(obj: Collectivity) -> str | None:
        # No parent id: Django answers None without a query.
        parent = obj.parent
        return parent.code if parent is not None else None

    @staticmethod
    def resolve_region_code(obj: Collectivity) -> str:
        return obj.region.code


class NetworkMemberOut(Schema):
    collectivity: CollectivityOut
    joined_on: date
    cohort: dict[str, str]
    status: str = Field(description="active, suspended or withdrawn (lists leave withdrawn members out)")
    is_illustrative: bool = Field(description="Demonstration data, not an official record")


class StandingOut(Schema):
    commitment: int = Field(description="Number of the charter commitment")
    level: StandingLevel | None = Field(description="null while the commitment has not been assessed")
    note: Translated
    assessed_on: date | None


class NetworkMemberDetailOut(NetworkMemberOut):
    standings: list[StandingOut]


class MemberCounts(Schema):
    region: int
    province: int
    commune: int


class NetworkOut(Schema):
    name: Translated
    description: Translated
    founded_on: date
    member_counts: MemberCounts = Field(description="Current members (active or suspended) by kind")


class CharterCommitmentOut(Schema):
    number: int
    title: Translated
    text: Translated


class PartnerOut(Schema):
    acronym: str
    name: Translated
    role: Translated


def _within_region_code(prefix: str, code: str) -> Q:
    """Rows whose collectivity (reached through `prefix`) is the region `code` or lies inside it, in one query."""
    return (
        Q(**{f"{prefix}code": code, f"{prefix}kind": CollectivityKind.REGION})
        | Q(**{f"{prefix}parent__code": code, f"{prefix}parent__kind": CollectivityKind.REGION})
        | Q(**{f"{prefix}parent__parent__code": code, f"{prefix}parent__parent__kind": CollectivityKind.REGION})
    )


@router.paged(
    "collectivities", CollectivityOut, summary="Territorial collectivities", ordering={"id": "pk", "code": "code"}
)
def list_collectivities(
    request: HttpRequest,
    kind: CollectivityKind | None = None,
    parent: Code | None = Query(None, description="Only the direct children of the collectivity with this code"),
    region: Code | None = Query(None, description="Only the region with this code and what lies inside it"),
) -> QuerySet[Collectivity]:
    queryset = Collectivity.objects.select_related("parent__parent").order_by("code")
    if kind:
        queryset = queryset.filter(kind=kind)
    if parent:
        queryset = queryset.filter(parent__code=parent)
    if region:
        queryset = queryset.filter(_within_region_code("", region))
    return queryset


@router.one("collectivities/{code}", CollectivityOut, summary="One territorial collectivity")
def get_collectivity(request: HttpRequest, code: Code) -> Collectivity:
    collectivities = Collectivity.objects.select_related("parent__parent").filter(code=code)
    return first_or_404(collectivities, _("No territorial collectivity has the code %(code)s.") % {"code": code})


def _members() -> QuerySet[Membership]:
    return Membership.objects.current().with_places().order_by("collectivity__code")


@router.paged(
    "members",
    NetworkMemberOut,
    summary="Members of the network",
    ordering={"id": "pk", "code": "collectivity__code", "joined_on": "joined_on"},
)
def list_members(
    request: HttpRequest,
    kind: CollectivityKind | None = None,
    region: Code | None = Query(None, description="Only members that are this region or lie inside it"),
    collectivity: Code | None = Query(None, description="Only the member with this code"),
) -> QuerySet[Membership]:
    queryset = _members()
    if collectivity:
        queryset = queryset.filter(collectivity__code=collectivity)
    if kind:
        queryset = queryset.filter(collectivity__kind=kind)
    if region:
        queryset = queryset.filter(_within_region_code("collectivity__", region))
    return queryset


@router.one(
    "members/{code}",
    NetworkMemberDetailOut,
    summary="One member of the network, with its standing on each charter commitment",
)
def get_member(request: HttpRequest, code: Code) -> dict[str, Any]:
    try:
        membership, standings = selectors.member_detail(code)
    except Membership.DoesNotExist:
        raise HttpError(404, _("No member of the network has the code %(code)s.") % {"code": code}) from None
    return {
        "collectivity": membership.collectivity,
        "joined_on": membership.joined_on,
        "cohort": membership.cohort,
        "status": membership.status,
        "is_illustrative": membership.is_illustrative,
        "standings": [_standing(commitment, standing) for commitment, standing in standings],
    }


def _standing(commitment: CharterCommitment, standing: CommitmentStanding | None) -> dict[str, Any]:
    if standing is None:
        return {"commitment": commitment.number, "level": None, "note": {}, "assessed_on": None}
    return {
        "commitment": commitment.number,
        "level": standing.level,
        "note": standing.note or {},
        "assessed_on": standing.assessed_on,
    }


@router.get(
    "network",
    response=documented(200, NetworkOut, not_found=True, invalid=False),
    summary="The network of open collectivities",
)
def get_network(request: HttpRequest) -> dict[str, Any]:
    network = selectors.network()
    if network is None:
        raise HttpError(404, _("The network has not been set up yet."))
    return {
        "name": network.name,
        "description": network.description or {},
        "founded_on": network.founded_on,
        "member_counts": selectors.member_counts(),
    }


@router.get(
    "charter/commitments",
    response=documented(200, list[CharterCommitmentOut], invalid=False),
    summary="The charter's member commitments",
)
def list_commitments(request: HttpRequest) -> QuerySet[CharterCommitment]:
    return CharterCommitment.objects.order_by("number")


@router.get(
    "partners", response=documented(200, list[PartnerOut], invalid=False), summary="Partners of the support program"
)
def list_partners(request: HttpRequest) -> QuerySet[Partner]:
    return Partner.objects.all()
