"""Public, read-only data of co-monitoring: the progress updates of public adopted programs with their reviews and
the collectivity's replies, and each program's tracker summary.

A review shows its verdict, comment and date; never who wrote it beyond that (no e-mail, no account). Every answer
costs a fixed number of queries whatever the number of updates, reviews and commitments.
"""

from datetime import date, datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema, Status
from ninja.errors import HttpError

from infitah.api.problems import Id, Problem, first_or_404, refuse_invalid
from infitah.api.routers import AppRouter
from infitah.api.schemas import Translated
from infitah.api.writes import require_on
from infitah.monitoring import services
from infitah.monitoring.models import Completion, ProgressUpdate, ReviewState, Verdict
from infitah.monitoring.open_data import public_adopted_programs
from infitah.monitoring.tracker import Tracker, build_tracker
from infitah.programs.models import Program

router = AppRouter("monitoring", tags=["monitoring"])


class ReviewOut(Schema):
    verdict: Verdict
    comment: str
    created_at: datetime


class ReplyOut(Schema):
    text: str
    created_at: datetime


class UpdateOut(Schema):
    id: int
    program_id: int
    commitment_key: UUID = Field(description="The adopted version's commitment (its stable key)")
    milestone_key: UUID | None = Field(description="The milestone, when the update is about one")
    as_of: date
    completion: Completion
    percent: int
    narrative: Translated
    decrease_reason: Translated
    evidence_links: list[str]
    review_state: ReviewState = Field(description="Contested: flagged publicly until the collectivity answers")
    created_at: datetime
    reviews: list[ReviewOut]
    replies: list[ReplyOut]

    @staticmethod
    def resolve_reviews(obj: ProgressUpdate) -> list:
        return list(obj.reviews.all())

    @staticmethod
    def resolve_replies(obj: ProgressUpdate) -> list:
        return list(obj.replies.all())

    @staticmethod
    def resolve_evidence_links(obj: ProgressUpdate) -> list[str]:
        links = obj.evidence_links if isinstance(obj.evidence_links, list) else []
        return [str(link.get("url", "")) if isinstance(link, dict) else str(link) for link in links]


class MilestoneProgressOut(Schema):
    key: UUID
    title: Translated
    due_date: date | None
    weight: int
    percent: float
    overdue: bool


class CommitmentProgressOut(Schema):
    key: UUID
    axis_key: UUID
    title: Translated
    percent: float
    completion: Completion | None = Field(description="Stated by the commitment's own latest update")
    flagged_updates: int = Field(description="Contested updates awaiting the collectivity's answer")
    milestones: list[MilestoneProgressOut]


class AxisProgressOut(Schema):
    key: UUID
    title: Translated
    percent: float | None


class TrackerOut(Schema):
    program_id: int
    reference_version: int = Field(description="Number of the version adopted by the council")
    percent: float | None
    axes: list[AxisProgressOut]
    commitments: list[CommitmentProgressOut]
    updates_by_review_state: dict[str, int]


def _updates() -> QuerySet[ProgressUpdate]:
    return (
        ProgressUpdate.objects.filter(program__in=public_adopted_programs())
        .prefetch_related("reviews", "replies")
        .order_by("-as_of", "-pk")
    )


@router.paged(
    "monitoring/updates",
    UpdateOut,
    summary="Progress updates of public adopted programs",
    ordering={"as_of": "as_of"},
)
def list_updates(
    request: HttpRequest,
    program: Id | None = Query(None, description="Only the updates of the program with this id"),
    review_state: ReviewState | None = None,
) -> QuerySet[ProgressUpdate]:
    updates = _updates()
    if program:
        updates = updates.filter(program_id=program)
    if review_state:
        updates = updates.filter(review_state=review_state)
    return updates


@router.one("monitoring/updates/{update_id}", UpdateOut, summary="One progress update, its reviews and replies")
def get_update(request: HttpRequest, update_id: Id) -> ProgressUpdate:
    update = _updates().filter(pk=update_id).first()
    if update is None:
        raise HttpError(404, _("There is no public progress update with the id %(id)s.") % {"id": update_id})
    return update


@router.one("monitoring/programs/{program_id}/tracker", TrackerOut, summary="Where an adopted program stands")
def get_tracker(request: HttpRequest, program_id: Id) -> dict:
    program = public_adopted_programs().filter(pk=program_id).select_related("reference_version").first()
    if program is None:
        raise HttpError(404, _("There is no public adopted openness program with the id %(id)s.") % {"id": program_id})
    return _summary(program, build_tracker(program))


def _summary(program: Program, tracker: Tracker) -> dict:
    assert tracker.version is not None  # an adopted program
    return {
        "program_id": program.pk,
        "reference_version": tracker.version.number,
        "percent": tracker.percent,
        "axes": [{"key": a.key, "title": a.title, "percent": a.percent} for a in tracker.axes],
        "commitments": [
            {
                "key": c.key,
                "axis_key": c.axis_key,
                "title": c.title,
                "percent": c.percent,
                "completion": c.completion,
                "flagged_updates": len(c.flagged),
                "milestones": [
                    {
                        "key": m.key,
                        "title": m.title,
                        "due_date": m.due_date,
                        "weight": m.weight,
                        "percent": m.percent,
                        "overdue": m.overdue,
                    }
                    for m in c.milestones
                ],
            }
            for c in tracker.commitments
        ],
        "updates_by_review_state": tracker.counts(),
    }


# --- Staff writes (a bearer token: infitah.api.auth) ---


class UpdateIn(Schema):
    """A progress update, as the program's focal point or editors write it on the monitoring desk."""

    commitment_key: str = Field(max_length=64, description="The commitment's key in the adopted version")
    milestone_key: str | None = Field(None, max_length=64, description="One of its milestones; null for the whole")
    as_of: date = Field(description="The day the progress stands at; not in the future")
    completion: Completion
    percent: int = Field(ge=0, le=100)
    narrative: dict[str, str] = Field(description="Text per language code, stored as plain text")
    decrease_reason: dict[str, str] = Field(default_factory=dict, description="Required when the percent went down")
    evidence_links: list[str] = Field(default_factory=list, max_length=20)


@router.write(
    "POST",
    "monitoring/programs/{program_id}/updates",
    UpdateOut,
    status=201,
    summary="Record a progress update of your collectivity's adopted program",
    extra_responses={409: Problem},
)
def create_update(request: HttpRequest, program_id: Id, body: UpdateIn) -> Status:
    not_found = _("There is no openness program with the id %(id)s among those you monitor.") % {"id": program_id}
    program = first_or_404(Program.objects.select_related("collectivity").filter(pk=program_id), not_found)
    require_on(request, "monitoring.write_update", program, not_found)
    try:
        update = services.record_update(
            program,
            body.commitment_key,
            body.milestone_key,
            request.auth,  # type: ignore[attr-defined]
            body.as_of,
            body.completion,
            body.percent,
            body.narrative,
            body.decrease_reason,
            body.evidence_links,
        )
    except services.MonitoringRefused as refused:
        raise HttpError(409, str(refused)) from None
    except ValidationError as error:
        refuse_invalid(error)
    return Status(201, ProgressUpdate.objects.prefetch_related("reviews", "replies").get(pk=update.pk))
