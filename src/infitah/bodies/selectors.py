"""What other apps may ask about advisory bodies (their public module: import this, not the views), and the
querysets the bodies' pages and API need, each at a fixed number of queries whatever the rows."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone

from infitah.bodies.models import BUREAU_ORDER, AdvisoryBody, BodyMember, Opinion, OpinionStatus

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest

    from infitah.accounts.types import Viewer
    from infitah.programs.models import Commitment
    from infitah.territories.models import Collectivity


def bodies_of(collectivity: Collectivity) -> list[AdvisoryBody]:
    """The advisory bodies of a collectivity, in the order they were set up (one query)."""
    return list(AdvisoryBody.objects.filter(collectivity=collectivity).order_by("pk"))


def quorum_of(body: AdvisoryBody) -> int:
    """The quorum of the body's meetings now: more than half of its active members (one query)."""
    from infitah.bodies.quorum import quorum_for

    return quorum_for(BodyMember.objects.active().filter(body=body).count())


def member_section_context(request: HttpRequest, collectivity: Collectivity) -> dict[str, Any]:
    return {"advisory_bodies": bodies_of(collectivity)}


def body_list(collectivity_code: str = "", kind: str = "") -> QuerySet[AdvisoryBody]:
    """Bodies with their collectivity and their counts of active members and of opinions (one query)."""
    bodies = AdvisoryBody.objects.select_related("collectivity").annotate(
        member_count=Count("members", filter=Q(members__left_on__isnull=True), distinct=True),
        opinion_count=Count("opinions", distinct=True),
    )
    if collectivity_code:
        bodies = bodies.filter(collectivity__code=collectivity_code)
    if kind:
        bodies = bodies.filter(kind=kind)
    return bodies.order_by("collectivity__code", "kind", "pk")


def body_detail(pk: int) -> AdvisoryBody:
    return AdvisoryBody.objects.select_related("collectivity").get(pk=pk)


def bureau_rank() -> Case:
    return Case(
        *[When(bureau_role=role, then=Value(rank)) for rank, role in enumerate(BUREAU_ORDER)],
        default=Value(len(BUREAU_ORDER)),
        output_field=IntegerField(),
    )


def composition(body: AdvisoryBody) -> list[BodyMember]:
    """The active members, bureau first (president, vice-presidents, rapporteur), then by seat type (one query)."""
    return list(
        BodyMember.objects.active()
        .filter(body=body)
        .select_related("user", "association")
        .annotate(rank=bureau_rank())
        .order_by("rank", "seat_type", "full_name", "pk")
    )


def gender_counts(members: Iterable[BodyMember]) -> tuple[dict[str, int], int]:
    """{gender: count} over the members whose gender is given, and how many did not say."""
    counts = Counter(member.gender or "" for member in members)
    unknown = counts.pop("", 0)
    return dict(counts), unknown


def opinions(
    body: AdvisoryBody | None = None, status: str = "", overdue: bool | None = None, today: datetime.date | None = None
) -> QuerySet[Opinion]:
    """Opinions with their body and collectivity, newest first. `overdue`: True for unanswered opinions past
    their due day, False for the others."""
    queryset = Opinion.objects.select_related("body__collectivity")
    if body is not None:
        queryset = queryset.filter(body=body)
    if status:
        queryset = queryset.filter(status=status)
    if overdue is not None:
        late = Q(due_on__lt=today or timezone.localdate()) & ~Q(status=OpinionStatus.ANSWERED)
        queryset = queryset.filter(late) if overdue else queryset.exclude(late)
    return queryset.order_by("-submitted_at", "-pk")


def opinion_detail(pk: int) -> Opinion:
    """An opinion with its body, its member and the commitments it is about with their programs (two queries)."""
    from django.db.models import Prefetch

    from infitah.programs.models import Commitment

    about = Prefetch("commitments", queryset=Commitment.objects.select_related("program").order_by("program", "order"))
    return (
        Opinion.objects.select_related("body__collectivity", "member__association").prefetch_related(about).get(pk=pk)
    )


def submitting_members(body: AdvisoryBody) -> QuerySet[BodyMember]:
    """Active members a staff member may name as presenting an opinion."""
    return BodyMember.objects.active().filter(body=body).select_related("user").order_by("full_name", "pk")


# --- Opinions about commitments (issue 10) ---


def choosable_commitments(body: AdvisoryBody) -> QuerySet[Commitment]:
    """The commitments an opinion of `body` may be about: those of its own collectivity's public programs, by
    program then in their order (one query)."""
    from infitah.programs.models import Commitment

    return (
        Commitment.objects.public()
        .filter(program__collectivity_id=body.collectivity_id)
        .select_related("program")
        .order_by("program__pk", "order", "pk")
    )


def opinions_about(commitment: Commitment) -> list[Opinion]:
    """The opinions of advisory bodies about `commitment`, newest first, with their body (one query). Opinions
    are public from their submission on (see bodies.rules): there is no draft to hide."""
    return list(Opinion.objects.filter(commitments=commitment).select_related("body").order_by("-submitted_at", "-pk"))


def commitment_section_context(commitment: Commitment, user: Viewer) -> dict[str, Any]:
    """The programs' commitment page block: the advisory-body opinions about it that `user` may see (nothing
    shown when none)."""
    from infitah.core.visibility import all_visible

    about = all_visible(user, opinions_about(commitment))
    return {"opinions": about} if about else {}


def public_commitments_prefetch() -> Any:
    """The commitments of opinions as the public sees them (the API, open data): those of public programs only,
    one query for a whole page of opinions."""
    from django.db.models import Prefetch

    from infitah.programs.models import Commitment

    return Prefetch("commitments", queryset=Commitment.objects.public().order_by("pk"))
