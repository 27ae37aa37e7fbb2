"""The querysets the consultation pages need, built in one place (their query counts are pinned by tests).

This is also the app's public module: the report and the API read consultations through it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.cache import cache
from django.db import models
from django.db.models import Count

from infitah.consultations.models import Consultation, Contribution

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from infitah.accounts.types import Viewer
    from infitah.consultations.models import ContributionRevision
    from infitah.programs.models import Commitment, Program
    from infitah.territories.models import Collectivity

_T = TypeVar("_T")

COUNTS_TTL = 3600


def cached(consultation: Consultation, name: str, compute: Callable[[], _T]) -> _T:
    """Counts over every contribution are computed once per change of the consultation (its activity stamp moves
    whenever a contribution or an answer is saved or deleted), so a page with 10,000 contributions costs what one
    with 100 does."""
    key = f"consultations:{name}:{consultation.pk}:{consultation.activity_at.timestamp()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, COUNTS_TTL)
    return value


def touch(consultation_id: int | QuerySet[Any, Any]) -> None:
    """Record that a consultation's contributions or answers changed (their cached counts are then recomputed).

    `consultation_id` may be a subquery. The stamp only moves forward, by at least a microsecond, so two changes
    within the clock's resolution still give two different keys."""
    import datetime

    from django.db.models.functions import Greatest
    from django.utils import timezone

    Consultation.objects.filter(
        pk__in=[consultation_id] if isinstance(consultation_id, int) else consultation_id
    ).update(activity_at=Greatest(timezone.now(), models.F("activity_at") + datetime.timedelta(microseconds=1)))


def contributions_of(consultation: Consultation) -> QuerySet[Contribution]:
    """Every contribution of the consultation (hidden ones included) with its author, association and response."""
    return (
        Contribution.objects.filter(consultation=consultation)
        .select_related("author", "association", "response", "response__merged_into")
        .order_by("created_at", "pk")
    )


def version_index(consultation: Consultation) -> dict[str, dict[str, dict[str, Any]]]:
    """{"axes": {key: axis}, "commitments": {key: commitment}} from the consulted version's snapshot.

    Each commitment entry also carries "axis_key"; titles are TranslatedField values (use tr()).
    """
    snapshot = consultation.version.snapshot or {}
    axes: dict[str, dict[str, Any]] = {}
    commitments: dict[str, dict[str, Any]] = {}
    for axis in snapshot.get("axes") or []:
        axes[axis["key"]] = {"key": axis["key"], "title": axis.get("title") or {}}
        for commitment in axis.get("commitments") or []:
            commitments[commitment["key"]] = {
                "key": commitment["key"],
                "title": commitment.get("title") or {},
                "axis_key": axis["key"],
            }
    return {"axes": axes, "commitments": commitments}


def consultation_detail(pk: int) -> Consultation:
    return Consultation.objects.select_related("program__collectivity", "version", "collectivity").get(pk=pk)


def consultation_list(
    state: str = "",
    collectivity: Collectivity | None = None,
    program: Program | None = None,
    now: datetime.datetime | None = None,
) -> QuerySet[Consultation]:
    """Consultations on public programs, newest first; `state`: upcoming, open or closed."""
    from django.utils import timezone

    from infitah.programs.phases import PUBLIC_PHASES

    now = now or timezone.now()
    queryset = Consultation.objects.filter(program__phase__in=[p.value for p in PUBLIC_PHASES]).select_related(
        "collectivity", "program"
    )
    if collectivity is not None:
        queryset = queryset.filter(collectivity=collectivity)
    if program is not None:
        queryset = queryset.filter(program=program)
    if state == "upcoming":
        queryset = queryset.filter(opens_at__gt=now)
    elif state == "open":
        queryset = queryset.filter(opens_at__lte=now, closes_at__gt=now)
    elif state == "closed":
        queryset = queryset.filter(closes_at__lte=now)
    return queryset.annotate(contribution_count=Count("contributions")).order_by("-opens_at", "pk")


def filter_contributions(
    queryset: QuerySet[Contribution], kind: str = "", axis: str = "", state: str = ""
) -> QuerySet[Contribution]:
    if kind:
        queryset = queryset.filter(kind=kind)
    if axis:
        queryset = queryset.filter(axis_key=axis)
    if state == "answered":
        queryset = queryset.filter(response__isnull=False)
    elif state == "unanswered":
        queryset = queryset.filter(response__isnull=True, is_hidden=False, withdrawn_at__isnull=True)
    elif state in ("retained", "merged", "not_retained"):
        queryset = queryset.filter(response__outcome=state)
    elif state == "hidden":
        queryset = queryset.filter(is_hidden=True)
    return queryset


def contribution_page_rows(consultation: Consultation, user: Viewer, **filters: str) -> QuerySet[Contribution]:
    """The contributions of the detail page, with their counts and the viewer's support (fixed queries)."""
    from infitah.participation.selectors import with_participation

    return with_participation(filter_contributions(contributions_of(consultation), **filters), user)


