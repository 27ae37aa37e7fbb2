"""Capacity per member: who its staff and its associations had trained, the certificates issued, and the practices
it shared and adopted (from the practices app's contract). Counts only, never a name; a fixed number of queries
whatever the number of members: the table's rows come from one annotated query."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from infitah.territories.models import Membership
from infitah.training.models import Enrolment
from infitah.training.selectors import attended_enrolments

FIGURES = ("staff_trained", "associations_trained", "courses_followed", "certificates")


def _per_collectivity(queryset, counted: str, distinct: bool = True) -> Coalesce:
    by_member = (
        queryset.filter(collectivity=OuterRef("collectivity"))
        .order_by()
        .values("collectivity")
        .annotate(n=Count(counted, distinct=distinct))
        .values("n")[:1]
    )
    return Coalesce(Subquery(by_member, output_field=IntegerField()), Value(0))


def annotated(queryset):
    """Memberships (or anything with a `collectivity`) with the training figures as annotations."""
    trained = attended_enrolments()
    return queryset.annotate(
        staff_trained=_per_collectivity(trained.filter(as_staff=True), "user"),
        associations_trained=_per_collectivity(trained.filter(as_staff=False), "user"),
        courses_followed=_per_collectivity(trained, "pk", distinct=False),
        certificates=_per_collectivity(Enrolment.objects.filter(certificate_code__isnull=False), "pk", False),
    )


def members():
    """Every current member with its figures, in the members list's order (one query)."""
    return annotated(Membership.objects.current().select_related("collectivity")).order_by(
        "collectivity__kind", "collectivity__code"
    )


def with_practices(rows: Iterable[Any]) -> list[Any]:
    """The rows with `practices_shared` and `practices_adopted` (the practices app's two queries)."""
    from infitah.practices.selectors import capacity_counts

    rows = list(rows)
    counts = capacity_counts([row.collectivity_id for row in rows])
    for row in rows:
        figures = counts.get(row.collectivity_id, {})
        row.practices_shared = figures.get("shared", 0)
        row.practices_adopted = figures.get("adopted", 0)
    return rows


def table() -> list[Any]:
    return with_practices(members())


def of_member(collectivity_id: int) -> dict[str, int]:
    """One member's figures (three queries), for its page."""
    membership = annotated(Membership.objects.filter(collectivity_id=collectivity_id)).first()
    figures = {name: getattr(membership, name, 0) for name in FIGURES}
    from infitah.practices.selectors import capacity_counts

    practices = capacity_counts([collectivity_id]).get(collectivity_id, {})
    figures["practices_shared"] = practices.get("shared", 0)
    figures["practices_adopted"] = practices.get("adopted", 0)
    return figures


def network_totals() -> dict[str, int]:
    """The whole network's figures (two queries): its staff and association members trained, certificates issued."""
    trained = attended_enrolments().filter(collectivity__membership__isnull=False).order_by()
    totals = trained.aggregate(
        staff_trained=Count("user", distinct=True, filter=Q(as_staff=True)),
        associations_trained=Count("user", distinct=True, filter=Q(as_staff=False)),
    )
    totals["certificates"] = Enrolment.objects.filter(certificate_code__isnull=False).count()
    return totals


CSV_HEADER = (
    "collectivity_code",
    "collectivity",
    "staff_trained",
    "associations_trained",
    "courses_followed",
    "certificates",
    "practices_shared",
    "practices_adopted",
)
