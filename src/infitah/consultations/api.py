"""Public consultations, their public contributions and the collectivity's responses.

Only consultations on public programs appear. A contribution hidden by the moderators shows only that it is
hidden and why; no personal data is published: the author's display name, never an e-mail address. Every
answer costs a fixed number of queries whatever the consultation holds (pinned by tests/api/test_consultations.py).
"""

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from infitah.api.problems import Code, Id, Pages, documented
from infitah.api.routers import AppRouter
from infitah.consultations import clock, selectors
from infitah.consultations.models import Contribution, ContributionKind, ResponseOutcome
from infitah.core.principles import Principle
from infitah.participation.selectors import with_participation
from infitah.programs.phases import PUBLIC_PHASES

router = AppRouter("consultations", tags=["consultations"])

TRANSLATED = "Text per language code (ar, fr, en, zgh); languages without text are left out."
State = Literal["upcoming", "open", "closed"]


def _state(consultation, now=None):
    now = now or timezone.now()
    if now < consultation.opens_at:
        return "upcoming"
    return "open" if now < consultation.closes_at else "closed"


class ConsultationOut(Schema):
    id: int
    program_id: int
    version_number: int = Field(description="The published version of the program that is consulted")
    collectivity_code: str
    title: dict[str, str] = Field(description=TRANSLATED)
    description: dict[str, str] = Field(description=TRANSLATED)
    rules: dict[str, str] = Field(description="Participation rules. " + TRANSLATED)
    opens_at: datetime
    closes_at: datetime
    state: State
    accepts_proposals: bool
    residents_only: bool
    response_days: int = Field(description="Days after the close within which every contribution is answered")
    response_due_on: date = Field(description="The last day to answer (Africa/Casablanca)")
    contribution_count: int

    @staticmethod
    def resolve_version_number(obj):
        return obj.version.number

    @staticmethod
    def resolve_collectivity_code(obj):
        return obj.collectivity.code

    @staticmethod
    def resolve_state(obj):
        return _state(obj)


class ClockOut(Schema):
    total: int = Field(description="Visible contributions, each awaiting a reasoned answer")
    answered: int
    answered_on_time: int
    answered_late: int
    not_due: int = Field(description="Unanswered while the consultation is still open")
    pending: int = Field(description="Unanswered, within the delay")
    overdue: int = Field(description="Unanswered, past the delay")
    due_on: date


class ConsultationDetailOut(ConsultationOut):
    clock: ClockOut


class ResponseOut(Schema):
    outcome: ResponseOutcome
    reason: dict[str, str] = Field(description=TRANSLATED)
    commitment_key: UUID | None = Field(description="Key of the program's commitment that takes the contribution up")
    merged_into: int | None = Field(description="Id of the contribution it was merged with")
    answered_at: datetime

    @staticmethod
    def resolve_merged_into(obj):
        return obj.merged_into_id


class ContributionAssociationOut(Schema):
    id: int
    name: dict[str, str] = Field(description=TRANSLATED)


class ContributionOut(Schema):
    id: int
    consultation_id: int
    kind: ContributionKind
    is_hidden: bool
    is_withdrawn: bool = Field(description="Withdrawn by its author: no text, no author, not answered")
    hidden_category: str = Field(description="Why the moderators hid it (empty when visible)")
    hidden_reason: str
    author_name: str | None = Field(description="The author's display name (null when hidden or withdrawn)")
    association: ContributionAssociationOut | None = Field(
        description="The verified association it was made on behalf of"
    )
    axis_key: UUID | None = Field(description="Key of the axis in the consulted version's snapshot")
    commitment_key: UUID | None = Field(description="Key of the commitment in the consulted version's snapshot")
    title: str
    body: str = Field(description="The comment, or what a proposed commitment does")
    problem: str
    expected_results: str
    principles: list[Principle]
    created_at: datetime
    support_count: int
    comment_count: int
    response_state: str = Field(description="not_due, pending, overdue, answered, answered_late, hidden or withdrawn")
    response: ResponseOut | None

    @staticmethod
    def resolve_is_withdrawn(obj):
        return obj.withdrawn_at is not None

    @staticmethod
    def resolve_author_name(obj):
        # As on the page: a hidden or withdrawn contribution names nobody.
        return None if obj.is_hidden or obj.withdrawn_at else obj.author.display_name

    @staticmethod
    def resolve_association(obj):
        return None if obj.is_hidden or obj.withdrawn_at else obj.association

    @staticmethod
    def resolve_response_state(obj):
        if obj.withdrawn_at:
            return "withdrawn"
        if obj.is_hidden:
            return "hidden"
        consultation = obj.consultation
        response = getattr(obj, "response", None)
        answered_at = response.answered_at if response is not None else None
        return clock.response_state(consultation.closes_at, consultation.response_days, answered_at, timezone.now())

    @staticmethod
    def resolve_response(obj):
        return getattr(obj, "response", None)


