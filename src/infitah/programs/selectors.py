"""The querysets the program pages need, built in one place (their query counts are pinned by tests).

This is also the programs app's public module: other apps read programs through it, never through the views.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from infitah.accounts.models import STAFF_ROLES, Association, Role
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.arabic import normalise
from infitah.core.permissions import can
from infitah.core.predicates import signed_in
from infitah.programs.models import (
    Axis,
    Commitment,
    CouncilAdoption,
    Milestone,
    PhaseDates,
    PhaseTransition,
    Program,
    ProgramVersion,
)
from infitah.programs.phases import ORDER, Phase
from infitah.territories.models import Collectivity

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest

    from infitah.accounts.models import User
    from infitah.accounts.types import Viewer
    from infitah.programs.models import ProgramQuerySet
    from infitah.territories.models import Collectivity

# Those who read a collectivity's programs while they are still in preparation.
DRAFT_READERS = STAFF_ROLES | {Role.COUNCIL_MEMBER}


def drafts_read_by(user: Viewer) -> Literal[True] | set[int]:
    """The programs in preparation `user` may read: all of them (True), or those of these collectivities (their
    staff and council's; none for the public)."""
    if not signed_in(user):
        return set()
    assert user is not None and user.is_authenticated  # what signed_in() checked
    if user.is_superuser or is_network_coordinator(user):
        return True
    return collectivities_where(user, DRAFT_READERS)


def visible_programs(user: Viewer) -> ProgramQuerySet:
    """Public programs, plus those in preparation that `user` may read (their collectivity's staff and council)."""
    queryset = Program.objects.all()
    drafts = drafts_read_by(user)
    if drafts is True:
        return queryset
    if drafts:
        return queryset.filter(Q(pk__in=Program.objects.public()) | Q(collectivity__in=drafts))
    return queryset.public()


def sees_only_public_programs(user: Viewer) -> bool:
    """Whether the programs list `user` is given is the public one: no program in preparation is theirs to read (one
    query, asked of a signed-in reader with a power: core.sharedpages then gives them the shared copy)."""
    drafts = drafts_read_by(user)
    if not drafts:
        return True
    # visible_programs(user) less the public ones, asked of one table: the reader's programs in preparation.
    in_preparation = Program.objects.not_public()
    if drafts is not True:
        in_preparation = in_preparation.filter(collectivity__in=drafts)
    return not in_preparation.exists()


def visible_program_or_404(user: Viewer, pk: int, loader: Callable[[int], Program] | None = None) -> Program:
    """The program if `user` may see it; a program in preparation does not exist for the public. `loader` fetches
    it with what the page needs (e.g. `program_detail`)."""
    try:
        program = (loader or (lambda key: Program.objects.select_related("collectivity").get(pk=key)))(pk)
    except Program.DoesNotExist:
        raise Http404(_("There is no openness program at this address.")) from None
    if not can(user, "programs.view_program", program):
        raise Http404(_("There is no openness program at this address."))
    return program


def program_list(user: Viewer, collectivity: Collectivity | None = None, phase: str = "") -> QuerySet[Program]:
    queryset = visible_programs(user).select_related("collectivity__parent__parent", "reference_version")
    if collectivity is not None:
        queryset = queryset.filter(collectivity=collectivity)
    if phase:
        queryset = queryset.filter(phase=phase)
    return queryset.order_by("collectivity__kind", "collectivity__code", "-created_at", "pk")


def co_owners() -> Prefetch:
    """A commitment's co-owning associations, in the order every page lists them."""
    return Prefetch("associations", queryset=Association.objects.order_by("pk"))


def commitments_with_content() -> QuerySet[Commitment]:
    """Commitments with what their cards show: co-owning associations and milestones (two queries in all)."""
    return Commitment.objects.prefetch_related(
        co_owners(),
        Prefetch("milestones", queryset=Milestone.objects.order_by("order", "due_date", "pk")),
    ).order_by("order", "pk")


def draft_axes(program: Program) -> list[Axis]:
    """The live draft: axes → commitments → milestones, with a fixed number of queries whatever its size."""
    return list(
        Axis.objects.filter(program=program)
        .prefetch_related(Prefetch("commitments", queryset=commitments_with_content()))
        .order_by("order", "pk")
    )


def program_detail(pk: int) -> Program:
    """The program with its timeline, planned dates, versions and adoptions (versions without their snapshot)."""
    versions = ProgramVersion.objects.without_snapshot().select_related("published_by").order_by("number")
    return (
        Program.objects.select_related("collectivity__parent__parent", "reference_version")
        .prefetch_related(
            Prefetch("transitions", queryset=PhaseTransition.objects.select_related("by").order_by("at", "pk")),
            Prefetch("phase_dates", queryset=PhaseDates.objects.all()),
            Prefetch("versions", queryset=versions),
            Prefetch(
                "adoptions", queryset=CouncilAdoption.objects.select_related("version").order_by("adopted_on", "pk")
            ),
        )
        .get(pk=pk)
    )


def latest_version(program: Program) -> ProgramVersion | None:
    """The last published version: what a public consultation opened now is held on (consultations app)."""
    return ProgramVersion.objects.filter(program=program).order_by("-number").first()


def latest_snapshot(program: Program) -> dict[str, Any] | None:
    version = ProgramVersion.objects.filter(program=program).order_by("-number").only("snapshot").first()
    return version.snapshot if version else None


def phase_timeline(program: Program) -> list[dict[str, Any]]:
    """Each phase with its planned dates and its actual start and end (from the recorded transitions).

    A phase entered twice (after a step back) keeps its first start and its last end.
    """
    planned = {row.phase: row for row in program.phase_dates.all()}
    actual: dict[Phase, dict[str, datetime.datetime | None]] = {phase: {"start": None, "end": None} for phase in ORDER}
    actual[Phase.PREPARATION]["start"] = program.created_at
    for move in program.transitions.all():
        actual[Phase(move.from_phase)]["end"] = move.at
        entered = actual[Phase(move.to_phase)]
        entered["start"] = entered["start"] or move.at
        entered["end"] = None
    current = Phase(program.phase)
    return [
        {
            "phase": phase,
            "planned": planned.get(phase.value),
            "actual_start": actual[phase]["start"],
            "actual_end": actual[phase]["end"] if phase != current else None,
            "is_current": phase == current,
        }
        for phase in ORDER
    ]


def timeline_events(program: Program) -> list[dict[str, Any]]:
    """Everything that happened to the program, oldest first: its start, phase changes, publications, adoptions.

    Uses only what program_detail() prefetched.
    """
    events = [{"kind": "start", "at": program.created_at, "record": program}]
    events += [{"kind": "transition", "at": move.at, "record": move} for move in program.transitions.all()]
    events += [{"kind": "version", "at": version.published_at, "record": version} for version in program.versions.all()]
    events += [{"kind": "adoption", "at": a.recorded_at, "record": a} for a in program.adoptions.all()]
    # On the same instant, a publication or an adoption comes before the phase change it leads to.
    rank = {"start": 0, "version": 1, "adoption": 2, "transition": 3}
    return sorted(events, key=lambda event: (event["at"], rank[event["kind"]]))


def commitment_detail(pk: int) -> Commitment:
    adaptations = Commitment.objects.public().select_related("program__collectivity").order_by("pk")
    return (
        Commitment.objects.select_related("axis", "program__collectivity", "program__reference_version")
        .prefetch_related(
            co_owners(),
            Prefetch("milestones", queryset=Milestone.objects.order_by("order", "due_date", "pk")),
            Prefetch("adaptations", queryset=adaptations),
        )
        .get(pk=pk)
    )


def versions_of(program: Program) -> list[ProgramVersion]:
    return list(program.versions.without_snapshot().select_related("published_by").order_by("number"))


def version(program: Program, number: int) -> ProgramVersion:
    return ProgramVersion.objects.select_related("published_by").get(program=program, number=number)


def network_commitments(
    query: str = "", principle: str = "", exclude_collectivity: Collectivity | None = None
) -> QuerySet[Commitment]:
    """Commitments of every public program, for the network's library (search folds Arabic spellings)."""
    queryset = Commitment.objects.public().select_related("program__collectivity", "axis")
    if principle:
        queryset = queryset.with_principle(principle)
    if query:
        for word in normalise(query).split():
            queryset = queryset.filter(search_key__contains=word)
    if exclude_collectivity is not None:
        queryset = queryset.exclude(program__collectivity=exclude_collectivity)
    return queryset.order_by("program__collectivity__code", "program_id", "order", "pk")


def editable_axes(user: User, exclude_program: Program | None = None) -> QuerySet[Axis]:
    """Axes of the programs whose drafts `user` may change (the targets of a copy): the same people and phases as
    the `programs.change_program` rule."""
    axes = Axis.objects.select_related("program__collectivity").exclude(program__phase=Phase.CLOSED)
    if not user.is_superuser:
        axes = axes.filter(program__collectivity__in=collectivities_where(user, {Role.FOCAL_POINT, Role.EDITOR}))
    if exclude_program is not None:
        axes = axes.exclude(program=exclude_program)
    return axes.order_by("program__collectivity__code", "program_id", "order", "pk")


def member_section_context(request: HttpRequest, collectivity: Collectivity) -> dict[str, Any]:
    """The member page's block: this collectivity's programs that the visitor may see (one query)."""
    programs = (
        visible_programs(request.user)
        .filter(collectivity=collectivity)
        .select_related("reference_version")
        .order_by("-created_at", "pk")
    )
    return {"programs": list(programs), "collectivity": collectivity}


def member_section_power_state(request: HttpRequest, collectivity: Collectivity) -> str:
    """What the block shows a reader depends on among their powers: whether they read its programs in preparation."""
    drafts = drafts_read_by(request.user)
    return "drafts" if drafts is True or collectivity.pk in drafts else ""


def snapshot_seen_by(snapshot: dict[str, Any] | None, user: Viewer) -> dict[str, Any]:
    """A copy of a version's snapshot naming only the associations `user` may see now (one query): a version keeps
    the co-owners it had, but one no longer public (or never verified) is left out (core.visibility)."""
    import copy

    from infitah.core.visibility import sees

    snapshot = copy.deepcopy(snapshot or {})
    commitments = [c for axis in snapshot.get("axes") or [] for c in axis.get("commitments") or []]
    ids = {a.get("id") for c in commitments for a in c.get("associations") or []}
    seen = {a.pk for a in Association.objects.filter(pk__in=ids) if sees(user, a)} if ids else set()
    for commitment in commitments:
        commitment["associations"] = [a for a in commitment.get("associations") or [] if a.get("id") in seen]
    return snapshot
