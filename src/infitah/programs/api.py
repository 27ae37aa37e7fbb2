"""Public, read-only data of openness programs: programs, their phases and timeline, published versions (with their
snapshot and the comparison of two), axes, commitments and milestones.

Only public programs appear: a program is public from its co-creation phase on, and then its live draft (the
axes, commitments and milestones being edited) is public too, as on the program's page. A program still in
preparation is not found. Every answer costs a fixed number of queries whatever the program holds (pinned by
tests/programs/test_api.py).
"""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema
from ninja.errors import HttpError

from infitah.accounts.models import Association
from infitah.api.problems import Code, Id, Number, Words, documented, first_or_404
from infitah.api.routers import AppRouter
from infitah.api.schemas import AssociationRef, Translated
from infitah.core.principles import Principle
from infitah.core.visibility import all_visible
from infitah.programs import selectors
from infitah.programs.diff import diff_versions
from infitah.programs.models import (
    Axis,
    Commitment,
    CommitmentQuerySet,
    CouncilAdoption,
    Milestone,
    PhaseTransition,
    Program,
    ProgramVersion,
)
from infitah.programs.phases import Phase

router = AppRouter("programs", tags=["programs"])


class ProgramOut(Schema):
    id: int
    collectivity_code: str = Field(description="Official code of the collectivity the program belongs to")
    title: Translated
    summary: Translated
    phase: Phase
    phase_changed_at: datetime | None
    reference_version: int | None = Field(description="Number of the version adopted by the council, if any")
    created_at: datetime

    @staticmethod
    def resolve_collectivity_code(obj: Program) -> str:
        return obj.collectivity.code

    @staticmethod
    def resolve_reference_version(obj: Program) -> int | None:
        # No reference version id: Django answers None without a query.
        version = obj.reference_version
        return version.number if version is not None else None


class PhaseDatesOut(Schema):
    phase: Phase
    planned_start: date | None
    planned_end: date | None
    actual_start: datetime | None = Field(description="When the program first entered the phase")
    actual_end: datetime | None = Field(description="When it last left it (null while current or not reached)")


class TransitionOut(Schema):
    from_phase: Phase
    to_phase: Phase
    at: datetime
    reason: Translated


class MilestoneOut(Schema):
    id: int
    key: UUID
    commitment_id: int
    order: int
    title: dict[str, str]
    due_date: date
    deliverable: dict[str, str]


class CommitmentOut(Schema):
    id: int
    key: UUID = Field(description="Stable across versions: the key of this commitment in version snapshots")
    program_id: Id
    axis_id: int
    order: int
    title: Translated
    problem: dict[str, str]
    description: dict[str, str] = Field(description="What the commitment does")
    activities: dict[str, str]
    start_date: date
    end_date: date
    lead_unit: dict[str, str]
    associations: list[AssociationRef] = Field(description="Associations that co-own the commitment")
    other_actors: dict[str, str]
    principles: list[Principle]
    expected_results: dict[str, str]
    indicators: dict[str, str]
    budget_estimate: Decimal | None = Field(description="In Moroccan dirhams (MAD)")
    adapted_from: dict | None = Field(
        description="Credit to the commitment of another member this one was copied from (ids, titles, collectivity)"
    )
    milestones: list[MilestoneOut]

    @staticmethod
    def resolve_associations(obj: Commitment) -> list[Association]:
        return all_visible(None, obj.associations.all())

    @staticmethod
    def resolve_milestones(obj: Commitment) -> list[Milestone]:
        return list(obj.milestones.all())

    @staticmethod
    def resolve_adapted_from(obj: Commitment) -> dict | None:
        return obj.adapted_from_credit or None


class AxisOut(Schema):
    id: int
    key: UUID = Field(description="Stable across versions: the key of this axis in version snapshots")
    program_id: Id
    order: int
    title: Translated
    description: dict[str, str]


class AxisWithCommitments(AxisOut):
    commitments: list[CommitmentOut]

    @staticmethod
    def resolve_commitments(obj: Axis) -> list[Commitment]:
        return list(obj.commitments.all())


class VersionOut(Schema):
    number: int
    phase: Phase = Field(description="The program's phase when the version was published")
    note: Translated
    published_at: datetime


class VersionDetailOut(VersionOut):
    snapshot: dict = Field(description="The frozen draft: program texts and axes → commitments → milestones, with keys")

    @staticmethod
    def resolve_snapshot(obj: ProgramVersion) -> dict:
        return selectors.snapshot_seen_by(obj.snapshot, None)


class AdoptionOut(Schema):
    version: int = Field(description="Number of the adopted version")
    session_name: Translated
    adopted_on: date
    decision_number: str
    votes_for: int
    votes_against: int
    votes_abstain: int

    @staticmethod
    def resolve_version(obj: CouncilAdoption) -> int:
        return obj.version.number


class ProgramDetailOut(ProgramOut):
    phases: list[PhaseDatesOut]
    transitions: list[TransitionOut]
    versions: list[VersionOut]
    adoptions: list[AdoptionOut]
    axes: list[AxisWithCommitments] = Field(description="The live draft (public from co-creation on)")

    @staticmethod
    def resolve_phases(obj: Program) -> list[dict[str, Any]]:
        return [
            {
                "phase": step["phase"],
                "planned_start": step["planned"].planned_start if step["planned"] else None,
                "planned_end": step["planned"].planned_end if step["planned"] else None,
                "actual_start": step["actual_start"],
                "actual_end": step["actual_end"],
            }
            for step in selectors.phase_timeline(obj)
        ]

    @staticmethod
    def resolve_transitions(obj: Program) -> list[PhaseTransition]:
        return list(obj.transitions.all())

    @staticmethod
    def resolve_versions(obj: Program) -> list[ProgramVersion]:
        return list(obj.versions.all())

    @staticmethod
    def resolve_adoptions(obj: Program) -> list[CouncilAdoption]:
        return list(obj.adoptions.all())

    @staticmethod
    def resolve_axes(obj: Program) -> list[Axis]:
        return selectors.draft_axes(obj)


