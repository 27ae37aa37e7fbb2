"""What the network dashboard and a member's index page read (the index part's selectors).

Every function costs a fixed number of queries whatever the number of members and years: values are read in one
query per figure family and pivoted, ranked and summarised (medians, bands) in Python. Medians are not a portable
SQL aggregate (SQLite has none), and a year of the whole network is 1,590 × 6 small rows.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from infitah.core.principles import Principle
from infitah.evaluation.models import IndexValue
from infitah.territories.models import Collectivity, CollectivityKind

OVERALL = ""
PRINCIPLES: list[str] = [p.value for p in Principle]
BANDS = 10  # the distribution's bands of 10 points: 0–10, 10–20, …, 90–100 (100 falls in the last)


def years() -> list[int]:
    """Every year with an index, latest first (one query)."""
    return list(
        IndexValue.objects.filter(principle=OVERALL).values_list("year", flat=True).distinct().order_by("-year")
    )


def filtered(kind: str = "", region: Collectivity | None = None) -> QuerySet[IndexValue]:
    queryset = IndexValue.objects.all()
    if kind:
        queryset = queryset.filter(collectivity__kind=kind)
    if region is not None:
        queryset = queryset.filter(
            Q(collectivity=region) | Q(collectivity__parent=region) | Q(collectivity__parent__parent=region)
        )
    return queryset


@dataclass
class RankedMember:
    rank: int
    code: str
    name: Any  # translated content (a dict)
    kind: str
    index: Decimal | None
    principles: dict[str, Decimal | None] = field(default_factory=dict)

    @property
    def kind_label(self) -> str:
        return str(CollectivityKind(self.kind).label) if self.kind in CollectivityKind.values else self.kind

    @property
    def sub_scores(self) -> list[Decimal | None]:
        return [self.principles.get(p) for p in PRINCIPLES]


def median(values: Iterable[Decimal]) -> Decimal | None:
    chosen = sorted(values)
    if not chosen:
        return None
    return Decimal(statistics.median(chosen)).quantize(Decimal("0.01"))


def ranking(year: int, kind: str = "", region: Collectivity | None = None) -> list[RankedMember]:
    """The members with an index for `year`, best first (equal indices share a rank, 1, 2, 2, 4, and are listed by
    code). Two queries: the year's values, then the names of the members ranked (read once each, not once per
    principle)."""
    chosen = filtered(kind, region).filter(year=year)
    members: dict[int, RankedMember] = {}
    sub_scores: list[tuple[int, str, Decimal]] = []
    # Ranked in Python: no ORDER BY through the collectivity's own ordering.
    for collectivity_id, principle, value in chosen.values_list("collectivity_id", "principle", "value").order_by():
        if principle == OVERALL:
            members[collectivity_id] = RankedMember(0, "", None, "", value)
        else:
            sub_scores.append((collectivity_id, principle, value))
    for collectivity_id, principle, value in sub_scores:
        if collectivity_id in members:
            members[collectivity_id].principles[principle] = value
    names = Collectivity.objects.filter(pk__in=chosen.filter(principle=OVERALL).values("collectivity_id"))
    for pk, code, name, collectivity_kind in names.values_list("pk", "code", "name", "kind").order_by():
        member = members[pk]
        member.code, member.name, member.kind = code, name, collectivity_kind
    ranked = sorted(members.values(), key=lambda m: (-(m.index or 0), m.code))
    previous: Decimal | None = None
    for position, member in enumerate(ranked, start=1):
        member.rank = ranked[position - 2].rank if member.index == previous else position
        previous = member.index
    return ranked


def medians(members: list[RankedMember]) -> dict[str, Decimal | None]:
    """The median of the index and of each principle's sub-score over these members (those with a value)."""
    result = {OVERALL: median(m.index for m in members if m.index is not None)}
    for principle in PRINCIPLES:
        result[principle] = median(v for m in members if (v := m.principles.get(principle)) is not None)
    return result


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    count: int


