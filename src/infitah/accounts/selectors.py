"""The querysets the account and association pages need, built in one place (pinned by query-count tests).

Other apps read associations through this module, never through the views.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, Value
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation

from infitah.accounts.models import Association, Representative
from infitah.territories.models import Collectivity, CollectivityKind

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from infitah.accounts.models import RoleAssignment, User


def _by_name(queryset: QuerySet[Any], lang: str) -> QuerySet[Any]:
    name = Coalesce(NullIf(KT(f"name__{lang}"), Value("")), KT("name__ar"), KT("name__fr"))
    return queryset.order_by(name.asc(), "pk")


def verified_associations(
    region: Collectivity | None = None, seat: Collectivity | None = None
) -> QuerySet[Association]:
    queryset = Association.objects.filter(is_verified=True).select_related("seat__parent__parent")
    if region is not None:
        queryset = queryset.filter(seat__in=Collectivity.objects.within_region(region))
    if seat is not None:
        queryset = queryset.filter(seat=seat)
    return _by_name(queryset, translation.get_language())


def regions() -> QuerySet[Collectivity]:
    return Collectivity.objects.filter(kind=CollectivityKind.REGION).ordered_by_name(translation.get_language())


def seats_of_verified_associations() -> QuerySet[Collectivity]:
    """Collectivities that are the seat of at least one verified association (the seat filter's choices)."""
    return Collectivity.objects.filter(
        pk__in=Association.objects.filter(is_verified=True).values("seat")
    ).ordered_by_name(translation.get_language())


def association_detail(pk: int) -> Association:
    """The association with its seat and representatives (names only are shown publicly)."""
    representatives = Representative.objects.select_related("user").order_by("pk")
    return (
        Association.objects.select_related("seat__parent__parent")
        .prefetch_related(Prefetch("representative_links", queryset=representatives))
        .get(pk=pk)
    )


def representations_of(user: User) -> QuerySet[Representative]:
    return user.representative_links.select_related("association").order_by("association__created_at")


def roles_of(user: User) -> QuerySet[RoleAssignment]:
    return user.role_assignments.select_related("collectivity").order_by("role", "collectivity__code")
