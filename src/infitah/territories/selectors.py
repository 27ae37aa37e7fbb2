"""The querysets and figures the territories pages need, built in one place (and pinned by query-count tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch
from django.utils import translation

from infitah.core.arabic import normalise
from infitah.core.principles import principles_with_descriptions  # noqa: F401 - used by views
from infitah.territories.models import (
    CharterCommitment,
    CharterSection,
    Collectivity,
    CollectivityKind,
    CommitmentStanding,
    Membership,
    Network,
    Partner,
)

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest


def network() -> Network | None:
    return Network.objects.first()


def member_counts(memberships: QuerySet[Membership] | None = None) -> dict[str, int]:
    """{kind: count} of current members, every kind present (0 when none)."""
    queryset = memberships if memberships is not None else Membership.objects.current()
    rows = queryset.values("collectivity__kind").annotate(total=Count("pk")).order_by()
    counts = {kind.value: 0 for kind in CollectivityKind}
    counts.update({row["collectivity__kind"]: row["total"] for row in rows})
    return counts


def counts_for_display(counts: dict[str, int]) -> list[dict[str, Any]]:
    return [
        {"kind": kind.value, "label": label, "count": counts[kind.value]}
        for kind, label in (
            (CollectivityKind.REGION, translation.gettext("regions")),
            (CollectivityKind.PROVINCE, translation.gettext("prefectural and provincial councils")),
            (CollectivityKind.COMMUNE, translation.gettext("communes")),
        )
    ]


def has_illustrative_members() -> bool:
    return Membership.objects.current().filter(is_illustrative=True).exists()


def regions() -> QuerySet[Collectivity]:
    return Collectivity.objects.filter(kind=CollectivityKind.REGION).ordered_by_name(translation.get_language())


def members(kind: str = "", region: Collectivity | None = None, query: str = "") -> QuerySet[Membership]:
    queryset = Membership.objects.current().with_places()
    if kind:
        queryset = queryset.filter(collectivity__kind=kind)
    if region is not None:
        queryset = queryset.filter(collectivity__in=Collectivity.objects.within_region(region))
    if query:
        queryset = queryset.filter(collectivity__search_key__contains=normalise(query))
    return queryset.order_by("collectivity__kind", "collectivity__code")


def member_detail(code: str) -> tuple[Membership, list[tuple[CharterCommitment, CommitmentStanding | None]]]:
    """The membership of the collectivity with that code, with its standings on every charter commitment."""
    membership = (
        Membership.objects.with_places()
        .prefetch_related(Prefetch("standings", queryset=CommitmentStanding.objects.select_related("commitment")))
        .get(collectivity__code=code)
    )
    by_commitment = {standing.commitment_id: standing for standing in membership.standings.all()}
    standings = [(commitment, by_commitment.get(commitment.pk)) for commitment in CharterCommitment.objects.all()]
    return membership, standings


def members_within(collectivity: Collectivity) -> QuerySet[Membership]:
    """Current members that lie inside a region or province (for that member's page)."""
    inside = Collectivity.objects.within_region(collectivity).exclude(pk=collectivity.pk)
    return (
        Membership.objects.current()
        .with_places()
        .filter(collectivity__in=inside)
        .order_by("collectivity__kind", "collectivity__code")
    )


def charter() -> dict[str, list[Any]]:
    return {
        "sections": list(CharterSection.objects.all()),
        "commitments": list(CharterCommitment.objects.all()),
    }


def partners() -> list[Partner]:
    return list(Partner.objects.all())


def home_context(request: HttpRequest) -> dict[str, Any]:
    return {
        "network": network(),
        "member_counts": counts_for_display(member_counts()),
        "principles": principles_with_descriptions(),
        "partners": partners(),
    }
