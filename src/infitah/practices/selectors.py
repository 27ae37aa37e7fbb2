"""What the library's pages, the API, search, open data and the other apps read. Every function costs a fixed number
of queries whatever the number of rows (the pages' query counts are pinned by tests).

Public contract (other apps read it): `capacity_counts(collectivity_ids)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.arabic import normalise
from infitah.practices.models import Adoption, Practice
from infitah.practices.states import Status


def published() -> QuerySet[Practice]:
    """The public library: published practices with their collectivity and adoption count, newest first."""
    return (
        Practice.objects.published()
        .select_related("collectivity__parent__parent")
        .annotate(adoption_count=Count("adoptions"))
        .order_by("-published_at", "-pk")
    )


def filtered(practices: QuerySet[Practice], chosen: dict[str, Any]) -> QuerySet[Practice]:
    """The library's filters: principle, collectivity kind, region, collectivity, words of the text."""
    if chosen.get("principle"):
        # JSON lists matched as text on SQLite and PostgreSQL alike; the quotes keep the match exact.
        practices = practices.filter(principles__icontains=f'"{chosen["principle"]}"')
    if chosen.get("kind"):
        practices = practices.filter(collectivity__kind=chosen["kind"])
    region = chosen.get("region")
    if region is not None:
        practices = practices.filter(
            Q(collectivity=region) | Q(collectivity__parent=region) | Q(collectivity__parent__parent=region)
        )
    if chosen.get("collectivity"):
        practices = practices.filter(collectivity=chosen["collectivity"])
    # Arabic spellings and French accents folded on both sides, as the programs' library does.
    for word in normalise(chosen.get("q") or "").split()[:10]:
        practices = practices.filter(search_key__contains=word)
    return practices


def detail(pk: int) -> Practice | None:
    """One practice (any status: the view asks the rule) with its adoptions and their commitments, in 2 queries."""
    adoptions = Adoption.objects.select_related("collectivity", "commitment__program").order_by("declared_at", "pk")
    return (
        Practice.objects.select_related("collectivity", "submitted_by")
        .prefetch_related(Prefetch("adoptions", queryset=adoptions))
        .filter(pk=pk)
        .first()
    )


def capacity_counts(collectivity_ids: Iterable[int]) -> dict[int, dict]:
    """Per collectivity id: "shared" (its published practices) and "adopted" (the adoptions it declared of
    published practices). Two queries whatever the number of ids; every id asked is in the answer."""
    ids = list(collectivity_ids)
    counts = {pk: {"shared": 0, "adopted": 0} for pk in ids}
    if not ids:
        return counts
    shared = Practice.objects.published().filter(collectivity_id__in=ids).values("collectivity_id")
    for row in shared.annotate(n=Count("pk")).order_by():
        counts[row["collectivity_id"]]["shared"] = row["n"]
    adopted = Adoption.objects.filter(collectivity_id__in=ids, practice__status=Status.PUBLISHED)
    for row in adopted.values("collectivity_id").annotate(n=Count("pk")).order_by():
        counts[row["collectivity_id"]]["adopted"] = row["n"]
    return counts


MEMBER_SECTION_LATEST = 5


def member_section(request: Any, collectivity: Any) -> dict[str, Any]:
    """A member's page: the practices it shares and the ones it adopted (2 queries)."""
    shared = list(published().filter(collectivity=collectivity)[: MEMBER_SECTION_LATEST + 1])
    adopted = list(
        Adoption.objects.filter(collectivity=collectivity, practice__status=Status.PUBLISHED)
        .select_related("practice__collectivity")
        .order_by("-declared_at", "-pk")[: MEMBER_SECTION_LATEST + 1]
    )
    return {
        "collectivity": collectivity,
        "shared": shared[:MEMBER_SECTION_LATEST],
        "more_shared": len(shared) > MEMBER_SECTION_LATEST,
        "adopted": adopted[:MEMBER_SECTION_LATEST],
    }


def commitment_section(commitment: Any, user: Any) -> dict[str, Any]:
    """A commitment's page: "adapted from the practice X of Y" for each published practice it adopted (1 query)."""
    adoptions = list(
        Adoption.objects.filter(commitment=commitment, practice__status=Status.PUBLISHED)
        .select_related("practice__collectivity")
        .order_by("declared_at", "pk")
    )
    return {"practice_adoptions": adoptions} if adoptions else {}


def to_review(user: Any, now: Any = None) -> QuerySet[Practice]:
    if not is_network_coordinator(user):
        return Practice.objects.none()
    return Practice.objects.filter(status=Status.SUBMITTED).select_related("collectivity").order_by("pk")


def returned_to(user: Any) -> QuerySet[Practice]:
    """Returned practices of the collectivities where `user` is staff, or that they submitted."""
    places = collectivities_where(user, STAFF_ROLES)
    mine = Q(submitted_by=user) | Q(collectivity_id__in=places)
    return Practice.objects.filter(mine, status=Status.RETURNED).select_related("collectivity").order_by("pk")


def of_my_collectivities(user: Any) -> QuerySet[Practice]:
    """Every practice of the collectivities where `user` is staff, whatever its status (their desk)."""
    places = collectivities_where(user, STAFF_ROLES)
    return (
        Practice.objects.filter(collectivity_id__in=places)
        .select_related("collectivity")
        .order_by("-created_at", "-pk")
    )


def search_rows() -> QuerySet[Practice]:
    return Practice.objects.published().select_related("collectivity").order_by("pk")


def dataset_rows() -> QuerySet[Practice]:
    return published().order_by("pk")