def counts_by_place(consultation: Consultation) -> dict[str, Any]:
    """{"whole": n, "axes": {key: n}, "commitments": {key: n}, "proposals": n} of visible contributions (one query,
    none while nothing changed)."""
    return cached(consultation, "places", lambda: _counts_by_place(consultation))


def _counts_by_place(consultation: Consultation) -> dict[str, Any]:
    rows = (
        Contribution.objects.filter(consultation=consultation)
        .order_by()
        .values("kind", "axis_key", "commitment_key")
        .annotate(n=Count("pk"))
    )
    counts: dict[str, Any] = {"whole": 0, "axes": {}, "commitments": {}, "proposals": 0, "total": 0}
    for row in rows:
        counts["total"] += row["n"]
        if row["kind"] == "proposal":
            counts["proposals"] += row["n"]
        if row["commitment_key"]:
            key = str(row["commitment_key"])
            counts["commitments"][key] = counts["commitments"].get(key, 0) + row["n"]
        if row["axis_key"]:
            key = str(row["axis_key"])
            counts["axes"][key] = counts["axes"].get(key, 0) + row["n"]
        elif row["kind"] != "proposal":
            counts["whole"] += row["n"]
    return counts


def contribution_detail(consultation: Consultation, pk: int, user: Viewer = None) -> Contribution:
    from infitah.participation.selectors import with_participation

    return with_participation(contributions_of(consultation), user).get(pk=pk)


def commitment_by_key(program: Program, key: str) -> Commitment | None:
    """The live draft's commitment with that stable key (None once deleted)."""
    from infitah.programs.models import Commitment

    return Commitment.objects.filter(program=program, key=key).select_related("axis").first()


def unanswered(consultation: Consultation) -> QuerySet[Contribution]:
    """What the staff still have to answer: visible contributions without a response, oldest first."""
    return contributions_of(consultation).filter(is_hidden=False, withdrawn_at__isnull=True, response__isnull=True)


def draft_commitments(program: Program) -> list[Commitment]:
    """The live draft's commitments a response may name (a retained contribution shows in the next version)."""
    from infitah.programs.models import Commitment

    return list(
        Commitment.objects.filter(program=program).select_related("axis").order_by("axis__order", "order", "pk")
    )


def consultations_of_program(program: Program) -> list[Consultation]:
    return list(
        Consultation.objects.filter(program=program)
        .annotate(contribution_count=Count("contributions"))
        .order_by("-opens_at", "pk")
    )


def clock_summary(consultation: Consultation, now: datetime.datetime | None = None) -> dict[str, int]:
    """The response clock's public counts (one query): hidden and withdrawn contributions await no answer."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from infitah.consultations import clock

    late_from = clock.late_from(consultation.closes_at, consultation.response_days)

    def aggregate() -> dict[str, int]:
        awaiting = Contribution.objects.filter(consultation=consultation, is_hidden=False, withdrawn_at__isnull=True)
        return awaiting.aggregate(
            total=Count("pk"),
            answered=Count("pk", filter=Q(response__isnull=False)),
            answered_late=Count("pk", filter=Q(response__answered_at__gte=late_from)),
        )

    counts = cached(consultation, f"clock:{consultation.closes_at.timestamp()}:{consultation.response_days}", aggregate)
    return clock.summarise(
        **counts,
        closes_at=consultation.closes_at,
        response_days=consultation.response_days,
        now=now or timezone.now(),
    )


def revisions_of(contribution: Contribution) -> QuerySet[ContributionRevision]:
    """The edit history of a contribution, newest first, with who made each change (for its moderators only)."""
    return contribution.revisions.select_related("changed_by").order_by("-changed_at", "-pk")


RETAINED_SHOWN = 20


def retained_into(commitment: Commitment, limit: int | None = None) -> list[Contribution]:
    """The visible contributions whose answer retained them into `commitment`, or merged them into it (one query,
    the first `limit` of them): what people said that the commitment now carries."""
    from infitah.consultations.models import ResponseOutcome

    rows = (
        Contribution.objects.filter(
            consultation__program_id=commitment.program_id,
            is_hidden=False,
            withdrawn_at__isnull=True,
            response__commitment_key=commitment.key,
            response__outcome__in=[ResponseOutcome.RETAINED, ResponseOutcome.MERGED],
        )
        .select_related("consultation", "association", "response")
        .order_by("created_at", "pk")
    )
    return list(rows if limit is None else rows[:limit])


def commitment_section_context(commitment: Commitment, user: Viewer) -> dict[str, Any]:
    """The programs' commitment page block: the first contributions retained into it (nothing shown when none),
    and the consultations they come from, whose pages and reports list every one: a commitment that carries
    thousands costs its page what one that carries twenty does."""
    contributions = retained_into(commitment, limit=RETAINED_SHOWN + 1)
    if not contributions:
        return {}
    shown = contributions[:RETAINED_SHOWN]
    consultations = list({c.consultation_id: c.consultation for c in shown}.values())
    return {"contributions": shown, "more": len(contributions) > RETAINED_SHOWN, "consultations": consultations}