def distribution(members: list[RankedMember]) -> list[Band]:
    counts = [0] * BANDS
    for member in members:
        if member.index is not None:
            counts[min(int(member.index // 10), BANDS - 1)] += 1
    return [Band(n * 10, n * 10 + 10, count) for n, count in enumerate(counts)]


@dataclass(frozen=True)
class TrendPoint:
    year: int
    median: Decimal | None
    members: int
    member_value: Decimal | None = None


def trend(kind: str = "", region: Collectivity | None = None, member: str = "") -> list[TrendPoint]:
    """The network median of the index per year (oldest first) and, if asked, one member's index. One query."""
    per_year: dict[int, list[Decimal]] = defaultdict(list)
    chosen: dict[int, Decimal] = {}
    rows = (
        filtered(kind, region)
        .filter(principle=OVERALL)
        .values_list("year", "collectivity__code", "value")
        .order_by()  # grouped in Python
    )
    for year, code, value in rows:
        per_year[year].append(value)
        if member and code == member:
            chosen[year] = value
    return [TrendPoint(y, median(per_year[y]), len(per_year[y]), chosen.get(y)) for y in sorted(per_year)]


# --- A member's page ------------------------------------------------------------------------------------------------


@dataclass
class MemberYear:
    year: int
    index: Decimal | None = None
    campaign_id: int | None = None
    framework_version: int | None = None
    principles: dict[str, IndexValue] = field(default_factory=dict)
    illustrative: bool = False
    # The indicators of principles without a sub-score, as the index row keeps them.
    without_value: list[dict[str, Any]] = field(default_factory=list)


def member_years(collectivity: Collectivity) -> list[MemberYear]:
    """The member's index and sub-scores per year, latest first, with what each came from. One query."""
    by_year: dict[int, MemberYear] = {}
    for row in IndexValue.objects.filter(collectivity=collectivity).order_by("-year", "principle"):
        entry = by_year.setdefault(row.year, MemberYear(row.year))
        entry.illustrative = entry.illustrative or bool(row.inputs.get("illustrative"))
        if row.principle == OVERALL:
            entry.index = row.value
            entry.campaign_id = row.campaign_id
            entry.framework_version = row.inputs.get("framework")
            entry.without_value = list(row.inputs.get("without_value") or [])
        else:
            entry.principles[row.principle] = row
    return sorted(by_year.values(), key=lambda entry: -entry.year)


def network_medians(year: int) -> dict[str, Decimal | None]:
    """The network median of the index and each sub-score for a year, over every member. One query."""
    values: dict[str, list[Decimal]] = defaultdict(list)
    for principle, value in IndexValue.objects.filter(year=year).values_list("principle", "value").order_by():
        values[principle].append(value)
    return {principle: median(values[principle]) for principle in [OVERALL, *PRINCIPLES]}


def network_medians_by_year(years: Iterable[int]) -> dict[int, dict[str, Decimal | None]]:
    """`network_medians` for several years in one query."""
    values: dict[tuple[int, str], list[Decimal]] = defaultdict(list)
    wanted = list(years)
    rows = IndexValue.objects.filter(year__in=wanted).values_list("year", "principle", "value").order_by()
    for year, principle, value in rows:
        values[(year, principle)].append(value)
    return {y: {p: median(values[(y, p)]) for p in [OVERALL, *PRINCIPLES]} for y in wanted}


def member_section(request: HttpRequest, collectivity: Collectivity) -> dict[str, Any]:
    """The block of a member's network page: its latest index and sub-scores (one query)."""
    rows = list(IndexValue.objects.filter(collectivity=collectivity).order_by("-year", "principle")[:6])
    latest = [row for row in rows if rows and row.year == rows[0].year]
    index = next((row.value for row in latest if row.principle == OVERALL), None)
    return {
        "collectivity": collectivity,
        "index_year": latest[0].year if latest and index is not None else None,
        "index_value": index,
        "index_principles": sorted(
            ((Principle(row.principle), row.value) for row in latest if row.principle != OVERALL),
            key=lambda pair: PRINCIPLES.index(pair[0].value),
        ),
    }
