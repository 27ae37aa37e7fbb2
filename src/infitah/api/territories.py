from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from infitah.territories.models import Collectivity, CollectivityKind, Membership

router = Router(tags=["territories"])


class CollectivityOut(Schema):
    code: str
    kind: str = Field(description="region, province (prefecture or province) or commune")
    province_type: str
    name: dict[str, str] = Field(description="Name per language code (ar, fr, en, zgh) where known")
    parent_code: str | None = Field(None, alias="parent.code")
    population: int | None
    census_year: int | None
    has_arrondissements: bool


class MemberOut(Schema):
    collectivity: CollectivityOut
    joined_on: date
    cohort: str
    status: str
    is_illustrative: bool


@router.get("collectivities", response=list[CollectivityOut], summary="Territorial collectivities")
@paginate(PageNumberPagination, page_size=100)
def list_collectivities(request, kind: CollectivityKind | None = None, parent: str | None = None):
    queryset = Collectivity.objects.select_related("parent").order_by("code")
    if kind:
        queryset = queryset.filter(kind=kind)
    if parent:
        queryset = queryset.filter(parent__code=parent)
    return queryset


@router.get("collectivities/{code}", response=CollectivityOut, summary="One territorial collectivity")
def get_collectivity(request, code: str):
    return get_object_or_404(Collectivity.objects.select_related("parent"), code=code)


@router.get("members", response=list[MemberOut], summary="Members of the network")
@paginate(PageNumberPagination, page_size=100)
def list_members(request, kind: CollectivityKind | None = None):
    queryset = Membership.objects.current().select_related("collectivity__parent").order_by("collectivity__code")
    if kind:
        queryset = queryset.filter(collectivity__kind=kind)
    return queryset
