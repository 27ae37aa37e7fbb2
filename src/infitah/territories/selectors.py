"""The querysets and figures the territories pages need, built in one place (and pinned by query-count tests)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from django.db.models import Count, F, Prefetch
from django.urls import reverse
from django.utils import formats, translation
from django.utils.http import RFC3986_SUBDELIMS

from infitah.core import counting
from infitah.core.arabic import normalise
from infitah.core.principles import principles_with_descriptions  # noqa: F401 - used by views
from infitah.core.translation import marked
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
    # Kept until a membership or a collectivity is written: otherwise every rendering reads every member.
    counts.update(counting.kept(rows, _by_kind, "by-kind", empty={}))
    return counts


def _by_kind(rows: QuerySet[Membership, dict[str, Any]]) -> dict[str, int]:
    return {row["collectivity__kind"]: row["total"] for row in rows}


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
    illustrative = Membership.objects.current().filter(is_illustrative=True)
    return counting.kept(illustrative, lambda rows: rows.exists(), "exists", empty=False)


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


# What the network's list shows of a membership (member_rows); a collectivity lies at most two levels down.
_LISTED = {
    "code": "collectivity__code",
    "name": "collectivity__name",
    "kind": "collectivity__kind",
    "province_type": "collectivity__province_type",
    "parent": "collectivity__parent__name",
    "grandparent": "collectivity__parent__parent__name",
}


def listed(memberships: QuerySet[Membership]) -> QuerySet[Membership, Any]:
    """`memberships` as the network's list reads them: only what `member_rows` shows, no model built."""
    return memberships.values("joined_on", **{name: F(path) for name, path in _LISTED.items()})


@dataclass(frozen=True)
class MemberRow:
    url: str
    name: str  # HTML-ready: a name that fell back to another language carries its lang and dir
    kind: str
    region: str  # empty for a region
    joined_on: str


def member_rows(listed_memberships: Iterable[dict[str, Any]]) -> list[MemberRow]:
    """The rows of the network's list (from `listed`). Built here rather than looked up row by row in the template:
    at 1,000 members the list is full (30 rows) and its rows were most of what the page costs more than at 10
    (`make bench`, the network page at 1,000 members against 10)."""
    member_url, lang = _member_url(), translation.get_language()
    kinds: dict[tuple[str, str], str] = {}
    dates: dict[Any, str] = {}
    rows = []
    for row in listed_memberships:
        kind = (row["kind"], row["province_type"])
        if kind not in kinds:
            kinds[kind] = str(Collectivity(kind=row["kind"], province_type=row["province_type"]).kind_label)
        if row["joined_on"] not in dates:
            dates[row["joined_on"]] = formats.date_format(row["joined_on"], "SHORT_DATE_FORMAT")
        region = row["grandparent"] or row["parent"]  # the top of its chain (Collectivity.region)
        rows.append(
            MemberRow(
                url=member_url(row["code"]),
                name=marked(row["name"], lang),
                kind=kinds[kind],
                region=marked(region, lang) if region is not None else "",
                joined_on=dates[row["joined_on"]],
            )
        )
    return rows


def _member_url() -> Callable[[str], str]:
    """code -> the member page's address, as `reverse` gives it, from one `reverse`."""
    placeholder = "member-code"
    address = reverse("territories:member", args=[placeholder])
    before, after = address.rsplit(placeholder, 1)
    return lambda code: before + quote(code, safe=RFC3986_SUBDELIMS + "/~:@") + after


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