def _without_hidden_text(contribution):
    if contribution.is_hidden:
        contribution.title = contribution.body = contribution.problem = contribution.expected_results = ""
        contribution.principles = []
    return contribution


def _consultations():
    return (
        selectors.consultation_list()
        .select_related("version")
        .defer("version__snapshot")
        .filter(program__phase__in=[phase.value for phase in PUBLIC_PHASES])
    )


def _public_consultation(consultation_id):
    consultation = _consultations().filter(pk=consultation_id).first()
    if consultation is None:
        raise HttpError(404, _("There is no public consultation with the id %(id)s.") % {"id": consultation_id})
    return consultation


@router.get(
    "consultations",
    response=documented(200, list[ConsultationOut]),
    summary="Public consultations on openness programs",
)
@paginate(Pages)
def list_consultations(
    request,
    collectivity: Code | None = Query(None, description="Only the consultations of the collectivity with this code"),
    program: Id | None = Query(None, description="Only the consultations on this program"),
    state: State | None = None,
):
    queryset = _consultations()
    if collectivity:
        queryset = queryset.filter(collectivity__code=collectivity)
    if program:
        queryset = queryset.filter(program_id=program)
    now = timezone.now()
    if state == "upcoming":
        queryset = queryset.filter(opens_at__gt=now)
    elif state == "open":
        queryset = queryset.filter(opens_at__lte=now, closes_at__gt=now)
    elif state == "closed":
        queryset = queryset.filter(closes_at__lte=now)
    return queryset.order_by("pk")


@router.get(
    "consultations/{consultation_id}",
    response=documented(200, ConsultationDetailOut, not_found=True),
    summary="One consultation, with its response clock",
)
def get_consultation(request, consultation_id: Id):
    consultation = _public_consultation(consultation_id)
    consultation.clock = selectors.clock_summary(consultation)
    return consultation


def _contributions(consultation_ids=None):
    queryset = Contribution.objects.select_related("author", "association", "response", "consultation").filter(
        consultation__program__phase__in=[phase.value for phase in PUBLIC_PHASES]
    )
    return with_participation(queryset, None)


@router.get(
    "consultations/{consultation_id}/contributions",
    response=documented(200, list[ContributionOut], not_found=True),
    summary="The contributions to a consultation, with their responses",
)
@paginate(Pages)
def list_contributions(
    request,
    consultation_id: Id,
    kind: ContributionKind | None = None,
    answered: bool | None = Query(None, description="Only the answered (true) or unanswered (false) ones"),
):
    consultation = _public_consultation(consultation_id)
    queryset = _contributions().filter(consultation=consultation)
    if kind:
        queryset = queryset.filter(kind=kind)
    if answered is not None:
        queryset = queryset.filter(response__isnull=not answered)
    return _HiddenTextRemoved(queryset.order_by("created_at", "pk"))


class _HiddenTextRemoved:
    """A queryset wrapper that blanks hidden contributions' text as the paginator reads the page."""

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self):
        return self.queryset.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        rows = self.queryset[item]
        return [_without_hidden_text(row) for row in rows] if isinstance(item, slice) else _without_hidden_text(rows)


@router.get(
    "contributions/{contribution_id}",
    response=documented(200, ContributionOut, not_found=True),
    summary="One contribution, with its response",
)
def get_contribution(request, contribution_id: Id):
    contribution = _contributions().filter(pk=contribution_id).first()
    if contribution is None:
        raise HttpError(404, _("There is no public contribution with the id %(id)s.") % {"id": contribution_id})
    return _without_hidden_text(contribution)