def _public_program(program_id: int, loader: Callable[[int], Program | None] | None = None) -> Program:
    try:
        program = (loader or (lambda pk: Program.objects.select_related("collectivity").get(pk=pk)))(program_id)
    except Program.DoesNotExist:
        program = None
    if program is None or not program.is_public:
        raise HttpError(404, _("There is no public openness program with the id %(id)s.") % {"id": program_id})
    return program


def _commitments() -> QuerySet[Commitment]:
    # The selector is typed as a plain QuerySet; it is Commitment.objects', a CommitmentQuerySet.
    return cast(CommitmentQuerySet, selectors.commitments_with_content()).public()


@router.paged(
    "programs", ProgramOut, summary="Public openness programs", ordering={"id": "pk", "created": "created_at"}
)
def list_programs(
    request: HttpRequest,
    collectivity: Code | None = Query(None, description="Only the programs of the collectivity with this code"),
    phase: Phase | None = None,
) -> QuerySet[Program]:
    queryset = Program.objects.public().select_related("collectivity", "reference_version").order_by("pk")
    if collectivity:
        queryset = queryset.filter(collectivity__code=collectivity)
    if phase:
        queryset = queryset.filter(phase=phase)
    return queryset


@router.one("programs/{program_id}", ProgramDetailOut, summary="One openness program")
def get_program(request: HttpRequest, program_id: Id) -> Program:
    return _public_program(program_id, loader=selectors.program_detail)


@router.get(
    "programs/{program_id}/transitions",
    response=documented(200, list[TransitionOut], not_found=True),
    summary="The program's phase changes, oldest first",
)
def list_transitions(request: HttpRequest, program_id: Id) -> list[PhaseTransition]:
    program = _public_program(program_id)
    return list(program.transitions.order_by("at", "pk"))


@router.get(
    "programs/{program_id}/versions",
    response=documented(200, list[VersionOut], not_found=True),
    summary="Published versions",
)
def list_versions(request: HttpRequest, program_id: Id) -> list[ProgramVersion]:
    return selectors.versions_of(_public_program(program_id))


@router.one(
    "programs/{program_id}/versions/{number}",
    VersionDetailOut,
    summary="One published version, with its frozen snapshot",
)
def get_version(request: HttpRequest, program_id: Id, number: Number) -> ProgramVersion:
    program = _public_program(program_id)
    try:
        return selectors.version(program, number)
    except ProgramVersion.DoesNotExist:
        raise HttpError(404, _("This program has no version %(number)d.") % {"number": number}) from None


@router.one(
    "programs/{program_id}/compare",
    dict,
    summary="What changed between two published versions",
    description="Axes and commitments added, removed and changed (matched by key), with word-level text changes.",
)
def compare_versions(request: HttpRequest, program_id: Id, old: Number, new: Number) -> dict:
    program = _public_program(program_id)
    versions = {v.number: v for v in program.versions.filter(number__in=[old, new])}
    missing = [n for n in (old, new) if n not in versions]
    if missing:
        raise HttpError(404, _("This program has no version %(number)d.") % {"number": missing[0]})
    return diff_versions(versions[old].snapshot, versions[new].snapshot)


@router.paged("axes", AxisOut, summary="Axes of public programs", ordering={"id": "pk", "order": "order"})
def list_axes(request: HttpRequest, program: Id | None = None) -> QuerySet[Axis]:
    queryset = Axis.objects.filter(program__in=Program.objects.public()).order_by("program_id", "order", "pk")
    if program is not None:
        queryset = queryset.filter(program_id=program)
    return queryset


@router.paged(
    "commitments",
    CommitmentOut,
    summary="Commitments of public programs",
    ordering={"id": "pk", "order": "order", "start_date": "start_date", "end_date": "end_date"},
)
def list_commitments(
    request: HttpRequest,
    program: Id | None = None,
    collectivity: Code | None = Query(None, description="Only the commitments of this collectivity's programs"),
    principle: Principle | None = None,
    q: Words | None = Query(None, description="Words to find (Arabic spellings are folded)"),
) -> QuerySet[Commitment]:
    queryset = _commitments().order_by("program_id", "order", "pk")
    if program is not None:
        queryset = queryset.filter(program_id=program)
    if collectivity:
        queryset = queryset.filter(program__collectivity__code=collectivity)
    if principle or q:
        found = selectors.network_commitments(query=q or "", principle=principle or "")
        queryset = queryset.filter(pk__in=found.values("pk"))
    return queryset


@router.one("commitments/{commitment_id}", CommitmentOut, summary="One commitment")
def get_commitment(request: HttpRequest, commitment_id: Id) -> Commitment:
    return first_or_404(
        _commitments().filter(pk=commitment_id),
        _("There is no public commitment with the id %(id)s.") % {"id": commitment_id},
    )


@router.paged(
    "milestones", MilestoneOut, summary="Milestones of public programs", ordering={"id": "pk", "due_date": "due_date"}
)
def list_milestones(
    request: HttpRequest, program: Id | None = None, commitment: Id | None = None
) -> QuerySet[Milestone]:
    queryset = Milestone.objects.filter(commitment__program__in=Program.objects.public())
    if program is not None:
        queryset = queryset.filter(commitment__program_id=program)
    if commitment is not None:
        queryset = queryset.filter(commitment_id=commitment)
    return queryset.order_by("commitment__program_id", "commitment_id", "order", "due_date", "pk")
