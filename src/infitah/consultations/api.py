"""Public consultations, their public contributions and the collectivity's responses.

Only consultations on public programs appear. A contribution hidden by the moderators shows only that it is
hidden and why; no personal data is published: the author's display name, never an e-mail address. Every
answer costs a fixed number of queries whatever the consultation holds (pinned by
tests/consultations/test_api.py).
"""

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema

from infitah.accounts.models import Association
from infitah.api.pagination import Shown
from infitah.api.problems import Code, Id, first_or_404
from infitah.api.routers import AppRouter
from infitah.api.schemas import TRANSLATED, AssociationRef, Translated
from infitah.consultations import clock, selectors
from infitah.consultations.models import Consultation, Contribution, ContributionKind, Response, ResponseOutcome
from infitah.consultations.views import consultation_state
from infitah.core.principles import Principle
from infitah.participation.selectors import with_participation
from infitah.programs.phases import PUBLIC_PHASES

router = AppRouter("consultations", tags=["consultations"])

State = Literal["upcoming", "open", "closed"]


class ConsultationOut(Schema):
    id: int
    program_id: int
    version_number: int = Field(description="The published version of the program that is consulted")
    collectivity_code: str
    title: Translated
    description: Translated
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
    def resolve_version_number(obj: Consultation) -> int:
        return obj.version.number

    @staticmethod
    def resolve_collectivity_code(obj: Consultation) -> str:
        return obj.collectivity.code

    @staticmethod
    def resolve_state(obj: Consultation) -> State:
        return consultation_state(obj)


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
    reason: Translated
    commitment_key: UUID | None = Field(description="Key of the program's commitment that takes the contribution up")
    merged_into: int | None = Field(description="Id of the contribution it was merged with")
    answered_at: datetime

    @staticmethod
    def resolve_merged_into(obj: Response) -> int | None:
        return obj.merged_into_id


class ContributionOut(Schema):
    id: int
    consultation_id: int
    kind: ContributionKind
    is_hidden: bool
    is_withdrawn: bool = Field(description="Withdrawn by its author: no text, no author, not answered")
    hidden_category: str = Field(description="Why the moderators hid it (empty when visible)")
    hidden_reason: str
    author_name: str | None = Field(description="The author's display name (null when hidden or withdrawn)")
    association: AssociationRef | None = Field(description="The verified association it was made on behalf of")
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
    def resolve_is_withdrawn(obj: Contribution) -> bool:
        return obj.withdrawn_at is not None

    @staticmethod
    def resolve_author_name(obj: Contribution) -> str | None:
        # As on the page: a hidden or withdrawn contribution names nobody.
        return None if obj.is_hidden or obj.withdrawn_at else obj.author.display_name

    @staticmethod
    def resolve_association(obj: Contribution) -> Association | None:
        return None if obj.is_hidden or obj.withdrawn_at else obj.association

    @staticmethod
    def resolve_response_state(obj: Contribution) -> str:
        if obj.withdrawn_at:
            return "withdrawn"
        if obj.is_hidden:
            return "hidden"
        consultation = obj.consultation
        response = getattr(obj, "response", None)
        answered_at = response.answered_at if response is not None else None
        return clock.response_state(consultation.closes_at, consultation.response_days, answered_at, timezone.now())

    @staticmethod
    def resolve_response(obj: Contribution) -> Response | None:
        return getattr(obj, "response", None)


def _without_hidden_text(contribution: Contribution) -> Contribution:
    if contribution.is_hidden:
        contribution.title = contribution.body = contribution.problem = contribution.expected_results = ""
        contribution.principles = []
    return contribution


def _consultations(state: str = "") -> QuerySet[Consultation]:
    return selectors.consultation_list(state=state).select_related("version").defer("version__snapshot")


def _public_consultation(consultation_id: int) -> Consultation:
    return first_or_404(
        _consultations().filter(pk=consultation_id),
        _("There is no public consultation with the id %(id)s.") % {"id": consultation_id},
    )


@router.paged(
    "consultations",
    ConsultationOut,
    summary="Public consultations on openness programs",
    ordering={"id": "pk", "opens_at": "opens_at", "closes_at": "closes_at"},
)
def list_consultations(
    request: HttpRequest,
    collectivity: Code | None = Query(None, description="Only the consultations of the collectivity with this code"),
    program: Id | None = Query(None, description="Only the consultations on this program"),
    state: State | None = None,
) -> QuerySet[Consultation]:
    queryset = _consultations(state or "")
    if collectivity:
        queryset = queryset.filter(collectivity__code=collectivity)
    if program:
        queryset = queryset.filter(program_id=program)
    return queryset.order_by("pk")


@router.one(
    "consultations/{consultation_id}", ConsultationDetailOut, summary="One consultation, with its response clock"
)
def get_consultation(request: HttpRequest, consultation_id: Id) -> Consultation:
    consultation = _public_consultation(consultation_id)
    # Read by ConsultationDetailOut's clock field.
    consultation.clock = selectors.clock_summary(consultation)  # type: ignore[attr-defined]
    return consultation


def _contributions() -> QuerySet[Contribution]:
    queryset = Contribution.objects.select_related("author", "association", "response", "consultation").filter(
        consultation__program__phase__in=[phase.value for phase in PUBLIC_PHASES]
    )
    return with_participation(queryset, None)


@router.paged(
    "consultations/{consultation_id}/contributions",
    ContributionOut,
    summary="The contributions to a consultation, with their responses",
    not_found=True,
    ordering={"id": "pk", "created": "created_at"},
)
def list_contributions(
    request: HttpRequest,
    consultation_id: Id,
    kind: ContributionKind | None = None,
    answered: bool | None = Query(None, description="Only the answered (true) or unanswered (false) ones"),
) -> Shown:
    # Only whether it is public: the consultation's own figures (its count of contributions, a scan of all of
    # them) are not part of a page of its contributions.
    consultation = first_or_404(
        Consultation.objects.filter(pk=consultation_id, program__phase__in=[phase.value for phase in PUBLIC_PHASES]),
        _("There is no public consultation with the id %(id)s.") % {"id": consultation_id},
    )
    queryset = _contributions().filter(consultation=consultation)
    if kind:
        queryset = queryset.filter(kind=kind)
    if answered is not None:
        queryset = queryset.filter(response__isnull=not answered)
    # Pages are read from the queryset (by cursor or number); each row of a page then loses any hidden text.
    return Shown(queryset.order_by("created_at", "pk"), _without_hidden_text)


@router.one("contributions/{contribution_id}", ContributionOut, summary="One contribution, with its response")
def get_contribution(request: HttpRequest, contribution_id: Id) -> Contribution:
    detail = _("There is no public contribution with the id %(id)s.") % {"id": contribution_id}
    return _without_hidden_text(first_or_404(_contributions().filter(pk=contribution_id), detail))
